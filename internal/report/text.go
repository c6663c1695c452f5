package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/textwidth"
	"github.com/certready/certready/internal/vocab"
)

func init() { register("text", FormatterFunc(formatText)) }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
)

type tw struct {
	w   io.Writer
	o   Options
	err error
}

func (t *tw) p(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func (t *tw) c(code, s string) string {
	if !t.o.Color {
		return s
	}
	return code + s + ansiReset
}

func sevColour(s checks.Severity) string {
	switch s {
	case checks.Major:
		return ansiRed
	case checks.Minor:
		return ansiYellow
	}
	return ansiCyan
}

// wrapIndent wraps text to width columns (CJK counted as two) with an indent.
func wrapIndent(s string, width int, indent string) string {
	var b strings.Builder
	col := 0
	b.WriteString(indent)
	col = len(indent)
	for _, word := range splitWords(s) {
		w := textwidth.Width(word)
		if col+w > width && col > len(indent) {
			b.WriteString("\n")
			b.WriteString(indent)
			col = len(indent)
			word = strings.TrimLeft(word, " ")
			w = textwidth.Width(word)
		}
		b.WriteString(word)
		col += w
	}
	return b.String()
}

// splitWords splits Latin text at spaces (keeping the space with the
// following word) and CJK text between characters, keeping closing
// punctuation with the character before it and opening brackets with the
// one after, so no line starts with "，" or ends with "（".
func splitWords(s string) []string {
	var out []string
	var cur strings.Builder
	open := ""
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case strings.ContainsRune("。，、；：？！）」』】》”’", r):
			flush()
			if len(out) > 0 {
				out[len(out)-1] += string(r)
			} else {
				out = append(out, string(r))
			}
		case strings.ContainsRune("（「『【《“‘", r):
			if endsOpen(cur.String()) {
				// " “" or "(“": the quote opens the word being built, so
				// no line ends with a lone space, "(" or quote.
				cur.WriteRune(r)
				continue
			}
			flush()
			open += string(r)
		case r == ' ':
			flush()
			cur.WriteString(open)
			open = ""
			cur.WriteRune(r)
		case r >= 0x2E80:
			pre := ""
			if endsOpen(cur.String()) {
				pre = cur.String() // an opening that waits for its first character
				cur.Reset()
			}
			flush()
			out = append(out, pre+open+string(r))
			open = ""
		default:
			if open != "" {
				flush()
				cur.WriteString(open)
				open = ""
			}
			cur.WriteRune(r)
		}
	}
	flush()
	if open != "" {
		out = append(out, open)
	}
	return out
}

// endsOpen reports whether a word being built is only an opening: it ends
// in a space or an opening bracket or quote.
func endsOpen(w string) bool {
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return r == ' ' || strings.ContainsRune("([（「『【《“‘", r)
}

