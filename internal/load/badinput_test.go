package load

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// gbk encodes s as GB18030, the encoding of most Chinese CRM exports.
func gbk(t testing.TB, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// billionLaughs is the classic alias bomb: nine levels of ten aliases,
// a billion scalars once expanded, a few hundred bytes as written.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("name: 示例公司\n")
	b.WriteString(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	for c := 'b'; c <= 'i'; c++ {
		prev := string(c - 1)
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", "))
	}
	return b.String()
}

// recordBomb is an alias bomb shaped like valid records: n documents that
// are all the same anchored record, whose covers list has n items. Every
// record passes the shape checks, so only the node budget can stop it.
func recordBomb(n int) string {
	var b strings.Builder
	b.WriteString("- &d\n  id: QM-01\n  title: 手册\n  kind: manual\n  covers: &c [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("policy, ", n), ", "))
	b.WriteString("]\n")
	for i := 1; i < n; i++ {
		b.WriteString("- *d\n")
	}
	return b.String()
}

// zipBombBook writes a real workbook whose worksheet inflates to size
// bytes of blanks: a few kilobytes on disk.
func zipBombBook(t testing.TB, path, sheet string, size int) {
	t.Helper()
	book(t, path, []string{sheet}, func(f *excelize.File) {
		setRows(t, f, sheet, [][]any{{"投诉编号", "受理时间", "投诉渠道", "状态"}})
	})
	rewriteZip(t, path, func(name string, body []byte) []byte {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			return nil
		}
		i := bytes.Index(body, []byte("<sheetData>"))
		return append(append(body[:i:i], bytes.Repeat([]byte(" "), size)...), body[i:]...)
	})
}

func licencesWithEvidence(ref string) string {
	return "- type: business_licence\n  number: 91330106MA2B3C4D5E\n  valid_until: 长期\n  evidence: " + ref + "\n"
}

