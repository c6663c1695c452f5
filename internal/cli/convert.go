package cli

import (
	"errors"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/convert"
	"github.com/certready/certready/templates"
)

func init() { register(newConvertCmd) }

// convertOptions are the flags of `certready convert`.
type convertOptions struct {
	Src, Dst string
	Lang     string
	Force    bool
	Config   string
	AsOf     string
}

func newConvertCmd(env Env) *cobra.Command {
	o := &convertOptions{}
	cmd := &cobra.Command{
		Use:   "convert SRC DST",
		Short: "Convert a dossier between a workbook and a YAML directory, losing nothing",
		Long: `convert reads a dossier (directory or workbook) and writes it in the other
form: DST ending in .xlsx gets a workbook (complaint log in its Complaints
sheet), any other DST a directory of YAML files with the complaint log as
complaints.csv (UTF-8 with BOM). Every field of every record is kept, with
dates, lists and enum values in canonical form; certready.yaml is copied
(beside a workbook as BOOK.certready.yaml) without its complaints section.

Personal data is written unmasked: it is the client's own dossier.
Evidence files are not copied; their paths are kept, relative to the
dossier, and the command lists where to copy them from.
Text starting with =, +, -, @, a tab or CR is written to xlsx and CSV cells
with a leading apostrophe so no spreadsheet runs it as a formula; convert
removes that apostrophe again when it reads a workbook or CSV.

Nothing is written if the source has any input error. Existing files are
not overwritten without --force.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Src, o.Dst = args[0], args[1]
			return runConvert(env, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Lang, "lang", "en", "workbook sheet names and dropdown labels: en or zh")
	f.BoolVar(&o.Force, "force", false, "overwrite existing files")
	f.StringVar(&o.Config, "config", "", "configuration file of the source (default: its certready.yaml)")
	f.StringVar(&o.AsOf, "as-of", "", "date stamped into a workbook's properties, YYYY-MM-DD (default: a fixed date)")
	return cmd
}

func runConvert(env Env, o *convertOptions) error {
	if o.Lang != templates.LangEN && o.Lang != templates.LangZH {
		return usageErr("--lang: expected en or zh, got %q", o.Lang)
	}
	date, err := stampDate(o.AsOf)
	if err != nil {
		return err
	}
	lim, err := config.LimitsFromEnv(env.Getenv)
	if err != nil {
		return usageErr("%v", err)
	}
	sum, err := convert.Run(o.Src, o.Dst, convert.Options{Lang: o.Lang, Force: o.Force, ConfigPath: o.Config, Date: date, Limits: &lim})
	if err != nil {
		if errors.Is(err, convert.ErrExists) {
			return &ExitError{Code: ExitInput, Err: err}
		}
		return err
	}
	names := make([]string, 0, len(sum.Records))
	for n := range sum.Records {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(env.Out, "%-15s %d\n", n, sum.Records[n])
	}
	fmt.Fprintf(env.Out, "%-15s %d\n", "complaints", sum.Complaints)
	for _, p := range sum.Files {
		fmt.Fprintf(env.Out, "wrote %s\n", p)
	}
	for _, n := range sum.Notes {
		fmt.Fprintf(env.Err, "note: %s\n", n)
	}
	return nil
}
