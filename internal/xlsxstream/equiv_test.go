package xlsxstream

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetDump is one sheet as a reader saw it: rows[n-1] holds the cells of
// row n, nil for a row with none, up to the last row element.
type sheetDump struct {
	rows   [][]string
	styles [][]int // the stream reader's styles, parallel to rows
}

// readWithExcelize reads every sheet with excelize's iterator and raw
// values: the reference this package must agree with.
func readWithExcelize(path string) (names []string, dumps map[string]*sheetDump, date1904 bool, err error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, nil, false, err
	}
	defer f.Close()
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	names = f.GetSheetList()
	dumps = map[string]*sheetDump{}
	for _, name := range names {
		rows, err := f.Rows(name)
		if err != nil {
			return nil, nil, false, fmt.Errorf("excelize %s: %w", name, err)
		}
		d := &sheetDump{}
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				rows.Close()
				return nil, nil, false, fmt.Errorf("excelize %s row %d: %w", name, len(d.rows)+1, err)
			}
			if len(cells) == 0 {
				cells = nil
			}
			d.rows = append(d.rows, cells)
		}
		if err := rows.Close(); err != nil {
			return nil, nil, false, fmt.Errorf("excelize %s: %w", name, err)
		}
		dumps[name] = d
	}
	return names, dumps, date1904, nil
}

// readWithStream reads every sheet with this package, laid out as
// readWithExcelize lays them out.
func readWithStream(path string, opt Options) (names []string, dumps map[string]*sheetDump, b *Book, err error) {
	b, err = Open(path, opt)
	if err != nil {
		return nil, nil, nil, err
	}
	names = b.Sheets()
	dumps = map[string]*sheetDump{}
	for _, name := range names {
		rows, err := b.Rows(name)
		if err != nil {
			b.Close()
			return nil, nil, nil, err
		}
		d := &sheetDump{}
		for rows.Next() {
			n, cells := rows.Row()
			for len(d.rows) < n-1 {
				d.rows = append(d.rows, nil)
				d.styles = append(d.styles, nil)
			}
			var row []string
			var st []int
			if len(cells) > 0 {
				row = append(row, cells...)
				st = append(st, rows.Styles()...)
			}
			d.rows = append(d.rows, row)
			d.styles = append(d.styles, st)
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			b.Close()
			return nil, nil, nil, err
		}
		if err := rows.Close(); err != nil {
			b.Close()
			return nil, nil, nil, err
		}
		dumps[name] = d
	}
	return names, dumps, b, nil
}

// diffDumps describes the first difference between two readings, or "".
func diffDumps(wantNames, gotNames []string, want, got map[string]*sheetDump) string {
	if fmt.Sprint(wantNames) != fmt.Sprint(gotNames) {
		return fmt.Sprintf("sheets: excelize %q, stream %q", wantNames, gotNames)
	}
	for _, name := range wantNames {
		w, g := want[name], got[name]
		if len(w.rows) != len(g.rows) {
			return fmt.Sprintf("%s: excelize has %d rows, stream %d", name, len(w.rows), len(g.rows))
		}
		for i := range w.rows {
			if len(w.rows[i]) != len(g.rows[i]) {
				return fmt.Sprintf("%s row %d: excelize %q, stream %q", name, i+1, w.rows[i], g.rows[i])
			}
			for c := range w.rows[i] {
				if w.rows[i][c] != g.rows[i][c] {
					cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
					return fmt.Sprintf("%s!%s: excelize %q, stream %q", name, cell, w.rows[i][c], g.rows[i][c])
				}
			}
		}
	}
	return ""
}

// assertSame reads path with both readers and fails on any difference.
// It returns the open Book and the stream's reading for further checks.
func assertSame(t testing.TB, path string) (*Book, map[string]*sheetDump) {
	t.Helper()
	wantNames, want, want1904, err := readWithExcelize(path)
	if err != nil {
		t.Fatalf("excelize cannot read %s: %v", path, err)
	}
	// Tiny buffers make every row and string cross a buffer boundary
	// somewhere, with and without the inflating goroutine.
	for _, opt := range []Options{{chunk: 13}, {chunk: 64, NoPrefetch: true}} {
		gotNames, got, b, err := readWithStream(path, opt)
		if err != nil {
			t.Fatalf("stream reader with %d-byte buffers: %v", opt.chunk, err)
		}
		b.Close()
		if d := diffDumps(wantNames, gotNames, want, got); d != "" {
			t.Fatalf("%s with %d-byte buffers: %s", path, opt.chunk, d)
		}
	}
	gotNames, got, b, err := readWithStream(path, Options{})
	if err != nil {
		t.Fatalf("stream reader: %v", err)
	}
	t.Cleanup(func() { b.Close() })
	if d := diffDumps(wantNames, gotNames, want, got); d != "" {
		t.Fatalf("%s: %s", path, d)
	}
	if b.Date1904() != want1904 {
		t.Fatalf("Date1904: excelize %v, stream %v", want1904, b.Date1904())
	}
	return b, got
}

// countCells counts the non-empty cells of a reading, to show a test read
// something.
func countCells(d map[string]*sheetDump) int {
	n := 0
	for _, s := range d {
		for _, r := range s.rows {
			for _, c := range r {
				if strings.TrimSpace(c) != "" {
					n++
				}
			}
		}
	}
	return n
}

func TestExampleWorkbookReadsAsExcelizeReadsIt(t *testing.T) {
	_, got := assertSame(t, "../../examples/gappy-org.xlsx")
	if countCells(got) < 50 {
		t.Fatalf("read only %d cells from the example workbook", countCells(got))
	}
}
