package dossier

// Kind is the type of a field as the loaders understand it: it decides how a
// YAML scalar, an Excel cell or a CSV value is parsed and normalised.
type Kind int

// The field kinds. List values are written in one Excel/CSV cell separated
// by ";", "；", "、", "," or new lines.
const (
	KString   Kind = iota // free text
	KInt                  // whole number
	KNumber               // decimal number
	KBool                 // yes/no, true/false, 是/否
	KDate                 // calendar date
	KExpiry               // date or "indefinite" (长期)
	KDateTime             // instant; read in the dossier's zone when it has none
	KEnum                 // one of Field.Enum
	KList                 // list of strings (Field.Enum restricts items when set)
	KFile                 // evidence file, relative to the dossier directory
)

var kindNames = [...]string{"text", "integer", "number", "yes/no", "date", "date or indefinite", "date-time", "choice", "list", "file"}

// String names the kind for people (templates, error messages).
func (k Kind) String() string { return kindNames[k] }

// Field describes one column of a record type.
type Field struct {
	Key      string   // canonical key: YAML key, JSON property
	EN, ZH   string   // column headers in the workbook template
	Aliases  []string // further accepted headers (case-insensitive)
	Kind     Kind
	Enum     []string // allowed values for KEnum and KList items
	Pattern  string   // regular expression a string must match (JSON Schema "pattern")
	Required bool
	Personal bool // personal data: masked in every output by default
	DocEN    string
	DocZH    string
	Example  string // one example value, used by the template and the docs

	// Terms are the values the checks read in a free list (a document's
	// covers): offered, labelled in Chinese and read from their labels,
	// but not enforced, since a document may declare more than the checks
	// look for.
	Terms []string
}

// RecordType describes one kind of record: its YAML file, its sheet and its
// fields. The table below is the single source of truth for header aliases,
// the JSON Schemas (generated from it), the fill-in template and the docs.
type RecordType struct {
	Name    string // "licences"
	File    string // YAML file name in a dossier directory
	SheetEN string
	SheetZH string
	Single  bool // one record (a mapping), not a list
	DocEN   string
	DocZH   string
	Fields  []Field
}

// Field returns the field with the given key.
func (rt *RecordType) Field(key string) (*Field, bool) {
	for i := range rt.Fields {
		if rt.Fields[i].Key == key {
			return &rt.Fields[i], true
		}
	}
	return nil, false
}

// Enumerations shared by several record types.
var (
	Sectors = []string{"food", "medical", "finance", "drug", "retail", "manufacturing", "services", "telecom", "utilities", "education", "tourism", "logistics", "ecommerce", "construction", "other"}

	LicenceTypes = []string{"business_licence", "food_operation", "food_production", "medical_practice", "financial", "drug_operation", "other"}

	DocumentKinds = []string{"manual", "procedure", "instruction", "form", "policy", "analysis", "survey_report", "audit_report", "review_minutes", "profile", "certificate", "training_plan", "commitment", "plan", "record", "org_chart", "job_description", "appointment", "law_register", "retention_rules", "process_chart", "declaration", "other"}

	ChannelTypes = []string{"phone", "email", "web", "app", "in_person", "box", "social", "letter", "other"}

	Complexities = []string{"simple", "complex"}

	RiskLevels = []string{"low", "medium", "high"}

	Statuses = []string{"open", "in_progress", "resolved", "closed", "withdrawn"}

	Satisfactions = []string{"very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"}

	PersonRoles = []string{"top_management", "management_representative", "complaint_manager", "handler", "working_group_lead", "working_group", "auditor", "trainer"}

	TrainingTopics = []string{"complaint_skills", "customer_psychology", "product_knowledge", "laws_regulations", "standard", "internal_audit", "other"}

	Equipment = []string{"call_recording", "computer", "printer", "phone", "crm_terminal", "camera", "other"}

	ActionStatuses = []string{"open", "closed"}

	// CoverElements are the elements the checks look for in a document's
	// covers: manual, procedure, work instructions, forms, analysis,
	// principles, sector rules (recusal, recourse) and company profile, in
	// that order.
	CoverElements = []string{"policy", "scope", "organisation_structure", "responsibilities",
		"receipt", "classification", "assessment", "action", "execution", "follow_up", "closing", "time_limits", "categories", "escalation",
		"root_cause_methods", "communication_norms", "form_rules",
		"intake_register", "handling_record", "follow_up_record", "analysis_report",
		"types", "causes", "distribution", "effectiveness",
		"confidentiality", "objectivity",
		"recusal", "recourse",
		"history", "products_services", "markets", "culture",
		"consumer_protection_law", "product_quality_law", "personal_information_protection_law", "complaint_measures", "sector_law",
		"record_retention"}

	// ReviewInputs are what a management review of the complaints-handling
	// process takes in (ISO 10002 8.6): the review.inputs check reads them.
	ReviewInputs = []string{"previous_actions", "context_changes", "process_performance", "audit_results",
		"customer_feedback", "improvement_opportunities", "corrective_actions", "resources"}

	// ReviewOutputs are the decisions a management review records.
	ReviewOutputs = []string{"process_improvement", "resource_needs", "changes", "product_improvement"}
)

