package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestPeopleDepartment(t *testing.T) {
	runCases(t, "people.department", []checkCase{
		{name: "a named department passes"},
		{
			name:   "a complaint manager without a named department passes",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.ComplaintDepartment = "" },
		},
		{
			name: "neither a department nor a complaint manager is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.ComplaintDepartment = ""
				dropRole(d, "complaint_manager")
			},
			want: []findingWant{{Severity: Observation, Message: "No complaint-management department or post", Where: "organisation.yaml:12:5"}},
		},
	})
}

func TestPeopleManagementRep(t *testing.T) {
	runCases(t, "people.management-rep", []checkCase{
		{name: "an appointed representative passes"},
		{
			name:   "no management representative is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropRole(d, "management_representative") },
			want:   []findingWant{{Severity: Major, Message: "No management representative", Record: "role management_representative"}},
		},
		{
			name: "a dossier without a people sheet says so",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.People = nil
				d.Present["people"] = false
			},
			want: []findingWant{{Severity: Major, Message: "no people file or sheet"}},
		},
	})
}

func TestPeopleTopCommitment(t *testing.T) {
	approveAllBy := func(d *dossier.Dossier, who string) {
		for i := range d.Documents {
			d.Documents[i].ApprovedBy = who
		}
	}
	runCases(t, "people.top-commitment", []checkCase{
		{name: "a policy approved by top management passes"},
		{
			name: "approval by top management's staff number counts",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				approveAllBy(d, "P01")
				d.Reviews = nil
			},
		},
		{
			name: "a management review chaired by top management suffices on its own",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropDocuments(d, "POL-01", "CM-01")
			},
		},
		{
			name:   "nobody in top management is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropRole(d, "top_management") },
			want:   []findingWant{{Severity: Major, Message: "no person has the top_management role"}},
		},
		{
			name: "no commitment, policy or review is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				dropDocuments(d, "POL-01", "CM-01")
				d.Reviews = nil
			},
			want: []findingWant{{Severity: Major, Message: "No commitment statement or policy"}},
		},
		{
			name: "documents and reviews signed by others are listed without naming anyone",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				approveAllBy(d, "李娜")
				d.Reviews[0].Chair = "P02"
			},
			want: []findingWant{{Severity: Major, Message: "None of POL-01, CM-01, MR-2026-1 is approved or chaired", Where: "documents.yaml:103:5"}},
		},
	})
}

// attendOnly restricts a person to the listed sessions.
func attendOnly(d *dossier.Dossier, person string, sessions ...string) {
	for i := range d.Training {
		s := &d.Training[i]
		keep := false
		for _, id := range sessions {
			keep = keep || s.ID == id
		}
		var as []string
		for _, a := range s.Attendees {
			if a != person || keep {
				as = append(as, a)
			}
		}
		s.Attendees = as
	}
}

func TestPeopleTrainingHours(t *testing.T) {
	runCases(t, "people.training-hours", []checkCase{
		{name: "24 hours for every handler pass"},
		{
			name:   "a handler with 16 hours is an observation and named by staff number",
			mutate: func(d *dossier.Dossier, _ *Pass) { attendOnly(d, "P03", "T01", "T02") },
			want:   []findingWant{{Severity: Observation, Message: "Complaint handler P03 has 16 training hours from 2 sessions; at least 24 are recommended (recommended practice).", Record: "person P03", Where: "people.yaml:20:3"}},
		},
		{
			// Recommended practice is never worded as a requirement; the
			// organisation's own figure is its policy's requirement.
			name: "the organisation's own figure is worded as its requirement",
			mutate: func(d *dossier.Dossier, p *Pass) {
				attendOnly(d, "P03", "T01", "T02")
				p.Config.Thresholds.TrainingHours = 20
				p.Config.Declared = map[string]bool{"training_hours": true}
			},
			want: []findingWant{{Severity: Major, Message: "Complaint handler P03 has 16 training hours from 2 sessions; at least 20 are required by your own policy.", Record: "person P03"}},
		},
		{
			name:   "a session after the as-of date does not count",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training[2].Date = day(2026, time.November, 2) },
			want: []findingWant{
				{Severity: Observation, Message: "P02 has 16 training hours"},
				{Severity: Observation, Message: "P03 has 16 training hours"},
			},
		},
		{
			name:   "a training window excludes older sessions",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.Config.Thresholds.TrainingWindowMonth = 6 },
			want: []findingWant{
				{Severity: Observation, Message: "P02 has 16 training hours"},
				{Severity: Observation, Message: "P03 has 16 training hours"},
			},
		},
		{
			name:   "a higher threshold is honoured",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.Config.Thresholds.TrainingHours = 30 },
			want: []findingWant{
				{Severity: Major, Message: "P02 has 24 training hours from 3 sessions; at least 30"},
				{Severity: Major, Message: "P03 has 24 training hours from 3 sessions; at least 30"},
			},
		},
		{
			name: "no complaint handler at all is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				for i := range d.People {
					d.People[i].Handler = false
				}
			},
			want: []findingWant{{Severity: Observation, Message: "Nobody is marked as a complaint handler"}},
		},
	})

	t.Run("the message never carries the handler's name", func(t *testing.T) {
		d := readyDossier()
		attendOnly(d, "P03")
		for _, f := range runCheck(t, "people.training-hours", d) {
			if strings.Contains(f.Message.EN+f.Message.ZH, d.PersonByID("P03").Name) {
				t.Errorf("message names the person: %s", f.Message.EN)
			}
		}
	})
}

