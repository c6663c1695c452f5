package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/report"
	"github.com/certready/certready/internal/textwidth"
)

// portfolioRow is one dossier's line in the summary table.
type portfolioRow struct {
	path   string
	result *audit.Result
	err    error
	code   int
}

var formatExt = map[string]string{"text": ".txt", "json": ".json", "markdown": ".md", "junit": ".junit.xml", "sarif": ".sarif", "xlsx": ".xlsx"}

// runPortfolio audits many dossiers in parallel (bounded by the CPU count)
// and prints one summary table. A broken dossier reports its error and
// does not stop the others; the exit code is the worst of all.
func runPortfolio(env Env, o *auditOptions, paths []string, failOn checks.Severity) error {
	if o.OutputDir != "" {
		if err := os.MkdirAll(o.OutputDir, 0o755); err != nil {
			return usageErr("--output-dir: %v", err)
		}
	}
	if _, err := report.Get(o.Format); err != nil {
		return usageErr("--format: %v", err)
	}
	names := outputNames(paths)
	rows := make([]portfolioRow, len(paths))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rows[i] = auditOne(env, o, p, names[i], failOn)
		}()
	}
	wg.Wait()
	return printPortfolio(env, rows)
}

// outputNames gives each dossier of a portfolio run its report's base
// name: the dossier's own name, or, when two dossiers share it
// (clients/a/org and clients/b/org), that name and a digest of the
// dossier's absolute path, so that no report overwrites another.
func outputNames(paths []string) []string {
	base := func(p string) string {
		p = filepath.Clean(p)
		return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
	}
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	dossiers := map[string]map[string]bool{} // base name → absolute paths
	for _, p := range paths {
		k := strings.ToLower(base(p))
		if dossiers[k] == nil {
			dossiers[k] = map[string]bool{}
		}
		dossiers[k][abs(p)] = true
	}
	names := make([]string, len(paths))
	used := map[string]bool{}
	for i, p := range paths {
		n := base(p)
		if len(dossiers[strings.ToLower(n)]) > 1 {
			sum := sha256.Sum256([]byte(abs(p)))
			n += "-" + hex.EncodeToString(sum[:4])
		}
		// The same dossier named twice still gets two files.
		for k, m := 2, n; used[strings.ToLower(m)]; k++ {
			m = n + "-" + strconv.Itoa(k)
			if !used[strings.ToLower(m)] {
				n = m
			}
		}
		used[strings.ToLower(n)] = true
		names[i] = n
	}
	return names
}

func auditOne(env Env, o *auditOptions, path, name string, failOn checks.Severity) (row portfolioRow) {
	row.path = path
	// A panic here is on another goroutine than the one Main recovers on.
	defer func() {
		if p := recover(); p != nil {
			row.err, row.code = fmt.Errorf("internal error, please report: %v", p), ExitInput
		}
	}()
	res, err := loadDossier(env, path, o.Config)
	if err != nil {
		row.err, row.code = err, ExitInput
		return row
	}
	ro, ao, err := resolveCommon(env, res, o.Lang, o.Standard, o.AsOf)
	if err != nil {
		row.err, row.code = err, ExitInput
		return row
	}
	ao.FailOn, ao.Only, ao.Skip = failOn, o.Only, o.Skip
	r, err := audit.Run(res.Dossier, res.Config, ao)
	if err != nil {
		row.err, row.code = err, ExitInput
		return row
	}
	row.result, row.code = r, r.ExitCode()
	if o.OutputDir != "" {
		f, _ := report.Get(o.Format)
		out := filepath.Join(o.OutputDir, name+formatExt[o.Format])
		if err := checkOutput("--output-dir", out, inputsOf(res)); err != nil {
			row.err, row.code = err, ExitInput
			return row
		}
		if err := atomicfile.Write(out, func(w io.Writer) error { return f.Format(w, r, ro) }); err != nil {
			row.err, row.code = err, ExitInput
		}
	}
	return row
}

func printPortfolio(env Env, rows []portfolioRow) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%-28s %-28s %-12s %6s %6s %6s  %s\n", "dossier", "organisation", "verdict", "score", "major", "minor", "earliest application")
	worst := ExitOK
	for _, r := range rows {
		if r.code > worst {
			worst = r.code
		}
		if r.err != nil {
			msg := r.err.Error()
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i] + " …"
			}
			fmt.Fprintf(&b, "%-28s error: %s\n", report.TerminalSafe(r.path), report.TerminalSafe(msg))
			continue
		}
		res := r.result
		fmt.Fprintf(&b, "%-28s %s %-12s %6.1f %6d %6d  %s\n", report.TerminalSafe(r.path), textwidth.Fit(report.TerminalSafe(res.Organisation.Name), 28), res.Verdict, res.Score, res.Counts.Major, res.Counts.Minor, res.EligibleFrom)
	}
	if _, err := env.Out.Write(b.Bytes()); err != nil {
		return err
	}
	if worst != ExitOK {
		return &ExitError{Code: worst}
	}
	return nil
}