func terms(fl Field, values []string) Field { fl.Terms = values; return fl }

func f(key, en, zh string, k Kind, docEN, docZH, example string) Field {
	return Field{Key: key, EN: en, ZH: zh, Kind: k, DocEN: docEN, DocZH: docZH, Example: example}
}

func req(fl Field) Field { fl.Required = true; return fl }

func pii(fl Field) Field { fl.Personal = true; return fl }

func enum(fl Field, values []string) Field { fl.Enum = values; return fl }

func alias(fl Field, a ...string) Field { fl.Aliases = append(fl.Aliases, a...); return fl }

// Types lists every record type in the order the workbook and reports use.
// It returns a fresh slice each call so no caller can change another's view.
func Types() []RecordType {
	return []RecordType{
		{Name: "organisation", File: "organisation.yaml", SheetEN: "Organisation", SheetZH: "组织信息", Single: true,
			DocEN: "The legal entity applying for certification.", DocZH: "申请认证的法人单位。",
			Fields: []Field{
				req(alias(f("name", "Legal name", "单位名称", KString, "Registered legal name as on the business licence", "营业执照上的登记名称", "杭州示例食品有限公司"), "名称", "企业名称")),
				f("name_en", "English name", "英文名称", KString, "English name, if any", "英文名称（如有）", "Hangzhou Example Foods Co., Ltd."),
				alias(f("uscc", "USCC", "统一社会信用代码", KString, "Unified social credit code (GB 32100-2015), 18 characters", "统一社会信用代码（18位）", "91330106MA2B3C4D5E"), "unified social credit code", "信用代码"),
				f("org_code", "Organisation code", "组织机构代码", KString, "Organisation code (GB 11714), only where no USCC exists", "组织机构代码（无统一代码时填写）", ""),
				pii(f("legal_rep", "Legal representative", "法定代表人", KString, "Name of the legal representative", "法定代表人姓名", "王建国")),
				pii(f("legal_rep_id", "Legal representative ID number", "法定代表人身份证号", KString, "Resident ID number (personal data; optional)", "居民身份证号码（个人信息，可不填）", "")),
				f("legal_rep_id_file", "Legal representative ID copy", "法定代表人身份证复印件", KFile, "Evidence file: copy of the legal representative's ID", "法定代表人身份证复印件文件", "evidence/legal-rep-id.pdf"),
				enum(f("sector", "Sector", "行业", KEnum, "Sector; food, medical, finance and drug require a sector permit", "所属行业；食品、医疗、金融、药品需行业许可证", "food"), Sectors),
				f("address", "Registered address", "注册地址", KString, "Registered address", "注册地址", "浙江省杭州市西湖区文三路100号"),
				f("business_scope", "Business scope", "经营范围", KString, "Business scope as registered", "登记的经营范围", "食品销售；餐饮服务"),
				f("established", "Established", "成立日期", KDate, "Date of establishment", "成立日期", "2012-05-18"),
				f("annual_revenue", "Annual revenue (CNY)", "年营业收入（元）", KNumber, "Annual revenue in CNY, used for the budget ratio", "年营业收入（元），用于计算预算比例", "120000000"),
				alias(f("system_live", "Complaint system live since", "投诉处理体系运行日期", KDate, "Date the complaint-handling system went live", "投诉处理管理体系开始运行的日期", "2026-03-01"), "体系运行日期"),
				f("complaint_department", "Complaint department or post", "投诉管理部门/岗位", KString, "Dedicated complaint-management department or post", "专职投诉管理部门或岗位", "客户服务部"),
				f("employees", "Employees", "员工人数", KInt, "Number of employees", "员工人数", "320"),
				f("sites", "Sites", "场所清单", KList, "Every site the system covers (head office, stores, branches), one address each", "体系覆盖的全部场所（总部、门店、分支机构），每个场所一个地址", "浙江省杭州市西湖区文三路100号; 浙江省杭州市拱墅区湖墅南路8号"),
				f("website", "Website", "网站", KString, "Public website", "官方网站", "https://www.example.cn"),
			}},
		{Name: "licences", File: "licences.yaml", SheetEN: "Licences", SheetZH: "证照",
			DocEN: "Business licence and sector permits.", DocZH: "营业执照及行业许可证。",
			Fields: []Field{
				req(enum(f("type", "Type", "证照类型", KEnum, "business_licence, food_operation, food_production, medical_practice, financial, drug_operation or other", "证照类型", "business_licence"), LicenceTypes)),
				req(f("number", "Number", "证照编号", KString, "Licence number (the USCC for a business licence)", "证照编号（营业执照即统一社会信用代码）", "91330106MA2B3C4D5E")),
				f("name", "Registered name", "登记名称", KString, "Name on the licence", "证照上的名称", "杭州示例食品有限公司"),
				f("issuer", "Issuer", "发证机关", KString, "Issuing authority", "发证机关", "杭州市西湖区市场监督管理局"),
				f("issued", "Issued", "发证日期", KDate, "Date issued", "发证日期", "2021-06-01"),
				req(f("valid_until", "Valid until", "有效期至", KExpiry, "Expiry date, or indefinite (长期)", "有效期截止日期，或“长期”", "长期")),
				f("scope", "Scope", "经营/许可范围", KString, "Licensed scope", "经营范围或许可范围", "食品销售"),
				f("address", "Address", "住所", KString, "Address on the licence", "证照上的住所", "浙江省杭州市西湖区文三路100号"),
				f("established", "Established", "成立日期", KDate, "Establishment date on the business licence", "营业执照上的成立日期", "2012-05-18"),
				f("evidence", "Evidence file", "证明文件", KFile, "Scan of the licence, relative to the dossier", "证照扫描件（相对路径）", "evidence/business-licence.pdf"),
			}},
		{Name: "documents", File: "documents.yaml", SheetEN: "Documents", SheetZH: "体系文件",
			DocEN: "Controlled documents: manual, procedures, work instructions, forms, reports, minutes.", DocZH: "受控文件：手册、程序文件、作业指导书、表单、报告、纪要。",
			Fields: []Field{
				req(f("id", "Document id", "文件编号", KString, "Document number", "文件编号", "QM-01")),
				req(f("title", "Title", "文件名称", KString, "Title", "文件名称", "投诉处理质量手册")),
				req(enum(f("kind", "Kind", "文件类型", KEnum, "manual, procedure, instruction, form, policy, analysis, survey_report, audit_report, review_minutes, profile, certificate, training_plan, commitment, plan, record, org_chart, job_description, appointment, law_register, retention_rules, process_chart, declaration or other", "文件类型", "manual"), DocumentKinds)),
				f("version", "Version", "版本", KString, "Version or revision", "版本号", "A/1"),
				pii(f("approved_by", "Approved by", "批准人", KString, "Who approved it", "批准人", "王建国")),
				f("approved_on", "Approved on", "批准日期", KDate, "Approval date", "批准日期", "2026-02-20"),
				f("effective", "Effective", "生效日期", KDate, "Effective date", "生效日期", "2026-03-01"),
				f("last_reviewed", "Last reviewed", "最近评审日期", KDate, "Date last reviewed", "最近一次评审日期", "2026-09-01"),
				f("file", "File", "文件路径", KFile, "Evidence file, relative to the dossier", "文件（相对路径）", "docs/QM-01.pdf"),
				terms(alias(f("covers", "Covers elements", "涵盖要素", KList, "Required elements the document covers (see the instructions sheet for the elements the checks read)", "涵盖的要素（所检查的要素见说明页）", "policy; scope; organisation_structure; responsibilities"), "elements"), CoverElements),
				f("contact_within_h", "Contact limit (h)", "联系时限（小时）", KNumber, "Procedure's time limit to contact the complainant, hours", "程序规定的联系顾客时限（小时）", "24"),
				f("solution_within_h", "Initial solution limit (h)", "初步解决时限（小时）", KNumber, "Procedure's time limit for an initial solution, hours", "程序规定的初步解决时限（小时）", "48"),
			}},
		{Name: "categories", File: "categories.yaml", SheetEN: "Categories", SheetZH: "投诉类别",
			DocEN: "Complaint categories and the department responsible for each.", DocZH: "投诉类别及各类别的责任部门。",
			Fields: []Field{
				req(f("code", "Code", "类别代码", KString, "Category code used in the complaint log", "投诉记录中使用的类别代码", "quality")),
				req(f("name", "Name", "类别名称", KString, "Category name", "类别名称", "产品质量")),
				f("department", "Responsible department", "责任部门", KString, "Department responsible", "责任部门", "质量部"),
				f("description", "Description", "说明", KString, "What falls in this category", "类别说明", "食品变质、异物等"),
			}},
		{Name: "people", File: "people.yaml", SheetEN: "People", SheetZH: "人员",
			DocEN: "Staff involved in complaints handling.", DocZH: "参与投诉处理的人员。",
			Fields: []Field{
				req(f("id", "Person id", "人员编号", KString, "Staff number", "工号", "P01")),
				req(pii(f("name", "Name", "姓名", KString, "Name (personal data)", "姓名（个人信息）", "李娜"))),
				f("department", "Department", "部门", KString, "Department", "所在部门", "客户服务部"),
				f("title", "Job title", "职务", KString, "Job title", "职务", "投诉专员"),
				req(f("handler", "Complaint handler", "是否投诉处理人员", KBool, "Handles complaints (yes/no)", "是否承担投诉处理（是/否）", "yes")),
				enum(f("roles", "Roles", "角色", KList, "top_management; management_representative; complaint_manager; handler; working_group_lead; working_group; auditor; trainer", "角色（见说明）", "handler"), PersonRoles),
				pii(f("phone", "Phone", "电话", KString, "Phone (personal data)", "电话（个人信息）", "13812345678")),
				pii(f("email", "E-mail", "邮箱", KString, "E-mail (personal data)", "邮箱（个人信息）", "li.na@example.cn")),
				f("joined", "Joined", "入职日期", KDate, "Date joined", "入职日期", "2020-04-01"),
				f("competence_evaluated", "Competence evaluated on", "能力评价日期", KDate, "Date the handler's competence was last evaluated", "最近一次能力评价日期", "2026-06-30"),
				f("competence_evaluation", "Competence evaluation record", "能力评价记录", KFile, "The signed evaluation of the handler's competence", "经签字的能力评价记录文件", "evidence/competence/P01.pdf"),
			}},
		{Name: "qualifications", File: "qualifications.yaml", SheetEN: "Qualifications", SheetZH: "资质证书",
			DocEN: "Qualification certificates of complaint staff.", DocZH: "投诉处理人员的资质证书。",
			Fields: []Field{
				req(f("person", "Person id", "人员编号", KString, "Staff number", "工号", "P01")),
				req(f("name", "Certificate", "证书名称", KString, "Certificate name", "证书名称", "客户投诉处理师")),
				f("number", "Number", "证书编号", KString, "Certificate number", "证书编号", "CS-2025-0012"),
				f("issuer", "Issuer", "发证机构", KString, "Issuing body", "发证机构", "中国质量协会"),
				f("issued", "Issued", "发证日期", KDate, "Date issued", "发证日期", "2025-06-30"),
				f("valid_until", "Valid until", "有效期至", KExpiry, "Expiry, or indefinite", "有效期至或“长期”", "2028-06-29"),
				f("evidence", "Evidence file", "证明文件", KFile, "Scan of the certificate", "证书扫描件", "evidence/cert-P01.pdf"),
			}},
		{Name: "training", File: "training.yaml", SheetEN: "Training", SheetZH: "培训记录",
			DocEN: "Training sessions with attendance and assessment.", DocZH: "培训记录，含签到和考核。",
			Fields: []Field{
				req(f("id", "Session id", "培训编号", KString, "Session id", "培训编号", "T01")),
				req(f("date", "Date", "培训日期", KDate, "Date held", "培训日期", "2026-03-10")),
				req(f("hours", "Hours", "学时", KNumber, "Duration in hours", "学时（小时）", "8")),
				enum(f("topics", "Topics", "培训内容", KList, "complaint_skills; customer_psychology; product_knowledge; laws_regulations; standard; internal_audit; other", "培训内容（见说明）", "complaint_skills; customer_psychology"), TrainingTopics),
				f("trainer", "Trainer", "讲师", KString, "Trainer", "讲师", "外部讲师"),
				req(f("attendees", "Attendees", "参训人员", KList, "Person ids of attendees", "参训人员工号", "P01; P02")),
				f("sign_in", "Sign-in sheet", "签到表", KFile, "Sign-in evidence file", "签到表文件", "evidence/training/T01-sign-in.pdf"),
				f("assessment", "Assessment record", "考核记录", KFile, "Assessment evidence file", "考核记录文件", "evidence/training/T01-assessment.pdf"),
				Field{Key: "scores", EN: "Scores", ZH: "考核成绩", Kind: KList, Pattern: `^[^:：=]+[:：=]\s*[0-9]+(\.[0-9]+)?$`, DocEN: "Assessment scores as person:score", DocZH: "考核成绩，格式 工号:分数", Example: "P01:92; P02:88"},
			}},
		{Name: "channels", File: "channels.yaml", SheetEN: "Channels", SheetZH: "投诉渠道",
			DocEN: "Complaint intake channels.", DocZH: "投诉受理渠道。",
			Fields: []Field{
				req(f("id", "Channel id", "渠道编号", KString, "Channel id as used in the complaint log", "投诉记录中使用的渠道编号", "phone")),
				req(enum(f("type", "Type", "渠道类型", KEnum, "phone, email, web, app, in_person, box, social, letter or other", "渠道类型", "phone"), ChannelTypes)),
				f("name", "Name", "名称", KString, "Name", "名称", "客服热线"),
				f("contact", "Contact", "联系方式", KString, "Number, address or URL", "号码、地址或网址", "400-800-1234"),
				f("hours", "Hours", "受理时间", KString, "Opening hours", "受理时间段", "8:30-20:00"),
				f("published", "Published in", "公布位置", KList, "Where the channel is published to customers", "向顾客公布的位置", "website; store; receipt"),
				f("accessible", "Accessible formats", "无障碍形式", KList, "Accessible formats offered", "提供的无障碍形式", "large_print; sign_language"),
				f("free", "Free of charge", "是否免费", KBool, "Complaining through this channel costs the customer nothing", "顾客通过该渠道投诉是否免费", "yes"),
			}},
		{Name: "complaints", File: "complaints.yaml", SheetEN: "Complaints", SheetZH: "投诉记录",
			DocEN: "The complaint log. Large logs come as CSV or xlsx.", DocZH: "投诉记录台账，大量记录可用 CSV 或 xlsx。",
			Fields: ComplaintFields(),
		},
		{Name: "surveys", File: "surveys.yaml", SheetEN: "Surveys", SheetZH: "满意度调查",
			DocEN: "Customer satisfaction surveys.", DocZH: "顾客满意度调查。",
			Fields: []Field{
				req(f("id", "Survey id", "调查编号", KString, "Survey id", "调查编号", "S2026-1")),
				req(f("date", "Date", "调查日期", KDate, "Date completed", "完成日期", "2026-09-15")),
				f("method", "Method", "调查方式", KString, "Method", "调查方式", "电话回访+问卷"),
				f("sample_size", "Sample size", "样本量", KInt, "People asked", "调查样本量", "400"),
				f("responses", "Responses", "有效回复", KInt, "Valid responses", "有效回复数", "352"),
				f("score", "Overall satisfaction (%)", "总体满意度（%）", KNumber, "Overall satisfaction, percent", "总体满意度（百分比）", "92.5"),
				f("complaint_handling_score", "Complaint-handling satisfaction (%)", "投诉处理满意度（%）", KNumber, "Satisfaction with complaints handling, percent", "对投诉处理的满意度（百分比）", "90.1"),
				f("report", "Report file", "调查报告", KFile, "Survey report", "调查报告文件", "evidence/survey-2026.pdf"),
			}},
		{Name: "audits", File: "audits.yaml", SheetEN: "Audits", SheetZH: "内部审核",
			DocEN: "Internal audits.", DocZH: "内部审核。",
			Fields: []Field{
				req(f("id", "Audit id", "审核编号", KString, "Audit id", "审核编号", "IA-2026-1")),
				req(f("date", "Date", "审核日期", KDate, "Date completed", "审核完成日期", "2026-08-20")),
				f("scope", "Scope", "审核范围", KString, "Scope", "审核范围", "投诉处理全过程"),
				f("covers_complaints", "Covers complaints handling", "覆盖投诉处理过程", KBool, "Audited the complaints-handling process", "是否审核了投诉处理过程", "yes"),
				pii(f("auditor", "Lead auditor", "审核组长", KString, "Lead auditor: person id (see People), or name", "审核组长：人员编号（见人员表）或姓名", "P04")),
				f("audited_departments", "Audited departments", "受审核部门", KList, "Departments whose work was audited, besides the complaint department when the audit covers complaints handling", "受审核的部门（审核投诉处理过程时，投诉管理部门自动计入）", "客户服务部; 质量部"),
				f("findings", "Findings", "不符合项数", KInt, "Number of findings", "不符合项数量", "3"),
				f("report", "Report file", "审核报告", KFile, "Audit report", "审核报告文件", "evidence/audit-2026.pdf"),
			}},
		{Name: "reviews", File: "reviews.yaml", SheetEN: "Reviews", SheetZH: "管理评审",
			DocEN: "Management reviews.", DocZH: "管理评审。",
			Fields: []Field{
				req(f("id", "Review id", "评审编号", KString, "Review id", "评审编号", "MR-2026-1")),
				req(f("date", "Date", "评审日期", KDate, "Date held", "评审日期", "2026-09-10")),
				pii(f("chair", "Chaired by", "主持人", KString, "Top manager chairing", "主持评审的最高管理者", "王建国")),
				f("covers_complaints", "Covers complaints handling", "涵盖投诉处理", KBool, "Reviewed the complaints-handling process", "是否评审了投诉处理过程", "yes"),
				terms(f("inputs", "Inputs", "评审输入", KList, "Inputs reviewed (see the instructions sheet for those the checks read)", "评审输入（所检查的输入见说明页）", "previous_actions; context_changes; process_performance; audit_results; customer_feedback; improvement_opportunities"), ReviewInputs),
				terms(f("outputs", "Outputs", "评审输出", KList, "Decisions and actions recorded (see the instructions sheet)", "评审形成的决定和措施（见说明页）", "process_improvement; resource_needs; changes"), ReviewOutputs),
				f("minutes", "Minutes file", "评审纪要", KFile, "Minutes", "评审纪要文件", "evidence/review-2026.pdf"),
			}},
		{Name: "actions", File: "actions.yaml", SheetEN: "Actions", SheetZH: "纠正措施",
			DocEN: "Corrective and preventive actions from audits, reviews and complaint analysis.", DocZH: "来自审核、评审和投诉分析的纠正预防措施。",
			Fields: []Field{
				req(f("id", "Action id", "措施编号", KString, "Action id", "措施编号", "CA-01")),
				f("source", "Source", "来源", KString, "Audit, review or analysis id it came from", "来源（审核、评审或分析编号）", "IA-2026-1"),
				req(f("description", "Description", "措施描述", KString, "What is to be done", "措施内容", "修订投诉分类表")),
				pii(f("owner", "Owner", "责任人", KString, "Owner", "责任人", "李娜")),
				f("due", "Due", "完成期限", KDate, "Due date", "计划完成日期", "2026-10-15"),
				f("closed", "Closed", "关闭日期", KDate, "Date closed and verified", "验证关闭日期", "2026-10-10"),
				enum(f("status", "Status", "状态", KEnum, "open or closed", "状态：open 或 closed", "closed"), ActionStatuses),
			}},
		{Name: "objectives", File: "objectives.yaml", SheetEN: "Objectives", SheetZH: "目标",
			DocEN: "Measurable complaints-handling objectives.", DocZH: "可测量的投诉处理目标。",
			Fields: []Field{
				req(f("id", "Objective id", "目标编号", KString, "Objective id", "目标编号", "O1")),
				req(f("statement", "Objective", "目标", KString, "The objective", "目标内容", "24小时内联系率")),
				f("metric", "Metric", "指标", KString, "What is measured", "测量指标", "ack_24h_rate"),
				f("target", "Target", "目标值", KNumber, "Target value", "目标值", "98"),
				f("unit", "Unit", "单位", KString, "Unit", "单位", "%"),
				f("actual", "Actual", "实际值", KNumber, "Latest measured value", "最新实际值", "99.1"),
				f("period", "Period", "期间", KString, "Period", "考核期间", "2026"),
				pii(f("owner", "Owner", "责任人", KString, "Owner", "责任人", "李娜")),
				f("report_every_months", "Reporting interval (months)", "汇报周期（月）", KInt, "How often the measured value is reported to top management, in months", "向最高管理者汇报实测值的周期（月）", "3"),
			}},
		{Name: "monitoring", File: "monitoring.yaml", SheetEN: "Monitoring", SheetZH: "过程监视",
			DocEN: "Reports to top management on the complaints-handling process measured against its objectives.", DocZH: "按目标监视投诉处理过程并向最高管理者汇报的记录。",
			Fields: []Field{
				req(f("id", "Report id", "报告编号", KString, "Report id", "报告编号", "MON-2026-Q3")),
				req(f("date", "Reported on", "汇报日期", KDate, "Date reported to top management", "向最高管理者汇报的日期", "2026-10-10")),
				f("period", "Period covered", "监视期间", KString, "Period the figures cover", "数据所属期间", "2026 Q3"),
				f("objectives", "Objectives reported", "汇报的目标", KList, "Objective ids reported on; empty means all objectives", "汇报的目标编号；空表示全部目标", "O1; O2"),
				pii(f("reported_to", "Reported to", "汇报对象", KString, "Person id (see People) or name of the top manager it was reported to", "接受汇报的最高管理者（人员编号或姓名）", "P01")),
				f("report", "Report file", "监视报告", KFile, "The monitoring report", "监视报告文件", "evidence/monitoring-2026-q3.pdf"),
			}},
		{Name: "resources", File: "resources.yaml", SheetEN: "Resources", SheetZH: "资源", Single: true,
			DocEN: "Budget, tracking system, workspace and equipment.", DocZH: "预算、跟踪系统、场所和设备。",
			Fields: []Field{
				f("budget", "Complaint budget (CNY)", "投诉处理预算（元）", KNumber, "Dedicated annual complaint-handling budget, CNY", "专项年度投诉处理预算（元）", "800000"),
				f("budget_year", "Budget year", "预算年度", KInt, "Budget year", "预算年度", "2026"),
				f("budget_evidence", "Budget evidence", "预算证明", KFile, "Approved budget document", "经批准的预算文件", "evidence/budget-2026.pdf"),
				f("crm", "CRM / tracking system", "投诉管理系统", KString, "Name of the CRM or tracking system", "客户关系管理或投诉跟踪系统名称", "纷享销客 CRM"),
				f("crm_since", "CRM since", "系统启用日期", KDate, "In use since", "启用日期", "2025-11-01"),
				f("workspace", "Workspace", "工作场所", KString, "Workspace for complaint handling", "投诉处理工作场所", "客服中心 3 楼"),
				enum(f("equipment", "Equipment", "设备", KList, "call_recording; computer; printer; phone; crm_terminal; camera; other", "设备（见说明）", "call_recording; computer; printer"), Equipment),
			}},
		{Name: "plan", File: "plan.yaml", SheetEN: "Plan", SheetZH: "认证计划",
			DocEN: "The certification plan: steps, owners, dates.", DocZH: "认证工作计划：步骤、责任人、日期。",
			Fields: []Field{
				req(f("step", "Step", "步骤", KString, "Step", "工作步骤", "体系文件编制")),
				pii(f("owner", "Owner", "责任人", KString, "Owner", "责任人", "王建国")),
				f("start", "Start", "开始日期", KDate, "Start date", "开始日期", "2026-01-05"),
				f("due", "Due", "计划完成", KDate, "Planned completion", "计划完成日期", "2026-02-28"),
				f("done", "Done", "实际完成", KDate, "Actual completion", "实际完成日期", "2026-02-25"),
			}},
	}
}

