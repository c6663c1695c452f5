package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// docsAsOf is the as-of date the document, channel and improvement tests
// run on.
func docsAsOf() dossier.Date { return day(2026, time.October, 1) }

// docsDossier is a dossier that passes every documents, channels and
// improvement check on docsAsOf.
func docsDossier() *dossier.Dossier {
	docKeys := []string{"id", "title", "kind", "version", "approved_by", "approved_on", "effective", "last_reviewed", "file", "covers", "contact_within_h", "solution_within_h"}
	doc := func(line int, id, kind, file string, covers ...string) dossier.Document {
		return dossier.Document{
			Meta: meta("documents.yaml", line, docKeys...),
			ID:   id, Title: id + " title", Kind: kind, Version: "A/1",
			ApprovedBy: "王建国", ApprovedOn: day(2026, time.February, 20),
			Effective: day(2026, time.March, 1), LastReviewed: day(2026, time.September, 1),
			File: file, Covers: covers,
		}
	}
	qp := doc(20, "QP-01", "procedure", "docs/QP-01.pdf", "receipt", "classification", "assessment", "action", "execution", "follow_up", "closing", "time_limits", "categories", "confidentiality")
	qp.ContactWithinH, qp.SolutionWithinH = 24, 48
	an := doc(80, "AN-2026-Q2", "analysis", "docs/AN-2026-Q2.pdf", "analysis_report", "types", "causes", "distribution", "effectiveness")
	an.Effective = day(2026, time.July, 15)
	d := &dossier.Dossier{
		Location: time.FixedZone("CST", 8*3600),
		Documents: []dossier.Document{
			doc(1, "QM-01", "manual", "docs/QM-01.pdf", "policy", "scope", "organisation_structure", "responsibilities", "confidentiality", "objectivity"),
			qp,
			doc(40, "WI-01", "instruction", "docs/WI-01.pdf", "root_cause_methods", "communication_norms", "form_rules"),
			doc(60, "F-01", "form", "docs/F-01.xlsx", "intake_register", "handling_record"),
			doc(70, "F-02", "form", "docs/F-02.xlsx", "follow_up_record", "analysis_report"),
			an,
			{Meta: meta("documents.yaml", 100, docKeys...), ID: "CERT-9001", Title: "ISO 9001 certificate", Kind: "certificate", File: "evidence/iso9001.pdf"},
		},
		Categories: []dossier.Category{
			{Meta: meta("categories.yaml", 1, "code", "name", "department"), Code: "quality", Name: "产品质量", Department: "质量部"},
			{Meta: meta("categories.yaml", 6, "code", "name", "department"), Code: "service", Name: "服务态度", Department: "客户服务部"},
		},
		Channels: []dossier.Channel{
			{Meta: meta("channels.yaml", 1, "id", "type", "published", "accessible", "free"), ID: "hotline", Type: "phone",
				Published: []string{"website", "store"}, Accessible: []string{"sign_language"}, Free: bptr(true)},
			{Meta: meta("channels.yaml", 8, "id", "type", "published", "accessible", "free"), ID: "mail", Type: "email",
				Published: []string{"website"}, Free: bptr(true)},
		},
		Surveys: []dossier.Survey{
			{Meta: meta("surveys.yaml", 1, "id", "date", "complaint_handling_score", "report"), ID: "S2026-1", Date: day(2026, time.September, 15),
				Score: fptr(92.5), ComplaintHandlingScore: fptr(90.1), Report: "evidence/survey-2026.pdf"},
		},
		Audits: []dossier.Audit{
			{Meta: meta("audits.yaml", 1, "id", "date", "covers_complaints", "report"), ID: "IA-2026-1", Date: day(2026, time.August, 20),
				CoversComplaints: true, Auditor: "赵敏", Report: "evidence/audit-2026.pdf"},
		},
		Reviews: []dossier.Review{
			{Meta: meta("reviews.yaml", 1, "id", "date", "chair", "covers_complaints", "minutes"), ID: "MR-2026-1", Date: day(2026, time.September, 10),
				Chair: "王建国", CoversComplaints: true, Minutes: "evidence/review-2026.pdf"},
		},
		Actions: []dossier.Action{
			{Meta: meta("actions.yaml", 1, "id", "status", "due", "closed"), ID: "CA-01", Source: "IA-2026-1", Description: "修订投诉分类表",
				Due: day(2026, time.September, 30), Closed: day(2026, time.September, 20), Status: "closed"},
		},
		Objectives: []dossier.Objective{
			{Meta: meta("objectives.yaml", 1, "id", "metric", "target", "actual"), ID: "O1", Statement: "24小时内联系率",
				Metric: "ack_24h_rate", Target: fptr(98), Unit: "%", Actual: fptr(99.1)},
			{Meta: meta("objectives.yaml", 10, "id", "metric", "target", "actual"), ID: "O2", Statement: "平均解决时长",
				Metric: "mean_resolution_duration", Target: fptr(48), Unit: "h", Actual: fptr(30)},
		},
		Evidence: map[string]*dossier.Evidence{},
		Present:  map[string]bool{},
	}
	for _, name := range []string{"documents", "categories", "channels", "surveys", "audits", "reviews", "actions", "objectives"} {
		d.Present[name] = true
	}
	for _, p := range []string{"evidence/survey-2026.pdf", "evidence/audit-2026.pdf", "evidence/review-2026.pdf"} {
		d.Evidence[p] = &dossier.Evidence{Path: p, Exists: true, Size: 1}
	}
	for _, doc := range d.Documents {
		d.Evidence[doc.File] = &dossier.Evidence{Path: doc.File, Exists: true, Size: 1}
	}
	return d
}

