package e2e

import (
	"testing"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
)

// One gap, one finding, at one severity. In the gappy example, every gap
// of the materials checklist is reported by exactly one check: the check
// that judges it (licence.sector-permit for the expired permit,
// improvement.survey for the old survey, …), referred to from the
// checklist line, or the checklist itself when no other check owns it —
// never both. And checks known to look at the same lapse from two sides
// never flag the same complaint for it twice.
func TestTheGappyExampleReportsEachGapOnce(t *testing.T) {
	_, r := auditJSON(t, examples["gappy"])
	byID := map[string]audit.Finding{}
	for _, f := range r.Findings {
		if _, dup := byID[f.ID]; dup {
			t.Errorf("two findings share the identity %s", f.ID)
		}
		byID[f.ID] = f
	}
	gaps := 0
	for _, m := range r.Materials {
		gap := !m.Optional && (m.Status == checks.MaterialMissing || m.Status == checks.MaterialExpired)
		if !gap {
			if len(m.Findings) > 0 {
				t.Errorf("%s is %s but refers to findings %v", m.ID, m.Status, m.Findings)
			}
			continue
		}
		gaps++
		if len(m.Findings) == 0 {
			t.Errorf("%s is %s and no finding reports it", m.ID, m.Status)
		}
		own, other := 0, 0
		for _, id := range m.Findings {
			f, ok := byID[id]
			switch {
			case !ok:
				t.Errorf("%s refers to %s, which is not among the findings", m.ID, id)
			case f.Check == "materials.checklist":
				own++
			default:
				other++
			}
		}
		for _, f := range r.Findings {
			if f.Check == "materials.checklist" && f.Record == m.ID && other > 0 {
				t.Errorf("%s is reported twice: by the checklist (%s, %s) and by %v", m.ID, f.ID, f.Severity, m.Findings)
			}
		}
		if own > 1 {
			t.Errorf("%s refers to %d checklist findings", m.ID, own)
		}
	}
	if gaps < 3 {
		t.Fatalf("only %d checklist gaps in the gappy example; the test would prove little", gaps)
	}
	// Row by row: a complaint never escalated is one lapse, not two.
	for _, pair := range [][2]string{{"handling.escalation", "handling.high-risk-escalated"}} {
		rows := map[string]string{}
		for _, f := range r.Findings {
			if f.Check != pair[0] {
				continue
			}
			for _, row := range f.Rows {
				rows[row.ID] = f.ID
			}
		}
		for _, f := range r.Findings {
			if f.Check != pair[1] {
				continue
			}
			for _, row := range f.Rows {
				if other, ok := rows[row.ID]; ok {
					t.Errorf("complaint %s is flagged by %s and by %s", row.ID, other, f.ID)
				}
			}
		}
	}
}
