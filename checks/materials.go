package checks

import (
	"fmt"
	"strings"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
)

// The application materials checklist (R22): what a certification body
// asks for with the application (seed 000 §3, seed 002 §3.2). Each item is
// recorded with p.Material so the report and the evidence pack can print
// the whole list, present items included; a missing or expired item that
// is not optional is also a finding.

var materialsChecklist = &Check{
	ID:          "materials.checklist",
	Title:       T("Application materials complete", "申请材料齐全"),
	Severity:    Major,
	Requirement: []string{"R22"},
	Nodes:       []string{"cn-scheme:S3.1"},
	Basis:       OnScheme,
	Source:      T("Certification bodies' application materials.", "认证机构申请材料清单。"),
	Evidence: T("Every item of the application pack on file: business licence copy, organisation code certificate (only without a USCC), legal representative ID copy, company profile, manual, procedures, work instructions, intake register, handling and follow-up records, analysis reports, staff list with qualifications, training plan and records, sector permits where applicable, a customer satisfaction survey report within the survey period, the internal audit report and the management review minutes.",
		"申请材料逐项在案：营业执照复印件、组织机构代码证（仅无统一代码时）、法定代表人身份证复印件、企业简介、手册、程序文件、作业指导书、投诉受理登记、处理及回访记录、分析报告、投诉处理人员名单及资质、培训计划及记录、行业许可证（如适用）、调查期内的顾客满意度调查报告、内部审核报告及管理评审纪要。"),
	Remedy: T("Prepare each missing item, put its file in the dossier and reference it from the record it belongs to; renew expired items.",
		"补齐缺少的材料，将文件放入资料目录并在相应记录中引用；过期材料予以更新。"),
	Doc: T("An item counts as present only when its file is in the dossier. Handling records are satisfied by the complaint log itself; analysis reports by any document of kind analysis. Other certificates are optional and never a finding. A gap another check judges as its own (an expired permit: licence.sector-permit; a document file missing: docs.control; no management review: improvement.management-review) is reported once, by that check, at its severity; the checklist line refers to it. Only when that check reported nothing (skipped, or judging differently) does the checklist report the gap itself.",
		"只有文件在资料中的材料才算齐全。投诉记录台账本身即可作为处理记录；任何“分析报告”类文件均可作为分析报告。其他证书为可选项，缺少时不作为问题。其他检查作为自身问题判定的缺口（行业许可证过期：licence.sector-permit；文件缺失：docs.control；没有管理评审：improvement.management-review）只由该检查按其严重程度报告一次，清单该行引用该问题；仅当该检查未报告（被跳过或判定不同）时，由本清单自行报告。"),
	Run: runMaterials,
}

func init() { Register(materialsChecklist) }

// material is one checklist line being worked out, with the place a
// finding about it should point at.
type material struct {
	Material
	pos dossier.Pos
}

func newMaterial(id, en, zh string) *material {
	return &material{Material: Material{ID: id, Title: T(en, zh), Status: MaterialMissing}}
}

func (m *material) present(refs ...string) *material {
	m.Status = MaterialPresent
	m.Refs = append(m.Refs, refs...)
	return m
}

// ownedBy names the check whose findings on records report this item's gap
// (any of its findings when no record is named).
func (m *material) ownedBy(check string, records ...string) *material {
	if len(records) == 0 {
		m.Owners = append(m.Owners, FindingRef{Check: check})
	}
	for _, r := range records {
		m.Owners = append(m.Owners, FindingRef{Check: check, Record: r})
	}
	return m
}

// ownedAt names the check whose finding at pos reports this item's gap.
func (m *material) ownedAt(check string, pos dossier.Pos) *material {
	m.Owners = append(m.Owners, FindingRef{Check: check, Pos: pos})
	return m
}

func (m *material) note(t Text) *material {
	m.Note = t
	return m
}