// formatText writes the report for an 80-column terminal, findings grouped
// by clause, worst first.
func formatText(w io.Writer, r *audit.Result, o Options) error {
	// Everything from the dossier is shown escaped: the report is read in
	// a terminal, where a control character in a record would act.
	r = safeResult(r, TerminalSafe)
	t := &tw{w: w, o: o}
	lang := o.Lang
	name := r.Organisation.Name
	if name == "" {
		name = L(o, "(organisation not named)", "（未填写组织名称）")
	}
	if r.Partial {
		t.p("%s\n", t.c(ansiYellow+ansiBold, partialLine(o, r)))
	}
	t.p("%s\n", t.c(ansiBold, "certready — "+name))
	t.p("%s %s   %s %s\n", L(o, "Standard:", "标准："), standardName(o), L(o, "As of:", "评估日期："), r.AsOf)
	vc := ansiGreen
	if r.Verdict == audit.NotReady {
		vc = ansiRed
	} else if r.Verdict == audit.ReadyMinor {
		vc = ansiYellow
	}
	t.p("%s %s   %s %s\n", L(o, "Verdict:", "结论："), t.c(vc+ansiBold, r.Verdict.Label(lang)), L(o, "Score:", "得分："), scoreText(o, r))
	t.p("%s\n", wrapIndent(L(o, "Earliest application date: ", "最早可申请日期：")+eligibilityText(o, r), 78, ""))
	t.p("%s %d %s, %d %s, %d %s",
		L(o, "Findings:", "发现项："), r.Counts.Major, L(o, "major", "严重"), r.Counts.Minor, L(o, "minor", "轻微"), r.Counts.Observation, nounFor(o, r.Counts.Observation, "observation", "observations", "观察"))
	if r.Counts.Waived > 0 {
		t.p(", %d %s", r.Counts.Waived, L(o, "waived", "已豁免"))
	}
	if r.Counts.Known > 0 {
		t.p(", %d %s", r.Counts.Known, L(o, "known from baseline", "基线已知"))
	}
	t.p("\n")
	for _, g := range groupByNode(r) {
		t.p("\n%s\n", t.c(ansiBold, nodeHeading(o, g.Node)))
		for _, f := range g.Findings {
			state := ""
			if f.State != "open" {
				state = " [" + statusLabel(o, f.State) + "]"
			}
			sev := textwidth.Pad(f.Severity.Label(lang), 11)
			t.p("  %s %s%s\n", t.c(sevColour(f.Severity), sev), f.Check, state)
			t.p("%s\n", wrapIndent(f.Message.In(lang), 78, "      "))
			if f.Where != "" {
				t.p("%s\n", wrapIndent(L(o, "at ", "位置：")+f.Where, 78, "      "))
			}
			for i, row := range f.Rows {
				if i == 3 {
					// Name how to see them, not a file the reader may not have.
					n := len(f.Rows) - 3
					t.p("      … %s\n", L(o, fmt.Sprintf("%d more %s (--format json lists them all)", n, vocab.Noun(n, "row", "rows")),
						fmt.Sprintf("另有 %d 行（--format json 可列出全部）", n)))
					break
				}
				t.p("      - %s %s\n", row.ID, row.Pos.String())
			}
			t.p("%s\n", wrapIndent(basisLine(o, f), 78, "      "))
			t.p("%s\n", wrapIndent(L(o, "fix: ", "整改：")+f.Remedy.In(lang), 78, "      "))
		}
	}
	if len(r.Coverage) > 0 {
		t.p("\n%s\n", t.c(ansiBold, L(o, "Coverage of the requirements", "要求覆盖情况")))
		for _, tc := range r.Coverage {
			t.p("%s\n", wrapIndent(coverageSummary(o, tc), 78, "  "))
			for _, n := range tc.Nodes {
				if n.Status == audit.NodeNotAssessed {
					t.p("%s\n", wrapIndent(L(o, "not assessed: ", "未评价：")+nodeHeading(o, n.NodeRef)+" — "+n.Why.In(lang), 78, "    "))
				}
			}
		}
	}
	if len(r.Materials) > 0 {
		t.p("\n%s\n", t.c(ansiBold, L(o, "Application materials (R22)", "申请材料清单（R22）")))
		for _, m := range r.Materials {
			t.p("  %s %s%s\n", textwidth.Pad(statusLabel(o, string(m.Status)), 15), m.Title.In(lang), materialSee(m))
		}
	}
	need := 0
	for _, c := range r.Checks {
		if c.Status == audit.NeedsEvidence {
			need++
		}
	}
	if need > 0 {
		t.p("\n%s\n", t.c(ansiBold, L(o, "Needs evidence (an auditor must see it)", "待提供证据（需审核员现场确认）")))
		for _, c := range r.Checks {
			if c.Status == audit.NeedsEvidence {
				t.p("  %s\n%s\n", c.ID, wrapIndent(c.Evidence.In(lang), 78, "      "))
			}
		}
	}
	for _, n := range r.Notes {
		t.p("\n%s %s", L(o, "note:", "提示："), n.In(lang))
	}
	if len(r.Notes) > 0 {
		t.p("\n")
	}
	return t.err
}

func standardName(o Options) string {
	if o.Standard == "iso10002" {
		return "ISO 10002:2018"
	}
	return "GB/T 19012-2019 (ISO 10002:2018)"
}

// materialSee points a checklist line that is not present at the finding
// reporting its gap (" → licence.sector-permit"), so a gap read in the
// checklist is found once among the findings.
func materialSee(m audit.Material) string {
	if len(m.Findings) == 0 || m.Status == checks.MaterialPresent || m.Status == checks.MaterialNotApplicable {
		return ""
	}
	var ids []string
	for _, f := range m.Findings {
		if c, _, _ := strings.Cut(f, "|"); !slices.Contains(ids, c) {
			ids = append(ids, c)
		}
	}
	return " → " + strings.Join(ids, ", ")
}
