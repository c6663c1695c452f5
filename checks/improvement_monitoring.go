package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// 8.4: the organisation monitors the complaints-handling process against
// its objectives and reports the results to top management at the
// interval it set. The interval is the organisation's own (an objective's
// report_every_months); the reports are the monitoring records, so the
// check sees each report since go-live, not only a last-reported date.
func init() {
	Register(&Check{
		ID:          "improvement.monitoring",
		Title:       T("The process is monitored against its objectives and reported to top management", "按目标监视投诉处理过程并向最高管理者汇报"),
		Severity:    Major,
		Requirement: []string{"R21"},
		Clauses:     []string{"8.4"},
		Principles:  []string{"4.12", "4.13"},
		Basis:       OnStandard,
		Evidence:    T("Each objective states how often its measured value is reported to top management, and monitoring records (reports with dates) show a report at that interval since the system went live.", "每个目标规定向最高管理者汇报实测值的周期，过程监视记录（带日期的汇报）表明自体系运行以来按该周期进行了汇报。"),
		Remedy:      T("Set a reporting interval for each objective ({{objectives.report_every_months}}), report the measured values to top management at that interval and record each report on the Monitoring sheet.", "为每个目标设定汇报周期（{{objectives.report_every_months}}），按周期向最高管理者汇报实测值，并在“过程监视”表中登记每次汇报。"),
		Doc:         T("Counts the monitoring reports dated from the go-live date (system_live) to the as-of date; a report with no objectives listed covers every objective. Major when there is none although the shortest interval set (three months when none is set) and one month more have passed since go-live. For each objective with report_every_months = N, reports are expected at most N months apart from go-live to the as-of date, allowing one further month for a period's report to be written; each longer gap is minor and listed. Once reports exist, objectives without an interval are minor: the interval the reports are judged against is the organisation's to set.", "统计自体系运行日期（{{organisation.system_live}}）至评估日的过程监视记录；未列明目标的汇报视为涵盖全部目标。自运行起已过最短汇报周期（未设周期时按三个月）再加一个月，却没有任何汇报时为严重不符合。对于汇报周期为 N 个月的目标，自运行日至评估日相邻两次汇报的间隔不应超过 N 个月，另留一个月编写汇报；每个更长的间隔为轻微不符合并逐一列出。已有汇报而某些目标未设汇报周期时为轻微不符合：据以评价的周期应由组织自行设定。"),
		Run:         runMonitoring,
	})
}

// monitoringGrace is the month allowed after a period for its report.
const monitoringGrace = 1

func reportCovers(m *dossier.MonitoringReport, objective string) bool {
	ids := nonBlank(m.Objectives)
	if len(ids) == 0 {
		return true
	}
	for _, id := range ids {
		if id == objective {
			return true
		}
	}
	return false
}

func runMonitoring(p *Pass) {
	d := p.Dossier
	var start dossier.Date
	if d.Organisation != nil {
		start = d.Organisation.SystemLive
	}
	var reports []*dossier.MonitoringReport
	for i := range d.Monitoring {
		m := &d.Monitoring[i]
		if m.Date.IsZero() || m.Date.After(p.AsOf) || (!start.IsZero() && m.Date.Before(start)) {
			continue
		}
		reports = append(reports, m)
	}
	sort.SliceStable(reports, func(i, j int) bool { return reports[i].Date.Before(reports[j].Date) })

	first := 0
	var unset []string
	for i := range d.Objectives {
		o := &d.Objectives[i]
		if o.ReportEveryMonths > 0 && (first == 0 || o.ReportEveryMonths < first) {
			first = o.ReportEveryMonths
		}
		if o.ReportEveryMonths <= 0 {
			unset = append(unset, o.ID)
		}
	}
	if len(reports) == 0 {
		wait := first
		if wait == 0 {
			wait = 3
		}
		if !start.IsZero() && p.AsOf.Before(start.AddDate(0, wait+monitoringGrace, 0)) {
			return // the first report is not due yet
		}
		why := T("no monitoring record is dated between the go-live date and the as-of date", "体系运行日至评估日之间没有过程监视记录")
		if len(d.Monitoring) == 0 {
			why = whyNone(d, "monitoring")
		}
		p.Reportf(d.PlaceOf("monitoring"), "monitoring", T(
			"The complaints-handling process is not shown to be monitored against its objectives and reported to top management: "+why.EN,
			"没有证据表明按目标监视投诉处理过程并向最高管理者汇报："+why.ZH))
		return
	}
	if len(d.Objectives) > 0 && len(unset) > 0 {
		field := p.Field("objectives", "report_every_months")
		p.Report(Finding{Pos: d.Objectives[0].PosOf("report_every_months"), Record: "objectives", Facet: "interval", Severity: Minor, Message: T(
			"These objectives set no reporting interval ("+field.EN+"), so their monitoring cannot be judged against one: "+strings.Join(unset, ", "),
			"以下目标未设定"+field.ZH+"，无法按周期评价其监视："+strings.Join(unset, "、"))})
	}
	for i := range d.Objectives {
		o := &d.Objectives[i]
		n := o.ReportEveryMonths
		if n <= 0 {
			continue
		}
		prev := start
		var gaps []string
		for _, m := range reports {
			if !reportCovers(m, o.ID) {
				continue
			}
			if !prev.IsZero() && m.Date.After(prev.AddDate(0, n+monitoringGrace, 0)) {
				gaps = append(gaps, prev.String()+" – "+m.Date.String())
			}
			prev = m.Date
		}
		if prev.IsZero() {
			continue
		}
		if p.AsOf.After(prev.AddDate(0, n+monitoringGrace, 0)) {
			gaps = append(gaps, prev.String()+" – "+p.AsOf.String())
		}
		if len(gaps) == 0 {
			continue
		}
		p.Report(Finding{Pos: o.PosOf("report_every_months"), Record: "objective " + o.ID, Severity: Minor, Message: T(
			fmt.Sprintf("Objective %s is to be reported to top management every %d months, but no report covers it in: %s", o.ID, n, strings.Join(gaps, "; ")),
			fmt.Sprintf("目标 %s 应每 %d 个月向最高管理者汇报一次，但以下期间没有涵盖该目标的汇报：%s", o.ID, n, strings.Join(gaps, "；")))})
	}
}