// docsDoc returns the fixture document with the id, for edits.
func docsDoc(t *testing.T, d *dossier.Dossier, id string) *dossier.Document {
	t.Helper()
	for i := range d.Documents {
		if d.Documents[i].ID == id {
			return &d.Documents[i]
		}
	}
	t.Fatalf("fixture has no document %s", id)
	return nil
}

// docsRun runs one registered check over d on docsAsOf with the default
// configuration adjusted by tune, if any.
func docsRun(t *testing.T, id string, d *dossier.Dossier, tune func(*config.Thresholds)) []Finding {
	t.Helper()
	c, ok := ByID(id)
	if !ok {
		t.Fatalf("check %s is not registered", id)
	}
	cfg := config.Default()
	if tune != nil {
		tune(&cfg.Thresholds)
	}
	fs := NewPass(d, nil, cfg, nil, docsAsOf()).Run(c)
	for _, f := range fs {
		if f.Check != c {
			t.Errorf("finding %q belongs to %v, want %s", f.Message.EN, f.Check, id)
		}
		if f.Message.EN == "" || f.Message.ZH == "" {
			t.Errorf("%s: finding at %s lacks a bilingual message: %+v", id, f.Pos, f.Message)
		}
		if f.Record == "" {
			t.Errorf("%s: finding %q names no record", id, f.Message.EN)
		}
	}
	return fs
}

// docsWant is one expected finding: its severity, a fragment of its English
// message, its record and, when set, the field it must point at.
type docsWant struct {
	sev    Severity
	msg    string
	record string
	field  func(*dossier.Dossier) dossier.Pos
	remedy string // the remedy for the finding's condition contains it
}

type docsCase struct {
	name string
	edit func(t *testing.T, d *dossier.Dossier)
	tune func(*config.Thresholds) // optional threshold changes
	want []docsWant               // none: the check passes
}

// docsTable runs the cases of one check: each case edits a fresh fixture
// and must produce exactly the findings it lists, in any order.
func docsTable(t *testing.T, id string, cases []docsCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docsDossier()
			if tc.edit != nil {
				tc.edit(t, d)
			}
			got := docsRun(t, id, d, tc.tune)
			if len(got) != len(tc.want) {
				for _, f := range got {
					t.Logf("got %s %s [%s] %s", f.Severity, f.Record, f.Pos, f.Message.EN)
				}
				t.Fatalf("%s: got %d findings, want %d", id, len(got), len(tc.want))
			}
			used := make([]bool, len(got))
		want:
			for _, w := range tc.want {
				for i, f := range got {
					if used[i] || f.Severity != w.sev || !strings.Contains(f.Message.EN, w.msg) {
						continue
					}
					if w.record != "" && f.Record != w.record {
						t.Errorf("%s: finding %q has record %q, want %q", id, f.Message.EN, f.Record, w.record)
					}
					if w.field != nil && f.Pos != w.field(d) {
						t.Errorf("%s: finding %q is at %s, want %s", id, f.Message.EN, f.Pos, w.field(d))
					}
					if rem := f.Remedy; w.remedy != "" {
						if rem.IsZero() {
							rem = f.Check.Remedy
						}
						if !strings.Contains(rem.EN, w.remedy) {
							t.Errorf("%s: finding %q has remedy %q, want one containing %q", id, f.Message.EN, rem.EN, w.remedy)
						}
					}
					used[i] = true
					continue want
				}
				for _, f := range got {
					t.Logf("got %s %s %s", f.Severity, f.Record, f.Message.EN)
				}
				t.Errorf("%s: no %s finding containing %q", id, w.sev, w.msg)
			}
		})
	}
}

