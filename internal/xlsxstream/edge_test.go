package xlsxstream

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// buildWorkbook writes a workbook whose first sheet is sheetXML and, when
// sstXML is not empty, whose shared strings are sstXML; the rest comes
// from excelize.
func buildWorkbook(t testing.TB, sheetXML, sstXML string) string {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "x"); err != nil {
		t.Fatal(err)
	}
	var skel bytes.Buffer
	if err := f.Write(&skel); err != nil {
		t.Fatal(err)
	}
	f.Close()
	zr, err := zip.NewReader(bytes.NewReader(skel.Bytes()), int64(skel.Len()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case zf.Name == "xl/worksheets/sheet1.xml":
			data = []byte(sheetXML)
		case zf.Name == sstPart && sstXML != "":
			data = []byte(sstXML)
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

const wsOpen = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

func sheetWith(data string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + wsOpen + `<sheetData>` + data + `</sheetData></worksheet>`
}

// readAll reads Sheet1 and returns its rows and the error that ended them.
func readAll(path string, opt Options) ([][]string, error) {
	b, err := Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	rows, err := b.Rows("Sheet1")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		_, cells := rows.Row()
		out = append(out, append([]string(nil), cells...))
	}
	return out, rows.Err()
}

func TestConstructsOutsideTheSubsetAreReportedAsUnsupported(t *testing.T) {
	tests := []struct {
		name, sheet string
	}{
		{"a document type declaration", `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]>` + wsOpen + `<sheetData/></worksheet>`},
		{"an encoding other than UTF-8", `<?xml version="1.0" encoding="GBK"?>` + wsOpen + `<sheetData/></worksheet>`},
		{"rows out of order", sheetWith(`<row r="3"/><row r="2"/>`)},
		{"a repeated row number", sheetWith(`<row r="2"/><row r="2"/>`)},
		{"a row number that is not a number", sheetWith(`<row r="x"/>`)},
		{"row 0", sheetWith(`<row r="0"/>`)},
		{"a row past the last row of a sheet", sheetWith(`<row r="1048577"/>`)},
		{"cells out of column order", sheetWith(`<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>`)},
		{"a column past XFD", sheetWith(`<row r="1"><c r="XFE1"><v>1</v></c></row>`)},
		{"a cell reference that is not one", sheetWith(`<row r="1"><c r="1A"><v>1</v></c></row>`)},
		{"a style that is not a number", sheetWith(`<row r="1"><c r="A1" s="x"><v>1</v></c></row>`)},
		{"an unknown element in a row", sheetWith(`<row r="1"><extLst/></row>`)},
		{"an unknown element in a cell", sheetWith(`<row r="1"><c r="A1"><x>1</x></c></row>`)},
		{"an element inside a value", sheetWith(`<row r="1"><c r="A1"><v>1<b/></v></c></row>`)},
		{"two inline strings in a cell", sheetWith(`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is><is><t>b</t></is></c></row>`)},
		{"an undefined entity", sheetWith(`<row r="1"><c r="A1"><v>&nbsp;</v></c></row>`)},
		{"an entity without a semicolon", sheetWith(`<row r="1"><c r="A1"><v>&amp</v></c></row>`)},
		{"a reference to character 0", sheetWith(`<row r="1"><c r="A1"><v>&#0;</v></c></row>`)},
		{"a reference past Unicode", sheetWith(`<row r="1"><c r="A1"><v>&#x110000;</v></c></row>`)},
		{"invalid UTF-8", sheetWith("<row r=\"1\"><c r=\"A1\"><v>\xff</v></c></row>")},
		{"a control character", sheetWith("<row r=\"1\"><c r=\"A1\"><v>a\x01</v></c></row>")},
		{"U+FFFE", sheetWith("<row r=\"1\"><c r=\"A1\"><v>\uFFFE</v></c></row>")},
		{"]]> in text", sheetWith(`<row r="1"><c r="A1"><v>a]]>b</v></c></row>`)},
		{"an end tag that does not match", sheetWith(`<row r="1"><c r="A1"><v>1</c></row>`)},
		{"an unquoted attribute", sheetWith(`<row r=1/>`)},
		{"< in an attribute", sheetWith(`<row r="1" x="<"/>`)},
		{"XML that ends inside sheetData", `<?xml version="1.0"?>` + wsOpen + `<sheetData><row r="1"><c r="A1"><v>1</v></c></row>`},
		{"XML that ends inside a row", `<?xml version="1.0"?>` + wsOpen + `<sheetData><row r="1"><c r="A1"><v>1</v>`},
		{"a name with two colons", sheetWith(`<row r="1"><a:b:c/></row>`)},
		{"text where rows belong", sheetWith(`<row r="1"/>&bogus;`)},
		{"-- inside a comment", sheetWith(`<row r="1"/><!-- a -- b -->`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := buildWorkbook(t, tt.sheet, "")
			for _, opt := range []Options{{}, {chunk: 5}} {
				_, err := readAll(path, opt)
				if !errors.Is(err, ErrUnsupported) {
					t.Fatalf("with %d-byte buffers: got %v, want an error wrapping ErrUnsupported", opt.chunk, err)
				}
			}
		})
	}
}

func TestWorkbooksOutsideTheSubsetAreRefusedByOpen(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T) string
	}{
		{"shared strings with a DTD", func(t *testing.T) string {
			return buildWorkbook(t, sheetWith(""), `<?xml version="1.0"?><!DOCTYPE sst><sst xmlns="`+nsMain+`"/>`)
		}},
		{"shared strings with an undefined entity", func(t *testing.T) string {
			return buildWorkbook(t, sheetWith(""), `<sst xmlns="`+nsMain+`"><si><t>&nbsp;</t></si></sst>`)
		}},
		{"shared strings that end early", func(t *testing.T) string {
			return buildWorkbook(t, sheetWith(""), `<sst xmlns="`+nsMain+`"><si><t>a</t>`)
		}},
		{"shared strings kept elsewhere than excelize looks", func(t *testing.T) string {
			path := buildWorkbook(t, sheetWith(""), "")
			return rewritePart(t, path, "xl/_rels/workbook.xml.rels", func(s string) string {
				return strings.Replace(s, "/xl/sharedStrings.xml", "strings.xml", 1)
			})
		}},
		{"a workbook part that is not SpreadsheetML", func(t *testing.T) string {
			path := buildWorkbook(t, sheetWith(""), "")
			return rewritePart(t, path, "xl/workbook.xml", func(s string) string {
				return strings.Replace(s, nsMain, "urn:other", 1)
			})
		}},
		{"no workbook relationship", func(t *testing.T) string {
			path := buildWorkbook(t, sheetWith(""), "")
			return rewritePart(t, path, "_rels/.rels", func(s string) string {
				return strings.Replace(s, "officeDocument\"", "other\"", 1)
			})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.make(t), Options{})
			if !errors.Is(err, ErrUnsupported) {
				t.Fatalf("got %v, want an error wrapping ErrUnsupported", err)
			}
		})
	}
}

