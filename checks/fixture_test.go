package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// fixtureAsOf is the as-of date readyDossier is ready on: seven months
// after its system went live, a month after its management review.
var fixtureAsOf = dossier.Date{Year: 2026, Month: time.October, Day: 15}

// fixtureUSCC is a GB 32100-valid code whose embedded organisation code
// (12345678-8) is itself GB 11714-valid, so it draws no warning either.
const fixtureUSCC = "913301061234567887"

// fixtureZone is Beijing time without depending on the host's tz database.
var fixtureZone = time.FixedZone("CST", 8*3600)

// day builds a date for the fixture.
func day(y int, m time.Month, d int) dossier.Date { return dossier.Date{Year: y, Month: m, Day: d} }

// at builds a time in the fixture's zone.
func at(m time.Month, d, hh, mm int) time.Time {
	return time.Date(2026, m, d, hh, mm, 0, 0, fixtureZone)
}

// meta places a record at line of file and each of its keys on the lines
// after it, as a YAML list item would be, so tests can tell a finding that
// points at a field from one that points at the record.
func meta(file string, line int, keys ...string) dossier.Meta {
	m := dossier.Meta{Pos: dossier.Pos{File: file, Line: line, Col: 3}, Fields: map[string]dossier.Pos{}}
	for i, k := range keys {
		m.Fields[k] = dossier.Pos{File: file, Line: line + i + 1, Col: 5}
	}
	return m
}

func fptr(v float64) *float64 { return &v }

func bptr(v bool) *bool { return &v }

