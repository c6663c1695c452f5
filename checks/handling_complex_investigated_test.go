package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestHandlingComplexInvestigated(t *testing.T) {
	const id = "handling.complex-investigated"
	complexClosed := func(d *dossier.Dossier) *dossier.Complaint {
		r := &logRows(d)[2]
		r.Complexity, r.Plan, r.Updates = "complex", "抽检同批次并约谈供应商", 2
		return r
	}
	t.Run("a closed complex complaint with a plan and steps passes", func(t *testing.T) {
		d := readyDossier()
		complexClosed(d)
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("complex_investigated"); k.Rule.Applicable != 1 {
			t.Fatalf("judged %d rows, want the one complex complaint", k.Rule.Applicable)
		}
	})
	t.Run("a closed complex complaint without a plan is reported at its row", func(t *testing.T) {
		d := readyDossier()
		complexClosed(d).Plan = ""
		requireFindings(t, id, runHandling(t, id, d), findingWant{Severity: Major,
			Message: "1 of 1 finished complex complaints record no handling plan or no investigation steps", Where: "complaints.csv:row 4"})
	})
	t.Run("simple complaints are not judged", func(t *testing.T) {
		d := readyDossier()
		for i := range logRows(d) {
			logRows(d)[i].Plan = ""
		}
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p))
		if k := p.Metrics.KPI("complex_investigated"); k.Rule.Applicable != 0 {
			t.Fatalf("judged %d simple rows", k.Rule.Applicable)
		}
	})
}
