package checks

import (
	"errors"
	"strings"
	"testing"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// scanLog is a complaint log that reports problems on some rows, as the
// CSV and xlsx readers do: each problem before its row.
type scanLog struct {
	*dossier.SliceLog
	problems map[int]error // by row index
	ignored  []dossier.IgnoredColumn
}

func (l *scanLog) Scan(fn func(*dossier.Complaint) error, onErr func(error) error) error {
	for i := range l.Rows {
		if err, ok := l.problems[i]; ok {
			if err := onErr(err); err != nil {
				return err
			}
		}
		c := l.Rows[i]
		if err := fn(&c); err != nil {
			return err
		}
	}
	return nil
}

func (l *scanLog) IgnoredColumns() []dossier.IgnoredColumn { return l.ignored }

func withProblems(d *dossier.Dossier, problems map[int]error, ignored ...dossier.IgnoredColumn) {
	d.Complaints = &scanLog{SliceLog: d.Complaints.(*dossier.SliceLog), problems: problems, ignored: ignored}
}

func TestLogRowsReadableReportsEachFieldAndKindWithTheRowsSetAside(t *testing.T) {
	d := readyDossier()
	growLog(d, 100)
	rows := logRows(d)
	rows[3].ID, rows[7].ID = "C-BAD-1", "C-BAD-2"
	at := dossier.Pos{File: "log.csv", Row: 5, Column: "状态"}
	bad := &dossier.PosError{Pos: at, Err: &dossier.FieldError{Field: "status", Kind: "unreadable", Err: errors.New(`expected one of closed (已关闭), got "已结案"`)}}
	withProblems(d, map[int]error{3: bad, 7: bad}, dossier.IgnoredColumn{Header: "根本原因分析", Pos: dossier.Pos{File: "log.csv", Row: 1, Column: "根本原因分析"}, Likely: "root_cause"})
	p := handlingPass(t, d)
	if p.Metrics.Total != 98 || p.Metrics.Reading.Rows != 100 || p.Metrics.Reading.ProblemRows != 2 {
		t.Fatalf("total %d, rows %d, problem rows %d; want 98 counted of 100 read, 2 set aside", p.Metrics.Total, p.Metrics.Reading.Rows, p.Metrics.Reading.ProblemRows)
	}
	fs := runHandlingOn(t, "handling.log-rows-readable", p)
	if len(fs) != 1 {
		t.Fatalf("want one finding for the one field and kind, got:\n%s", dumpFindings(fs))
	}
	f := fs[0]
	if f.Count != 2 || len(f.Rows) != 2 || f.Rows[0].ID != "C-BAD-1" || f.Rows[1].ID != "C-BAD-2" || f.Pos != at {
		t.Errorf("finding lists %+v (count %d) at %v; want C-BAD-1 and C-BAD-2 at %v", f.Rows, f.Count, f.Pos, at)
	}
	if f.Record != "complaint log: unreadable status" || f.RecordLabel.ZH != "投诉记录：“状态”无法读取" {
		t.Errorf("record %q reads in Chinese as %q", f.Record, f.RecordLabel.ZH)
	}
	if !strings.Contains(f.Message.EN, "2 rows have an unreadable “Status” value") || !strings.Contains(f.Message.EN, "已结案") {
		t.Errorf("message does not say what was wrong: %s", f.Message.EN)
	}
	if notes := p.Notes(); len(notes) != 1 || !strings.Contains(notes[0].EN, `"根本原因分析"`) || !strings.Contains(notes[0].EN, "probably root_cause") {
		t.Errorf("want a note naming the ignored column and its likely field, got %v", notes)
	}
}

func TestNotTrackedFieldsAreOneFindingEachInsteadOfARuleFailingEveryRow(t *testing.T) {
	d := readyDossier()
	for i := range logRows(d) {
		logRows(d)[i].Plan, logRows(d)[i].Updates = "", 0
	}
	r := &logRows(d)[2]
	r.Complexity = "complex"
	r.ResolvedAt, r.ClosedAt = r.ReceivedAt.AddDate(0, 0, 21), r.ReceivedAt.AddDate(0, 0, 22)
	if fs := runHandling(t, "handling.complex-plan", d); len(fs) == 0 {
		t.Fatal("the fixture has no long complex complaint: the test would prove nothing")
	}
	p := newFixturePass(d)
	o, err := metrics.OptionsFor(d, p.T(), p.Calendar, p.AsOf)
	if err != nil {
		t.Fatal(err)
	}
	o.NotTracked = []string{"plan", "updates"}
	if p.Metrics, err = metrics.Compute(d.Complaints, o); err != nil {
		t.Fatal(err)
	}
	if fs := runHandlingOn(t, "handling.complex-plan", p); len(fs) != 0 {
		t.Errorf("complex-plan judged a field declared not tracked:\n%s", dumpFindings(fs))
	}
	fs := runHandlingOn(t, "handling.not-tracked", p)
	if len(fs) != 2 {
		t.Fatalf("want one finding per field, got:\n%s", dumpFindings(fs))
	}
	// complex-plan stands on the standard (7.6) and is major: declaring
	// its records away does not meet it.
	for _, f := range fs {
		if f.Severity != Major || !strings.Contains(f.Message.EN, "not assessed: handling.complex-plan") {
			t.Errorf("%s: %s", f.Severity, f.Message.EN)
		}
		if !strings.HasPrefix(f.Record, "complaint log: not tracked ") || !strings.HasPrefix(f.RecordLabel.ZH, "投诉记录：系统未记录") {
			t.Errorf("record %q reads in Chinese as %q", f.Record, f.RecordLabel.ZH)
		}
	}
}

// A field only an observation-level rule needs costs an observation when
// declared untracked; one a major rule of the standard needs costs a major,
// so a dossier cannot declare its way to "ready".
func TestNotTrackedCostsWhatTheChecksLeftUnassessedWouldHave(t *testing.T) {
	for _, c := range []struct {
		fields []string
		want   Severity
	}{
		{[]string{"escalated_at", "escalated"}, Observation},
		{[]string{"recourse_offered"}, Major},
		{[]string{"root_cause"}, Observation}, // handling.root-cause is an observation itself
	} {
		p := notTrackedPass(t, readyDossier(), c.fields...)
		fs := runHandlingOn(t, "handling.not-tracked", p)
		if len(fs) != len(c.fields) {
			t.Fatalf("%v: want one finding per field, got:\n%s", c.fields, dumpFindings(fs))
		}
		for _, f := range fs {
			if f.Severity != c.want {
				t.Errorf("%v: %s, want %s: %s", c.fields, f.Severity, c.want, f.Message.EN)
			}
		}
	}
}

func TestCustomerUSCCFailingGB32100IsListedByRow(t *testing.T) {
	d := readyDossier()
	rows := logRows(d)
	rows[0].CustomerUSCC = "91330106058361271Y" // valid
	rows[1].CustomerUSCC = "91330106058361271X" // wrong check character
	fs := runHandling(t, "handling.customer-uscc", d)
	if len(fs) != 1 || fs[0].Count != 1 || len(fs[0].Rows) != 1 || fs[0].Rows[0].ID != rows[1].ID {
		t.Fatalf("want the one invalid code's row %s, got:\n%s", rows[1].ID, dumpFindings(fs))
	}
	if fs[0].Record != "complaint log: customer USCC" || fs[0].RecordLabel.ZH != "投诉记录：客户统一社会信用代码" {
		t.Errorf("record %q reads in Chinese as %q", fs[0].Record, fs[0].RecordLabel.ZH)
	}
}
