package checks

// docs.org-chart: the organisation chart a certification body reads at the
// stage-1 document review, to see where complaints handling sits and who
// answers for it.

var docsOrgChart = &Check{
	ID:          "docs.org-chart",
	Title:       T("Organisation chart on file", "组织机构图在案"),
	Severity:    Major,
	Requirement: []string{"R6", "R22"},
	Clauses:     []string{"5.4"},
	Nodes:       []string{"cn-scheme:S3.2"},
	Basis:       OnScheme,
	Source: T("Certification bodies' stage-1 document review: the organisation structure and the division of responsibilities (seed 000 §2.1); ISO 10002 5.4 assigns responsibility and authority for the process.",
		"认证机构第一阶段文件审核：组织结构和职责分工（种子资料 000 §2.1）；ISO 10002 5.4 规定投诉处理过程的职责和权限。"),
	Evidence: T("A current organisation chart (document kind org_chart) showing the departments, the complaint-management department or post and the line to top management, with its file in the dossier.",
		"现行的组织机构图（文件类型“组织机构图”），显示各部门、投诉管理部门或岗位及其向最高管理者的汇报关系，文件在资料包中。"),
	Remedy: T("Draw the organisation chart, have it approved, register it as a document of kind org_chart and put its file in the dossier.",
		"绘制组织机构图并经批准，在体系文件中登记为“组织机构图”类文件，并将文件放入资料包。"),
	Doc: T("Major when no document of kind org_chart is registered. A registered chart whose file is missing or empty is reported once, by docs.control.",
		"未登记“组织机构图”类文件为严重不符合。已登记但文件缺失或为空的，由 docs.control 报告一次。"),
	Run: func(p *Pass) {
		requireKind(p, "document kind org_chart", T(
			"No organisation chart is registered (no document of kind org_chart); the stage-1 document review reads the structure and the complaint-management post from it",
			"未登记组织机构图（没有“组织机构图”类文件）；第一阶段文件审核据此了解组织结构和投诉管理岗位"), "org_chart")
	},
}

func init() { Register(docsOrgChart) }