// readyDossier returns a complete organisation that is ready to apply on
// fixtureAsOf: every record type is filled and every evidence file it
// references exists. Each call builds a fresh value, so a test mutates its
// own copy to make one thing fail.
func readyDossier() *dossier.Dossier {
	org := &dossier.Organisation{
		Meta:                meta("organisation.yaml", 1, "name", "uscc", "org_code", "legal_rep", "legal_rep_id", "legal_rep_id_file", "sector", "established", "annual_revenue", "system_live", "complaint_department"),
		Name:                "杭州示例食品有限公司",
		NameEN:              "Hangzhou Example Foods Co., Ltd.",
		USCC:                fixtureUSCC,
		LegalRep:            "王建国",
		LegalRepIDFile:      "evidence/legal-rep-id.pdf",
		Sector:              "food",
		Address:             "浙江省杭州市西湖区文三路100号",
		BusinessScope:       "食品销售；餐饮服务",
		Established:         day(2012, time.May, 18),
		AnnualRevenue:       120_000_000,
		SystemLive:          day(2026, time.March, 1),
		ComplaintDepartment: "客户服务部",
		Employees:           320,
		Website:             "https://www.example.cn",
		Sites:               []string{"浙江省杭州市西湖区文三路100号"},
	}
	licenceKeys := []string{"type", "number", "name", "valid_until", "scope", "address", "established", "evidence"}
	licences := []dossier.Licence{
		{
			Meta: meta("licences.yaml", 1, licenceKeys...), Type: "business_licence", Number: fixtureUSCC,
			Name: org.Name, Issuer: "杭州市西湖区市场监督管理局", Issued: day(2021, time.June, 1),
			ValidUntil: dossier.Expiry{Indefinite: true}, Scope: org.BusinessScope, Address: org.Address,
			Established: org.Established, Evidence: "evidence/business-licence.pdf",
		},
		{
			Meta: meta("licences.yaml", 20, licenceKeys...), Type: "food_operation", Number: "JY13301060012345",
			Name: org.Name, Issuer: "杭州市西湖区市场监督管理局", Issued: day(2025, time.January, 10),
			ValidUntil: dossier.Expiry{Date: day(2030, time.January, 9)}, Scope: "预包装食品销售",
			Address: org.Address, Evidence: "evidence/food-operation.pdf",
		},
	}
	doc := func(line int, id, title, kind string, covers ...string) dossier.Document {
		return dossier.Document{
			Meta: meta("documents.yaml", line, "id", "kind", "approved_by", "file", "covers"),
			ID:   id, Title: title, Kind: kind, Version: "A/1", ApprovedBy: "王建国",
			ApprovedOn: day(2026, time.February, 20), Effective: day(2026, time.March, 1),
			LastReviewed: day(2026, time.September, 1), File: "docs/" + id + ".pdf", Covers: covers,
		}
	}
	procedure := doc(20, "PR-01", "投诉处理程序", "procedure", "receipt", "classification", "assessment", "action",
		"execution", "follow_up", "closing", "time_limits", "categories", "escalation", "confidentiality", "objectivity")
	procedure.ContactWithinH, procedure.SolutionWithinH = 24, 48
	analysis := doc(80, "AN-2026-Q3", "2026年第三季度投诉分析报告", "analysis", "analysis_report")
	analysis.Effective = day(2026, time.October, 8)
	survey := doc(90, "SR-2026", "2026年顾客满意度调查报告", "survey_report")
	survey.Effective = day(2026, time.September, 20)
	documents := []dossier.Document{
		doc(1, "QM-01", "投诉处理质量手册", "manual", "policy", "scope", "organisation_structure", "responsibilities", "commitment"),
		procedure,
		doc(30, "WI-01", "投诉原因分析与沟通作业指导书", "instruction", "root_cause_methods", "communication_norms", "form_rules"),
		doc(40, "F-01", "投诉受理登记表", "form", "intake_register"),
		doc(50, "F-02", "投诉处理记录表", "form", "handling_record"),
		doc(60, "F-03", "投诉回访记录表", "form", "follow_up_record"),
		doc(70, "F-04", "投诉分析报告模板", "form", "analysis_report"),
		analysis,
		survey,
		doc(100, "POL-01", "投诉处理方针", "policy", "policy", "commitment"),
		doc(110, "CM-01", "最高管理者投诉处理承诺书", "commitment", "commitment"),
		doc(120, "PF-01", "企业简介", "profile", "history", "products_services", "markets", "culture"),
		doc(130, "TP-2026", "2026年投诉处理人员培训计划", "training_plan"),
		doc(140, "AR-2026", "2026年内部审核报告", "audit_report"),
		doc(150, "RM-2026", "2026年管理评审纪要", "review_minutes"),
		doc(160, "CERT-9001", "ISO 9001 质量管理体系认证证书", "certificate"),
		doc(170, "PL-01", "GB/T 19012 认证工作计划", "plan"),
		doc(180, "OC-01", "组织机构图", "org_chart"),
		doc(190, "JD-01", "投诉处理岗位职责说明书", "job_description"),
		doc(200, "AP-01", "管理者代表任命书", "appointment"),
		doc(210, "LR-01", "适用法律法规清单", "law_register", "consumer_protection_law", "personal_information_protection_law",
			"product_quality_law", "complaint_measures", "sector_law"),
		doc(220, "RR-01", "记录控制程序", "retention_rules", "record_retention"),
		doc(230, "PC-01", "投诉处理流程及流程图（对外公示版）", "process_chart"),
		doc(240, "DC-01", "无重大违法违规及质量事故声明", "declaration"),
	}
	people := []dossier.Person{
		{Meta: meta("people.yaml", 1, "id", "roles"), ID: "P01", Name: "王建国", Department: "总经理办公室", Title: "总经理",
			Roles: []string{"top_management", "working_group_lead"}, Joined: day(2012, time.May, 18)},
		{Meta: meta("people.yaml", 10, "id", "roles"), ID: "P02", Name: "李娜", Department: "客户服务部", Title: "客服经理",
			Handler: true, Roles: []string{"complaint_manager", "management_representative", "handler", "working_group"},
			Phone: "13812345678", Email: "li.na@example.cn", Joined: day(2020, time.April, 1),
			CompetenceEvaluated: day(2026, time.June, 30), CompetenceEvaluation: "evidence/competence/P02.pdf"},
		{Meta: meta("people.yaml", 20, "id", "roles"), ID: "P03", Name: "张伟", Department: "客户服务部", Title: "投诉专员",
			Handler: true, Roles: []string{"handler"}, Joined: day(2022, time.July, 1),
			CompetenceEvaluated: day(2026, time.June, 30), CompetenceEvaluation: "evidence/competence/P03.pdf"},
		{Meta: meta("people.yaml", 30, "id", "roles"), ID: "P04", Name: "赵敏", Department: "质量部", Title: "内审员",
			Roles: []string{"auditor", "working_group"}, Joined: day(2019, time.March, 1)},
	}
	qualifications := []dossier.Qualification{
		{Meta: meta("qualifications.yaml", 1, "person", "valid_until", "evidence"), Person: "P02", Name: "客户投诉处理师", Number: "CS-2025-0012",
			Issuer: "中国质量协会", Issued: day(2025, time.June, 30), ValidUntil: dossier.Expiry{Date: day(2028, time.June, 29)}, Evidence: "evidence/cert-P02.pdf"},
		{Meta: meta("qualifications.yaml", 10, "person", "valid_until", "evidence"), Person: "P03", Name: "客户投诉处理师", Number: "CS-2025-0013",
			Issuer: "中国质量协会", Issued: day(2025, time.June, 30), ValidUntil: dossier.Expiry{Date: day(2028, time.June, 29)}, Evidence: "evidence/cert-P03.pdf"},
		{Meta: meta("qualifications.yaml", 20, "person", "valid_until", "evidence"), Person: "P04", Name: "GB/T 19012 内审员证书", Number: "IA-2025-0301",
			Issuer: "认证培训机构", Issued: day(2025, time.November, 20), ValidUntil: dossier.Expiry{Indefinite: true}, Evidence: "evidence/cert-P04.pdf"},
	}
	session := func(line int, id string, date dossier.Date, topics ...string) dossier.Training {
		return dossier.Training{
			Meta: meta("training.yaml", line, "id", "hours", "topics", "attendees", "sign_in", "assessment", "scores"),
			ID:   id, Date: date, Hours: 8, Topics: topics, Trainer: "外部讲师",
			Attendees: []string{"P02", "P03"},
			SignIn:    "evidence/training/" + id + "-sign-in.pdf", Assessment: "evidence/training/" + id + "-assessment.pdf",
			Scores: []string{"P02:92", "P03:88"},
		}
	}
	training := []dossier.Training{
		session(1, "T01", day(2026, time.March, 10), "complaint_skills", "customer_psychology"),
		session(20, "T02", day(2026, time.April, 15), "product_knowledge", "laws_regulations"),
		session(40, "T03", day(2026, time.May, 20), "standard", "complaint_skills"),
	}
	channels := []dossier.Channel{
		{Meta: meta("channels.yaml", 1), ID: "phone", Type: "phone", Name: "客服热线", Contact: "400-800-1234", Hours: "8:30-20:00",
			Published: []string{"website", "store", "receipt"}, Free: bptr(true)},
		{Meta: meta("channels.yaml", 10), ID: "email", Type: "email", Name: "投诉邮箱", Contact: "complaints@example.cn", Hours: "24h",
			Published: []string{"website"}, Free: bptr(true)},
		{Meta: meta("channels.yaml", 20), ID: "web", Type: "web", Name: "官网在线投诉", Contact: "https://www.example.cn/complaints", Hours: "24h",
			Published: []string{"website", "app"}, Accessible: []string{"large_print"}, Free: bptr(true)},
		{Meta: meta("channels.yaml", 30), ID: "store", Type: "in_person", Name: "门店服务台", Contact: "文三路100号", Hours: "9:00-21:00",
			Published: []string{"store"}, Free: bptr(true)},
	}
	complaint := func(row int, id, channel, category, handler string, recv time.Time) dossier.Complaint {
		return dossier.Complaint{
			Pos: dossier.Pos{File: "complaints.csv", Row: row}, ID: id, ReceivedAt: recv, Channel: channel, Category: category,
			Complexity: "simple", Risk: "low", Description: "购买的酸奶已过期", Complainant: "陈先生", Phone: "13912345678",
			AcknowledgedAt: recv.Add(time.Hour), FirstResponseAt: recv.Add(20 * time.Hour),
			Steps: "核实批次；退款并致歉", ResolvedAt: recv.Add(26 * time.Hour), ClosedAt: recv.Add(48 * time.Hour),
			Status: "closed", Handler: handler, RootCause: "冷链温度记录缺失", CorrectiveAction: "增加冷柜温度巡检",
			FollowUpAt: recv.Add(72 * time.Hour), Satisfaction: "satisfied", Feedback: "满意",
			DecisionCommunicatedAt: recv.Add(27 * time.Hour),
		}
	}
	log := &dossier.SliceLog{Name: "complaints.csv", Rows: []dossier.Complaint{
		complaint(2, "C2026-0001", "phone", "quality", "P02", at(time.July, 6, 10, 5)),
		complaint(3, "C2026-0002", "web", "service", "P03", at(time.July, 14, 9, 30)),
		complaint(4, "C2026-0003", "email", "quality", "P02", at(time.August, 11, 15, 0)),
		complaint(5, "C2026-0004", "store", "service", "P03", at(time.September, 8, 11, 20)),
	}}
	d := &dossier.Dossier{
		Root:           "testdata/ready",
		Source:         "testdata/ready",
		Location:       fixtureZone,
		Organisation:   org,
		Licences:       licences,
		Documents:      documents,
		People:         people,
		Qualifications: qualifications,
		Training:       training,
		Channels:       channels,
		Categories: []dossier.Category{
			{Meta: meta("categories.yaml", 1), Code: "quality", Name: "产品质量", Department: "质量部"},
			{Meta: meta("categories.yaml", 10), Code: "service", Name: "服务态度", Department: "客户服务部"},
		},
		Surveys: []dossier.Survey{{Meta: meta("surveys.yaml", 1, "date", "report"), ID: "S2026-1", Date: day(2026, time.September, 15),
			Method: "电话回访+问卷", SampleSize: 400, Responses: 352, Score: fptr(92.5), ComplaintHandlingScore: fptr(90.1),
			Report: "evidence/survey-2026.pdf"}},
		Audits: []dossier.Audit{{Meta: meta("audits.yaml", 1), ID: "IA-2026-1", Date: day(2026, time.August, 20), Scope: "投诉处理全过程",
			CoversComplaints: true, Auditor: "赵敏", Findings: 1, Report: "evidence/audit-2026.pdf"}},
		Reviews: []dossier.Review{{Meta: meta("reviews.yaml", 1, "chair", "inputs", "outputs"), ID: "MR-2026-1", Date: day(2026, time.September, 10), Chair: "王建国",
			CoversComplaints: true, Inputs: []string{"complaint_analysis", "context_changes", "audit_results", "survey_results", "objectives", "improvement_opportunities"},
			Outputs: []string{"process_improvement", "resource_needs", "changes"}, Minutes: "evidence/review-2026.pdf"}},
		Actions: []dossier.Action{{Meta: meta("actions.yaml", 1), ID: "CA-01", Source: "IA-2026-1", Description: "修订投诉分类表",
			Owner: "李娜", Due: day(2026, time.October, 15), Closed: day(2026, time.October, 10), Status: "closed"}},
		Objectives: []dossier.Objective{{Meta: meta("objectives.yaml", 1, "report_every_months"), ID: "O1", Statement: "24小时内联系率", Metric: "ack_24h_rate",
			Target: fptr(98), Unit: "%", Actual: fptr(99.1), Period: "2026", Owner: "李娜", ReportEveryMonths: 3}},
		Monitoring: []dossier.MonitoringReport{
			{Meta: meta("monitoring.yaml", 1, "date"), ID: "MON-2026-1", Date: day(2026, time.June, 5), Period: "2026-03/05", ReportedTo: "P01"},
			{Meta: meta("monitoring.yaml", 10, "date"), ID: "MON-2026-2", Date: day(2026, time.September, 5), Period: "2026-06/08", ReportedTo: "P01"},
		},
		Resources: &dossier.Resources{Meta: meta("resources.yaml", 1, "budget", "budget_evidence", "crm", "crm_since", "workspace", "equipment"),
			Budget: 800_000, BudgetYear: 2026, BudgetEvidence: "evidence/budget-2026.pdf", CRM: "纷享销客 CRM",
			CRMSince: day(2025, time.November, 1), Workspace: "客服中心 3 楼",
			Equipment: []string{"call_recording", "computer", "printer", "phone"}},
		Plan: []dossier.PlanStep{
			{Meta: meta("plan.yaml", 1, "owner", "due", "done"), Step: "成立认证工作小组", Owner: "王建国",
				Start: day(2026, time.January, 5), Due: day(2026, time.January, 15), Done: day(2026, time.January, 12)},
			{Meta: meta("plan.yaml", 10, "owner", "due", "done"), Step: "体系文件编制", Owner: "李娜",
				Start: day(2026, time.January, 16), Due: day(2026, time.February, 28), Done: day(2026, time.February, 25)},
			{Meta: meta("plan.yaml", 20, "owner", "due", "done"), Step: "内部审核和管理评审", Owner: "赵敏",
				Start: day(2026, time.August, 1), Due: day(2026, time.September, 30), Done: day(2026, time.September, 10)},
			{Meta: meta("plan.yaml", 30, "owner", "due", "done"), Step: "提交认证申请", Owner: "李娜",
				Start: day(2026, time.October, 16), Due: day(2026, time.November, 30)},
		},
		Complaints: log,
		Present:    map[string]bool{},
	}
	for _, rt := range dossier.Types() {
		d.Present[rt.Name] = true
	}
	d.Evidence = fixtureEvidence(d)
	return d
}

