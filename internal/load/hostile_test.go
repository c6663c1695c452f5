//go:build unix

package load

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/testtool"
	"github.com/certready/certready/internal/xlsxstream"
)

func TestANumberThatIsNotFiniteIsRefusedAtItsPosition(t *testing.T) {
	for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Infinity", "+Infinity", "1e999", `"NaN"`} {
		t.Run("YAML hours: "+v, func(t *testing.T) {
			dir := dossierDir(t, map[string]string{"training.yaml": "- id: T1\n  date: 2026-01-15\n  hours: " + v + "\n"})
			testtool.Within(t, 20*time.Second, func() {
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
		testtool.Within(t, 20*time.Second, func() {
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
			testtool.Within(t, 20*time.Second, func() {
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
			testtool.Within(t, 20*time.Second, func() {
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
	testtool.Within(t, 30*time.Second, func() {
		res, _, probs := loadAndScan(t, dir)
		if !strings.Contains(describeProblems(probs), "more than 1000000 nodes") {
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

// documentsBook writes a workbook whose Documents sheet has a header and
// one record, then lets edit rewrite the package's parts.
func documentsBook(t *testing.T, edit func(name string, body []byte) []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "book.xlsx")
	book(t, p, []string{"Documents"}, func(f *excelize.File) {
		setRows(t, f, "Documents", [][]any{{"id", "title", "kind"}, {"QM-01", "Manual", "manual"}})
	})
	if edit != nil {
		rewriteZip(t, p, edit)
	}
	return p
}

// documentsPart is the Documents sheet's part: excelize makes it sheet2
// (sheet1 was the default sheet it deleted).
const documentsPart = "xl/worksheets/sheet2.xml"

// sheetXML adds rows after the header row of the Documents sheet.
func sheetXML(rows string) func(string, []byte) []byte {
	return func(name string, body []byte) []byte {
		if name != documentsPart {
			return nil
		}
		s := string(body)
		i, j := strings.Index(s, "</row>"), strings.Index(s, "</sheetData>")
		return []byte(s[:i+len("</row>")] + rows + s[j:])
	}
}

func TestARecordSheetIsCappedInRowsAndColumnsAtTheCellThatCrosses(t *testing.T) {
	for _, tc := range []struct {
		name, rows, cell, want string
	}{
		{"a row past the row cap", `<row r="50001"><c r="A50001" t="inlineStr"><is><t>D1</t></is></c></row>`, "A50001", "more than 50000 rows"},
		{"a value in column XFD", `<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>`, "XFD2", "at most 256 columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := documentsBook(t, sheetXML(tc.rows))
			testtool.Within(t, 30*time.Second, func() {
				_, _, probs := loadAndScan(t, p)
				if !hasProblem(probs, dossier.Pos{File: p, Sheet: "Documents", Cell: tc.cell}, tc.want) {
					t.Errorf("want %q at Documents!%s; got:%s", tc.want, tc.cell, describeProblems(probs))
				}
			})
		})
	}
}

func TestASharedStringsTableLargerThanTheSheetsCouldUseIsRefused(t *testing.T) {
	p := documentsBook(t, func(name string, body []byte) []byte {
		if name != "xl/sharedStrings.xml" {
			return nil
		}
		s := string(body)
		i := strings.LastIndex(s, "</sst>")
		return []byte(s[:i] + strings.Repeat("<si><t></t></si>", 1<<20+10) + s[i:])
	})
	testtool.Within(t, 30*time.Second, func() {
		_, _, probs := loadAndScan(t, p)
		if !hasProblem(probs, dossier.Pos{File: p}, "shared strings table holds more than") {
			t.Errorf("want the shared strings refused; got:%s", describeProblems(probs))
		}
	})
}

func TestTheSharedStringsCapHoldsWhenExcelizeReadsTheWorkbook(t *testing.T) {
	p := documentsBook(t, func(name string, body []byte) []byte {
		switch name {
		case "xl/sharedStrings.xml":
			s := string(body)
			i := strings.LastIndex(s, "</sst>")
			return []byte(s[:i] + strings.Repeat("<si><t></t></si>", 1<<20+10) + s[i:])
		case "xl/_rels/workbook.xml.rels":
			// Shared strings declared elsewhere: outside the fast reader's
			// subset, so the workbook goes to excelize.
			if !bytes.Contains(body, []byte(`sharedStrings.xml"`)) {
				t.Fatalf("no shared strings relationship in %s", body)
			}
			return bytes.Replace(body, []byte(`sharedStrings.xml"`), []byte(`strings/other.xml"`), 1)
		}
		return nil
	})
	if _, err := xlsxstream.Open(p, xlsxstream.Options{}); !errors.Is(err, xlsxstream.ErrUnsupported) {
		t.Fatalf("the test workbook must be outside the fast reader's subset; Open: %v", err)
	}
	testtool.Within(t, 30*time.Second, func() {
		_, _, probs := loadAndScan(t, p)
		if !hasProblem(probs, dossier.Pos{File: p}, "shared strings table holds more than") {
			t.Errorf("want the shared strings refused; got:%s", describeProblems(probs))
		}
	})
}

func TestADamagedWorkbookSaysWhatIsWrongWithIt(t *testing.T) {
	t.Run("a zip that is not a workbook", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "book.xlsx")
		book(t, p, []string{"Documents"}, nil)
		// Keep only a text file: a zip, but no workbook in it.
		rewriteZip(t, p, func(name string, body []byte) []byte { return nil })
		writeZip(t, p, zipEntry{"hello.txt", []byte("hi")})
		_, _, probs := loadAndScan(t, p)
		if !hasProblem(probs, dossier.Pos{File: p}, "not an Excel .xlsx workbook") {
			t.Errorf("got:%s", describeProblems(probs))
		}
	})
	t.Run("a broken shared-strings part", func(t *testing.T) {
		p := documentsBook(t, func(name string, body []byte) []byte {
			if name == "xl/sharedStrings.xml" {
				return body[:len(body)/2]
			}
			return nil
		})
		_, _, probs := loadAndScan(t, p)
		if !hasProblem(probs, dossier.Pos{File: p}, "damaged workbook", "xl/sharedStrings.xml") {
			t.Errorf("got:%s", describeProblems(probs))
		}
	})
	t.Run("a bad CRC in a workbook read by excelize", func(t *testing.T) {
		// Rows out of order are outside the fast reader's subset: the
		// sheet goes to excelize, which would read the corrupted part as
		// if whole.
		// The sheet is large enough that the fast reader stops at the
		// rows out of order long before the end, where the CRC is checked.
		var filler strings.Builder
		for r := 6; r < 40_000; r++ {
			fmt.Fprintf(&filler, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>D%d</t></is></c></row>`, r, r, r)
		}
		p := documentsBook(t, sheetXML(`<row r="5"><c r="A5" t="inlineStr"><is><t>D5</t></is></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>D4</t></is></c></row>`+filler.String()))
		corruptStored(t, p, documentsPart)
		_, _, probs := loadAndScan(t, p)
		if !strings.Contains(describeProblems(probs), "checksum") {
			t.Errorf("want the bad CRC reported; got:%s", describeProblems(probs))
		}
	})
	t.Run("a stored sheet whose CRC does not match", func(t *testing.T) {
		p := documentsBook(t, nil)
		corruptStored(t, p, documentsPart)
		_, _, probs := loadAndScan(t, p)
		if !strings.Contains(describeProblems(probs), "checksum") {
			t.Errorf("want the bad CRC reported; got:%s", describeProblems(probs))
		}
	})
}

// writeZip replaces the file at path with a zip of the entries.
func writeZip(t *testing.T, path string, entries ...zipEntry) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// corruptStored rewrites the package with part stored (not deflated) and
// its recorded CRC off by one: the content is intact, the checksum lies.
func corruptStored(t *testing.T, path, part string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name != part {
			w, _ := zw.Create(f.Name)
			w.Write(body)
			continue
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(body) ^ 1,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAYAMLFileOfMoreNodesThanTheBudgetIsRefusedBeforeItsTreeIsBuilt(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"flow sequences", "[" + strings.Repeat("[1,2,3,4,5,6,7,8],", 150_000) + "[]]"},
		{"block items", strings.Repeat("- x\n", 1_100_000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := dossierDir(t, map[string]string{"people.yaml": tc.body})
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			testtool.Within(t, 30*time.Second, func() {
				_, _, probs := loadAndScan(t, dir)
				if !strings.Contains(describeProblems(probs), "refused before parsing") {
					t.Errorf("want the file refused before parsing; got:%s", describeProblems(probs))
				}
			})
			runtime.ReadMemStats(&after)
			// The node tree would take hundreds of megabytes; the file and
			// the schemas take a few.
			if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
				t.Errorf("refusing it allocated %d MB", got>>20)
			}
		})
	}
}

// FuzzLoadWorkbookSheets feeds one input as the XML of a record sheet
// (Documents) and as the shared strings of a small workbook. Loading must
// never panic or hang, and every problem must be placed in the workbook.
func FuzzLoadWorkbookSheets(f *testing.F) {
	seed := filepath.Join(f.TempDir(), "seed.xlsx")
	book(f, seed, []string{"Documents"}, func(x *excelize.File) {
		setRows(f, x, "Documents", [][]any{{"id", "title", "kind", "version"}, {"QM-01", "Manual", "manual", "1.0"}, {"QP-01", "Procedure", "procedure", 2}})
	})
	parts := map[string][]byte{}
	zr, err := zip.OpenReader(seed)
	if err != nil {
		f.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		parts[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	zr.Close()
	f.Add(parts[documentsPart], parts["xl/sharedStrings.xml"])
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row><row r="2"><c r="XFD2" t="s"><v>99</v></c></row></sheetData></worksheet>`), []byte(`<sst><si><t>x</t></si>`))
	f.Add([]byte(`<worksheet><sheetData><row r="60000"/></sheetData></worksheet>`), []byte(`<sst count="999999999"></sst>`))
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "book.xlsx")
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range parts {
			switch name {
			case documentsPart:
				body = sheet
			case "xl/sharedStrings.xml":
				body = sst
			}
			w, _ := zw.Create(name)
			w.Write(body)
		}
		zw.Close()
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		// The record sheets are read as Load reads them, without the
		// schema validation that follows (compiling the schemas would be
		// most of each run).
		testtool.Within(t, 30*time.Second, func() {
			cfg := config.Default()
			cfg.Limits = *fuzzLimits
			errs := &errorList{max: 50}
			src, err := newWorkbookSource(p, cfg)
			if err != nil {
				errs.addErr(err)
			} else {
				defer src.close()
				for _, rt := range dossier.Types() {
					if rt.Name == "complaints" {
						continue
					}
					if _, _, err := src.records(&rt, errs); err != nil {
						errs.addErr(err)
					}
				}
			}
			for _, pe := range problems(errs.err()) {
				if pe.Pos.File != p {
					t.Fatalf("a problem not placed in the workbook: %#v: %v", pe.Pos, pe.Err)
				}
			}
		})
	})
}

func TestTheRecordCapHoldsForAllRecordListsTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 30,000 records")
	}
	var docs, people strings.Builder
	for i := range 30_000 {
		fmt.Fprintf(&docs, "- {id: D%d, title: t, kind: form}\n", i)
		fmt.Fprintf(&people, "- {id: P%d, name: n}\n", i)
	}
	dir := dossierDir(t, map[string]string{"documents.yaml": docs.String(), "people.yaml": people.String()})
	testtool.Within(t, 120*time.Second, func() {
		_, _, probs := loadAndScan(t, dir)
		if !strings.Contains(describeProblems(probs), "more than 50000 records besides the complaint log") {
			t.Errorf("want the dossier refused for its total records; got:%s", describeProblems(probs)[:min(2000, len(describeProblems(probs)))])
		}
	})
}
