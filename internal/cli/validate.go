package cli

import (
	"encoding/json"
	"errors"
	"fmt"

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
}

func newValidateCmd(env Env) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate PATH",
		Short: "Load and validate a dossier (directory or workbook); print every problem with its position",
		Long: `validate loads a dossier directory or workbook, checks every record against its
JSON Schema and reads the whole complaint log, then prints every problem
with its position (file:line:col, book.xlsx!Sheet!Cell or file.csv:row N).
Exit 0 when valid, 2 when not.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Path = args[0]
			return runValidate(env, o)
		},
	}
	cmd.Flags().StringVar(&o.Format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&o.Config, "config", "", "configuration file (default: certready.yaml in the dossier)")
	return cmd
}

type validateReport struct {
	Dossier  string            `json:"dossier"`
	Valid    bool              `json:"valid"`
	Problems []validateProblem `json:"problems"`
	Dropped  int               `json:"more_problems,omitempty"`
	Records  map[string]int    `json:"records,omitempty"`
}

type validateProblem struct {
	Where   string      `json:"where"`
	Pos     dossier.Pos `json:"pos"`
	Message string      `json:"message"`
}

func runValidate(env Env, o *validateOptions) error {
	if o.Format != "text" && o.Format != "json" {
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("--format: expected text or json, got %q", o.Format)}
	}
	rep := validateReport{Dossier: o.Path, Problems: []validateProblem{}}
	res, err := loadDossier(env, o.Path, o.Config)
	errs := []error{err}
	if res != nil {
		rep.Records = counts(res.Dossier)
		errs = append(errs, load.ScanLog(res.Dossier, res.Config.Limits.MaxErrors, func(n int) { rep.Records["complaints"] = n }))
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
	rep.Valid = len(rep.Problems) == 0
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
			fmt.Fprintf(env.Out, "… and %d more problems\n", rep.Dropped)
		}
		if rep.Valid {
			fmt.Fprintf(env.Out, "%s: valid (%s)\n", o.Path, summarizeCounts(rep.Records))
		} else {
			fmt.Fprintf(env.Out, "%s: %d problem(s)\n", o.Path, len(rep.Problems)+rep.Dropped)
		}
	}
	if !rep.Valid {
		return &ExitError{Code: ExitInput}
	}
	return nil
}

func counts(d *dossier.Dossier) map[string]int {
	m := map[string]int{
		"licences": len(d.Licences), "documents": len(d.Documents), "categories": len(d.Categories),
		"people": len(d.People), "qualifications": len(d.Qualifications), "training": len(d.Training),
		"channels": len(d.Channels), "surveys": len(d.Surveys), "audits": len(d.Audits), "reviews": len(d.Reviews),
		"actions": len(d.Actions), "objectives": len(d.Objectives), "plan": len(d.Plan),
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
	total := 0
	for k, v := range m {
		if k != "complaints" {
			total += v
		}
	}
	return fmt.Sprintf("%d records, %d complaints", total, m["complaints"])
}