func runMaterials(p *Pass) {
	items := []*material{
		materialBusinessLicence(p),
		materialOrgCode(p),
		materialLegalRepID(p),
		materialDocs(p, "company_profile", "Company profile", "企业简介", "org.profile", "profile"),
		materialDocs(p, "quality_manual", "Quality manual", "质量手册", "docs.manual", "manual"),
		materialDocs(p, "procedures", "Procedures", "程序文件", "docs.procedures", "procedure"),
		materialDocs(p, "work_instructions", "Work instructions", "作业指导书", "docs.work-instructions", "instruction"),
		materialForm(p, "intake_register", "Complaint intake register", "投诉受理登记表", "intake_register"),
		materialHandlingRecords(p),
		materialForm(p, "follow_up_records", "Follow-up records", "回访记录", "follow_up_record"),
		materialAnalysis(p),
		materialStaffList(p),
		materialTraining(p),
		materialSectorPermits(p),
		materialOtherCertificates(p),
		materialSurvey(p),
		materialAuditReport(p),
		materialReviewMinutes(p),
	}
	for _, m := range items {
		p.Material(m.Material)
		if m.Optional || (m.Status != MaterialMissing && m.Status != MaterialExpired) {
			continue
		}
		state := T("missing", "缺少")
		if m.Status == MaterialExpired {
			state = T("expired", "已过期")
		}
		msg := Text{
			EN: fmt.Sprintf("Application material %s: %s.", state.EN, m.Title.EN),
			ZH: fmt.Sprintf("申请材料%s：%s。", state.ZH, m.Title.ZH),
		}
		if m.Note.EN != "" {
			msg.EN = strings.TrimSuffix(msg.EN, ".") + " — " + m.Note.EN
			msg.ZH = strings.TrimSuffix(msg.ZH, "。") + "——" + m.Note.ZH
		}
		pos := m.pos
		if pos.IsZero() {
			pos = p.Dossier.PlaceOf(materialHome[m.ID])
		}
		p.Report(Finding{Pos: pos, Record: m.ID, Message: msg})
	}
}

// materialHome is the record type where a missing checklist item belongs,
// so its finding points at the file or sheet to complete.
var materialHome = map[string]string{
	"business_licence": "licences", "org_code_certificate": "documents", "legal_rep_id": "organisation",
	"company_profile": "documents", "quality_manual": "documents", "procedures": "documents",
	"work_instructions": "documents", "intake_register": "documents", "handling_records": "complaints",
	"follow_up_records": "documents", "analysis_reports": "documents", "staff_list": "people",
	"training": "training", "sector_permits": "licences", "other_certificates": "documents",
	"satisfaction_survey": "surveys", "internal_audit_report": "audits", "management_review_minutes": "reviews",
}

// docsWithFile splits documents into those whose file is in the dossier
// and those that are only registered.
func docsWithFile(d *dossier.Dossier, docs []*dossier.Document) (filed, unfiled []*dossier.Document) {
	for _, doc := range docs {
		if docFiled(d, doc) {
			filed = append(filed, doc)
		} else {
			unfiled = append(unfiled, doc)
		}
	}
	return filed, unfiled
}

func docIDs(docs []*dossier.Document) []string {
	out := make([]string, 0, len(docs))
	for _, doc := range docs {
		out = append(out, doc.ID)
	}
	return out
}

// fromDocs settles an item from the documents that could satisfy it.
func fromDocs(p *Pass, m *material, docs []*dossier.Document) *material {
	filed, unfiled := docsWithFile(p.Dossier, docs)
	if len(filed) > 0 {
		return m.present(docIDs(filed)...)
	}
	if len(unfiled) > 0 {
		m.pos = unfiled[0].PosOf("file")
		for _, doc := range unfiled {
			m.ownedBy("docs.control", docRecord(doc))
		}
		ids := strings.Join(docIDs(unfiled), ", ")
		return m.note(Tf("%s registered but its file is missing from the dossier or empty", "%s 已登记但文件不在资料中或为空文件", ids))
	}
	return m
}

// materialDocs settles an item from documents of the kinds; owner is the
// check that reports their absence.
func materialDocs(p *Pass, id, en, zh, owner string, kinds ...string) *material {
	m := newMaterial(id, en, zh)
	docs := docsOfKind(p.Dossier, kinds...)
	if len(docs) == 0 {
		return m.ownedBy(owner).note(T("no document of kind "+strings.Join(kinds, ", "), "没有“"+strings.Join(labelsZH("document", kinds), "”或“")+"”类文件"))
	}
	return fromDocs(p, m, docs)
}

// formsCovering returns forms, records and analyses that declare element.
func formsCovering(d *dossier.Dossier, element string) []*dossier.Document {
	var out []*dossier.Document
	for _, doc := range docsOfKind(d, "form", "record", "analysis") {
		if doc.CoversElement(element) {
			out = append(out, doc)
		}
	}
	return out
}

