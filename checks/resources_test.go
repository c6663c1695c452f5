package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestResourcesBudget(t *testing.T) {
	runCases(t, "resources.budget", []checkCase{
		{name: "a budget above 0.5% of revenue passes"},
		{
			name:   "a budget of exactly the ratio passes",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Budget = 600_000 },
		},
		{
			name:   "a budget below the ratio shows both figures and the ratio",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Budget = 300_000 },
			want: []findingWant{{Severity: Observation, Where: "resources.yaml:2:5",
				Message: "budget of CNY 300,000 is 0.25% of annual revenue CNY 120,000,000; at least 0.5% (CNY 600,000) is expected"}},
		},
		{
			name:   "a stricter ratio is honoured",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.Config.Thresholds.BudgetRatio = 0.01 },
			want:   []findingWant{{Severity: Minor, Message: "0.67% of annual revenue CNY 120,000,000; at least 1% (CNY 1,200,000)"}},
		},
		{
			name:   "an unknown revenue is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.AnnualRevenue = 0 },
			want:   []findingWant{{Severity: Observation, Message: "annual revenue is not, so the 0.5% minimum cannot be checked", Record: "organisation"}},
		},
		{
			name:   "no budget is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Budget = 0 },
			want:   []findingWant{{Severity: Observation, Message: "No dedicated complaints-handling budget"}},
		},
		{
			name:   "a budget approval missing from the dossier is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.Resources.BudgetEvidence) },
			want:   []findingWant{{Severity: Observation, Message: "budget approval evidence/budget-2026.pdf is missing from the dossier or empty"}},
		},
		{
			name: "a dossier without resources says so",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Resources = nil
				d.Present["resources"] = false
			},
			want: []findingWant{{Severity: Observation, Message: "no resources file or sheet"}},
		},
	})
}

func TestResourcesCRM(t *testing.T) {
	runCases(t, "resources.crm", []checkCase{
		{name: "a named tracking system passes"},
		{
			name:   "no tracking system is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.CRM = " " },
			want:   []findingWant{{Severity: Observation, Message: "No CRM or complaint-tracking system", Where: "resources.yaml:4:5"}},
		},
		{
			name:   "a system not yet in use is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.CRMSince = day(2027, time.January, 1) },
			want:   []findingWant{{Severity: Observation, Message: "only in use from 2027-01-01"}},
		},
	})
}

func TestResourcesWorkspaceEquipment(t *testing.T) {
	runCases(t, "resources.workspace-equipment", []checkCase{
		{name: "a workspace with recording, computers and printers passes"},
		{
			name:   "missing equipment is listed",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Equipment = []string{"computer", "phone"} },
			want:   []findingWant{{Severity: Observation, Message: "equipment is missing: call_recording, printer", Where: "resources.yaml:7:5"}},
		},
		{
			name:   "no workspace is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Workspace = "" },
			want:   []findingWant{{Severity: Observation, Message: "No workspace"}},
		},
	})
}
