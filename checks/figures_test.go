package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// procedure returns the fixture's procedure PR-01.
func fixtureProcedure(t *testing.T, d *dossier.Dossier) *dossier.Document {
	t.Helper()
	for i := range d.Documents {
		if d.Documents[i].ID == "PR-01" {
			return &d.Documents[i]
		}
	}
	t.Fatal("fixture has no procedure PR-01")
	return nil
}

func TestTheLogIsMeasuredAgainstTheProceduresOwnLimit(t *testing.T) {
	ackAfter := func(d *dossier.Dossier, h time.Duration) {
		rows := logRows(d)
		rows[0].AcknowledgedAt = rows[0].ReceivedAt.Add(h)
		rows[0].FirstResponseAt = rows[0].ReceivedAt.Add(h + time.Hour)
		// The earliest contact of any kind counts, so the resolution
		// must come later still.
		rows[0].ResolvedAt = rows[0].ReceivedAt.Add(h + 20*time.Hour)
		rows[0].ClosedAt = rows[0].ResolvedAt
		rows[0].FollowUpAt = rows[0].ResolvedAt
	}
	t.Run("a procedure allowing 72 h passes a contact after 50 h", func(t *testing.T) {
		d := readyDossier()
		fixtureProcedure(t, d).ContactWithinH = 72
		fixtureProcedure(t, d).SolutionWithinH = 96
		ackAfter(d, 50*time.Hour)
		p := handlingPass(t, d)
		if got := p.Metrics.Limits.AckHours; got != 72 {
			t.Fatalf("log measured against %g h, want the procedure's 72 h", got)
		}
		requireFindings(t, "handling.ack-24h", runHandlingOn(t, "handling.ack-24h", p))
	})
	t.Run("a contact after 80 h breaks the procedure's 72 h and the finding says whose limit it is", func(t *testing.T) {
		d := readyDossier()
		fixtureProcedure(t, d).ContactWithinH = 72
		fixtureProcedure(t, d).SolutionWithinH = 96
		ackAfter(d, 80*time.Hour)
		fs := runHandling(t, "handling.ack-24h", d)
		if len(fs) != 1 {
			t.Fatalf("got %d findings, want 1", len(fs))
		}
		f := fs[0]
		if f.Severity != Major || f.Basis != OnPolicy {
			t.Errorf("got %s on %s, want major on policy", f.Severity, f.Basis)
		}
		if !strings.Contains(f.Message.EN, "within 72 h") || !strings.Contains(f.BasisNote.EN, "your procedure PR-01 sets 72 h") {
			t.Errorf("message %q / basis note %q do not name the procedure's 72 h", f.Message.EN, f.BasisNote.EN)
		}
		if !strings.Contains(f.BasisNote.ZH, "程序文件 PR-01 规定 72") {
			t.Errorf("Chinese basis note %q does not name the procedure", f.BasisNote.ZH)
		}
	})
	t.Run("without a declared limit a late contact is an observation citing recommended practice", func(t *testing.T) {
		d := readyDossier()
		for i := range d.Documents {
			d.Documents[i].ContactWithinH = 0
		}
		ackAfter(d, 30*time.Hour)
		fs := runHandling(t, "handling.ack-24h", d)
		if len(fs) != 1 {
			t.Fatalf("got %d findings, want 1", len(fs))
		}
		f := fs[0]
		if f.Severity != Observation || f.Basis != OnPractice {
			t.Errorf("got %s on %s, want an observation on recommended practice", f.Severity, f.Basis)
		}
		if !strings.Contains(f.BasisNote.EN, "recommended practice") || !strings.Contains(f.BasisNote.EN, "24 h") {
			t.Errorf("basis note %q does not cite recommended practice and its 24 h", f.BasisNote.EN)
		}
	})
}

func TestFiguresSayWhereTheyComeFrom(t *testing.T) {
	d := readyDossier()
	p := newFixturePass(d)
	p.Config.Declared = map[string]bool{"training_hours": true}
	th, figs := ResolveFigures(d, p.Config)
	if figs["training_hours"].Basis != OnPolicy || !strings.Contains(figs["training_hours"].Source.EN, "certready.yaml sets 24 h") {
		t.Errorf("a figure set in certready.yaml: %+v", figs["training_hours"])
	}
	if figs["budget_ratio"].Basis != OnPractice || !strings.Contains(figs["budget_ratio"].Source.EN, "0.5%") {
		t.Errorf("a default budget share: %+v", figs["budget_ratio"])
	}
	if figs["min_operation_months"].Basis != OnScheme {
		t.Errorf("three months of operation is the certification body's rule, got %s", figs["min_operation_months"].Basis)
	}
	if th.AckHours != fixtureProcedure(t, d).ContactWithinH {
		t.Errorf("thresholds in force take the procedure's contact limit %g, got %g", fixtureProcedure(t, d).ContactWithinH, th.AckHours)
	}
}

func TestPracticeFindingsAreAtMostObservations(t *testing.T) {
	for _, c := range All() {
		if c.Basis == OnPractice && c.Figure == "" && c.Severity > Observation {
			t.Errorf("%s stands on recommended practice but is graded %s", c.ID, c.Severity)
		}
	}
}
