package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/vocab"
)

func init() { register("github", FormatterFunc(formatGitHub)) }

// formatGitHub writes GitHub Actions workflow commands: one annotation per
// open or baseline-known finding, so findings show on the pull request and
// the run's summary without code scanning (private repositories without
// GitHub Advanced Security have none). A major finding is an error, a
// minor one a warning, an observation a notice; a finding already in the
// baseline is a notice whatever its severity, since it does not fail the
// run; waived findings are left out. A last notice gives the verdict.
// GitHub shows the first ten annotations of each level on a step; the log
// keeps them all.
func formatGitHub(w io.Writer, r *audit.Result, o Options) error {
	lang := o.Lang
	var b strings.Builder
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.State == "waived" {
			continue
		}
		level := githubLevel(f.Severity)
		title := f.Check + " " + f.Title.In(lang)
		if f.State == "known" {
			level = "notice"
			title += L(o, " (known from the baseline)", "（基线中已存在）")
		}
		var props []string
		if f.Pos.File != "" {
			props = append(props, "file="+githubProperty(ciPath(o, f.Pos.File)))
			if line, col := posLine(f.Pos); line > 0 {
				props = append(props, "line="+strconv.Itoa(line))
				if col > 0 {
					props = append(props, "col="+strconv.Itoa(col))
				}
			}
		}
		props = append(props, "title="+githubProperty(title))
		msg := f.Message.In(lang)
		if f.Where != "" {
			msg += "\n" + L(o, "Where: ", "位置：") + f.Where
		}
		if cl := clauseLabel(o, f.Clauses); cl != "" {
			msg += "\n" + L(o, "Clauses: ", "条款：") + cl
		}
		if rem := f.Remedy.In(lang); rem != "" {
			msg += "\n" + L(o, "Remedy: ", "整改建议：") + rem
		}
		fmt.Fprintf(&b, "::%s %s::%s\n", level, strings.Join(props, ","), githubData(msg))
	}
	summary := fmt.Sprintf(L(o, "%s, score %.1f/100: %d major, %d minor, %s", "%s，得分 %.1f/100：严重 %d 项，轻微 %d 项，观察 %s 项"),
		r.Verdict.Label(lang), r.Score, r.Counts.Major, r.Counts.Minor, L(o, vocab.Count(r.Counts.Observation, "observation"), fmt.Sprint(r.Counts.Observation)))
	if r.EligibleFrom != "" {
		summary += L(o, "; earliest application date ", "；最早可申请日期 ") + r.EligibleFrom
	}
	fmt.Fprintf(&b, "::notice title=%s::%s\n", githubProperty("certready "+standardName(o)), githubData(summary))
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("github: %w", err)
	}
	return nil
}

func githubLevel(s checks.Severity) string {
	switch s {
	case checks.Major:
		return "error"
	case checks.Minor:
		return "warning"
	}
	return "notice"
}

// githubData escapes a workflow command's message as the Actions runner
// unescapes it (actions/toolkit, escapeData): %, CR and LF.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a property value (escapeProperty): as data, plus
// the ':' and ',' that would end the value.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
