package checks

import (
	"fmt"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// Maintenance and improvement (R18–R21): complaint analysis, satisfaction
// surveys, internal audit, management review, corrective actions,
// objectives, confidentiality and objectivity. "Within N months" always
// means on or after the as-of date minus N months and not after the as-of
// date: a record dated in the future has not happened yet.

func init() {
	Register(
		&Check{
			ID:          "improvement.analysis",
			Title:       T("Periodic complaint data analysis", "定期投诉数据分析"),
			Severity:    Major,
			Requirement: []string{"R18"},
			Clauses:     []string{"8.2"},
			Basis:       OnStandard,
			Principles:  []string{"4.13"},
			Evidence:    T("A recent complaint analysis report (document kind analysis) covering complaint types, causes, distribution and the effectiveness of handling.", "近期的投诉数据分析报告（文件类型“分析报告”），涵盖投诉类型、原因、分布和处理有效性。"),
			Remedy:      T("Analyse the complaint data at least once per period, issue the report and list what it covers (types; causes; distribution; effectiveness).", "至少每个周期分析一次投诉数据，发布分析报告，并列明所涵盖的内容（“投诉类型”、“投诉原因”、“分布”、“处理有效性”）。"),
			Doc:         T("An analysis is dated by its effective date, else its approval date, and must fall within thresholds.analysis_months of the as-of date (major otherwise). What the recent analyses cover is read from `covers`: once any of the four dimensions (types, causes, distribution, effectiveness) is declared, all four must be, and the missing ones are minor. Declaring analysis_report alone is accepted as the full analysis report the forms define. Declaring neither is an observation asking what the report analyses.", "分析报告以生效日期计，无生效日期时以批准日期计，须在基准日前 thresholds.analysis_months 个月内（否则为严重不符合）。近期报告的内容从“涵盖要素”读取：只要声明了四个维度（投诉类型、投诉原因、分布、处理有效性）中的任一个，就须四个都声明，缺少的为轻微不符合。仅声明“投诉数据分析报表” 视为表单所定义的完整分析报表，予以接受。两者都未声明为观察项，请说明分析了什么。"),
			Run:         runImprovementAnalysis,
		},
		&Check{
			ID:          "improvement.survey",
			Title:       T("Recent customer satisfaction survey with a report", "近期顾客满意度调查及报告"),
			Severity:    Major,
			Requirement: []string{"R19"},
			Clauses:     []string{"8.3"},
			Basis:       OnStandard,
			Principles:  []string{"4.11", "4.13"},
			Evidence:    T("A customer satisfaction survey completed within the survey period, with its report in the dossier; the report is also an application material.", "在调查周期内完成的顾客满意度调查，调查报告在资料包中；该报告也是认证申请材料。"),
			Remedy:      T("Run a satisfaction survey, write the report and add it to the dossier.", "开展顾客满意度调查，编写报告并放入资料包。"),
			Doc:         T("Passes when a survey dated within thresholds.survey_months of the as-of date has a report file that exists in the dossier.", "基准日前 thresholds.survey_months 个月内有一次调查，且其报告文件在资料包中，即为通过。"),
			Run:         runImprovementSurvey,
		},
		&Check{
			ID:          "improvement.survey-complaints",
			Title:       T("Satisfaction with complaints handling is measured", "测量对投诉处理的满意度"),
			Severity:    Minor,
			Requirement: []string{"R19"},
			Clauses:     []string{"8.3"},
			Basis:       OnStandard,
			Principles:  []string{"4.11"},
			Evidence:    T("A recent survey that reports satisfaction with the complaints-handling process itself, not only overall satisfaction.", "近期调查中单独报告了对投诉处理过程的满意度，而不仅是总体满意度。"),
			Remedy:      T("Add questions on the complaints-handling process to the survey and record the result in {{surveys.complaint_handling_score}}.", "在调查中加入关于投诉处理过程的问题，并将结果填入{{surveys.complaint_handling_score}}。"),
			Doc:         T("Looks only at surveys within thresholds.survey_months; when there is none, improvement.survey reports the gap.", "只看 thresholds.survey_months 个月内的调查；没有近期调查时由 improvement.survey 报告。"),
			Run:         runImprovementSurveyComplaints,
		},
		&Check{
			ID:          "improvement.internal-audit",
			Title:       T("Internal audit of the complaints-handling process", "投诉处理过程的内部审核"),
			Severity:    Major,
			Requirement: []string{"R20"},
			Clauses:     []string{"8.5"},
			Nodes:       []string{"cn-scheme:S2.2"},
			Basis:       OnScheme,
			Source:      T("Certification bodies require at least one complete internal audit before the audit (CB application requirements); ISO 10002 8.5 asks for regular audits.", "认证机构要求认证审核前至少完成一次完整的内部审核（认证机构申请要求）；ISO 10002 8.5 要求定期审核。"),
			Principles:  []string{"4.13"},
			Evidence:    T("At least one complete internal audit covering the complaints-handling process within the audit period, with its report; certification bodies expect this before the on-site audit.", "审核周期内至少一次覆盖投诉处理过程的完整内部审核，并有审核报告；认证机构要求在现场审核前完成。"),
			Remedy:      T("Plan and carry out an internal audit of the complaints-handling process and file the report.", "策划并实施投诉处理过程的内部审核，并归档审核报告。"),
			Doc:         T("Major when no audit with covers_complaints dated within thresholds.audit_months exists; minor when that audit's report file is missing.", "在 thresholds.audit_months 个月内没有覆盖投诉处理（{{audits.covers_complaints}}）的审核为严重不符合；审核报告文件缺失为轻微不符合。"),
			Run:         runImprovementAudit,
		},
		&Check{
			ID:          "improvement.management-review",
			Title:       T("Management review of the complaints-handling process", "投诉处理过程的管理评审"),
			Severity:    Major,
			Requirement: []string{"R20"},
			Clauses:     []string{"8.6"},
			Nodes:       []string{"cn-scheme:S2.3"},
			Basis:       OnScheme,
			Source:      T("Certification bodies require at least one management review before the audit (CB application requirements); ISO 10002 8.6 asks for reviews at planned intervals.", "认证机构要求认证审核前至少完成一次管理评审（认证机构申请要求）；ISO 10002 8.6 要求按策划的时间间隔评审。"),
			Principles:  []string{"4.2", "4.13"},
			Evidence:    T("A management review covering the complaints-handling process within the review period, chaired by top management, with minutes.", "评审周期内由最高管理者主持、涵盖投诉处理过程的管理评审，并有评审纪要。"),
			Remedy:      T("Hold a management review of the complaints-handling process chaired by top management and file the minutes.", "由最高管理者主持召开涵盖投诉处理过程的管理评审，并归档纪要。"),
			Doc:         T("Major when no review with covers_complaints dated within thresholds.management_review_months exists; minor when that review names no chair or its minutes file is missing.", "在 thresholds.management_review_months 个月内没有涵盖投诉处理（{{reviews.covers_complaints}}）的评审为严重不符合；未登记主持人或纪要文件缺失为轻微不符合。"),
			Run:         runImprovementReview,
		},
		&Check{
			ID:          "improvement.actions-closed",
			Title:       T("Corrective actions are tracked to closure", "纠正措施跟踪至关闭"),
			Severity:    Major,
			Requirement: []string{"R20"},
			Clauses:     []string{"8.7"},
			Basis:       OnStandard,
			Principles:  []string{"4.12", "4.13"},
			Evidence:    T("Every corrective or preventive action from audits, reviews and analysis closed with the date it was verified, or still within its due date.", "来自审核、评审和分析的每项纠正预防措施均已关闭并有验证关闭日期，或仍在完成期限内。"),
			Remedy:      T("Complete and verify overdue actions, record the closing date, or re-plan them with a new due date approved by management.", "完成并验证已超期的措施，登记关闭日期；或经管理层批准重新设定完成期限。"),
			Doc:         T("An action counts as closed when its status is closed (or, with no status, when it has a closed date). Open past its due date: major. Open with no due date, closed without a closed date, or open with a closed date: minor. Open and not yet due: observation.", "状态为“已关闭”（或未填状态但有关闭日期）即视为关闭。未关闭且已过期限：严重不符合。未关闭且无期限、已关闭但无关闭日期、状态为“未关闭”却有关闭日期：轻微不符合。未关闭但未到期：观察项。"),
			Run:         runImprovementActions,
		},
		&Check{
			ID:          "improvement.objectives",
			Title:       T("Measurable complaints-handling objectives", "可测量的投诉处理目标"),
			Severity:    Major,
			Requirement: []string{"R21"},
			Clauses:     []string{"6.2"},
			Basis:       OnStandard,
			Principles:  []string{"4.2", "4.13"},
			Evidence:    T("Complaints-handling objectives, each with a metric and a numeric target, and the latest measured value.", "投诉处理目标，每个目标有测量指标和数值目标值，并有最新实际值。"),
			Remedy:      T("Set complaints-handling objectives, each with a metric and a numeric target (for example contact within 24 h for 98 % of complaints), and record the measured values.", "设定投诉处理目标，每个目标有测量指标和数值目标值（如 98% 的投诉在 24 小时内联系），并登记实测值。"),
			Doc:         T("At least one objective must have a metric and a numeric target; objectives that lack either are minor, major when none is measurable. An actual value that misses its target is minor; a measurable objective with no measured value is an observation. Each finding's remedy is for its condition: no objective, no metric or target, a target missed, no measurement. The direction is inferred only where it is unambiguous: lower is better for time units (h, min, days, 小时, 天, 工作日) and for metrics naming overdue, repeat, backlog, duration or a complaint rate; higher is better for percentages, rates, scores and satisfaction. Where neither applies no comparison is made.", "至少一个目标须有测量指标和数值目标值；缺少其一的目标为轻微不符合，全部不可测量时为严重不符合。实际值未达目标为轻微不符合；可测量但未登记实际值的目标为观察项。每条发现的整改建议对应其情形：没有目标、缺少指标或目标值、未达目标、未测量。方向只在明确时推断：时间单位（h、min、天、小时、工作日）及指标名含超期、重复、积压、时长或投诉率时越低越好；百分比、比率、得分、满意度越高越好；其他情况不作比较。"),
			Run:         runImprovementObjectives,
		},
		&Check{
			ID:          "improvement.confidentiality",
			Title:       T("Confidentiality of complainants' personal data is documented", "投诉人个人信息保密有文件规定"),
			Severity:    Minor,
			Requirement: []string{"R21"},
			Clauses:     []string{"4.10"},
			Basis:       OnStandard,
			Principles:  []string{"4.10"},
			Evidence:    T("The policy, manual, a procedure or a work instruction stating that personally identifiable information about complainants is used only for handling the complaint and kept confidential unless the complainant consents or the law requires disclosure (PIPL).", "方针、手册、程序文件或作业指导书中规定：投诉人可识别身份的信息只用于投诉处理并予以保密，除非投诉人同意或法律要求公开（个人信息保护法）。"),
			Remedy:      T("Add a confidentiality section to the policy or the procedure and list confidentiality in its {{documents.covers}}.", "在方针或程序文件中增加保密条款，并在“涵盖要素”中列明“保密”。"),
			Doc:         T("Passes when a document of kind manual, policy, procedure or instruction covers confidentiality.", "文件类型为“手册”“方针”“程序文件”或“作业指导书”的文件在“涵盖要素”中列明“保密”即为通过。"),
			Run:         runImprovementConfidentiality,
		},
		&Check{
			ID:          "improvement.objectivity",
			Title:       T("Objective, impartial handling is documented", "客观公正处理有文件规定"),
			Severity:    Observation,
			Requirement: []string{"R21"},
			Clauses:     []string{"4.7"},
			Basis:       OnStandard,
			Principles:  []string{"4.7"},
			Evidence:    T("A document providing for fair, objective and unbiased handling (for example that no one investigates a complaint about their own work), and the auditor's view of how it is applied.", "有文件规定公平、客观、无偏私地处理投诉（例如不得由被投诉人调查针对本人工作的投诉），以及审核员对其执行情况的判断。"),
			Remedy:      T("State the objectivity rules in the policy or procedure and list objectivity in its {{documents.covers}}.", "在方针或程序文件中规定客观公正的要求，并在“涵盖要素”中列明“客观公正”。"),
			Doc:         T("Whether handling is objective in practice can only be judged by the auditor, so this check never passes on its own; it reports when no manual, policy, procedure or instruction covers objectivity.", "处理是否客观只能由审核员判断，因此本检查不会自动通过；当没有手册、方针、程序文件或作业指导书涵盖“客观公正”时报告。"),
			Manual:      true,
			Run:         runImprovementObjectivity,
		},
	)
}

// withinMonths reports whether date lies in the window of the last months
// up to and including asOf.
func withinMonths(date, asOf dossier.Date, months int) bool {
	return !date.IsZero() && !date.After(asOf) && !date.Before(asOf.AddDate(0, -months, 0))
}

// analysisDate is when an analysis report was issued.
func analysisDate(doc *dossier.Document) (dossier.Date, string) {
	if !doc.Effective.IsZero() {
		return doc.Effective, "effective"
	}
	return doc.ApprovedOn, "approved_on"
}

func analysisDimensions() []string {
	return []string{"types", "causes", "distribution", "effectiveness"}
}

func runImprovementAnalysis(p *Pass) {
	d := p.Dossier
	months := p.T().AnalysisMonths
	analyses := docsOfKind(d, "analysis")
	if len(analyses) == 0 {
		p.Reportf(d.PlaceOf("documents"), "documents", noDocsOfKind(d, T("No complaint analysis report", "没有投诉数据分析报告"), "analysis"))
		return
	}
	var recent []*dossier.Document
	var latest *dossier.Document
	var latestDate dossier.Date
	for _, doc := range analyses {
		date, _ := analysisDate(doc)
		if withinMonths(date, p.AsOf, months) {
			recent = append(recent, doc)
		}
		if !date.IsZero() && !date.After(p.AsOf) && (latest == nil || date.After(latestDate)) {
			latest, latestDate = doc, date
		}
	}
	if len(recent) == 0 {
		if latest == nil {
			doc := analyses[0]
			_, key := analysisDate(doc)
			p.Reportf(doc.PosOf(key), docRecord(doc), Tf(
				"No complaint analysis is dated on or before %s (%s has no effective or approval date in the past)",
				"没有日期不晚于 %s 的投诉数据分析（%s 没有已到的生效日期或批准日期）", p.AsOf, docName(doc)))
			return
		}
		_, key := analysisDate(latest)
		p.ReportFig("analysis_months", Finding{Pos: latest.PosOf(key), Record: docRecord(latest), Message: T(
			fmt.Sprintf("Latest complaint analysis %s is dated %s, not within %d months before %s", docName(latest), latestDate, months, p.AsOf),
			fmt.Sprintf("最近的投诉数据分析 %s 日期为 %s，不在 %s 前 %d 个月内", docName(latest), latestDate, p.AsOf, months))})
		return
	}
	missing := uncovered(recent, analysisDimensions())
	switch {
	case len(missing) == len(analysisDimensions()) && len(uncovered(recent, []string{"analysis_report"})) == 0:
		// the report as the forms define it; no dimension is claimed
	case len(missing) == len(analysisDimensions()):
		p.Report(Finding{
			Pos: recent[0].PosOf("covers"), Record: docsRecord(recent), Severity: Observation,
			Message: Text{
				EN: fmt.Sprintf("Complaint analysis %s does not declare what it analyses; list analysis_report, or types, causes, distribution and effectiveness, in its {{documents.covers}}", docNames(recent)),
				ZH: fmt.Sprintf("投诉数据分析 %s 未声明分析内容；请在{{documents.covers}}中列明“%s”，或“%s”", docNames(recent), labelZH("element", "analysis_report"),
					strings.Join(labelsZH("element", []string{"types", "causes", "distribution", "effectiveness"}), "”、“")),
			},
		})
	case len(missing) > 0:
		reportUncovered(p, recent, analysisDimensions(), T("Complaint analysis", "投诉数据分析"), T("Complaint analyses", "投诉数据分析"), Minor)
	}
}

// recentSurveys returns the surveys within the survey period, in dossier
// order, and the latest survey dated on or before the as-of date.
func recentSurveys(p *Pass) (recent []*dossier.Survey, latest *dossier.Survey) {
	for i := range p.Dossier.Surveys {
		s := &p.Dossier.Surveys[i]
		if withinMonths(s.Date, p.AsOf, p.T().SurveyMonths) {
			recent = append(recent, s)
		}
		if !s.Date.After(p.AsOf) && (latest == nil || s.Date.After(latest.Date)) {
			latest = s
		}
	}
	return recent, latest
}

func runImprovementSurvey(p *Pass) {
	d := p.Dossier
	months := p.T().SurveyMonths
	if len(d.Surveys) == 0 {
		why := whyNone(d, "surveys")
		p.Reportf(p.Dossier.PlaceOf("surveys"), "surveys", T(
			"No customer satisfaction survey is recorded: "+why.EN, "没有顾客满意度调查记录："+why.ZH))
		return
	}
	recent, latest := recentSurveys(p)
	if len(recent) == 0 {
		if latest == nil {
			s := &d.Surveys[0]
			p.Reportf(s.PosOf("date"), "survey "+s.ID, Tf(
				"No survey is dated on or before %s", "没有日期不晚于 %s 的调查", p.AsOf))
			return
		}
		p.ReportFig("survey_months", Finding{Pos: latest.PosOf("date"), Record: "survey " + latest.ID, Message: T(
			fmt.Sprintf("Latest customer satisfaction survey %s is dated %s, not within %d months before %s", latest.ID, latest.Date, months, p.AsOf),
			fmt.Sprintf("最近的顾客满意度调查 %s 日期为 %s，不在 %s 前 %d 个月内", latest.ID, latest.Date, p.AsOf, months))})
		return
	}
	var pick *dossier.Survey
	for _, s := range recent {
		if evidenceExists(d, s.Report) {
			return
		}
		if pick == nil || s.Date.After(pick.Date) {
			pick = s
		}
	}
	if pick.Report == "" {
		p.Reportf(pick.PosOf("report"), "survey "+pick.ID, Tf(
			"Survey %s of %s has no report file; the survey report is an application material",
			"调查 %s（%s）没有调查报告文件；调查报告是认证申请材料", pick.ID, pick.Date))
		return
	}
	p.Reportf(pick.PosOf("report"), "survey "+pick.ID, Tf(
		"Survey %s: report file %s is missing from the dossier or empty",
		"调查 %s：资料包中找不到调查报告 %s", pick.ID, pick.Report))
}

func runImprovementSurveyComplaints(p *Pass) {
	recent, _ := recentSurveys(p)
	if len(recent) == 0 {
		return
	}
	pick := recent[0]
	for _, s := range recent {
		if s.ComplaintHandlingScore != nil {
			return
		}
		if s.Date.After(pick.Date) {
			pick = s
		}
	}
	p.Reportf(pick.PosOf("complaint_handling_score"), "survey "+pick.ID, Tf(
		"Survey %s of %s does not measure satisfaction with complaints handling ({{surveys.complaint_handling_score}} is empty)",
		"调查 %s（%s）未测量对投诉处理的满意度（{{surveys.complaint_handling_score}}为空）", pick.ID, pick.Date))
}

func runImprovementAudit(p *Pass) {
	d := p.Dossier
	months := p.T().AuditMonths
	if len(d.Audits) == 0 {
		why := whyNone(d, "audits")
		p.Reportf(p.Dossier.PlaceOf("audits"), "audits", T(
			"No internal audit is recorded ("+why.EN+"); certification bodies expect one complete internal audit before the on-site audit",
			"没有内部审核记录（"+why.ZH+"）；认证机构要求现场审核前至少完成一次完整的内部审核"))
		return
	}
	var covering, other, latest *dossier.Audit
	for i := range d.Audits {
		a := &d.Audits[i]
		if withinMonths(a.Date, p.AsOf, months) {
			if a.CoversComplaints && (covering == nil || a.Date.After(covering.Date)) {
				covering = a
			}
			if !a.CoversComplaints && (other == nil || a.Date.After(other.Date)) {
				other = a
			}
		}
		if !a.Date.After(p.AsOf) && (latest == nil || a.Date.After(latest.Date)) {
			latest = a
		}
	}
	switch {
	case covering != nil:
		if !evidenceExists(d, covering.Report) {
			if covering.Report == "" {
				p.Report(Finding{Pos: covering.PosOf("report"), Record: "audit " + covering.ID, Severity: Minor, Message: Tf(
					"Internal audit %s of %s has no report file", "内部审核 %s（%s）没有审核报告文件", covering.ID, covering.Date)})
			} else {
				p.Report(Finding{Pos: covering.PosOf("report"), Record: "audit " + covering.ID, Severity: Minor, Message: Tf(
					"Internal audit %s: report file %s is missing from the dossier or empty", "内部审核 %s：资料包中找不到审核报告 %s 或文件为空", covering.ID, covering.Report)})
			}
		}
	case other != nil:
		p.Reportf(other.PosOf("covers_complaints"), "audit "+other.ID, Tf(
			"Internal audit %s of %s does not cover the complaints-handling process, and no audit within %d months does",
			"内部审核 %s（%s）未覆盖投诉处理过程，%d 个月内也没有覆盖该过程的审核", other.ID, other.Date, months))
	case latest != nil:
		p.Reportf(latest.PosOf("date"), "audit "+latest.ID, T(
			fmt.Sprintf("Latest internal audit %s is dated %s, not within %d months before %s", latest.ID, latest.Date, months, p.AsOf),
			fmt.Sprintf("最近的内部审核 %s 日期为 %s，不在 %s 前 %d 个月内", latest.ID, latest.Date, p.AsOf, months)))
	default:
		a := &d.Audits[0]
		p.Reportf(a.PosOf("date"), "audit "+a.ID, Tf(
			"No internal audit is dated on or before %s", "没有日期不晚于 %s 的内部审核", p.AsOf))
	}
}

func runImprovementReview(p *Pass) {
	d := p.Dossier
	months := p.T().ManagementReviewMon
	if len(d.Reviews) == 0 {
		why := whyNone(d, "reviews")
		p.Reportf(p.Dossier.PlaceOf("reviews"), "reviews", T(
			"No management review is recorded ("+why.EN+"); certification bodies expect one before the on-site audit",
			"没有管理评审记录（"+why.ZH+"）；认证机构要求现场审核前至少完成一次管理评审"))
		return
	}
	var covering, other, latest *dossier.Review
	for i := range d.Reviews {
		r := &d.Reviews[i]
		if withinMonths(r.Date, p.AsOf, months) {
			if r.CoversComplaints && (covering == nil || r.Date.After(covering.Date)) {
				covering = r
			}
			if !r.CoversComplaints && (other == nil || r.Date.After(other.Date)) {
				other = r
			}
		}
		if !r.Date.After(p.AsOf) && (latest == nil || r.Date.After(latest.Date)) {
			latest = r
		}
	}
	switch {
	case covering != nil:
		rec := "review " + covering.ID
		if strings.TrimSpace(covering.Chair) == "" {
			p.Report(Finding{Pos: covering.PosOf("chair"), Record: rec, Severity: Minor, Message: Tf(
				"Management review %s of %s names no chair; it should be chaired by top management",
				"管理评审 %s（%s）未登记主持人；应由最高管理者主持", covering.ID, covering.Date)})
		}
		if !evidenceExists(d, covering.Minutes) {
			if covering.Minutes == "" {
				p.Report(Finding{Pos: covering.PosOf("minutes"), Record: rec, Severity: Minor, Message: Tf(
					"Management review %s of %s has no minutes file", "管理评审 %s（%s）没有评审纪要文件", covering.ID, covering.Date)})
			} else {
				p.Report(Finding{Pos: covering.PosOf("minutes"), Record: rec, Severity: Minor, Message: Tf(
					"Management review %s: minutes file %s is missing from the dossier or empty", "管理评审 %s：资料包中找不到评审纪要 %s 或文件为空", covering.ID, covering.Minutes)})
			}
		}
	case other != nil:
		p.Reportf(other.PosOf("covers_complaints"), "review "+other.ID, Tf(
			"Management review %s of %s does not cover the complaints-handling process, and no review within %d months does",
			"管理评审 %s（%s）未涵盖投诉处理过程，%d 个月内也没有涵盖该过程的评审", other.ID, other.Date, months))
	case latest != nil:
		p.Reportf(latest.PosOf("date"), "review "+latest.ID, T(
			fmt.Sprintf("Latest management review %s is dated %s, not within %d months before %s", latest.ID, latest.Date, months, p.AsOf),
			fmt.Sprintf("最近的管理评审 %s 日期为 %s，不在 %s 前 %d 个月内", latest.ID, latest.Date, p.AsOf, months)))
	default:
		r := &d.Reviews[0]
		p.Reportf(r.PosOf("date"), "review "+r.ID, Tf(
			"No management review is dated on or before %s", "没有日期不晚于 %s 的管理评审", p.AsOf))
	}
}

func runImprovementActions(p *Pass) {
	for i := range p.Dossier.Actions {
		a := &p.Dossier.Actions[i]
		rec := "action " + a.ID
		from, fromZH := "", ""
		if a.Source != "" {
			from, fromZH = " (from "+a.Source+")", "（来源 "+a.Source+"）"
		}
		closed := a.Status == "closed" || (a.Status == "" && !a.Closed.IsZero())
		switch {
		case closed && a.Closed.IsZero():
			p.Report(Finding{Pos: a.PosOf("status"), Record: rec, Severity: Minor, Message: T(
				fmt.Sprintf("Action %s%s is marked closed but has no closed date, so its verification is not evidenced", a.ID, from),
				fmt.Sprintf("措施 %s%s 标为已关闭，但没有关闭日期，无法证明已验证", a.ID, fromZH))})
		case closed:
			// closed and dated
		case !a.Closed.IsZero():
			p.Report(Finding{Pos: a.PosOf("status"), Record: rec, Severity: Minor, Message: T(
				fmt.Sprintf("Action %s%s has status %s but a closed date %s; make them agree", a.ID, from, a.Status, a.Closed),
				fmt.Sprintf("措施 %s%s 状态为 %s，却有关闭日期 %s；请使二者一致", a.ID, fromZH, a.Status, a.Closed))})
		case a.Due.IsZero():
			p.Report(Finding{Pos: a.PosOf("due"), Record: rec, Severity: Minor, Message: T(
				fmt.Sprintf("Action %s%s is open and has no due date", a.ID, from),
				fmt.Sprintf("措施 %s%s 未关闭，且没有完成期限", a.ID, fromZH))})
		case a.Due.Before(p.AsOf):
			p.Report(Finding{Pos: a.PosOf("due"), Record: rec, Message: T(
				fmt.Sprintf("Action %s%s is open and overdue: due %s, %d days before %s", a.ID, from, a.Due, a.Due.DaysUntil(p.AsOf), p.AsOf),
				fmt.Sprintf("措施 %s%s 未关闭且已超期：期限 %s，已超过 %d 天（基准日 %s）", a.ID, fromZH, a.Due, a.Due.DaysUntil(p.AsOf), p.AsOf))})
		default:
			p.Report(Finding{Pos: a.PosOf("due"), Record: rec, Severity: Observation, Message: T(
				fmt.Sprintf("Action %s%s is open, due %s", a.ID, from, a.Due),
				fmt.Sprintf("措施 %s%s 未关闭，期限 %s", a.ID, fromZH, a.Due))})
		}
	}
}

// objectiveDirection returns +1 when a higher value is better, -1 when a
// lower one is, and 0 when the record does not say clearly enough to judge.
// Only the metric and unit are read: statements such as "24小时内联系率"
// mention hours but measure a rate.
func objectiveDirection(o *dossier.Objective) int {
	unit := strings.ToLower(strings.TrimSpace(o.Unit))
	metric := strings.ToLower(o.Metric)
	switch unit {
	case "h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "d", "day", "days", "working days", "小时", "分钟", "天", "日", "工作日":
		return -1
	}
	for _, w := range []string{"overdue", "repeat", "backlog", "duration", "time_to", "lead_time", "cycle_time", "complaint_rate", "complaints_per", "超期", "重复", "积压", "时长", "投诉率"} {
		if strings.Contains(metric, w) {
			return -1
		}
	}
	if unit == "%" || unit == "percent" || unit == "％" {
		return 1
	}
	for _, w := range []string{"rate", "score", "satisf", "ratio", "率", "满意", "得分"} {
		if strings.Contains(metric, w) {
			return 1
		}
	}
	return 0
}

func runImprovementObjectives(p *Pass) {
	objs := p.Dossier.Objectives
	if len(objs) == 0 {
		why := whyNone(p.Dossier, "objectives")
		p.Reportf(p.Dossier.PlaceOf("objectives"), "objectives", T(
			"No complaints-handling objectives are set: "+why.EN, "未设定投诉处理目标："+why.ZH))
		return
	}
	measurable := 0
	for i := range objs {
		if objs[i].Metric != "" && objs[i].Target != nil {
			measurable++
		}
	}
	sev := Minor
	if measurable == 0 {
		sev = Major
	}
	for i := range objs {
		o := &objs[i]
		rec := "objective " + o.ID
		var absent []string
		var absentEN, absentZH []string
		for _, k := range []struct {
			key    string
			absent bool
		}{{"metric", o.Metric == ""}, {"target", o.Target == nil}} {
			if k.absent {
				absent = append(absent, k.key)
				name := p.Field("objectives", k.key)
				absentEN, absentZH = append(absentEN, name.EN), append(absentZH, name.ZH)
			}
		}
		if len(absent) > 0 {
			p.Report(Finding{Pos: o.PosOf(absent[0]), Record: rec, Severity: sev,
				Message: T(fmt.Sprintf("Objective %s has no %s, so it cannot be measured", o.ID, strings.Join(absentEN, " or ")),
					fmt.Sprintf("目标 %s 缺少%s，无法测量", o.ID, strings.Join(absentZH, "和"))),
				Remedy: T(fmt.Sprintf("Give objective %s what it lacks (%s): a metric and a numeric target make it measurable; then record its measured value.", o.ID, strings.Join(absentEN, ", ")),
					fmt.Sprintf("为目标 %s 补充%s：有测量指标和数值目标值才可测量；然后登记实测值。", o.ID, strings.Join(absentZH, "和")))})
			continue
		}
		if o.Actual == nil {
			// Measurable but not measured: the target cannot be judged.
			name := p.Field("objectives", "actual")
			p.Report(Finding{Pos: o.PosOf("actual"), Record: rec, Severity: Observation, Facet: "actual",
				Message: T(fmt.Sprintf("Objective %s (%s) has a target of %g%s but no measured value (%s is empty)", o.ID, objectiveName(o, "en"), *o.Target, o.Unit, name.EN),
					fmt.Sprintf("目标 %s（%s）有目标值 %g%s，但没有实测值（%s为空）", o.ID, objectiveName(o, "zh"), *o.Target, o.Unit, name.ZH)),
				Remedy: T(fmt.Sprintf("Measure objective %s for its period and record the latest value in %s, so progress against the target can be shown.", o.ID, name.EN),
					fmt.Sprintf("按考核期间测量目标 %s，并将最新实测值填入%s，以便说明目标完成情况。", o.ID, name.ZH))})
			continue
		}
		dir := objectiveDirection(o)
		target, actual := *o.Target, *o.Actual
		if (dir > 0 && actual < target) || (dir < 0 && actual > target) {
			want, wantZH := "at least", "不低于"
			if dir < 0 {
				want, wantZH = "at most", "不高于"
			}
			p.Report(Finding{Pos: o.PosOf("actual"), Record: rec, Severity: Minor, Message: T(
				fmt.Sprintf("Objective %s (%s): actual %g%s misses the target of %s %g%s", o.ID, objectiveName(o, "en"), actual, o.Unit, want, target, o.Unit),
				fmt.Sprintf("目标 %s（%s）：实际值 %g%s 未达到目标（%s %g%s）", o.ID, objectiveName(o, "zh"), actual, o.Unit, wantZH, target, o.Unit)),
				// The objective is measurable and measured: what is left is
				// to act on the shortfall, not to set a target.
				Remedy: T(fmt.Sprintf("Analyse why objective %s missed its target, take corrective action on the cause and track it to closure (actions list), and review the result in the management review; change the target only by a recorded management decision.", o.ID),
					fmt.Sprintf("分析目标 %s 未达成的原因，针对原因采取纠正措施并跟踪至关闭（纠正措施清单），在管理评审中评价结果；目标值只能经有记录的管理决定调整。", o.ID))})
		}
	}
}

// objectiveName names an objective in a message: its metric as the
// organisation wrote it, and for a Chinese reader its statement when the
// metric is a code (ack_24h_rate) rather than Chinese words.
func objectiveName(o *dossier.Objective, lang string) string {
	if lang == "zh" && o.Statement != "" && !hasHan(o.Metric) {
		return o.Statement
	}
	return o.Metric
}

// documentCovering returns whether a system document (manual, policy,
// procedure or instruction) covers the element.
func documentCovering(d *dossier.Dossier, element string) bool {
	for _, doc := range docsOfKind(d, "manual", "policy", "procedure", "instruction") {
		if doc.CoversElement(element) {
			return true
		}
	}
	return false
}

func runImprovementConfidentiality(p *Pass) {
	if documentCovering(p.Dossier, "confidentiality") {
		return
	}
	p.Reportf(p.Dossier.PlaceOf("documents"), "documents", T(
		"No manual, policy, procedure or work instruction covers confidentiality of complainants' personal data",
		"没有手册、方针、程序文件或作业指导书涵盖投诉人个人信息保密（涵盖要素“保密”）"))
}

func runImprovementObjectivity(p *Pass) {
	if documentCovering(p.Dossier, "objectivity") {
		return
	}
	p.Reportf(p.Dossier.PlaceOf("documents"), "documents", T(
		"No manual, policy, procedure or work instruction covers objective, impartial handling of complaints",
		"没有手册、方针、程序文件或作业指导书涵盖客观公正处理投诉（涵盖要素“客观公正”）"))
}