// ComplaintFields lists the complaint log's columns. It is separate because
// the streaming CSV/xlsx reader binds columns to these keys directly.
func ComplaintFields() []Field {
	return []Field{
		req(alias(f("id", "Complaint id", "投诉编号", KString, "Unique complaint number", "投诉编号", "C2026-0001"), "工单号", "编号")),
		req(alias(f("received_at", "Received at", "受理时间", KDateTime, "When the complaint was received", "受理时间", "2026-07-03 14:05"), "投诉时间", "received")),
		req(alias(f("channel", "Channel", "投诉渠道", KString, "Channel id (see Channels)", "渠道编号（见投诉渠道）", "phone"), "渠道")),
		alias(f("category", "Category", "投诉类别", KString, "Category code (see Categories)", "类别代码（见投诉类别）", "quality"), "类别"),
		enum(f("complexity", "Complexity", "复杂程度", KEnum, "simple or complex", "简单（simple）或复杂（complex）", "simple"), Complexities),
		enum(alias(f("risk", "Risk level", "风险等级", KEnum, "low, medium or high", "低（low）、中（medium）、高（high）", "low"), "risk_level"), RiskLevels),
		alias(f("description", "Description", "投诉内容", KString, "What the customer complained about", "投诉内容", "购买的酸奶已过期"), "content", "内容"),
		pii(alias(f("complainant", "Complainant", "投诉人", KString, "Complainant's name (personal data)", "投诉人姓名（个人信息）", "陈先生"), "客户姓名")),
		alias(f("customer_uscc", "Customer USCC", "客户统一社会信用代码", KString, "The customer's unified social credit code, when the customer is an organisation", "客户为单位时的统一社会信用代码", ""), "统一社会信用代码", "客户信用代码", "USCC"),
		pii(alias(f("phone", "Complainant phone", "联系电话", KString, "Phone (personal data)", "联系电话（个人信息）", "13912345678"), "电话")),
		pii(f("email", "Complainant e-mail", "电子邮箱", KString, "E-mail (personal data)", "电子邮箱（个人信息）", "")),
		alias(f("acknowledged_at", "Acknowledged at", "首次联系时间", KDateTime, "When the complainant was first contacted", "首次联系投诉人的时间", "2026-07-03 15:00"), "确认时间"),
		alias(f("first_response_at", "Progress feedback at", "进度反馈时间", KDateTime, "First progress feedback or initial solution", "首次进度反馈或初步处理方案时间", "2026-07-04 10:00"), "首次反馈时间", "首次响应时间", "首次回复时间", "响应时间", "first response at"),
		alias(f("steps", "Handling steps and results", "处理过程及结果", KString, "Each handling step and its result", "各处理步骤及结果", "核实批次；退款并致歉"), "处理过程"),
		f("plan", "Handling plan", "处理方案", KString, "Plan for a complex complaint", "复杂投诉的处理方案", ""),
		f("updates", "Progress updates", "进度通报次数", KInt, "Progress updates given to the complainant", "向投诉人通报进度的次数", "0"),
		f("escalated_at", "Escalated at", "升级时间", KDateTime, "When escalated (high-risk complaints)", "升级处理时间（高风险投诉）", ""),
		alias(f("escalated", "Escalated", "是否升级", KBool, "Whether the complaint was escalated, when the log keeps no time (yes/no)", "是否已升级处理（台账无升级时间时使用）", ""), "升级", "已升级"),
		f("escalated_to", "Escalated to", "升级至", KString, "Who it was escalated to", "升级对象", ""),
		alias(f("extension_approved_at", "Extension approved at", "延期审批时间", KDateTime, "When a further extension of the handling limit was approved (sector rules, e.g. banking and insurance)", "处理期限再延长的审批时间（行业规定，如银行保险机构）", ""), "延期审批日期"),
		alias(f("resolved_at", "Resolved at", "解决时间", KDateTime, "When resolved", "解决时间", "2026-07-05 16:30"), "办结时间"),
		alias(f("decision_communicated_at", "Decision communicated at", "处理决定告知时间", KDateTime, "When the decision or response was communicated to the complainant", "向投诉人告知处理决定或答复的时间", "2026-07-05 17:00"), "决定告知时间", "结果告知时间", "处理结果告知时间", "答复客户时间", "告知客户时间", "decision communicated"),
		alias(f("closed_at", "Closed at", "关闭时间", KDateTime, "When closed", "关闭时间", "2026-07-08 10:00"), "结案时间", "结案日期", "关闭日期", "归档时间"),
		req(enum(alias(f("status", "Status", "状态", KEnum, "open, in_progress, resolved, closed or withdrawn", "状态", "closed"), "处理状态", "工单状态"), Statuses)),
		pii(alias(f("handler", "Handler", "处理人", KString, "Person id of the handler", "处理人工号", "P02"), "承办人")),
		f("root_cause", "Root cause", "根本原因", KString, "Root cause found", "根本原因", "冷链温度记录缺失"),
		alias(f("corrective_action", "Corrective action", "纠正预防措施", KString, "Corrective or preventive action", "纠正或预防措施", "增加冷柜温度巡检"), "纠正措施"),
		alias(f("follow_up_at", "Follow-up at", "回访时间", KDateTime, "Follow-up visit or call", "回访时间", "2026-07-10 11:00"), "回访日期"),
		enum(alias(f("satisfaction", "Satisfaction", "满意度", KEnum, "very_satisfied, satisfied, neutral, dissatisfied or very_dissatisfied", "满意度", "satisfied"), "回访满意度"), Satisfactions),
		f("feedback", "Final feedback", "顾客最终反馈", KString, "The customer's final feedback", "顾客的最终反馈", "满意"),
		alias(f("recourse_offered", "Recourse offered", "已告知救济途径", KBool, "Whether the complainant was told of internal review and external recourse (12315, mediation, arbitration, courts) (yes/no)", "是否已告知投诉人内部复核及外部救济途径（12315、调解、仲裁、诉讼）", "no"), "是否告知救济途径", "告知救济途径", "是否告知其他解决途径", "告知其他解决途径", "是否告知申诉渠道", "recourse"),
		f("rehandled", "Re-handled", "是否再处理", KBool, "A dissatisfied complainant's case was handled again", "对不满意的投诉是否再次处理", "no"),
		f("charge", "Charge to complainant", "收取费用", KNumber, "Amount charged to the complainant (should be 0)", "向投诉人收取的费用（应为0）", "0"),
	}
}

// TypeByName returns the record type with the given name.
func TypeByName(name string) (RecordType, bool) {
	for _, rt := range Types() {
		if rt.Name == name {
			return rt, true
		}
	}
	return RecordType{}, false
}
