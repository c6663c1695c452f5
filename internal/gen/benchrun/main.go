// Command benchrun is `make bench`: it measures, side by side, the wall
// time and peak RSS of a full `certready audit` over a generated
// 1,000,000-row complaint log (xlsx and CSV) and of bare reads of the same
// files (excelize Rows, encoding/csv, and pandas where installed), and
// prints the ratios. Each measurement is a separate process run under
// /usr/bin/time -v, so peak RSS is the process's own.
//
//	go run ./internal/gen/benchrun -rows 1000000 -dir .bench
//
// The bare readers are subcommands of this program:
//
//	benchrun bare-csv FILE
//	benchrun bare-excelize FILE
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/gen/biglog"
)

func main() {
	if len(os.Args) == 3 && strings.HasPrefix(os.Args[1], "bare-") {
		n, err := bare(os.Args[1], os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchrun:", err)
			os.Exit(1)
		}
		fmt.Println(n, "rows")
		return
	}
	rows := flag.Int("rows", 1_000_000, "rows in the generated log")
	dir := flag.String("dir", ".bench", "working directory (git-ignored)")
	flag.Parse()
	if err := run(*rows, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

// bare reads every cell of the file and counts rows, as fast as the
// library allows, to give the floor the audit is compared with.
func bare(kind, path string) (int, error) {
	switch kind {
	case "bare-csv":
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		r := csv.NewReader(bufio.NewReaderSize(f, 256<<10))
		r.ReuseRecord = true
		r.FieldsPerRecord = -1
		n := 0
		for {
			_, err := r.Read()
			if errors.Is(err, io.EOF) {
				return n, nil
			}
			if err != nil {
				return n, err
			}
			n++
		}
	case "bare-excelize":
		f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 8 << 30})
		if err != nil {
			return 0, err
		}
		defer f.Close()
		rows, err := f.Rows(f.GetSheetName(0))
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				return n, err
			}
			n++
		}
		return n, rows.Error()
	}
	return 0, fmt.Errorf("unknown subcommand %s", kind)
}

type measurement struct {
	name   string
	wall   time.Duration
	rssKiB int64
	note   string
}

