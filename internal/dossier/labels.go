package dossier

// EnumLabelsZH are the Chinese labels of enum values, by enumeration: the
// workbook template offers them in its Chinese dropdowns and the loaders
// accept them, so a client picks 电话 and the checks see phone. One table
// serves both, so a label offered is always a label accepted.
var EnumLabelsZH = map[string]map[string]string{
	"sector": {"food": "食品", "medical": "医疗", "finance": "金融", "drug": "药品", "retail": "零售",
		"manufacturing": "制造", "services": "服务", "telecom": "电信", "utilities": "公用事业", "education": "教育",
		"tourism": "旅游", "logistics": "物流", "ecommerce": "电子商务", "construction": "建筑", "other": "其他"},
	"licence": {"business_licence": "营业执照", "food_operation": "食品经营许可证", "food_production": "食品生产许可证",
		"medical_practice": "医疗机构执业许可证", "financial": "金融许可证", "drug_operation": "药品经营许可证", "other": "其他"},
	"document": {"manual": "手册", "procedure": "程序文件", "instruction": "作业指导书", "form": "表单", "policy": "方针",
		"analysis": "分析报告", "survey_report": "调查报告", "audit_report": "审核报告", "review_minutes": "评审纪要",
		"profile": "公司简介", "certificate": "证书", "training_plan": "培训计划", "commitment": "承诺书", "plan": "计划",
		"record": "记录", "other": "其他"},
	"channel": {"phone": "电话", "email": "电子邮件", "web": "网站", "app": "应用", "in_person": "现场", "box": "意见箱",
		"social": "社交媒体", "letter": "信函", "other": "其他"},
	"complexity":   {"simple": "简单", "complex": "复杂"},
	"risk":         {"low": "低", "medium": "中", "high": "高"},
	"status":       {"open": "待处理", "in_progress": "处理中", "resolved": "已解决", "closed": "已关闭", "withdrawn": "已撤回"},
	"satisfaction": {"very_satisfied": "非常满意", "satisfied": "满意", "neutral": "一般", "dissatisfied": "不满意", "very_dissatisfied": "非常不满意"},
	"action":       {"open": "未关闭", "closed": "已关闭"},
}

// EnumAliasesZH are further spellings real workbooks use for the same
// values; accepted on input, never offered.
var EnumAliasesZH = map[string]string{
	"质量手册": "manual", "邮件": "email", "网页": "web", "已完成": "closed",
}