func materialForm(p *Pass, id, en, zh, element string) *material {
	m := newMaterial(id, en, zh)
	docs := formsCovering(p.Dossier, element)
	if len(docs) == 0 {
		return m.ownedBy("docs.forms").note(Text{EN: fmt.Sprintf("no form or record covering %s", element), ZH: fmt.Sprintf("没有涵盖“%s”的表单或记录", labelZH("element", element))})
	}
	return fromDocs(p, m, docs)
}

func materialHandlingRecords(p *Pass) *material {
	m := newMaterial("handling_records", "Complaint handling records", "投诉处理记录")
	d := p.Dossier
	// The complaint log is the handling record itself, provided it has rows.
	if d.Complaints != nil && (p.Metrics == nil || p.Metrics.Total > 0) {
		m.present(d.Complaints.Source())
	}
	docs := formsCovering(d, "handling_record")
	if m.Status == MaterialPresent {
		filed, _ := docsWithFile(d, docs)
		return m.present(docIDs(filed)...)
	}
	if len(docs) == 0 {
		return m.ownedBy("handling.log-present").note(T("no complaint log and no form or record covering handling_record", "没有投诉记录台账，也没有涵盖“投诉处理过程记录表”的表单或记录"))
	}
	return fromDocs(p, m, docs)
}

func materialAnalysis(p *Pass) *material {
	m := newMaterial("analysis_reports", "Complaint analysis reports", "投诉分析报告")
	// Any analysis document is an analysis report by nature, whether or not
	// it declares the element.
	docs := formsCovering(p.Dossier, "analysis_report")
	for _, doc := range docsOfKind(p.Dossier, "analysis") {
		if !doc.CoversElement("analysis_report") {
			docs = append(docs, doc)
		}
	}
	if len(docs) == 0 {
		return m.ownedBy("improvement.analysis").note(T("no document of kind analysis and no form covering analysis_report", "没有“分析报告”类文件，也没有涵盖“投诉数据分析报表”的表单"))
	}
	return fromDocs(p, m, docs)
}

func materialBusinessLicence(p *Pass) *material {
	m := newMaterial("business_licence", "Business licence copy", "营业执照副本复印件")
	m.ownedBy("licence.business-present")
	m.ownedBy("licence.valid")
	return fromLicences(p, m, licencesOfType(p.Dossier, businessLicence), T("no business licence recorded", "未登记营业执照"))
}

// fromLicences settles an item from the licences that could satisfy it: a
// valid one with its scan is present; otherwise expired if every one has
// expired, else missing with the reason.
func fromLicences(p *Pass, m *material, ls []*dossier.Licence, none Text) *material {
	if len(ls) == 0 {
		return m.note(none)
	}
	var noScan, undated, expired []*dossier.Licence
	for _, l := range ls {
		switch {
		case l.ValidUntil.IsZero():
			undated = append(undated, l)
		case !l.ValidUntil.ValidOn(p.AsOf):
			expired = append(expired, l)
		case !evidenceExists(p.Dossier, l.Evidence):
			noScan = append(noScan, l)
		default:
			m.present(l.Evidence)
		}
	}
	if m.Status == MaterialPresent {
		return m
	}
	if len(noScan) > 0 {
		l := noScan[0]
		m.pos = l.PosOf("evidence")
		return m.note(Text{EN: fmt.Sprintf("%s %s has no scan in the dossier", l.Type, l.Number), ZH: fmt.Sprintf("%s %s 在资料中没有扫描件", labelZH("licence", l.Type), l.Number)})
	}
	if len(undated) > 0 {
		l := undated[0]
		m.pos = l.PosOf("valid_until")
		return m.note(Text{EN: fmt.Sprintf("%s %s has no validity date, so it cannot be shown to be in force", l.Type, l.Number), ZH: fmt.Sprintf("%s %s 未填写有效期，无法证明其有效", labelZH("licence", l.Type), l.Number)})
	}
	l := expired[0]
	m.Status = MaterialExpired
	m.pos = l.PosOf("valid_until")
	return m.note(Text{EN: fmt.Sprintf("%s %s expired on %s", l.Type, l.Number, l.ValidUntil), ZH: fmt.Sprintf("%s %s 已于 %s 过期", labelZH("licence", l.Type), l.Number, l.ValidUntil)})
}

