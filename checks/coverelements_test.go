package checks

import (
	"slices"
	"testing"

	"github.com/certready/certready/internal/dossier"
)

// The template offers dossier.CoverElements as the elements the checks
// read; every element a check looks for must be among them, and each has a
// Chinese label, so the template never falls behind the catalogue.
func TestEveryElementTheChecksReadIsOfferedByTheTemplate(t *testing.T) {
	var read []string
	for _, es := range [][]string{manualElements(), procedureElements(), instructionElements(), formElements(), analysisDimensions(), profileElements,
		{"escalation", "confidentiality", "objectivity"}, sectorElements(), lawRegisterElements(), {"record_retention"}} {
		read = append(read, es...)
	}
	for _, e := range read {
		if !slices.Contains(dossier.CoverElements, e) {
			t.Errorf("checks read covers element %q, which the template does not offer", e)
		}
	}
	for _, e := range dossier.CoverElements {
		if !slices.Contains(read, e) {
			t.Errorf("the template offers %q, which no check reads", e)
		}
		if dossier.EnumLabelsZH["element"][e] == "" {
			t.Errorf("%q has no Chinese label", e)
		}
	}
}
