package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/certready/certready/internal/cn"
)

// docDef is a controlled document and what its placeholder file says.
type docDef struct {
	id, title, kind, version string
	approvedBy               string
	approvedOn, effective    date
	lastReviewed             date
	file                     string
	covers                   []string
	contactH, solutionH      float64
	summary                  string
	// unwritten are elements the register claims that the text leaves
	// out: a gap for the gappy example.
	unwritten []string
}

func (d docDef) record() rec {
	r := rec{{"id", d.id}, {"title", d.title}, {"kind", d.kind}, {"version", d.version},
		{"approved_by", d.approvedBy}, {"approved_on", d.approvedOn}, {"effective", d.effective}}
	if d.lastReviewed != "" {
		r = append(r, kv{"last_reviewed", d.lastReviewed})
	}
	r = append(r, kv{"file", d.file})
	if len(d.covers) > 0 {
		r = append(r, kv{"covers", d.covers})
	}
	if d.contactH > 0 {
		r = append(r, kv{"contact_within_h", d.contactH})
	}
	if d.solutionH > 0 {
		r = append(r, kv{"solution_within_h", d.solutionH})
	}
	return r
}

// elementHeadings names each `covers` element as a section heading of the
// placeholder documents.
var elementHeadings = map[string]string{
	"policy": "投诉处理方针", "scope": "适用范围", "organisation_structure": "组织结构", "responsibilities": "职责与权限",
	"confidentiality": "投诉人个人信息保密", "objectivity": "客观公正原则", "commitment": "最高管理者承诺",
	"receipt": "投诉接收", "classification": "投诉分类", "assessment": "初步评估", "action": "处理措施制定",
	"execution": "措施执行", "follow_up": "回访跟踪", "closing": "投诉关闭", "time_limits": "处理时限（24小时内联系顾客，48小时内给出初步方案，简单投诉3个工作日内办结）",
	"categories": "投诉类别及责任部门", "escalation": "高风险投诉升级机制", "root_cause_methods": "原因分析方法（鱼骨图、5Why）",
	"communication_norms": "沟通规范与话术", "form_rules": "表单填写规则", "intake_register": "投诉受理登记表",
	"handling_record": "投诉处理过程记录表", "follow_up_record": "客户回访记录表", "analysis_report": "投诉数据分析报表",
	"history": "发展历程", "products_services": "产品与服务", "markets": "市场与门店分布", "culture": "企业文化",
	"types": "投诉类型分析", "causes": "投诉原因分析", "distribution": "渠道、类别与月度分布", "effectiveness": "处理有效性评价",
	"consumer_protection_law": "《中华人民共和国消费者权益保护法》", "personal_information_protection_law": "《中华人民共和国个人信息保护法》",
	"product_quality_law": "《中华人民共和国产品质量法》", "complaint_measures": "《市场监督管理投诉举报处理办法》",
	"sector_law": "行业法律法规（《中华人民共和国食品安全法》等）", "record_retention": "记录保存期限与处置",
}

