package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestHandlingHighRiskEscalated(t *testing.T) {
	const id = "handling.high-risk-escalated"
	t.Run("a high-risk complaint with no escalation is an observation of recommended practice", func(t *testing.T) {
		d := readyDossier()
		logRows(d)[1].Risk = "high"
		fs := runHandling(t, id, d)
		requireFindings(t, id, fs, findingWant{Severity: Observation,
			Message: "1 of 1 high-risk complaints show no escalation", Where: "complaints.csv:row 3"})
		if fs[0].Basis != OnPractice {
			t.Errorf("basis %s, want practice", fs[0].Basis)
		}
	})
	t.Run("escalation recorded only as the person escalated to counts", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[1]
		r.Risk, r.EscalatedTo = "high", "P01"
		requireFindings(t, id, runHandling(t, id, d))
	})
	t.Run("escalation recorded only as a yes counts, and a no is believed", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[1]
		r.Risk, r.Escalated = "high", dossier.Yes
		requireFindings(t, id, runHandling(t, id, d))
		r.Escalated, r.EscalatedTo = dossier.No, "P01"
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Observation, Message: "1 of 1 high-risk complaints show no escalation"})
	})
	t.Run("escalation recorded as a time counts however late", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[1]
		r.Risk, r.EscalatedAt = "high", r.ReceivedAt.Add(100*time.Hour)
		requireFindings(t, id, runHandling(t, id, d))
	})
}
