package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestMonitoring(t *testing.T) {
	const id = "improvement.monitoring"
	runCases(t, id, []checkCase{
		{name: "quarterly reports since go-live pass"},
		{name: "no monitoring record at all is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Monitoring = nil },
			want:   []findingWant{{Severity: Major, Message: "not shown to be monitored against its objectives", Record: "monitoring"}}},
		{name: "no monitoring sheet says so",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Monitoring = nil; d.Present["monitoring"] = false },
			want:   []findingWant{{Severity: Major, Message: "the dossier has no monitoring file or sheet"}}},
		{name: "reports before go-live or after the as-of date do not count",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Monitoring[0].Date, d.Monitoring[1].Date = day(2026, 2, 1), day(2026, 11, 1)
			},
			want: []findingWant{{Severity: Major, Message: "no monitoring record is dated between the go-live date and the as-of date"}}},
		{name: "no report is due yet in the first interval",
			mutate: func(d *dossier.Dossier, p *Pass) { d.Monitoring = nil; p.AsOf = day(2026, 6, 20) }},
		{name: "a gap longer than the interval and its month of grace is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Monitoring = d.Monitoring[1:] },
			want:   []findingWant{{Severity: Minor, Message: "every 3 months, but no report covers it in: 2026-03-01 – 2026-09-05", Record: "objective O1"}}},
		{name: "a report listing other objectives does not cover this one, and the last report can be overdue",
			mutate: func(d *dossier.Dossier, p *Pass) {
				d.Monitoring[1].Objectives = []string{"O2"}
				p.AsOf = day(2026, 11, 1)
			},
			want: []findingWant{{Severity: Minor, Message: "2026-06-05 – 2026-11-01"}}},
		{name: "objectives without an interval are minor once reports exist",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Objectives[0].ReportEveryMonths = 0 },
			want:   []findingWant{{Severity: Minor, Message: "set no reporting interval (“Reporting interval (months)”), so their monitoring cannot be judged against one: O1"}}},
	})
}