// elementBodies is what each section says, in brief: a document claims an
// element in `covers` only where its text sets it out, and certready
// checks that it does (docs.covers-text).
var elementBodies = map[string]string{
	"policy": "公司承诺倾听每一位顾客的意见，及时、公正地处理每一件投诉，并以投诉推动改进。", "scope": "本体系适用于公司全部门店、中央厨房和线上业务收到的顾客投诉。",
	"organisation_structure": "总经理下设客户服务部、质量安全部和门店运营部，组织结构图见附件。", "responsibilities": "总经理对投诉处理负总责；管理者代表负责体系运行；客户服务部负责投诉的日常处理。",
	"confidentiality": "投诉人个人信息仅用于处理投诉，严格保密，不得向无关人员披露。", "objectivity": "处理人员与投诉事项有利害关系的应当回避，确保客观公正。",
	"commitment": "总经理承诺提供投诉处理所需的人员、预算和设施，并每年主持管理评审。",
	"receipt":    "客服中心通过热线、小程序、门店、网站和电子邮件受理投诉，收到后即时登记。", "classification": "投诉按产品质量、服务态度、配送时效、价格结算等类别分类。",
	"assessment": "受理人对每件投诉初步评估其复杂程度和风险等级。", "action": "处理人根据评估结果制定处理措施，包括退换、补偿和整改。",
	"execution": "处理措施由责任部门执行，客户服务部跟进落实情况。", "follow_up": "投诉处理完毕后由客服专员进行回访，了解顾客满意程度。",
	"closing": "顾客确认或回访完成后结案，投诉关闭并归档。", "time_limits": "受理后24小时内联系投诉人，48小时内给出初步处理方案，简单投诉3个工作日内办结。",
	"categories": "各投诉类别均指定责任部门，类别清单见附表。", "escalation": "高风险投诉须在2小时内上报质量安全部经理和总经理，逐级升级处理。",
	"root_cause_methods": "对重复发生或影响较大的投诉采用鱼骨图和5Why方法查找根本原因。", "communication_norms": "与顾客沟通应使用规范用语，耐心倾听，不推诿、不争辩。",
	"form_rules": "各类记录表须当日填写完整，字迹清楚，不得涂改。", "intake_register": "投诉受理登记表记录受理时间、渠道、顾客诉求和受理人。",
	"handling_record": "投诉处理过程记录表逐步记录处理经过和结果。", "follow_up_record": "客户回访记录表记录回访时间、方式和顾客满意度。",
	"analysis_report": "投诉数据分析报表按月汇总投诉数据并进行统计分析。",
	"history":         "公司成立于2012年，由一家社区鲜食店发展为区域连锁企业。", "products_services": "主营鲜食便当、烘焙和净菜产品，提供门店自提和到家配送服务。",
	"markets": "直营门店分布于杭州市区，线上业务覆盖杭州主城区市场。", "culture": "企业文化以“新鲜、诚信、用心”为核心价值观。",
	"types": "本期投诉类型以产品质量和配送时效为主。", "causes": "主要原因为冷链交接不规范和高峰时段人手不足。",
	"distribution": "按渠道、类别和月度统计投诉分布及占比。", "effectiveness": "对照处理时限和顾客满意度评价处理有效性。",
	"consumer_protection_law":             "消费者权益保护法规定经营者处理消费者投诉的义务，客户服务部据此受理和处理投诉。",
	"personal_information_protection_law": "个人信息保护法规范投诉人个人信息的收集、使用、保存和删除。",
	"product_quality_law":                 "产品质量法规定产品质量责任，质量安全部据此处理质量投诉。",
	"complaint_measures":                  "市场监督管理部门转来的12315投诉举报，按该办法的要求配合处理并反馈。",
	"sector_law":                          "食品安全法规定食品安全事故处置和召回义务，涉及食品安全的投诉按高风险处理。",
	"record_retention":                    "投诉记录、回访记录及分析报告的保存期限不少于三年，到期按规定销毁。",
}

// placeholder is the text of a document's stand-in file: what the real,
// signed document would contain, in brief.
func (d docDef) placeholder(org string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", d.title)
	fmt.Fprintf(&b, "%s · 文件编号 %s · 版本 %s · 批准 %s（%s）· 生效 %s\n\n", org, d.id, d.version, d.approvedBy, d.approvedOn, d.effective)
	b.WriteString("> 示例文件：真实资料包中此处应为经批准、签章的受控文件。本文件写明该文件各章节的要点，所有人名、数据均为虚构。\n\n")
	if d.summary != "" {
		b.WriteString(d.summary + "\n\n")
	}
	n := 0
	for _, e := range d.covers {
		if slices.Contains(d.unwritten, e) {
			continue
		}
		n++
		fmt.Fprintf(&b, "## %d. %s\n\n%s\n\n", n, elementHeadings[e], elementBodies[e])
	}
	return []byte(b.String())
}

// evidenceDef is a scan stood in for by a one-page PDF.
type evidenceDef struct {
	path  string
	lines []string
}

// readyOrg is the complete organisation: everything an auditor asks for,
// in date on 2026-11-23.
type readyOrg struct {
	name, uscc string
	tables     []table
	docs       []docDef
	evidence   []evidenceDef
	log        []complaint
}

const (
	readyName   = "杭州禾悦鲜食品有限公司"
	readyGM     = "周立群"
	readyMR     = "沈佳慧"
	readyCM     = "钱晓东"
	readyQA     = "冯志刚"
	readyAddr   = "浙江省杭州市西湖区文二西路518号"
	readyIssuer = "杭州市西湖区市场监督管理局"
)

// usccFor completes a code from its first 17 characters, computing the
// embedded organisation code's check character (GB 11714) and the USCC's
// own (GB 32100) rather than trusting hand arithmetic.
func usccFor(prefix8, orgBody string) (string, error) {
	oc, err := cn.OrgCodeCheckChar(orgBody)
	if err != nil {
		return "", err
	}
	first17 := prefix8 + orgBody + string(oc)
	c, err := cn.USCCCheckChar(first17)
	if err != nil {
		return "", err
	}
	return first17 + string(c), nil
}

var readyChannels = []channelDef{
	{id: "hotline", weight: 35, openMin: 8*60 + 30, close: 21 * 60},
	{id: "miniapp", weight: 30, openMin: 7 * 60, close: 23*60 + 30},
	{id: "store", weight: 15, openMin: 9 * 60, close: 21*60 + 30},
	{id: "web", weight: 10, openMin: 7 * 60, close: 23*60 + 30},
	{id: "email", weight: 10, openMin: 6 * 60, close: 23*60 + 50},
}