func TestBadInputIsRefusedWithAPositionedMessageAndNothingWritten(t *testing.T) {
	outside := t.TempDir() // files a dossier must never reach
	writeFiles(t, outside, map[string]string{"secret.txt": "not evidence", "dir/licence.pdf": "%PDF-1.4 outside"})

	noEvidence := func(rel string) func(*testing.T, *Result) {
		return func(t *testing.T, res *Result) {
			if res == nil {
				t.Fatal("want the partial dossier alongside the errors")
			}
			if e, ok := res.Dossier.Evidence[rel]; ok {
				t.Errorf("evidence %q was registered (%+v); a path outside the dossier must never be looked at", rel, e)
			}
			if len(res.Dossier.Licences) != 0 {
				t.Errorf("the licence with the bad evidence path was loaded: %+v", res.Dossier.Licences)
			}
		}
	}

	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to load
		at    dossier.Pos                           // File relative to the dossier directory
		want  []string
		check func(t *testing.T, res *Result)
	}{
		{
			name: "a YAML syntax error is shown at its file and line",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": "name: 示例公司\nsector: food\n  address: [\n"})
				return dir
			},
			at:   dossier.Pos{File: "organisation.yaml", Line: 3},
			want: []string{"invalid YAML", "mapping values are not allowed"},
		},
		{
			name: "a billion-laughs alias bomb is refused by the node limit at the alias that crosses it",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": billionLaughs()})
				return dir
			},
			// Levels a to e hold some 135,800 nodes expanded; each *e on line 7
			// adds 122,222, and the eighth, at column 36, crosses the default
			// 1,000,000.
			at:   dossier.Pos{File: "organisation.yaml", Line: 7, Col: 36},
			want: []string{"more than 1000000 nodes", "CERTREADY_MAX_YAML_NODES"},
		},
		{
			name: "an alias bomb shaped like valid records is refused by the configured node limit",
			setup: func(t *testing.T, dir string) string {
				t.Setenv("CERTREADY_MAX_YAML_NODES", "100000")
				writeFiles(t, dir, map[string]string{
					"documents.yaml": recordBomb(3000),
				})
				return dir
			},
			// The record is 1 + 4 keys + 3 values + (1 + 3000) list nodes = 3009 nodes;
			// the sequence, the first record and 32 aliases make 100,324 > 100,000.
			at:   dossier.Pos{File: "documents.yaml", Line: 38, Col: 3},
			want: []string{"more than 100000 nodes", "CERTREADY_MAX_YAML_NODES"},
		},
		{
			name: "10,000 levels of flow nesting are refused at the first nested value",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": "name: 示例公司\ndeep: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n"})
				return dir
			},
			at:   dossier.Pos{File: "organisation.yaml", Line: 2, Col: 8},
			want: []string{"deep: expected a list of plain values"},
		},
		{
			name: "10,000 levels of block nesting are refused at the first nested value",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": "name: 示例公司\ndeep:\n" + strings.Repeat("- ", 10000) + "x\n"})
				return dir
			},
			at:   dossier.Pos{File: "organisation.yaml", Line: 3, Col: 3},
			want: []string{"deep: expected a list of plain values"},
		},
		{
			name: "nesting deeper than the YAML parser allows is refused at its line",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": "name: 示例公司\ndeep: " + strings.Repeat("[", 100000) + "\n"})
				return dir
			},
			at:   dossier.Pos{File: "organisation.yaml", Line: 2},
			want: []string{"invalid YAML", "exceeded max depth"},
		},
		{
			name: "a mistyped key in a record file offers the field it was meant to be",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"people.yaml": "- id: P01\n  naem: 周立群\n"})
				return dir
			},
			at:   dossier.Pos{File: "people.yaml", Line: 2, Col: 9},
			want: []string{`unknown field "naem" in people`, `did you mean "name"?`},
		},
		{
			name: "a YAML file that is not UTF-8 is refused at its first bad byte",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": "name: 示例公司\nsector: " + gbk(t, "公司") + "\n"})
				return dir
			},
			at:   dossier.Pos{File: "organisation.yaml", Line: 2, Col: 9},
			want: []string{"not UTF-8", "byte offset 27"},
		},
		{
			name: "a CSV cell that is not UTF-8 is refused at its row and column",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"complaints.csv": complaintHeader + "\nC1,2026-03-02 09:00,phone," + gbk(t, "酸奶过期") + ",closed\n"})
				return dir
			},
			at:   dossier.Pos{File: "complaints.csv", Row: 2, Column: "投诉内容"},
			want: []string{"not UTF-8", "complaints.encoding: gb18030"},
		},
		{
			name: "a GB18030 CSV read as UTF-8 says which setting to change",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"complaints.csv": gbk(t, complaintHeader+"\nC1,2026-03-02 09:00,phone,酸奶过期,closed\n")})
				return dir
			},
			at:   dossier.Pos{File: "complaints.csv"},
			want: []string{"no header row found", "not UTF-8", "complaints.encoding: gb18030"},
		},
		{
			name: "a workbook that is a renamed text file is refused plainly",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"dossier.xlsx": "type,number\nbusiness_licence,9133\n"})
				return filepath.Join(dir, "dossier.xlsx")
			},
			at:   dossier.Pos{File: "dossier.xlsx"},
			want: []string{"not an Excel .xlsx workbook"},
		},
		{
			name: "a complaint log .xlsx that is a renamed text file is refused plainly",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"complaints.xlsx": complaintHeader + "\n"})
				return dir
			},
			at:   dossier.Pos{File: "complaints.xlsx"},
			want: []string{"not an Excel .xlsx workbook"},
		},
		{
			name: "a zip-bomb workbook is refused by CERTREADY_MAX_UNZIP_BYTES",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				zipBombBook(t, p, "Licences", 8<<20)
				t.Setenv("CERTREADY_MAX_UNZIP_BYTES", "1048576")
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx"},
			want: []string{"refused", "1048576", "CERTREADY_MAX_UNZIP_BYTES"},
		},
		{
			name: "a zip-bomb complaint log is refused by CERTREADY_MAX_UNZIP_BYTES",
			setup: func(t *testing.T, dir string) string {
				zipBombBook(t, filepath.Join(dir, "complaints.xlsx"), "投诉记录", 8<<20)
				t.Setenv("CERTREADY_MAX_UNZIP_BYTES", "1048576")
				return dir
			},
			at:   dossier.Pos{File: "complaints.xlsx"},
			want: []string{"refused", "CERTREADY_MAX_UNZIP_BYTES"},
		},
		{
			name: "a record sheet with no header row is refused at A1",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"Licences"}, func(f *excelize.File) {
					setRows(t, f, "Licences", [][]any{{"business_licence", "91330106MA2B3C4D5E", "长期"}})
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "Licences", Cell: "A1"},
			want: []string{"no header row", "Type / 证照类型"},
		},
		{
			name: "a complaint sheet with no header row is refused at the sheet",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"投诉记录"}, func(f *excelize.File) {
					setRows(t, f, "投诉记录", [][]any{{"C1", "2026-03-02 09:00", "phone", "closed"}})
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "投诉记录"},
			want: []string{"no header row found"},
		},
		{
			name: "a duplicate column in a sheet is refused at the second header",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"证照"}, func(f *excelize.File) {
					setRows(t, f, "证照", [][]any{{"证照类型", "证照编号", "有效期至", "Number"}, {"business_licence", "9133", "长期", "9134"}})
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "证照", Cell: "D1"},
			want: []string{`duplicate column "Number"`, "already in column B1"},
		},
		{
			name: "a duplicate column in a CSV log is refused at the header row",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"complaints.csv": complaintHeader + ",Complaint id\nC1,2026-03-02 09:00,phone,x,closed,C1\n"})
				return dir
			},
			at:   dossier.Pos{File: "complaints.csv", Row: 1},
			want: []string{`columns 1 ("投诉编号") and 6 ("Complaint id") both map to id`},
		},
		{
			name: "an Excel error typed as text is refused at its cell",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"证照"}, func(f *excelize.File) {
					setRows(t, f, "证照", [][]any{{"证照类型", "证照编号", "有效期至"}, {"business_licence", "9133", "#N/A"}})
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "证照", Cell: "C2"},
			want: []string{"valid_until", "Excel error #N/A"},
		},
		{
			name: "a formula cell holding a cached Excel error is refused at its cell",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"证照"}, func(f *excelize.File) {
					setRows(t, f, "证照", [][]any{{"证照类型", "证照编号", "有效期至"}, {"business_licence"}})
					if err := f.SetCellFormula("证照", "B2", "Sheet9!A1"); err != nil {
						t.Fatal(err)
					}
					if err := f.SetCellValue("证照", "C2", "长期"); err != nil {
						t.Fatal(err)
					}
				})
				// excelize writes formulas without a cached value; Excel would
				// store the error it computed, so write that by hand.
				rewriteZip(t, p, func(name string, body []byte) []byte {
					if !strings.HasPrefix(name, "xl/worksheets/sheet") {
						return nil
					}
					out := bytes.Replace(body, []byte(`<c r="B2" t="str"><f>Sheet9!A1</f></c>`), []byte(`<c r="B2" t="e"><f>Sheet9!A1</f><v>#REF!</v></c>`), 1)
					if bytes.Equal(out, body) {
						t.Fatalf("formula cell not found in %s", body)
					}
					return out
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "证照", Cell: "B2"},
			want: []string{"number", "Excel error #REF!"},
		},
		{
			name: "an Excel error in a complaint sheet is refused at its cell",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"投诉记录"}, func(f *excelize.File) {
					setRows(t, f, "投诉记录", [][]any{{"投诉编号", "受理时间", "投诉渠道", "状态"}, {"C1", "#N/A", "phone", "closed"}})
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "投诉记录", Cell: "B2"},
			want: []string{"received_at", "Excel error #N/A"},
		},
		{
			name: "an Excel error in a CSV log is refused at its row and column",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"complaints.csv": complaintHeader + "\nC1,#VALUE!,phone,x,closed\n"})
				return dir
			},
			at:   dossier.Pos{File: "complaints.csv", Row: 2, Column: "受理时间"},
			want: []string{"Excel error #VALUE!"},
		},
		{
			name: "a number where a YAML date belongs is refused with the number",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"organisation.yaml": "name: 示例公司\nestablished: 20120518\n"})
				return dir
			},
			at:   dossier.Pos{File: "organisation.yaml", Line: 2, Col: 14},
			want: []string{"established: expected a date", "the number 20120518"},
		},
		{
			name: "a number where a workbook date belongs is refused with the number",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "dossier.xlsx")
				book(t, p, []string{"证照"}, func(f *excelize.File) {
					setRows(t, f, "证照", [][]any{{"证照类型", "证照编号", "有效期至", "发证日期"}, {"business_licence", "9133", "长期", 42}})
				})
				return p
			},
			at:   dossier.Pos{File: "dossier.xlsx", Sheet: "证照", Cell: "D2"},
			want: []string{"issued: expected a date", "the number 42"},
		},
		{
			name: "an evidence path climbing out with ../ is refused at the field and never looked at",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"licences.yaml": licencesWithEvidence("../../etc/passwd")})
				return dir
			},
			at:    dossier.Pos{File: "licences.yaml", Line: 4, Col: 13},
			want:  []string{"evidence", "leaves the dossier directory"},
			check: noEvidence("../../etc/passwd"),
		},
		{
			name: "an absolute evidence path is refused at the field and never looked at",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"licences.yaml": licencesWithEvidence(filepath.Join(outside, "secret.txt"))})
				return dir
			},
			at:    dossier.Pos{File: "licences.yaml", Line: 4, Col: 13},
			want:  []string{"is absolute", "leaves the dossier directory"},
			check: noEvidence(filepath.Join(outside, "secret.txt")),
		},
		{
			name: "an evidence symlink pointing out of the dossier is refused at the field and never read",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"licences.yaml": licencesWithEvidence("evidence/licence.pdf"), "evidence/other.pdf": "%PDF-1.4"})
				if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "evidence", "licence.pdf")); err != nil {
					t.Fatal(err)
				}
				return dir
			},
			at:    dossier.Pos{File: "licences.yaml", Line: 4, Col: 13},
			want:  []string{"symlink outside the dossier"},
			check: noEvidence("evidence/licence.pdf"),
		},
		{
			name: "an evidence folder that is a symlink out of the dossier is refused at the field",
			setup: func(t *testing.T, dir string) string {
				writeFiles(t, dir, map[string]string{"licences.yaml": licencesWithEvidence("scans/licence.pdf")})
				if err := os.Symlink(filepath.Join(outside, "dir"), filepath.Join(dir, "scans")); err != nil {
					t.Fatal(err)
				}
				return dir
			},
			at:    dossier.Pos{File: "licences.yaml", Line: 4, Col: 13},
			want:  []string{"symlink outside the dossier"},
			check: noEvidence("scans/licence.pdf"),
		},
		{
			name: "a 50 MB cell in the CSV log is refused by CERTREADY_MAX_CELL_BYTES at its row and column",
			setup: func(t *testing.T, dir string) string {
				f, err := os.Create(filepath.Join(dir, "complaints.csv"))
				if err != nil {
					t.Fatal(err)
				}
				w := bufio.NewWriter(f)
				fmt.Fprintf(w, "%s\nC1,2026-03-02 09:00,phone,正常,closed\nC2,2026-03-02 10:00,phone,", complaintHeader)
				chunk := bytes.Repeat([]byte("投诉"), 1<<15) // 192 KiB
				for n := 0; n < 50<<20; n += len(chunk) {
					w.Write(chunk)
				}
				fmt.Fprintf(w, ",closed\nC3,2026-03-02 11:00,phone,正常,closed\n")
				if err := w.Flush(); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
				return dir
			},
			at:   dossier.Pos{File: "complaints.csv", Row: 3, Column: "投诉内容"},
			want: []string{"over the 1048576-byte limit", "CERTREADY_MAX_CELL_BYTES"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp) // where excelize unpacks large sheets
			dir := t.TempDir()
			path := tc.setup(t, dir)
			before := snapshot(t, dir)
			res, _, probs := loadAndScan(t, path)
			want := tc.at
			want.File = filepath.Join(dir, filepath.FromSlash(want.File))
			if !hasProblem(probs, want, tc.want...) {
				t.Errorf("want a problem at %s containing %q; got:%s", want, tc.want, describeProblems(probs))
			}
			if tc.check != nil {
				tc.check(t, res)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("loading changed the dossier:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("loading left %d temporary files behind, first %s", len(left), left[0].Name())
			}
		})
	}
}

