package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestAuditorQualification(t *testing.T) {
	const id = "improvement.auditor-qualification"
	dropCert := func(d *dossier.Dossier) { d.Qualifications = d.Qualifications[:2] }
	runCases(t, id, []checkCase{
		{name: "an auditor holding an internal-auditor certificate passes"},
		{name: "an auditor without certificate or training is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropCert(d) },
			want:   []findingWant{{Severity: Minor, Message: "The auditor P04 of internal audit IA-2026-1 holds no internal-auditor certificate valid on 2026-08-20", Record: "audit IA-2026-1"}}},
		{name: "a certificate issued after the audit does not count",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Qualifications[2].Issued = day(2026, 9, 1) },
			want:   []findingWant{{Severity: Minor, Message: "holds no internal-auditor certificate"}}},
		{name: "internal-audit training attended before the audit counts",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropCert(d)
				d.Training[0].Topics = append(d.Training[0].Topics, "internal_audit")
				d.Training[0].Attendees = append(d.Training[0].Attendees, "P04")
			}},
		{name: "training on the standard alone does not count",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropCert(d)
				d.Training[2].Attendees = append(d.Training[2].Attendees, "P04")
			},
			want: []findingWant{{Severity: Minor, Message: "attended no internal-audit training"}}},
		{name: "an auditor not in the people records is left to the independence check",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropCert(d); d.Audits[0].Auditor = "外部审核员" }},
	})
}
