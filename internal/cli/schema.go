package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/schemagen"
)

func init() { register(newSchemaCmd) }

func newSchemaCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [NAME]",
		Short: "Print a JSON Schema: a record type, certready.yaml, the JSON report, or a dossier file for editors",
		Long: `schema prints one of certready's JSON Schemas (draft 2020-12); without a
name it lists them.

  certready schema                  the names, one per line, with what each describes
  certready schema licences         one licence record, as validated after loading
  certready schema config           certready.yaml
  certready schema report           the JSON report of certready audit --format json
  certready schema licences.yaml    the licences.yaml file as an editor sees it: what
                                    certready init writes to .certready/schemas/

Every schema's $id is https://certready.dev/schemas/…, a stable name that does
not change between versions; editors should read the files init writes, which
need no network.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				for _, e := range schemagen.Names() {
					fmt.Fprintf(env.Out, "%-28s %s\n", e.Name, e.Description)
				}
				return nil
			}
			b, ok := schemagen.Lookup(args[0])
			if !ok {
				return usageErr("no schema %q (see certready schema for the names)", args[0])
			}
			_, err := env.Out.Write(b)
			return err
		},
	}
}
