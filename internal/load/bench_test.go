package load

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/gen/biglog"
)

// The load benchmarks read a generated complaint log of
// CERTREADY_BENCH_ROWS rows (default 100,000). When the repository has a
// .bench directory the log is kept there between runs, so
//
//	go run ./internal/gen/biglog/cmd -rows 1000000 -out .bench/
//	CERTREADY_BENCH_ROWS=1000000 go test ./internal/load -run '^$' -bench Log -benchtime 3x
//
// times a million rows without generating them each time; otherwise the
// log is generated in a temporary directory per benchmark.

func benchRows(b *testing.B) int {
	b.Helper()
	s := os.Getenv("CERTREADY_BENCH_ROWS")
	if s == "" {
		return 100_000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("CERTREADY_BENCH_ROWS=%q: want a positive row count", s)
	}
	return n
}

// benchDir returns the repository's .bench directory if it exists, else a
// temporary directory.
func benchDir(b *testing.B) string {
	b.Helper()
	wd, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			if st, err := os.Stat(filepath.Join(d, ".bench")); err == nil && st.IsDir() {
				return filepath.Join(d, ".bench")
			}
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return b.TempDir()
}

// benchLog returns the path of a generated log with the extension ext
// (".csv" or ".xlsx"), generating it when absent.
func benchLog(b *testing.B, rows int, ext string) string {
	b.Helper()
	dir := benchDir(b)
	p := filepath.Join(dir, biglog.Name(rows)+ext)
	if _, err := os.Stat(p); err == nil {
		return p
	}
	tmp := p + ".tmp" + ext
	var err error
	switch ext {
	case ".csv":
		var f *os.File
		if f, err = os.Create(tmp); err == nil {
			err = biglog.Generate(f, rows, 1)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	case ".xlsx":
		err = biglog.GenerateXLSX(tmp, rows, 1)
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		b.Fatalf("generating %s: %v", p, err)
	}
	return p
}

// benchScan times full ScanLog passes over the log at p, as validate and
// the audit make them.
func benchScan(b *testing.B, rows int, p string) {
	cfg := filepath.Join(b.TempDir(), "certready.yaml")
	if err := os.WriteFile(cfg, []byte("complaints:\n  file: "+filepath.Base(p)+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	res, err := Load(filepath.Dir(p), Options{ConfigPath: cfg})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := ScanLog(res.Dossier, 20, func(k int) { n = k }); err != nil {
			b.Fatal(err)
		}
		if n != rows {
			b.Fatalf("read %d rows, want %d", n, rows)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkLoadCSVLog(b *testing.B) {
	rows := benchRows(b)
	benchScan(b, rows, benchLog(b, rows, ".csv"))
}

func BenchmarkLoadXLSXLog(b *testing.B) {
	rows := benchRows(b)
	benchScan(b, rows, benchLog(b, rows, ".xlsx"))
}

// BenchmarkBareCSV is the floor for BenchmarkLoadCSVLog: encoding/csv
// reading the same file with a reused record and doing nothing else.
func BenchmarkBareCSV(b *testing.B) {
	rows := benchRows(b)
	p := benchLog(b, rows, ".csv")
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(f)
		r.ReuseRecord = true
		r.FieldsPerRecord = -1
		n := 0
		for {
			_, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		f.Close()
		if n != rows+2 { // title and header
			b.Fatalf("read %d records, want %d", n, rows+2)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBareExcelizeRows is the floor for BenchmarkLoadXLSXLog:
// excelize's row iterator with raw cell values over the same workbook.
func BenchmarkBareExcelizeRows(b *testing.B) {
	rows := benchRows(b)
	p := benchLog(b, rows, ".xlsx")
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenFile(p, excelize.Options{UnzipXMLSizeLimit: 64 << 20})
		if err != nil {
			b.Fatal(err)
		}
		it, err := f.Rows(biglog.Sheet)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for it.Next() {
			if _, err := it.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := it.Close(); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
		if n != rows+2 {
			b.Fatalf("read %d rows, want %d", n, rows+2)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
