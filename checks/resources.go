package checks

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The resources family (R17): money, a system to track complaints, and a
// place and tools to handle them (seed 000 §2.4).

// requiredEquipment is the equipment seed 000 §2.4 names for complaint
// handling: call recording, computers and printers.
var requiredEquipment = []string{"call_recording", "computer", "printer"}

var (
	resourcesBudget = &Check{
		ID:          "resources.budget",
		Title:       T("Dedicated complaint-handling budget", "专项投诉处理预算"),
		Severity:    Minor,
		Requirement: []string{"R17"},
		Clauses:     []string{"6.4"},
		Basis:       OnPolicy,
		Figure:      "budget_ratio",
		Source:      T("The organisation's own budget commitment; where it states none, recommended practice (0.5 % of revenue). ISO 10002 6.4 asks for adequate resources, not a share.", "组织自身的预算承诺；未规定时采用推荐做法（营业收入的 0.5%）。ISO 10002 6.4 要求充足资源，未规定比例。"),
		Principles:  []string{"4.3"},
		Evidence: T("An approved annual budget for complaints handling of at least the configured share of annual revenue (0.5% by default), and the revenue figure it is measured against.",
			"经批准的年度投诉处理专项预算，不低于年营业收入的规定比例（默认0.5%），以及用于计算的营业收入。"),
		Remedy: T("Approve a dedicated complaints-handling budget that meets the ratio, file the approval, and record the budget and the annual revenue.",
			"批准满足比例要求的投诉处理专项预算，存档批准文件，并登记预算金额和年营业收入。"),
		Run: runBudget,
	}
	resourcesCRM = &Check{
		ID:          "resources.crm",
		Title:       T("CRM or complaint-tracking system in use", "使用客户关系管理或投诉跟踪系统"),
		Severity:    Observation,
		Requirement: []string{"R17"},
		Clauses:     []string{"6.4"},
		Basis:       OnPractice,
		Source:      T("Chinese certification consultancy guidance (R17).", "国内认证咨询资料（R17）。"),
		Principles:  []string{"4.3"},
		Evidence: T("A named CRM or tracking system in which complaints are registered and followed to closure.",
			"登记并跟踪投诉直至关闭的客户关系管理或投诉跟踪系统。"),
		Remedy: T("Put a CRM or tracking system in place for complaints and record its name and start date in the resources sheet.",
			"建立投诉跟踪系统，并在资源表中登记系统名称和启用日期。"),
		Run: runCRM,
	}
	resourcesWorkspace = &Check{
		ID:          "resources.workspace-equipment",
		Title:       T("Workspace and equipment for complaint handling", "投诉处理工作场所和设备"),
		Severity:    Observation,
		Requirement: []string{"R17"},
		Clauses:     []string{"6.4"},
		Basis:       OnPractice,
		Source:      T("Chinese certification consultancy guidance (R17).", "国内认证咨询资料（R17）。"),
		Principles:  []string{"4.3"},
		Evidence: T("A workspace for complaint handling and its equipment: call recording, computers and printers.",
			"投诉处理工作场所及设备：通话录音、计算机和打印机。"),
		Remedy: T("Provide the missing workspace or equipment and record it in the resources sheet.",
			"配备缺少的工作场所或设备，并在资源表中登记。"),
		Run: runWorkspace,
	}
)

func init() {
	Register(resourcesBudget, resourcesCRM, resourcesWorkspace)
}

// noResources reports an absent resources record once per check, so every
// resource check explains itself rather than passing on nothing.
func noResources(p *Pass) bool {
	if p.Dossier.Resources != nil {
		return false
	}
	why := T("the resources record is empty", "资源记录为空")
	if !p.Dossier.Present["resources"] {
		why = T("the dossier has no resources file or sheet", "资料中没有资源文件或工作表")
	}
	p.Reportf(p.Dossier.PlaceOf("resources"), "resources", Text{
		EN: fmt.Sprintf("No resources are recorded: %s.", why.EN),
		ZH: fmt.Sprintf("没有资源记录：%s。", why.ZH),
	})
	return true
}

