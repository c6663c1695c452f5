package checks

import "testing"

func TestSectorFinanceRecourse(t *testing.T) {
	const id = "sector.finance-recourse"
	t.Run("no document requires telling the recourse channels", func(t *testing.T) {
		fs := runCheck(t, id, readyDossier())
		requireFindings(t, id, fs, findingWant{Severity: Major,
			Message: "No manual, policy, procedure or work instruction requires the decision to tell the complainant the recourse channels (review, mediation, arbitration, litigation) as the banking and insurance complaint measures do (covers: recourse)",
			Record:  "documents"})
		if fs[0].Basis != OnLaw {
			t.Errorf("basis %s, want law", fs[0].Basis)
		}
	})
	t.Run("the manual covers recourse", func(t *testing.T) {
		d := readyDossier()
		for i := range d.Documents {
			if d.Documents[i].Kind == "manual" {
				d.Documents[i].Covers = append(d.Documents[i].Covers, "recourse")
			}
		}
		requireFindings(t, id, runCheck(t, id, d))
	})
}
