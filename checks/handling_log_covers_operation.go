package checks

import "fmt"

// Certification bodies audit the records of a system that has run: a log
// a few rows long, or one that stops months before the application, does
// not show the process running however long the declared operation. The
// records win over the declaration.
func init() {
	Register(&Check{
		ID:          "handling.log-covers-operation",
		Title:       T("The complaint log shows the process running up to the application", "投诉台账显示体系持续运行至申请时"),
		Severity:    Major,
		Requirement: []string{"R4", "R13"},
		Clauses:     []string{"8.1"},
		Nodes:       []string{SchemeTree + ":S2.1"},
		Principles:  []string{"4.9"},
		Basis:       OnScheme,
		Source:      T("Certification bodies audit the records of at least three months of operation before the application.", "认证机构审核申请前至少三个月运行期间的实际记录。"),
		Evidence:    T("A log with complaints handled to the end during the operating period, received up to shortly before the application.", "台账记录运行期间处理完毕的投诉，受理记录一直持续到申请前不久。"),
		Remedy:      T("Log every complaint received and keep the log up to date; if the organisation truly receives very few complaints, keep the records that show the process was ready (intake register with nil returns, test cases) for the auditor.", "登记每一起投诉并及时更新台账；确实很少收到投诉的，为审核员保留能证明流程处于运行状态的记录（零投诉登记、演练记录等）。"),
		Doc:         T("Major when fewer than thresholds.min_handled_complaints (3 by default) complaints in the log were resolved or closed; minor when the last complaint was received more than thresholds.max_log_gap_days (60 by default) days before the as-of date.", "台账中已解决或已关闭的投诉少于 thresholds.min_handled_complaints（默认 3）起为严重不符合；最后一起投诉的受理日期早于评估日超过 thresholds.max_log_gap_days（默认 60）天为轻微不符合。"),
		Run:         runLogCoversOperation,
	})
}

func runLogCoversOperation(p *Pass) {
	m := p.Metrics
	if m == nil || m.Total == 0 {
		return // handling.log-present reports a missing or empty log
	}
	pos := p.Dossier.PlaceOf("complaints")
	record, label := logRecord(T("operation", "体系运行记录"))
	handled := 0
	for _, c := range m.ByStatus {
		if c.Key == "resolved" || c.Key == "closed" {
			handled += c.N
		}
	}
	if need := p.T().MinHandled; handled < need {
		p.Report(Finding{Pos: pos, Record: record, RecordLabel: label, Severity: Major, Message: Tf(
			"Complaints handled to the end (resolved or closed) in the log: %d, fewer than the %d a certification body needs to see the process running",
			"台账中处理完毕（已解决或已关闭）的投诉仅 %d 起，少于认证机构确认流程运行所需的 %d 起", handled, need)})
	}
	if last := m.LastReceived; !last.IsZero() {
		gap := last.DaysUntil(p.AsOf)
		if max := p.T().MaxLogGapDays; gap > max {
			p.Report(Finding{Pos: pos, Record: record, RecordLabel: label, Severity: Minor, Message: T(
				fmt.Sprintf("The log's last complaint was received on %s, %d days before the as-of date %s: records must run up to the application (at most %d days' gap)", last, gap, p.AsOf, max),
				fmt.Sprintf("台账最后一起投诉受理于 %s，距评估日 %s 已 %d 天：记录应持续到申请时（间隔不超过 %d 天）", last, p.AsOf, gap, max))})
		}
	}
}
