package checks

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// handlingPass prepares a pass over d with the complaint metrics computed
// the way the audit engine computes them.
func handlingPass(t testing.TB, d *dossier.Dossier) *Pass {
	t.Helper()
	p := newFixturePass(d)
	if d.Complaints != nil {
		th, _ := ResolveFigures(d, p.Config)
		o, err := metrics.OptionsFor(d, th, p.Calendar, p.AsOf)
		if err != nil {
			t.Fatal(err)
		}
		o.Rules = LogRules(All())
		if p.Metrics, err = metrics.Compute(d.Complaints, o); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// runHandling runs one handling check over d and rejects a message that
// carries a formatting error, since the messages are built from formats.
func runHandling(t testing.TB, id string, d *dossier.Dossier) []Finding {
	t.Helper()
	return runHandlingOn(t, id, handlingPass(t, d))
}

// runHandlingOn is runHandling in a prepared pass.
func runHandlingOn(t testing.TB, id string, p *Pass) []Finding {
	t.Helper()
	fs := runCheckOn(t, id, p)
	for _, f := range fs {
		if strings.Contains(f.Message.EN, "%!") || strings.Contains(f.Message.ZH, "%!") {
			t.Errorf("%s message has a formatting error:\n%s\n%s", id, f.Message.EN, f.Message.ZH)
		}
	}
	return fs
}

// logRows returns the fixture's complaint rows for a test to change.
func logRows(d *dossier.Dossier) []dossier.Complaint {
	return d.Complaints.(*dossier.SliceLog).Rows
}

// growLog replaces the fixture's log with n compliant copies of its first
// row, received a day apart from 6 July 2026, so that a single violation
// leaves a rate above the compliance threshold.
func growLog(d *dossier.Dossier, n int) {
	l := d.Complaints.(*dossier.SliceLog)
	tmpl := l.Rows[0]
	l.Rows = l.Rows[:0]
	for i := range n {
		c := tmpl
		receive(&c, c.ReceivedAt.AddDate(0, 0, i))
		c.ID = fmt.Sprintf("C2026-%04d", i+1)
		c.Pos = dossier.Pos{File: "complaints.csv", Row: i + 2}
		l.Rows = append(l.Rows, c)
	}
}

// receive moves a row to a new receipt time, keeping the intervals to
// its later times.
func receive(c *dossier.Complaint, at time.Time) {
	shift := at.Sub(c.ReceivedAt)
	for _, t := range []*time.Time{&c.ReceivedAt, &c.AcknowledgedAt, &c.FirstResponseAt, &c.EscalatedAt, &c.ResolvedAt, &c.ClosedAt, &c.FollowUpAt, &c.DecisionCommunicatedAt} {
		if !t.IsZero() {
			*t = t.Add(shift)
		}
	}
}

var handlingIDs = []string{
	"handling.log-present", "handling.records-complete", "handling.ack-24h", "handling.feedback-48h",
	"handling.simple-3wd", "handling.complex-plan", "handling.root-cause", "handling.corrective-action",
	"handling.follow-up", "handling.decision-communicated", "handling.recourse-offered", "handling.escalation", "handling.overdue-open",
	"handling.free-of-charge", "handling.channels-declared", "handling.categories-declared",
}

func TestReadyDossierPassesEveryHandlingCheck(t *testing.T) {
	for _, id := range handlingIDs {
		t.Run(id, func(t *testing.T) {
			requireFindings(t, id, runHandling(t, id, readyDossier()))
		})
	}
}

func TestWithoutALogOnlyLogPresentReports(t *testing.T) {
	for _, id := range handlingIDs {
		t.Run(id, func(t *testing.T) {
			d := readyDossier()
			d.Complaints = nil
			var want []findingWant
			if id == "handling.log-present" {
				want = append(want, findingWant{Severity: Major, Message: "No complaint log", Record: "complaint log"})
			}
			requireFindings(t, id, runHandling(t, id, d), want...)
		})
	}
}

// judged names a metrics rule and how many rows it should have judged.
type judged struct {
	rule func(*metrics.Metrics) metrics.Rule
	n    int
}

func TestHandlingChecks(t *testing.T) {
	// The fixture's rows are rows 2–5 of complaints.csv, received on
	// 6 and 14 July, 11 August and 8 September 2026; as of 15 October 2026.
	tests := []struct {
		name   string
		id     string
		change func(d *dossier.Dossier, rows []dossier.Complaint)
		want   []findingWant
		// judged, when set, is how many rows the check's rule must have
		// judged, so that a case without findings cannot pass vacuously.
		judged *judged
	}{
		{"an empty log is reported as no records", "handling.log-present",
			func(d *dossier.Dossier, _ []dossier.Complaint) {
				d.Complaints = &dossier.SliceLog{Name: "complaints.csv"}
			},
			[]findingWant{{Severity: Major, Message: "complaints.csv has no rows", Where: "complaints.csv"}}, nil},

		{"a record without its content is incomplete and listed", "handling.records-complete",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[1].Description = "" },
			[]findingWant{{Severity: Major, Message: "1 of 4 complaint records lack required fields (content 1); compliance 75% against a threshold of 95%", Where: "complaints.csv:row 3"}}, nil},
		{"one incomplete record among forty is minor", "handling.records-complete",
			func(d *dossier.Dossier, _ []dossier.Complaint) {
				growLog(d, 40)
				r := logRows(d)
				r[9].Steps, r[9].Feedback, r[9].Satisfaction = "", "", ""
			},
			[]findingWant{{Severity: Minor, Message: "1 of 40 complaint records lack required fields (handling steps 1, final feedback or satisfaction 1); compliance 97.5%", Where: "complaints.csv:row 11"}}, nil},
		{"a contact dated before receipt is inconsistent", "handling.records-complete",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[2].AcknowledgedAt = rows[2].ReceivedAt.Add(-time.Hour)
			},
			[]findingWant{{Severity: Major, Message: "1 of 4 complaint records with a receipt time have a later step dated before receipt", Record: "complaint log: inconsistent times"}}, nil},

		{"first contact after 26 hours breaks the 24-hour limit", "handling.ack-24h",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[0].AcknowledgedAt = rows[0].ReceivedAt.Add(30 * time.Hour)
				rows[0].FirstResponseAt = rows[0].ReceivedAt.Add(40 * time.Hour)
			},
			[]findingWant{{Severity: Major, Message: "1 of 4 complaints were not acknowledged within 24 h of receipt", Where: "complaints.csv:row 2"}}, nil},

		{"a first response after 60 hours breaks the 48-hour limit", "handling.feedback-48h",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				r := &rows[3]
				r.FirstResponseAt = time.Time{}
				r.ResolvedAt, r.ClosedAt, r.FollowUpAt = r.ReceivedAt.Add(60*time.Hour), r.ReceivedAt.Add(70*time.Hour), r.ReceivedAt.Add(72*time.Hour)
			},
			[]findingWant{{Severity: Major, Message: "1 of 4 complaints had no progress feedback or initial solution within 48 h", Where: "complaints.csv:row 5"}}, nil},

		{"a Thursday receipt before the cut-off resolved after National Day is late", "handling.simple-3wd",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				// Day 0 is Thursday 24 September 2026; 25–27 September is the
				// Mid-Autumn holiday, so the third working day is 30 September.
				r := &rows[3]
				receive(r, time.Date(2026, time.September, 24, 16, 0, 0, 0, fixtureZone))
				r.ResolvedAt = time.Date(2026, time.October, 8, 9, 0, 0, 0, fixtureZone)
				r.ClosedAt, r.FollowUpAt = r.ResolvedAt, r.ResolvedAt
			},
			[]findingWant{{Severity: Observation, Message: "1 of 4 simple complaints were not resolved within 3 working days (cut-off 17:30", Where: "complaints.csv:row 5"}}, nil},
		{"a Thursday receipt after the cut-off starts after the holiday and is on time on 8 October", "handling.simple-3wd",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				// Day 0 is Monday 28 September; then 29, 30 September and,
				// after the National Day holiday, 8 October.
				r := &rows[3]
				receive(r, time.Date(2026, time.September, 24, 18, 0, 0, 0, fixtureZone))
				r.ResolvedAt = time.Date(2026, time.October, 8, 9, 0, 0, 0, fixtureZone)
				r.ClosedAt, r.FollowUpAt = r.ResolvedAt, r.ResolvedAt
			},
			nil, &judged{func(m *metrics.Metrics) metrics.Rule { return m.Timeliness.SimpleResolve }, 4}},

		{"a complex complaint taking three weeks without a plan is reported", "handling.complex-plan",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				r := &rows[2]
				r.Complexity, r.Updates = "complex", 2
				r.ResolvedAt, r.ClosedAt = r.ReceivedAt.AddDate(0, 0, 21), r.ReceivedAt.AddDate(0, 0, 22)
			},
			[]findingWant{{Severity: Major, Message: "1 of 1 complex complaints running past 3 working days have no handling plan or no progress update", Where: "complaints.csv:row 4"}}, nil},
		{"a complex complaint with a plan and updates passes", "handling.complex-plan",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				r := &rows[2]
				r.Complexity, r.Plan, r.Updates = "complex", "抽检同批次并约谈供应商", 2
				r.ResolvedAt, r.ClosedAt = r.ReceivedAt.AddDate(0, 0, 21), r.ReceivedAt.AddDate(0, 0, 22)
			},
			nil, &judged{func(m *metrics.Metrics) metrics.Rule { return m.Timeliness.ComplexPlan }, 1}},

		{"a closed complaint without a root cause is reported", "handling.root-cause",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[1].RootCause = "" },
			[]findingWant{{Severity: Observation, Message: "1 of 4 finished complaints have no root cause recorded", Record: "complaint log: root cause", Where: "complaints.csv:row 3"}}, nil},
		{"one missing root cause among forty finished complaints is an observation of recommended practice", "handling.root-cause",
			func(d *dossier.Dossier, _ []dossier.Complaint) { growLog(d, 40); logRows(d)[39].RootCause = "" },
			[]findingWant{{Severity: Observation, Message: "1 of 40 finished complaints have no root cause recorded; compliance 97.5% against a threshold of 95%", Where: "complaints.csv:row 41"}}, nil},

		{"a closed complaint without corrective action is reported", "handling.corrective-action",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[0].CorrectiveAction = "" },
			[]findingWant{{Severity: Observation, Message: "1 of 4 finished complaints have no corrective or preventive action recorded"}}, nil},

		{"finished complaints without a follow-up or a satisfaction result are reported separately", "handling.follow-up",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[0].FollowUpAt = time.Time{}
				rows[1].Satisfaction = ""
			},
			[]findingWant{
				{Severity: Major, Message: "1 of 4 finished complaints have no follow-up visit or call recorded", Record: "complaint log: follow-up", Where: "complaints.csv:row 2"},
				{Severity: Major, Message: "1 of 4 finished complaints have no satisfaction result", Record: "complaint log: satisfaction", Where: "complaints.csv:row 3"},
			}, nil},

		{"a complaint the CRM marks resolved, not closed, is finished and owes its follow-up", "handling.follow-up",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[0].Status, rows[0].ClosedAt, rows[0].FollowUpAt = "resolved", time.Time{}, time.Time{}
			},
			[]findingWant{{Severity: Major, Message: "1 of 4 finished complaints have no follow-up visit or call recorded", Where: "complaints.csv:row 2"}}, nil},
		{"a resolved complaint without a root cause is reported like a closed one", "handling.root-cause",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[3].Status, rows[3].RootCause = "resolved", "" },
			[]findingWant{{Severity: Observation, Message: "1 of 4 finished complaints have no root cause recorded", Where: "complaints.csv:row 5"}}, nil},

		{"a high-risk complaint never escalated is left to handling.high-risk-escalated", "handling.escalation",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[1].Risk = "high" },
			nil, &judged{func(m *metrics.Metrics) metrics.Rule { return m.Risk.Escalation }, 0}},
		{"a high-risk complaint escalated after the limit is reported", "handling.escalation",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[1].Risk, rows[1].EscalatedAt, rows[1].EscalatedTo = "high", rows[1].ReceivedAt.Add(30*time.Hour), "P01"
			},
			[]findingWant{{Severity: Observation, Message: "1 of 1 high-risk complaints were not escalated within 24 h of receipt", Where: "complaints.csv:row 3"}}, nil},
		{"a high-risk complaint escalated within two hours passes", "handling.escalation",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[1].Risk, rows[1].EscalatedAt, rows[1].EscalatedTo = "high", rows[1].ReceivedAt.Add(2*time.Hour), "P01"
			},
			nil, &judged{func(m *metrics.Metrics) metrics.Rule { return m.Risk.Escalation }, 1}},
		{"no document covering escalation is an observation of recommended practice", "handling.escalation",
			func(d *dossier.Dossier, _ []dossier.Complaint) {
				for i := range d.Documents {
					var kept []string
					for _, e := range d.Documents[i].Covers {
						if e != "escalation" {
							kept = append(kept, e)
						}
					}
					d.Documents[i].Covers = kept
				}
			},
			[]findingWant{{Severity: Observation, Message: "No document declares an escalation mechanism", Record: "escalation mechanism", Where: "documents.yaml"}}, nil},

		{"a simple complaint open since September is overdue", "handling.overdue-open",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				r := &rows[3]
				r.Status, r.ResolvedAt, r.ClosedAt, r.FollowUpAt, r.Satisfaction = "in_progress", time.Time{}, time.Time{}, time.Time{}, ""
			},
			[]findingWant{{Severity: Observation, Message: "1 of 1 open complaints are past their limit on 2026-10-15 (simple: 3 working days; complex: 30 calendar days)", Where: "complaints.csv:row 5"}}, nil},
		{"a complex complaint open for two weeks is within its limit", "handling.overdue-open",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				r := &rows[3]
				receive(r, time.Date(2026, time.October, 1, 10, 0, 0, 0, fixtureZone))
				r.Complexity, r.Plan, r.Updates = "complex", "联系厂家检测", 1
				r.Status, r.ResolvedAt, r.ClosedAt, r.FollowUpAt, r.Satisfaction = "open", time.Time{}, time.Time{}, time.Time{}, ""
			},
			nil, &judged{func(m *metrics.Metrics) metrics.Rule { return m.Risk.Overdue }, 1}},

		{"a complainant charged a fee is reported", "handling.free-of-charge",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[0].Charge = 20 },
			[]findingWant{{Severity: Major, Message: "1 of 4 complaints record a charge to the complainant (20.00 in total)", Where: "complaints.csv:row 2"}}, nil},

		{"a channel missing from the channel list is reported by value", "handling.channels-declared",
			func(_ *dossier.Dossier, rows []dossier.Complaint) { rows[1].Channel = "wechat" },
			[]findingWant{{Severity: Major, Message: `1 complaint uses channel "wechat", which is not declared; 75% of rows`, Record: "channel wechat", Where: "complaints.csv:row 3"}}, nil},

		{"a category missing from the category list is reported by value", "handling.categories-declared",
			func(_ *dossier.Dossier, rows []dossier.Complaint) {
				rows[2].Category = "billing"
				rows[3].Category = "billing"
			},
			[]findingWant{{Severity: Major, Message: `2 complaints use category "billing", which is not declared; 50% of rows`, Record: "category billing", Where: "complaints.csv:row 4"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.name, func(t *testing.T) {
			d := readyDossier()
			tt.change(d, logRows(d))
			p := handlingPass(t, d)
			requireFindings(t, tt.id, runHandlingOn(t, tt.id, p), tt.want...)
			if tt.judged != nil {
				if got := tt.judged.rule(p.Metrics).Applicable; got != tt.judged.n {
					t.Errorf("the rule judged %d rows, want %d", got, tt.judged.n)
				}
			}
		})
	}
}

