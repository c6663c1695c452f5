// Package pdfdoc is a small, deterministic document-layout layer over fpdf.
//
// It offers layout primitives (cover, contents, sections, paragraphs,
// key/value lists, paginating tables, bar charts) for A4 portrait documents in
// English or Chinese. It knows nothing about audits; the evidence pack is
// assembled from these primitives elsewhere.
//
// Design constraints, all learned the hard way with fpdf v0.9.0:
//   - Text is wrapped only by Wrap, never by fpdf's MultiCell/SplitText, which
//     drop a Chinese character at every line break that falls on one.
//   - The body font is a TrueType (glyf) face embedded in the binary, so a
//     machine without fonts still renders Chinese; fpdf subsets it on output.
//   - Output is byte-for-byte reproducible: dates come from Options.Created
//     and fpdf's catalogs are sorted.
//   - Pagination is done here, not by fpdf's automatic page break, so that
//     tables can repeat their header and split oversized rows.
package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image.DecodeConfig reads JPEG headers
	_ "image/png"  // and PNG headers
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// Page geometry in millimetres (A4 portrait, 15 mm margins). The header and
// footer live inside the margins' frame; the body sits between them.
const (
	pageW      = 210.0
	pageH      = 297.0
	margin     = 15.0
	contentW   = pageW - 2*margin
	headerRule = margin + 6.5         // y of the thin rule under the header
	bodyTop    = margin + 10          // first body line
	footerRule = pageH - margin - 6.5 // y of the rule above the footer
	bodyBottom = footerRule - 3.5     // nothing in the body goes below this
	bodyHeight = bodyBottom - bodyTop // usable height of a body page
	ptToMM     = 25.4 / 72            // font sizes are in points, layout in mm
	fontFamily = "certready"          // fpdf family name of the body font
	pagesAlias = "\uE000nb\uE000"     // AliasNbPages placeholder (private use, never in real text)
	eps        = 1e-6                 // tolerance for float comparisons of positions
)

// Font sizes (pt) and spacing (mm).
const (
	bodySize     = 10.0
	smallSize    = 8.0
	tableSize    = 9.0
	h1Size       = 16.0
	h2Size       = 12.5
	lineFactor   = 1.45 // line height / font size; CJK needs more than Latin's 1.2
	paragraphGap = 2.5
)

// Color is an RGB colour with components 0–255.
type Color struct{ R, G, B int }

var (
	colText   = Color{33, 33, 33}
	colMuted  = Color{110, 110, 110}
	colAccent = Color{31, 73, 125}
	colRule   = Color{170, 170, 170}
	colBorder = Color{190, 190, 190}
	colHeadBg = Color{220, 228, 240}
	colZebra  = Color{244, 246, 249}
	colBar    = Color{52, 101, 164}
	colThresh = Color{204, 51, 51}
)

// Options configures a document. Everything that influences the output bytes
// is here, so equal Options and equal calls give an identical PDF.
type Options struct {
	// Lang is "en" or "zh" (empty means "en"). It selects the wording of
	// fixed strings such as the page footer and the contents heading.
	Lang string
	// Title is the document title, shown in the header of every page and
	// stored in the PDF metadata.
	Title string
	// ShortTitle is shown in the header instead of Title when the
	// organisation's name and the whole title do not fit on the line.
	ShortTitle string
	// Org is the organisation name shown in the header before the title.
	Org string
	// FooterNote is shown at the left of every footer, e.g. document number,
	// version and confidentiality marking.
	FooterNote string
	// Created is written as the PDF creation and modification date. It is
	// required: fpdf would otherwise stamp the wall clock, which breaks
	// reproducible output. Callers pass the audit's as-of date.
	Created time.Time
	// FontTTF overrides the embedded WenQuanYi Micro Hei font (--font). It
	// must be a single TrueType face with glyf outlines.
	FontTTF []byte
	// Logo is an optional PNG or JPEG image drawn on the cover.
	Logo []byte
	// LogoType is "PNG" or "JPG"; empty means sniff it from Logo.
	LogoType string
}

// TOCEntry is a heading recorded by Section or Subsection.
type TOCEntry struct {
	Title string
	Level int // 0 for Section, 1 for Subsection
	Page  int // physical page number, the cover being page 1
	y     float64
}

