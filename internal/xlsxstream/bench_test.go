package xlsxstream

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/gen/biglog"
)

// benchRows is the size of the generated log: CERTREADY_BENCH_ROWS, or
// 100,000.
func benchRows(b *testing.B) int {
	n := 100_000
	if s := os.Getenv("CERTREADY_BENCH_ROWS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("CERTREADY_BENCH_ROWS=%q is not a row count", s)
		}
		n = v
	}
	return n
}

// benchWorkbook returns the generated complaint log of n rows that the
// load benchmarks and make bench use (internal/gen/biglog: 28 columns,
// Chinese text, date-times as serials, written with excelize's
// StreamWriter). It is kept in the repository's git-ignored .bench
// directory when that exists, so the million-row file is written once;
// otherwise in a temporary directory. CERTREADY_BENCH_XLSX names another
// workbook to read instead (its first sheet).
func benchWorkbook(b *testing.B, n int) string {
	if p := os.Getenv("CERTREADY_BENCH_XLSX"); p != "" {
		return p
	}
	dir := b.TempDir()
	if st, err := os.Stat("../../.bench"); err == nil && st.IsDir() {
		dir = "../../.bench"
	}
	path := filepath.Join(dir, biglog.Name(n)+".xlsx")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	b.Logf("writing %s", path)
	tmp := path + ".tmp.xlsx"
	if err := biglog.GenerateXLSX(tmp, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func ptr[T any](v T) *T { return &v }

// benchSheet is the sheet the benchmarks read: biglog's, or the first.
func benchSheet(sheets []string) string {
	for _, s := range sheets {
		if s == biglog.Sheet {
			return s
		}
	}
	return sheets[0]
}

// BenchmarkRows reads the whole generated log with this package.
func BenchmarkRows(b *testing.B) {
	path := benchWorkbook(b, benchRows(b))
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		bk, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := bk.Rows(benchSheet(bk.Sheets()))
		if err != nil {
			b.Fatal(err)
		}
		nrows, ncells := 0, 0
		for rows.Next() {
			_, cells := rows.Row()
			nrows++
			ncells += len(cells)
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
		bk.Close()
		b.ReportMetric(float64(nrows), "rows")
		b.ReportMetric(float64(ncells), "cells")
		b.Logf("xlsxstream: %d rows, %d cells in %v", nrows, ncells, time.Since(start))
	}
}

// BenchmarkExcelizeRows reads the same file with excelize's iterator and
// raw values, for comparison.
func BenchmarkExcelizeRows(b *testing.B) {
	path := benchWorkbook(b, benchRows(b))
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		tmp := b.TempDir()
		f, err := excelize.OpenFile(path, excelize.Options{UnzipXMLSizeLimit: 64 << 20, TmpDir: tmp})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(benchSheet(f.GetSheetList()))
		if err != nil {
			b.Fatal(err)
		}
		nrows, ncells := 0, 0
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			nrows++
			ncells += len(cells)
		}
		rows.Close()
		f.Close()
		b.ReportMetric(float64(nrows), "rows")
		b.ReportMetric(float64(ncells), "cells")
		b.Logf("excelize: %d rows, %d cells in %v", nrows, ncells, time.Since(start))
	}
}

// BenchmarkScan measures the scanner alone, over sheet XML already
// inflated into memory.
func BenchmarkScan(b *testing.B) {
	path := benchWorkbook(b, min(benchRows(b), 100_000))
	bk, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer bk.Close()
	var part string
	for _, s := range bk.sheets {
		if s.name == benchSheet(bk.Sheets()) {
			part = s.part
		}
	}
	rc, err := bk.openPart(bk.parts[part])
	if err != nil {
		b.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		r := &Rows{book: bk, sheet: "bench", w: newWindow(io.NopCloser(bytes.NewReader(data)), Options{NoPrefetch: true}.withDefaults(), uint64(len(data)))}
		r.parse = r.parseUnit
		n := 0
		for r.Next() {
			n++
		}
		if r.Err() != nil || n == 0 {
			b.Fatal(r.Err(), n)
		}
	}
}