func buildReady(cal *cn.Calendar, cutoff time.Duration) (*readyOrg, error) {
	uscc, err := usccFor("91330106", "05836127")
	if err != nil {
		return nil, err
	}
	o := &readyOrg{name: readyName, uscc: uscc}

	o.log, err = generateLog(logProfile{
		seed:       20261123,
		first:      time.Date(2026, time.May, 1, 0, 0, 0, 0, cst),
		last:       time.Date(2026, time.November, 23, 0, 0, 0, 0, cst),
		perDay:     []int{0, 1, 1, 1, 1, 2, 2, 3},
		idFormat:   "C2026-%04d",
		channels:   readyChannels,
		handlers:   []string{"P04", "P05", "P06", "P08"},
		senior:     "P03",
		escalateTo: "质量安全部经理（P07）、总经理",
		satWeights: []int{45, 47, 6, 2},
	}, cal, cutoff)
	if err != nil {
		return nil, err
	}
	rates := measure(o.log, cal, cutoff)

	o.tables = append(o.tables,
		table{"organisation", []rec{{
			{"name", readyName}, {"name_en", "Hangzhou Heyuexian Foods Co., Ltd."}, {"uscc", uscc},
			{"legal_rep", readyGM}, {"legal_rep_id_file", "evidence/legal-rep-id.pdf"},
			{"sector", "food"}, {"address", readyAddr},
			{"business_scope", "食品销售；餐饮服务；食品互联网销售；农副产品销售"},
			{"established", date("2012-04-16")}, {"annual_revenue", 186000000.0},
			{"system_live", date("2026-03-01")}, {"complaint_department", "客户服务部（投诉管理中心）"},
			{"employees", 420}, {"website", "https://www.hyxfood.example"},
			{"sites", []string{readyAddr + "（总部及直营门店）", "浙江省杭州市余杭区良渚街道好运街66号（中央厨房）"}},
		}}},
		table{"licences", []rec{
			{{"type", "business_licence"}, {"number", uscc}, {"name", readyName}, {"issuer", readyIssuer},
				{"issued", date("2019-08-12")}, {"valid_until", "长期"},
				{"scope", "食品销售；餐饮服务；食品互联网销售；农副产品销售"}, {"address", readyAddr},
				{"established", date("2012-04-16")}, {"evidence", "evidence/business-licence.pdf"}},
			{{"type", "food_operation"}, {"number", "JY13301060284517"}, {"name", readyName}, {"issuer", readyIssuer},
				{"issued", date("2022-05-10")}, {"valid_until", date("2027-05-09")},
				{"scope", "预包装食品销售（含冷藏冷冻食品）；散装食品销售；热食类食品制售；冷食类食品制售；糕点类食品制售"},
				{"address", readyAddr}, {"evidence", "evidence/food-operation-permit.pdf"}},
		}},
	)

	approved, effective, reviewed := date("2026-02-20"), date("2026-03-01"), date("2026-09-08")
	o.docs = []docDef{
		{id: "QM-01", title: "投诉处理质量手册", kind: "manual", version: "A/1", approvedBy: readyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers:  []string{"policy", "scope", "organisation_structure", "responsibilities", "confidentiality", "objectivity", "commitment"},
			summary: "依据 GB/T 19012-2019（ISO 10002:2018）建立的投诉处理管理体系总纲。方针：倾听每一位顾客，及时、公正、保密地处理每一件投诉。"},
		{id: "CL-01", title: "最高管理者投诉处理承诺书", kind: "commitment", version: "A/0", approvedBy: readyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers:  []string{"commitment", "policy"},
			summary: "总经理承诺为投诉处理提供所需资源，并每年主持管理评审。"},
		{id: "QP-01", title: "投诉处理控制程序", kind: "procedure", version: "A/2", approvedBy: readyGM, approvedOn: date("2026-02-25"), effective: effective, lastReviewed: reviewed,
			covers:   []string{"receipt", "classification", "assessment", "action", "execution", "follow_up", "closing", "time_limits", "categories", "escalation", "confidentiality"},
			contactH: 24, solutionH: 48,
			summary: "规定投诉从接收到关闭的全过程。高风险投诉（食品安全、群体性、媒体关注）须在2小时内升级至质量安全部经理和总经理。"},
		{id: "WI-01", title: "投诉原因分析作业指导书", kind: "instruction", version: "A/1", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"root_cause_methods", "objectivity"}},
		{id: "WI-02", title: "投诉沟通规范", kind: "instruction", version: "A/1", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"communication_norms", "confidentiality"}},
		{id: "WI-03", title: "投诉表单填写规范", kind: "instruction", version: "A/0", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"form_rules"}},
		{id: "F-01", title: "投诉受理登记表", kind: "form", version: "A/0", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"intake_register"}},
		{id: "F-02", title: "投诉处理过程记录表", kind: "form", version: "A/0", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"handling_record"}},
		{id: "F-03", title: "客户回访记录表", kind: "form", version: "A/0", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"follow_up_record"}},
		{id: "F-04", title: "投诉数据分析报表", kind: "form", version: "A/0", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"analysis_report"}},
		{id: "PR-01", title: "公司简介", kind: "profile", version: "2026", approvedBy: readyGM, approvedOn: date("2026-01-10"), effective: date("2026-01-10"), lastReviewed: reviewed,
			covers:  []string{"history", "products_services", "markets", "culture"},
			summary: "2012年成立于杭州，经营鲜食便利店、中央厨房和线上到家业务，在杭州市区设有直营门店。"},
		{id: "TP-2026", title: "2026年度投诉处理人员培训计划", kind: "training_plan", version: "A/0", approvedBy: readyMR, approvedOn: date("2026-01-05"), effective: date("2026-01-05"), lastReviewed: reviewed,
			summary: "投诉处理人员每年不少于24学时，内容包括投诉处理技巧、顾客心理、产品知识、法律法规。"},
		{id: "AR-2026Q3", title: "2026年第三季度投诉数据分析报告", kind: "analysis", version: "A/0", approvedBy: readyMR, approvedOn: date("2026-10-15"), effective: date("2026-10-15"), lastReviewed: date("2026-10-15"),
			covers: []string{"types", "causes", "distribution", "effectiveness", "analysis_report"}},
		{id: "SR-2026", title: "2026年顾客满意度调查报告", kind: "survey_report", version: "A/0", approvedBy: readyMR, approvedOn: date("2026-09-30"), effective: date("2026-09-30"), lastReviewed: date("2026-09-30")},
		{id: "IAR-2026", title: "2026年度投诉处理管理体系内部审核报告", kind: "audit_report", version: "A/0", approvedBy: readyMR, approvedOn: date("2026-08-28"), effective: date("2026-08-28"), lastReviewed: date("2026-08-28")},
		{id: "MRM-2026", title: "2026年度管理评审会议纪要", kind: "review_minutes", version: "A/0", approvedBy: readyGM, approvedOn: reviewed, effective: reviewed, lastReviewed: reviewed},
		{id: "CERT-01", title: "食品安全管理体系认证证书（ISO 22000）", kind: "certificate", version: "2025", approvedBy: readyGM, approvedOn: date("2025-12-15"), effective: date("2025-12-15"), lastReviewed: reviewed},
		{id: "PLAN-01", title: "投诉处理管理体系认证工作计划", kind: "plan", version: "A/1", approvedBy: readyGM, approvedOn: date("2025-12-10"), effective: date("2025-12-10"), lastReviewed: reviewed},
		{id: "OC-01", title: "组织机构图", kind: "org_chart", version: "A/1", approvedBy: readyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			summary: "总经理下设客户服务部（投诉管理中心）、质量安全部、门店运营部、物流配送部、市场部；管理者代表由副总经理担任。"},
		{id: "JD-01", title: "投诉处理相关岗位职责说明书", kind: "job_description", version: "A/1", approvedBy: readyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"responsibilities"}},
		{id: "AP-01", title: "关于任命投诉处理管理者代表的决定", kind: "appointment", version: "A/0", approvedBy: readyGM, approvedOn: date("2026-02-18"), effective: date("2026-02-18"),
			summary: "任命副总经理沈佳慧为投诉处理管理者代表，负责投诉处理管理体系的建立、实施和保持，并向总经理报告体系绩效。"},
		{id: "LR-01", title: "适用法律法规及其他要求清单", kind: "law_register", version: "A/1", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"consumer_protection_law", "personal_information_protection_law", "product_quality_law", "complaint_measures", "sector_law"}},
		{id: "RR-01", title: "记录控制程序", kind: "retention_rules", version: "A/0", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers:  []string{"record_retention"},
			summary: "投诉记录、回访记录及分析报告保存不少于三年；含个人信息的记录按个人信息保护要求限定访问并到期销毁。"},
		{id: "PC-01", title: "顾客投诉处理流程及流程图（对外公示版）", kind: "process_chart", version: "A/1", approvedBy: readyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			summary: "在官网、门店服务台和小程序公示：投诉渠道、受理后24小时内联系、48小时内给出初步方案、处理进展告知及不满意时的申诉途径。"},
		{id: "DC-01", title: "无重大违法违规及质量事故声明", kind: "declaration", version: "2026", approvedBy: readyGM, approvedOn: date("2026-10-20"), effective: date("2026-10-20"),
			summary: "本公司声明：近三年未发生重大违法违规行为，未发生重大食品安全及质量事故。"},
	}
	var docs []rec
	for i := range o.docs {
		o.docs[i].file = "docs/" + o.docs[i].id + ".md"
		docs = append(docs, o.docs[i].record())
	}
	o.tables = append(o.tables, table{"documents", docs})

	o.tables = append(o.tables, table{"categories", []rec{
		{{"code", "quality"}, {"name", "食品质量"}, {"department", "质量安全部"}, {"description", "变质、异物、过期、包装破损等"}},
		{{"code", "food_safety"}, {"name", "食品安全"}, {"department", "质量安全部"}, {"description", "疑似食源性疾病、过敏原标识等，按高风险投诉升级处理"}},
		{{"code", "service"}, {"name", "服务态度"}, {"department", "门店运营部"}, {"description", "员工态度、服务规范、排队等候"}},
		{{"code", "delivery"}, {"name", "配送服务"}, {"department", "物流配送部"}, {"description", "到家配送超时、洒漏、未送货上门"}},
		{{"code", "price"}, {"name", "价格与促销"}, {"department", "市场部"}, {"description", "价签不符、促销与会员积分"}},
		{{"code", "hygiene"}, {"name", "门店环境卫生"}, {"department", "门店运营部"}, {"description", "就餐区、洗手间卫生及虫害"}},
		{{"code", "refund"}, {"name", "退换货与售后"}, {"department", "客户服务部"}, {"description", "退款到账、退换货政策执行"}},
	}})

	people := []struct {
		id, name, dept, title string
		handler               bool
		roles                 []string
		joined                date
		mail                  string
	}{
		{"P01", readyGM, "总经理办公室", "总经理", false, []string{"top_management", "working_group_lead"}, "2012-04-16", "zhou.liqun"},
		{"P02", readyMR, "总经理办公室", "副总经理（投诉处理管理者代表）", false, []string{"management_representative", "working_group"}, "2014-03-01", "shen.jiahui"},
		{"P03", readyCM, "客户服务部", "客户服务部经理", true, []string{"complaint_manager", "handler", "working_group", "trainer"}, "2016-07-11", "qian.xiaodong"},
		{"P04", "陆婷", "客户服务部", "投诉专员", true, []string{"handler"}, "2019-05-06", "lu.ting"},
		{"P05", "吴昊", "客户服务部", "投诉专员", true, []string{"handler"}, "2020-09-14", "wu.hao"},
		{"P06", "许静怡", "客户服务部", "投诉专员", true, []string{"handler"}, "2021-03-22", "xu.jingyi"},
		{"P07", readyQA, "质量安全部", "质量安全部经理", false, []string{"working_group", "auditor"}, "2015-10-08", "feng.zhigang"},
		{"P08", "何雨欣", "客户服务部", "投诉专员", true, []string{"handler"}, "2023-02-20", "he.yuxin"},
	}
	var ppl []rec
	for i, p := range people {
		ppl = append(ppl, rec{{"id", p.id}, {"name", p.name}, {"department", p.dept}, {"title", p.title},
			{"handler", yesno(p.handler)}, {"roles", p.roles}, {"phone", fmt.Sprintf("138000001%02d", i+1)},
			{"email", p.mail + "@hyxfood.example"}, {"joined", p.joined}})
	}
	o.tables = append(o.tables, table{"people", ppl})

	handlers := []string{"P03", "P04", "P05", "P06", "P08"}
	for i := range ppl {
		id := ppl[i].get("id").(string)
		if !slices.Contains(handlers, id) {
			continue
		}
		path := "evidence/competence/" + id + ".pdf"
		ppl[i] = append(ppl[i], kv{"competence_evaluated", date("2026-06-30")}, kv{"competence_evaluation", path})
		o.evidence = append(o.evidence, evidenceDef{path, []string{"PLACEHOLDER SCAN - competence evaluation", "Staff " + id + ", evaluated 2026-06-30 against job description JD-01",
			"A real dossier holds the signed evaluation here."}})
	}
	var quals []rec
	for i, h := range handlers {
		path := "evidence/qualifications/" + h + ".pdf"
		quals = append(quals, rec{{"person", h}, {"name", "客户投诉处理师（中级）"}, {"number", fmt.Sprintf("CS-2026-%04d", 311+i*7)},
			{"issuer", "中国质量协会"}, {"issued", date("2026-03-20")}, {"valid_until", date("2029-03-19")}, {"evidence", path}})
		o.evidence = append(o.evidence, evidenceDef{path, []string{"PLACEHOLDER SCAN - qualification certificate",
			"Holder: staff " + h + " (" + readyName + ")", fmt.Sprintf("Certificate no. CS-2026-%04d, valid 2026-03-20 to 2029-03-19", 311+i*7),
			"A real dossier holds the scanned certificate here."}})
	}
	// The internal auditor is trained as one: a stage-1 document review
	// asks who audited and whether they were qualified to.
	quals = append(quals, rec{{"person", "P07"}, {"name", "GB/T 19012 投诉处理管理体系内审员证书"}, {"number", "NSA-2025-1187"},
		{"issuer", "认证培训机构（示例）"}, {"issued", date("2025-12-19")}, {"valid_until", "长期"}, {"evidence", "evidence/qualifications/P07-internal-auditor.pdf"}})
	o.evidence = append(o.evidence, evidenceDef{"evidence/qualifications/P07-internal-auditor.pdf", []string{"PLACEHOLDER SCAN - internal auditor certificate",
		"Holder: staff P07 (" + readyName + "), GB/T 19012 internal auditor course and examination, 2025-12-19",
		"A real dossier holds the scanned certificate here."}})
	o.tables = append(o.tables, table{"qualifications", quals})

	sessions := []struct {
		id     string
		day    date
		hours  float64
		topics []string
		by     string
		base   int
	}{
		{"T2026-01", "2026-01-15", 8, []string{"complaint_skills", "standard"}, "外部讲师（认证咨询机构）", 86},
		{"T2026-02", "2026-01-22", 8, []string{"customer_psychology", "complaint_skills"}, "外部讲师（高校心理学教师）", 84},
		{"T2026-03", "2026-02-05", 6, []string{"product_knowledge"}, readyQA, 88},
		{"T2026-04", "2026-02-26", 6, []string{"laws_regulations"}, "外部讲师（律师事务所）", 85},
		{"T2026-05", "2026-07-16", 4, []string{"complaint_skills", "standard"}, readyCM, 90},
	}
	var trainings []rec
	for _, s := range sessions {
		att := append([]string{"P02"}, handlers...)
		var scores []string
		for j, a := range att {
			scores = append(scores, fmt.Sprintf("%s:%d", a, s.base+(j*3)%10))
		}
		signIn := "evidence/training/" + s.id + "-sign-in.pdf"
		assess := "evidence/training/" + s.id + "-assessment.pdf"
		trainings = append(trainings, rec{{"id", s.id}, {"date", s.day}, {"hours", s.hours}, {"topics", s.topics},
			{"trainer", s.by}, {"attendees", att}, {"sign_in", signIn}, {"assessment", assess}, {"scores", scores}})
		o.evidence = append(o.evidence,
			evidenceDef{signIn, []string{"PLACEHOLDER SCAN - training sign-in sheet", "Session " + s.id + " on " + string(s.day) + ", " + fmtFloat(s.hours) + " hours",
				"Attendees: " + strings.Join(att, ", "), "A real dossier holds the signed attendance sheet here."}},
			evidenceDef{assess, []string{"PLACEHOLDER SCAN - training assessment record", "Session " + s.id + " on " + string(s.day),
				"Scores: " + strings.Join(scores, ", "), "A real dossier holds the marked test papers here."}})
	}
	o.tables = append(o.tables, table{"training", trainings})

	o.tables = append(o.tables, table{"channels", []rec{
		{{"id", "hotline"}, {"type", "phone"}, {"name", "客服热线"}, {"contact", "400-882-6617"}, {"hours", "每天 08:30-21:00"},
			{"published", []string{"website", "store", "receipt", "wechat"}}, {"accessible", []string{"voice", "assisted_filing"}}, {"free", yesno(true)}},
		{{"id", "miniapp"}, {"type", "app"}, {"name", "微信小程序“禾悦鲜”投诉入口"}, {"contact", "小程序 我的-投诉建议"}, {"hours", "全天"},
			{"published", []string{"wechat", "store", "receipt"}}, {"accessible", []string{"large_print"}}, {"free", yesno(true)}},
		{{"id", "store"}, {"type", "in_person"}, {"name", "门店服务台"}, {"contact", "各直营门店服务台"}, {"hours", "门店营业时间"},
			{"published", []string{"store", "website"}}, {"accessible", []string{"assisted_filing"}}, {"free", yesno(true)}},
		{{"id", "web"}, {"type", "web"}, {"name", "官网在线留言"}, {"contact", "https://www.hyxfood.example/complaint"}, {"hours", "全天"},
			{"published", []string{"website"}}, {"free", yesno(true)}},
		{{"id", "email"}, {"type", "email"}, {"name", "投诉邮箱"}, {"contact", "kf@hyxfood.example"}, {"hours", "全天"},
			{"published", []string{"website", "receipt"}}, {"free", yesno(true)}},
	}})

	o.tables = append(o.tables,
		table{"surveys", []rec{
			{{"id", "S2025-2"}, {"date", date("2025-12-18")}, {"method", "电话回访"}, {"sample_size", 300}, {"responses", 247},
				{"score", 90.8}, {"complaint_handling_score", 87.5}, {"report", "evidence/survey-2025-2.pdf"}},
			{{"id", "S2026-1"}, {"date", date("2026-09-20")}, {"method", "电话回访+小程序问卷"}, {"sample_size", 600}, {"responses", 512},
				{"score", 93.4}, {"complaint_handling_score", 91.2}, {"report", "evidence/survey-2026-1.pdf"}},
		}},
		table{"audits", []rec{
			{{"id", "IA-2026-1"}, {"date", date("2026-08-28")}, {"scope", "投诉处理全过程：受理、分类、处理、回访、分析与改进"},
				{"covers_complaints", yesno(true)}, {"auditor", "P07"}, {"audited_departments", []string{"客户服务部", "门店运营部", "物流配送部"}},
				{"findings", 3}, {"report", "evidence/audit-2026.pdf"}},
		}},
		table{"reviews", []rec{
			{{"id", "MR-2026-1"}, {"date", date("2026-09-08")}, {"chair", readyGM}, {"covers_complaints", yesno(true)},
				{"inputs", []string{"context_changes", "process_performance", "audit_results", "customer_feedback", "improvement_opportunities", "corrective_actions", "resources"}},
				{"outputs", []string{"process_improvement", "resource_needs", "changes", "product_improvement"}}, {"minutes", "evidence/review-2026.pdf"}},
		}},
		table{"actions", []rec{
			{{"id", "CA-2026-01"}, {"source", "IA-2026-1"}, {"description", "补充复杂投诉进度通报的记录要求"}, {"owner", readyCM},
				{"due", date("2026-09-30")}, {"closed", date("2026-09-25")}, {"status", "closed"}},
			{{"id", "CA-2026-02"}, {"source", "IA-2026-1"}, {"description", "各门店服务台张贴投诉渠道二维码"}, {"owner", "陆婷"},
				{"due", date("2026-09-20")}, {"closed", date("2026-09-18")}, {"status", "closed"}},
			{{"id", "CA-2026-03"}, {"source", "IA-2026-1"}, {"description", "投诉表单增加根本原因字段并培训"}, {"owner", readyMR},
				{"due", date("2026-09-30")}, {"closed", date("2026-09-28")}, {"status", "closed"}},
			{{"id", "CA-2026-04"}, {"source", "MR-2026-1"}, {"description", "冷链配送箱温度记录纳入配送交接"}, {"owner", readyQA},
				{"due", date("2026-10-31")}, {"closed", date("2026-10-28")}, {"status", "closed"}},
			{{"id", "CA-2026-05"}, {"source", "AR-2026Q3"}, {"description", "小程序退款改为自动审核"}, {"owner", readyCM},
				{"due", date("2026-11-15")}, {"closed", date("2026-11-10")}, {"status", "closed"}},
		}},
		table{"objectives", objectives(rates, readyCM, 3)},
		table{"monitoring", []rec{
			{{"id", "MON-2026-1"}, {"date", date("2026-06-08")}, {"period", "2026-03/05"}, {"reported_to", "P01"}, {"report", "evidence/monitoring/MON-2026-1.pdf"}},
			{{"id", "MON-2026-2"}, {"date", date("2026-09-08")}, {"period", "2026-06/08"}, {"reported_to", "P01"}, {"report", "evidence/monitoring/MON-2026-2.pdf"}},
		}},
		table{"resources", []rec{{
			{"budget", 1000000.0}, {"budget_year", 2026}, {"budget_evidence", "evidence/budget-2026.pdf"},
			{"crm", "禾悦鲜客户服务工单系统（CRM）"}, {"crm_since", date("2025-12-01")},
			{"workspace", "总部客服中心（文二西路518号3楼）及各门店服务台"},
			{"equipment", []string{"call_recording", "computer", "printer", "phone", "crm_terminal"}},
		}}},
		table{"plan", []rec{
			planStep("成立认证工作小组", readyGM, "2025-12-01", "2025-12-15", "2025-12-10"),
			planStep("体系文件编制与发布", readyMR, "2025-12-15", "2026-02-28", "2026-02-25"),
			planStep("全员培训", readyCM, "2026-01-10", "2026-02-28", "2026-02-26"),
			planStep("体系试运行", readyCM, "2026-03-01", "2026-08-31", "2026-08-31"),
			planStep("内部审核", readyQA, "2026-08-20", "2026-08-31", "2026-08-28"),
			planStep("管理评审", readyGM, "2026-09-01", "2026-09-15", "2026-09-08"),
			planStep("顾客满意度调查", readyMR, "2026-09-01", "2026-09-30", "2026-09-20"),
			planStep("不符合项整改与验证", readyMR, "2026-09-10", "2026-10-31", "2026-10-28"),
			planStep("提交认证申请", readyMR, "2026-11-16", "2026-11-30", ""),
			planStep("认证现场审核", readyGM, "2026-12-01", "2026-12-20", ""),
		}},
	)

	o.evidence = append(o.evidence,
		evidenceDef{"evidence/business-licence.pdf", []string{"PLACEHOLDER SCAN - business licence (three-in-one)", "USCC " + uscc,
			"Registered 2012-04-16, term: indefinite", "A real dossier holds the scanned licence copy here."}},
		evidenceDef{"evidence/food-operation-permit.pdf", []string{"PLACEHOLDER SCAN - food operation permit", "Permit no. JY13301060284517, valid 2022-05-10 to 2027-05-09",
			"A real dossier holds the scanned permit here."}},
		evidenceDef{"evidence/legal-rep-id.pdf", []string{"PLACEHOLDER SCAN - legal representative ID copy", "Personal data: kept out of this example on purpose.",
			"A real dossier holds the signed ID copy here."}},
		evidenceDef{"evidence/budget-2026.pdf", []string{"PLACEHOLDER SCAN - approved 2026 complaint-handling budget", "Budget CNY 1,000,000 (0.54% of revenue CNY 186,000,000)",
			"A real dossier holds the signed budget approval here."}},
		evidenceDef{"evidence/survey-2025-2.pdf", []string{"PLACEHOLDER SCAN - customer satisfaction survey report S2025-2", "Dated 2025-12-18; overall 90.8%, complaints handling 87.5%"}},
		evidenceDef{"evidence/survey-2026-1.pdf", []string{"PLACEHOLDER SCAN - customer satisfaction survey report S2026-1", "Dated 2026-09-20; overall 93.4%, complaints handling 91.2%"}},
		evidenceDef{"evidence/audit-2026.pdf", []string{"PLACEHOLDER SCAN - internal audit report IA-2026-1", "Dated 2026-08-28; scope: the whole complaints-handling process; 3 findings, all closed"}},
		evidenceDef{"evidence/review-2026.pdf", []string{"PLACEHOLDER SCAN - management review minutes MR-2026-1", "Dated 2026-09-08; chaired by the general manager"}},
		evidenceDef{"evidence/monitoring/MON-2026-1.pdf", []string{"PLACEHOLDER SCAN - monitoring report MON-2026-1", "Objectives O1-O5, March to May 2026, reported to the general manager on 2026-06-08"}},
		evidenceDef{"evidence/monitoring/MON-2026-2.pdf", []string{"PLACEHOLDER SCAN - monitoring report MON-2026-2", "Objectives O1-O5, June to August 2026, reported to the general manager on 2026-09-08"}},
	)
	return o, nil
}

