package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestSectorFinanceRecording(t *testing.T) {
	runCases(t, "sector.finance-recording", []checkCase{
		{name: "call recording and a workspace pass"},
		{
			name:   "a camera alone is recording equipment",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Equipment = []string{"camera", "computer"} },
		},
		{
			name:   "no recording equipment is a major finding of law",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Equipment = []string{"computer", "phone"} },
			want: []findingWant{{Severity: Major, Record: "resources",
				Message: "No audio or video recording equipment (call_recording or camera) is recorded"}},
		},
		{
			name:   "no reception area is reported",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources.Workspace = " " },
			want:   []findingWant{{Severity: Major, Message: "No complaint reception area is recorded (workspace)"}},
		},
		{
			name:   "no resources record at all is reported, not passed",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Resources = nil },
			want:   []findingWant{{Severity: Major, Message: "No resources are recorded", Record: "resources"}},
		},
	})
}
