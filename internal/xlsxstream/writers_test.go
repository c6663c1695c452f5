package xlsxstream

import (
	"path/filepath"
	"strconv"
	"testing"
)

// The workbooks in testdata were written by openpyxl and by LibreOffice
// (internal/gen/wbcorpus/generate.py): one header row and a small
// complaint log whose column B is a date-time in a date format, D an
// amount in a number format, H a date in a Chinese date format and I a
// time of day.
func TestWorkbooksFromOtherWritersReadAsExcelizeReadsThem(t *testing.T) {
	tests := []struct {
		file     string
		date1904 bool
		styled   bool // the writer kept the number formats (not so from CSV)
	}{
		{"openpyxl.xlsx", false, true},
		{"openpyxl-1904.xlsx", true, true},
		{"libreoffice.xlsx", false, true},
		{"libreoffice-csv.xlsx", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, got := assertSame(t, filepath.Join("testdata", tt.file))
			if b.Date1904() != tt.date1904 {
				t.Fatalf("Date1904 %v, want %v", b.Date1904(), tt.date1904)
			}
			log := got[b.Sheets()[0]]
			if len(log.rows) < 21 {
				t.Fatalf("%d rows, want a header and 20 rows of data", len(log.rows))
			}
			if h := log.rows[0]; len(h) != 9 || h[0] != "投诉编号" || h[8] != "回访时间" {
				t.Fatalf("header %q", h)
			}
			if r := log.rows[1]; r[0] != "TS-2024-0001" || r[2] != "电话" {
				t.Fatalf("row 2 %q", r)
			}
			for n, row := range log.rows[1:21] {
				if len(row) < 9 {
					continue // rows 12 and 13 are absent
				}
				if tt.styled {
					st := log.styles[n+1]
					for col, date := range map[int]bool{1: true, 3: false, 7: true, 8: true} {
						if b.IsDateStyle(st[col]) != date {
							t.Fatalf("row %d column %d: style %d IsDateStyle %v, want %v", n+2, col+1, st[col], !date, date)
						}
					}
					if _, err := strconv.ParseFloat(row[1], 64); err != nil {
						t.Fatalf("row %d: the date-time %q is not a serial", n+2, row[1])
					}
				}
			}
			if countCells(got) < 150 {
				t.Fatalf("only %d cells read", countCells(got))
			}
		})
	}
}
