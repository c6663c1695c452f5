package checks

import "fmt"

// people.competence-evaluation: hours of training show what a handler was
// taught; a dated, signed evaluation shows what the handler can do, which
// is what ISO 10002 6.4 asks the organisation to ensure.

var peopleCompetenceEvaluation = &Check{
	ID:          "people.competence-evaluation",
	Title:       T("Each complaint handler's competence is evaluated", "每名投诉处理人员均经能力评价"),
	Severity:    Minor,
	Requirement: []string{"R11", "R22"},
	Clauses:     []string{"6.4"},
	Nodes:       []string{"cn-scheme:S3.7"},
	Basis:       OnStandard,
	Principles:  []string{"4.14"},
	Evidence: T("For each complaint handler, the date of the latest competence evaluation ({{people.competence_evaluated}}, on or before the as-of date) and the signed evaluation record ({{people.competence_evaluation}}) in the dossier.",
		"每名投诉处理人员最近一次能力评价的日期（{{people.competence_evaluated}}，不晚于评估基准日）及经签字的能力评价记录（{{people.competence_evaluation}}）在资料包中。"),
	Remedy: T("Evaluate each handler's competence against the job description (observation, case review, test), record the date and file the signed evaluation.",
		"对照岗位职责评价每名投诉处理人员的能力（现场观察、案例复核、考试等），记录评价日期并归档签字的评价记录。"),
	Doc: T("One minor finding per handler without an evaluation date, with a date after the as-of date, or without the evaluation file in the dossier. Training hours and qualifications are judged by their own checks; they do not stand in for an evaluation.",
		"每名投诉处理人员缺少评价日期、评价日期晚于基准日或评价记录文件不在资料包中，各为一项轻微不符合。培训学时和资质证书由各自的检查判断，不能代替能力评价。"),
	Run: runCompetenceEvaluation,
}

func init() { Register(peopleCompetenceEvaluation) }

func runCompetenceEvaluation(p *Pass) {
	d := p.Dossier
	for _, h := range handlers(d) {
		switch {
		case h.CompetenceEvaluated.IsZero():
			field := p.Field("people", "competence_evaluated")
			p.Reportf(h.PosOf("competence_evaluated"), personRecord(h), Text{
				EN: fmt.Sprintf("Complaint handler %s has no competence evaluation on record (%s is blank)", h.ID, field.EN),
				ZH: fmt.Sprintf("投诉处理人员 %s 没有能力评价记录（%s为空）", h.ID, field.ZH)})
		case h.CompetenceEvaluated.After(p.AsOf):
			p.Reportf(h.PosOf("competence_evaluated"), personRecord(h), Tf(
				"Complaint handler %s's competence evaluation is dated %s, after the as-of date %s",
				"投诉处理人员 %s 的能力评价日期 %s 晚于评估基准日 %s", h.ID, h.CompetenceEvaluated, p.AsOf))
		case !evidenceExists(d, h.CompetenceEvaluation):
			what := Text{EN: "no evaluation record file is given", ZH: "未填写" + p.Field("people", "competence_evaluation").ZH}
			if h.CompetenceEvaluation != "" {
				what = Tf("%s is missing from the dossier or empty", "%s 不在资料包中或为空文件", h.CompetenceEvaluation)
			}
			p.Reportf(h.PosOf("competence_evaluation"), personRecord(h), Text{
				EN: fmt.Sprintf("Complaint handler %s's competence evaluation of %s is not on file: %s", h.ID, h.CompetenceEvaluated, what.EN),
				ZH: fmt.Sprintf("投诉处理人员 %s 于 %s 的能力评价没有记录在案：%s", h.ID, h.CompetenceEvaluated, what.ZH),
			})
		}
	}
}
