package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestOrgSitesHeadcount(t *testing.T) {
	runCases(t, "org.sites-headcount", []checkCase{
		{name: "headcount and sites given pass"},
		{
			name:   "no headcount is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.Employees = 0 },
			want:   []findingWant{{Severity: Major, Message: "number of employees is not given", Record: "organisation"}},
		},
		{
			name:   "no site listed is minor even with a registered address",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.Sites = nil },
			want:   []findingWant{{Severity: Minor, Message: "No site is listed"}},
		},
	})
}
