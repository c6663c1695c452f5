package audit

import (
	"strings"
	"testing"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
)

// readyWithExpiredPermit is the ready example with its food permit expired
// before the as-of date: one gap the checklist and licence.sector-permit
// both see.
func readyWithExpiredPermit(t *testing.T) *load.Result {
	t.Helper()
	res, err := load.Load("../../examples/ready-org", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Dossier.Licences {
		if l := &res.Dossier.Licences[i]; l.Type == "food_operation" {
			l.ValidUntil = dossier.Expiry{Date: asOf("2026-06-30")}
		}
	}
	return res
}

func material(t *testing.T, r *Result, id string) Material {
	t.Helper()
	for _, m := range r.Materials {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("no material %s", id)
	return Material{}
}

func TestTheChecklistRefersToTheFindingThatOwnsItsGap(t *testing.T) {
	r := run(t, readyWithExpiredPermit(t), Options{})
	var owner []Finding
	for _, f := range r.Findings {
		switch {
		case f.Check == "materials.checklist":
			t.Errorf("the checklist reports the gap a second time: %s", f.Message.EN)
		case f.Check == "licence.sector-permit":
			owner = append(owner, f)
		}
	}
	if len(owner) != 1 || owner[0].Severity.String() != "major" {
		t.Fatalf("licence.sector-permit findings %+v, want one major", owner)
	}
	m := material(t, r, "sector_permits")
	if m.Status != "expired" || len(m.Findings) != 1 || m.Findings[0] != owner[0].ID {
		t.Errorf("sector_permits: status %s, findings %v, want expired and %s", m.Status, m.Findings, owner[0].ID)
	}
	if !strings.Contains(m.Note.EN, "reported by licence.sector-permit") || !strings.Contains(m.Note.ZH, "由 licence.sector-permit 报告") {
		t.Errorf("the line does not say which finding reports it: %q / %q", m.Note.EN, m.Note.ZH)
	}
	for _, c := range r.Checks {
		if c.ID == "materials.checklist" && c.Findings != 0 {
			t.Errorf("materials.checklist still counts %d findings", c.Findings)
		}
	}
}

func TestWithItsOwnerSkippedTheChecklistReportsTheGapItself(t *testing.T) {
	r := run(t, readyWithExpiredPermit(t), Options{Skip: []string{"licence.sector-permit"}})
	var got []Finding
	for _, f := range r.Findings {
		if f.Check == "materials.checklist" && f.Record == "sector_permits" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("%d checklist findings for the permit, want 1", len(got))
	}
	if m := material(t, r, "sector_permits"); len(m.Findings) != 1 || m.Findings[0] != got[0].ID {
		t.Errorf("sector_permits refers to %v, want its own finding %s", m.Findings, got[0].ID)
	}
}