func TestFindingsListTheViolatingRows(t *testing.T) {
	d := readyDossier()
	rows := logRows(d)
	rows[1].RootCause, rows[3].RootCause = "", ""
	fs := runHandling(t, "handling.root-cause", d)
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1:\n%s", len(fs), dumpFindings(fs))
	}
	f := fs[0]
	if f.Count != 2 || len(f.Rows) != 2 || f.Rows[0].ID != "C2026-0002" || f.Rows[1].ID != "C2026-0004" || f.Rows[1].Pos.Row != 5 {
		t.Errorf("count %d rows %+v, want C2026-0002 (row 3) and C2026-0004 (row 5)", f.Count, f.Rows)
	}
}

func TestSimpleResolveDocStatesTheCountingRule(t *testing.T) {
	c, ok := ByID("handling.simple-3wd")
	if !ok {
		t.Fatal("handling.simple-3wd not registered")
	}
	for _, tt := range []struct {
		name, doc, rule string
	}{
		{"the English doc quotes the English rule", c.Doc.EN, cn.CountingRule},
		{"the Chinese doc quotes the Chinese rule", c.Doc.ZH, cn.CountingRuleZH},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(tt.doc, tt.rule) || !strings.Contains(tt.doc, "simple_resolve_days") || !strings.Contains(tt.doc, "17:30") {
				t.Errorf("doc does not state the rule and thresholds:\n%s", tt.doc)
			}
		})
	}
}

// The note on receipts outside the calendar is the audit engine's, once
// for every working-day deadline (internal/e2e's
// TestAYearTheCalendarLacksIsNotedOnceInEveryOutput); the check still
// judges the complaint, and adds no second copy.
func TestReceiptsOutsideTheCalendarAreJudgedWithoutASecondNote(t *testing.T) {
	d := readyDossier()
	years := cn.Default().Years()
	before := years[0] - 1
	receive(&logRows(d)[0], time.Date(before, time.July, 6, 10, 5, 0, 0, fixtureZone))
	p := handlingPass(t, d)
	requireFindings(t, "handling.simple-3wd", runCheckOn(t, "handling.simple-3wd", p))
	if notes := p.Notes(); len(notes) != 0 {
		t.Errorf("notes = %v, want none: the engine notes the calendar once", notes)
	}
}