func runBudget(p *Pass) {
	if noResources(p) {
		return
	}
	r := p.Dossier.Resources
	ratio := p.T().BudgetRatio
	if r.Budget <= 0 {
		p.Reportf(r.PosOf("budget"), "resources",
			T("No dedicated complaints-handling budget is recorded.", "未登记投诉处理专项预算。"))
		return
	}
	var revenue float64
	if o := p.Dossier.Organisation; o != nil {
		revenue = o.AnnualRevenue
	}
	if revenue <= 0 {
		// Without the revenue the ratio cannot be judged either way; the
		// auditor will ask for the accounts.
		p.Report(Finding{
			Pos: orgPos(p.Dossier, "annual_revenue"), Record: "organisation", Severity: Observation,
			Message: Tf("A budget of CNY %s is recorded but the annual revenue is not, so the %s%% minimum cannot be checked.", "已登记预算 %s 元，但未登记年营业收入，无法核对 %s%% 的最低比例。", fmtMoney(r.Budget), fmtPct(ratio)),
		})
	} else if need := ratio * revenue; r.Budget < need {
		p.Reportf(r.PosOf("budget"), "resources",
			Text{
				EN: fmt.Sprintf("The complaints-handling budget of CNY %s is %s%% of annual revenue CNY %s; at least %s%% (CNY %s) is expected.", fmtMoney(r.Budget), fmtPct(r.Budget/revenue), fmtMoney(revenue), fmtPct(ratio), fmtMoney(need)),
				ZH: fmt.Sprintf("投诉处理预算 %s 元，为年营业收入 %s 元的 %s%%；应不低于 %s%%（%s 元）。", fmtMoney(r.Budget), fmtMoney(revenue), fmtPct(r.Budget/revenue), fmtPct(ratio), fmtMoney(need)),
			})
	}
	if r.BudgetEvidence != "" && !evidenceExists(p.Dossier, r.BudgetEvidence) {
		p.Report(Finding{
			Pos: r.PosOf("budget_evidence"), Record: "resources", Severity: Observation,
			Message: Tf("The budget approval %s is missing from the dossier or empty.", "预算批准文件 %s 不在资料中或为空文件。",
				r.BudgetEvidence),
		})
	}
}

func runCRM(p *Pass) {
	if noResources(p) {
		return
	}
	r := p.Dossier.Resources
	if strings.TrimSpace(r.CRM) == "" {
		p.Reportf(r.PosOf("crm"), "resources",
			T("No CRM or complaint-tracking system is recorded.", "未登记客户关系管理或投诉跟踪系统。"))
		return
	}
	if !r.CRMSince.IsZero() && r.CRMSince.After(p.AsOf) {
		p.Report(Finding{
			Pos: r.PosOf("crm_since"), Record: "resources", Severity: Observation,
			Message: Tf("The tracking system %s is only in use from %s, after the as-of date %s.",
				"投诉跟踪系统 %s 自 %s 起才启用，晚于评估日 %s。", r.CRM, r.CRMSince, p.AsOf),
		})
	}
}

func runWorkspace(p *Pass) {
	if noResources(p) {
		return
	}
	r := p.Dossier.Resources
	if strings.TrimSpace(r.Workspace) == "" {
		p.Reportf(r.PosOf("workspace"), "resources",
			T("No workspace for complaint handling is recorded.", "未登记投诉处理工作场所。"))
	}
	have := map[string]bool{}
	for _, e := range r.Equipment {
		have[e] = true
	}
	var missing []string
	for _, e := range requiredEquipment {
		if !have[e] {
			missing = append(missing, e)
		}
	}
	if len(missing) > 0 {
		p.Reportf(r.PosOf("equipment"), "resources",
			Text{
				EN: fmt.Sprintf("Complaint-handling equipment is missing: %s.", strings.Join(missing, ", ")),
				ZH: fmt.Sprintf("缺少投诉处理设备：%s。", strings.Join(labelsZH("equipment", missing), "、")),
			})
	}
}

// fmtMoney renders an amount with thousands separators and no fraction
// unless it has one, as budgets are read.
func fmtMoney(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	s = strings.TrimSuffix(s, ".00")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// fmtPct renders a ratio as a percentage with up to two decimals.
func fmtPct(ratio float64) string {
	return strconv.FormatFloat(math.Round(ratio*10000)/100, 'f', -1, 64)
}
