package xlsxstream

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// scanAll reads the first sheet with a Scanner, rows laid out by number.
func scanAll(t *testing.T, path string, opt Options) ([][]string, *Scanner) {
	t.Helper()
	sc, err := OpenScanner(path, opt, func(s []string) string { return s[0] })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sc.Close() })
	var rows [][]string
	last := 0
	for sc.Next() {
		n, cells := sc.Row()
		if n <= last {
			t.Fatalf("row %d came after row %d", n, last)
		}
		last = n
		for len(rows) < n-1 {
			rows = append(rows, nil)
		}
		if len(cells) == 0 {
			cells = nil
		}
		rows = append(rows, append([]string(nil), cells...))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows, sc
}

// excelizeFirstSheet is excelize's reading of the first sheet.
func excelizeFirstSheet(t *testing.T, path string) [][]string {
	t.Helper()
	names, dumps, _, err := readWithExcelize(path)
	if err != nil {
		t.Fatal(err)
	}
	return dumps[names[0]].rows
}

func sameRows(a, b [][]string) bool {
	return diffDumps([]string{"s"}, []string{"s"}, map[string]*sheetDump{"s": {rows: a}}, map[string]*sheetDump{"s": {rows: b}}) == ""
}

func TestScannerReadsSupportedSheetsWithoutExcelize(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		path := filepath.Join(t.TempDir(), "case.xlsx")
		if _, err := genXMLWorkbook(rand.New(rand.NewPCG(seed, 7)), path); err != nil {
			t.Fatal(err)
		}
		got, sc := scanAll(t, path, Options{})
		if sc.Fallback() != nil {
			t.Fatalf("seed %d: fell back: %v", seed, sc.Fallback())
		}
		if want := excelizeFirstSheet(t, path); !sameRows(want, got) {
			t.Fatalf("seed %d: scanner and excelize differ", seed)
		}
	}
}

func TestScannerHandsOverToExcelizeMidSheetWithoutRepeatingRows(t *testing.T) {
	var sb strings.Builder
	for r := 1; r <= 60; r++ {
		n := strconv.Itoa(r)
		sb.WriteString(`<row r="` + n + `"><c r="A` + n + `" t="inlineStr"><is><t>行` + n + `</t></is></c><c r="C` + n + `"><v>` + n + `</v></c>`)
		if r == 41 {
			sb.WriteString(`<extLst/>`) // excelize ignores it; the fast reader does not know it
		}
		sb.WriteString(`</row>`)
	}
	path := buildWorkbook(t, sheetWith(sb.String()), "")
	for _, opt := range []Options{{}, {chunk: 64}} {
		got, sc := scanAll(t, path, opt)
		if !errors.Is(sc.Fallback(), ErrUnsupported) {
			t.Fatalf("Fallback() = %v, want the ErrUnsupported that made it read with excelize", sc.Fallback())
		}
		if sc.skip != 40 {
			t.Fatalf("the fast reader handed over after row %d, want 40", sc.skip)
		}
		if want := excelizeFirstSheet(t, path); len(got) != 60 || !sameRows(want, got) {
			t.Fatalf("read %d rows; scanner and excelize differ", len(got))
		}
	}
}

func TestScannerReadsWhatOnlyExcelizeCanWithExcelize(t *testing.T) {
	// A sheet in GBK: excelize converts it, the fast reader does not.
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(`<?xml version="1.0" encoding="GBK"?>` +
		sheetWith(`<row r="1"><c r="A1" t="inlineStr"><is><t>投诉台账</t></is></c></row><row r="3"><c r="B3"><v>2</v></c></row>`))
	if err != nil {
		t.Fatal(err)
	}
	path := buildWorkbook(t, gbk, "")
	got, sc := scanAll(t, path, Options{})
	if !errors.Is(sc.Fallback(), ErrUnsupported) {
		t.Fatalf("Fallback() = %v, want ErrUnsupported", sc.Fallback())
	}
	if len(got) != 3 || len(got[0]) != 1 || got[0][0] != "投诉台账" || got[2][1] != "2" {
		t.Fatalf("read %q", got)
	}
	tmp := sc.tmp
	if tmp == "" {
		t.Fatal("no directory for excelize's unpacked sheets")
	}
	if err := sc.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Fatalf("%s is still there after Close (%v)", tmp, err)
	}
}

func TestScannerRefusesWorkbooksOverTheLimitWithoutFallingBack(t *testing.T) {
	path := buildWorkbook(t, sheetWith(`<row r="1"><c r="A1"><v>1</v></c></row>`), "")
	if _, err := OpenScanner(path, Options{MaxUnzipBytes: 1000}, func(s []string) string { return s[0] }); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}