func materialOrgCode(p *Pass) *material {
	m := newMaterial("org_code_certificate", "Organisation code certificate", "组织机构代码证")
	m.ownedBy("org.uscc")
	o := p.Dossier.Organisation
	switch {
	case p.Config.Jurisdiction != "cn":
		m.Status = MaterialNotApplicable
		return m.note(T("not required outside China", "中国以外不适用"))
	case o != nil && strings.TrimSpace(o.USCC) != "":
		m.Status = MaterialNotApplicable
		return m.note(T("three-in-one licence: the USCC replaces the organisation code", "三证合一：统一社会信用代码取代组织机构代码"))
	case o == nil || strings.TrimSpace(o.OrgCode) == "":
		m.pos = orgPos(p.Dossier, "org_code")
		return m.note(T("neither a USCC nor an organisation code is recorded", "既未登记统一社会信用代码，也未登记组织机构代码"))
	}
	m.pos = o.PosOf("org_code")
	code := cn.ValidateOrgCode(o.OrgCode).Compact
	var certs []*dossier.Document
	for _, doc := range docsOfKind(p.Dossier, "certificate") {
		if isOrgCodeCertificate(doc, code) {
			certs = append(certs, doc)
		}
	}
	for i := range p.Dossier.Licences {
		l := &p.Dossier.Licences[i]
		if code != "" && cn.ValidateOrgCode(l.Number).Compact == code && evidenceExists(p.Dossier, l.Evidence) {
			return m.present(l.Evidence)
		}
	}
	if len(certs) == 0 {
		return m.note(Tf("no certificate document or licence record for organisation code %s", "没有组织机构代码 %s 的证书文件或证照记录", o.OrgCode))
	}
	return fromDocs(p, m, certs)
}

// isOrgCodeCertificate recognises the organisation code certificate among
// certificates by its title or by the code it carries.
func isOrgCodeCertificate(doc *dossier.Document, code string) bool {
	t := strings.ToLower(doc.Title)
	if strings.Contains(t, "组织机构代码") || strings.Contains(t, "organisation code") || strings.Contains(t, "organization code") {
		return true
	}
	return code != "" && strings.Contains(strings.ReplaceAll(strings.ToUpper(doc.Title+" "+doc.ID), "-", ""), code)
}

func materialLegalRepID(p *Pass) *material {
	m := newMaterial("legal_rep_id", "Legal representative ID copy", "法定代表人身份证复印件")
	o := p.Dossier.Organisation
	m.pos = orgPos(p.Dossier, "legal_rep_id_file")
	m.ownedAt("org.legal-rep", m.pos)
	switch {
	case o == nil || o.LegalRepIDFile == "":
		return m.note(fieldNamed(p.Dossier, "%s is not given", "未填写%s", "organisation", "legal_rep_id_file"))
	case !evidenceExists(p.Dossier, o.LegalRepIDFile):
		return m.note(Tf("%s is missing from the dossier or empty", "%s 不在资料中或为空文件", o.LegalRepIDFile))
	}
	return m.present(o.LegalRepIDFile)
}

func materialStaffList(p *Pass) *material {
	m := newMaterial("staff_list", "Complaint staff list with qualifications", "投诉处理人员名单及资质")
	m.ownedBy("people.qualifications")
	d := p.Dossier
	hs := handlers(d)
	if len(hs) == 0 {
		return m.note(T("nobody is marked as a complaint handler", "无人标记为投诉处理人员"))
	}
	var none, lapsed, refs []string
	for _, h := range hs {
		refs = append(refs, personRecord(h))
		current, filed := false, false
		for i := range d.Qualifications {
			q := &d.Qualifications[i]
			if q.Person != h.ID || !evidenceExists(d, q.Evidence) {
				continue
			}
			filed = true
			if q.ValidUntil.IsZero() || q.ValidUntil.ValidOn(p.AsOf) {
				current = true
			}
		}
		switch {
		case !filed:
			none = append(none, h.ID)
		case !current:
			lapsed = append(lapsed, h.ID)
		}
	}
	limit := p.T().MaxListed
	switch {
	case len(none) > 0:
		m.pos = hs[0].Pos
		ids := joinIDs(none, limit)
		return m.note(Text{
			EN: fmt.Sprintf("no qualification certificate on file for %s", ids.EN),
			ZH: fmt.Sprintf("%s 没有在案的资质证书", ids.ZH),
		})
	case len(lapsed) > 0:
		m.Status = MaterialExpired
		ids := joinIDs(lapsed, limit)
		return m.note(Text{
			EN: fmt.Sprintf("only expired qualifications for %s", ids.EN),
			ZH: fmt.Sprintf("%s 的资质证书均已过期", ids.ZH),
		})
	}
	return m.present(refs...)
}

