package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

func TestHandlingDecisionCommunicated(t *testing.T) {
	const id = "handling.decision-communicated"
	t.Run("every finished complaint with the decision communicated passes", func(t *testing.T) {
		p := handlingPass(t, readyDossier())
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("decision_communicated"); k.Rule.Applicable != 4 {
			t.Fatalf("judged %d rows, want the 4 closed complaints", k.Rule.Applicable)
		}
	})
	t.Run("a closed complaint with no communication recorded is reported at its row", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[1].DecisionCommunicatedAt = time.Time{}
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "1 of 4 finished complaints record no time the decision was communicated to the complainant", Where: "complaints.csv:row 3"})
	})
	t.Run("a resolved complaint is finished and judged like a closed one", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[3]
		r.Status, r.ClosedAt, r.DecisionCommunicatedAt = "resolved", time.Time{}, time.Time{}
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "1 of 4 finished complaints record no time", Where: "complaints.csv:row 5"})
	})
	t.Run("a complaint still in progress or withdrawn is not judged", func(t *testing.T) {
		d := readyDossier()
		rows := logRows(d)
		rows[0].Status, rows[0].DecisionCommunicatedAt = "in_progress", time.Time{}
		rows[1].Status, rows[1].DecisionCommunicatedAt = "withdrawn", time.Time{}
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("decision_communicated"); k.Rule.Applicable != 2 {
			t.Fatalf("judged %d rows, want the 2 finished ones", k.Rule.Applicable)
		}
	})
	t.Run("a log declaring the field not tracked is not judged, and the finding names the check at its severity", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[1].DecisionCommunicatedAt = time.Time{}
		p := notTrackedPass(t, d, "decision_communicated_at")
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("decision_communicated"); k.Rule.Applicable != 0 {
			t.Fatalf("judged %d rows of a field not tracked", k.Rule.Applicable)
		}
		requireFindings(t, "handling.not-tracked", runHandlingOn(t, "handling.not-tracked", p), findingWant{Severity: Major,
			Message: "“Decision communicated at” is not tracked by the CRM (complaints.not_tracked); not assessed: " + id})
	})
}

// notTrackedPass is handlingPass with fields declared not tracked, as
// complaints.not_tracked in certready.yaml declares them.
func notTrackedPass(t *testing.T, d *dossier.Dossier, fields ...string) *Pass {
	t.Helper()
	p := newFixturePass(d)
	o, err := metrics.OptionsFor(d, p.T(), p.Calendar, p.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	o.Rules, o.NotTracked = LogRules(All()), fields
	if p.Metrics, err = metrics.Compute(d.Complaints, o); err != nil {
		t.Fatal(err)
	}
	return p
}
