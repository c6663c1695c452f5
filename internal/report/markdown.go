package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/vocab"
)

func init() { register("markdown", FormatterFunc(formatMarkdown)) }

// mdMaxIDs caps the complaint ids quoted in one Markdown cell; the count
// says how many there are in all.
const mdMaxIDs = 10

// mdEscape makes any text one inert table cell: new lines become <br>,
// control characters are escaped as in a terminal (TerminalSafe), HTML
// cannot open a tag or an entity, and the Markdown punctuation that would
// end the cell, start a link, code or emphasis is backslash-escaped. Every
// value from the dossier goes through it, whatever the column.
func mdEscape(s string) string {
	s = strings.NewReplacer("\r\n", "<br>", "\n", "<br>").Replace(s)
	s = TerminalSafe(s)
	return mdPunct.Replace(s)
}

var mdPunct = strings.NewReplacer(
	"&", "&amp;", "<br>", "<br>", "<", "&lt;", ">", "&gt;",
	"\\", `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "[", `\[`, "]", `\]`,
)

// mdCode puts an identifier in a code span, or escapes it as text when it
// holds a backtick, which would end the span.
func mdCode(s string) string {
	if strings.ContainsAny(s, "`\r\n|") || TerminalSafe(s) != s {
		return mdEscape(s)
	}
	return "`" + s + "`"
}

