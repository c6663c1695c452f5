package checks

import (
	"testing"
	"time"
)

func TestSectorFinanceDecisionLimit(t *testing.T) {
	const id = "sector.finance-decision-limit"
	// onDay is late on the nth day after the day of receipt.
	onDay := func(recv time.Time, n int) time.Time {
		y, m, d := recv.Date()
		return time.Date(y, m, d+n, 23, 0, 0, 0, recv.Location())
	}
	t.Run("decisions within a day pass, every row judged", func(t *testing.T) {
		p := handlingPass(t, readyDossier())
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("finance_decision_limit"); k.Rule.Applicable != len(logRows(readyDossier())) {
			t.Fatalf("judged %d rows", k.Rule.Applicable)
		}
	})
	t.Run("a simple complaint decided late on the 15th day after receipt is in time, on the 16th it is late", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[1]
		r.ResolvedAt, r.ClosedAt = onDay(r.ReceivedAt, 15), onDay(r.ReceivedAt, 16)
		r.DecisionCommunicatedAt = r.ResolvedAt
		requireFindings(t, id, runHandling(t, id, d))
		r.ResolvedAt = onDay(r.ReceivedAt, 16)
		r.DecisionCommunicatedAt = r.ResolvedAt
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "1 of 4 complaints were not decided and told within the banking and insurance limit (15 days, 30 if complex, 60 with a recorded approval)", Where: "complaints.csv:row 3"})
	})
	t.Run("a complex complaint has 30 days, not 31", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[2]
		r.Complexity = "complex"
		r.ResolvedAt, r.ClosedAt = onDay(r.ReceivedAt, 30), onDay(r.ReceivedAt, 31)
		r.DecisionCommunicatedAt = r.ResolvedAt
		requireFindings(t, id, runHandling(t, id, d))
		r.ResolvedAt = onDay(r.ReceivedAt, 31)
		r.DecisionCommunicatedAt = r.ResolvedAt
		if fs := runHandling(t, id, d); len(fs) != 1 {
			t.Fatalf("a complex complaint decided on day 31: %d findings, want 1", len(fs))
		}
	})
	t.Run("an approval recorded by day 30 extends to 60 days; one after day 30 extends nothing", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[0]
		r.Complexity = "complex"
		r.ResolvedAt, r.ClosedAt = onDay(r.ReceivedAt, 58), onDay(r.ReceivedAt, 59)
		r.DecisionCommunicatedAt = r.ResolvedAt
		r.ExtensionApprovedAt = onDay(r.ReceivedAt, 28)
		requireFindings(t, id, runHandling(t, id, d))
		r.ExtensionApprovedAt = onDay(r.ReceivedAt, 31)
		if fs := runHandling(t, id, d); len(fs) != 1 || fs[0].Rows[0].ID != r.ID {
			t.Fatalf("an approval after the limit ran out was taken as an extension: %v", fs)
		}
	})
	t.Run("an undecided complaint is judged once its limit has passed, not before", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[3] // received 8 September; as of 15 October
		r.ResolvedAt, r.ClosedAt, r.FollowUpAt, r.Status = time.Time{}, time.Time{}, time.Time{}, "in_progress"
		r.DecisionCommunicatedAt = r.ResolvedAt
		if fs := runHandling(t, id, d); len(fs) != 1 {
			t.Fatalf("an undecided complaint 37 days old: %d findings, want 1", len(fs))
		}
		r.ReceivedAt = time.Date(2026, time.October, 5, 9, 0, 0, 0, fixtureZone)
		r.AcknowledgedAt, r.FirstResponseAt = r.ReceivedAt.Add(time.Hour), r.ReceivedAt.Add(20*time.Hour)
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("finance_decision_limit"); k.Rule.Applicable != 3 {
			t.Fatalf("judged %d rows, want 3: a complaint within its limit is not judged yet", k.Rule.Applicable)
		}
	})
	t.Run("the time the decision was told counts, not the resolution", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[1]
		r.ResolvedAt, r.DecisionCommunicatedAt = onDay(r.ReceivedAt, 10), onDay(r.ReceivedAt, 16)
		if fs := runHandling(t, id, d); len(fs) != 1 {
			t.Fatalf("a decision told on day 16: %d findings, want 1", len(fs))
		}
		r.DecisionCommunicatedAt = time.Time{}
		requireFindings(t, id, runHandling(t, id, d))
	})
	t.Run("a withdrawn complaint is not judged", func(t *testing.T) {
		d := readyDossier()
		r := &logRows(d)[1]
		r.ResolvedAt, r.ClosedAt, r.Status = onDay(r.ReceivedAt, 40), onDay(r.ReceivedAt, 40), "withdrawn"
		r.DecisionCommunicatedAt = r.ResolvedAt
		requireFindings(t, id, runHandling(t, id, d))
	})
}
