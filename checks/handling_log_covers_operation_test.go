package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestHandlingLogCoversOperation(t *testing.T) {
	const id = "handling.log-covers-operation"
	t.Run("a log handling complaints up to the as-of date passes", func(t *testing.T) {
		requireFindings(t, id, runHandling(t, id, readyDossier()))
	})
	t.Run("a log with too few complaints handled to the end is major", func(t *testing.T) {
		d := readyDossier()
		rows := logRows(d)
		for i := range rows[1:] {
			rows[i+1].Status = "in_progress"
		}
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "Complaints handled to the end (resolved or closed) in the log: 1, fewer than the 3"})
	})
	t.Run("a log stopping months before the as-of date is minor", func(t *testing.T) {
		d := readyDossier()
		p := newFixturePass(d)
		p.AsOf = dossier.Date{Year: 2027, Month: time.January, Day: 20}
		fs := runHandlingOn(t, id, withMetrics(t, d, p))
		requireFindings(t, id, fs, findingWant{Severity: Minor,
			Message: "The log's last complaint was received on 2026-09-08, 134 days before the as-of date 2027-01-20"})
	})
}

// withMetrics computes the log's metrics for a pass whose as-of date the
// test changed.
func withMetrics(t *testing.T, d *dossier.Dossier, p *Pass) *Pass {
	t.Helper()
	q := handlingPass(t, d)
	p.Metrics = q.Metrics
	return p
}
