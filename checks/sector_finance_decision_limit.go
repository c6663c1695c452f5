package checks

import (
	"time"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// The banking and insurance complaint measures give a banking or insurance
// institution 15 days from receipt to make its decision and tell the
// complainant; a complex complaint may run to 30 days; an especially
// complex one a further 30 days when the superior institution or
// head-office senior management approves and the complainant is told.
// Days are calendar days: article 43 makes every "日" of the measures a
// calendar day except the regulator's "7个工作日", and counts "以内" as
// including the last day; they run from the day after receipt as Chinese
// law counts periods.
func init() {
	Register(&Check{
		ID:           "sector.finance-decision-limit",
		Title:        T("Decision made and told within the banking and insurance time limit", "在银行业保险业消费投诉处理期限内作出处理决定并告知"),
		Severity:     Major,
		Requirement:  []string{"R13"},
		Nodes:        []string{"cn-finance:F1.1"},
		Principles:   []string{"4.15"},
		Basis:        OnLaw,
		Source:       financeSource("article 18 (days are calendar days, article 43)", "第十八条（“日”为自然日，第四十三条）"),
		Jurisdiction: "cn",
		Sectors:      financeSectors,
		Evidence:     T("Each complaint's decision (the time it was communicated, else the resolution time in the log) falls within 15 days of receipt, 30 days for a complaint assessed as complex, or 60 days where the further extension's approval is recorded (extension approved at).", "每起投诉的处理决定（台账中的处理决定告知时间，无则解决时间）在收到之日起15日内作出；评估为复杂的在30日内；记录了再延长审批（延期审批时间）的在60日内。"),
		Remedy:       T("Decide and tell the complainant within 15 days (30 for complex complaints); where a further 30 days is needed, obtain the superior institution's or head-office senior management's approval before the 30 days run out, tell the complainant, and record the approval time in the log.", "在15日内（复杂投诉30日内）作出处理决定并告知投诉人；确需再延长30日的，在30日届满前报上级机构或总行、总公司高级管理人员审批并告知投诉人，并在台账中记录审批时间。"),
		Doc:          T("Judged on every complaint not withdrawn that has a receipt time: the limit is 15 calendar days after the day of receipt, 30 days when the complaint is assessed as complex, 60 days when an extension approval is recorded on or before the 30th day (an approval after the 30 days have run out extends nothing). The decision is the log's decision-communicated time, else its resolution time, else its closing time. A complaint still undecided is judged once its limit has passed. Periods of outside appraisal, testing or evaluation, which the measures allow to leave out, are not deducted, since the log does not record them: note them in the handling steps so the auditor can weigh the complaints listed.", "评价所有未撤回且有受理时间的投诉：期限为收到之日次日起15个自然日；评估为复杂的30日；在第30日（含）前记录了延期审批的60日（30日届满后才审批的不产生延长）。处理决定以台账的处理决定告知时间为准，无则以解决时间、再无则以关闭时间为准。尚未作出决定的投诉在期限届满后评价。本办法允许不计入的外部鉴定、检测、评估期间未予扣除（台账不记录这些期间）：请在处理过程中注明，以便审核员对所列投诉作出判断。"),
		LogRule: &metrics.LogRule{
			Key:   "finance_decision_limit",
			Label: T("Complaints decided within the banking and insurance time limit", "在银行业保险业处理期限内作出决定的投诉"),
			Judge: judgeFinanceDecisionLimit,
			Needs: []string{"received_at", "resolved_at"},
		},
		Run: RunLogRule("finance_decision_limit", T("banking and insurance decision limit", "银行保险投诉处理时限"),
			"%d of %d complaints were not decided and told within the banking and insurance limit (15 days, 30 if complex, 60 with a recorded approval)",
			"%[2]d 起投诉中有 %[1]d 起未在银行业保险业处理期限内作出处理决定（15日，复杂的30日，记录审批的60日）"),
	})
}

// financeDays are the limits of the measures, in calendar days.
const (
	financeDaysSimple   = 15
	financeDaysComplex  = 30
	financeDaysApproved = 60
)

func judgeFinanceDecisionLimit(c *dossier.Complaint, f *metrics.RowFacts) (bool, bool) {
	if f.Withdrawn || f.Received.IsZero() {
		return false, false
	}
	dayEnd := func(days int) time.Time {
		y, m, d := f.Received.Date()
		return time.Date(y, m, d+days+1, 0, 0, 0, 0, f.Received.Location()).Add(-time.Nanosecond)
	}
	due := dayEnd(financeDaysSimple)
	if f.Complex {
		due = dayEnd(financeDaysComplex)
	}
	if a := c.ExtensionApprovedAt; !a.IsZero() && !a.After(dayEnd(financeDaysComplex)) {
		due = dayEnd(financeDaysApproved)
	}
	// The measures time the decision told to the complainant: the log's
	// decision-communicated time says exactly that; resolution and closing
	// stand in for logs that do not keep it.
	decided := c.DecisionCommunicatedAt
	if decided.IsZero() {
		decided = c.ResolvedAt
	}
	if decided.IsZero() {
		decided = c.ClosedAt
	}
	if decided.IsZero() {
		// Undecided: a breach once the limit has passed, not judged before.
		return f.AsOf.After(due), false
	}
	return true, !decided.After(due)
}
