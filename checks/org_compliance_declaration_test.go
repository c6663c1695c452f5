package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestOrgComplianceDeclaration(t *testing.T) {
	runCases(t, "org.compliance-declaration", []checkCase{
		{name: "a declaration signed this year passes"},
		{
			name:   "no declaration is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "DC-01") },
			want:   []findingWant{{Severity: Minor, Message: "No declaration of no major violation", Record: "document kind declaration"}},
		},
		{
			name: "a declaration more than a year old is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				documentByID(t, d, "DC-01").ApprovedOn = day(2025, time.March, 1)
			},
			want: []findingWant{{Severity: Minor, Message: "dated 2025-03-01, more than 12 months before", Record: "document DC-01"}},
		},
		{
			name: "an undated declaration is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dc := documentByID(t, d, "DC-01")
				dc.ApprovedOn, dc.Effective = dossier.Date{}, dossier.Date{}
			},
			want: []findingWant{{Severity: Minor, Message: "is undated"}},
		},
	})
}
