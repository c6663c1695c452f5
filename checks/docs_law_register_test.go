package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestDocsLawRegister(t *testing.T) {
	runCases(t, "docs.law-register", []checkCase{
		{name: "a register naming every applicable law passes"},
		{
			name:   "no register of laws is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "LR-01") },
			want:   []findingWant{{Severity: Major, Message: "No register of applicable laws", Record: "document kind law_register"}},
		},
		{
			name: "a register that leaves out the consumer-protection law is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				documentByID(t, d, "LR-01").Covers = []string{"personal_information_protection_law", "product_quality_law", "complaint_measures", "sector_law"}
			},
			want: []findingWant{{Severity: Major, Message: "does not name: consumer_protection_law;", Record: "document LR-01"}},
		},
		{
			name: "a register without the laws that depend on the business is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				documentByID(t, d, "LR-01").Covers = []string{"consumer_protection_law", "personal_information_protection_law"}
			},
			want: []findingWant{{Severity: Observation, Message: "does not name: product_quality_law, complaint_measures, sector_law; check whether"}},
		},
		{
			name: "the sector's law is not asked of a sector without permits",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.Sector = "retail"
				documentByID(t, d, "LR-01").Covers = []string{"consumer_protection_law", "personal_information_protection_law", "product_quality_law", "complaint_measures"}
			},
		},
	})
}
