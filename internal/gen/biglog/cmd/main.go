// Command biglog writes large complaint logs for load benchmarks:
//
//	go run ./internal/gen/biglog/cmd -rows 1000000 -out .bench/
//
// writes .bench/complaints-1m.csv and .bench/complaints-1m.xlsx. The load
// benchmarks in internal/load reuse these files when they exist.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/certready/certready/internal/gen/biglog"
)

func main() {
	rows := flag.Int("rows", 1_000_000, "number of complaint rows")
	out := flag.String("out", ".bench", "directory to write into")
	seed := flag.Uint64("seed", 1, "random seed; the same seed and row count give the same files")
	formats := flag.String("formats", "csv,xlsx", "comma-separated: csv, xlsx")
	flag.Parse()
	if err := run(*rows, *out, *seed, *formats); err != nil {
		fmt.Fprintln(os.Stderr, "biglog:", err)
		os.Exit(1)
	}
}

func run(rows int, out string, seed uint64, formats string) error {
	if rows < 1 {
		return fmt.Errorf("-rows must be at least 1, got %d", rows)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	base := filepath.Join(out, biglog.Name(rows))
	for _, format := range strings.Split(formats, ",") {
		start := time.Now()
		var path string
		var err error
		switch strings.TrimSpace(format) {
		case "csv":
			path = base + ".csv"
			err = writeCSV(path, rows, seed)
		case "xlsx":
			path = base + ".xlsx"
			// Write beside the target and rename, so a reader never sees half a workbook.
			err = biglog.GenerateXLSX(path+".tmp.xlsx", rows, seed)
			if err == nil {
				err = os.Rename(path+".tmp.xlsx", path)
			}
		default:
			return fmt.Errorf("-formats: unknown format %q (use csv, xlsx)", format)
		}
		if err != nil {
			return err
		}
		st, err := os.Stat(path)
		if err != nil {
			return err
		}
		fmt.Printf("%s: %d rows, %.1f MB, %s\n", path, rows, float64(st.Size())/1e6, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func writeCSV(path string, rows int, seed uint64) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := biglog.Generate(f, rows, seed); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
