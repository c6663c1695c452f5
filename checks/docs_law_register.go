package checks

import "fmt"

// docs.law-register: the register of laws and regulations that apply to
// the organisation's complaints handling. A certification body reads it at
// the stage-1 review; what it names is read from the laws it declares in
// `covers`.

var docsLawRegister = &Check{
	ID:          "docs.law-register",
	Title:       T("Register of applicable laws and regulations", "适用法律法规清单"),
	Severity:    Major,
	Requirement: []string{"R11", "R22"},
	Clauses:     []string{"5.1"},
	Nodes:       []string{"cn-scheme:S3.5"},
	Basis:       OnScheme,
	Source: T("Certification bodies' programme rules list the register of applicable laws, regulations and other requirements among the documents submitted for review (e.g. Shanghai Quality Technology Certification Center, management-system certification rules, 2021); ISO 10002 asks the organisation to take relevant statutory and regulatory requirements into account.",
		"认证机构的认证程序规则将适用的法律、法规及其他要求清单列为提交审核的文件（如上海质量技术认证中心《管理体系认证程序规则》2021 版）；ISO 10002 要求组织考虑相关的法律法规要求。"),
	Principles: []string{"4.10"},
	Evidence: T("A register of applicable laws and regulations (document kind law_register) with its file, naming at least the Consumer Rights and Interests Protection Law and the Personal Information Protection Law, and, where they apply, the Product Quality Law, the market regulator's Measures for Handling Complaints and Reports (SAMR Order No. 121, in force from 2026-04-15, replacing the 2019 Interim Measures), and the laws of the organisation's sector.",
		"适用法律法规清单（文件类型“适用法律法规清单”），文件在资料包中，至少列明《消费者权益保护法》和《个人信息保护法》，并视适用情况列明《产品质量法》、《市场监督管理投诉举报处理办法》（2026年4月15日起施行，取代2019年暂行办法）及所属行业的法律法规。"),
	Remedy: T("Compile the register of applicable laws, list the laws it names in `covers` (consumer_protection_law; personal_information_protection_law; product_quality_law; complaint_measures; sector_law), approve it and file it.",
		"编制适用法律法规清单，在“涵盖要素”中列明所含法规（消费者权益保护法、个人信息保护法、产品质量法、市场监督管理投诉举报处理办法、行业法律法规），批准并归档。"),
	Doc: T("Major when no document of kind law_register is registered, or when the registers together do not name the Consumer Rights and Interests Protection Law and the Personal Information Protection Law: every organisation handling consumers' complaints handles their personal data. The Product Quality Law, the complaint-handling measures and, in a sector with permits, the sector's law depend on the business, so leaving them out is an observation to check. A missing or empty file is docs.control's finding.",
		"未登记“适用法律法规清单”类文件，或清单合起来未列明《消费者权益保护法》和《个人信息保护法》，为严重不符合：处理顾客投诉必然处理其个人信息。《产品质量法》、投诉举报处理办法以及需许可证行业的行业法规是否适用取决于业务，未列明为观察项，请核实。文件缺失或为空由 docs.control 报告。"),
	Run: runLawRegister,
}

func init() { Register(docsLawRegister) }

// lawRegisterElements are the laws the register is read for: the two that
// apply to every consumer complaint, then those that depend on the business.
func lawRegisterElements() []string {
	return []string{"consumer_protection_law", "personal_information_protection_law", "product_quality_law", "complaint_measures", "sector_law"}
}

func runLawRegister(p *Pass) {
	if _, ok := requireKind(p, "document kind law_register", T(
		"No register of applicable laws and regulations is registered (no document of kind law_register)",
		"未登记适用法律法规清单（没有“适用法律法规清单”类文件）"), "law_register"); !ok {
		return
	}
	docs := docsOfKind(p.Dossier, "law_register")
	rec, pos := docsRecord(docs), docs[0].PosOf("covers")
	if missing := uncovered(docs, lawRegisterElements()[:2]); len(missing) > 0 {
		l := elementList(missing)
		p.Report(Finding{Pos: pos, Record: rec, Facet: "required", Message: Text{
			EN: fmt.Sprintf("The register of laws %s does not name: %s; they apply to every organisation handling consumers' complaints and their personal data", docNames(docs), l.EN),
			ZH: fmt.Sprintf("适用法律法规清单 %s 未列明：%s；凡处理顾客投诉及其个人信息的组织均适用", docNames(docs), l.ZH),
		}})
	}
	consider := lawRegisterElements()[2:4]
	if o := p.Dossier.Organisation; o != nil && len(p.Config.SectorPermits[o.Sector]) > 0 {
		consider = append(consider, "sector_law")
	}
	if missing := uncovered(docs, consider); len(missing) > 0 {
		l := elementList(missing)
		p.Report(Finding{Pos: pos, Record: rec, Facet: "to consider", Severity: Observation, Basis: OnPractice, Message: Text{
			EN: fmt.Sprintf("The register of laws %s does not name: %s; check whether they apply and add them if so", docNames(docs), l.EN),
			ZH: fmt.Sprintf("适用法律法规清单 %s 未列明：%s；请核实是否适用，适用的予以补充", docNames(docs), l.ZH),
		}})
	}
}
