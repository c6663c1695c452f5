package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/pack"
	"github.com/certready/certready/internal/report"
	"github.com/certready/certready/internal/textwidth"
)

func init() { register(newVerifyCmd) }

func newVerifyCmd(env Env) *cobra.Command {
	var expect, lang string
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
			if lang != "en" && lang != "zh" {
				return usageErr("--lang: expected en or zh, got %q", lang)
			}
			return runVerify(env, args[0], expect, lang)
		},
	}
	cmd.Flags().StringVar(&expect, "expect", "", "SHA-256 of the bundle's SHA256SUMS, published apart from the bundle")
	cmd.Flags().StringVar(&lang, "lang", "en", "language of the report: en or zh")
	return cmd
}

// problemKindsZH are the problem kinds as a Chinese reader reads them.
var problemKindsZH = map[string]string{pack.Changed: "已改动", pack.Missing: "缺失", pack.Added: "新增", pack.Unsafe: "不安全"}

func runVerify(env Env, path, expect, lang string) error {
	v, err := pack.VerifyExpect(path, expect)
	if err != nil {
		return &ExitError{Code: ExitInput, Err: err}
	}
	// Member names and manifest fields are the bundle's, not ours: shown
	// escaped, so a name holding a new line cannot forge a line of output.
	safe := report.TerminalSafe
	m := v.Manifest
	if v.OK() {
		if lang == "zh" {
			anchor := ""
			if expect != "" {
				anchor = "；" + pack.SumsName + " 与公布的摘要一致"
			}
			fmt.Fprintf(env.Out, "完整：%d 个文件与 %s 一致（%s %s，评估日期 %s，输入摘要 %s）%s\n",
				v.Checked, pack.ManifestName, safe(m.Tool), safe(m.Version), safe(m.AsOf), safe(m.InputDigest), anchor)
			return nil
		}
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
		kind := p.Kind
		if lang == "zh" {
			kind = problemKindsZH[p.Kind]
		}
		line := textwidth.Pad(kind, 8) + " " + safe(p.Path)
		if d := p.Detail.In(lang); d != "" {
			line += ": " + safe(d)
		}
		fmt.Fprintln(env.Out, line)
	}
	if lang == "zh" {
		fmt.Fprintf(env.Out, "不完整：%d 个已改动，%d 个缺失，%d 个新增，%d 个不安全；%d 个文件完好\n",
			counts[pack.Changed], counts[pack.Missing], counts[pack.Added], counts[pack.Unsafe], v.Checked)
	} else {
		fmt.Fprintf(env.Out, "NOT intact: %d changed, %d missing, %d added, %d unsafe; %d files intact\n",
			counts[pack.Changed], counts[pack.Missing], counts[pack.Added], counts[pack.Unsafe], v.Checked)
	}
	return &ExitError{Code: ExitFindings}
}
