package checks

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

// The people family (R10, R11): who owns complaints handling, whether top
// management stands behind it, and whether the handlers are trained and
// qualified. Findings about a person name the staff number only: names
// are personal data and the report is shared with the certification body.

// Roles and topics used below, spelled as in dossier.PersonRoles and
// dossier.TrainingTopics.
const (
	roleTopManagement    = "top_management"
	roleManagementRep    = "management_representative"
	roleComplaintMgr     = "complaint_manager"
	roleWorkingGroupLead = "working_group_lead"
	roleWorkingGroup     = "working_group"
)

// requiredTopics are the training contents seed 000 §2.2 lists for every
// complaint handler.
var requiredTopics = []string{"complaint_skills", "customer_psychology", "product_knowledge", "laws_regulations"}

var (
	peopleDepartment = &Check{
		ID:          "people.department",
		Title:       T("Dedicated complaint-management department or post", "设有专门的投诉管理部门或岗位"),
		Severity:    Observation,
		Requirement: []string{"R10"},
		Clauses:     []string{"5.4"},
		Basis:       OnPractice,
		Source:      T("Chinese certification consultancy guidance (R10).", "国内认证咨询资料（R10）。"),
		Principles:  []string{"4.12"},
		Evidence: T("The department or post responsible for managing complaints, named in the organisation record or held by a person with the complaint_manager role.",
			"在组织信息中写明负责投诉管理的部门或岗位，或有人员担任“投诉管理负责人”角色。"),
		Remedy: T("Assign complaints management to a department or post, record it in {{organisation.complaint_department}}, and give its head the role complaint_manager in {{people.roles}}.",
			"明确负责投诉管理的部门或岗位，填写{{organisation.complaint_department}}，并在{{people.roles}}中为其负责人设置“投诉管理负责人”角色。"),
		Run: runDepartment,
	}
	peopleManagementRep = &Check{
		ID:          "people.management-rep",
		Title:       T("Management representative for complaints handling appointed", "任命投诉处理管理者代表"),
		Severity:    Major,
		Requirement: []string{"R10"},
		Clauses:     []string{"5.4"},
		Basis:       OnStandard,
		Principles:  []string{"4.12"},
		Evidence: T("A person with the management_representative role, appointed by top management with authority over the complaints-handling process.",
			"由最高管理者任命、对投诉处理过程负有职责和权限的管理者代表（角色“管理者代表”）。"),
		Remedy: T("Appoint a management representative in writing and give that person the management_representative role in the people sheet.",
			"书面任命管理者代表，并在人员表中为其设置“管理者代表”角色。"),
		Run: runManagementRep,
	}
	peopleTopCommitment = &Check{
		ID:          "people.top-commitment",
		Title:       T("Top-management commitment evidenced", "最高管理者的承诺有证据"),
		Severity:    Major,
		Requirement: []string{"R10"},
		Clauses:     []string{"5.2"},
		Basis:       OnStandard,
		Principles:  []string{"4.2"},
		Manual:      true,
		Evidence: T("A commitment statement or complaints-handling policy approved by top management, or a management review of complaints handling chaired by top management; the auditor will also interview top management.",
			"由最高管理者批准的承诺书或投诉处理方针，或由最高管理者主持的投诉处理管理评审；审核时还将访谈最高管理者。"),
		Remedy: T("Have top management approve and sign the complaints-handling policy or a commitment statement, record the approver, and have top management chair the management review.",
			"由最高管理者批准并签署投诉处理方针或承诺书，登记批准人，并由最高管理者主持管理评审。"),
		Run: runTopCommitment,
	}
	peopleTrainingHours = &Check{
		ID:          "people.training-hours",
		Title:       T("Complaint handlers have enough training hours", "投诉处理人员培训学时达标"),
		Severity:    Major,
		Requirement: []string{"R11"},
		Clauses:     []string{"6.4"},
		Basis:       OnPolicy,
		Figure:      "training_hours",
		Source:      T("The organisation's own training requirement; where it states none, recommended practice (24 h). ISO 10002 4.14 asks for competence, not hours.", "组织自身规定的培训要求；未规定时采用推荐做法（24 小时）。ISO 10002 4.14 要求人员能力，未规定学时。"),
		Principles:  []string{"4.14"},
		Evidence: T("For each complaint handler, training sessions attended totalling at least the configured hours (24 by default), as shown by sign-in sheets.",
			"每名投诉处理人员参加培训累计不少于规定学时（默认24学时），有签到表为证。"),
		Remedy: T("Schedule further training for the handlers listed and record each session with its attendees and hours.",
			"为所列人员补充培训，并记录每次培训的参训人员和学时。"),
		Doc: T("Hours are summed over sessions held on or before the as-of date, and within training_window_months of it when that threshold is set.",
			"学时按评估日及之前举办的培训累计；设置 training_window_months 时只计该期间内的培训。"),
		Run: runTrainingHours,
	}
	peopleTrainingTopics = &Check{
		ID:          "people.training-topics",
		Title:       T("Complaint handlers trained in every recommended topic", "投诉处理人员培训内容齐全"),
		Severity:    Observation,
		Requirement: []string{"R11"},
		Clauses:     []string{"6.4"},
		Basis:       OnPractice,
		Source:      T("Chinese certification consultancy guidance (R11).", "国内认证咨询资料（R11）。"),
		Principles:  []string{"4.14"},
		Evidence: T("Each complaint handler attended training on complaint-handling skills, customer psychology, product and service knowledge, and relevant laws and regulations.",
			"每名投诉处理人员均接受过投诉处理技巧、顾客心理、产品和服务知识、相关法律法规的培训。"),
		Remedy: T("Add sessions on the missing topics and record their topics (complaint_skills; customer_psychology; product_knowledge; laws_regulations).",
			"补充缺少内容的培训，并登记培训内容（投诉处理技巧; 顾客心理; 产品和服务知识; 法律法规）。"),
		Run: runTrainingTopics,
	}
	peopleTrainingRecords = &Check{
		ID:          "people.training-records",
		Title:       T("Training records complete: sign-in, assessment, scores", "培训记录完整：签到、考核、成绩"),
		Severity:    Minor,
		Requirement: []string{"R11"},
		Clauses:     []string{"6.4"},
		Nodes:       []string{"cn-scheme:S3.1"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' application materials: training plan and records.", "认证机构申请材料：培训计划和记录。"),
		Principles:  []string{"4.14"},
		Evidence: T("For each session: the sign-in sheet, the assessment record and a score for every attendee.",
			"每次培训的签到表、考核记录以及每名参训人员的成绩。"),
		Remedy: T("File the sign-in sheet and assessment record of each session in the dossier and enter each attendee's score as id:score.",
			"将每次培训的签到表和考核记录存入资料，并按“工号:分数”登记每名参训人员的成绩。"),
		Run: runTrainingRecords,
	}
	peopleTrainingPlan = &Check{
		ID:          "people.training-plan",
		Title:       T("Training plan on file", "有培训计划"),
		Severity:    Minor,
		Requirement: []string{"R11"},
		Clauses:     []string{"6.4"},
		Nodes:       []string{"cn-scheme:S3.1"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' application materials: training plan and records.", "认证机构申请材料：培训计划和记录。"),
		Principles:  []string{"4.14"},
		Evidence:    T("A training plan (document kind training_plan) for complaint-handling staff.", "投诉处理人员培训计划（文件类型“培训计划”）。"),
		Remedy:      T("Write and approve an annual training plan for complaint-handling staff and add it to the documents sheet.", "编制并批准投诉处理人员年度培训计划，登记在文件表中。"),
		Run:         runTrainingPlan,
	}
	peopleQualifications = &Check{
		ID:          "people.qualifications",
		Title:       T("Complaint handlers hold a current qualification", "投诉处理人员持有有效资质证书"),
		Severity:    Observation,
		Requirement: []string{"R11"},
		Clauses:     []string{"6.4"},
		Basis:       OnPractice,
		Source:      T("Chinese certification consultancy guidance (R11).", "国内认证咨询资料（R11）。"),
		Principles:  []string{"4.14"},
		Evidence: T("For each complaint handler, at least one qualification certificate valid on the as-of date, with a scan in the dossier.",
			"每名投诉处理人员至少持有一份在评估日有效的资质证书，并有扫描件。"),
		Remedy: T("Record each handler's certificate with its validity and add the scan; arrange certification for handlers who have none.",
			"登记每名投诉处理人员的证书及有效期并附扫描件；为没有证书的人员安排取证。"),
		Run: runQualifications,
	}
)

func init() {
	Register(peopleDepartment, peopleManagementRep, peopleTopCommitment, peopleTrainingHours,
		peopleTrainingTopics, peopleTrainingRecords, peopleTrainingPlan, peopleQualifications)
}

// personRecord names a person for waivers and diffs by staff number only.
func personRecord(p *dossier.Person) string { return "person " + p.ID }

// peopleWithRole returns the people holding the role.
func peopleWithRole(d *dossier.Dossier, role string) []*dossier.Person {
	return where(d.People, func(p *dossier.Person) bool { return p.HasRole(role) })
}

// handlers returns the people marked as complaint handlers.
func handlers(d *dossier.Dossier) []*dossier.Person {
	return where(d.People, func(p *dossier.Person) bool { return p.Handler })
}

// noPeopleText explains why no person was found, so the remedy is clear.
func noPeopleText(d *dossier.Dossier) Text {
	if !d.Present["people"] {
		return T("the dossier has no people file or sheet", "资料中没有人员文件或工作表")
	}
	return T("nobody in the people sheet holds it", "人员表中无人担任")
}

func runDepartment(p *Pass) {
	d := p.Dossier
	if d.Organisation != nil && strings.TrimSpace(d.Organisation.ComplaintDepartment) != "" {
		return
	}
	if len(peopleWithRole(d, roleComplaintMgr)) > 0 {
		return
	}
	p.Reportf(orgPos(d, "complaint_department"), "organisation",
		T("No complaint-management department or post: {{organisation.complaint_department}} is empty and nobody has the complaint_manager role.",
			"没有投诉管理部门或岗位：{{organisation.complaint_department}}为空，且无人担任“投诉管理负责人”角色。"))
}

func runManagementRep(p *Pass) {
	d := p.Dossier
	if len(peopleWithRole(d, roleManagementRep)) > 0 {
		return
	}
	why := noPeopleText(d)
	p.Reportf(p.Dossier.PlaceOf("people"), "role "+roleManagementRep,
		Text{
			EN: fmt.Sprintf("No management representative for complaints handling (role management_representative): %s.", why.EN),
			ZH: fmt.Sprintf("未任命投诉处理管理者代表（角色“%s”）：%s。", labelZH("role", roleManagementRep), why.ZH),
		})
}

// isPerson reports whether a free-text reference (a staff number or a
// name, as approvers and chairs are written) designates one of people.
func isPerson(ref string, people []*dossier.Person) bool {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return false
	}
	for _, p := range people {
		if ref == p.ID || (p.Name != "" && sameName(ref, p.Name)) {
			return true
		}
	}
	return false
}

func runTopCommitment(p *Pass) {
	d := p.Dossier
	top := peopleWithRole(d, roleTopManagement)
	docs := docsOfKind(d, "commitment", "policy")
	for _, doc := range docs {
		if isPerson(doc.ApprovedBy, top) {
			return
		}
	}
	for i := range d.Reviews {
		if isPerson(d.Reviews[i].Chair, top) {
			return
		}
	}
	switch {
	case len(top) == 0:
		why := noPeopleText(d)
		p.Reportf(p.Dossier.PlaceOf("people"), "role "+roleTopManagement,
			Text{
				EN: fmt.Sprintf("Top-management commitment cannot be evidenced: no person has the top_management role (%s).", why.EN),
				ZH: fmt.Sprintf("无法证明最高管理者的承诺：无人担任“%s”角色（%s）。", labelZH("role", roleTopManagement), why.ZH),
			})
	case len(docs) == 0 && len(d.Reviews) == 0:
		p.Reportf(p.Dossier.PlaceOf("documents"), "document kind commitment",
			T("No commitment statement or policy (document kind commitment or policy) and no management review evidences top-management commitment.",
				"没有承诺书或方针（文件类型“承诺书”或“方针”），也没有管理评审，无法证明最高管理者的承诺。"))
	default:
		// The approver and the chair are names, i.e. personal data, so the
		// message names the documents and reviews, never the people.
		var refs []string
		var pos dossier.Pos
		for _, doc := range docs {
			refs = append(refs, doc.ID)
			if pos.IsZero() {
				pos = doc.PosOf("approved_by")
			}
		}
		for i := range d.Reviews {
			refs = append(refs, d.Reviews[i].ID)
			if pos.IsZero() {
				pos = d.Reviews[i].PosOf("chair")
			}
		}
		p.Reportf(pos, "document kind commitment",
			Text{
				EN: fmt.Sprintf("None of %s is approved or chaired by a person with the top_management role.", strings.Join(refs, ", ")),
				ZH: fmt.Sprintf("%s 均非由担任“%s”角色的人员批准或主持。", strings.Join(refs, "、"), labelZH("role", roleTopManagement)),
			})
	}
}

func sessionsCounted(p *Pass) []*dossier.Training {
	return p.Dossier.SessionsCounted(p.AsOf, p.T().TrainingWindowMonth)
}

func attended(s *dossier.Training, id string) bool { return s.Attended(id) }

// noHandlers reports that nobody is marked as a complaint handler; the
// per-handler checks have nothing to measure otherwise and would pass.
func noHandlers(p *Pass) {
	why := noPeopleText(p.Dossier)
	p.Reportf(p.Dossier.PlaceOf("people"), "people handler",
		Text{
			EN: fmt.Sprintf("Nobody is marked as a complaint handler (yes in %s): %s.", p.Field("people", "handler").EN, why.EN),
			ZH: fmt.Sprintf("无人标记为投诉处理人员（%s为“是”）：%s。", p.Field("people", "handler").ZH, why.ZH),
		})
}

// unitCount is 1 for exactly one of a measured quantity and 2 for any
// other amount (0.5 hours, 1.5 hours), for the noun's number.
func unitCount(x float64) int {
	if x == 1 {
		return 1
	}
	return 2
}

func runTrainingHours(p *Pass) {
	hs := handlers(p.Dossier)
	if len(hs) == 0 {
		noHandlers(p)
		return
	}
	need := p.T().TrainingHours
	sessions := sessionsCounted(p)
	for _, h := range hs {
		var hours float64
		var n int
		for _, s := range sessions {
			if attended(s, h.ID) {
				hours += s.Hours
				n++
			}
		}
		if hours >= need {
			continue
		}
		// The figure's basis words the demand: 24 h of recommended
		// practice is a recommendation, the organisation's own figure a
		// requirement of its policy.
		want := vocab.Expects(p.Fig("training_hours").Basis)
		p.Reportf(h.Pos, personRecord(h), T(
			fmt.Sprintf("Complaint handler %s has %s training %s from %s; at least %s %s %s.", h.ID, fmtNum(hours), vocab.Noun(unitCount(hours), "hour"),
				vocab.Count(n, "session"), fmtNum(need), vocab.Verb(unitCount(need), "is", "are"), want.EN),
			fmt.Sprintf("投诉处理人员 %s 的培训学时为 %s（%d 次培训）；%s不少于 %s 学时。", h.ID, fmtNum(hours), n, want.ZH, fmtNum(need))))
	}
}

func runTrainingTopics(p *Pass) {
	hs := handlers(p.Dossier)
	if len(hs) == 0 {
		noHandlers(p)
		return
	}
	sessions := sessionsCounted(p)
	for _, h := range hs {
		covered := map[string]bool{}
		for _, s := range sessions {
			if attended(s, h.ID) {
				for _, t := range s.Topics {
					covered[t] = true
				}
			}
		}
		var missing []string
		for _, t := range requiredTopics {
			if !covered[t] {
				missing = append(missing, t)
			}
		}
		if len(missing) == 0 {
			continue
		}
		p.Reportf(h.Pos, personRecord(h),
			Text{
				EN: fmt.Sprintf("Complaint handler %s has no recorded training in: %s.", h.ID, strings.Join(missing, ", ")),
				ZH: fmt.Sprintf("投诉处理人员 %s 缺少以下内容的培训记录：%s。", h.ID, strings.Join(labelsZH("topic", missing), "、")),
			})
	}
}

// parseScores reads "P01:92" items (also with "：" or "=") into a map from
// person id to score; items that do not parse are returned separately.
func parseScores(items []string) (map[string]float64, []string) {
	scores := map[string]float64{}
	var bad []string
	for _, it := range items {
		i := strings.IndexAny(it, ":：=")
		if i < 0 {
			bad = append(bad, it)
			continue
		}
		id := strings.TrimSpace(it[:i])
		_, w := utf8.DecodeRuneInString(it[i:])
		v, err := strconv.ParseFloat(strings.TrimSpace(it[i+w:]), 64)
		if id == "" || err != nil {
			bad = append(bad, it)
			continue
		}
		scores[id] = v
	}
	return scores, bad
}

func runTrainingRecords(p *Pass) {
	d := p.Dossier
	if len(d.Training) == 0 {
		why := T("the training sheet lists none", "培训表中没有记录")
		if !d.Present["training"] {
			why = T("the dossier has no training file or sheet", "资料中没有培训文件或工作表")
		}
		p.Reportf(p.Dossier.PlaceOf("training"), "training",
			Text{
				EN: fmt.Sprintf("No training sessions are recorded: %s.", why.EN),
				ZH: fmt.Sprintf("没有培训记录：%s。", why.ZH),
			})
		return
	}
	for i := range d.Training {
		s := &d.Training[i]
		rec := "training " + s.ID
		for _, ev := range []struct{ key, en, zh, path string }{
			{"sign_in", "sign-in sheet", "签到表", s.SignIn},
			{"assessment", "assessment record", "考核记录", s.Assessment},
		} {
			switch {
			case ev.path == "":
				p.Reportf(s.PosOf(ev.key), rec,
					Text{
						EN: fmt.Sprintf("Training session %s has no %s (%s).", s.ID, ev.en, p.Field("training", ev.key).EN),
						ZH: fmt.Sprintf("培训 %s 缺少%s（%s）。", s.ID, ev.zh, p.Field("training", ev.key).ZH),
					})
			case !evidenceExists(d, ev.path):
				p.Reportf(s.PosOf(ev.key), rec,
					Text{
						EN: fmt.Sprintf("The %s of training session %s, %s, is missing from the dossier or empty.", ev.en, s.ID, ev.path),
						ZH: fmt.Sprintf("培训 %s 的%s %s 不在资料中或为空文件。", s.ID, ev.zh, ev.path),
					})
			}
		}
		scores, bad := parseScores(s.Scores)
		var unscored, unknown []string
		for _, a := range s.Attendees {
			a = strings.TrimSpace(a)
			if _, ok := scores[a]; !ok {
				unscored = append(unscored, a)
			}
			if d.PersonByID(a) == nil {
				unknown = append(unknown, a)
			}
		}
		if len(unscored) > 0 {
			p.Reportf(s.PosOf("scores"), rec,
				Text{
					EN: fmt.Sprintf("Training session %s has no assessment score for: %s.", s.ID, strings.Join(unscored, ", ")),
					ZH: fmt.Sprintf("培训 %s 缺少以下人员的考核成绩：%s。", s.ID, strings.Join(unscored, "、")),
				})
		}
		if len(bad) > 0 {
			p.Reportf(s.PosOf("scores"), rec,
				Text{
					EN: fmt.Sprintf("Training session %s has scores not written as id:score: %s.", s.ID, strings.Join(bad, ", ")),
					ZH: fmt.Sprintf("培训 %s 的成绩未按“工号:分数”填写：%s。", s.ID, strings.Join(bad, "、")),
				})
		}
		if len(unknown) > 0 {
			p.Report(Finding{
				Pos: s.PosOf("attendees"), Record: rec, Severity: Observation,
				Message: Text{
					EN: fmt.Sprintf("Training session %s lists attendees not in the people sheet: %s.", s.ID, strings.Join(unknown, ", ")),
					ZH: fmt.Sprintf("培训 %s 的参训人员不在人员表中：%s。", s.ID, strings.Join(unknown, "、")),
				},
			})
		}
	}
}

func runTrainingPlan(p *Pass) {
	if len(docsOfKind(p.Dossier, "training_plan")) > 0 {
		return
	}
	p.Reportf(p.Dossier.PlaceOf("documents"), "document kind training_plan",
		T("No training plan (a document of kind training_plan) is on file.", "没有培训计划（文件类型为“培训计划”的文件）。"))
}

func runQualifications(p *Pass) {
	d := p.Dossier
	hs := handlers(d)
	if len(hs) == 0 {
		noHandlers(p)
		return
	}
	byPerson := map[string][]*dossier.Qualification{}
	for i := range d.Qualifications {
		q := &d.Qualifications[i]
		byPerson[q.Person] = append(byPerson[q.Person], q)
	}
	for _, h := range hs {
		qs := byPerson[h.ID]
		if len(qs) == 0 {
			p.Reportf(h.Pos, personRecord(h),
				Tf("Complaint handler %s has no qualification certificate on record.", "投诉处理人员 %s 没有资质证书记录。", h.ID))
			continue
		}
		var expired, unfiled []string
		ok := false
		pos := qs[0].Pos
		for _, q := range qs {
			// A certificate that states no end date is taken as not expiring.
			current := q.ValidUntil.IsZero() || q.ValidUntil.ValidOn(p.AsOf)
			onFile := evidenceExists(d, q.Evidence)
			switch {
			case current && onFile:
				ok = true
			case !current:
				expired = append(expired, qualName(q)+" ("+q.ValidUntil.String()+")")
				pos = q.PosOf("valid_until")
			default:
				unfiled = append(unfiled, qualName(q))
				pos = q.PosOf("evidence")
			}
		}
		if ok {
			continue
		}
		var en, zh []string
		if len(expired) > 0 {
			en = append(en, "expired: "+strings.Join(expired, ", "))
			zh = append(zh, "已过期："+strings.Join(expired, "、"))
		}
		if len(unfiled) > 0 {
			en = append(en, "no scan in the dossier: "+strings.Join(unfiled, ", "))
			zh = append(zh, "资料中无扫描件："+strings.Join(unfiled, "、"))
		}
		p.Reportf(pos, personRecord(h),
			Text{
				EN: fmt.Sprintf("Complaint handler %s holds no current qualification with evidence on %s (%s).", h.ID, p.AsOf, strings.Join(en, "; ")),
				ZH: fmt.Sprintf("投诉处理人员 %s 在 %s 没有有效且有证明文件的资质证书（%s）。", h.ID, p.AsOf, strings.Join(zh, "；")),
			})
	}
}

// qualName identifies a certificate by number when it has one, since the
// name alone ("客户投诉处理师") is shared by many.
func qualName(q *dossier.Qualification) string {
	if q.Number != "" {
		return q.Name + " " + q.Number
	}
	return q.Name
}

// fmtNum renders a figure without a pointless ".0".
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