// formatMarkdown writes a report a consultant can paste into a document or
// a merge request: summary, scores, findings by clause, materials and the
// principles matrix.
func formatMarkdown(w io.Writer, r *audit.Result, o Options) error {
	t := &tw{w: w, o: Options{Lang: o.Lang}}
	lang := o.Lang
	if r.Partial {
		t.p("> **%s**\n\n", mdEscape(partialLine(o, r)))
	}
	t.p("# %s — %s\n\n", L(o, "Complaints-handling readiness", "投诉处理认证准备度评估"), mdEscape(r.Organisation.Name))
	t.p("| | |\n|---|---|\n")
	t.p("| %s | %s |\n", L(o, "Standard", "标准"), standardName(o))
	if r.Organisation.USCC != "" {
		t.p("| %s | %s |\n", L(o, "USCC", "统一社会信用代码"), mdEscape(r.Organisation.USCC))
	}
	t.p("| %s | %s |\n", L(o, "As of", "评估日期"), mdEscape(r.AsOf))
	t.p("| %s | **%s** |\n", L(o, "Verdict", "结论"), r.Verdict.Label(lang))
	t.p("| %s | %s |\n", L(o, "Score", "得分"), scoreText(o, r))
	t.p("| %s | %s |\n", L(o, "Earliest application date", "最早可申请日期"), mdEscape(eligibilityText(o, r)))
	t.p("| %s | %d / %d / %d |\n\n", L(o, "Findings (major / minor / observation)", "发现项（严重/轻微/观察）"), r.Counts.Major, r.Counts.Minor, r.Counts.Observation)

	t.p("## %s\n\n| %s | %s | %s | %s |\n|---|---|---:|---:|\n", L(o, "Scores by clause", "各条款得分"), L(o, "Clause", "条款"), L(o, "Title", "名称"), L(o, "Score", "得分"), L(o, "Failed checks", "未通过检查"))
	for _, c := range r.Clauses {
		score := audit.UnscoredClauseText().In(lang)
		if s, ok := c.Scored(); ok {
			score = fmt.Sprintf("%.1f", s)
		}
		t.p("| %s | %s | %s | %d/%d |\n", mdEscape(c.Clause), mdEscape(c.Title.In(lang)), score, c.Failed, c.Checks)
	}
	t.p("\n## %s\n", L(o, "Findings", "发现项"))
	groups := groupByNode(r)
	if len(groups) == 0 {
		t.p("\n%s\n", L(o, "No findings.", "无发现项。"))
	}
	for _, g := range groups {
		t.p("\n### %s\n\n", mdEscape(nodeHeading(o, g.Node)))
		t.p("| %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|\n",
			L(o, "Severity", "级别"), L(o, "Check", "检查项"), L(o, "Finding", "发现"), L(o, "Basis", "依据"), L(o, "Where", "位置"), L(o, "Evidence expected", "应有证据"), L(o, "Remedy", "整改建议"))
		for _, f := range g.Findings {
			sev := f.Severity.Label(lang)
			if f.State != "open" {
				sev += " (" + statusLabel(o, f.State) + ")"
			}
			msg := mdEscape(f.Message.In(lang))
			if ids := affectedLine(o, &f, mdMaxIDs); ids != "" {
				msg += "<br>" + mdEscape(ids)
			}
			t.p("| %s | %s %s | %s | %s | %s | %s | %s |\n", sev, mdCode(f.Check), mdEscape(strings.Join(f.Requirements, ", ")),
				msg, mdEscape(basisText(o, f.Basis, f.BasisNote)), mdEscape(f.Where), mdEscape(f.Evidence.In(lang)), mdEscape(f.Remedy.In(lang)))
		}
	}
	var reqs [][]string
	for _, f := range r.Findings {
		reqs = append(reqs, f.Requirements)
	}
	if legend := vocab.RequirementLegend(lang, reqs...); len(legend) > 0 {
		t.p("\n## %s\n\n%s\n\n", vocab.RequirementLegendTitle.In(lang), mdEscape(vocab.RequirementLegendNote.In(lang)))
		for _, l := range legend {
			t.p("- %s\n", mdEscape(l))
		}
	}
	if len(r.Coverage) > 0 {
		t.p("\n## %s\n", L(o, "Coverage of the requirements", "要求覆盖情况"))
		for _, tc := range r.Coverage {
			t.p("\n%s\n\n| %s | %s | %s |\n|---|---|---|\n", mdEscape(coverageSummary(o, tc)), L(o, "Requirement", "要求"), L(o, "Status", "状态"), L(o, "Checks", "检查项"))
			for _, n := range tc.Nodes {
				why := strings.Join(n.Checks, ", ")
				if n.Status == audit.NodeNotAssessed {
					why = n.Why.In(lang)
				}
				t.p("| %s | %s | %s |\n", mdEscape(nodeHeading(o, n.NodeRef)), coverageStatusLabel(o, n.Status), mdEscape(why))
			}
		}
	}
	if len(r.Materials) > 0 {
		t.p("\n## %s\n\n| %s | %s | %s |\n|---|---|---|\n", L(o, "Application materials (R22)", "申请材料清单（R22）"), L(o, "Item", "材料"), L(o, "Status", "状态"), L(o, "Refs", "对应文件"))
		for _, m := range r.Materials {
			t.p("| %s | %s | %s |\n", mdEscape(m.Title.In(lang)), statusLabel(o, string(m.Status)), mdEscape(strings.TrimSpace(strings.Join(m.Refs, ", ")+materialSee(m))))
		}
	}
	t.p("\n## %s\n\n| %s | %s | %s |\n|---|---|---|\n", L(o, "Guiding principles (clause 4)", "指导原则（第4章）"), L(o, "Principle", "原则"), L(o, "State", "状态"), L(o, "Checks", "检查项"))
	for _, p := range r.Principles {
		t.p("| %s %s | %s | %s |\n", mdEscape(p.Principle), mdEscape(p.Title.In(lang)), statusLabel(o, p.State), mdEscape(strings.Join(p.Checks, ", ")))
	}
	if len(r.Waivers) > 0 {
		t.p("\n## %s\n\n| %s | %s | %s | %s |\n|---|---|---|---|\n", L(o, "Waivers", "豁免"), L(o, "Check", "检查项"), L(o, "Justification", "理由"), L(o, "Expires", "到期"), L(o, "State", "状态"))
		for _, wv := range r.Waivers {
			t.p("| %s | %s | %s | %s |\n", mdCode(wv.Check), mdEscape(wv.Justification), mdEscape(wv.Expires), statusLabel(o, wv.State))
		}
	}
	if len(r.Notes) > 0 {
		t.p("\n## %s\n\n", L(o, "Notes", "提示"))
		for _, n := range r.Notes {
			t.p("- %s\n", mdEscape(n.In(lang)))
		}
	}
	t.p("\n---\n%s\n", fmt.Sprintf("certready %s · %s %s", r.Version, L(o, "input digest", "输入摘要"), r.InputDigest))
	return t.err
}
