package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestAuditIndependence(t *testing.T) {
	const id = "improvement.audit-independence"
	setAuditor := func(who string) func(*dossier.Dossier, *Pass) {
		return func(d *dossier.Dossier, _ *Pass) { d.Audits[0].Auditor = who }
	}
	runCases(t, id, []checkCase{
		{name: "an auditor from the quality department auditing complaints handling passes, named by name"},
		{name: "the same auditor named by person id passes", mutate: setAuditor("P04")},
		{name: "the complaint manager auditing complaints handling is major", mutate: setAuditor("P02"),
			want: []findingWant{{Severity: Major, Message: "led by P02, who belongs to the complaint department 客户服务部", Record: "audit IA-2026-1"}}},
		{name: "a handler outside the complaint department auditing complaints handling is major",
			mutate: func(d *dossier.Dossier, p *Pass) {
				d.People[2].Department = "门店运营部"
				setAuditor("张伟")(d, p)
			},
			want: []findingWant{{Severity: Major, Message: "holds the role handler in complaints handling"}}},
		{name: "a bracketed department name still matches its members",
			mutate: func(d *dossier.Dossier, p *Pass) {
				d.Organisation.ComplaintDepartment = "客户服务部（投诉管理中心）"
				d.People[2].Roles, d.People[2].Handler = nil, false
				setAuditor("P03")(d, p)
			},
			want: []findingWant{{Severity: Major, Message: "belongs to the complaint department 客户服务部（投诉管理中心）"}}},
		{name: "an auditor in a listed audited department is major even when complaints are not covered",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Audits[0].CoversComplaints = false
				d.Audits[0].AuditedDepartments = []string{"质量部"}
			},
			want: []findingWant{{Severity: Major, Message: "belongs to the audited department 质量部"}}},
		{name: "no auditor named is minor", mutate: setAuditor(" "),
			want: []findingWant{{Severity: Minor, Message: "names no auditor"}}},
		{name: "an auditor not in the people records is minor", mutate: setAuditor("外部审核员"),
			want: []findingWant{{Severity: Minor, Message: "not found in the people records"}}},
		{name: "an audit after the as-of date is not judged",
			mutate: func(d *dossier.Dossier, p *Pass) { d.Audits[0].Date = day(2026, 12, 1); setAuditor("P02")(d, p) }},
	})
}

func TestSelfAuditDoesNotCountForEligibility(t *testing.T) {
	th := newFixturePass(readyDossier()).T()
	d := readyDossier()
	if e := EarliestApplication(d, nil, th); e.From.IsZero() {
		t.Fatalf("ready fixture has no eligibility date: %v", e.Waits)
	}
	d.Audits[0].Auditor = "P02"
	e := EarliestApplication(d, nil, th)
	if !e.From.IsZero() || len(e.Waits) != 1 || e.Waits[0].EN != "an internal audit covering complaints handling, held after the system went live by an auditor independent of the audited activity" {
		t.Errorf("eligible from %s, waits %v; want no date, waiting for an independent audit", e.From, e.Waits)
	}
}
