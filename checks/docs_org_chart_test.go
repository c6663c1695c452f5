package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestDocsOrgChart(t *testing.T) {
	runCases(t, "docs.org-chart", []checkCase{
		{name: "a registered chart with its file passes"},
		{
			name:   "no organisation chart is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "OC-01") },
			want:   []findingWant{{Severity: Major, Message: "No organisation chart", Record: "document kind org_chart", Where: "documents.yaml"}},
		},
		{
			name:   "a chart whose file is missing is left to docs.control",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, documentByID(t, d, "OC-01").File) },
		},
	})
}
