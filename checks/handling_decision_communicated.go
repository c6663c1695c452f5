package checks

import (
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// 7.8 asks that the decision or action taken on a complaint be
// communicated to the complainant as soon as it is taken. A log shows that
// only as the time the decision was communicated: a resolution time says
// when the organisation decided, not that the complainant was told.
func init() {
	Register(&Check{
		ID:          "handling.decision-communicated",
		Title:       T("Finished complaints record that the decision was communicated", "已办结投诉记录了向投诉人告知处理决定"),
		Severity:    Major,
		Requirement: []string{"R13", "R15"},
		Clauses:     []string{"7.8"},
		Principles:  []string{"4.4", "4.6"},
		Basis:       OnStandard,
		Evidence:    T("Each resolved or closed complaint records when the decision or response was communicated to the complainant.", "每起已解决或已关闭的投诉都记录了向投诉人告知处理决定或答复的时间。"),
		Remedy:      T("Tell the complainant the decision as soon as it is taken and record when (a decision-communicated column in the CRM or register).", "处理决定作出后及时告知投诉人，并记录告知时间（在系统或登记表中设“处理决定告知时间”一栏）。"),
		Doc:         T("Judged on finished complaints (status resolved or closed, after the mapping of complaints.values.status): a blank decision_communicated_at is a violation. A communication dated before receipt is reported by handling.records-complete. A log that does not keep the field declares it under complaints.not_tracked, and the rule is then not assessed.", "评价已办结的投诉（经 complaints.values.status 映射后状态为已解决或已关闭）：处理决定告知时间为空即为违规。告知时间早于受理时间的由 handling.records-complete 报告。台账不记录该字段的，可在 complaints.not_tracked 中声明，此时本规则不评估。"),
		LogRule: &metrics.LogRule{
			Key:   "decision_communicated",
			Label: T("Finished complaints with the decision communicated", "已办结投诉已告知处理决定"),
			Judge: func(c *dossier.Complaint, f *metrics.RowFacts) (bool, bool) {
				if !f.Done {
					return false, false
				}
				return true, !c.DecisionCommunicatedAt.IsZero()
			},
			Needs: []string{"decision_communicated_at"},
		},
		Run: RunLogRule("decision_communicated", T("decision communicated", "处理决定告知"),
			"%d of %d finished complaints record no time the decision was communicated to the complainant",
			"%[2]d 起已办结投诉中有 %[1]d 起未记录向投诉人告知处理决定的时间"),
	})
}