func planStep(step, owner, start, due, done string) rec {
	r := rec{{"step", step}, {"owner", owner}, {"start", date(start)}, {"due", date(due)}}
	if done != "" {
		r = append(r, kv{"done", date(done)})
	}
	return r
}

// objectives states the measurable objectives with the values measured
// from the generated log, so "actual" is computed, never typed in.
func objectives(m logRates, owner string, every int) []rec {
	objs := []rec{
		{{"id", "O1"}, {"statement", "24小时内联系投诉人"}, {"metric", "ack_24h_rate"}, {"target", 98.0}, {"unit", "%"}, {"actual", m.ack}, {"period", "2026"}, {"owner", owner}},
		{{"id", "O2"}, {"statement", "48小时内给出进度反馈或初步方案"}, {"metric", "response_48h_rate"}, {"target", 95.0}, {"unit", "%"}, {"actual", m.response}, {"period", "2026"}, {"owner", owner}},
		{{"id", "O3"}, {"statement", "简单投诉3个工作日内办结"}, {"metric", "simple_resolve_3d_rate"}, {"target", 95.0}, {"unit", "%"}, {"actual", m.simple}, {"period", "2026"}, {"owner", owner}},
		{{"id", "O4"}, {"statement", "投诉处理满意度"}, {"metric", "complaint_satisfaction_rate"}, {"target", 90.0}, {"unit", "%"}, {"actual", m.satisfied}, {"period", "2026"}, {"owner", owner}},
		{{"id", "O5"}, {"statement", "简单投诉平均解决时长"}, {"metric", "simple_resolve_duration"}, {"target", 48.0}, {"unit", "小时"}, {"actual", m.simpleHours}, {"period", "2026"}, {"owner", owner}},
	}
	if every > 0 {
		for i := range objs {
			objs[i] = append(objs[i], kv{"report_every_months", every})
		}
	}
	return objs
}