// rewritePart copies the workbook at path with one part edited.
func rewritePart(t *testing.T, path, part string, edit func(string) string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := filepath.Join(t.TempDir(), "edited.xlsx")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	found := false
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name == part {
			data, found = []byte(edit(string(data))), true
		}
		w, _ := zw.Create(zf.Name)
		w.Write(data)
	}
	zw.Close()
	f.Close()
	if !found {
		t.Fatalf("no part %s", part)
	}
	return out
}

func TestSizeLimitsRefuseWithErrTooLarge(t *testing.T) {
	big := sheetWith(`<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("投诉", 20000) + `</t></is></c></row>`)
	path := buildWorkbook(t, big, "")
	tests := []struct {
		name string
		opt  Options
	}{
		{"the declared sizes of all parts over MaxUnzipBytes", Options{MaxUnzipBytes: 50_000}},
		{"a part inflating past MaxPartBytes", Options{MaxPartBytes: 50_000}},
		{"a row over MaxRowBytes", Options{MaxRowBytes: 50_000}},
		{"a row over MaxRowBytes in small buffers", Options{MaxRowBytes: 50_000, chunk: 1000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(path, tt.opt)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("got %v, want an error wrapping ErrTooLarge", err)
			}
		})
	}
	rows, err := readAll(path, Options{MaxRowBytes: 200_000, chunk: 1000})
	if err != nil {
		t.Fatalf("within the limits: %v", err)
	}
	if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] != strings.Repeat("投诉", 20000) {
		t.Fatalf("the long cell did not come back whole")
	}
}

func TestAHugeRowIsReadInLinearTime(t *testing.T) {
	// 8 MB of one row through 4 KB buffers: re-parsing the row on every
	// refill would take minutes; doubling and filling the window keeps it
	// to a few passes.
	var sb strings.Builder
	sb.WriteString(`<row r="1">`)
	for c := 1; c <= 16000; c++ {
		ref, _ := excelize.CoordinatesToCellName(c, 1)
		sb.WriteString(`<c r="` + ref + `" t="inlineStr"><is><t>` + strings.Repeat("x", 500) + `</t></is></c>`)
	}
	sb.WriteString(`</row><row r="2"><c r="A2"><v>2</v></c></row>`)
	path := buildWorkbook(t, sheetWith(sb.String()), "")
	start := time.Now()
	rows, err := readAll(path, Options{chunk: 4096})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[0]) != 16000 || rows[1][0] != "2" {
		t.Fatalf("read %d rows", len(rows))
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("an 8 MB row took %v", d)
	}
}

func TestSheetsAreFoundWithoutRegardToCase(t *testing.T) {
	path := buildWorkbook(t, sheetWith(`<row r="1"><c r="A1"><v>7</v></c></row>`), "")
	b, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	rows, err := b.Rows("SHEET1")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatalf("no row: %v", rows.Err())
	}
	if n, cells := rows.Row(); n != 1 || len(cells) != 1 || cells[0] != "7" {
		t.Fatalf("row %d %q", n, cells)
	}
	if _, err := b.Rows("Sheet2"); err == nil || errors.Is(err, ErrUnsupported) {
		t.Fatalf("a missing sheet: got %v, want a plain error", err)
	}
}

func TestClosingRowsEarlyStopsTheInflatingGoroutine(t *testing.T) {
	var sb strings.Builder
	for r := 1; r <= 3000; r++ {
		sb.WriteString(`<row><c><v>123456789</v></c><c t="inlineStr"><is><t>some text here</t></is></c></row>`)
	}
	path := buildWorkbook(t, sheetWith(sb.String()), "")
	before := runtime.NumGoroutine()
	b, err := Open(path, Options{chunk: 512})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := b.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal(rows.Err())
	}
	if runtime.NumGoroutine() <= before {
		t.Fatalf("no inflating goroutine was started for a %d-byte sheet", sb.Len())
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	// The goroutine has finished its work when Close returns; give it a
	// moment to leave the scheduler's count.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines after Close, %d before", n, before)
	}
	if rows.Next() {
		t.Fatal("Next after Close returned a row")
	}
}

func TestRowsAllocateOnceForTheirOwnTextAndNotAtAllForSharedStrings(t *testing.T) {
	var sst, shared, own strings.Builder
	sst.WriteString(`<sst xmlns="` + nsMain + `">`)
	for i := range 10 {
		sst.WriteString(`<si><t>渠道` + string(rune('A'+i)) + `</t></si>`)
	}
	sst.WriteString(`</sst>`)
	for r := 1; r <= 3000; r++ {
		shared.WriteString(`<row><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>`)
		own.WriteString(`<row><c t="s"><v>1</v></c><c><v>45292.5</v></c><c t="inlineStr"><is><t>描述</t></is></c><c t="b"><v>1</v></c></row>`)
	}
	for _, tt := range []struct {
		name, data string
		want       float64
	}{
		{"shared strings only", shared.String(), 0},
		{"numbers and inline strings", own.String(), 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Open(buildWorkbook(t, sheetWith(tt.data), sst.String()), Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			rows, err := b.Rows("Sheet1")
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for range 10 { // let the buffers reach their size
				rows.Next()
			}
			allocs := testing.AllocsPerRun(2000, func() {
				if !rows.Next() {
					t.Fatal("ran out of rows", rows.Err())
				}
			})
			if allocs > tt.want {
				t.Fatalf("%.2f allocations per row, want at most %v", allocs, tt.want)
			}
			if _, cells := rows.Row(); cells[0] != "渠道B" {
				t.Fatalf("read %q", cells)
			}
		})
	}
}
