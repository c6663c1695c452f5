package load

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/dossier"
)

// within fails the test when fn has not returned by the deadline: a
// hostile input that hangs the loader must fail the test, never block it.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

func TestANumberThatIsNotFiniteIsRefusedAtItsPosition(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Infinity", "+Infinity", "1e999", `"NaN"`} {
		t.Run("YAML hours: "+v, func(t *testing.T) {
			dir := dossierDir(t, map[string]string{"training.yaml": "- id: T1\n  date: 2026-01-15\n  hours: " + v + "\n"})
			within(t, 20*time.Second, func() {
				_, _, probs := loadAndScan(t, dir)
				at := dossier.Pos{File: filepath.Join(dir, "training.yaml"), Line: 3, Col: 10}
				// 1e999 overflows ParseFloat and is refused by the schema
				// as "expected number"; the others parse and are refused
				// as not finite. Both at the value.
				if !hasProblem(probs, at, "hours") || strings.Contains(describeProblems(probs), "panic") {
					t.Errorf("want hours refused at %s as not finite; got:%s", at, describeProblems(probs))
				}
			})
		})
	}
	t.Run("a text cell NaN in a workbook's hours column", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "book.xlsx")
		book(t, p, []string{"Training"}, func(f *excelize.File) {
			setRows(t, f, "Training", [][]any{{"id", "date", "hours"}, {"T1", "2026-01-15", "NaN"}, {"T2", "2026-01-16", "+Infinity"}})
		})
		within(t, 20*time.Second, func() {
			_, _, probs := loadAndScan(t, p)
			for _, cell := range []string{"C2", "C3"} {
				if !hasProblem(probs, dossier.Pos{File: p, Sheet: "Training", Cell: cell}, "hours", "finite") {
					t.Errorf("want Training!%s refused as not finite; got:%s", cell, describeProblems(probs))
				}
			}
		})
	})
	for _, v := range []string{"+Inf", "NaN", "1e308", "-1"} {
		t.Run("CSV charge "+v, func(t *testing.T) {
			dir := dossierDir(t, map[string]string{"complaints.csv": complaintHeader + ",收取费用\nC1,2026-03-02 09:05,phone,x,closed," + v + "\n"})
			within(t, 20*time.Second, func() {
				_, _, probs := loadAndScan(t, dir)
				at := dossier.Pos{File: filepath.Join(dir, "complaints.csv"), Row: 2, Column: "收取费用"}
				if !hasProblem(probs, at, "charge", "expected an amount") {
					t.Errorf("want the charge refused at %s; got:%s", at, describeProblems(probs))
				}
			})
		})
	}
}

func TestAFIFOInPlaceOfAnInputIsRefusedWithoutBlocking(t *testing.T) {
	for _, name := range []string{"certready.yaml", "organisation.yaml", "complaints.csv", "book.xlsx"} {
		t.Run(name, func(t *testing.T) {
			dir := dossierDir(t, map[string]string{"channels.yaml": "[]\n"})
			p := filepath.Join(dir, name)
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skip("no FIFOs here:", err)
			}
			load := dir
			if strings.HasSuffix(name, ".xlsx") {
				load = p
			}
			within(t, 20*time.Second, func() {
				_, _, probs := loadAndScan(t, load)
				if !strings.Contains(describeProblems(probs), "not a regular file") {
					t.Errorf("want the FIFO %s refused as not a regular file; got:%s", name, describeProblems(probs))
				}
			})
		})
	}
}

func TestADossierCannotLiftItsOwnLimits(t *testing.T) {
	dir := dossierDir(t, map[string]string{
		"certready.yaml":    "limits:\n  max_yaml_nodes: 1000000000000\n",
		"organisation.yaml": billionLaughs(),
	})
	within(t, 30*time.Second, func() {
		res, _, probs := loadAndScan(t, dir)
		if !strings.Contains(describeProblems(probs), "more than 2000000 nodes") {
			t.Errorf("the dossier's limits section lifted the node limit; got:%s", describeProblems(probs))
		}
		if res == nil || len(res.Config.Notes) == 0 || !strings.Contains(res.Config.Notes[0], "limits: ignored") {
			t.Errorf("want a note that the limits section is ignored")
		}
	})
}

func TestAnEvidencePathWithAControlCharacterIsRefusedAtItsField(t *testing.T) {
	dir := dossierDir(t, map[string]string{"licences.yaml": licencesWithEvidence(`"scans/a\nb.pdf"`)})
	writeFiles(t, dir, map[string]string{"scans/a\nb.pdf": "%PDF-1.4\n"})
	_, _, probs := loadAndScan(t, dir)
	if !strings.Contains(describeProblems(probs), "control character U+000A") {
		t.Errorf("want the evidence path with a new line refused; got:%s", describeProblems(probs))
	}
}

func TestCSVLogsThatReadAsNonsenseSayWhatTheyAre(t *testing.T) {
	row := "C1,2026-03-02 09:05,phone,x,closed"
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range complaintHeader + "\r\n" + row + "\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for _, tc := range []struct{ name, body, want string }{
		{"UTF-16 with a byte-order mark", string(utf16), "UTF-16"},
		{"lines ending in a bare CR", complaintHeader + "\r" + row + "\r" + row + "\r", "bare carriage return"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := dossierDir(t, map[string]string{"complaints.csv": tc.body})
			_, _, probs := loadAndScan(t, dir)
			if !hasProblem(probs, dossier.Pos{File: filepath.Join(dir, "complaints.csv")}, tc.want) {
				t.Errorf("want %q at the file; got:%s", tc.want, describeProblems(probs))
			}
		})
	}
}
