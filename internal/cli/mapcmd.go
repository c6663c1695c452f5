package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/exportmap"
)

func init() { register(newMapCmd) }

// mapOptions are the flags of `certready map`.
type mapOptions struct {
	Export  string
	Dossier string
	Sheet   string
	Write   bool
	Format  string
}

func newMapCmd(env Env) *cobra.Command {
	o := &mapOptions{}
	cmd := &cobra.Command{
		Use:   "map EXPORT",
		Short: "Propose the certready.yaml complaints block that reads a CRM export as it comes",
		Long: `map reads a complaint export (CSV or xlsx) once — its header row and the
distinct values of each column, streamed, in bounded memory — and proposes
the complaints block of certready.yaml: column mappings, value mappings
(status words, yes/no words), the satisfaction scale, the header row, the
sheet, the encoding, and the fields the export does not keep (not_tracked).
Every line carries its confidence (high, medium, low) and reason; what
could not be mapped, the date forms seen and the fields no column fills
are listed after it.

--write puts the proposal into the dossier's certready.yaml (--dossier DIR,
default the current directory), replacing its complaints block and keeping
every other key and comment; the export must be inside the dossier, and its
path is written relative to it.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Export = args[0]
			return runMap(env, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Dossier, "dossier", ".", "the dossier directory whose certready.yaml --write edits")
	f.StringVar(&o.Sheet, "sheet", "", "the workbook sheet to read (default: the complaints sheet by name, else the first)")
	f.BoolVar(&o.Write, "write", false, "write the proposal into the dossier's certready.yaml")
	f.StringVar(&o.Format, "format", "yaml", "output format: yaml (a certready.yaml fragment with comments) or json")
	return cmd
}

func runMap(env Env, o *mapOptions) error {
	if o.Format != "yaml" && o.Format != "json" {
		return usageErr("--format: expected yaml or json, got %q", o.Format)
	}
	file, err := exportmap.RelPath(o.Dossier, o.Export)
	if err != nil {
		if o.Write {
			return &ExitError{Code: ExitInput, Err: err}
		}
		// Printing only: name the export as given.
		file = filepath.ToSlash(o.Export)
	}
	prof, err := exportmap.Read(o.Export, exportmap.Options{Sheet: o.Sheet, MaxUnzipBytes: config.Default().Limits.MaxUnzipBytes})
	if err != nil {
		return &ExitError{Code: ExitInput, Err: err}
	}
	pr := exportmap.Propose(prof)
	pr.File = file
	if o.Format == "json" {
		enc := json.NewEncoder(env.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(pr); err != nil {
			return err
		}
	} else if err := pr.Render(env.Out, file); err != nil {
		return err
	}
	if o.Write {
		if err := pr.Write(o.Dossier, file); err != nil {
			return &ExitError{Code: ExitInput, Err: err}
		}
		fmt.Fprintf(env.Err, "wrote the complaints block into %s\n", filepath.Join(o.Dossier, config.FileName))
	}
	return nil
}
