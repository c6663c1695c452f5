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
		"record": "记录", "org_chart": "组织机构图", "job_description": "岗位职责说明书", "appointment": "任命书",
		"law_register": "适用法律法规清单", "retention_rules": "记录保存规定", "process_chart": "投诉处理流程及流程图",
		"declaration": "守法声明", "other": "其他"},
	"channel": {"phone": "电话", "email": "电子邮件", "web": "网站", "app": "应用", "in_person": "现场", "box": "意见箱",
		"social": "社交媒体", "letter": "信函", "other": "其他"},
	"complexity":   {"simple": "简单", "complex": "复杂"},
	"risk":         {"low": "低", "medium": "中", "high": "高"},
	"status":       {"open": "待处理", "in_progress": "处理中", "resolved": "已解决", "closed": "已关闭", "withdrawn": "已撤回"},
	"satisfaction": {"very_satisfied": "非常满意", "satisfied": "满意", "neutral": "一般", "dissatisfied": "不满意", "very_dissatisfied": "非常不满意"},
	"action":       {"open": "未关闭", "closed": "已关闭"},
	"role": {"top_management": "最高管理者", "management_representative": "管理者代表", "complaint_manager": "投诉管理负责人",
		"handler": "投诉处理人员", "working_group_lead": "认证工作组组长", "working_group": "认证工作组成员", "auditor": "内审员", "trainer": "培训师"},
	"topic": {"complaint_skills": "投诉处理技巧", "customer_psychology": "顾客心理", "product_knowledge": "产品和服务知识",
		"laws_regulations": "法律法规", "standard": "标准", "internal_audit": "内审员培训", "other": "其他"},
	"equipment": {"call_recording": "通话录音", "computer": "计算机", "printer": "打印机", "phone": "电话机", "crm_terminal": "CRM终端",
		"camera": "摄像设备", "other": "其他"},
	"element": {"policy": "投诉处理方针", "scope": "体系范围", "organisation_structure": "组织结构", "responsibilities": "职责分工",
		"receipt": "接收", "classification": "分类", "assessment": "评估", "action": "处理措施制定", "execution": "措施执行",
		"follow_up": "回访跟踪", "closing": "关闭", "time_limits": "处理时限", "categories": "投诉类别及责任部门", "escalation": "升级机制",
		"root_cause_methods": "原因分析方法", "communication_norms": "沟通规范", "form_rules": "表格填写规范",
		"intake_register": "投诉受理登记表", "handling_record": "投诉处理过程记录表", "follow_up_record": "客户回访记录表", "analysis_report": "投诉数据分析报表",
		"types": "投诉类型", "causes": "投诉原因", "distribution": "分布", "effectiveness": "处理有效性",
		"confidentiality": "保密", "objectivity": "客观公正",
		"recusal": "回避制度", "recourse": "告知救济途径",
		"history": "发展历程", "products_services": "产品与服务", "markets": "市场", "culture": "企业文化",
		"consumer_protection_law": "消费者权益保护法", "product_quality_law": "产品质量法", "personal_information_protection_law": "个人信息保护法",
		"complaint_measures": "市场监督管理投诉举报处理办法", "sector_law": "行业法律法规", "record_retention": "记录保存期限"},
	"review_input": {"previous_actions": "以往管理评审措施的落实情况", "context_changes": "内外部因素的变化", "process_performance": "投诉处理绩效及目标实现情况",
		"audit_results": "审核结果", "customer_feedback": "顾客反馈和满意度", "improvement_opportunities": "改进机会",
		"corrective_actions": "纠正措施状况", "resources": "资源充分性"},
	"review_output": {"process_improvement": "投诉处理过程的改进", "resource_needs": "资源需求", "changes": "体系变更",
		"product_improvement": "产品和服务的改进"},
}

// EnumAliasesZH are further spellings real workbooks use for the same
// values; accepted on input, never offered.
var EnumAliasesZH = map[string]string{
	"质量手册": "manual", "邮件": "email", "网页": "web", "已完成": "closed",
}