// docField points at a field of the fixture document with the id.
func docField(id, key string) func(*dossier.Dossier) dossier.Pos {
	return func(d *dossier.Dossier) dossier.Pos {
		for i := range d.Documents {
			if d.Documents[i].ID == id {
				return d.Documents[i].PosOf(key)
			}
		}
		return dossier.Pos{File: "no document " + id}
	}
}

// dropDocs removes the fixture documents of a kind.
func dropDocs(d *dossier.Dossier, kind string) {
	kept := d.Documents[:0]
	for _, doc := range d.Documents {
		if doc.Kind != kind {
			kept = append(kept, doc)
		}
	}
	d.Documents = kept
}

func TestTheFixturePassesEveryDocumentsChannelsAndImprovementCheck(t *testing.T) {
	for _, id := range docsFamilyIDs() {
		if got := docsRun(t, id, docsDossier(), nil); len(got) > 0 {
			t.Errorf("%s: %d findings on the passing fixture, first: %s", id, len(got), got[0].Message.EN)
		}
	}
}

func docsFamilyIDs() []string {
	return []string{
		"docs.manual", "docs.procedures", "docs.time-limits", "docs.categories", "docs.work-instructions", "docs.forms", "docs.control",
		"channels.multiple", "channels.published", "channels.free", "channels.accessible",
		"improvement.analysis", "improvement.survey", "improvement.survey-complaints", "improvement.internal-audit",
		"improvement.management-review", "improvement.actions-closed", "improvement.objectives", "improvement.confidentiality", "improvement.objectivity",
	}
}

func TestDocumentsChannelsAndImprovementChecksCiteRealClausesAndPrinciples(t *testing.T) {
	clauses := map[string]bool{}
	for _, c := range Clauses() {
		clauses[c.Num] = true
	}
	principles := map[string]bool{}
	for _, p := range Principles() {
		principles[p.Num] = true
	}
	for _, id := range docsFamilyIDs() {
		c, ok := ByID(id)
		if !ok {
			t.Errorf("%s is not registered", id)
			continue
		}
		for _, n := range c.Clauses {
			if !clauses[n] {
				t.Errorf("%s cites clause %s, which is not in ISO 10002:2018", id, n)
			}
		}
		if len(c.Principles) == 0 {
			t.Errorf("%s names no guiding principle", id)
		}
		for _, n := range c.Principles {
			if !principles[n] {
				t.Errorf("%s cites principle %s, which is not one of 4.2–4.15", id, n)
			}
		}
		if c.Doc.EN == "" || c.Doc.ZH == "" {
			t.Errorf("%s has no Doc text explaining its rule", id)
		}
	}
}

func TestDocsManual(t *testing.T) {
	docsTable(t, "docs.manual", []docsCase{
		{name: "a complete approved manual in force passes"},
		{name: "a policy issued as its own document counts for the manual's policy element", edit: func(t *testing.T, d *dossier.Dossier) {
			m := docsDoc(t, d, "QM-01")
			m.Covers = []string{"scope", "organisation_structure", "responsibilities"}
			d.Documents = append(d.Documents, dossier.Document{ID: "POL-01", Kind: "policy", Covers: []string{"policy"}})
		}},
		{name: "no manual at all is major", edit: func(t *testing.T, d *dossier.Dossier) { dropDocs(d, "manual") },
			want: []docsWant{{sev: Major, msg: "No quality manual: none of the 6 documents is of kind manual", record: "documents"}}},
		{name: "a dossier without a documents sheet says so", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Documents, d.Present["documents"] = nil, false
		}, want: []docsWant{{sev: Major, msg: "No quality manual: the dossier has no documents file or sheet"}}},
		{name: "a manual missing elements lists each of them", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Covers = []string{"policy", "scope"}
		}, want: []docsWant{{sev: Major, msg: "QM-01 does not cover: organisation_structure, responsibilities", record: "document QM-01", field: docField("QM-01", "covers")}}},
		{name: "an unapproved manual is major at its approval field", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").ApprovedBy = ""
		}, want: []docsWant{{sev: Major, msg: "“Approved by” missing", field: docField("QM-01", "approved_by")}}},
		{name: "a manual taking effect after the as-of date is not in force", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Effective = day(2026, time.November, 1)
		}, want: []docsWant{{sev: Major, msg: "takes effect on 2026-11-01, after the as-of date 2026-10-01", field: docField("QM-01", "effective")}}},
		{name: "a manual without an effective date is not shown in force", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Effective = dossier.Date{}
		}, want: []docsWant{{sev: Major, msg: "has no effective date"}}},
		{name: "a manual whose file is missing still counts for content", edit: func(t *testing.T, d *dossier.Dossier) {
			delete(d.Evidence, "docs/QM-01.pdf")
		}},
	})
}

