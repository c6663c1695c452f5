package checks

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

func TestImprovementAnalysis(t *testing.T) {
	docsTable(t, "improvement.analysis", []docsCase{
		{name: "a recent analysis of all four dimensions passes"},
		{name: "an analysis dated by its approval when it has no effective date passes", edit: func(t *testing.T, d *dossier.Dossier) {
			an := docsDoc(t, d, "AN-2026-Q2")
			an.Effective, an.ApprovedOn = dossier.Date{}, day(2026, time.July, 20)
		}},
		{name: "no analysis report is major", edit: func(t *testing.T, d *dossier.Dossier) { dropDocs(d, "analysis") },
			want: []docsWant{{sev: Major, msg: "No complaint analysis report", record: "documents"}}},
		{name: "an analysis older than the recommended twelve months is an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Effective = day(2025, time.September, 30)
		}, want: []docsWant{{sev: Observation, msg: "Latest complaint analysis AN-2026-Q2 is dated 2025-09-30, not within 12 months before 2026-10-01", field: docField("AN-2026-Q2", "effective")}}},
		{name: "an analysis exactly twelve months old still counts", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Effective = day(2025, time.October, 1)
		}},
		{name: "an undated analysis is not evidence of a recent one", edit: func(t *testing.T, d *dossier.Dossier) {
			an := docsDoc(t, d, "AN-2026-Q2")
			an.Effective, an.ApprovedOn = dossier.Date{}, dossier.Date{}
		}, want: []docsWant{{sev: Major, msg: "No complaint analysis is dated on or before 2026-10-01"}}},
		{name: "a shorter configured period excludes an older analysis", tune: func(th *config.Thresholds) { th.AnalysisMonths = 2 },
			want: []docsWant{{sev: Major, msg: "not within 2 months before 2026-10-01"}}},
		{name: "declaring some dimensions only is minor", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Covers = []string{"types", "causes"}
		}, want: []docsWant{{sev: Minor, msg: "Complaint analysis AN-2026-Q2 does not cover: distribution, effectiveness", record: "document AN-2026-Q2"}}},
		{name: "two recent analyses count together", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Covers = []string{"types", "causes"}
			d.Documents = append(d.Documents, dossier.Document{ID: "AN-2026-Q3", Kind: "analysis", Effective: day(2026, time.September, 30), Covers: []string{"distribution"}})
		}, want: []docsWant{{sev: Minor, msg: "Complaint analyses AN-2026-Q2, AN-2026-Q3 together do not cover: effectiveness", record: "documents AN-2026-Q2,AN-2026-Q3"}}},
		{name: "declaring the analysis report form alone is accepted", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Covers = []string{"analysis_report"}
		}},
		{name: "declaring nothing at all is an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Covers = nil
		}, want: []docsWant{{sev: Observation, msg: "AN-2026-Q2 does not declare what it analyses", record: "document AN-2026-Q2"}}},
		{name: "declaring one dimension beside the report form asks for the rest", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "AN-2026-Q2").Covers = []string{"analysis_report", "causes"}
		}, want: []docsWant{{sev: Minor, msg: "does not cover: types, distribution, effectiveness"}}},
	})
}

func TestImprovementSurvey(t *testing.T) {
	docsTable(t, "improvement.survey", []docsCase{
		{name: "a recent survey with its report passes"},
		{name: "no survey is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Surveys = nil },
			want: []docsWant{{sev: Major, msg: "No customer satisfaction survey is recorded: the surveys list is empty", record: "surveys"}}},
		{name: "a survey older than the recommended twelve months is an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Surveys[0].Date = day(2025, time.June, 1)
		}, want: []docsWant{{sev: Observation, msg: "S2026-1 is dated 2025-06-01, not within 12 months before 2026-10-01", record: "survey S2026-1"}}},
		{name: "a survey whose report is missing from the dossier or empty is major at the report field", edit: func(t *testing.T, d *dossier.Dossier) {
			delete(d.Evidence, "evidence/survey-2026.pdf")
		}, want: []docsWant{{sev: Major, msg: "report file evidence/survey-2026.pdf is missing from the dossier or empty",
			field: func(d *dossier.Dossier) dossier.Pos { return d.Surveys[0].PosOf("report") }}}},
		{name: "a survey without a report is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Surveys[0].Report = "" },
			want: []docsWant{{sev: Major, msg: "S2026-1 of 2026-09-15 has no report file"}}},
		{name: "an older survey with a report does not make up for a recent one without", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Surveys[0].Report = ""
			d.Surveys = append(d.Surveys, dossier.Survey{ID: "S2024-1", Date: day(2024, time.September, 1), Report: "evidence/audit-2026.pdf"})
		}, want: []docsWant{{sev: Major, msg: "S2026-1"}}},
	})
}

