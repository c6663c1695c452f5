package checks

import (
	"fmt"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// The certification-plan family (R23): seed 002 §3.1 has the organisation
// set up a certification working group led by senior management and write
// a plan with steps, dates and owners before it applies.

var (
	planWorkingGroup = &Check{
		ID:          "plan.working-group",
		Title:       T("Certification working group led by top management", "由最高管理层牵头的认证工作小组"),
		Severity:    Observation,
		Requirement: []string{"R23"},
		Nodes:       []string{"cn-scheme:S4.1"},
		Basis:       OnPractice,
		Source:      T("Recommended practice for organising the application (R23).", "组织认证申请的推荐做法（R23）。"),
		Evidence: T("A certification working group whose leader is a member of top management (roles working_group_lead and top_management), with members from the departments concerned (role working_group).",
			"认证工作小组由最高管理层成员担任组长（角色“认证工作组组长”且“最高管理者”），组员来自相关部门（角色“认证工作组成员”）。"),
		Remedy: T("Appoint a senior manager to lead the certification working group and name its members; record the roles in the people sheet.",
			"任命一名高层管理人员担任认证工作小组组长并确定组员，在人员表中登记角色。"),
		Run: runWorkingGroup,
	}
	planSteps = &Check{
		ID:          "plan.steps",
		Title:       T("Certification plan with owners and dates, on schedule", "认证计划明确责任人和日期并按期推进"),
		Severity:    Observation,
		Requirement: []string{"R23"},
		Nodes:       []string{"cn-scheme:S4.1"},
		Basis:       OnPractice,
		Source:      T("Recommended practice for organising the application (R23).", "组织认证申请的推荐做法（R23）。"),
		Evidence: T("A certification plan whose steps each have an owner and a due date, with completed steps dated and none overdue.",
			"认证工作计划的每个步骤都有责任人和计划完成日期，已完成步骤有完成日期，无逾期未完成的步骤。"),
		Remedy: T("Complete the plan with an owner and a due date for every step; record completion dates and re-plan overdue steps.",
			"为每个步骤补充责任人和计划完成日期；登记完成日期，并重新安排逾期步骤。"),
		Run: runPlanSteps,
	}
)

func init() { Register(planWorkingGroup, planSteps) }

func runWorkingGroup(p *Pass) {
	d := p.Dossier
	leads := peopleWithRole(d, roleWorkingGroupLead)
	var senior *dossier.Person
	for _, l := range leads {
		if l.HasRole(roleTopManagement) {
			senior = l
			break
		}
	}
	switch {
	case len(leads) == 0:
		why := noPeopleText(d)
		p.Reportf(p.Dossier.PlaceOf("people"), "role "+roleWorkingGroupLead,
			Text{
				EN: fmt.Sprintf("No certification working group leader (role working_group_lead): %s.", why.EN),
				ZH: fmt.Sprintf("没有认证工作小组组长（角色“%s”）：%s。", labelZH("role", "working_group_lead"), why.ZH),
			})
	case senior == nil:
		ids := make([]string, 0, len(leads))
		for _, l := range leads {
			ids = append(ids, l.ID)
		}
		p.Reportf(leads[0].Pos, personRecord(leads[0]),
			Text{
				EN: fmt.Sprintf("The working group is led by %s, who does not hold the top_management role; a member of top management should lead it.", strings.Join(ids, ", ")),
				ZH: fmt.Sprintf("认证工作小组组长 %s 不担任“%s”角色；应由高层管理人员担任组长。", strings.Join(ids, "、"), labelZH("role", roleTopManagement)),
			})
	}
	// Members are counted apart from the leaders: a group of one is not a
	// working group.
	members := 0
	for _, m := range peopleWithRole(d, roleWorkingGroup) {
		if !m.HasRole(roleWorkingGroupLead) {
			members++
		}
	}
	if members == 0 {
		p.Reportf(p.Dossier.PlaceOf("people"), "role "+roleWorkingGroup,
			T("The certification working group has no members besides its leader (role working_group).",
				"认证工作小组除组长外没有组员（角色“认证工作组成员”）。"))
	}
}

// stepRecord names a plan step; steps have no id, so the step text is it.
func stepRecord(s *dossier.PlanStep) string { return "plan step " + s.Step }

func runPlanSteps(p *Pass) {
	d := p.Dossier
	if len(d.Plan) == 0 {
		why := T("the plan sheet lists no steps", "认证计划表中没有步骤")
		if !d.Present["plan"] {
			why = T("the dossier has no plan file or sheet", "资料中没有认证计划文件或工作表")
		}
		p.Reportf(p.Dossier.PlaceOf("plan"), "plan",
			Text{
				EN: fmt.Sprintf("No certification plan: %s.", why.EN),
				ZH: fmt.Sprintf("没有认证工作计划：%s。", why.ZH),
			})
		return
	}
	for i := range d.Plan {
		s := &d.Plan[i]
		rec := stepRecord(s)
		if strings.TrimSpace(s.Owner) == "" {
			p.Reportf(s.PosOf("owner"), rec,
				Tf("Plan step %q has no owner.", "计划步骤“%s”没有责任人。", s.Step))
		}
		switch {
		case s.Due.IsZero():
			p.Reportf(s.PosOf("due"), rec,
				Tf("Plan step %q has no due date.", "计划步骤“%s”没有计划完成日期。", s.Step))
		case s.Done.IsZero() && s.Due.Before(p.AsOf):
			days := s.Due.DaysUntil(p.AsOf)
			p.Reportf(s.PosOf("due"), rec,
				Text{
					EN: fmt.Sprintf("Plan step %q was due on %s and is not done: %d days overdue on %s.", s.Step, s.Due, days, p.AsOf),
					ZH: fmt.Sprintf("计划步骤“%s”计划于 %s 完成，至 %s 仍未完成，已逾期 %d 天。", s.Step, s.Due, p.AsOf, days),
				})
		}
	}
}
