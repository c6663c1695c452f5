package checks

// Clause is a clause of ISO 10002:2018, numbered identically in
// GB/T 19012-2019.
type Clause struct {
	Num   string
	Title Text
}

// Clauses lists the clauses the checks evidence, in document order.
func Clauses() []Clause {
	return []Clause{
		{"4.2", T("Commitment", "承诺")},
		{"4.3", T("Capability", "能力")},
		{"4.4", T("Transparency", "透明")},
		{"4.5", T("Accessibility", "可及性")},
		{"4.6", T("Responsiveness", "响应")},
		{"4.7", T("Objectivity", "客观")},
		{"4.8", T("Charges", "费用")},
		{"4.9", T("Information integrity", "信息完整性")},
		{"4.10", T("Confidentiality", "保密")},
		{"4.11", T("Customer-focused approach", "以顾客为关注焦点")},
		{"4.12", T("Accountability", "责任")},
		{"4.13", T("Improvement", "改进")},
		{"4.14", T("Competence", "能力（人员）")},
		{"4.15", T("Timeliness", "及时")},
		{"5.1", T("Context of the organization", "组织环境")},
		{"5.2", T("Leadership and commitment", "领导作用和承诺")},
		{"5.3", T("Policy", "方针")},
		{"5.4", T("Responsibility and authority", "职责和权限")},
		{"6.1", T("Planning, design and development: general", "策划、设计和开发：总则")},
		{"6.2", T("Objectives", "目标")},
		{"6.3", T("Activities", "活动")},
		{"6.4", T("Resources", "资源")},
		{"7.1", T("Communication", "沟通")},
		{"7.2", T("Receipt of complaint", "投诉的接收")},
		{"7.3", T("Tracking of complaint", "投诉的跟踪")},
		{"7.4", T("Acknowledgement of complaint", "投诉的告知")},
		{"7.5", T("Initial assessment of complaint", "投诉的初步评估")},
		{"7.6", T("Investigation of complaints", "投诉的调查")},
		{"7.7", T("Response to complaints", "投诉的答复")},
		{"7.8", T("Communicating the decision", "决定的沟通")},
		{"7.9", T("Closing the complaint", "投诉处理的结束")},
		{"8.1", T("Collection of information", "信息的收集")},
		{"8.2", T("Analysis and evaluation of complaints", "投诉的分析和评价")},
		{"8.3", T("Satisfaction with the complaints-handling process", "对投诉处理过程的满意度")},
		{"8.4", T("Monitoring of the complaints-handling process", "投诉处理过程的监视")},
		{"8.5", T("Auditing of the complaints-handling process", "投诉处理过程的审核")},
		{"8.6", T("Management review of the complaints-handling process", "投诉处理过程的管理评审")},
		{"8.7", T("Continual improvement", "持续改进")},
	}
}

// Principle is one of the fourteen guiding principles of clause 4.
type Principle struct {
	Num   string
	Title Text
}

// Principles lists the fourteen guiding principles (clauses 4.2–4.15).
func Principles() []Principle {
	var out []Principle
	for _, c := range Clauses() {
		if len(c.Num) >= 3 && c.Num[:2] == "4." {
			out = append(out, Principle(c))
		}
	}
	return out
}

// ClauseTitle returns the title of a clause number.
func ClauseTitle(num string) Text {
	for _, c := range Clauses() {
		if c.Num == num {
			return c.Title
		}
	}
	return Text{}
}

// StandardLabel renders a clause as "ISO 10002:2018 7.4" or
// "GB/T 19012-2019 7.4".
func StandardLabel(standard, num string) string {
	if standard == "iso10002" {
		return "ISO 10002:2018 " + num
	}
	return "GB/T 19012-2019 " + num
}