var (
	reWall = regexp.MustCompile(`Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)`)
	reRSS  = regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`)
)

func parseWall(s string) time.Duration {
	parts := strings.Split(s, ":")
	var secs float64
	for _, p := range parts {
		v, _ := strconv.ParseFloat(p, 64)
		secs = secs*60 + v
	}
	return time.Duration(secs * float64(time.Second))
}

// measure runs a command under /usr/bin/time -v.
func measure(name string, args ...string) (measurement, error) {
	cmd := exec.Command("/usr/bin/time", append([]string{"-v"}, args...)...)
	out, err := cmd.CombinedOutput()
	m := measurement{name: name}
	if w := reWall.FindSubmatch(out); w != nil {
		m.wall = parseWall(string(w[1]))
	}
	if r := reRSS.FindSubmatch(out); r != nil {
		m.rssKiB, _ = strconv.ParseInt(string(r[1]), 10, 64)
	}
	if err != nil {
		var ee *exec.ExitError
		// audit exits 1 when it has findings: that is a successful run.
		if !(errors.As(err, &ee) && ee.ExitCode() == 1 && strings.HasPrefix(name, "certready")) {
			return m, fmt.Errorf("%s: %v\n%s", name, err, tail(out))
		}
	}
	return m, nil
}

func tail(b []byte) string {
	s := string(b)
	if len(s) > 2000 {
		s = s[len(s)-2000:]
	}
	return s
}

// dossierWith makes a minimal dossier directory around a log file,
// hard-linking the log so nothing is copied and no symlink leaves the
// dossier (the loader refuses those).
func dossierWith(dir, log, name string) (string, error) {
	d := filepath.Join(dir, name)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return "", err
	}
	org := "name: 基准测试有限公司\nuscc: 91350100M000100Y43\nsector: retail\nsystem_live: 2024-01-01\n"
	if err := os.WriteFile(filepath.Join(d, "organisation.yaml"), []byte(org), 0o644); err != nil {
		return "", err
	}
	target := filepath.Join(d, "complaints"+filepath.Ext(log))
	os.Remove(target)
	if err := os.Link(log, target); err != nil {
		return "", err
	}
	return d, nil
}

func run(rows int, dir string) error {
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		return errors.New("/usr/bin/time is missing (Debian package time)")
	}
	base := filepath.Join(dir, biglog.Name(rows))
	for _, ext := range []string{".csv", ".xlsx"} {
		if _, err := os.Stat(base + ext); err != nil {
			fmt.Fprintf(os.Stderr, "generating %s%s …\n", base, ext)
			g := exec.Command("go", "run", "./internal/gen/biglog/cmd", "-rows", strconv.Itoa(rows), "-out", dir, "-formats", strings.TrimPrefix(ext, "."))
			g.Stdout, g.Stderr = os.Stderr, os.Stderr
			if err := g.Run(); err != nil {
				return err
			}
		}
	}
	bin := filepath.Join(dir, "bin")
	for _, b := range []struct{ out, pkg string }{{"certready", "./cmd/certready"}, {"benchrun", "./internal/gen/benchrun"}} {
		if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, b.out), b.pkg).CombinedOutput(); err != nil {
			return fmt.Errorf("building %s: %v\n%s", b.pkg, err, out)
		}
	}
	csvDir, err := dossierWith(dir, base+".csv", "dossier-csv")
	if err != nil {
		return err
	}
	xlsxDir, err := dossierWith(dir, base+".xlsx", "dossier-xlsx")
	if err != nil {
		return err
	}
	cr, br := filepath.Join(bin, "certready"), filepath.Join(bin, "benchrun")
	plan := []struct {
		name string
		args []string
	}{
		{"certready audit (xlsx)", []string{cr, "audit", xlsxDir, "--as-of", "2026-11-23", "--format", "json", "-o", filepath.Join(dir, "xlsx.json")}},
		{"excelize Rows, raw values", []string{br, "bare-excelize", base + ".xlsx"}},
		{"certready audit (csv)", []string{cr, "audit", csvDir, "--as-of", "2026-11-23", "--format", "json", "-o", filepath.Join(dir, "csv.json")}},
		{"encoding/csv ReuseRecord", []string{br, "bare-csv", base + ".csv"}},
	}
	py := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import pandas, openpyxl").Run() == nil {
			py = p
			break
		}
	}
	if py != "" {
		plan = append(plan,
			struct {
				name string
				args []string
			}{"pandas read_excel", []string{py, "-c", "import pandas,sys; print(len(pandas.read_excel(sys.argv[1])))", base + ".xlsx"}},
			struct {
				name string
				args []string
			}{"pandas read_csv", []string{py, "-c", "import pandas,sys; print(len(pandas.read_csv(sys.argv[1])))", base + ".csv"}},
		)
	}
	var ms []measurement
	for _, p := range plan {
		fmt.Fprintf(os.Stderr, "running %s …\n", p.name)
		m, err := measure(p.name, p.args...)
		if err != nil {
			return err
		}
		ms = append(ms, m)
	}
	if py == "" {
		ms = append(ms, measurement{name: "pandas", note: "not installed (Debian python3-pandas python3-openpyxl)"})
	}
	fmt.Printf("%d-row complaint log; %s\n\n", rows, time.Now().Format("2006-01-02"))
	fmt.Printf("| %-28s | %10s | %12s |\n|%s|%s|%s|\n", "what", "wall", "peak RSS", strings.Repeat("-", 30), strings.Repeat("-", 12), strings.Repeat("-", 14))
	for _, m := range ms {
		if m.note != "" {
			fmt.Printf("| %-28s | %s |\n", m.name, m.note)
			continue
		}
		fmt.Printf("| %-28s | %9.2fs | %9d MB |\n", m.name, m.wall.Seconds(), m.rssKiB/1024)
	}
	ratio := func(a, b string) {
		var x, y *measurement
		for i := range ms {
			if ms[i].name == a {
				x = &ms[i]
			}
			if ms[i].name == b {
				y = &ms[i]
			}
		}
		if x != nil && y != nil && x.wall > 0 && y.wall > 0 {
			fmt.Printf("%s / %s = %.2f×\n", a, b, x.wall.Seconds()/y.wall.Seconds())
		}
	}
	fmt.Println()
	ratio("excelize Rows, raw values", "certready audit (xlsx)")
	ratio("pandas read_excel", "certready audit (xlsx)")
	ratio("certready audit (csv)", "encoding/csv ReuseRecord")
	ratio("pandas read_csv", "certready audit (csv)")
	return nil
}
