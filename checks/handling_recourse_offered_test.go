package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestHandlingRecourseOffered(t *testing.T) {
	const id = "handling.recourse-offered"
	t.Run("satisfied complainants are not judged", func(t *testing.T) {
		p := handlingPass(t, readyDossier())
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("recourse_offered"); k.Rule.Applicable != 0 {
			t.Fatalf("judged %d rows, want none", k.Rule.Applicable)
		}
	})
	t.Run("a dissatisfied complainant's complaint closed without recourse is reported at its row", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[2].Satisfaction = "very_dissatisfied"
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "1 of 1 complaints finished with the complainant dissatisfied record no recourse offered", Where: "complaints.csv:row 4"})
	})
	t.Run("re-handling without telling of recourse is not enough", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[2]
		r.Satisfaction, r.Rehandled, r.RecourseOffered = "dissatisfied", true, dossier.No
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major, Message: "1 of 1 complaints finished"})
	})
	t.Run("a resolved complaint with recourse offered passes", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[2]
		r.Status, r.Satisfaction, r.RecourseOffered = "resolved", "dissatisfied", dossier.Yes
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("recourse_offered"); k.Rule.Applicable != 1 || k.Rule.Violations != 0 {
			t.Fatalf("rule %+v, want 1 row judged and passed", k.Rule)
		}
	})
	t.Run("a dissatisfied complainant's complaint kept open is not judged", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[2]
		r.Status, r.Satisfaction = "in_progress", "dissatisfied"
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("recourse_offered"); k.Rule.Applicable != 0 {
			t.Fatalf("judged %d rows, want the open complaint left to continue", k.Rule.Applicable)
		}
	})
	t.Run("a log not tracking recourse is not judged", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[2].Satisfaction = "dissatisfied"
		p := notTrackedPass(t, d, "recourse_offered")
		requireFindings(t, id, runHandlingOn(t, id, p))
		requireFindings(t, "handling.not-tracked", runHandlingOn(t, "handling.not-tracked", p), findingWant{Severity: Major,
			Message: "“Recourse offered” is not tracked by the CRM (complaints.not_tracked); not assessed: " + id})
	})
}
