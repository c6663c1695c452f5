package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// validateCLI runs the command line with an environment that touches nothing
// outside the test.
func validateCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	env := Env{
		In:     strings.NewReader(""),
		Out:    &out,
		Err:    &errb,
		Getenv: func(k string) string { return map[string]string{"CERTREADY_MAX_CELL_BYTES": "1024"}[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) },
	}
	code = Main(args, env)
	return code, out.String(), errb.String()
}

// dossierListing names every file under dir with its size.
func dossierListing(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		out = append(out, p+" "+info.Mode().String()+" "+strconv.FormatInt(info.Size(), 10)+" "+info.ModTime().String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func writeValidateDossier(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestValidateExitsTwoWithEveryProblemAtItsPosition(t *testing.T) {
	const header = "投诉编号,受理时间,投诉渠道,投诉内容,状态\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		load  string   // path to validate, relative to the dossier; "" for the directory
		want  []string // lines of output, with {dir} for the dossier directory
	}{
		{
			name:  "a YAML syntax error is printed as file:line",
			files: map[string]string{"organisation.yaml": "name: 示例公司\nsector: food\n  address: [\n"},
			want:  []string{"{dir}/organisation.yaml:3: invalid YAML: mapping values are not allowed in this context"},
		},
		{
			name:  "an evidence path leaving the dossier is printed at the field",
			files: map[string]string{"licences.yaml": "- type: business_licence\n  number: 91330106MA2B3C4D5E\n  valid_until: 长期\n  evidence: ../../etc/passwd\n"},
			want:  []string{`{dir}/licences.yaml:4:13: evidence: "../../etc/passwd": evidence path leaves the dossier directory`},
		},
		{
			name: "an oversized CSV cell is printed at its row and column",
			files: map[string]string{
				"complaints.csv": header + "C1,2026-03-02 09:05,phone,正常,closed\nC2,2026-03-02 10:00,phone," + strings.Repeat("长", 700) + ",closed\n",
			},
			want: []string{
				"complaint log: 1 of 2 rows have problems",
				`description too-large: 1 — cell is 2100 bytes, over the 1024-byte limit (CERTREADY_MAX_CELL_BYTES); first at {dir}/complaints.csv:row 3, column "投诉内容"`,
			},
		},
		{
			name: "a log's problems are grouped by field and kind with counts and first positions",
			files: map[string]string{
				"complaints.csv": "客服系统投诉导出\n" + header +
					"C1,,phone,x,已关闭\n" +
					"C2,,phone,x,已结案\n" +
					"C3,2026-03-02 09:05,phone,\"两行\n内容\",已结案\n" +
					"C4,2026-03-02 09:05,phone,x,已结案\n",
			},
			want: []string{
				"complaint log: 4 of 4 rows have problems",
				`received_at missing: 2 — required, but the cell is blank; first at {dir}/complaints.csv:row 3, column "受理时间"; {dir}/complaints.csv:row 4, column "受理时间"`,
				// A cell's own newline does not count: C4 is on row 6, as a spreadsheet shows it.
				`status unreadable: 3 — expected one of open (待处理), in_progress (处理中), resolved (已解决), closed (已关闭), withdrawn (已撤回), got "已结案"`,
				`{dir}/complaints.csv:row 6, column "状态"`,
				"5 problems",
			},
		},
		{
			name: "a header under a variant spelling is named with the field it probably is",
			files: map[string]string{
				"complaints.csv": "投诉编号,受理时间,投诉渠道,投诉内容,状态,根本原因分析,备注\nC1,2026-03-02 09:05,phone,x,closed,温控,无\n",
			},
			want: []string{
				`{dir}/complaints.csv:row 1, column "根本原因分析": ignored column "根本原因分析" looks like root_cause`,
				`ignored columns (no field takes them): "备注"`,
				"1 problem",
			},
		},
		{
			name:  "a workbook that is a renamed text file is refused by name",
			files: map[string]string{"dossier.xlsx": "type,number\n"},
			load:  "dossier.xlsx",
			want:  []string{"{dir}/dossier.xlsx: not an Excel .xlsx workbook"},
		},
		{
			name: "problems in the records and in the complaint log are all printed, records first",
			files: map[string]string{
				"organisation.yaml": "name: 示例公司\nestablished: 20120518\n",
				"complaints.csv":    header + "C1,昨天,phone,x,closed\n",
			},
			want: []string{
				"{dir}/organisation.yaml:2:14: established: expected a date",
				`received_at unreadable: 1 — expected a date-time`,
				`first at {dir}/complaints.csv:row 2, column "受理时间"`,
				"2 problems",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeValidateDossier(t, tc.files)
			before := dossierListing(t, dir)
			code, out, stderr := validateCLI("validate", filepath.Join(dir, tc.load))
			if code != ExitInput {
				t.Errorf("exit code %d, want %d (input error)", code, ExitInput)
			}
			last := -1
			for _, w := range tc.want {
				w = strings.ReplaceAll(w, "{dir}", dir)
				i := strings.Index(out, w)
				if i < 0 {
					t.Errorf("output lacks %q:\n%s%s", w, out, stderr)
				} else if i < last {
					t.Errorf("%q is out of order in:\n%s", w, out)
				}
				last = i
			}
			if after := dossierListing(t, dir); after != before {
				t.Errorf("validate wrote into the dossier:\n%s", after)
			}
		})
	}
}

func TestValidateReportsProblemsAsJSONWithStructuredPositions(t *testing.T) {
	dir := writeValidateDossier(t, map[string]string{"organisation.yaml": "name: 示例公司\nestablished: 20120518\n"})
	code, out, _ := validateCLI("validate", "--format", "json", dir)
	if code != ExitInput {
		t.Errorf("exit code %d, want %d", code, ExitInput)
	}
	var rep struct {
		Valid    bool `json:"valid"`
		Problems []struct {
			Where string `json:"where"`
			Pos   struct {
				File   string `json:"file"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
			} `json:"pos"`
			Message string `json:"message"`
		} `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if rep.Valid || len(rep.Problems) != 1 {
		t.Fatalf("want one problem, got %+v", rep)
	}
	p := rep.Problems[0]
	if p.Pos.File != filepath.Join(dir, "organisation.yaml") || p.Pos.Line != 2 || p.Pos.Column != 14 || !strings.Contains(p.Message, "the number 20120518") {
		t.Errorf("problem = %+v", p)
	}
}

func TestValidateAcceptsAnEmptyDossierAsValidWithNoRecords(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := validateCLI("validate", dir)
	if code != ExitOK {
		t.Errorf("exit code %d, want 0: %s%s", code, out, stderr)
	}
	if want := dir + ": valid (0 records, 0 complaints)"; !strings.Contains(out, want) {
		t.Errorf("output %q lacks %q", out, want)
	}
}

func TestValidateRefusesAMissingDossierWithExitTwo(t *testing.T) {
	code, out, _ := validateCLI("validate", filepath.Join(t.TempDir(), "absent"))
	if code != ExitInput || !strings.Contains(out, "absent: no such file or directory") {
		t.Errorf("exit %d, output %q; want 2 naming the path", code, out)
	}
}