func materialTraining(p *Pass) *material {
	m := newMaterial("training", "Training plan and records", "培训计划及记录")
	d := p.Dossier
	plans, unfiled := docsWithFile(d, docsOfKind(d, "training_plan"))
	m.ownedBy("people.training-plan")
	m.ownedBy("people.training-records")
	for _, doc := range unfiled {
		m.ownedBy("docs.control", docRecord(doc))
	}
	var records []string
	for i := range d.Training {
		if evidenceExists(d, d.Training[i].SignIn) {
			records = append(records, "training "+d.Training[i].ID)
		}
	}
	switch {
	case len(plans) == 0 && len(records) == 0:
		return m.note(T("no training plan with its file and no training session with a sign-in sheet", "没有附文件的培训计划，也没有附签到表的培训记录"))
	case len(plans) == 0:
		return m.note(T("training records exist but no training plan with its file", "有培训记录，但没有附文件的培训计划"))
	case len(records) == 0:
		return m.note(T("a training plan exists but no training session with a sign-in sheet", "有培训计划，但没有附签到表的培训记录"))
	}
	return m.present(append(docIDs(plans), records...)...)
}

func materialSectorPermits(p *Pass) *material {
	m := newMaterial("sector_permits", "Sector permits", "行业许可证")
	m.ownedBy("licence.sector-permit")
	o := p.Dossier.Organisation
	var types []string
	if o != nil {
		types = p.Config.SectorPermits[o.Sector]
	}
	if len(types) == 0 {
		m.Status = MaterialNotApplicable
		if o != nil && o.Sector != "" {
			return m.note(Text{EN: fmt.Sprintf("the %s sector needs no permit", o.Sector), ZH: fmt.Sprintf("%s行业无需许可证", labelZH("sector", o.Sector))})
		}
		return m.note(T("no regulated sector recorded", "未登记受监管行业"))
	}
	list := strings.Join(types, ", ")
	m.pos = orgPos(p.Dossier, "sector")
	return fromLicences(p, m, licencesOfType(p.Dossier, types...),
		Text{
			EN: fmt.Sprintf("no permit of type %s for the %s sector", list, o.Sector),
			ZH: fmt.Sprintf("%s行业没有%s", labelZH("sector", o.Sector), strings.Join(labelsZH("licence", types), "或")),
		})
}

func materialOtherCertificates(p *Pass) *material {
	m := newMaterial("other_certificates", "Other certificates", "其他证书")
	m.Optional = true
	var certs []*dossier.Document
	for _, doc := range docsOfKind(p.Dossier, "certificate") {
		if !isOrgCodeCertificate(doc, "") {
			certs = append(certs, doc)
		}
	}
	if len(certs) == 0 {
		return m.note(T("none recorded (optional)", "未登记（可选）"))
	}
	return fromDocs(p, m, certs)
}

