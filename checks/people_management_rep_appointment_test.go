package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestPeopleManagementRepAppointment(t *testing.T) {
	runCases(t, "people.management-rep-appointment", []checkCase{
		{name: "an appointment signed by top management passes"},
		{
			name:   "no appointment is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "AP-01") },
			want:   []findingWant{{Severity: Minor, Message: "No appointment of the management representative", Record: "document kind appointment"}},
		},
		{
			name:   "an appointment the representative signed for themselves is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { documentByID(t, d, "AP-01").ApprovedBy = "李娜" },
			want:   []findingWant{{Severity: Minor, Message: "not approved by top management", Record: "document AP-01"}},
		},
	})
}
