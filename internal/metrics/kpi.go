package metrics

import "github.com/certready/certready/internal/vocab"

// KPI is one complaint-log rule as every output shows it: one key, one
// bilingual label saying what the rate counts (always the compliant
// share), and the tally.
type KPI struct {
	Key   string     `json:"key"`
	Label vocab.Text `json:"label"`
	Rule  Rule       `json:"rule"`
}

// Rate is the compliant share as every output prints it.
func (k KPI) Rate() string {
	return vocab.RateOf(k.Rule.Applicable-k.Rule.Violations, k.Rule.Applicable)
}

// KPIs lists the log's rules in report order. Outputs print these labels
// and rates rather than wording their own, so a KPI reads the same in the
// workbook, the PDF and the findings.
func (m *Metrics) KPIs() []KPI {
	l := m.Limits
	return append([]KPI{
		{"ack", vocab.Tf("Contacted within %g h", "%g 小时内联系投诉人", l.AckHours), m.Timeliness.Ack},
		{"response", vocab.Tf("Progress feedback within %g h", "%g 小时内反馈进度", l.ResponseHours), m.Timeliness.Response},
		{"simple_resolve", vocab.Tf("Simple complaints resolved within %d working days", "简单投诉 %d 个工作日内办结", l.SimpleResolveDays), m.Timeliness.SimpleResolve},
		{"complex_plan", vocab.T("Complex complaints with a plan and progress updates", "复杂投诉有处理方案和进度通报"), m.Timeliness.ComplexPlan},
		{"escalation", vocab.T("High-risk complaints escalated in time", "高风险投诉及时升级"), m.Risk.Escalation},
		{"not_overdue", vocab.T("Open complaints within their limit", "未结投诉未超期"), m.Risk.Overdue},
		{"complete", vocab.T("Records complete", "记录完整"), m.Completeness.Incomplete},
		{"root_cause", vocab.T("Root cause recorded", "记录根本原因"), m.FollowThrough.RootCause},
		{"corrective_action", vocab.T("Corrective action recorded", "记录纠正预防措施"), m.FollowThrough.CorrectiveAction},
		{"follow_up", vocab.T("Follow-up done", "完成回访"), m.FollowThrough.FollowUp},
	}, m.Rules...)
}

// KPI returns one KPI by key.
func (m *Metrics) KPI(key string) KPI {
	for _, k := range m.KPIs() {
		if k.Key == key {
			return k
		}
	}
	return KPI{Key: key}
}