// fixtureEvidence registers every file the dossier references as present,
// so a test makes a file "missing" by deleting its entry.
func fixtureEvidence(d *dossier.Dossier) map[string]*dossier.Evidence {
	paths := []string{d.Organisation.LegalRepIDFile, d.Resources.BudgetEvidence}
	for _, l := range d.Licences {
		paths = append(paths, l.Evidence)
	}
	for _, doc := range d.Documents {
		paths = append(paths, doc.File)
	}
	for _, q := range d.Qualifications {
		paths = append(paths, q.Evidence)
	}
	for _, p := range d.People {
		paths = append(paths, p.CompetenceEvaluation)
	}
	for _, t := range d.Training {
		paths = append(paths, t.SignIn, t.Assessment)
	}
	for _, s := range d.Surveys {
		paths = append(paths, s.Report)
	}
	for _, a := range d.Audits {
		paths = append(paths, a.Report)
	}
	for _, r := range d.Reviews {
		paths = append(paths, r.Minutes)
	}
	ev := map[string]*dossier.Evidence{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		sum := sha256.Sum256([]byte(p))
		ev[p] = &dossier.Evidence{Path: p, Exists: true, Size: int64(len(p)) * 1024, SHA256: hex.EncodeToString(sum[:])}
	}
	return ev
}