func TestDocsProcedures(t *testing.T) {
	docsTable(t, "docs.procedures", []docsCase{
		{name: "a procedure covering every step passes"},
		{name: "steps spread over two procedures pass together", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QP-01").Covers = []string{"receipt", "classification", "assessment", "action"}
			d.Documents = append(d.Documents, dossier.Document{ID: "QP-02", Kind: "procedure", Covers: []string{"execution", "follow_up", "closing", "time_limits", "categories"}})
		}},
		{name: "no procedure is major", edit: func(t *testing.T, d *dossier.Dossier) { dropDocs(d, "procedure") },
			want: []docsWant{{sev: Major, msg: "No complaints-handling procedure"}}},
		{name: "a procedure without follow-up and closing names both", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QP-01").Covers = []string{"receipt", "classification", "assessment", "action", "execution", "time_limits", "categories"}
		}, want: []docsWant{{sev: Major, msg: "Procedure QP-01 does not cover: follow_up, closing", record: "document QP-01"}}},
		{name: "the manual does not stand in for a procedure", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Covers = procedureElements()
			docsDoc(t, d, "QP-01").Covers = []string{"receipt"}
		}, want: []docsWant{{sev: Major, msg: "does not cover: classification"}}},
	})
}

func TestDocsTimeLimits(t *testing.T) {
	docsTable(t, "docs.time-limits", []docsCase{
		{name: "limits of 24 h and 48 h meet the defaults"},
		{name: "tighter limits pass", edit: func(t *testing.T, d *dossier.Dossier) {
			qp := docsDoc(t, d, "QP-01")
			qp.ContactWithinH, qp.SolutionWithinH = 2, 24
		}},
		{name: "a procedure without a contact limit is major: the standard asks for the organisation's own time frames", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QP-01").ContactWithinH = 0
		}, want: []docsWant{{sev: Major, msg: "No procedure states its own time limit to contact the complainant (“Contact limit (h)”). ISO 10002 asks the organisation to set and make known its time frames; it sets no figure", field: docField("QP-01", "contact_within_h")}}},
		{name: "a solution limit looser than recommended practice is only an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QP-01").SolutionWithinH = 72
		}, want: []docsWant{{sev: Observation, msg: "Procedure QP-01 allows 72 h to give an initial solution; recommended practice: 48 h. The complaint log is measured against the procedure's 72 h", record: "document QP-01", field: docField("QP-01", "solution_within_h")}}},
		{name: "a procedure looser than the organisation's configured policy is minor", tune: func(th *config.Thresholds) { th.AckHours = 8 },
			want: []docsWant{{sev: Minor, msg: "Procedure QP-01 allows 24 h to contact the complainant; certready.yaml sets 8 h as your policy (thresholds.ack_hours)"}}},
		{name: "no procedure at all leaves both limits unstated", edit: func(t *testing.T, d *dossier.Dossier) { dropDocs(d, "procedure") },
			want: []docsWant{{sev: Major, msg: "(“Contact limit (h)”)"}, {sev: Major, msg: "(“Initial solution limit (h)”)"}}},
	})
}

func TestDocsCategories(t *testing.T) {
	docsTable(t, "docs.categories", []docsCase{
		{name: "categories each with a department pass"},
		{name: "no categories is an observation", edit: func(t *testing.T, d *dossier.Dossier) { d.Categories = nil },
			want: []docsWant{{sev: Observation, msg: "No complaint categories", record: "categories"}}},
		{name: "a category without a department is an observation", edit: func(t *testing.T, d *dossier.Dossier) { d.Categories[1].Department = " " },
			want: []docsWant{{sev: Observation, msg: "service (服务态度) has no responsible department", record: "category service",
				field: func(d *dossier.Dossier) dossier.Pos { return d.Categories[1].PosOf("department") }}}},
	})
}

func TestDocsWorkInstructions(t *testing.T) {
	docsTable(t, "docs.work-instructions", []docsCase{
		{name: "instructions covering the three elements pass"},
		{name: "no instruction is an observation", edit: func(t *testing.T, d *dossier.Dossier) { dropDocs(d, "instruction") },
			want: []docsWant{{sev: Observation, msg: "No work instructions"}}},
		{name: "instructions without root-cause methods are minor", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "WI-01").Covers = []string{"communication_norms", "form_rules"}
		}, want: []docsWant{{sev: Observation, msg: "WI-01 does not cover: root_cause_methods", record: "document WI-01"}}},
	})
}

