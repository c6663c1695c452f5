package vocab

import (
	"sort"
	"strconv"
	"strings"
)

// The R-numbers a check cites are certready's own list of what a
// complaints-handling certification asks of an organisation (R1–R23,
// derived from the standard, the certification bodies' rules and
// consultancy practice). An output that prints "R22" also tells its
// reader what R22 is: RequirementTitle beside the number, or a legend of
// the numbers used (RequirementLegend).
var requirementTitles = map[string]Text{
	"R1":  T("Valid business licence", "营业执照有效"),
	"R2":  T("Unified social credit code well-formed", "统一社会信用代码格式正确"),
	"R3":  T("Sector permit where the sector is regulated", "受监管行业持有行业许可证"),
	"R4":  T("System in operation for at least 3 months", "体系运行满 3 个月"),
	"R5":  T("Legal representative and company profile", "法定代表人及企业简介"),
	"R6":  T("Quality manual", "质量手册"),
	"R7":  T("Handling procedures, time limits and categories", "投诉处理程序、时限和类别"),
	"R8":  T("Work instructions", "作业指导书"),
	"R9":  T("Forms and document control", "表单及文件控制"),
	"R10": T("Complaints department, management representative, top-management commitment", "投诉管理部门、管理者代表及最高管理者承诺"),
	"R11": T("Handler training and qualifications", "投诉处理人员培训及资质"),
	"R12": T("Several published, free intake channels", "多种公开、免费的投诉渠道"),
	"R13": T("Complete complaint records", "投诉记录完整"),
	"R14": T("Timely feedback and resolution", "及时反馈和解决"),
	"R15": T("Root cause, corrective action and follow-up", "根本原因、纠正预防措施及回访"),
	"R16": T("High-risk complaints escalated; none overdue", "高风险投诉升级；无超期投诉"),
	"R17": T("Budget, tracking system, workspace and equipment", "预算、跟踪系统、工作场所和设备"),
	"R18": T("Periodic complaint data analysis", "定期投诉数据分析"),
	"R19": T("Customer satisfaction survey", "顾客满意度调查"),
	"R20": T("Internal audit and management review", "内部审核和管理评审"),
	"R21": T("Objectives, confidentiality and objectivity", "目标、保密和客观公正"),
	"R22": T("Application materials checklist", "申请材料清单"),
	"R23": T("Certification working group and plan", "认证工作组及认证计划"),
}

// RequirementTitle is the short title of an R-number, or the zero Text for
// a number certready does not define.
func RequirementTitle(r string) Text { return requirementTitles[r] }

// RequirementNumbers lists every defined R-number in order.
func RequirementNumbers() []string {
	out := make([]string, 0, len(requirementTitles))
	for r := range requirementTitles {
		out = append(out, r)
	}
	sortRequirements(out)
	return out
}

// RequirementWithTitle is "R22 Application materials checklist" (or the
// bare number when it has no title).
func RequirementWithTitle(r, lang string) string {
	if t := RequirementTitle(r); !t.IsZero() {
		return r + " " + t.In(lang)
	}
	return r
}

// RequirementLegendTitle heads a legend of R-numbers.
var RequirementLegendTitle = T("Requirements (R-numbers)", "要求编号（R）")

// RequirementLegendNote says what the numbers are.
var RequirementLegendNote = T("R-numbers are certready's list of what a complaints-handling certification asks of an organisation; each check cites the ones it evidences.",
	"R 编号是 certready 整理的投诉处理认证对组织的要求清单；每项检查注明其证明的要求编号。")

// RequirementLegend lists the R-numbers used in lists, once each, in
// order, each with its title in lang: "R7 Handling procedures, …".
func RequirementLegend(lang string, lists ...[]string) []string {
	seen := map[string]bool{}
	var rs []string
	for _, l := range lists {
		for _, r := range l {
			if !seen[r] {
				seen[r] = true
				rs = append(rs, r)
			}
		}
	}
	sortRequirements(rs)
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = RequirementWithTitle(r, lang)
	}
	return out
}

// sortRequirements orders R-numbers by their number (R2 before R10).
func sortRequirements(rs []string) {
	num := func(r string) int {
		n, err := strconv.Atoi(strings.TrimPrefix(r, "R"))
		if err != nil {
			return 1 << 30
		}
		return n
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if a, b := num(rs[i]), num(rs[j]); a != b {
			return a < b
		}
		return rs[i] < rs[j]
	})
}
