package metrics

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// badRows is a log whose rows listed in bad each come with one problem.
type badRows struct {
	dossier.SliceLog
	bad map[int]bool
}

func (l *badRows) Scan(fn func(*dossier.Complaint) error, onErr func(error) error) error {
	for i := range l.Rows {
		if l.bad[i] {
			err := &dossier.PosError{Pos: dossier.Pos{File: "log.csv", Row: i + 2, Column: "受理时间"},
				Err: &dossier.FieldError{Field: "received_at", Kind: "missing", Err: errors.New("required, but the cell is blank")}}
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

func rowsOf(n int) []dossier.Complaint {
	var rows []dossier.Complaint
	for i := range n {
		c := full("C"+string(rune('A'+i%26))+string(rune('a'+i/26)), "2026-07-06 09:00")
		c.Pos = dossier.Pos{File: "log.csv", Row: i + 2}
		rows = append(rows, c)
	}
	return rows
}

func TestProblemRowsAreSetAsideUpToTheConfiguredShare(t *testing.T) {
	log := &badRows{SliceLog: dossier.SliceLog{Name: "log.csv", Rows: rowsOf(40)}, bad: map[int]bool{3: true, 9: true}}
	o := opts("2026-11-23")
	o.MaxProblemShare = 0.05
	m, err := Compute(log, o)
	if err != nil {
		t.Fatal(err)
	}
	r := m.Reading
	if m.Total != 38 || r.Rows != 40 || r.ProblemRows != 2 || len(r.Problems) != 1 || r.Problems[0].N != 2 {
		t.Fatalf("total %d, reading %+v; want 38 counted, 2 set aside in one group", m.Total, r)
	}
	if f := r.Problems[0].First; f[0].Row.ID != log.Rows[3].ID || f[0].Row.Pos.Row != 5 || f[0].Row.Pos.Column != "受理时间" {
		t.Errorf("first problem %+v, want row %s at row 5, column 受理时间", f[0], log.Rows[3].ID)
	}

	// Three of forty is 7.5 %: over 5 % the log is refused.
	log.bad[20] = true
	_, err = Compute(log, o)
	if !errors.Is(err, ErrTooManyProblems) || !strings.Contains(err.Error(), "3 of 40 rows (7.5%)") || !strings.Contains(err.Error(), "complaints.max_problem_share") {
		t.Errorf("err = %v, want the share over the limit named", err)
	}
	o.MaxProblemShare = 0.1
	if _, err := Compute(log, o); err != nil {
		t.Errorf("a 10%% limit refused 7.5%%: %v", err)
	}
}

func TestAHighRiskComplaintMarkedEscalatedWithoutATimeCountsAsEscalated(t *testing.T) {
	rows := []dossier.Complaint{full("C1", "2026-07-06 09:00"), full("C2", "2026-07-06 09:00"), full("C3", "2026-07-06 09:00")}
	for i := range rows {
		rows[i].Risk = "high"
	}
	rows[0].Escalated = dossier.Yes
	rows[1].Escalated = dossier.No
	rows[2].EscalatedAt = rows[2].ReceivedAt.Add(time.Hour)
	rows = append(rows, full("C4", "2026-07-06 09:00"))
	rows[3].Risk, rows[3].EscalatedAt = "high", rows[3].ReceivedAt.Add(30*time.Hour)
	m := compute(t, opts("2026-11-23"), rows...)
	// C2 (marked 否) was never escalated: one gap, left to the
	// high_risk_escalated rule; the timeliness rule judges the three
	// escalations and flags the late one.
	e := m.Risk.Escalation
	if e.Applicable != 3 || e.Violations != 1 || e.Rows[0].ID != "C4" {
		t.Errorf("escalation %+v, want C1, C3, C4 judged and only C4 (30 h late) flagged", e)
	}
}
