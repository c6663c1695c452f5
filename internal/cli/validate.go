package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/report"
)

func init() { register(newValidateCmd) }

type validateOptions struct {
	Path   string
	Format string
	Config string
	Lang   string
}

func newValidateCmd(env Env) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate PATH...",
		Short: "Load and validate a dossier (directory or workbook); print every problem with its position",
		Long: `validate loads a dossier directory or workbook, checks every record against its
JSON Schema and reads the whole complaint log, then prints every problem
with its position (file:line:col, book.xlsx!Sheet!Cell or file.csv:row N).
Exit 0 when valid, 2 when not.

Several paths may be given, and a path may be a file of a dossier directory
(licences.yaml, complaints.csv, …) or a workbook's book.certready.yaml: each
names its dossier, and every dossier named is validated once. This is how
the pre-commit hook passes the changed files.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var failed error
			for _, p := range dossiersOf(args) {
				o.Path = p
				if err := runValidate(env, o); err != nil {
					var ee *ExitError
					if !errors.As(err, &ee) || ee.Err != nil {
						return err
					}
					failed = err
				}
			}
			return failed
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&o.Config, "config", "", "configuration file (default: certready.yaml in the dossier)")
	cmd.Flags().StringVar(&o.Lang, "lang", "", "language of warnings: en or zh (default: certready.yaml, else en)")
	return cmd
}

// dossiersOf maps paths to the dossiers they belong to, each once, in the
// order first named: a directory or workbook is itself; a YAML or CSV file
// is the directory holding it, except book.certready.yaml, which configures
// book.xlsx beside it.
func dossiersOf(paths []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		d := p
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			lower := strings.ToLower(p)
			switch {
			case strings.HasSuffix(lower, ".certready.yaml"):
				d = p[:len(p)-len(".certready.yaml")] + ".xlsx"
			case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"), strings.HasSuffix(lower, ".csv"):
				d = filepath.Dir(p)
			}
		}
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

type validateReport struct {
	Dossier  string            `json:"dossier"`
	Valid    bool              `json:"valid"`
	Problems []validateProblem `json:"problems"`
	Dropped  int               `json:"more_problems,omitempty"`
	// Warnings do not make the dossier invalid: rows still holding the
	// template's examples.
	Warnings []validateProblem `json:"warnings"`
	Records  map[string]int    `json:"records,omitempty"`
	// Log groups the complaint log's row problems and lists its ignored
	// columns; nil without a log.
	Log *load.LogSummary `json:"complaint_log,omitempty"`
}

// validateFirst is how many positions each group of log problems shows.
const validateFirst = 5

type validateProblem struct {
	Where   string      `json:"where"`
	Pos     dossier.Pos `json:"pos"`
	Message string      `json:"message"`
}

func runValidate(env Env, o *validateOptions) error {
	if o.Format != "text" && o.Format != "json" {
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("--format: expected text or json, got %q", o.Format)}
	}
	if o.Lang != "" && o.Lang != "en" && o.Lang != "zh" {
		return usageErr("--lang: expected en or zh, got %q", o.Lang)
	}
	rep := validateReport{Dossier: o.Path, Problems: []validateProblem{}, Warnings: []validateProblem{}}
	res, err := loadDossier(env, o.Path, o.Config)
	errs := []error{err}
	if res != nil {
		rep.Records = counts(res.Dossier)
		sum, err := load.SummariseLog(res.Dossier, validateFirst)
		errs = append(errs, err)
		rep.Records["complaints"] = sum.Rows
		if res.Dossier.Complaints != nil {
			rep.Log = sum
		}
	}
	for _, err := range errs {
		if err == nil {
			continue
		}
		var errs *load.Errors
		if errors.As(err, &errs) {
			for _, e := range errs.List {
				rep.Problems = append(rep.Problems, validateProblem{Where: e.Pos.String(), Pos: e.Pos, Message: e.Err.Error()})
			}
			rep.Dropped = errs.Dropped
		} else {
			var pe *dossier.PosError
			if errors.As(err, &pe) {
				rep.Problems = append(rep.Problems, validateProblem{Where: pe.Pos.String(), Pos: pe.Pos, Message: pe.Err.Error()})
			} else {
				rep.Problems = append(rep.Problems, validateProblem{Message: err.Error()})
			}
		}
	}
	// A column that looks like a known field under another spelling is a
	// problem: left unread, it would empty a check in silence.
	likely := 0
	if rep.Log != nil {
		for _, c := range rep.Log.Ignored {
			if c.Likely != "" {
				likely++
			}
		}
	}
	lang := o.Lang
	if res != nil {
		if lang == "" {
			lang = res.Config.Lang
		}
		rep.Warnings = exampleWarnings(res.Dossier, lang)
	}
	zh := lang == "zh"
	rep.Valid = len(rep.Problems) == 0 && (rep.Log == nil || len(rep.Log.Groups) == 0) && likely == 0
	if o.Format == "json" {
		enc := json.NewEncoder(env.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			// Positions and messages quote the dossier (file names, cell
			// text): shown escaped for the terminal, one problem a line.
			if p.Where != "" {
				fmt.Fprintf(env.Out, "%s: %s\n", report.TerminalSafe(p.Where), safeLines(p.Message))
			} else {
				fmt.Fprintln(env.Out, safeLines(p.Message))
			}
		}
		if rep.Dropped > 0 {
			if zh {
				fmt.Fprintf(env.Out, "……另有 %d 个问题\n", rep.Dropped)
			} else {
				fmt.Fprintf(env.Out, "… and %d more problems\n", rep.Dropped)
			}
		}
		for _, w := range rep.Warnings {
			fmt.Fprintf(env.Out, "%s: %s\n", w.Where, w.Message)
		}
		n := len(rep.Problems) + rep.Dropped + likely
		if rep.Log != nil {
			printLogSummary(env.Out, rep.Log, zh)
			for _, g := range rep.Log.Groups {
				n += g.N
			}
		}
		switch {
		case rep.Valid && zh:
			fmt.Fprintf(env.Out, "%s：有效（%d 条记录，%d 条投诉）\n", o.Path, recordTotal(rep.Records), rep.Records["complaints"])
		case rep.Valid:
			fmt.Fprintf(env.Out, "%s: valid (%s)\n", o.Path, summarizeCounts(rep.Records))
		case zh:
			fmt.Fprintf(env.Out, "%s：%d 个问题\n", o.Path, n)
		default:
			fmt.Fprintf(env.Out, "%s: %s\n", o.Path, plural(n, "problem", "problems"))
		}
	}
	if !rep.Valid {
		return &ExitError{Code: ExitInput}
	}
	return nil
}

// printLogSummary prints the complaint log's problems a group per line,
// then its ignored columns.
func printLogSummary(w io.Writer, s *load.LogSummary, zh bool) {
	if s.ProblemRows > 0 {
		if zh {
			fmt.Fprintf(w, "投诉台账：%d 行中有 %d 行存在问题（评估时不计入统计）：\n", s.Rows, s.ProblemRows)
		} else {
			fmt.Fprintf(w, "complaint log: %d of %d rows have problems (the audit leaves them out of its statistics):\n", s.ProblemRows, s.Rows)
		}
	}
	for _, g := range s.Groups {
		field := g.Field
		if field == "" {
			field = "row"
		}
		var at []string
		for _, p := range g.First {
			at = append(at, p.String())
		}
		more := ""
		if g.N > len(g.First) {
			more = ", …"
		}
		fmt.Fprintf(w, "  %s %s: %d — %s; first at %s%s\n", field, g.Kind, g.N, g.Example, strings.Join(at, "; "), more)
	}
	var plain []string
	for _, c := range s.Ignored {
		switch {
		case c.Likely != "" && zh:
			fmt.Fprintf(w, "%s：未读取的列“%s”像是 %s；请在 certready.yaml 的 complaints.columns 中映射（或列入 complaints.ignore）\n", c.Pos, c.Header, c.Likely)
		case c.Likely != "":
			fmt.Fprintf(w, "%s: ignored column %q looks like %s; map it under complaints.columns in certready.yaml (or list it under complaints.ignore)\n", c.Pos, c.Header, c.Likely)
		default:
			plain = append(plain, strconv.Quote(c.Header))
		}
	}
	if len(plain) > 0 {
		if zh {
			fmt.Fprintf(w, "投诉台账：未读取的列（没有对应字段）：%s\n", strings.Join(plain, "，"))
		} else {
			fmt.Fprintf(w, "complaint log: ignored columns (no field takes them): %s\n", strings.Join(plain, ", "))
		}
	}
}

func counts(d *dossier.Dossier) map[string]int {
	m := map[string]int{
		"licences": len(d.Licences), "documents": len(d.Documents), "categories": len(d.Categories),
		"people": len(d.People), "qualifications": len(d.Qualifications), "training": len(d.Training),
		"channels": len(d.Channels), "surveys": len(d.Surveys), "audits": len(d.Audits), "reviews": len(d.Reviews),
		"actions": len(d.Actions), "objectives": len(d.Objectives), "monitoring": len(d.Monitoring), "plan": len(d.Plan),
	}
	if d.Organisation != nil {
		m["organisation"] = 1
	}
	if d.Resources != nil {
		m["resources"] = 1
	}
	return m
}

func summarizeCounts(m map[string]int) string {
	return plural(recordTotal(m), "record", "records") + ", " + plural(m["complaints"], "complaint", "complaints")
}

// recordTotal counts the records other than complaints.
func recordTotal(m map[string]int) int {
	total := 0
	for k, v := range m {
		if k != "complaints" {
			total += v
		}
	}
	return total
}

// plural words a count: "1 record", "2 records".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