// Doc is a document being laid out. Its drawing methods do not return
// errors: like fpdf, the first error is kept and reported by Output and Err,
// which keeps builder code linear.
type Doc struct {
	pdf      *fpdf.Fpdf
	opt      Options
	glyphs   *glyphChecker
	missing  map[rune]struct{}
	noChrome map[int]bool // pages without header/footer (the cover)

	toc      []TOCEntry
	prevTOC  []TOCEntry // headings of the previous Render pass, for Contents
	prevPgs  int        // page count of the previous Render pass (0 if none)
	tocLinks []int      // fpdf link ids created by Contents, by TOC index

	charts []ChartLayout // what BarChart drew, for layout tests

	// Keeping a subsection's heading and introduction with its table: the
	// subsection drawn last (its contents index, page and top), whether
	// only text has followed it, and the subsections that must start a
	// page, learnt in earlier passes (see Render).
	intro     introState
	breaks    map[int]bool
	newBreaks int

	usedContents bool
	needPage     bool // no body page yet (start, or just after the cover)
	fresh        bool // nothing drawn on the current body page yet
	size         float64
	bold         bool
	logo         string
}

// introState follows the last subsection while only paragraphs and notes
// follow it on its page.
type introState struct {
	open bool
	toc  int
	page int
	top  float64
}

// New creates a document. It validates the font and the logo up front so
// that a bad --font or --logo is reported clearly instead of as fpdf's later
// "undefined font".
func New(o Options) (*Doc, error) {
	switch o.Lang {
	case "":
		o.Lang = "en"
	case "en", "zh":
	default:
		return nil, fmt.Errorf("pdfdoc: unsupported language %q (want en or zh)", o.Lang)
	}
	if o.Created.IsZero() {
		return nil, errors.New("pdfdoc: Options.Created is required for reproducible output")
	}
	fontBytes := o.FontTTF
	var gc *glyphChecker
	if fontBytes == nil {
		f, err := parsedEmbedded()
		if err != nil {
			return nil, fmt.Errorf("pdfdoc: embedded font: %w", err)
		}
		fontBytes, gc = embeddedFont, newGlyphChecker(f)
	} else {
		f, err := ValidateFont(fontBytes)
		if err != nil {
			return nil, err
		}
		gc = newGlyphChecker(f)
	}

	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(margin, bodyTop, margin)
	pdf.SetAutoPageBreak(false, 0) // pagination is ours (see package doc)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(o.Created)
	pdf.SetModificationDate(o.Created)
	// AliasNbPages must precede font registration: fpdf picks the initial
	// subset range of a UTF-8 font depending on whether an alias is set.
	pdf.AliasNbPages(pagesAlias)
	if err := registerFont(pdf, fontBytes); err != nil {
		return nil, err
	}
	pdf.SetTitle(o.Title, true)
	pdf.SetAuthor(o.Org, true)
	pdf.SetCreator("certready", true)
	pdf.SetProducer("certready pdfdoc (fpdf)", true)
	if o.Lang == "zh" {
		pdf.SetLang("zh-CN")
	} else {
		pdf.SetLang("en")
	}

	d := &Doc{
		pdf:      pdf,
		opt:      o,
		glyphs:   gc,
		missing:  make(map[rune]struct{}),
		noChrome: make(map[int]bool),
		needPage: true,
		breaks:   make(map[int]bool),
	}
	if len(o.Logo) > 0 {
		if err := d.registerLogo(); err != nil {
			return nil, err
		}
	}
	pdf.SetHeaderFuncMode(d.header, false)
	pdf.SetFooterFunc(d.footer)
	d.setFont(false, bodySize)
	return d, nil
}

// registerFont registers the font for both styles used. Bold reuses the
// regular bytes (the font has no bold face); boldness is simulated when
// drawing. fpdf's parser may print, fail silently or even panic on fonts
// that passed ValidateFont, so all three are turned into an error here.
func registerFont(pdf *fpdf.Fpdf, ttf []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfdoc: fpdf could not load the font: %v", r)
		}
	}()
	for _, style := range []string{"", "B"} {
		pdf.AddUTF8FontFromBytes(fontFamily, style, ttf)
		if pdf.Err() {
			return fmt.Errorf("pdfdoc: fpdf rejected the font: %w", pdf.Error())
		}
		// A failed parse leaves no font behind; selecting it is the only
		// way to find out.
		pdf.SetFont(fontFamily, style, bodySize)
		if pdf.Err() {
			return fmt.Errorf("pdfdoc: fpdf could not load the font: %w", pdf.Error())
		}
	}
	return nil
}