func TestDocsForms(t *testing.T) {
	docsTable(t, "docs.forms", []docsCase{
		{name: "four forms over two documents pass"},
		{name: "a record template counts as a form", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "F-02").Kind = "record"
		}},
		{name: "no forms is major", edit: func(t *testing.T, d *dossier.Dossier) { dropDocs(d, "form") },
			want: []docsWant{{sev: Major, msg: "No complaint forms"}}},
		{name: "a missing follow-up record is major", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "F-02").Covers = []string{"analysis_report"}
		}, want: []docsWant{{sev: Major, msg: "Forms F-01, F-02 together do not cover: follow_up_record", record: "documents F-01,F-02"}}},
	})
}

func TestDocsControl(t *testing.T) {
	docsTable(t, "docs.control", []docsCase{
		{name: "controlled documents with their files pass"},
		{name: "a certificate needs no approval or review", edit: func(t *testing.T, d *dossier.Dossier) {
			c := docsDoc(t, d, "CERT-9001")
			c.Version, c.ApprovedBy = "", ""
		}},
		{name: "a missing file is major at the file field", edit: func(t *testing.T, d *dossier.Dossier) {
			delete(d.Evidence, "docs/QM-01.pdf")
		}, want: []docsWant{{sev: Major, msg: "QM-01: file docs/QM-01.pdf is missing from the dossier", record: "document QM-01", field: docField("QM-01", "file")}}},
		{name: "a file reference that is empty is major", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "CERT-9001").File = ""
		}, want: []docsWant{{sev: Major, msg: "CERT-9001 names no file", field: docField("CERT-9001", "file")}}},
		{name: "a document without an id is major", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Documents[2].ID = ""
		}, want: []docsWant{{sev: Major, msg: `Document "WI-01 title" has no id`, record: `document "WI-01 title"`}}},
		{name: "a repeated id is minor", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Documents[4].ID = "F-01"
		}, want: []docsWant{{sev: Minor, msg: "Document id F-01 is used by more than one document"}}},
		{name: "a procedure without version and approver", edit: func(t *testing.T, d *dossier.Dossier) {
			qp := docsDoc(t, d, "QP-01")
			qp.Version, qp.ApprovedBy = "", ""
		}, want: []docsWant{
			{sev: Minor, msg: "QP-01 has no version", field: docField("QP-01", "version")},
			{sev: Major, msg: "QP-01 is not evidenced as approved: “Approved by” missing", field: docField("QP-01", "approved_by")},
		}},
		{name: "a form taking effect after the as-of date is minor", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "F-01").Effective = day(2026, time.December, 1)
		}, want: []docsWant{{sev: Minor, msg: "F-01 takes effect on 2026-12-01, after the as-of date 2026-10-01"}}},
		{name: "a review older than twelve months is overdue", edit: func(t *testing.T, d *dossier.Dossier) {
			wi := docsDoc(t, d, "WI-01")
			wi.ApprovedOn, wi.Effective, wi.LastReviewed = day(2024, time.June, 1), day(2024, time.June, 1), day(2025, time.August, 31)
		}, want: []docsWant{{sev: Observation, msg: "WI-01 was last reviewed or approved on 2025-08-31; its review was due by 2026-08-31 (every 12 months)", field: docField("WI-01", "last_reviewed")}}},
		{name: "approval counts as a review", edit: func(t *testing.T, d *dossier.Dossier) {
			wi := docsDoc(t, d, "WI-01")
			wi.LastReviewed = dossier.Date{}
		}},
		{name: "a review falling due within 30 days is an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			wi := docsDoc(t, d, "WI-01")
			wi.ApprovedOn, wi.Effective, wi.LastReviewed = day(2025, time.June, 1), day(2025, time.June, 1), day(2025, time.October, 20)
		}, want: []docsWant{{sev: Observation, msg: "WI-01 falls due for review on 2026-10-20, within 30 days"}}},
		{name: "a review dated after the as-of date does not count", edit: func(t *testing.T, d *dossier.Dossier) {
			wi := docsDoc(t, d, "WI-01")
			wi.ApprovedOn, wi.Effective, wi.LastReviewed = day(2025, time.May, 1), day(2025, time.May, 1), day(2026, time.December, 1)
		}, want: []docsWant{{sev: Observation, msg: "WI-01 was last reviewed or approved on 2025-05-01", field: docField("WI-01", "approved_on")}}},
	})
}
