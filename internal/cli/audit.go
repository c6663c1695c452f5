package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/report"
)

func init() { register(newAuditCmd) }

// auditOptions are the flags of `certready audit`.
type auditOptions struct {
	Path         string
	Format       string
	Outputs      []string
	Lang         string
	AsOf         string
	FailOn       string
	Standard     string
	Only, Skip   []string
	Config       string
	Baseline     string
	ShowPersonal bool
	OutputDir    string
}

func newAuditCmd(env Env) *cobra.Command {
	o := &auditOptions{}
	cmd := &cobra.Command{
		Use:   "audit PATH [PATH...]",
		Short: "Audit a dossier against ISO 10002 / GB/T 19012 and report every gap",
		Long: `audit loads a dossier (directory or workbook), runs every check of the
catalogue and reports the findings with clause, position, evidence expected
and remedy, a readiness score per clause, the verdict and the earliest
eligible application date.

Several dossiers in one run (portfolio mode): certready audit DIR1 DIR2 book.xlsx
audits them in parallel and prints one summary table; --output-dir receives
each dossier's report. A broken dossier does not stop the others; the exit
code is the worst of all.

Several outputs in one run: --output json=report.json --output junit=junit.xml
--output text=- (a bare --output FILE uses --format).

Exit codes: 0 clean, 1 an open finding at or above --fail-on, 2 usage or input error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				failOn, err := checks.ParseSeverity(o.FailOn)
				if err != nil {
					return usageErr("--fail-on: %v", err)
				}
				return runPortfolio(env, o, args, failOn)
			}
			o.Path = args[0]
			return runAudit(env, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.OutputDir, "output-dir", "", "write each dossier's report here in --format, named after the dossier (relative --output files go here too)")
	f.StringVar(&o.Format, "format", "text", "output format: "+strings.Join(report.Names(), ", "))
	f.StringArrayVarP(&o.Outputs, "output", "o", nil, "write to FILE, or FORMAT=FILE (repeatable; - is standard output)")
	f.StringVar(&o.Lang, "lang", "", "language of human-readable output: en or zh (default: certready.yaml, else en)")
	f.StringVar(&o.AsOf, "as-of", "", "audit as of this date, YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日 (default: today in the dossier's zone)")
	f.StringVar(&o.FailOn, "fail-on", "major", "exit 1 on an open finding at or above: major, minor, observation or none")
	f.StringVar(&o.Standard, "standard", "", "clause labels: iso10002 or gbt19012 (same clause numbers; default: certready.yaml)")
	f.StringSliceVar(&o.Only, "only", nil, "run only these check IDs (a trailing '.' selects a family, e.g. handling.)")
	f.StringSliceVar(&o.Skip, "skip", nil, "skip these check IDs")
	f.StringVar(&o.Config, "config", "", "configuration file (default: certready.yaml in the dossier)")
	f.StringVar(&o.Baseline, "baseline", "", "JSON report of an earlier run: only findings new since then fail the run")
	f.BoolVar(&o.ShowPersonal, "show-personal-data", false, "show personal data unmasked (names, phones, IDs, e-mails)")
	return cmd
}

func usageErr(format string, args ...any) error {
	return &ExitError{Code: ExitInput, Err: fmt.Errorf(format, args...)}
}

// parseAsOf reads --as-of or takes today in loc.
func parseAsOf(s string, now func() time.Time, loc *time.Location) (dossier.Date, error) {
	if s == "" {
		return civil.Of(now().In(loc)), nil
	}
	d, err := load.ParseDate(s)
	if err != nil {
		return d, usageErr("--as-of: %v", err)
	}
	return d, nil
}

type output struct{ format, path string }

// intoOutputDir places one dossier's reports in --output-dir: the report in
// --format named after the dossier as portfolio mode names it, or the
// relative --output files under the directory.
func intoOutputDir(o *auditOptions, outs []output) ([]output, error) {
	if err := os.MkdirAll(o.OutputDir, 0o755); err != nil {
		return nil, usageErr("--output-dir: %v", err)
	}
	if len(o.Outputs) == 0 {
		return []output{{format: o.Format, path: filepath.Join(o.OutputDir, reportName(o.Path, o.Format))}}, nil
	}
	for i := range outs {
		if outs[i].path != "-" && !filepath.IsAbs(outs[i].path) {
			outs[i].path = filepath.Join(o.OutputDir, outs[i].path)
		}
	}
	return outs, nil
}

func parseOutputs(def string, specs []string) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"-"}
	}
	var outs []output
	for _, s := range specs {
		o := output{format: def, path: s}
		if i := strings.IndexByte(s, '='); i > 0 {
			o.format, o.path = s[:i], s[i+1:]
		}
		if _, err := report.Get(o.format); err != nil {
			return nil, usageErr("--output %s: %v", s, err)
		}
		outs = append(outs, o)
	}
	return outs, nil
}

func runAudit(env Env, o *auditOptions) error {
	failOn, err := checks.ParseSeverity(o.FailOn)
	if err != nil {
		return usageErr("--fail-on: %v", err)
	}
	outs, err := parseOutputs(o.Format, o.Outputs)
	if err != nil {
		return err
	}
	if o.OutputDir != "" {
		if outs, err = intoOutputDir(o, outs); err != nil {
			return err
		}
	}
	res, err := loadDossier(env, o.Path, o.Config)
	if err != nil {
		return err
	}
	for _, out := range outs {
		if err := checkOutput("--output", out.path, inputsOf(res, o.Baseline)); err != nil {
			return err
		}
	}
	ropts, aopts, err := resolveCommon(env, res, o.Lang, o.Standard, o.AsOf)
	if err != nil {
		return err
	}
	aopts.FailOn, aopts.Only, aopts.Skip = failOn, o.Only, o.Skip
	// CI formats name files from the repository root, as CI systems do.
	ropts.SourceRoot = report.SourceRoot(o.Path)
	if o.Baseline != "" {
		if aopts.Baseline, aopts.BaselineLegacy, err = readBaseline(env, o.Baseline); err != nil {
			return err
		}
	}
	doneProgress := watchLog(env, res.Dossier, ropts.Lang)
	r, err := audit.Run(res.Dossier, res.Config, aopts)
	doneProgress()
	if err != nil {
		return err
	}
	for _, out := range outs {
		if err := writeReport(env, out, r, ropts); err != nil {
			return err
		}
	}
	if code := r.ExitCode(); code != 0 {
		return &ExitError{Code: code}
	}
	return nil
}

// resolveCommon settles language, standard and as-of date from flags over
// the dossier's configuration.
func resolveCommon(env Env, res *load.Result, lang, standard, asOf string) (report.Options, audit.Options, error) {
	if lang == "" {
		lang = res.Config.Lang
	}
	if lang != "en" && lang != "zh" {
		return report.Options{}, audit.Options{}, usageErr("--lang: expected en or zh, got %q", lang)
	}
	if standard == "" {
		standard = res.Config.Standard
	}
	if standard != "iso10002" && standard != "gbt19012" {
		return report.Options{}, audit.Options{}, usageErr("--standard: expected iso10002 or gbt19012, got %q", standard)
	}
	d, err := parseAsOf(asOf, env.Now, res.Dossier.Location)
	if err != nil {
		return report.Options{}, audit.Options{}, err
	}
	return report.Options{Lang: lang, Standard: standard},
		audit.Options{AsOf: d, Standard: standard, Version: env.version()}, nil
}

func readBaseline(env Env, path string) (keys map[string]bool, legacy bool, err error) {
	b, err := readInput("--baseline", path, maxReportBytes)
	if err != nil {
		return nil, false, err
	}
	var old audit.Result
	if err := json.Unmarshal(b, &old); err != nil {
		return nil, false, usageErr("--baseline %s: not a certready JSON report: %v", path, err)
	}
	legacy = !old.HasIDs()
	if legacy {
		fmt.Fprintf(env.Err, "certready: warning: %s has no finding ids (written by an older certready); its findings are matched by check and record only — rerun the baseline to match them exactly\n", path)
	}
	keys = map[string]bool{}
	for i := range old.Findings {
		f := &old.Findings[i]
		if legacy {
			keys[f.LegacyKey()] = true
		} else {
			keys[f.Key()] = true
		}
	}
	return keys, legacy, nil
}

func writeReport(env Env, out output, r *audit.Result, ro report.Options) error {
	f, _ := report.Get(out.format)
	if out.path == "-" || out.path == "" {
		if out.format == "xlsx" && env.IsTTY {
			return usageErr("--format xlsx writes a workbook: give a file with --output xlsx=FILE")
		}
		ro.Color = out.format == "text" && env.IsTTY && env.Getenv("NO_COLOR") == ""
		// Render fully before writing so a failure leaves no partial report.
		var buf bytes.Buffer
		if err := f.Format(&buf, r, ro); err != nil {
			return err
		}
		_, err := env.Out.Write(buf.Bytes())
		return err
	}
	return atomicfile.Write(out.path, func(w io.Writer) error { return f.Format(w, r, ro) })
}
