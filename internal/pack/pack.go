// Package pack renders an audit Result and the dossier it came from as the
// PDF evidence pack a certification body or a client reads, and writes the
// zip submission bundle (pack, JSON report, evidence files, manifest of
// hashes) that `certready verify` checks later.
//
// The pack presents; it never judges. Findings, scores, the verdict, the
// materials checklist and the KPIs all come from audit.Run. What the pack
// adds is only what a reader needs to find the evidence: the register of
// documents and evidence files with their hashes, the training matrix and
// a masked sample of complaint records.
//
// Output is byte-for-byte reproducible: everything that varies between two
// runs over the same input (the clock, map order, the path the PDF is
// written to) is kept out of it, so a pack can be regenerated and compared
// instead of trusted.
package pack

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/pdfdoc"
)

// Options shape the pack. Everything that changes the PDF's bytes is here
// or in the Result and Dossier, so equal inputs give an identical file.
type Options struct {
	// Lang is "en" or "zh".
	Lang string
	// Standard is "iso10002" or "gbt19012"; it picks the standard's name in
	// clause labels (the clause numbers are the same).
	Standard string
	// ShowPersonal prints names, phone numbers and e-mail addresses as
	// recorded instead of masked.
	ShowPersonal bool
	// SampleSeed is the seed the complaint sample was drawn with, printed
	// so the auditor can reproduce the sample.
	SampleSeed uint64
	// FontTTF replaces the embedded font; FontName is how the closing page
	// names it.
	FontTTF  []byte
	FontName string
	// Command is the command line that reproduces this pack, printed on the
	// closing page. Callers build it canonically (see cli), not from argv,
	// so that spelling a default explicitly does not change the PDF.
	Command string
	// Bundle says a submission bundle is written with this PDF; without
	// one, the pack never mentions the bundle's files, which its reader
	// does not have.
	Bundle bool
}

// Input is what the pack is rendered from.
type Input struct {
	Result  *audit.Result
	Dossier *dossier.Dossier
	Config  *config.Config
}

// Render lays out the evidence pack. The returned Result carries the PDF
// bytes and the characters the font could not draw, which the caller must
// report rather than ship boxes silently.
func Render(in Input, o Options) (*pdfdoc.Result, error) {
	if in.Result == nil || in.Dossier == nil || in.Config == nil {
		return nil, errors.New("pack: Result, Dossier and Config are all required")
	}
	switch o.Lang {
	case "en", "zh":
	default:
		return nil, fmt.Errorf("pack: unsupported language %q (want en or zh)", o.Lang)
	}
	asOf, err := civil.Parse(in.Result.AsOf)
	if err != nil {
		return nil, fmt.Errorf("pack: result as-of date: %w", err)
	}
	p := &packer{in: in, o: o, asOf: asOf, r: in.Result, d: in.Dossier, cfg: in.Config}
	title, short := p.titles()
	popt := pdfdoc.Options{
		Lang:       o.Lang,
		Title:      title,
		ShortTitle: short,
		Org:        p.orgName(),
		FooterNote: p.footerNote(),
		Created:    CreatedTime(asOf),
		FontTTF:    o.FontTTF,
	}
	if logo := strings.TrimSpace(in.Config.Branding.Logo); logo != "" {
		b, err := readEvidence(in.Dossier.Root, logo)
		if err != nil {
			return nil, fmt.Errorf("branding.logo: %w", err)
		}
		popt.Logo = b
	}
	return pdfdoc.Render(popt, p.build)
}

// CreatedTime is the timestamp stamped into the PDF and onto zip entries:
// midnight UTC of the as-of date. UTC rather than the dossier's zone, so a
// change of timezone in certready.yaml does not alter files whose content
// it does not otherwise touch.
func CreatedTime(asOf dossier.Date) time.Time {
	return time.Date(asOf.Year, time.Month(asOf.Month), asOf.Day, 0, 0, 0, 0, time.UTC)
}

// packer carries the state of one build pass. pdfdoc.Render calls build
// once per layout pass, so build must not mutate anything but the Doc.
type packer struct {
	in   Input
	o    Options
	asOf dossier.Date
	r    *audit.Result
	d    *dossier.Dossier
	cfg  *config.Config
	doc  *pdfdoc.Doc
}

func (p *packer) tr(en, zh string) string {
	if p.o.Lang == "zh" {
		return zh
	}
	return en
}

// titles are the pack's title and the short form the running header falls
// back to when the organisation's name leaves no room for the whole title.
func (p *packer) titles() (title, short string) {
	return p.tr("Complaints-handling certification readiness — evidence pack", "投诉处理管理体系认证准备 — 证据包"),
		p.tr("Evidence pack", "认证准备证据包")
}

func (p *packer) orgName() string {
	org := p.r.Organisation
	switch {
	case p.o.Lang == "en" && org.NameEN != "" && org.Name != "":
		return org.NameEN + " (" + org.Name + ")"
	case org.Name != "":
		return org.Name
	case org.NameEN != "":
		return org.NameEN
	}
	return p.tr("(organisation not named)", "（未填写组织名称）")
}

func (p *packer) standardLabel() string {
	if p.o.Standard == "iso10002" {
		return "ISO 10002:2018"
	}
	return "GB/T 19012-2019 (ISO 10002:2018, IDT)"
}

func (p *packer) footerNote() string {
	b := p.cfg.Branding
	var parts []string
	if n := strings.TrimSpace(strings.TrimSpace(b.DocNumber) + " " + versionLabel(b.DocVersion)); n != "" {
		parts = append(parts, n)
	}
	if c := strings.TrimSpace(b.Confidentiality); c != "" {
		parts = append(parts, c)
	}
	return strings.Join(parts, " · ")
}

func versionLabel(v string) string {
	v = strings.TrimSpace(v)
	if v == "" || strings.HasPrefix(strings.ToLower(v), "v") {
		return v
	}
	return "v" + v
}

// build lays out the whole pack; the order of sections is the order a
// reader needs them: verdict first, then what to fix, then the evidence.
func (p *packer) build(d *pdfdoc.Doc) error {
	p.doc = d
	p.cover()
	d.Contents(p.tr("Contents", "目录"))
	p.summary()
	p.gapRegister()
	p.materials()
	p.principles()
	p.documents()
	p.training()
	p.kpis()
	p.sample()
	p.waivers()
	p.closing()
	p.affected()
	return nil
}

// readEvidence reads a dossier file only through the loader's containment
// check, so a crafted path or symlink can never pull in a file from
// outside the dossier.
// The logo is the one file read whole, so it is capped: a logo is tens of
// kilobytes, and a gigabyte "logo" is refused before it is read.
func readEvidence(root, rel string) ([]byte, error) {
	full, err := load.ResolveEvidence(root, rel)
	if err != nil {
		return nil, err
	}
	return infile.ReadFile(full, pdfdoc.MaxLogoBytes, "")
}
