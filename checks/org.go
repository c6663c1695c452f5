package checks

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// The legal-entity family (R1–R5): who is applying, whether it may trade,
// how long its complaints-handling system has run, and who answers for it.
// A certification body checks these before it reads a single procedure,
// which is why most of them are major.

// businessLicence is the licence type of the 营业执照.
const businessLicence = "business_licence"

// threeInOneCutoff is when the three-in-one registration reform took full
// effect: from 2016 every newly registered entity receives a USCC, so only
// an organisation established earlier can still be identified by a bare
// organisation code.
var threeInOneCutoff = dossier.Date{Year: 2016, Month: 1, Day: 1}

var (
	licenceBusinessPresent = &Check{
		ID:           "licence.business-present",
		Title:        T("Business licence on file with its registered particulars", "营业执照在案且登记事项齐全"),
		Severity:     Major,
		Requirement:  []string{"R1"},
		Nodes:        []string{"cn-scheme:S1.1"},
		Basis:        OnScheme,
		Source:       T("Certification bodies' eligibility rule: a valid business licence.", "认证机构申请资格：有效的营业执照。"),
		Jurisdiction: "cn",
		Evidence: T("A business licence record giving the registered name, the unified social credit code (licence number), the registered address, the business scope and the date of establishment, with a scan of the licence.",
			"营业执照记录，载明登记名称、统一社会信用代码（证照编号）、住所、经营范围和成立日期，并附营业执照扫描件。"),
		Remedy: T("Add the business licence to the licences sheet (type business_licence) and copy every particular exactly as printed on the licence.",
			"在证照表中登记营业执照（类型“营业执照”），并按执照原文填写各登记事项。"),
		Run: runBusinessPresent,
	}
	licenceValid = &Check{
		ID:           "licence.valid",
		Title:        T("Business licence valid on the as-of date", "营业执照在评估日有效"),
		Severity:     Major,
		Requirement:  []string{"R1"},
		Nodes:        []string{"cn-scheme:S1.1"},
		Basis:        OnScheme,
		Source:       T("Certification bodies' eligibility rule: the business licence is valid.", "认证机构申请资格：营业执照在有效期内。"),
		Jurisdiction: "cn",
		Evidence: T("A business licence whose validity runs past the as-of date, or is indefinite (长期).",
			"营业期限覆盖评估日或为“长期”的营业执照。"),
		Remedy: T("Renew the business licence with the market regulation authority before applying, and record the new validity.",
			"在申请认证前向市场监督管理部门办理营业执照延续，并登记新的有效期。"),
		Run: runLicenceValid,
	}
	licenceMatchesOrg = &Check{
		ID:           "licence.matches-org",
		Title:        T("Business licence matches the applying organisation", "营业执照与申请组织一致"),
		Severity:     Major,
		Requirement:  []string{"R1"},
		Nodes:        []string{"cn-scheme:S1.1"},
		Basis:        OnScheme,
		Source:       T("Certification bodies' eligibility rule: the licence names the applicant.", "认证机构申请资格：营业执照与申请组织一致。"),
		Jurisdiction: "cn",
		Evidence: T("The name and number on the business licence are the legal name and USCC the organisation applies under.",
			"营业执照上的名称和编号与申请组织的单位名称和统一社会信用代码相同。"),
		Remedy: T("Correct the organisation record or the licence record so both carry the registered name and code; if the entity has changed, apply under the entity named on the current licence.",
			"更正组织信息或证照记录，使二者均为登记名称和代码；如主体已变更，应以现行营业执照上的主体申请。"),
		Run: runLicenceMatchesOrg,
	}
	orgUSCC = &Check{
		ID:           "org.uscc",
		Title:        T("Unified social credit code well formed", "统一社会信用代码格式正确"),
		Severity:     Major,
		Requirement:  []string{"R2"},
		Nodes:        []string{"cn-scheme:S1.2"},
		Basis:        OnScheme,
		Source:       T("Certification bodies' eligibility rule: the applicant's unified social credit code, well formed per GB 32100-2015.", "认证机构申请资格：申请组织的统一社会信用代码，按 GB 32100-2015 校验。"),
		Jurisdiction: "cn",
		Evidence: T("An 18-character USCC whose check character agrees with GB 32100-2015; an organisation code (GB 11714) only for an entity registered before the three-in-one reform that has no USCC.",
			"符合 GB 32100-2015、校验码正确的18位统一社会信用代码；仅三证合一前登记且无统一代码的单位可使用组织机构代码（GB 11714）。"),
		Remedy: T("Copy the USCC character by character from the business licence; if the licence still shows an organisation code, obtain a three-in-one licence from the registration authority.",
			"按营业执照逐位核对统一社会信用代码；如执照仍为组织机构代码，应向登记机关换领三证合一营业执照。"),
		Run: runOrgUSCC,
	}
	licenceSectorPermit = &Check{
		ID:          "licence.sector-permit",
		Title:       T("Sector permit for a regulated sector", "受监管行业持有行业许可证"),
		Severity:    Major,
		Requirement: []string{"R3"},
		Nodes:       []string{"cn-scheme:S1.3"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' eligibility rule: regulated sectors hold their sector permit.", "认证机构申请资格：受监管行业须持有行业许可证。"),
		Evidence: T("For food, medical, finance, drug and any other sector configured as regulated: a permit of an accepted type, valid on the as-of date, with a scan.",
			"食品、医疗、金融、药品及配置为受监管的其他行业：持有认可类型、在评估日有效的行业许可证及其扫描件。"),
		Remedy: T("Obtain or renew the sector permit from the competent authority and record it in the licences sheet with its validity.",
			"向主管部门取得或延续行业许可证，并在证照表中登记其有效期。"),
		Doc: T("The accepted permit types per sector come from sector_permits in certready.yaml; a sector not listed there needs no permit.",
			"各行业认可的许可证类型取自 certready.yaml 的 sector_permits；未列出的行业无需许可证。"),
		Run: runSectorPermit,
	}
	orgOperationMonths = &Check{
		ID:          "org.operation-months",
		Title:       T("Complaints-handling system in operation long enough to apply", "投诉处理体系运行时间满足申请要求"),
		Severity:    Major,
		Requirement: []string{"R4"},
		Nodes:       []string{"cn-scheme:S2.1"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' rule: the system has run at least 3 months before application.", "认证机构规则：申请前体系至少运行 3 个月。"),
		Evidence: T("The date the complaints-handling system went live, at least the configured number of months (3 by default) before the application, with records of its operation since then.",
			"投诉处理体系开始运行的日期，距申请至少达到规定月数（默认3个月），并有此后运行的记录。"),
		Remedy: T("Keep the system running and recording complaints until the earliest eligible application date; hold an internal audit and a management review covering complaints handling before the on-site audit.",
			"持续运行体系并记录投诉，直至最早可申请日期；现场审核前完成一次覆盖投诉处理的内部审核和管理评审。"),
		Doc: T("The earliest eligible application date is the later of the go-live date plus the minimum operation months and the dates of the first internal audit and the first management review covering complaints handling, because certification bodies require one of each before the on-site audit.",
			"最早可申请日期取以下日期中最晚者：体系运行日期加最短运行月数、首次覆盖投诉处理的内部审核日期、首次覆盖投诉处理的管理评审日期——认证机构要求现场审核前各完成一次。"),
		Run: runOperationMonths,
	}
	orgLegalRep = &Check{
		ID:          "org.legal-rep",
		Title:       T("Legal representative identified with ID evidence", "法定代表人身份明确并有身份证明"),
		Severity:    Major,
		Requirement: []string{"R5"},
		Nodes:       []string{"cn-scheme:S1.4"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' application materials: legal representative's ID.", "认证机构申请材料：法定代表人身份证明。"),
		Evidence: T("The legal representative's name as on the business licence and a copy of their identity document in the dossier.",
			"与营业执照一致的法定代表人姓名及其身份证件复印件。"),
		Remedy: T("Record the legal representative and add a copy of their ID card to the dossier; correct the ID number or leave it blank.",
			"登记法定代表人并在资料中加入其身份证复印件；更正身份证号码或不填。"),
		Run: runLegalRep,
	}
	orgProfile = &Check{
		ID:          "org.profile",
		Title:       T("Company profile on file", "企业简介在案"),
		Severity:    Major,
		Requirement: []string{"R5"},
		Nodes:       []string{"cn-scheme:S1.4"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' application materials: company profile.", "认证机构申请材料：企业简介。"),
		Evidence: T("A company profile (document kind profile) covering the organisation's history, its products and services within its business scope, its markets and its culture.",
			"企业简介（文件类型“公司简介”），涵盖发展历程、经营范围内的产品和服务、市场及企业文化。"),
		Remedy: T("Write or update the company profile and declare the elements it covers (history; products_services; markets; culture).",
			"编写或更新企业简介，并声明其涵盖的要素（“发展历程”、“产品与服务”、“市场”、“企业文化”）。"),
		Run: runProfile,
	}
)

func init() {
	Register(licenceBusinessPresent, licenceValid, licenceMatchesOrg, orgUSCC,
		licenceSectorPermit, orgOperationMonths, orgLegalRep, orgProfile)
}

// orgPos is where findings about the organisation as a whole point.
func orgPos(d *dossier.Dossier, field string) dossier.Pos {
	if d.Organisation == nil {
		return d.PlaceOf("organisation")
	}
	return d.Organisation.PosOf(field)
}

// licenceRecord names a licence for waivers and run-to-run diffs.
func licenceRecord(l *dossier.Licence) string {
	if l.Number == "" {
		return "licence " + l.Type
	}
	return "licence " + l.Type + " " + l.Number
}

// licencesOfType returns the licences of any of the types.
func licencesOfType(d *dossier.Dossier, types ...string) []*dossier.Licence {
	return where(d.Licences, func(l *dossier.Licence) bool { return slices.Contains(types, l.Type) })
}

// noLicencesText explains an absent licence, distinguishing an empty sheet
// from one that was never supplied so the fix is obvious.
func noLicencesText(d *dossier.Dossier) Text {
	if !d.Present["licences"] {
		return T("the dossier has no licences file or sheet", "资料中没有证照文件或工作表")
	}
	return T("the licences sheet lists none", "证照表中没有登记")
}

func runBusinessPresent(p *Pass) {
	d := p.Dossier
	ls := licencesOfType(d, businessLicence)
	if len(ls) == 0 {
		why := noLicencesText(d)
		p.Reportf(orgPos(d, "name"), "licence "+businessLicence,
			Text{
				EN: fmt.Sprintf("No business licence (type business_licence): %s.", why.EN),
				ZH: fmt.Sprintf("未登记营业执照（证照类型“%s”）：%s。", labelZH("licence", businessLicence), why.ZH),
			})
		return
	}
	particulars := []struct {
		key    string
		en, zh string
		value  func(*dossier.Licence) bool
	}{
		{"name", "registered name", "登记名称", func(l *dossier.Licence) bool { return strings.TrimSpace(l.Name) != "" }},
		{"number", "unified social credit code (number)", "统一社会信用代码（编号）", func(l *dossier.Licence) bool { return strings.TrimSpace(l.Number) != "" }},
		{"address", "registered address", "住所", func(l *dossier.Licence) bool { return strings.TrimSpace(l.Address) != "" }},
		{"scope", "business scope", "经营范围", func(l *dossier.Licence) bool { return strings.TrimSpace(l.Scope) != "" }},
		{"established", "date of establishment", "成立日期", func(l *dossier.Licence) bool { return !l.Established.IsZero() }},
	}
	for _, l := range ls {
		for _, f := range particulars {
			if f.value(l) {
				continue
			}
			// The licence exists, so a blank particular is a gap in the
			// dossier rather than a reason to refuse the application.
			p.Report(Finding{
				Pos:      l.PosOf(f.key),
				Record:   licenceRecord(l),
				Severity: Minor,
				Message: Text{
					EN: fmt.Sprintf("Business licence record lacks the %s (%s).", f.en, p.Field("licences", f.key).EN),
					ZH: fmt.Sprintf("营业执照记录缺少%s（%s）。", f.zh, p.Field("licences", f.key).ZH),
				},
			})
		}
	}
}

func runLicenceValid(p *Pass) {
	t := p.T()
	for _, l := range licencesOfType(p.Dossier, businessLicence) {
		reportValidity(p, l, "Business licence", "营业执照", t.DueSoonDays)
	}
}

// reportValidity reports an expired, undated or soon-expiring licence.
func reportValidity(p *Pass, l *dossier.Licence, whatEN, whatZH string, dueSoonDays int) {
	switch {
	case l.ValidUntil.IsZero():
		p.Report(Finding{
			Pos: l.PosOf("valid_until"), Record: licenceRecord(l), Severity: Minor,
			Message: Text{
				EN: fmt.Sprintf("%s %s has no validity date; enter the expiry or \"indefinite\" (长期).", whatEN, l.Number),
				ZH: fmt.Sprintf("%s %s 未填写有效期；请填写截止日期或“长期”。", whatZH, l.Number),
			},
		})
	case !l.ValidUntil.ValidOn(p.AsOf):
		p.Reportf(l.PosOf("valid_until"), licenceRecord(l),
			Text{
				EN: fmt.Sprintf("%s %s expired on %s (as of %s).", whatEN, l.Number, l.ValidUntil, p.AsOf),
				ZH: fmt.Sprintf("%s %s 已于 %s 过期（评估日 %s）。", whatZH, l.Number, l.ValidUntil, p.AsOf),
			})
	case !l.ValidUntil.Indefinite && p.AsOf.DaysUntil(l.ValidUntil.Date) <= dueSoonDays:
		days := p.AsOf.DaysUntil(l.ValidUntil.Date)
		p.Report(Finding{
			Pos: l.PosOf("valid_until"), Record: licenceRecord(l), Severity: Observation,
			Message: Text{
				EN: fmt.Sprintf("%s %s expires on %s, %d days after the as-of date (renewal due within %d days).", whatEN, l.Number, l.ValidUntil, days, dueSoonDays),
				ZH: fmt.Sprintf("%s %s 将于 %s 到期，距评估日 %d 天（%d 天内需延续）。", whatZH, l.Number, l.ValidUntil, days, dueSoonDays),
			},
		})
	}
}

// sameName compares registered names the way a reviewer would: ignoring
// white space and the difference between full-width and half-width
// brackets, which Chinese company names are written with either way.
func sameName(a, b string) bool {
	norm := strings.NewReplacer("（", "(", "）", ")", " ", "", "\u3000", "", "\t", "")
	return strings.EqualFold(norm.Replace(strings.TrimSpace(a)), norm.Replace(strings.TrimSpace(b)))
}

// sameCode compares identifiers after the normalisation GB 32100 allows
// (case, full width, surrounding space).
func sameCode(a, b string) bool {
	return cn.ValidateUSCC(a).Normalized == cn.ValidateUSCC(b).Normalized
}

func runLicenceMatchesOrg(p *Pass) {
	d := p.Dossier
	o := d.Organisation
	if o == nil {
		return
	}
	for _, l := range licencesOfType(d, businessLicence) {
		if l.Name != "" && o.Name != "" && !sameName(l.Name, o.Name) {
			p.Reportf(l.PosOf("name"), licenceRecord(l),
				Tf("The business licence is in the name of %q but the organisation applies as %q.", "营业执照登记名称为“%s”，但申请组织名称为“%s”。", l.Name, o.Name))
		}
		// An organisation that still has only an organisation code holds an
		// old-style licence whose number is a registration number, not a
		// USCC, so there is nothing to compare.
		if l.Number != "" && o.USCC != "" && !sameCode(l.Number, o.USCC) {
			p.Reportf(l.PosOf("number"), licenceRecord(l),
				Tf("The business licence number %s differs from the organisation's USCC %s.", "营业执照编号 %s 与组织的统一社会信用代码 %s 不一致。", l.Number, o.USCC))
		}
	}
}

func runOrgUSCC(p *Pass) {
	o := p.Dossier.Organisation
	if o == nil {
		p.Reportf(p.Dossier.PlaceOf("organisation"), "organisation",
			T("No organisation record, so there is no USCC to check.", "没有组织信息记录，无法核对统一社会信用代码。"))
		return
	}
	if strings.TrimSpace(o.USCC) != "" {
		checkUSCC(p, o)
		return
	}
	if strings.TrimSpace(o.OrgCode) == "" {
		p.Reportf(o.PosOf("uscc"), "organisation",
			T("Neither a unified social credit code nor an organisation code is given.",
				"未填写统一社会信用代码，也未填写组织机构代码。"))
		return
	}
	r := cn.ValidateOrgCode(o.OrgCode)
	if !r.Valid {
		en, zh := problemText(r.Problems)
		p.Reportf(o.PosOf("org_code"), "organisation",
			Text{
				EN: fmt.Sprintf("Organisation code %s is not valid under GB 11714: %s.", o.OrgCode, en),
				ZH: fmt.Sprintf("组织机构代码 %s 不符合 GB 11714：%s。", o.OrgCode, zh),
			})
		return
	}
	switch {
	case o.Established.IsZero():
		p.Reportf(o.PosOf("established"), "organisation",
			Tf("Only an organisation code (%s) is given and the establishment date is missing, so it cannot be shown that the entity predates three-in-one registration (2016); a USCC is expected.",
				"仅填写了组织机构代码（%s）且缺少成立日期，无法证明该单位在三证合一（2016年）之前登记；应提供统一社会信用代码。",
				r.Normalized))
	case !o.Established.Before(threeInOneCutoff):
		p.Reportf(o.PosOf("uscc"), "organisation",
			Tf("Only an organisation code (%s) is given, but the organisation was established on %s, after three-in-one registration began; a USCC is expected.", "仅填写了组织机构代码（%s），但该单位成立于 %s，晚于三证合一实施；应提供统一社会信用代码。", r.Normalized, o.Established))
	}
}

func checkUSCC(p *Pass, o *dossier.Organisation) {
	r := cn.ValidateUSCC(o.USCC)
	pos := o.PosOf("uscc")
	if !r.Valid {
		// A wrong check character alone is the usual copying slip; saying
		// which character the code calls for lets the reader fix it.
		if len(r.Problems) == 1 && r.Problems[0].Code == "check" {
			p.Reportf(pos, "organisation",
				Tf("USCC %s fails the GB 32100-2015 check: the check character is %c, the first 17 characters require %c.",
					"统一社会信用代码 %s 未通过 GB 32100-2015 校验：校验码为 %c，按前17位应为 %c。",
					o.USCC, []rune(r.Normalized)[17], rune(r.ExpectedCheck)))
			return
		}
		en, zh := problemText(r.Problems)
		p.Reportf(pos, "organisation",
			Text{
				EN: fmt.Sprintf("USCC %s is not valid under GB 32100-2015: %s.", o.USCC, en),
				ZH: fmt.Sprintf("统一社会信用代码 %s 不符合 GB 32100-2015：%s。", o.USCC, zh),
			})
		return
	}
	for _, w := range r.Warnings {
		switch w.Code {
		case cn.WarnLowercase, cn.WarnFullwidth:
			p.Report(Finding{
				Pos: pos, Record: "organisation", Severity: Observation,
				Message: Tf("USCC %s is valid but written as %q; record it as %s, as printed on the licence.",
					"统一社会信用代码 %s 有效，但填写为“%s”；请按执照填写为 %s。",
					r.Normalized, o.USCC, r.Normalized),
			})
			return
		}
	}
}

// problemText joins a validator's problems in both languages.
func problemText(ps []cn.Problem) (en, zh string) {
	var e, z []string
	for _, pr := range ps {
		e = append(e, pr.Message)
		z = append(z, pr.MessageZH)
	}
	return strings.Join(e, "; "), strings.Join(z, "；")
}

func runSectorPermit(p *Pass) {
	d := p.Dossier
	if d.Organisation == nil || d.Organisation.Sector == "" {
		return
	}
	sector := d.Organisation.Sector
	types := p.Config.SectorPermits[sector]
	if len(types) == 0 {
		return
	}
	permits := licencesOfType(d, types...)
	list := strings.Join(types, ", ")
	if len(permits) == 0 {
		why := noLicencesText(d)
		p.Reportf(orgPos(d, "sector"), "organisation sector "+sector,
			Text{
				EN: fmt.Sprintf("The %s sector requires a permit of type %s, but %s.", sector, list, why.EN),
				ZH: fmt.Sprintf("%s行业需持有%s，但%s。", labelZH("sector", sector), strings.Join(labelsZH("licence", types), "或"), why.ZH),
			})
		return
	}
	// One valid permit is enough; only when none is valid are the others'
	// defects worth reporting, and then every one of them.
	for _, l := range permits {
		if l.ValidUntil.ValidOn(p.AsOf) {
			reportValidity(p, l, "Sector permit", "行业许可证", p.T().DueSoonDays)
			return
		}
	}
	for _, l := range permits {
		reportValidity(p, l, "Sector permit", "行业许可证", p.T().DueSoonDays)
	}
}

// Eligibility is when the organisation may apply for certification, worked
// out from its records.
type Eligibility struct {
	// From is the day every prerequisite is met; zero while any is
	// missing, since a date cannot be known before the record exists.
	From dossier.Date
	// Waits lists what the date waits for, one line each; empty when From
	// is set.
	Waits []Text
	// Start is the start of operation the count runs from: the declared
	// go-live date, or the first complaint in the log when the log starts
	// later (the records win over the declaration).
	Start dossier.Date
}

// EarliestApplication returns when the organisation may apply: the latest
// of the start of operation plus t.MinOperationMonths, the first internal
// audit and the first management review covering complaints handling held
// on or after the start, since certification bodies need one of each
// before the on-site audit. An audit led by someone responsible for the
// audited activity, or a review recording no inputs or no decision, does
// not count. The start is the declared go-live date, moved
// to the first complaint received when the log m starts later. Any
// prerequisite without a record leaves no date, only what it waits for.
func EarliestApplication(d *dossier.Dossier, m *metrics.Metrics, t config.Thresholds) Eligibility {
	var e Eligibility
	if d.Organisation == nil || d.Organisation.SystemLive.IsZero() {
		e.Waits = append(e.Waits, fieldNamed(d, "the date the complaints-handling system went live (%s)", "%s", "organisation", "system_live"))
	} else {
		e.Start = d.Organisation.SystemLive
		if m != nil && !m.FirstReceived.IsZero() && m.FirstReceived.After(e.Start) {
			e.Start = m.FirstReceived
		}
	}
	date, live := e.Start, dossier.Date{}
	if !date.IsZero() {
		date = date.AddDate(0, t.MinOperationMonths, 0)
		live = d.Organisation.SystemLive
	}
	if a := firstAuditDate(d, live); a.IsZero() {
		e.Waits = append(e.Waits, T("an internal audit covering complaints handling, held after the system went live by an auditor independent of the audited activity", "体系运行后由独立于受审核活动的审核员开展的覆盖投诉处理的内部审核"))
	} else if a.After(date) {
		date = a
	}
	if r := firstReviewDate(d, live); r.IsZero() {
		e.Waits = append(e.Waits, T("a management review covering complaints handling, held after the system went live, with its inputs and outputs recorded", "体系运行后开展、登记了评审输入和输出的覆盖投诉处理的管理评审"))
	} else if r.After(date) {
		date = r
	}
	if len(e.Waits) == 0 {
		e.From = date
	}
	return e
}

// firstAuditDate is the first internal audit covering complaints handling
// held on or after start: an audit before the system ran audited nothing,
// and one whose auditor audited their own work is no audit.
func firstAuditDate(d *dossier.Dossier, start dossier.Date) dossier.Date {
	var first dossier.Date
	for i := range d.Audits {
		a := &d.Audits[i]
		if a.CoversComplaints && auditIndependent(d, a) && !a.Date.IsZero() && !a.Date.Before(start) && (first.IsZero() || a.Date.Before(first)) {
			first = a.Date
		}
	}
	return first
}

// firstReviewDate is firstAuditDate for management reviews; a review
// with no inputs, or no decision, is no review.
func firstReviewDate(d *dossier.Dossier, start dossier.Date) dossier.Date {
	var first dossier.Date
	for i := range d.Reviews {
		r := &d.Reviews[i]
		if r.CoversComplaints && reviewCounts(d, r) && !r.Date.IsZero() && !r.Date.Before(start) && (first.IsZero() || r.Date.Before(first)) {
			first = r.Date
		}
	}
	return first
}

func runOperationMonths(p *Pass) {
	d := p.Dossier
	o := d.Organisation
	if o == nil || o.SystemLive.IsZero() {
		p.Reportf(orgPos(d, "system_live"), "organisation",
			T("The date the complaints-handling system went live ({{organisation.system_live}}) is not given, so neither the operating time nor the earliest application date can be established.",
				"未填写{{organisation.system_live}}，无法确定运行时间和最早可申请日期。"))
		return
	}
	n := p.T().MinOperationMonths
	e := EarliestApplication(d, p.Metrics, p.T())
	if e.Start != o.SystemLive {
		// The records win: a log whose first complaint comes months after
		// the declared go-live does not evidence operation before it.
		// Alone it is an observation: an organisation may receive no
		// complaint for a while; it weighs only when the later start
		// leaves too little operation, reported below.
		p.Report(Finding{Pos: o.PosOf("system_live"), Record: "organisation", Severity: Observation, Message: Tf(
			"The system is declared live on %s, but the complaint log's first complaint was received on %s; operation is counted from %s.",
			"声明的体系运行起始日期为 %s，但投诉台账最早一起投诉的受理日期为 %s；运行时间自 %s 起算。",
			o.SystemLive, e.Start, e.Start)})
	}
	reached := e.Start.AddDate(0, n, 0)
	if !p.AsOf.Before(reached) {
		return
	}
	msg := T(fmt.Sprintf("Operation counted from %s; %d months of operation are needed and are reached on %s, %d days after the as-of date %s.", e.Start, n, reached, p.AsOf.DaysUntil(reached), p.AsOf),
		fmt.Sprintf("体系运行自 %s 起算；需运行 %d 个月，于 %s 达到，距评估日 %s 还有 %d 天。", e.Start, n, reached, p.AsOf, p.AsOf.DaysUntil(reached)))
	switch {
	case e.From.IsZero():
		var en, zh []string
		for _, w := range e.Waits {
			en, zh = append(en, w.EN), append(zh, w.ZH)
		}
		msg.EN += " Earliest eligible application date: not yet, it also needs " + strings.Join(en, "; ") + "."
		msg.ZH += "最早可申请日期：尚不能确定，还需" + strings.Join(zh, "；") + "。"
	case e.From != reached:
		msg.EN += fmt.Sprintf(" Earliest eligible application date: %s (set by the first internal audit or management review covering complaints handling).", e.From)
		msg.ZH += fmt.Sprintf("最早可申请日期：%s（由首次覆盖投诉处理的内部审核或管理评审日期决定）。", e.From)
	default:
		msg.EN += fmt.Sprintf(" Earliest eligible application date: %s.", e.From)
		msg.ZH += fmt.Sprintf("最早可申请日期：%s。", e.From)
	}
	p.Reportf(o.PosOf("system_live"), "organisation", msg)
}

func runLegalRep(p *Pass) {
	o := p.Dossier.Organisation
	if o == nil {
		p.Reportf(p.Dossier.PlaceOf("organisation"), "organisation",
			T("No organisation record, so no legal representative is identified.", "没有组织信息记录，未明确法定代表人。"))
		return
	}
	if strings.TrimSpace(o.LegalRep) == "" {
		p.Reportf(o.PosOf("legal_rep"), "organisation",
			T("The legal representative is not named.", "未填写法定代表人。"))
	}
	switch {
	case o.LegalRepIDFile == "":
		p.Reportf(o.PosOf("legal_rep_id_file"), "organisation",
			T("No copy of the legal representative's ID is referenced ({{organisation.legal_rep_id_file}}).",
				"未提供法定代表人身份证复印件（未填写{{organisation.legal_rep_id_file}}）。"))
	case !evidenceExists(p.Dossier, o.LegalRepIDFile):
		p.Reportf(o.PosOf("legal_rep_id_file"), "organisation",
			Tf("The legal representative's ID copy %s is missing from the dossier or empty.", "法定代表人身份证复印件 %s 不在资料中或为空文件。",
				o.LegalRepIDFile))
	}
	if o.LegalRepID == "" || p.Config.Jurisdiction != "cn" {
		return
	}
	loc := p.Dossier.Location
	if loc == nil {
		loc = time.UTC
	}
	r := cn.ValidateResidentID(o.LegalRepID, p.AsOf.In(loc))
	if !r.Valid {
		// The number is personal data: the message names only its masked
		// form, and the validator's own texts are left out because they may
		// quote digits of it.
		codes := make([]string, 0, len(r.Problems))
		for _, pr := range r.Problems {
			codes = append(codes, pr.Code)
		}
		p.Report(Finding{
			Pos: o.PosOf("legal_rep_id"), Record: "organisation", Severity: Minor,
			Message: Text{
				EN: fmt.Sprintf("The legal representative's ID number %s is not a valid GB 11643 resident ID (%s).", cn.MaskID(o.LegalRepID), strings.Join(codes, ", ")),
				ZH: fmt.Sprintf("法定代表人身份证号码 %s 不是有效的 GB 11643 居民身份号码（%s）。", cn.MaskID(o.LegalRepID), strings.Join(codes, "、")),
			},
		})
	}
}

// profileElements are what a company profile must describe for the
// application (seed 000 §3): the business scope is read as the products
// and services the organisation offers.
var profileElements = []string{"history", "products_services", "markets", "culture"}

func runProfile(p *Pass) {
	d := p.Dossier
	docs := docsOfKind(d, "profile")
	if len(docs) == 0 {
		p.Reportf(orgPos(d, "name"), "document kind profile",
			T("No company profile (a document of kind profile) is on file.", "没有企业简介（文件类型为“公司简介”的文件）。"))
		return
	}
	missing := uncovered(docs, profileElements)
	if len(missing) == 0 {
		return
	}
	first := docs[0]
	p.Report(Finding{
		Pos: first.PosOf("covers"), Record: "document " + first.ID, Severity: Minor,
		Message: Text{
			EN: fmt.Sprintf("The company profile %s does not cover: %s.", first.ID, strings.Join(missing, ", ")),
			ZH: fmt.Sprintf("企业简介 %s 未涵盖：%s。", first.ID, strings.Join(missing, "、")),
		},
	})
}

// joinIDs renders a list of record ids for a message, capped so a finding
// about hundreds of records stays readable.
func joinIDs(ids []string, limit int) Text {
	if limit <= 0 || len(ids) <= limit {
		return T(strings.Join(ids, ", "), strings.Join(ids, "、"))
	}
	return Tf("%s and %d more", "%s等%d人", strings.Join(ids[:limit], ", "), len(ids)-limit)
}