// A zip bomb whose first sheet is big enough to be unpacked to a
// temporary file, followed by an entry that crosses the limit: excelize
// fails after writing the file and returns nothing to close it with.
func TestAZipBombRefusedPartWayLeavesNoTemporaryFileBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 70 MB")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	p := filepath.Join(dir, "complaints.xlsx")
	zipBombBook(t, p, "投诉记录", 70<<20) // over excelize's 64 MB in-memory sheet size
	rewriteZip(t, p, func(string, []byte) []byte { return nil }, zipEntry{"xl/media/pad.bin", make([]byte, 40<<20)})
	t.Setenv("CERTREADY_MAX_UNZIP_BYTES", "104857600")

	_, _, probs := loadAndScan(t, dir)
	if !hasProblem(probs, dossier.Pos{File: p}, "CERTREADY_MAX_UNZIP_BYTES") {
		t.Errorf("want the bomb refused by CERTREADY_MAX_UNZIP_BYTES; got:%s", describeProblems(probs))
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("a refused workbook left %d temporary entries behind, first %s", len(left), left[0].Name())
	}
}

func TestTheMemoryABillionLaughsCostsIsBoundedByTheNodeLimit(t *testing.T) {
	dir := dossierDir(t, map[string]string{
		"organisation.yaml": billionLaughs(),
	})
	lim := config.DefaultLimits()
	lim.MaxYAMLNodes = 10000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Load(dir, Options{Limits: &lim})
	runtime.ReadMemStats(&after)
	// Levels a to c expand to 1,358 nodes, each *c on line 5 adds 1,222:
	// the eighth, at column 36, crosses 10,000.
	if !hasProblem(problems(err), dossier.Pos{File: filepath.Join(dir, "organisation.yaml"), Line: 5, Col: 36}, "more than 10000 nodes") {
		t.Errorf("want the bomb refused at the first alias crossing 10,000 nodes; got:%s", describeProblems(problems(err)))
	}
	// A billion strings would be tens of gigabytes; loading the schemas and
	// the file costs a few megabytes.
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("refusing the bomb allocated %d MB", got>>20)
	}
}