func materialSurvey(p *Pass) *material {
	m := newMaterial("satisfaction_survey", "Recent customer satisfaction survey report", "近期顾客满意度调查报告")
	m.ownedBy("improvement.survey")
	d := p.Dossier
	months := p.T().SurveyMonths
	from := p.AsOf.AddDate(0, -months, 0)
	recent := func(date dossier.Date) bool { return !date.Before(from) }
	var older, unfiled, undated []string
	var latest dossier.Date
	for i := range d.Surveys {
		s := &d.Surveys[i]
		switch {
		case s.Date.IsZero():
			undated = append(undated, s.ID)
		case s.Date.After(p.AsOf):
			// Not yet held on the as-of date: it proves nothing yet.
		case !recent(s.Date):
			older = append(older, s.ID)
			if s.Date.After(latest) {
				latest = s.Date
			}
		case evidenceExists(d, s.Report):
			m.present(s.Report)
		default:
			unfiled = append(unfiled, s.ID)
			if m.pos.IsZero() {
				m.pos = s.PosOf("report")
			}
		}
	}
	for _, doc := range docsOfKind(d, "survey_report") {
		date := doc.Effective
		if date.IsZero() {
			date = doc.ApprovedOn
		}
		switch {
		case date.IsZero():
			undated = append(undated, doc.ID)
		case date.After(p.AsOf):
		case !recent(date):
			older = append(older, doc.ID)
			if date.After(latest) {
				latest = date
			}
		case docFiled(d, doc):
			m.present(doc.ID)
		default:
			unfiled = append(unfiled, doc.ID)
		}
	}
	switch {
	case m.Status == MaterialPresent:
		return m
	case len(unfiled) > 0:
		ids := strings.Join(unfiled, ", ")
		return m.note(Tf("the report of %s is missing from the dossier or empty", "%s 的调查报告不在资料中或为空文件", ids))
	case len(undated) > 0:
		ids := strings.Join(undated, ", ")
		return m.note(Tf("%s has no date, so it cannot be shown to be recent", "%s 没有日期，无法证明为近期调查", ids))
	case len(older) > 0:
		m.Status = MaterialExpired
		return m.note(Tf("the latest survey (%s) is older than %d months", "最近一次调查（%s）早于 %d 个月", latest, months))
	}
	return m.note(Tf("no customer satisfaction survey held by %s", "截至 %s 未开展顾客满意度调查", p.AsOf))
}

// materialAuditReport is the report of the latest internal audit of the
// complaints-handling process: certification bodies ask for it with the
// application. improvement.internal-audit owns the gap: no audit is major
// there, a report not on file minor.
func materialAuditReport(p *Pass) *material {
	m := newMaterial("internal_audit_report", "Internal audit report", "内部审核报告")
	m.ownedBy("improvement.internal-audit")
	d := p.Dossier
	heldRecords := make([]heldRecord, len(d.Audits))
	for i := range d.Audits {
		a := &d.Audits[i]
		heldRecords[i] = heldRecord{a.ID, a.CoversComplaints, a.Date, a.Report, a.PosOf("report")}
	}
	return m.fileOfHeld(p, heldRecords,
		T("the report of %s is missing from the dossier or empty", "%s 的审核报告不在资料中或为空文件"),
		T("no internal audit covering complaints handling held by %s", "截至 %s 未开展覆盖投诉处理的内部审核"))
}

// materialReviewMinutes is the minutes of the latest management review of
// the complaints-handling process, owned by improvement.management-review.
func materialReviewMinutes(p *Pass) *material {
	m := newMaterial("management_review_minutes", "Management review minutes", "管理评审纪要")
	m.ownedBy("improvement.management-review")
	d := p.Dossier
	heldRecords := make([]heldRecord, len(d.Reviews))
	for i := range d.Reviews {
		r := &d.Reviews[i]
		heldRecords[i] = heldRecord{r.ID, r.CoversComplaints, r.Date, r.Minutes, r.PosOf("minutes")}
	}
	return m.fileOfHeld(p, heldRecords,
		T("the minutes of %s are missing from the dossier or empty", "%s 的评审纪要不在资料中或为空文件"),
		T("no management review covering complaints handling held by %s", "截至 %s 未开展涵盖投诉处理的管理评审"))
}

// heldRecord is an audit or a review as the materials checklist reads it:
// held (dated by the as-of date, covering complaints handling) or not, and
// its file.
type heldRecord struct {
	id     string
	covers bool
	date   dossier.Date
	file   string
	pos    dossier.Pos
}

// fileOfHeld marks m present when a held record's file is on file, else
// notes which held records lack it (unfiled, a format with one %s for the
// ids) or that none was held (none, one %s for the as-of date).
func (m *material) fileOfHeld(p *Pass, recs []heldRecord, unfiled, none Text) *material {
	var missing []string
	for _, r := range recs {
		if !r.covers || r.date.IsZero() || r.date.After(p.AsOf) {
			continue
		}
		if evidenceExists(p.Dossier, r.file) {
			m.present(r.file)
			continue
		}
		missing = append(missing, r.id)
		if m.pos.IsZero() {
			m.pos = r.pos
		}
	}
	switch {
	case m.Status == MaterialPresent:
		return m
	case len(missing) > 0:
		return m.note(Tf(unfiled.EN, unfiled.ZH, strings.Join(missing, ", ")))
	}
	return m.note(Tf(none.EN, none.ZH, p.AsOf))
}
