package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestReviewSubstance(t *testing.T) {
	const id = "improvement.review-substance"
	review := func(f func(r *dossier.Review)) func(*dossier.Dossier, *Pass) {
		return func(d *dossier.Dossier, _ *Pass) { f(&d.Reviews[0]) }
	}
	runCases(t, id, []checkCase{
		{name: "a first review with every input, read through its synonyms, and every output passes"},
		{name: "a review with no inputs is major",
			mutate: review(func(r *dossier.Review) { r.Inputs = []string{" "} }),
			want:   []findingWant{{Severity: Major, Message: "records no inputs", Where: "reviews.yaml:3:5"}}},
		{name: "a review with neither outputs nor actions is major",
			mutate: review(func(r *dossier.Review) { r.Outputs = nil }),
			want:   []findingWant{{Severity: Major, Message: "records no outputs and no action comes from it"}}},
		{name: "an action from the review stands for a decision on improvement",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Reviews[0].Outputs = nil
				d.Actions[0].Source = "MR-2026-1"
			},
			want: []findingWant{{Severity: Minor, Message: "records no decision on: resource_needs, changes"}}},
		{name: "missing inputs are listed by name",
			mutate: review(func(r *dossier.Review) { r.Inputs = []string{"audit_results", "survey_results"} }),
			want:   []findingWant{{Severity: Minor, Message: "lacks these inputs: context_changes, process_performance, improvement_opportunities"}}},
		{name: "a later review must also follow up the previous one",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Reviews = append(d.Reviews, d.Reviews[0])
				d.Reviews[0].Date = day(2026, 4, 10)
			},
			want: []findingWant{{Severity: Minor, Message: "MR-2026-1 of 2026-09-10 lacks these inputs: previous_actions"}}},
		{name: "a review that does not cover complaints handling is left to the management-review check",
			mutate: review(func(r *dossier.Review) { r.CoversComplaints, r.Inputs = false, nil })},
	})
}

func TestEmptyReviewDoesNotCountForEligibility(t *testing.T) {
	th := newFixturePass(readyDossier()).T()
	for name, strip := range map[string]func(*dossier.Review){
		"no inputs":  func(r *dossier.Review) { r.Inputs = nil },
		"no outputs": func(r *dossier.Review) { r.Outputs = nil },
	} {
		t.Run(name, func(t *testing.T) {
			d := readyDossier()
			strip(&d.Reviews[0])
			e := EarliestApplication(d, nil, th)
			if !e.From.IsZero() || len(e.Waits) != 1 || e.Waits[0].EN != "a management review covering complaints handling, held after the system went live, with its inputs and outputs recorded" {
				t.Errorf("eligible from %s, waits %v; want no date, waiting for a review with substance", e.From, e.Waits)
			}
		})
	}
}