func TestImprovementSurveyComplaints(t *testing.T) {
	docsTable(t, "improvement.survey-complaints", []docsCase{
		{name: "a survey measuring complaint-handling satisfaction passes"},
		{name: "a survey without a complaint-handling score is minor", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Surveys[0].ComplaintHandlingScore = nil
		}, want: []docsWant{{sev: Minor, msg: "S2026-1 of 2026-09-15 does not measure satisfaction with complaints handling", record: "survey S2026-1",
			field: func(d *dossier.Dossier) dossier.Pos { return d.Surveys[0].PosOf("complaint_handling_score") }}}},
		{name: "no recent survey is left to improvement.survey", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Surveys[0].Date, d.Surveys[0].ComplaintHandlingScore = day(2024, time.January, 5), nil
		}},
	})
}

func TestImprovementInternalAudit(t *testing.T) {
	docsTable(t, "improvement.internal-audit", []docsCase{
		{name: "a recent audit of complaints handling with its report passes"},
		{name: "no audit is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Audits = nil },
			want: []docsWant{{sev: Major, msg: "No internal audit is recorded", record: "audits"}}},
		{name: "an audit not covering complaints handling is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Audits[0].CoversComplaints = false },
			want: []docsWant{{sev: Major, msg: "IA-2026-1 of 2026-08-20 does not cover the complaints-handling process", record: "audit IA-2026-1",
				field: func(d *dossier.Dossier) dossier.Pos { return d.Audits[0].PosOf("covers_complaints") }}}},
		{name: "an audit older than twelve months is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Audits[0].Date = day(2025, time.August, 20) },
			want: []docsWant{{sev: Major, msg: "Latest internal audit IA-2026-1 is dated 2025-08-20, not within 12 months"}}},
		{name: "an audit planned after the as-of date does not count", edit: func(t *testing.T, d *dossier.Dossier) { d.Audits[0].Date = day(2026, time.November, 2) },
			want: []docsWant{{sev: Major, msg: "No internal audit is dated on or before 2026-10-01"}}},
		{name: "a missing audit report is minor", edit: func(t *testing.T, d *dossier.Dossier) { delete(d.Evidence, "evidence/audit-2026.pdf") },
			want: []docsWant{{sev: Minor, msg: "report file evidence/audit-2026.pdf is missing from the dossier or empty"}}},
	})
}

func TestImprovementManagementReview(t *testing.T) {
	docsTable(t, "improvement.management-review", []docsCase{
		{name: "a recent chaired review of complaints handling passes"},
		{name: "no review is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Reviews = nil },
			want: []docsWant{{sev: Major, msg: "No management review is recorded", record: "reviews"}}},
		{name: "a review not covering complaints handling is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Reviews[0].CoversComplaints = false },
			want: []docsWant{{sev: Major, msg: "MR-2026-1 of 2026-09-10 does not cover the complaints-handling process", record: "review MR-2026-1"}}},
		{name: "a review older than twelve months is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Reviews[0].Date = day(2025, time.January, 10) },
			want: []docsWant{{sev: Major, msg: "Latest management review MR-2026-1 is dated 2025-01-10"}}},
		{name: "a review without a chair is minor", edit: func(t *testing.T, d *dossier.Dossier) { d.Reviews[0].Chair = "" },
			want: []docsWant{{sev: Minor, msg: "MR-2026-1 of 2026-09-10 names no chair",
				field: func(d *dossier.Dossier) dossier.Pos { return d.Reviews[0].PosOf("chair") }}}},
		{name: "a review without minutes is minor", edit: func(t *testing.T, d *dossier.Dossier) { d.Reviews[0].Minutes = "" },
			want: []docsWant{{sev: Minor, msg: "has no minutes file"}}},
	})
}

func TestImprovementActionsClosed(t *testing.T) {
	docsTable(t, "improvement.actions-closed", []docsCase{
		{name: "a closed action with its closing date passes"},
		{name: "an action closed by date alone passes", edit: func(t *testing.T, d *dossier.Dossier) { d.Actions[0].Status = "" }},
		{name: "an open action past its due date is major", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Actions[0].Status, d.Actions[0].Closed = "open", dossier.Date{}
		}, want: []docsWant{{sev: Major, msg: "Action CA-01 (from IA-2026-1) is open and overdue: due 2026-09-30, 1 days before 2026-10-01", record: "action CA-01",
			field: func(d *dossier.Dossier) dossier.Pos { return d.Actions[0].PosOf("due") }}}},
		{name: "an open action not yet due is an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Actions[0].Status, d.Actions[0].Closed, d.Actions[0].Due = "open", dossier.Date{}, day(2026, time.October, 1)
		}, want: []docsWant{{sev: Observation, msg: "CA-01 (from IA-2026-1) is open, due 2026-10-01"}}},
		{name: "an open action without a due date is minor", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Actions[0].Status, d.Actions[0].Closed, d.Actions[0].Due = "open", dossier.Date{}, dossier.Date{}
		}, want: []docsWant{{sev: Minor, msg: "is open and has no due date"}}},
		{name: "an action marked closed without a date is minor", edit: func(t *testing.T, d *dossier.Dossier) { d.Actions[0].Closed = dossier.Date{} },
			want: []docsWant{{sev: Minor, msg: "is marked closed but has no closed date"}}},
		{name: "an open action with a closed date is inconsistent", edit: func(t *testing.T, d *dossier.Dossier) { d.Actions[0].Status = "open" },
			want: []docsWant{{sev: Minor, msg: "has status open but a closed date 2026-09-20"}}},
	})
}

