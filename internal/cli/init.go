package cli

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/schemagen"
	"github.com/certready/certready/internal/vocab"
	"github.com/certready/certready/templates"
)

func init() { register(newInitCmd) }

// initOptions are the flags of `certready init`.
type initOptions struct {
	Dir   string
	XLSX  string
	Lang  string
	Force bool
	AsOf  string
}

func newInitCmd(env Env) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR] [--xlsx BOOK.xlsx]",
		Short: "Write a fill-in template: a workbook for a client, or commented YAML files",
		Long: `init writes what a client fills in.

  certready init --xlsx book.xlsx   a workbook: an instructions sheet, one sheet per
                                    record type with bilingual headers, dropdowns,
                                    date formats and one example row
  certready init DIR                one commented YAML file per record type and a
                                    certready.yaml with the default thresholds; each
                                    starts with a yaml-language-server modeline naming
                                    its JSON Schema, written to DIR/.certready/schemas/
                                    so editors complete and check the files offline

The example values are real data to certready: they load and are audited
like any other record, so they must be replaced or deleted. Existing files
are never overwritten without --force. --lang zh names the sheets in Chinese
and offers Chinese dropdown labels; headers are bilingual either way.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Dir = args[0]
			}
			return runInit(env, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.XLSX, "xlsx", "", "write a fill-in workbook to this .xlsx file")
	f.StringVar(&o.Lang, "lang", "en", "workbook sheet names and dropdown labels: en or zh")
	f.BoolVar(&o.Force, "force", false, "overwrite existing files")
	f.StringVar(&o.AsOf, "as-of", "", "date stamped into the workbook's properties, YYYY-MM-DD (default: a fixed date, so runs are byte-identical)")
	return cmd
}

func runInit(env Env, o *initOptions) error {
	if o.Dir == "" && o.XLSX == "" {
		return usageErr("init: give a directory (YAML skeleton) or --xlsx BOOK.xlsx (workbook), or both")
	}
	if o.Lang != templates.LangEN && o.Lang != templates.LangZH {
		return usageErr("--lang: expected en or zh, got %q", o.Lang)
	}
	date, err := stampDate(o.AsOf)
	if err != nil {
		return err
	}
	if o.XLSX != "" {
		if !strings.EqualFold(filepath.Ext(o.XLSX), ".xlsx") {
			return usageErr("--xlsx %s: the file name must end in .xlsx", o.XLSX)
		}
		if err := refuseExisting(o.Force, o.XLSX); err != nil {
			return err
		}
	}
	var files []templates.File
	if o.Dir != "" {
		files = templates.DirFiles(templates.Examples(), templates.DirOptions{Skeleton: true, SchemaDir: schemagen.EditorDir})
		files = append(files, schemaFiles()...)
		var paths []string
		for _, f := range files {
			paths = append(paths, filepath.Join(o.Dir, f.Name))
		}
		if err := refuseExisting(o.Force, paths...); err != nil {
			return err
		}
	}
	// Every check is done before the first write, so a refusal leaves
	// nothing half-written.
	if o.XLSX != "" {
		err := atomicfile.Write(o.XLSX, func(w io.Writer) error {
			return templates.WriteWorkbook(w, templates.Examples(), templates.WorkbookOptions{Lang: o.Lang, Date: date, Template: true})
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Err, "wrote %s\n", o.XLSX)
	}
	if o.Dir != "" {
		if err := os.MkdirAll(filepath.Join(o.Dir, filepath.FromSlash(schemagen.EditorDir)), 0o755); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		for _, f := range files {
			p := filepath.Join(o.Dir, filepath.FromSlash(f.Name))
			if err := atomicfile.Write(p, f.Write); err != nil {
				return err
			}
			fmt.Fprintf(env.Err, "wrote %s\n", p)
		}
	}
	fmt.Fprintln(env.Err, "certready: warning: the example values are real data to certready: replace or delete them before auditing. / 示例数据会被当作真实记录审核，请在审核前替换或删除。")
	return nil
}

// schemaFiles are the editor schemas the skeleton's modelines point at,
// written beside the dossier so editors need no network.
func schemaFiles() []templates.File {
	schemas := schemagen.EditorSchemas()
	names := make([]string, 0, len(schemas))
	for n := range schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []templates.File
	for _, n := range names {
		b := schemas[n]
		out = append(out, templates.File{Name: path.Join(schemagen.EditorDir, n), Write: func(w io.Writer) error {
			_, err := w.Write(b)
			return err
		}})
	}
	return out
}

// stampDate reads --as-of for a workbook's document properties.
func stampDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := load.ParseDate(s)
	if err != nil {
		return time.Time{}, usageErr("--as-of: %v", err)
	}
	return d.In(time.UTC), nil
}

// refuseExisting fails, naming every file, when any of paths exists and
// overwriting was not asked for.
func refuseExisting(force bool, paths ...string) error {
	if force {
		return nil
	}
	var exist []string
	for _, p := range paths {
		if _, err := os.Lstat(p); err == nil {
			exist = append(exist, p)
		}
	}
	if len(exist) > 0 {
		return usageErr("%s already %s; use --force to overwrite", strings.Join(exist, ", "), vocab.Verb(len(exist), "exists", "exist"))
	}
	return nil
}
