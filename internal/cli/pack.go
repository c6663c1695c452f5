package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/pack"
	"github.com/certready/certready/internal/pdfdoc"
	"github.com/certready/certready/internal/report"
	"github.com/certready/certready/internal/vocab"
)

func init() { register(newPackCmd) }

// defaultSample is how many complaint records the pack shows the auditor;
// maxSample bounds --sample: the sample is printed in the pack, a page per
// few dozen records, and the audit sizes a slice by it, so an absurd value
// must be a usage error and not an allocation of terabytes.
const (
	defaultSample = 30
	maxSample     = 1000
)

// packOptions are the flags of `certready pack`.
type packOptions struct {
	Path         string
	Output       string
	Lang         string
	AsOf         string
	Standard     string
	Config       string
	ShowPersonal bool
	Sample       int
	Seed         uint64
	Font         string
	Bundle       string
}

func newPackCmd(env Env) *cobra.Command {
	o := &packOptions{}
	cmd := &cobra.Command{
		Use:   "pack PATH -o pack.pdf",
		Short: "Write the PDF evidence pack (and optionally the zip submission bundle)",
		Long: `pack audits a dossier and writes the evidence pack as a PDF in English or
Chinese: cover, contents with bookmarks, executive summary with scores per
clause, the gap register, the application materials checklist, the
guiding-principles matrix, the document and evidence register with the
SHA-256 of every evidence file, the training matrix, complaint KPIs with
charts, a reproducible sample of complaint records (personal data masked
unless --show-personal-data), waivers, and the command that reproduces the
pack. The same input and --as-of always give a byte-identical PDF.

--bundle out.zip also writes the submission bundle: pack.pdf, report.json
(the audit's JSON report), every referenced evidence file under evidence/,
MANIFEST.json and SHA256SUMS. Check it later with certready verify.

The pack is a report: it is written whatever the verdict, so the exit code
does not depend on the findings.

Exit codes: 0 written, 2 usage or input error.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Path = args[0]
			return runPack(env, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Output, "output", "o", "", "write the PDF to FILE (- for standard output); required")
	f.StringVar(&o.Lang, "lang", "", "language of the pack: en or zh (default: certready.yaml, else en)")
	f.StringVar(&o.AsOf, "as-of", "", "audit as of this date, YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日 (default: today in the dossier's zone)")
	f.StringVar(&o.Standard, "standard", "", "clause labels: iso10002 or gbt19012 (default: certready.yaml)")
	f.StringVar(&o.Config, "config", "", "configuration file (default: certready.yaml in the dossier)")
	f.BoolVar(&o.ShowPersonal, "show-personal-data", false, "print names, phone numbers and e-mail addresses unmasked")
	f.IntVar(&o.Sample, "sample", defaultSample, "number of complaint records in the auditor's sample")
	f.Uint64Var(&o.Seed, "seed", 0, "seed of the complaint sample (default: derived from the input digest, so the same input gives the same sample)")
	f.StringVar(&o.Font, "font", "", "TrueType font (.ttf with glyf outlines) to use instead of the embedded one")
	f.StringVar(&o.Bundle, "bundle", "", "also write the zip submission bundle to FILE")
	return cmd
}

func runPack(env Env, o *packOptions) error {
	if o.Output == "" {
		return usageErr("-o/--output is required (the PDF file to write, or - for standard output)")
	}
	if o.Sample < 1 || o.Sample > maxSample {
		return usageErr("--sample: expected 1 to %d, got %d", maxSample, o.Sample)
	}
	if o.Bundle == "-" {
		return usageErr("--bundle: a bundle cannot be written to standard output")
	}
	var font []byte
	if o.Font != "" {
		b, err := readInput("--font", o.Font, maxFontBytes)
		if err != nil {
			return err
		}
		if _, err := pdfdoc.ValidateFont(b); err != nil {
			return usageErr("--font %s: %v", o.Font, err)
		}
		font = b
	}
	res, err := loadDossier(env, o.Path, o.Config)
	if err != nil {
		return err
	}
	inputs := inputsOf(res, o.Font)
	if logo := strings.TrimSpace(res.Config.Branding.Logo); logo != "" {
		inputs = append(inputs, filepath.Join(res.Dossier.Root, filepath.FromSlash(logo)))
	}
	if err := checkOutput("--output", o.Output, inputs); err != nil {
		return err
	}
	if o.Bundle != "" {
		if err := checkOutput("--bundle", o.Bundle, append(inputs, o.Output)); err != nil {
			return err
		}
		if filepath.Clean(o.Bundle) == filepath.Clean(o.Output) {
			return usageErr("--bundle %s: the same file as --output", o.Bundle)
		}
	}
	ropts, aopts, err := resolveCommon(env, res, o.Lang, o.Standard, o.AsOf)
	if err != nil {
		return err
	}
	seed := o.Seed
	if seed == 0 {
		if seed, err = audit.DefaultSeed(res.Dossier); err != nil {
			return fmt.Errorf("input digest: %w", err)
		}
	}
	// fail-on only labels report.json; the pack's exit code ignores it.
	aopts.FailOn, aopts.SampleSize, aopts.SampleSeed = checks.Major, o.Sample, seed
	doneProgress := watchLog(env, res.Dossier, ropts.Lang)
	r, err := audit.Run(res.Dossier, res.Config, aopts)
	doneProgress()
	if err != nil {
		return err
	}
	fontName := ""
	if o.Font != "" {
		fontName = filepath.Base(o.Font)
	}
	pdf, err := pack.Render(pack.Input{Result: r, Dossier: res.Dossier, Config: res.Config}, pack.Options{
		Lang: ropts.Lang, Standard: ropts.Standard, ShowPersonal: o.ShowPersonal, SampleSeed: seed,
		FontTTF: font, FontName: fontName, Command: packCommand(o, ropts, r.AsOf, seed), Bundle: o.Bundle != "",
	})
	if err != nil {
		return err
	}
	if len(pdf.MissingGlyphs) > 0 {
		fmt.Fprintln(env.Err, "certready: warning:", missingGlyphs(pdf.MissingGlyphs))
	}
	if o.Output == "-" {
		if _, err := env.Out.Write(pdf.PDF); err != nil {
			return err
		}
	} else if err := atomicfile.Write(o.Output, func(w io.Writer) error { _, err := w.Write(pdf.PDF); return err }); err != nil {
		return err
	}
	msg := fmt.Sprintf("wrote %s: %d pages, %d bytes", o.Output, pdf.Pages, len(pdf.PDF))
	if o.Bundle != "" {
		var js bytes.Buffer
		jf, _ := report.Get("json")
		if err := jf.Format(&js, r, ropts); err != nil {
			return err
		}
		var m *pack.Manifest
		err := atomicfile.Write(o.Bundle, func(w io.Writer) error {
			var err error
			m, err = pack.WriteBundle(w, pack.BundleInput{PDF: pdf.PDF, Result: r, Dossier: res.Dossier}, js.Bytes())
			return err
		})
		if err != nil {
			return err
		}
		msg += fmt.Sprintf("; bundle %s: %d files", o.Bundle, len(m.Files))
	}
	fmt.Fprintln(env.Err, msg)
	return nil
}

// missingGlyphs words the warning for characters the font cannot draw.
func missingGlyphs(rs []rune) string {
	const show = 30
	parts := make([]string, 0, min(len(rs), show))
	for i, r := range rs {
		if i == show {
			break
		}
		parts = append(parts, fmt.Sprintf("%q (U+%04X)", r, r))
	}
	s := fmt.Sprintf("the font has no glyph for %s, drawn as empty boxes: %s", vocab.Count(len(rs), "character"), strings.Join(parts, ", "))
	if len(rs) > show {
		s += fmt.Sprintf(" and %d more", len(rs)-show)
	}
	return s + "; give a font that has them with --font FILE"
}

// packCommand is the command line printed on the pack's closing page. It
// is built from the settled values rather than from argv, so that a pack
// made with defaults and one made with the same values spelled out are
// identical; output paths are reduced to their base names so that the
// directory a pack is written to does not change its bytes.
func packCommand(o *packOptions, ro report.Options, asOf string, seed uint64) string {
	args := []string{"certready", "pack", o.Path, "--lang", ro.Lang, "--standard", ro.Standard, "--as-of", asOf,
		"--sample", strconv.Itoa(o.Sample), "--seed", strconv.FormatUint(seed, 10)}
	if o.Config != "" {
		args = append(args, "--config", o.Config)
	}
	if o.Font != "" {
		args = append(args, "--font", o.Font)
	}
	if o.ShowPersonal {
		args = append(args, "--show-personal-data")
	}
	out := o.Output
	if out != "-" {
		out = filepath.Base(out)
	}
	args = append(args, "-o", out)
	if o.Bundle != "" {
		args = append(args, "--bundle", filepath.Base(o.Bundle))
	}
	for i, a := range args {
		args[i] = shellQuote(a)
	}
	return strings.Join(args, " ")
}

// shellQuote quotes an argument for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
