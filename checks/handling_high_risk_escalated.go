package checks

import (
	"strings"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// Whether a high-risk complaint was escalated at all, whenever it was:
// exports record escalation as a time, as the person escalated to, or only
// as a yes (是否升级). handling.escalation judges how fast; this rule judges that it
// happened.
func init() {
	Register(&Check{
		ID:          "handling.high-risk-escalated",
		Title:       T("High-risk complaints are escalated", "高风险投诉已升级处理"),
		Severity:    Observation,
		Requirement: []string{"R16"},
		Clauses:     []string{"7.5"},
		Principles:  []string{"4.12"},
		Basis:       OnPractice,
		Source:      T("Recommended practice: an escalation mechanism for high-risk complaints (R16).", "推荐做法：高风险投诉的升级机制（R16）。"),
		Evidence:    T("Every complaint assessed as high risk shows that it was escalated: when, or to whom.", "每起评估为高风险的投诉都记录了升级处理：升级时间或升级对象。"),
		Remedy:      T("Escalate every high-risk complaint under the escalation mechanism and record when and to whom.", "按升级机制对每起高风险投诉升级处理，并记录升级时间和对象。"),
		Doc:         T("Judged on every high-risk complaint not withdrawn: a yes in the escalated column, an escalation time or the person escalated to counts as escalated; a no counts as not escalated.", "评价所有未撤回的高风险投诉：“是否升级”为是、有升级时间或升级对象即视为已升级；为否视为未升级。"),
		LogRule: &metrics.LogRule{
			Key:   "high_risk_escalated",
			Label: T("High-risk complaints escalated", "高风险投诉已升级"),
			Judge: func(c *dossier.Complaint, f *metrics.RowFacts) (bool, bool) {
				if c.Risk != "high" || f.Withdrawn {
					return false, false
				}
				if c.Escalated == dossier.No {
					// A log that says "not escalated" is believed over a
					// stray name in the escalated-to column.
					return true, false
				}
				return true, c.Escalated == dossier.Yes || !c.EscalatedAt.IsZero() || strings.TrimSpace(c.EscalatedTo) != ""
			},
		},
		Run: RunLogRule("high_risk_escalated", T("high-risk escalation", "高风险投诉升级"),
			"%d of %d high-risk complaints show no escalation (no time, no person escalated to)",
			"%[2]d 起高风险投诉中有 %[1]d 起没有升级记录（无升级时间、无升级对象）"),
	})
}
