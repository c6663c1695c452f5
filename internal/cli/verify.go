package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/pack"
	"github.com/certready/certready/internal/report"
)

func init() { register(newVerifyCmd) }

func newVerifyCmd(env Env) *cobra.Command {
	var expect string
	cmd := &cobra.Command{
		Use:   "verify BUNDLE",
		Short: "Check a submission bundle against its manifest of hashes",
		Long: `verify recomputes the SHA-256 of every file of a bundle written by
certready pack --bundle (the zip, or a directory it was unpacked into) and
compares it with MANIFEST.json and SHA256SUMS. It reports every file
changed, missing or added since the bundle was made, and any member whose
name is absolute, has a .. element, a backslash or a control character.

A bundle is consistent with itself even when someone edited it and
re-hashed everything. --expect SHA256 anchors it: give the SHA-256 of the
bundle's SHA256SUMS as published apart from the bundle (in the e-mail,
the ticket, the portal) and verify fails unless it matches.

Exit codes: 0 intact, 1 changed, missing, added or unsafe files, 2 not a bundle.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerify(env, args[0], expect)
		},
	}
	cmd.Flags().StringVar(&expect, "expect", "", "SHA-256 of the bundle's SHA256SUMS, published apart from the bundle")
	return cmd
}

func runVerify(env Env, path, expect string) error {
	v, err := pack.VerifyExpect(path, expect)
	if err != nil {
		return &ExitError{Code: ExitInput, Err: err}
	}
	// Member names and manifest fields are the bundle's, not ours: shown
	// escaped, so a name holding a new line cannot forge a line of output.
	safe := report.TerminalSafe
	m := v.Manifest
	if v.OK() {
		anchor := ""
		if expect != "" {
			anchor = "; " + pack.SumsName + " matches the published digest"
		}
		fmt.Fprintf(env.Out, "intact: %d files match %s (%s %s, as of %s, input digest %s)%s\n",
			v.Checked, pack.ManifestName, safe(m.Tool), safe(m.Version), safe(m.AsOf), safe(m.InputDigest), anchor)
		return nil
	}
	counts := map[string]int{}
	for _, p := range v.Problems {
		counts[p.Kind]++
		line := fmt.Sprintf("%-8s %s", p.Kind, safe(p.Path))
		if p.Detail != "" {
			line += ": " + safe(p.Detail)
		}
		fmt.Fprintln(env.Out, line)
	}
	fmt.Fprintf(env.Out, "NOT intact: %d changed, %d missing, %d added, %d unsafe; %d files intact\n",
		counts[pack.Changed], counts[pack.Missing], counts[pack.Added], counts[pack.Unsafe], v.Checked)
	return &ExitError{Code: ExitFindings}
}
