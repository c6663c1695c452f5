package checks

import "testing"

func TestHandlingInitialAssessment(t *testing.T) {
	const id = "handling.initial-assessment"
	t.Run("a fully assessed log passes, every row judged", func(t *testing.T) {
		p := handlingPass(t, readyDossier())
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("initial_assessment"); k.Rule.Applicable != len(logRows(readyDossier())) {
			t.Fatalf("judged %d rows", k.Rule.Applicable)
		}
	})
	t.Run("a blank risk level is a missing assessment at its row", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[2].Risk = ""
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "1 of 4 complaints record no initial assessment (complexity or risk level blank)", Where: "complaints.csv:row 4"})
	})
	t.Run("a withdrawn complaint is not judged", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[2].Risk, logRows(d)[2].Status = "", "withdrawn"
		requireFindings(t, id, runHandling(t, id, d))
	})
}
