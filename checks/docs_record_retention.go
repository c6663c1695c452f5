package checks

// docs.record-retention: how long complaint records are kept and how they
// are disposed of. Certification bodies judge the operating records the
// organisation keeps (seed 000 §1.2); rules that say how long they are kept
// are what make those records still there at the audit.

var docsRecordRetention = &Check{
	ID:          "docs.record-retention",
	Title:       T("Record-retention rules", "记录保存规定"),
	Severity:    Minor,
	Requirement: []string{"R9", "R22"},
	Nodes:       []string{"cn-scheme:S3.6"},
	Basis:       OnScheme,
	Source: T("Certification bodies judge the system by the operating records kept, complaint records in particular (seed 000 §1.2); the stage-1 document review asks how records are controlled and kept.",
		"认证机构依据企业留存的运营记录（特别是投诉处理记录）判断体系运行（种子资料 000 §1.2）；第一阶段文件审核要求说明记录如何控制和保存。"),
	Evidence: T("Rules for keeping records (document kind retention_rules, or a procedure or manual whose `covers` include record_retention) stating what is kept, where, for how long and how it is disposed of.",
		"记录保存规定（文件类型“记录保存规定”，或“涵盖要素”包含“记录保存期限”的程序文件或手册），写明保存哪些记录、保存地点、保存期限及处置方式。"),
	Remedy: T("Write the record-retention rules (a record control procedure or a section of the complaints procedure), list record_retention in its `covers`, approve and file it.",
		"编写记录保存规定（记录控制程序或投诉处理程序中的一节），在“涵盖要素”中列明“记录保存期限”，批准并归档。"),
	Doc: T("Passes when a document of kind retention_rules is registered, or any document of the system (manual, procedure, instruction, policy) declares record_retention in its `covers`; minor otherwise. A missing or empty file is docs.control's finding.",
		"登记了“记录保存规定”类文件，或任一体系文件（手册、程序文件、作业指导书、方针）在“涵盖要素”中声明“记录保存期限”，即为通过；否则为轻微不符合。文件缺失或为空由 docs.control 报告。"),
	Run: func(p *Pass) {
		for _, doc := range docsOfKind(p.Dossier, "manual", "procedure", "instruction", "policy") {
			if doc.CoversElement("record_retention") {
				return
			}
		}
		requireKind(p, "document kind retention_rules", T(
			"No record-retention rules: no document of kind retention_rules, and no procedure or manual declares record_retention",
			"没有记录保存规定：没有“记录保存规定”类文件，也没有程序文件或手册声明“记录保存期限”"), "retention_rules")
	},
}

func init() { Register(docsRecordRetention) }
