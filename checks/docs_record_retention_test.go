package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestDocsRecordRetention(t *testing.T) {
	runCases(t, "docs.record-retention", []checkCase{
		{name: "registered retention rules pass"},
		{
			name:   "no retention rules anywhere is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "RR-01") },
			want:   []findingWant{{Severity: Minor, Message: "No record-retention rules", Record: "document kind retention_rules"}},
		},
		{
			name: "a procedure that covers record retention stands in for separate rules",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropDocuments(d, "RR-01")
				pr := documentByID(t, d, "PR-01")
				pr.Covers = append(pr.Covers, "record_retention")
			},
		},
	})
}