// newFixturePass prepares a pass over d with the default configuration on
// fixtureAsOf; a test may change its Config or AsOf before running.
func newFixturePass(d *dossier.Dossier) *Pass {
	return NewPass(d, nil, config.Default(), cn.Default(), fixtureAsOf)
}

// runCheck runs one registered check over d with the defaults.
func runCheck(t testing.TB, id string, d *dossier.Dossier) []Finding {
	t.Helper()
	return runCheckOn(t, id, newFixturePass(d))
}

// runCheckOn runs one registered check in a prepared pass.
func runCheckOn(t testing.TB, id string, p *Pass) []Finding {
	t.Helper()
	c, ok := ByID(id)
	if !ok {
		t.Fatalf("check %s is not registered", id)
	}
	return p.Run(c)
}

// findingWant describes a finding a test expects: the severity and a
// fragment of the English message. Where and Record are checked when set.
type findingWant struct {
	Severity Severity
	Message  string
	Record   string
	Where    string
}

// requireFindings fails unless each want is matched by a distinct finding
// of check id, and unless there are no findings beyond those wanted.
func requireFindings(t testing.TB, id string, got []Finding, wants ...findingWant) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range wants {
		found := false
		for i, f := range got {
			if used[i] || f.Check == nil || f.Check.ID != id || f.Severity != w.Severity ||
				!strings.Contains(f.Message.EN, w.Message) ||
				(w.Record != "" && f.Record != w.Record) || (w.Where != "" && f.Pos.String() != w.Where) {
				continue
			}
			if f.Message.ZH == "" {
				t.Errorf("%s finding %q has no Chinese message", id, f.Message.EN)
			}
			used[i], found = true, true
			break
		}
		if !found {
			t.Errorf("no %s %s finding with message containing %q (record %q, at %q); got:\n%s", id, w.Severity, w.Message, w.Record, w.Where, dumpFindings(got))
		}
	}
	for i, f := range got {
		if !used[i] {
			t.Errorf("unexpected finding: %s", dumpFindings([]Finding{f}))
		}
	}
}

