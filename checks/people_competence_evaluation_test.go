package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestPeopleCompetenceEvaluation(t *testing.T) {
	runCases(t, "people.competence-evaluation", []checkCase{
		{name: "every handler evaluated and on file passes"},
		{
			name:   "a handler never evaluated is minor, whatever their training hours",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.People[2].CompetenceEvaluated = dossier.Date{} },
			want:   []findingWant{{Severity: Minor, Message: "P03 has no competence evaluation", Record: "person P03"}},
		},
		{
			name:   "an evaluation dated after the as-of date does not count",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.People[1].CompetenceEvaluated = day(2026, time.December, 1) },
			want:   []findingWant{{Severity: Minor, Message: "P02's competence evaluation is dated 2026-12-01, after"}},
		},
		{
			name:   "an evaluation whose record is not on file is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.People[2].CompetenceEvaluation) },
			want:   []findingWant{{Severity: Minor, Message: "P03's competence evaluation of 2026-06-30 is not on file"}},
		},
		{
			name:   "people who do not handle complaints need no evaluation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.People[3].CompetenceEvaluated = dossier.Date{} },
		},
	})
}
