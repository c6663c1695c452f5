package checks

import "testing"

func TestHandlingUniqueIDs(t *testing.T) {
	const id = "handling.unique-ids"
	t.Run("distinct ids pass", func(t *testing.T) {
		requireFindings(t, id, runHandling(t, id, readyDossier()))
	})
	t.Run("every later repeat of an id, padded or not, is listed and left out of the figures", func(t *testing.T) {
		d := readyDossier()
		rows := logRows(d)
		rows[2].ID = rows[0].ID + " "
		rows[3].ID = "\t" + rows[0].ID
		p := handlingPass(t, d)
		requireFindings(t, id, runHandlingOn(t, id, p), findingWant{Severity: Major,
			Message: "2 of 4 rows with an id repeat the id of an earlier row", Where: "complaints.csv:row 4"})
		if p.Metrics.Total != 2 {
			t.Errorf("statistics count %d complaints, want the 2 distinct ones", p.Metrics.Total)
		}
	})
}
