package checks

// org.sites-headcount: the sites the system covers and the number of
// employees. Certification bodies' application forms ask for both: the
// headcount sizes the audit, and every site away from the head office is
// listed so the audit can plan to visit it.

var orgSitesHeadcount = &Check{
	ID:          "org.sites-headcount",
	Title:       T("Sites and headcount declared", "场所和员工人数已申报"),
	Severity:    Major,
	Requirement: []string{"R5", "R22"},
	Nodes:       []string{"cn-scheme:S3.10"},
	Basis:       OnScheme,
	Source: T("Certification bodies' management-system application forms ask for the applicant's human resources and for a list of every fixed site away from the head office (e.g. Liaoning Inspection, Examination & Certification Centre, management-system certification application form, annex 1 multi-site list).",
		"认证机构的管理体系认证申请书要求填写申请组织的人力资源情况，并列出与总部不在同一地址的全部固定场所（如辽宁省检验检测认证中心《管理体系认证申请书》附件 1《受审核组织多场所清单》）。"),
	Evidence: T("The number of employees (employees) and the list of every site the system covers (sites) in the organisation record.",
		"组织信息中的“员工人数”及体系覆盖的全部场所（“场所清单”）。"),
	Remedy: T("Record the number of employees and list every site the complaints-handling system covers, the head office included.",
		"填写员工人数，并列出投诉处理管理体系覆盖的全部场所（含总部）。"),
	Doc: T("Major when the number of employees is missing: the certification body cannot size the audit. Minor when no site is listed, even if the registered address is known: stores and branches away from it must be declared.",
		"未填写员工人数为严重不符合：认证机构无法确定审核工作量。未列出任何场所为轻微不符合，即使已知注册地址：不在注册地址的门店和分支机构须申报。"),
	Run: func(p *Pass) {
		o := p.Dossier.Organisation
		if o == nil {
			p.Reportf(p.Dossier.PlaceOf("organisation"), "organisation", T(
				"No organisation record, so neither the headcount nor the sites are declared",
				"没有组织信息，员工人数和场所均未申报"))
			return
		}
		if o.Employees <= 0 {
			p.Report(Finding{Pos: orgPos(p.Dossier, "employees"), Record: "organisation", Facet: "employees", Message: T(
				"The number of employees is not given; the certification body sizes the audit from it",
				"未填写“员工人数”；认证机构据此确定审核工作量")})
		}
		if len(o.Sites) == 0 {
			p.Report(Finding{Pos: orgPos(p.Dossier, "sites"), Record: "organisation", Facet: "sites", Severity: Minor, Message: T(
				"No site is listed (sites is blank); list every site the system covers, the head office included",
				"未列出任何场所（“场所清单”为空）；请列出体系覆盖的全部场所（含总部）")})
		}
	},
}

func init() { Register(orgSitesHeadcount) }
