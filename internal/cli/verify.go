package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/pack"
)

func init() { register(newVerifyCmd) }

func newVerifyCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "verify BUNDLE",
		Short: "Check a submission bundle against its manifest of hashes",
		Long: `verify recomputes the SHA-256 of every file of a bundle written by
certready pack --bundle (the zip, or a directory it was unpacked into) and
compares it with MANIFEST.json and SHA256SUMS. It reports every file
changed, missing or added since the bundle was made.

Exit codes: 0 intact, 1 changed, missing or added files, 2 not a bundle.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerify(env, args[0])
		},
	}
}

func runVerify(env Env, path string) error {
	v, err := pack.Verify(path)
	if err != nil {
		return &ExitError{Code: ExitInput, Err: err}
	}
	m := v.Manifest
	if v.OK() {
		fmt.Fprintf(env.Out, "intact: %d files match %s (%s %s, as of %s, input digest %s)\n",
			v.Checked, pack.ManifestName, m.Tool, m.Version, m.AsOf, m.InputDigest)
		return nil
	}
	counts := map[string]int{}
	for _, p := range v.Problems {
		counts[p.Kind]++
		line := fmt.Sprintf("%-8s %s", p.Kind, p.Path)
		if p.Detail != "" {
			line += ": " + p.Detail
		}
		fmt.Fprintln(env.Out, line)
	}
	fmt.Fprintf(env.Out, "NOT intact: %d changed, %d missing, %d added; %d files intact\n",
		counts[pack.Changed], counts[pack.Missing], counts[pack.Added], v.Checked)
	return &ExitError{Code: ExitFindings}
}
