package checks

// people.job-descriptions: the written responsibilities of the roles in the
// complaints-handling process, read at the stage-1 document review.

var peopleJobDescriptions = &Check{
	ID:          "people.job-descriptions",
	Title:       T("Job descriptions for the complaints-handling roles", "投诉处理相关岗位职责说明"),
	Severity:    Minor,
	Requirement: []string{"R10", "R22"},
	Clauses:     []string{"5.4"},
	Nodes:       []string{"cn-scheme:S3.3"},
	Basis:       OnStandard,
	Principles:  []string{"4.12"},
	Evidence: T("Job descriptions (document kind job_description) stating the responsibilities and authority of top management, the management representative, the complaint manager and the handlers, with their files in the dossier.",
		"岗位职责说明书（文件类型“岗位职责说明书”），写明最高管理者、管理者代表、投诉管理负责人和投诉处理人员的职责和权限，文件在资料包中。"),
	Remedy: T("Write the job descriptions of the complaints-handling roles, register them as documents of kind job_description and file them.",
		"编写投诉处理相关岗位的职责说明书，登记为“岗位职责说明书”类文件并归档。"),
	Doc: T("ISO 10002 5.4 asks that responsibility and authority for the process be defined; a manual that names them is not a job description a handler can be held to. Minor when no document of kind job_description is registered; a missing or empty file is docs.control's finding.",
		"ISO 10002 5.4 要求规定投诉处理过程的职责和权限；手册中的概述不能代替可据以考核的岗位职责说明。未登记“岗位职责说明书”类文件为轻微不符合；文件缺失或为空由 docs.control 报告。"),
	Run: func(p *Pass) {
		requireKind(p, "document kind job_description", T(
			"No job descriptions are registered (no document of kind job_description) for the complaints-handling roles",
			"未登记投诉处理相关岗位的职责说明（没有“岗位职责说明书”类文件）"), "job_description")
	},
}

func init() { Register(peopleJobDescriptions) }