func dumpFindings(fs []Finding) string {
	if len(fs) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for _, f := range fs {
		id := ""
		if f.Check != nil {
			id = f.Check.ID
		}
		b.WriteString("  " + id + " " + f.Severity.String() + " [" + f.Record + "] " + f.Pos.String() + ": " + f.Message.EN + "\n")
	}
	return b.String()
}

func TestReadyDossierPassesEveryCheckOfThisFamily(t *testing.T) {
	ids := []string{
		"licence.business-present", "licence.valid", "licence.matches-org", "org.uscc", "licence.sector-permit",
		"org.operation-months", "org.legal-rep", "org.profile",
		"people.department", "people.management-rep", "people.top-commitment", "people.training-hours",
		"people.training-topics", "people.training-records", "people.training-plan", "people.qualifications",
		"resources.budget", "resources.crm", "resources.workspace-equipment",
		"materials.checklist", "plan.working-group", "plan.steps",
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			requireFindings(t, id, runCheck(t, id, readyDossier()))
		})
	}
}

// checkCase is one row of a check's table: a change to the ready dossier
// or its pass, and the findings it must produce (none for a passing case).
type checkCase struct {
	name   string
	mutate func(d *dossier.Dossier, p *Pass)
	want   []findingWant
}

// runCases runs check id once per case over a fresh readyDossier.
func runCases(t *testing.T, id string, cases []checkCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readyDossier()
			p := newFixturePass(d)
			if c.mutate != nil {
				c.mutate(d, p)
			}
			requireFindings(t, id, runCheckOn(t, id, p), c.want...)
		})
	}
}

