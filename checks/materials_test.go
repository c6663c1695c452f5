package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// materialsOf runs the checklist and returns its findings and items.
func materialsOf(t *testing.T, d *dossier.Dossier, tune func(*Pass)) ([]Finding, map[string]Material, []string) {
	t.Helper()
	p := newFixturePass(d)
	if tune != nil {
		tune(p)
	}
	fs := runCheckOn(t, "materials.checklist", p)
	items := map[string]Material{}
	var order []string
	for _, m := range p.Materials() {
		if _, dup := items[m.ID]; dup {
			t.Errorf("material %s recorded twice", m.ID)
		}
		if m.Title.EN == "" || m.Title.ZH == "" {
			t.Errorf("material %s lacks a bilingual title", m.ID)
		}
		items[m.ID] = m
		order = append(order, m.ID)
	}
	return fs, items, order
}

func TestMaterialsChecklistOfTheReadyDossier(t *testing.T) {
	fs, items, order := materialsOf(t, readyDossier(), nil)
	requireFindings(t, "materials.checklist", fs)
	want := []struct {
		id     string
		status MaterialStatus
		ref    string
	}{
		{"business_licence", MaterialPresent, "evidence/business-licence.pdf"},
		{"org_code_certificate", MaterialNotApplicable, ""},
		{"legal_rep_id", MaterialPresent, "evidence/legal-rep-id.pdf"},
		{"company_profile", MaterialPresent, "PF-01"},
		{"quality_manual", MaterialPresent, "QM-01"},
		{"procedures", MaterialPresent, "PR-01"},
		{"work_instructions", MaterialPresent, "WI-01"},
		{"intake_register", MaterialPresent, "F-01"},
		{"handling_records", MaterialPresent, "complaints.csv"},
		{"follow_up_records", MaterialPresent, "F-03"},
		{"analysis_reports", MaterialPresent, "AN-2026-Q3"},
		{"staff_list", MaterialPresent, "person P03"},
		{"training", MaterialPresent, "TP-2026"},
		{"sector_permits", MaterialPresent, "evidence/food-operation.pdf"},
		{"other_certificates", MaterialPresent, "CERT-9001"},
		{"satisfaction_survey", MaterialPresent, "evidence/survey-2026.pdf"},
		{"internal_audit_report", MaterialPresent, "evidence/audit-2026.pdf"},
		{"management_review_minutes", MaterialPresent, "evidence/review-2026.pdf"},
	}
	if len(order) != len(want) {
		t.Fatalf("checklist has %d items %v, want %d", len(order), order, len(want))
	}
	for i, w := range want {
		if order[i] != w.id {
			t.Errorf("item %d is %s, want %s", i, order[i], w.id)
		}
		m := items[w.id]
		if m.Status != w.status {
			t.Errorf("%s: status %s, want %s (note %q)", w.id, m.Status, w.status, m.Note.EN)
		}
		if w.ref != "" && !contains(m.Refs, w.ref) {
			t.Errorf("%s: refs %v lack %s", w.id, m.Refs, w.ref)
		}
	}
	if !items["other_certificates"].Optional || items["business_licence"].Optional {
		t.Errorf("only other certificates are optional")
	}
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestMaterialsChecklistGaps(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*dossier.Dossier, *Pass)
		item   string
		status MaterialStatus
		want   []findingWant
	}{
		{
			name:   "a business licence without its scan is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, "evidence/business-licence.pdf") },
			item:   "business_licence", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "business_licence", Where: "licences.yaml:9:5",
				Message: "Application material missing: Business licence copy — business_licence " + fixtureUSCC + " has no scan in the dossier"}},
		},
		{
			name: "an expired business licence is expired",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").ValidUntil = dossier.Expiry{Date: day(2026, time.January, 1)}
			},
			item: "business_licence", status: MaterialExpired,
			want: []findingWant{{Severity: Major, Record: "business_licence", Message: "Application material expired: Business licence copy — business_licence " + fixtureUSCC + " expired on 2026-01-01"}},
		},
		{
			name:   "without a USCC the organisation code certificate is required",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.USCC, d.Organisation.OrgCode = "", "12345678-8" },
			item:   "org_code_certificate", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "org_code_certificate", Message: "no certificate document or licence record for organisation code 12345678-8"}},
		},
		{
			name: "an organisation code certificate on file satisfies the item",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.USCC, d.Organisation.OrgCode = "", "12345678-8"
				cert := *documentByID(t, d, "CERT-9001")
				cert.ID, cert.Title, cert.File = "CERT-ORG", "组织机构代码证", "docs/CERT-ORG.pdf"
				d.Documents = append(d.Documents, cert)
				d.Evidence[cert.File] = &dossier.Evidence{Path: cert.File, Exists: true, Size: 2048}
			},
			item: "org_code_certificate", status: MaterialPresent,
		},
		{
			name:   "outside China the organisation code certificate does not apply",
			mutate: func(d *dossier.Dossier, p *Pass) { d.Organisation.USCC = ""; p.Config.Jurisdiction = "other" },
			item:   "org_code_certificate", status: MaterialNotApplicable,
		},
		{
			name:   "a procedure registered without its file is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, "docs/PR-01.pdf") },
			item:   "procedures", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "procedures", Message: "Procedures — PR-01 registered but its file is missing from the dossier or empty", Where: "documents.yaml:24:5"}},
		},
		{
			name:   "no work instruction is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "WI-01") },
			item:   "work_instructions", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "work_instructions", Message: "no document of kind instruction"}},
		},
		{
			name:   "the complaint log stands for handling records without a form",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "F-02") },
			item:   "handling_records", status: MaterialPresent,
		},
		{
			name:   "without a log or a form handling records are missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "F-02"); d.Complaints = nil },
			item:   "handling_records", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "handling_records", Message: "no complaint log and no form or record covering handling_record"}},
		},
		{
			name:   "no follow-up form is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "F-03") },
			item:   "follow_up_records", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "follow_up_records", Message: "no form or record covering follow_up_record"}},
		},
		{
			name: "an analysis document counts as an analysis report without declaring it",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropDocuments(d, "F-04")
				documentByID(t, d, "AN-2026-Q3").Covers = nil
			},
			item: "analysis_reports", status: MaterialPresent,
		},
		{
			name:   "a handler without a qualification leaves the staff list missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Qualifications = d.Qualifications[:1] },
			item:   "staff_list", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "staff_list", Message: "no qualification certificate on file for P03"}},
		},
		{
			name: "handlers holding only expired qualifications leave the staff list expired",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Qualifications[1].ValidUntil = dossier.Expiry{Date: day(2026, time.June, 30)}
			},
			item: "staff_list", status: MaterialExpired,
			want: []findingWant{{Severity: Major, Record: "staff_list", Message: "only expired qualifications for P03"}},
		},
		{
			name:   "training records without a plan are missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "TP-2026") },
			item:   "training", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "training", Message: "training records exist but no training plan"}},
		},
		{
			name: "an unregulated sector needs no permit",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.Sector = "retail"
				dropLicences(d, "food_operation")
			},
			item: "sector_permits", status: MaterialNotApplicable,
		},
		{
			name:   "a food business without a permit is missing one",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropLicences(d, "food_operation") },
			item:   "sector_permits", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "sector_permits", Message: "no permit of type food_operation, food_production for the food sector"}},
		},
		{
			name:   "other certificates are optional and never a finding",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "CERT-9001") },
			item:   "other_certificates", status: MaterialMissing,
		},
		{
			name: "a survey older than the survey period is expired",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Surveys[0].Date = day(2025, time.September, 1)
				documentByID(t, d, "SR-2026").Effective = day(2025, time.August, 1)
			},
			item: "satisfaction_survey", status: MaterialExpired,
			want: []findingWant{{Severity: Major, Record: "satisfaction_survey", Message: "the latest survey (2025-09-01) is older than 12 months"}},
		},
		{
			name: "a survey dated after the as-of date does not count",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Surveys[0].Date = day(2026, time.December, 1)
				dropDocuments(d, "SR-2026")
			},
			item: "satisfaction_survey", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "satisfaction_survey", Message: "no customer satisfaction survey held by 2026-10-15"}},
		},
		{
			name: "an undated survey cannot be shown to be recent",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Surveys[0].Date = dossier.Date{}
				dropDocuments(d, "SR-2026")
			},
			item: "satisfaction_survey", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "satisfaction_survey", Message: "S2026-1 has no date"}},
		},
		{
			name: "a business licence without a validity date is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").ValidUntil = dossier.Expiry{}
			},
			item: "business_licence", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "business_licence", Message: "has no validity date, so it cannot be shown to be in force", Where: "licences.yaml:5:5"}},
		},
		{
			name: "a recent survey whose report is missing is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				delete(d.Evidence, d.Surveys[0].Report)
				dropDocuments(d, "SR-2026")
			},
			item: "satisfaction_survey", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "satisfaction_survey", Message: "the report of S2026-1 is missing from the dossier or empty", Where: "surveys.yaml:3:5"}},
		},
		{
			name:   "an internal audit whose report is not on file leaves the report missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.Audits[0].Report) },
			item:   "internal_audit_report", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "internal_audit_report", Message: "the report of IA-2026-1 is missing from the dossier or empty", Where: "audits.yaml:1:3"}},
		},
		{
			name:   "an audit that did not cover complaints handling yields no report",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Audits[0].CoversComplaints = false },
			item:   "internal_audit_report", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "internal_audit_report", Message: "no internal audit covering complaints handling held by 2026-10-15"}},
		},
		{
			name:   "no management review leaves the minutes missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Reviews = nil },
			item:   "management_review_minutes", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "management_review_minutes", Message: "no management review covering complaints handling held by 2026-10-15"}},
		},
		{
			name:   "a review whose minutes are not on file leaves them missing",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.Reviews[0].Minutes) },
			item:   "management_review_minutes", status: MaterialMissing,
			want: []findingWant{{Severity: Major, Record: "management_review_minutes", Message: "the minutes of MR-2026-1 are missing"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readyDossier()
			fs, items, _ := materialsOf(t, d, func(p *Pass) { c.mutate(d, p) })
			if c.status != MaterialPresent && c.status != MaterialNotApplicable && !items[c.item].Optional && len(items[c.item].Owners) == 0 {
				t.Errorf("%s names no check that owns its gap", c.item)
			}
			if got := items[c.item].Status; got != c.status {
				t.Errorf("%s: status %s, want %s (note %q)", c.item, got, c.status, items[c.item].Note.EN)
			}
			requireFindings(t, "materials.checklist", fs, c.want...)
		})
	}
}
