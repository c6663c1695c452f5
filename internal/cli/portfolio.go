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
	lang   string // the dossier's language (flag, else its certready.yaml)
}

var formatExt = map[string]string{"text": ".txt", "json": ".json", "markdown": ".md", "junit": ".junit.xml", "sarif": ".sarif", "xlsx": ".xlsx",
	"html": ".html", "github": ".github.txt", "codequality": ".codequality.json"}

// reportName names a dossier's report file: the dossier's base name with
// the format's extension.
func reportName(path, format string) string {
	ext, ok := formatExt[format]
	if !ok {
		ext = "." + format
	}
	return strings.TrimSuffix(filepath.Base(filepath.Clean(path)), filepath.Ext(path)) + ext
}

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
	return printPortfolio(env, rows, portfolioLang(o.Lang, rows))
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
	row.lang = ro.Lang
	ao.FailOn, ao.Only, ao.Skip = failOn, o.Only, o.Skip
	ro.SourceRoot = report.SourceRoot(path)
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

// portfolioLang is the table's language: --lang, else the language the
// audited dossiers agree on, else English.
func portfolioLang(flag string, rows []portfolioRow) string {
	if flag != "" {
		return flag
	}
	lang := ""
	for _, r := range rows {
		switch {
		case r.lang == "":
		case lang == "":
			lang = r.lang
		case lang != r.lang:
			return "en"
		}
	}
	if lang == "" {
		return "en"
	}
	return lang
}

// printPortfolio prints one line per dossier. Columns are padded by
// display width, so Chinese file and company names (two columns a
// character) line up; verdicts are the same words the reports use.
func printPortfolio(env Env, rows []portfolioRow, lang string) error {
	zh := lang == "zh"
	l := func(en, z string) string {
		if zh {
			return z
		}
		return en
	}
	// Paths are never cut (they say which dossier); names are cut at 28.
	const wNum = 6
	wPath, wOrg, wVerdict := textwidth.Width(l("dossier", "资料")), textwidth.Width(l("organisation", "组织")), textwidth.Width(l("verdict", "结论"))
	for _, r := range rows {
		wPath = max(wPath, textwidth.Width(r.path))
		if r.result != nil {
			wOrg = max(wOrg, min(28, textwidth.Width(r.result.Organisation.Name)))
			wVerdict = max(wVerdict, textwidth.Width(r.result.Verdict.Label(lang)))
		}
	}
	var b bytes.Buffer
	num := func(s string) string { return strings.Repeat(" ", max(0, wNum-textwidth.Width(s))) + s }
	fmt.Fprintf(&b, "%s %s %s %s %s %s  %s\n", textwidth.Fit(l("dossier", "资料"), wPath), textwidth.Fit(l("organisation", "组织"), wOrg),
		textwidth.Fit(l("verdict", "结论"), wVerdict), num(l("score", "得分")), num(l("major", "严重")), num(l("minor", "轻微")), l("earliest application", "最早可申请日期"))
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
			fmt.Fprintf(&b, "%s %s%s\n", textwidth.Pad(report.TerminalSafe(r.path), wPath), l("error: ", "错误："), report.TerminalSafe(msg))
			continue
		}
		res := r.result
		fmt.Fprintf(&b, "%s %s %s %s %s %s  %s\n", textwidth.Fit(report.TerminalSafe(r.path), wPath), textwidth.Fit(report.TerminalSafe(res.Organisation.Name), wOrg), textwidth.Fit(res.Verdict.Label(lang), wVerdict),
			num(fmt.Sprintf("%.1f", res.Score)), num(fmt.Sprint(res.Counts.Major)), num(fmt.Sprint(res.Counts.Minor)), res.EligibleFrom)
	}
	if _, err := env.Out.Write(b.Bytes()); err != nil {
		return err
	}
	if worst != ExitOK {
		return &ExitError{Code: worst}
	}
	return nil
}
