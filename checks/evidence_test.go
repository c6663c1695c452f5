package checks

import "testing"

func TestAnEmptyEvidenceFileDoesNotCountAsPresent(t *testing.T) {
	d := readyDossier()
	p := d.Organisation.LegalRepIDFile
	if !evidenceExists(d, p) {
		t.Fatalf("fixture lacks %s", p)
	}
	d.Evidence[p].Size = 0
	if evidenceExists(d, p) {
		t.Fatal("a zero-byte file counts as evidence")
	}
	requireFindings(t, "org.legal-rep", newFixturePass(d).Run(mustCheck(t, "org.legal-rep")),
		findingWant{Severity: Major, Message: "ID copy evidence/legal-rep-id.pdf is missing from the dossier or empty"})
}

func mustCheck(t *testing.T, id string) *Check {
	t.Helper()
	c, ok := ByID(id)
	if !ok {
		t.Fatalf("no check %s", id)
	}
	return c
}
