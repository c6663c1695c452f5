package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestPlanWorkingGroup(t *testing.T) {
	runCases(t, "plan.working-group", []checkCase{
		{name: "a group led by top management with members passes"},
		{
			name:   "a leader outside top management is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.People[0].Roles = []string{"working_group_lead"} },
			want:   []findingWant{{Severity: Observation, Message: "led by P01, who does not hold the top_management role", Record: "person P01"}},
		},
		{
			name:   "no leader is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropRole(d, "working_group_lead") },
			want:   []findingWant{{Severity: Observation, Message: "No certification working group leader"}},
		},
		{
			name: "a leader who is the only member is not a group",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropRole(d, "working_group")
				d.People[0].Roles = append(d.People[0].Roles, "working_group")
			},
			want: []findingWant{{Severity: Observation, Message: "no members besides its leader"}},
		},
	})
}

func TestPlanSteps(t *testing.T) {
	runCases(t, "plan.steps", []checkCase{
		{name: "a plan with owners and dates, on schedule, passes"},
		{
			name:   "a step past its due date and not done is an observation",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.AsOf = day(2026, time.December, 5) },
			want:   []findingWant{{Severity: Observation, Message: `"提交认证申请" was due on 2026-11-30 and is not done: 5 days overdue`, Record: "plan step 提交认证申请", Where: "plan.yaml:32:5"}},
		},
		{
			name:   "a step due on the as-of date is not yet overdue",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.AsOf = day(2026, time.November, 30) },
		},
		{
			name: "a step without owner or due date is minor for each",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Plan[1].Owner, d.Plan[1].Due = "", dossier.Date{}
			},
			want: []findingWant{
				{Severity: Observation, Message: `"体系文件编制" has no owner`, Where: "plan.yaml:11:5"},
				{Severity: Observation, Message: `"体系文件编制" has no due date`, Where: "plan.yaml:12:5"},
			},
		},
		{
			name: "no plan is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Plan = nil
				d.Present["plan"] = false
			},
			want: []findingWant{{Severity: Observation, Message: "No certification plan: the dossier has no plan file or sheet"}},
		},
	})
}
