package checks

import "testing"

func TestSectorFinanceRecusal(t *testing.T) {
	const id = "sector.finance-recusal"
	t.Run("no document sets up recusal", func(t *testing.T) {
		requireFindings(t, id, runCheck(t, id, readyDossier()), findingWant{Severity: Major,
			Message: "No manual, policy, procedure or work instruction sets up the recusal system the banking and insurance complaint measures require (covers: recusal)",
			Record:  "documents"})
	})
	t.Run("the procedure covers recusal", func(t *testing.T) {
		d := readyDossier()
		for i := range d.Documents {
			if d.Documents[i].Kind == "procedure" {
				d.Documents[i].Covers = append(d.Documents[i].Covers, "recusal")
			}
		}
		requireFindings(t, id, runCheck(t, id, d))
	})
	t.Run("a form claiming recusal is not a procedure", func(t *testing.T) {
		d := readyDossier()
		for i := range d.Documents {
			if d.Documents[i].Kind == "form" {
				d.Documents[i].Covers = append(d.Documents[i].Covers, "recusal")
			}
		}
		if fs := runCheck(t, id, d); len(fs) != 1 {
			t.Fatalf("%d findings, want 1", len(fs))
		}
	})
}