func TestImprovementObjectives(t *testing.T) {
	docsTable(t, "improvement.objectives", []docsCase{
		{name: "measurable objectives meeting their targets pass"},
		{name: "a time objective below its ceiling passes and an objective of unknown direction is not compared", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Objectives = append(d.Objectives, dossier.Objective{ID: "O3", Metric: "hotline_staff", Target: fptr(10), Actual: fptr(4)})
		}},
		{name: "no objectives is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Objectives = nil },
			want: []docsWant{{sev: Major, msg: "No complaints-handling objectives are set: the objectives list is empty", record: "objectives",
				remedy: "Set complaints-handling objectives, each with a metric and a numeric target"}}},
		{name: "an objective without a target is minor when another is measurable", edit: func(t *testing.T, d *dossier.Dossier) { d.Objectives[1].Target = nil },
			want: []docsWant{{sev: Minor, msg: "Objective O2 has no “Target”", record: "objective O2",
				field:  func(d *dossier.Dossier) dossier.Pos { return d.Objectives[1].PosOf("target") },
				remedy: "Give objective O2 what it lacks (“Target”)"}}},
		{name: "no measurable objective at all is major", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Objectives[0].Metric, d.Objectives[1].Target = "", nil
		}, want: []docsWant{{sev: Major, msg: "Objective O1 has no “Metric”"}, {sev: Major, msg: "Objective O2 has no “Target”"}}},
		{name: "a rate below its target is minor", edit: func(t *testing.T, d *dossier.Dossier) { d.Objectives[0].Actual = fptr(93) },
			// A target missed is not a target missing: the remedy is to act
			// on the shortfall.
			want: []docsWant{{sev: Minor, msg: "Objective O1 (ack_24h_rate): actual 93% misses the target of at least 98%",
				remedy: "Analyse why objective O1 missed its target, take corrective action"}}},
		{name: "a measurable objective without a measured value is an observation", edit: func(t *testing.T, d *dossier.Dossier) { d.Objectives[0].Actual = nil },
			want: []docsWant{{sev: Observation, msg: "Objective O1 (ack_24h_rate) has a target of 98% but no measured value (“Actual” is empty)",
				field:  func(d *dossier.Dossier) dossier.Pos { return d.Objectives[0].PosOf("actual") },
				remedy: "Measure objective O1 for its period and record the latest value in “Actual”"}}},
		{name: "a duration above its target is minor", edit: func(t *testing.T, d *dossier.Dossier) { d.Objectives[1].Actual = fptr(60) },
			want: []docsWant{{sev: Minor, msg: "actual 60h misses the target of at most 48h"}}},
		{name: "a repeat-complaint rate above its target is minor though measured in percent", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Objectives = append(d.Objectives, dossier.Objective{ID: "O3", Metric: "repeat_complaint_pct", Target: fptr(2), Unit: "%", Actual: fptr(3.5)})
		}, want: []docsWant{{sev: Minor, msg: "actual 3.5% misses the target of at most 2%"}}},
	})
}

func TestImprovementConfidentiality(t *testing.T) {
	docsTable(t, "improvement.confidentiality", []docsCase{
		{name: "a manual covering confidentiality passes"},
		{name: "a procedure alone covering confidentiality passes", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Covers = manualElements()
		}},
		{name: "no document covering confidentiality is minor", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Covers = manualElements()
			docsDoc(t, d, "QP-01").Covers = procedureElements()
		}, want: []docsWant{{sev: Minor, msg: "covers confidentiality of complainants' personal data", record: "documents"}}},
		{name: "a form mentioning confidentiality does not count", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Covers = manualElements()
			docsDoc(t, d, "QP-01").Covers = procedureElements()
			docsDoc(t, d, "F-01").Covers = append(docsDoc(t, d, "F-01").Covers, "confidentiality")
		}, want: []docsWant{{sev: Minor, msg: "confidentiality"}}},
	})
}

func TestImprovementObjectivity(t *testing.T) {
	c, _ := ByID("improvement.objectivity")
	if c == nil || !c.Manual {
		t.Fatal("improvement.objectivity must be a manual check: practice can only be judged by the auditor")
	}
	docsTable(t, "improvement.objectivity", []docsCase{
		{name: "a manual covering objectivity leaves the check to the auditor"},
		{name: "no document covering objectivity is an observation", edit: func(t *testing.T, d *dossier.Dossier) {
			docsDoc(t, d, "QM-01").Covers = manualElements()
		}, want: []docsWant{{sev: Observation, msg: "covers objective, impartial handling", record: "documents"}}},
	})
}
