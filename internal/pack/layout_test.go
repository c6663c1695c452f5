package pack

import (
	"encoding/xml"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/certready/certready/internal/pdfdoc"
	"github.com/certready/certready/internal/testtool"
)

// The layout facts a certification body notices first, asserted on the
// PDF as pdftotext reads it back (word boxes) and on the chart geometry
// pdfdoc reports.

// bbox is pdftotext -bbox-layout's XHTML: pages of flows of blocks of
// lines of words, each with its box in points.
type bbox struct {
	Pages []struct {
		W     float64 `xml:"width,attr"`
		H     float64 `xml:"height,attr"`
		Flows []struct {
			Blocks []struct {
				Lines []bboxLine `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

type bboxLine struct {
	XMin  float64    `xml:"xMin,attr"`
	YMin  float64    `xml:"yMin,attr"`
	XMax  float64    `xml:"xMax,attr"`
	YMax  float64    `xml:"yMax,attr"`
	Words []bboxWord `xml:"word"`
}

type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

type layoutPage struct {
	w, h  float64
	lines []bboxLine
}

func (l bboxLine) text() string {
	ws := make([]string, len(l.Words))
	for i, w := range l.Words {
		ws[i] = w.Text
	}
	return strings.Join(ws, " ")
}

func readBoxes(t *testing.T, pdf []byte) []layoutPage {
	t.Helper()
	out, err := exec.Command(testtool.Path(t, "pdftotext"), "-bbox-layout", "-enc", "UTF-8", writeTemp(t, "pack.pdf", pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	var doc bbox
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("reading pdftotext's boxes: %v", err)
	}
	pages := make([]layoutPage, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = layoutPage{w: p.W, h: p.H}
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				pages[i].lines = append(pages[i].lines, b.Lines...)
			}
		}
	}
	if len(pages) == 0 {
		t.Fatal("pdftotext read no page")
	}
	return pages
}

// below is the line that continues l in the same column: the nearest line
// under it that overlaps it horizontally, no further than a line away.
func below(p layoutPage, l bboxLine) (bboxLine, bool) {
	h := l.YMax - l.YMin
	var best bboxLine
	found := false
	for _, m := range p.lines {
		if m.YMin <= l.YMin+h/2 || m.YMin-l.YMax > 0.9*h || m.XMax <= l.XMin || m.XMin >= l.XMax || len(m.Words) == 0 {
			continue
		}
		if !found || m.YMin < best.YMin {
			best, found = m, true
		}
	}
	return best, found
}

// splitTokens are what must never be broken across lines.
var splitTokens = []*regexp.Regexp{
	regexp.MustCompile(`\d{4}-\d{2}-\d{2}`),       // a date
	regexp.MustCompile(`\d{4}-\d{2}`),             // a month
	regexp.MustCompile(`(?:^|\D)(\d{1,2}:\d{2})`), // a time of day
}

// crossing reports a token of the joined words that starts in a and ends
// in b: one token broken across two lines.
func crossing(a, b string, literal []string) string {
	joined := a + b
	for _, re := range splitTokens {
		for _, m := range re.FindAllStringSubmatchIndex(joined, -1) {
			s, e := m[0], m[1]
			if len(m) > 2 {
				s, e = m[2], m[3]
			}
			if s < len(a) && e > len(a) {
				return joined[s:e]
			}
		}
	}
	for _, tok := range literal {
		for i := 0; ; {
			k := strings.Index(joined[i:], tok)
			if k < 0 {
				break
			}
			s := i + k
			if s < len(a) && s+len(tok) > len(a) {
				return tok
			}
			i = s + 1
		}
	}
	return ""
}

// markdown is inline Markdown printed literally: a code span's backtick,
// a bold span opened after a space or at a line's start (a masked name
// such as 陈** follows a character, never a space), or a link.
var markdown = regexp.MustCompile("`|(?:^|[\\s(（“\"])\\*\\*[^\\s*][^*]*\\*\\*|\\]\\((?:https?|mailto):")

// layoutCase is one pack the layout test reads.
type layoutCase struct {
	name, lang string
	f          fixture
}

// longName is the organisation the header and cover must hold whole: a
// property-management company whose English and Chinese names together
// run longer than a line of the running header.
const (
	longNameEN = "Shanghai Harmony Property Management Service Co., Ltd."
	longNameZH = "上海浦东金桥和谐物业管理服务有限公司"
)

func layoutCases(t *testing.T) []layoutCase {
	t.Helper()
	var cases []layoutCase
	for _, path := range []string{"../../examples/ready-org", "../../examples/gappy-org.xlsx"} {
		for _, lang := range []string{"en", "zh"} {
			cases = append(cases, layoutCase{name: filepath.Base(path), lang: lang, f: audited(t, path)})
		}
	}
	// The English header carries both names and the longer title; the
	// Chinese one fits the long name at full size.
	f := audited(t, "../../examples/ready-org")
	f.in.Result.Organisation.NameEN, f.in.Result.Organisation.Name = longNameEN, longNameZH
	cases = append(cases, layoutCase{name: "long-name", lang: "en", f: f})
	return cases
}

// tokens are identifiers of the dossier that the pack prints and that a
// reader searches for: never broken across lines.
func (c layoutCase) tokens() []string {
	r, d := c.f.in.Result, c.f.in.Dossier
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if len(s) >= 4 && !strings.ContainsAny(s, " \n") && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	p := &packer{d: d}
	for _, f := range r.Findings {
		add(f.Check)
		for _, w := range strings.Fields(p.short(f.Where)) {
			add(w) // positions: file:line:column, book.xlsx!Sheet!B3
		}
	}
	for _, doc := range d.Documents {
		add(doc.ID)
	}
	for k := range d.Evidence {
		add(filepath.Base(k))
	}
	add(r.Organisation.USCC)
	if c.lang == "en" {
		for _, ch := range d.Channels {
			add(ch.ID)
		}
		for _, cat := range d.Categories {
			add(cat.Code)
		}
		for _, w := range strings.Fields(r.Organisation.NameEN) {
			add(w)
		}
	}
	return out
}

func TestThePackLaysOutWithoutSplitTokensOverflowOrLiteralMarkup(t *testing.T) {
	const mm = 72 / 25.4 // points per millimetre
	for _, c := range layoutCases(t) {
		t.Run(c.name+"/"+c.lang, func(t *testing.T) {
			t.Parallel() // each case renders and reads its own pack
			res := c.f.render(t, c.lang, nil)
			pages := readBoxes(t, res.PDF)
			p := &packer{o: Options{Lang: c.lang}, r: c.f.in.Result}
			title, short := p.titles()
			org := p.orgName()
			headers := []string{squeezeAll(org + " — " + title), squeezeAll(org + " — " + short)}
			tokens := c.tokens()
			splits, outside, literal, badHeader := 0, 0, 0, 0
			for n, pg := range pages {
				for _, l := range pg.lines {
					for _, w := range l.Words {
						if w.XMin < 15*mm-1 || w.XMax > pg.w-15*mm+1 || w.YMin < 15*mm-1 || w.YMax > pg.h-15*mm+1 {
							if outside++; outside <= 5 {
								t.Errorf("page %d: %q lies outside the margins (%.1f,%.1f)-(%.1f,%.1f pt)", n+1, w.Text, w.XMin, w.YMin, w.XMax, w.YMax)
							}
						}
					}
					if m := markdown.FindString(l.text()); m != "" {
						if literal++; literal <= 5 {
							t.Errorf("page %d prints Markdown literally (%q) in %q", n+1, m, l.text())
						}
					}
					next, ok := below(pg, l)
					if !ok || len(l.Words) == 0 {
						continue
					}
					a, b := l.Words[len(l.Words)-1].Text, next.Words[0].Text
					if tok := crossing(a, b, tokens); tok != "" {
						if splits++; splits <= 8 {
							t.Errorf("page %d breaks %q across lines: %q / %q", n+1, tok, l.text(), next.text())
						}
					}
				}
				if n == 0 {
					continue // the cover has no running header
				}
				var head []string
				for _, l := range pg.lines {
					if l.YMax < 21.5*mm { // above the header's rule
						head = append(head, l.text())
					}
				}
				got := squeezeAll(strings.Join(head, ""))
				if got != headers[0] && got != headers[1] {
					if badHeader++; badHeader <= 2 {
						t.Errorf("page %d's running header reads %q, want %q or %q", n+1, strings.Join(head, " "), org+" — "+title, org+" — "+short)
					}
				}
			}
			if splits+outside+literal+badHeader > 0 {
				t.Logf("%d split tokens, %d words outside the margins, %d literal Markdown, %d cut headers", splits, outside, literal, badHeader)
			}
			// The organisation's name on the cover: the Chinese name on one
			// line, the English name's words whole.
			cover := ""
			for _, l := range pages[0].lines {
				cover += l.text() + "\n"
			}
			if zh := c.f.in.Result.Organisation.Name; zh != "" && !strings.Contains(squeezeLines(cover), zh) {
				t.Errorf("the cover breaks the organisation's name %q:\n%s", zh, cover)
			}
			for _, prob := range orphanHeadings(pages, res.TOC) {
				t.Error(prob)
			}
			for _, prob := range chartProblems(res.Charts) {
				t.Error(prob)
			}
		})
	}
}

// orphanHeadings lists the subsection headings left at the foot of a page
// with nothing under them: the table, text or chart they introduce went to
// the next page.
func orphanHeadings(pages []layoutPage, toc []pdfdoc.TOCEntry) []string {
	const mm = 72 / 25.4
	var out []string
	for _, e := range toc {
		if e.Level == 0 || e.Page < 1 || e.Page > len(pages) {
			continue
		}
		pg := pages[e.Page-1]
		title := squeezeAll(e.Title)
		var head *bboxLine
		for i, l := range pg.lines {
			if t := squeezeAll(l.text()); t != "" && strings.HasPrefix(title, t) && (head == nil || l.YMin > head.YMin) {
				head = &pg.lines[i]
			}
		}
		if head == nil {
			out = append(out, fmt.Sprintf("heading %q is not on page %d", e.Title, e.Page))
			continue
		}
		under := false
		for _, l := range pg.lines {
			if l.YMin > head.YMax+1 && l.YMax < pg.h-21.5*mm && !strings.Contains(title, squeezeAll(l.text())) {
				under = true
				break
			}
		}
		if !under {
			out = append(out, fmt.Sprintf("heading %q ends page %d with nothing under it", e.Title, e.Page))
		}
	}
	return out
}

// squeezeAll drops all white space: pdftotext puts spaces between CJK and
// Latin text where the PDF has none, and drops some where it has.
func squeezeAll(s string) string { return strings.Join(strings.Fields(s), "") }

// squeezeLines drops spaces within lines but keeps the line breaks.
func squeezeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = squeezeAll(l)
	}
	return strings.Join(lines, "\n")
}

// chartProblems lists the charts whose value labels touch the target
// line, whose bars are red other than exactly when their printed value is
// below the target, or that fit on a page yet spread over two.
func chartProblems(charts []pdfdoc.ChartLayout) []string {
	var out []string
	targets := 0
	for _, ch := range charts {
		if ch.TitlePage != ch.Pages[0] {
			out = append(out, fmt.Sprintf("chart %q: title on page %d, chart on page %d", ch.Title, ch.TitlePage, ch.Pages[0]))
		}
		if ch.Height <= pdfdoc.BodyHeight && len(ch.Pages) > 1 {
			out = append(out, fmt.Sprintf("chart %q is %.0f mm tall, fits on a page, yet spreads over pages %v", ch.Title, ch.Height, ch.Pages))
		}
		if ch.ThresholdValue <= 0 {
			continue
		}
		targets++
		for _, b := range ch.Bars {
			for _, line := range ch.Threshold {
				// The dashed line is 0.4 mm wide.
				thick := pdfdoc.Box{Page: line.Page, X: line.X - 0.2, Y: line.Y - 0.2, W: line.W + 0.4, H: line.H + 0.4}
				if b.LabelBox.Overlaps(thick) {
					out = append(out, fmt.Sprintf("chart %q: the target line crosses the value label %q of %q", ch.Title, b.ValueLabel, b.Label))
				}
			}
			if b.ValueLabel == "n/a" {
				continue
			}
			v, err := strconv.ParseFloat(strings.TrimSuffix(b.ValueLabel, "%"), 64)
			if err != nil {
				out = append(out, fmt.Sprintf("chart %q: value label %q is not a number", ch.Title, b.ValueLabel))
				continue
			}
			if red := b.Color == barRed; red != (v < ch.ThresholdValue) {
				out = append(out, fmt.Sprintf("chart %q: bar %q labelled %s against a target of %s is %s", ch.Title, b.Label, b.ValueLabel,
					strconv.FormatFloat(ch.ThresholdValue, 'f', -1, 64), map[bool]string{true: "red", false: "not red"}[red]))
			}
		}
	}
	if targets == 0 {
		out = append(out, "no chart has a target line; the label and colour assertions would be vacuous")
	}
	return out
}

// The chart assertions themselves can fail: a label on the line, a red bar
// labelled at the target and a chart that fits a page spread over two are
// each caught.
func TestChartProblemsAreCaught(t *testing.T) {
	line := pdfdoc.Box{Page: 3, X: 20, Y: 50, W: 100}
	good := pdfdoc.ChartLayout{
		Title: "fine", TitlePage: 3, Pages: []int{3}, ThresholdValue: 95, Threshold: []pdfdoc.Box{line}, Height: 60,
		Bars: []pdfdoc.BarLayout{{Label: "2026-09", ValueLabel: "96%", Color: barGreen, LabelBox: pdfdoc.Box{Page: 3, X: 30, Y: 44, W: 8, H: 3}}},
	}
	if got := chartProblems([]pdfdoc.ChartLayout{good}); len(got) > 0 {
		t.Fatalf("a sound chart is reported: %v", got)
	}
	onLine, redAtTarget, spilled := good, good, good
	onLine.Bars = []pdfdoc.BarLayout{{Label: "2026-08", ValueLabel: "92%", Color: barRed, LabelBox: pdfdoc.Box{Page: 3, X: 30, Y: 48.5, W: 8, H: 3}}}
	redAtTarget.Bars = []pdfdoc.BarLayout{{Label: "2026-10", ValueLabel: "95%", Color: barRed, LabelBox: pdfdoc.Box{Page: 3, X: 30, Y: 44, W: 8, H: 3}}}
	spilled.Pages = []int{3, 4}
	for name, ch := range map[string]pdfdoc.ChartLayout{"label on the line": onLine, "red at the target": redAtTarget, "spilled": spilled} {
		if got := chartProblems([]pdfdoc.ChartLayout{ch}); len(got) != 1 {
			t.Errorf("%s: got %d problems %v, want 1", name, len(got), got)
		}
	}
}

// The PDF-level checks catch what they look for: a date, a time and an
// identifier broken across lines, literal Markdown, and a heading with
// nothing under it; and pass what is sound.
func TestLayoutChecksCatchWhatTheyLookFor(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"2026-04-0", "3", "2026-04-03"},
		{"2026-04-03", "14:53", ""},
		{"14:5", "3", "14:53"},
		{"2026-", "04-03", "2026-04-03"},
		{"food_safe", "ty", "food_safety"},
		{"food_safety", "外卖", ""},
		{"30", "2026-06-01", ""},
	} {
		if got := crossing(c.a, c.b, []string{"food_safety"}); got != c.want {
			t.Errorf("crossing(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
	for s, want := range map[string]bool{
		"list them in its `covers`.": true, "run **sha256sum** first": true, "see [the guide](https://example.com)": true,
		"陈** 131****7228": false, "张**、李**": false, "***@example.com": false, "“covers”": false,
	} {
		if got := markdown.MatchString(s); got != want {
			t.Errorf("literal Markdown in %q: %v, want %v", s, got, want)
		}
	}
	line := func(y float64, text string) bboxLine {
		return bboxLine{XMin: 42, YMin: y, XMax: 300, YMax: y + 10, Words: []bboxWord{{XMin: 42, YMin: y, XMax: 300, YMax: y + 10, Text: text}}}
	}
	toc := []pdfdoc.TOCEntry{{Title: "Handling", Level: 1, Page: 1}}
	orphan := []layoutPage{{w: 595, h: 842, lines: []bboxLine{line(100, "text above"), line(760, "Handling"), line(800, "Page 1 of 2")}}}
	kept := []layoutPage{{w: 595, h: 842, lines: []bboxLine{line(100, "text above"), line(700, "Handling"), line(715, "ID Contacted")}}}
	if got := orphanHeadings(orphan, toc); len(got) != 1 {
		t.Errorf("a heading at a page's foot is not caught: %v", got)
	}
	if got := orphanHeadings(kept, toc); len(got) != 0 {
		t.Errorf("a heading with its table under it is reported: %v", got)
	}
}

// plain renders the catalogue's inline Markdown and leaves masked
// personal data alone.
func TestPlainDropsInlineMarkdownButNotMasks(t *testing.T) {
	for in, want := range map[string]string{
		"record where in `published`.":         "record where in “published”.",
		"可用命令 `sha256sum 文件名` 核对":              "可用命令 “sha256sum 文件名” 核对",
		"do **this** first":                    "do this first",
		"see [the guide](https://example.com)": "see the guide (https://example.com)",
		"[https://x.cn](https://x.cn)":         "https://x.cn",
		"投诉人 张**、李** 未回访":                      "投诉人 张**、李** 未回访",
		"131****7228":                          "131****7228",
	} {
		if got := plain(in); got != want {
			t.Errorf("plain(%q) = %q, want %q", in, got, want)
		}
	}
}
