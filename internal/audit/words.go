package audit

import (
	"fmt"
	"strings"

	"github.com/certready/certready/internal/vocab"
)

// The wording of the Result's own figures, shared by every output so the
// text report, the workbook, the HTML page and the PDF say the same thing.

// CoverageLabel names a requirement's coverage state.
func CoverageLabel(status string) vocab.Text {
	switch status {
	case NodePass:
		return vocab.T("assessed, no gap", "已评价，无差距")
	case NodeFindings:
		return vocab.T("findings", "有发现项")
	case NodeNeedsEvidence:
		return vocab.T("needs evidence", "待提供证据")
	}
	return vocab.T("not assessed", "未评价")
}

// Summary is one line on a tree's coverage.
func (tc TreeCoverage) Summary() vocab.Text {
	c := tc.Counts
	return vocab.T(
		fmt.Sprintf("%s: %s — %d without gaps, %d with findings, %d awaiting evidence, %d not assessed", tc.Title.EN, vocab.Count(c.Assessable, "requirement"), c.Pass, c.Findings, c.NeedsEvidence, c.NotAssessed),
		fmt.Sprintf("%s：共 %d 项要求——%d 项无差距，%d 项有发现项，%d 项待提供证据，%d 项未评价", tc.Title.ZH, c.Assessable, c.Pass, c.Findings, c.NeedsEvidence, c.NotAssessed))
}

// ScoreText is the score the records prove, and what evidence still to be
// shown would add.
func (r *Result) ScoreText() vocab.Text {
	t := vocab.Tf("%.1f/100", "%.1f/100", r.Score)
	if r.ScoreAwaiting > 0 {
		t.EN += fmt.Sprintf(" proven (+%.1f awaiting evidence)", r.ScoreAwaiting)
		t.ZH += fmt.Sprintf(" 已证实（另有 %.1f 待提供证据）", r.ScoreAwaiting)
	}
	return t
}

// EligibilityText is the earliest application date as people read it: the
// date and whether it is reached, or "not yet" and what it waits for.
func (r *Result) EligibilityText() vocab.Text {
	if r.EligibleFrom != "" {
		if r.Eligible {
			return vocab.T(r.EligibleFrom+" (reached)", r.EligibleFrom+"（已满足）")
		}
		return vocab.T(r.EligibleFrom+" (not yet reached)", r.EligibleFrom+"（尚未满足）")
	}
	if len(r.EligibleWaits) == 0 {
		return vocab.T("not determined", "无法确定")
	}
	var en, zh []string
	for _, w := range r.EligibleWaits {
		en, zh = append(en, w.EN), append(zh, w.ZH)
	}
	return vocab.T("not yet — needs "+strings.Join(en, "; "), "尚不能确定——尚缺"+strings.Join(zh, "；"))
}

// UnscoredClauseText is what every output prints in place of the score of
// a clause whose checks all await evidence: a dash and the coverage
// wording for that state, never "0 %", which reads as "failed everything".
func UnscoredClauseText() vocab.Text {
	l := CoverageLabel(NodeNeedsEvidence)
	return vocab.T("— ("+l.EN+")", "—（"+l.ZH+"）")
}