func TestPeopleTrainingTopics(t *testing.T) {
	runCases(t, "people.training-topics", []checkCase{
		{name: "every topic covered passes"},
		{
			name:   "a topic nobody was trained in is a finding per handler",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training[1].Topics = []string{"product_knowledge"} },
			want: []findingWant{
				{Severity: Observation, Message: "P02 has no recorded training in: laws_regulations", Record: "person P02"},
				{Severity: Observation, Message: "P03 has no recorded training in: laws_regulations", Record: "person P03"},
			},
		},
		{
			name:   "a handler who missed a session lacks its topics",
			mutate: func(d *dossier.Dossier, _ *Pass) { attendOnly(d, "P03", "T02", "T03") },
			want:   []findingWant{{Severity: Observation, Message: "P03 has no recorded training in: customer_psychology"}},
		},
	})
}

func TestPeopleTrainingRecords(t *testing.T) {
	runCases(t, "people.training-records", []checkCase{
		{name: "complete records pass"},
		{
			name:   "full-width colons in scores are read",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training[0].Scores = []string{"P02：92", "P03 = 88"} },
		},
		{
			name:   "a sign-in sheet missing from the dossier is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.Training[0].SignIn) },
			want:   []findingWant{{Severity: Minor, Message: "The sign-in sheet of training session T01, evidence/training/T01-sign-in.pdf, is missing from the dossier or empty", Where: "training.yaml:6:5"}},
		},
		{
			name:   "a session without an assessment record is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training[1].Assessment = "" },
			want:   []findingWant{{Severity: Minor, Message: "T02 has no assessment record", Record: "training T02"}},
		},
		{
			name:   "an attendee without a score is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training[2].Scores = []string{"P02:90"} },
			want:   []findingWant{{Severity: Minor, Message: "T03 has no assessment score for: P03"}},
		},
		{
			name:   "a score not written as id:score is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training[0].Scores = []string{"P02:92", "P03 88"} },
			want: []findingWant{
				{Severity: Minor, Message: "not written as id:score: P03 88"},
				{Severity: Minor, Message: "no assessment score for: P03"},
			},
		},
		{
			name: "an attendee not in the people sheet is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Training[0].Attendees = append(d.Training[0].Attendees, "P99")
				d.Training[0].Scores = append(d.Training[0].Scores, "P99:70")
			},
			want: []findingWant{{Severity: Observation, Message: "attendees not in the people sheet: P99"}},
		},
		{
			name:   "no training at all is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Training = nil },
			want:   []findingWant{{Severity: Minor, Message: "No training sessions are recorded"}},
		},
	})
}

func TestPeopleTrainingPlan(t *testing.T) {
	runCases(t, "people.training-plan", []checkCase{
		{name: "a training plan on file passes"},
		{
			name:   "no training plan is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "TP-2026") },
			want:   []findingWant{{Severity: Minor, Message: "No training plan"}},
		},
	})
}

func TestPeopleQualifications(t *testing.T) {
	runCases(t, "people.qualifications", []checkCase{
		{name: "current certificates with scans pass"},
		{
			name:   "a certificate without an end date counts as current",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Qualifications[1].ValidUntil = dossier.Expiry{} },
		},
		{
			name:   "a handler without any certificate is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Qualifications = d.Qualifications[:1] },
			want:   []findingWant{{Severity: Observation, Message: "P03 has no qualification certificate", Record: "person P03"}},
		},
		{
			name: "an expired certificate is an observation and dated",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Qualifications[1].ValidUntil = dossier.Expiry{Date: day(2026, time.June, 30)}
			},
			want: []findingWant{{Severity: Observation, Message: "expired: 客户投诉处理师 CS-2025-0013 (2026-06-30)", Where: "qualifications.yaml:12:5"}},
		},
		{
			name:   "a certificate whose scan is missing is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.Qualifications[0].Evidence) },
			want:   []findingWant{{Severity: Observation, Message: "P02 holds no current qualification with evidence on 2026-10-15 (no scan in the dossier"}},
		},
		{
			name: "one current certificate outweighs an expired one",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				old := d.Qualifications[1]
				old.Number, old.ValidUntil = "CS-2019-0001", dossier.Expiry{Date: day(2022, time.June, 29)}
				d.Qualifications = append(d.Qualifications, old)
			},
		},
	})
}