// Logo bounds: the logo is drawn in a 60 × 25 mm box, for which a few
// hundred pixels a side suffice. Checked from the image header before
// anything is decoded: a 1.5 MB PNG can declare 20000 × 20000 pixels and
// decode to more than a gigabyte.
const (
	MaxLogoBytes  = 8 << 20
	maxLogoSide   = 8000
	maxLogoPixels = 16 << 20
)

// checkLogo reads the image header only and refuses a logo too large in
// bytes or in pixels.
func checkLogo(b []byte) error {
	if len(b) > MaxLogoBytes {
		return fmt.Errorf("pdfdoc: logo is %d bytes, over the %d-byte limit", len(b), MaxLogoBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("pdfdoc: logo: unreadable image header: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > maxLogoSide || cfg.Height > maxLogoSide || cfg.Width*cfg.Height > maxLogoPixels {
		return fmt.Errorf("pdfdoc: logo: the %s image is %d × %d pixels; give one of at most %d pixels a side and %d pixels in all", format, cfg.Width, cfg.Height, maxLogoSide, maxLogoPixels)
	}
	return nil
}

func (d *Doc) registerLogo() error {
	typ := strings.ToUpper(d.opt.LogoType)
	if typ == "" {
		switch {
		case bytes.HasPrefix(d.opt.Logo, []byte("\x89PNG")):
			typ = "PNG"
		case bytes.HasPrefix(d.opt.Logo, []byte{0xFF, 0xD8}):
			typ = "JPG"
		default:
			return errors.New("pdfdoc: logo is neither PNG nor JPEG")
		}
	}
	if typ == "JPEG" {
		typ = "JPG"
	}
	if typ != "PNG" && typ != "JPG" {
		return fmt.Errorf("pdfdoc: unsupported logo type %q (want PNG or JPG)", d.opt.LogoType)
	}
	if err := checkLogo(d.opt.Logo); err != nil {
		return err
	}
	d.logo = "logo"
	d.pdf.RegisterImageOptionsReader(d.logo, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(d.opt.Logo))
	if d.pdf.Err() {
		return fmt.Errorf("pdfdoc: logo: %w", d.pdf.Error())
	}
	return nil
}

// tr picks the wording for the document language.
func (d *Doc) tr(en, zh string) string {
	if d.opt.Lang == "zh" {
		return zh
	}
	return en
}

// Err returns the first error recorded while laying out, if any.
func (d *Doc) Err() error { return d.pdf.Error() }

// MissingGlyphs lists, sorted and without duplicates, every character of
// drawn text that the font has no glyph for (it was drawn as an empty box).
// Callers should report a non-empty list rather than ship the PDF silently.
func (d *Doc) MissingGlyphs() []rune {
	out := make([]rune, 0, len(d.missing))
	for r := range d.missing {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// TOC returns the headings recorded so far, with their pages.
func (d *Doc) TOC() []TOCEntry { return slices.Clone(d.toc) }

// PageCount returns the number of pages so far.
func (d *Doc) PageCount() int { return d.pdf.PageCount() }

// ContentWidth is the width of the body area in mm, the 100% for
// Column.Width fractions.
func (d *Doc) ContentWidth() float64 { return contentW }

// Output closes the document and writes the PDF to w.
//
// fpdf subsets the font here and indexes the font's tables without bounds
// checks; ValidateFont checks what it reads, and a damaged font that still
// gets through is an error naming the font, not a crash.
func (d *Doc) Output(w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfdoc: the font could not be embedded (a damaged font?): %v", r)
		}
	}()
	if d.needPage && d.pdf.PageCount() == 0 {
		d.newPage() // fpdf would add a page anyway; ours gets the chrome
	}
	return d.pdf.Output(w)
}

// Result is a finished rendering.
type Result struct {
	PDF           []byte
	Pages         int
	TOC           []TOCEntry
	MissingGlyphs []rune
	Passes        int // layout passes needed for the contents to settle
	// Charts is the geometry of every chart, for layout tests.
	Charts []ChartLayout
}

// maxPasses bounds Render. Contents can only change the page count through
// its own length, which is fixed once the headings are known, so three
// passes suffice for it; subsections moved to keep their tables company
// are learnt from the second pass on and only ever added, which may take a
// pass or two more.
const maxPasses = 6

// Render builds the document with build, repeating the build until the page
// numbers shown by Contents match where the headings really landed, and
// until no subsection is left at the foot of a page with its introduction
// while its table starts the next page (such a subsection starts a page in
// the next pass).
//
// Page numbers are only known after layout, so the first pass records the
// headings, and the next pass draws the contents with them; a third pass is
// needed only when the contents pages themselves moved the headings. build
// must therefore be deterministic: it is called once per pass on a fresh
// Doc. Documents without Contents are rendered in a single pass.
func Render(o Options, build func(d *Doc) error) (*Result, error) {
	var prev *Doc
	for pass := 1; pass <= maxPasses; pass++ {
		d, err := New(o)
		if err != nil {
			return nil, err
		}
		if prev != nil {
			d.prevTOC, d.prevPgs = prev.toc, prev.PageCount()
			for k := range prev.breaks {
				d.breaks[k] = true
			}
		}
		if err := build(d); err != nil {
			return nil, err
		}
		if err := d.Err(); err != nil {
			return nil, err
		}
		settled := d.newBreaks == 0 && (!d.usedContents ||
			(prev != nil && slices.Equal(d.toc, prev.toc) && d.PageCount() == prev.PageCount()))
		if settled {
			// Only the final pass is written out: font subsetting is the
			// most expensive part of a render.
			var buf bytes.Buffer
			if err := d.Output(&buf); err != nil {
				return nil, err
			}
			return &Result{
				PDF:           buf.Bytes(),
				Pages:         d.PageCount(),
				TOC:           d.TOC(),
				MissingGlyphs: d.MissingGlyphs(),
				Passes:        pass,
				Charts:        d.Charts(),
			}, nil
		}
		prev = d
	}
	return nil, fmt.Errorf("pdfdoc: contents did not settle after %d passes", maxPasses)
}

// ---- low-level drawing helpers ----

func lineHeight(size float64) float64 { return size * ptToMM * lineFactor }

func (d *Doc) setFont(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(fontFamily, style, size)
	d.bold, d.size = bold, size
}

func (d *Doc) setTextColor(c Color) { d.pdf.SetTextColor(c.R, c.G, c.B) }
func (d *Doc) setDrawColor(c Color) { d.pdf.SetDrawColor(c.R, c.G, c.B) }
func (d *Doc) setFillColor(c Color) { d.pdf.SetFillColor(c.R, c.G, c.B) }

// measure is the width in mm of s in the current font.
func (d *Doc) measure(s string) float64 { return d.pdf.GetStringWidth(s) }

// prep readies caller text for measuring and drawing: it records runes the
// font cannot draw and replaces those fpdf cannot even encode (above the
// BMP, where it would panic measuring U+10000) with U+FFFD. Tabs become
// spaces so that they wrap like spaces.
func (d *Doc) prep(s string) string {
	needs := false
	for _, r := range s {
		if r == '\n' || r == '\r' {
			continue
		}
		if r == '\t' || r > 0xFFFF {
			needs = true
		}
		if r != '\t' && !d.glyphs.has(r) {
			d.missing[r] = struct{}{}
		}
	}
	if !needs {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString("    ")
		case r > 0xFFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Wrap wraps text for the given width (mm) in the document's font at the
// given size and weight, exactly as the drawing primitives will.
func (d *Doc) Wrap(text string, width, size float64, bold bool) []string {
	d.setFont(bold, size)
	return d.wrap(text, width)
}

// wrap wraps prepared text in the current font.
func (d *Doc) wrap(text string, width float64) []string {
	return Wrap(d.measure, d.prep(text), width)
}

// text draws one already-wrapped line with its top at y in a box of height
// lh. Bold is simulated by stroking the outlines in the text colour, because
// the embedded font has only a regular face.
func (d *Doc) text(x, y, lh float64, s string) {
	if s == "" {
		return
	}
	base := y + lh/2 + 0.3*d.size*ptToMM // the same baseline rule as fpdf's CellFormat
	if !d.bold {
		d.pdf.Text(x, base, s)
		return
	}
	r, g, b := d.pdf.GetTextColor()
	dr, dg, db := d.pdf.GetDrawColor()
	lw := d.pdf.GetLineWidth()
	d.pdf.SetDrawColor(r, g, b)
	d.pdf.SetLineWidth(d.size * ptToMM * 0.035)
	d.pdf.SetTextRenderingMode(2)
	d.pdf.Text(x, base, s)
	d.pdf.SetTextRenderingMode(0)
	d.pdf.SetLineWidth(lw)
	d.pdf.SetDrawColor(dr, dg, db)
}

// textAligned draws s in the box [x, x+w] with the given alignment.
func (d *Doc) textAligned(x, y, w, lh float64, s string, a Align) {
	switch a {
	case AlignCenter:
		x += (w - d.measure(s)) / 2
	case AlignRight:
		x += w - d.measure(s)
	}
	d.text(x, y, lh, s)
}

// fit shortens prepared s with an ellipsis so that it fits in w, for the
// one-line header and footer, which must never wrap.
func (d *Doc) fit(s string, w float64) string {
	if d.measure(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.measure(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

func (d *Doc) hline(x1, x2, y float64, c Color, width float64) {
	d.setDrawColor(c)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y, x2, y)
}

func (d *Doc) y() float64 { return d.pdf.GetY() }

// advance moves down after drawing something of height h.
func (d *Doc) advance(h float64) {
	d.pdf.SetY(d.y() + h)
	d.fresh = false
}

// gap adds vertical space unless the page is still empty: space at the top
// of a page only looks like a layout bug.
func (d *Doc) gap(h float64) {
	if !d.fresh && !d.needPage {
		d.pdf.SetY(min(d.y()+h, bodyBottom))
	}
}

func (d *Doc) newPage() {
	// The header and footer change the font; fpdf restores its own state
	// after them but not our record of it, so re-select explicitly.
	bold, size := d.bold, d.size
	d.pdf.AddPage()
	d.setFont(bold, size)
	d.pdf.SetXY(margin, bodyTop)
	d.fresh, d.needPage = true, false
}

// ensure starts a new page unless h more millimetres fit on this one. On an
// empty page it does nothing: the content is as well placed as it can be,
// and callers that may exceed a page split their content themselves.
func (d *Doc) ensure(h float64) {
	switch {
	case d.needPage:
		d.newPage()
	case d.fresh:
	case d.y()+h > bodyBottom+eps:
		d.newPage()
	}
}

// room is the height left on the current body page.
func (d *Doc) room() float64 { return bodyBottom - d.y() }

// ---- page chrome ----

func (d *Doc) header() {
	if d.noChrome[d.pdf.PageNo()] {
		return
	}
	d.setTextColor(colMuted)
	s, size := d.headerText()
	d.setFont(false, size)
	d.text(margin, margin, 5, d.fit(s, contentW))
	d.hline(margin, pageW-margin, headerRule, colRule, 0.2)
}

// headerMinSize is the smallest size (pt) the running header shrinks to.
const headerMinSize = 6.5

// headerText is the running header and its size: the organisation and the
// title at the small size if they fit; else shrunk, down to headerMinSize;
// else the short title, shrunk likewise. Only a name too long for even
// that is cut, with an ellipsis: a header cut mid-word ("…evidence p…")
// reads as a mistake on every page.
func (d *Doc) headerText() (string, float64) {
	line := func(title string) string {
		parts := make([]string, 0, 2)
		for _, p := range []string{d.opt.Org, title} {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		return d.prep(strings.Join(strings.Fields(strings.Join(parts, " — ")), " "))
	}
	cands := []string{line(d.opt.Title)}
	if strings.TrimSpace(d.opt.ShortTitle) != "" {
		cands = append(cands, line(d.opt.ShortTitle))
	}
	for _, s := range cands {
		for size := smallSize; size >= headerMinSize-eps; size -= 0.25 {
			d.setFont(false, size)
			if d.measure(s) <= contentW {
				return s, size
			}
		}
	}
	return cands[len(cands)-1], headerMinSize
}

func (d *Doc) footer() {
	n := d.pdf.PageNo()
	if d.noChrome[n] {
		return
	}
	d.setFont(false, smallSize)
	d.setTextColor(colMuted)
	d.hline(margin, pageW-margin, footerRule, colRule, 0.2)
	top := footerRule + 1.5
	label := d.pageLabel(n, pagesAlias)
	// The alias is replaced by the page count only when the file is written,
	// so measure the label with the real count when an earlier Render pass
	// knows it; this keeps the label flush right.
	total := "000"
	if d.prevPgs > 0 {
		total = fmt.Sprint(d.prevPgs)
	}
	lw := d.measure(d.pageLabel(n, total))
	note := d.prep(strings.Join(strings.Fields(d.opt.FooterNote), " "))
	d.text(margin, top, 4.5, d.fit(note, contentW-lw-8))
	d.text(pageW-margin-lw, top, 4.5, label)
}

func (d *Doc) pageLabel(n int, total string) string {
	return d.tr(fmt.Sprintf("Page %d of %s", n, total), fmt.Sprintf("第 %d 页 / 共 %s 页", n, total))
}

// ---- block primitives ----

// Cover draws a cover page without header and footer: an optional logo, a
// big title, a subtitle and key/value lines (organisation, USCC, standard,
// as-of date, verdict, score...). The next primitive starts a new page.
func (d *Doc) Cover(title, subtitle string, lines [][2]string) {
	d.noChrome[d.pdf.PageNo()+1] = true
	d.newPage()
	y := margin + 10
	if d.logo != "" {
		info := d.pdf.GetImageInfo(d.logo)
		w, h := info.Width(), info.Height()
		if w > 0 && h > 0 {
			scale := min(60/w, 25/h) // fit the logo in a 60 x 25 mm box
			d.pdf.ImageOptions(d.logo, margin, y, w*scale, h*scale, false, fpdf.ImageOptions{}, 0, "")
		}
	}
	y = 75
	d.setFont(true, 24)
	d.setTextColor(colAccent)
	lh := lineHeight(24) * 0.9
	for _, ln := range d.wrap(title, contentW) {
		d.text(margin, y, lh, ln)
		y += lh
	}
	y += 3
	if subtitle != "" {
		d.setFont(false, 13)
		d.setTextColor(colMuted)
		for _, ln := range d.wrap(subtitle, contentW) {
			d.text(margin, y, lineHeight(13), ln)
			y += lineHeight(13)
		}
	}
	y += 4
	d.pdf.SetLineWidth(0.8)
	d.setDrawColor(colAccent)
	d.pdf.Line(margin, y, margin+40, y)
	y += 12

	keyW := contentW * 0.3
	lhK := lineHeight(bodySize)
	// Measure first: when the lines do not fit, name the longest value, so
	// the person can shorten the record field it shows (a 500-character
	// organisation name) rather than guess.
	total, longest, most := y, 0, 0
	for i, kv := range lines {
		d.setFont(false, bodySize)
		nk := len(d.wrap(kv[0], keyW-4))
		d.setFont(true, 11)
		nv := len(wrapWords(d.measure, d.prep(kv[1]), contentW-keyW))
		total += float64(max(nk, nv))*lineHeight(11) + 3.5
		if nv > most {
			longest, most = i, nv
		}
	}
	if len(lines) > 0 && total > pageH-margin {
		kv := lines[longest]
		d.pdf.SetErrorf("pdfdoc: the cover page has no room for %q: its value is %d characters, %d lines; shorten it in the records", kv[0], utf8.RuneCountInString(kv[1]), most)
		return
	}
	for _, kv := range lines {
		d.setFont(false, bodySize)
		keys := d.wrap(kv[0], keyW-4)
		d.setFont(true, 11)
		vals := wrapWords(d.measure, d.prep(kv[1]), contentW-keyW)
		h := float64(max(len(keys), len(vals))) * lineHeight(11)
		if y+h > pageH-margin {
			d.pdf.SetErrorf("pdfdoc: the cover page has no room for %q", kv[0])
			return
		}
		d.setFont(false, bodySize)
		d.setTextColor(colMuted)
		for i, ln := range keys {
			d.text(margin, y+float64(i)*lineHeight(11), lhK, ln)
		}
		d.setFont(true, 11)
		d.setTextColor(colText)
		for i, ln := range vals {
			d.text(margin+keyW, y+float64(i)*lineHeight(11), lineHeight(11), ln)
		}
		y += h + 1
		d.hline(margin, pageW-margin, y, Color{225, 225, 225}, 0.2)
		y += 2.5
	}
	d.pdf.SetY(y)
	d.needPage = true
}

// startPage puts a top-level heading at the top of a page, without wasting
// a page that has nothing on it yet.
func (d *Doc) startPage() {
	if d.needPage || !d.fresh {
		d.newPage()
	}
}

// heading draws a heading and its bookmark. The bookmark is added after the
// UTF-8 font is selected: fpdf encodes bookmark titles as UTF-16 only when
// the current font is a UTF-8 font, otherwise Chinese titles are garbled.
func (d *Doc) heading(title string, level int) {
	size := h1Size
	if level > 0 {
		size = h2Size
	}
	d.setFont(true, size)
	d.setTextColor(colAccent)
	lines := d.wrap(title, contentW)
	lh := lineHeight(size) * 0.95
	d.pdf.Bookmark(strings.Join(strings.Fields(title), " "), level, d.y())
	for _, ln := range lines {
		d.text(margin, d.y(), lh, ln)
		d.advance(lh)
	}
	if level == 0 {
		d.advance(1)
		d.hline(margin, pageW-margin, d.y(), colAccent, 0.5)
		d.advance(4)
	} else {
		d.advance(1.5)
	}
}

// record notes a heading for the contents and points the contents' link for
// it (if Contents already ran in this pass) at its real position.
func (d *Doc) record(title string, level int) {
	e := TOCEntry{Title: strings.Join(strings.Fields(title), " "), Level: level, Page: d.pdf.PageNo(), y: d.y()}
	if k := len(d.toc); k < len(d.tocLinks) {
		d.pdf.SetLink(d.tocLinks[k], e.y, e.Page)
	}
	d.toc = append(d.toc, e)
}

// Section starts a new page with a level-0 heading, a level-0 bookmark and a
// contents entry.
func (d *Doc) Section(title string) {
	d.intro.open = false
	d.startPage()
	d.record(title, 0)
	d.heading(title, 0)
}

// Subsection adds a level-1 heading, bookmark and contents entry without
// forcing a page break; it moves to the next page rather than being left
// at the bottom of one without the text that follows it.
//
// A subsection whose heading and short introduction would end a page
// while its table begins the next starts that page instead (learnt in one
// Render pass, applied in the next).
func (d *Doc) Subsection(title string) {
	idx := len(d.toc)
	if d.breaks[idx] && !d.fresh {
		d.needPage = true
	}
	d.setFont(true, h2Size)
	n := len(d.wrap(title, contentW))
	d.gap(3)
	d.ensure(float64(n)*lineHeight(h2Size) + 3*lineHeight(bodySize))
	d.intro = introState{open: true, toc: idx, page: d.pdf.PageNo(), top: d.y()}
	d.record(title, 1)
	d.heading(title, 1)
}

// keepIntro is called by a table about to start: when the subsection
// above it, with only text since, is left behind on this page while the
// table moves to the next, the subsection is marked to start a page. Only
// a short block moves, so that no page is left mostly blank, and only once
// the contents have their final length (the layout of earlier passes is
// not the final one).
func (d *Doc) keepIntro(first float64) {
	in := d.intro
	d.intro.open = false
	if !in.open || in.page != d.pdf.PageNo() || d.fresh || d.needPage || d.y()+first <= bodyBottom+eps {
		return
	}
	if d.usedContents && d.prevTOC == nil {
		return
	}
	if d.y()-in.top+first <= bodyHeight/3 && !d.breaks[in.toc] {
		d.breaks[in.toc] = true
		d.newBreaks++
	}
}

// PageBreak starts a new page unless the current one is still empty.
func (d *Doc) PageBreak() {
	if !d.fresh {
		d.needPage = true
	}
}

// Spacer adds h millimetres of vertical space (none at the top of a page).
func (d *Doc) Spacer(h float64) { d.gap(h) }

// Paragraph draws wrapped body text; '\n' starts a new line.
func (d *Doc) Paragraph(text string) {
	d.paragraph(text, bodySize, colText)
}

// Note draws wrapped small grey text, for captions, sources and caveats.
func (d *Doc) Note(text string) {
	d.paragraph(text, smallSize, colMuted)
}

func (d *Doc) paragraph(text string, size float64, c Color) {
	d.setFont(false, size)
	lh := lineHeight(size)
	for _, ln := range d.wrap(text, contentW) {
		d.ensure(lh)
		d.setFont(false, size) // a page break ran the header, which changed it
		d.setTextColor(c)
		d.text(margin, d.y(), lh, ln)
		d.advance(lh)
	}
	d.gap(paragraphGap)
}

// KeyValues draws label/value pairs in two columns (labels bold, 30% of the
// width); long values wrap and very long ones continue on the next page.
func (d *Doc) KeyValues(rows [][2]string) {
	g := grid{
		cols:  []gridCol{{w: contentW * 0.3, bold: true}, {w: contentW * 0.7}},
		size:  bodySize,
		rules: true,
		pad:   1.2,
	}
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = []string{r[0], r[1]}
	}
	d.drawGrid(g, cells)
	d.gap(paragraphGap)
}

// Contents draws a contents page listing every Section and Subsection with
// its page number, each entry linked to its heading. heading defaults to
// "Contents" / "目录".
//
// Page numbers come from the previous Render pass, so use Render; on a Doc
// built in one pass only headings recorded before this call are listed.
func (d *Doc) Contents(heading string) {
	d.usedContents = true
	if heading == "" {
		heading = d.tr("Contents", "目录")
	}
	d.startPage()
	d.heading(heading, 0)
	entries := d.prevTOC
	if entries == nil {
		entries = d.toc
	}
	const numW = 12.0 // page-number column; wide enough for "9999"
	for k, e := range entries {
		indent, size := 0.0, bodySize
		if e.Level > 0 {
			indent = 7
		}
		d.setFont(e.Level == 0, size)
		lines := d.wrap(e.Title, contentW-indent-numW-6)
		lh := lineHeight(size)
		h := float64(len(lines)) * lh
		if e.Level == 0 && k > 0 {
			d.gap(1.5)
		}
		d.ensure(h)
		d.setFont(e.Level == 0, size)
		d.setTextColor(colText)
		y0 := d.y()
		for i, ln := range lines {
			d.text(margin+indent, y0+float64(i)*lh, lh, ln)
		}
		num := fmt.Sprint(e.Page)
		nw := d.measure(num)
		lastY := y0 + h - lh
		d.text(pageW-margin-nw, lastY, lh, num)
		d.setFont(false, size)
		d.setTextColor(colMuted)
		dotW := d.measure(".")
		from := margin + indent + d.measure(lines[len(lines)-1]) + 2
		if n := int((pageW - margin - nw - 2 - from) / dotW); n > 0 {
			d.text(pageW-margin-nw-2-float64(n)*dotW, lastY, lh, strings.Repeat(".", n))
		}
		link := d.pdf.AddLink()
		d.pdf.SetLink(link, e.y, e.Page)
		d.pdf.Link(margin, y0, contentW, h, link)
		d.tocLinks = append(d.tocLinks, link)
		if k < len(d.toc) {
			d.pdf.SetLink(link, d.toc[k].y, d.toc[k].Page)
		}
		d.advance(h + 0.8)
	}
}

// minShrink is the smallest fraction of its size that text is shrunk to so
// that a word, date or identifier fits its column unbroken; below it the
// text would no longer be legible, and the word is broken instead.
const minShrink = 0.72

// fitSize is the largest font size from size down to size*minShrink (in
// steps of a quarter point) at which no unbreakable run of text is wider
// than width, so that Wrap never has to split a date, a number or an
// identifier; size*minShrink when even that is too wide. It leaves that
// size selected.
func (d *Doc) fitSize(text string, width, size float64, bold bool) float64 {
	text = d.prep(text)
	floor := size * minShrink
	s := size
	for {
		d.setFont(bold, s)
		if widestSegment(d.measure, text) <= width || s-0.25 < floor-eps {
			return s
		}
		s -= 0.25
	}
}