// licenceOfType returns the fixture's first licence of a type.
func licenceOfType(t testing.TB, d *dossier.Dossier, typ string) *dossier.Licence {
	t.Helper()
	for i := range d.Licences {
		if d.Licences[i].Type == typ {
			return &d.Licences[i]
		}
	}
	t.Fatalf("fixture has no %s licence", typ)
	return nil
}

// documentByID returns the fixture's document with an id.
func documentByID(t testing.TB, d *dossier.Dossier, id string) *dossier.Document {
	t.Helper()
	for i := range d.Documents {
		if d.Documents[i].ID == id {
			return &d.Documents[i]
		}
	}
	t.Fatalf("fixture has no document %s", id)
	return nil
}

// dropDocuments removes documents by id.
func dropDocuments(d *dossier.Dossier, ids ...string) {
	keep := d.Documents[:0]
	for _, doc := range d.Documents {
		drop := false
		for _, id := range ids {
			drop = drop || doc.ID == id
		}
		if !drop {
			keep = append(keep, doc)
		}
	}
	d.Documents = keep
}

// dropLicences removes licences by type.
func dropLicences(d *dossier.Dossier, typ string) {
	keep := d.Licences[:0]
	for _, l := range d.Licences {
		if l.Type != typ {
			keep = append(keep, l)
		}
	}
	d.Licences = keep
}

// dropRole takes a role away from everyone holding it.
func dropRole(d *dossier.Dossier, role string) {
	for i := range d.People {
		rs := d.People[i].Roles[:0:0]
		for _, r := range d.People[i].Roles {
			if r != role {
				rs = append(rs, r)
			}
		}
		d.People[i].Roles = rs
	}
}
