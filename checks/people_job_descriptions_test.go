package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestPeopleJobDescriptions(t *testing.T) {
	runCases(t, "people.job-descriptions", []checkCase{
		{name: "registered job descriptions pass"},
		{
			name:   "no job description is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "JD-01") },
			want:   []findingWant{{Severity: Minor, Message: "No job descriptions", Record: "document kind job_description"}},
		},
	})
}
