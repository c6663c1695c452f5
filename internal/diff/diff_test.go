package diff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
)

func finding(check, where string, sev checks.Severity) audit.Finding {
	return audit.Finding{Check: check, Where: where, Severity: sev, State: "open", Message: checks.T(check+" at "+where, "")}
}

func TestCompareSortsFindingsIntoFixedNewAndRegressed(t *testing.T) {
	old := &audit.Result{AsOf: "2026-11-01", Score: 60, Verdict: audit.NotReady,
		Findings: []audit.Finding{finding("licence.valid", "l.yaml:2:3", checks.Major), finding("docs.control", "d.yaml:4:5", checks.Minor)},
		Clauses:  []audit.ClauseScore{{Clause: "5.1", Score: audit.ScoreOf(50)}, {Clause: "6.3", Score: audit.ScoreOf(80)}}}
	new := &audit.Result{AsOf: "2026-11-23", Score: 70, Verdict: audit.NotReady,
		Findings: []audit.Finding{finding("docs.control", "d.yaml:4:5", checks.Minor), finding("docs.control", "d.yaml:9:5", checks.Minor), finding("people.training-hours", "p.yaml:1:1", checks.Major)},
		Clauses:  []audit.ClauseScore{{Clause: "5.1", Score: audit.ScoreOf(100)}, {Clause: "6.3", Score: audit.ScoreOf(70)}}}
	d := Compare(old, new, "en")
	if len(d.Fixed) != 1 || d.Fixed[0].Check != "licence.valid" {
		t.Errorf("fixed %+v", d.Fixed)
	}
	if len(d.New) != 2 {
		t.Errorf("new %+v", d.New)
	}
	if len(d.Regressed) != 1 || d.Regressed[0].Check != "people.training-hours" || !d.HasRegressions() {
		t.Errorf("regressed %+v: a new finding of an already failing check is new, not a regression", d.Regressed)
	}
	if len(d.Clauses) != 2 || d.Clauses[0].Delta != 50 || d.Clauses[1].Delta != -10 {
		t.Errorf("clauses %+v", d.Clauses)
	}
	var b bytes.Buffer
	if err := d.WriteText(&b, true); err != nil || !strings.Contains(b.String(), "## Regressed (1)") {
		t.Errorf("markdown:\n%s", b.String())
	}
}

func TestComparingARunWithItselfFindsNothing(t *testing.T) {
	r := &audit.Result{Findings: []audit.Finding{finding("a.b", "x", checks.Major)}, Clauses: []audit.ClauseScore{{Clause: "7.4", Score: audit.ScoreOf(10)}}}
	if d := Compare(r, r, "en"); len(d.New)+len(d.Fixed)+len(d.Regressed)+len(d.Clauses) != 0 {
		t.Errorf("%+v", d)
	}
}

func withID(f audit.Finding, record string) audit.Finding {
	f.Record = record
	f.ID = f.Check + "|" + record
	return f
}

// Matching is by ID: a finding that moved to another cell is the same
// finding; a new major finding of a check that already failed is new (not
// a regression) and still fails the run at --fail-on major.
func TestFindingsMatchByIDAndANewMajorFailsWhateverItsCheck(t *testing.T) {
	old := &audit.Result{Findings: []audit.Finding{withID(finding("docs.control", "book.xlsx!体系文件!I7", checks.Major), "document F-02")}}
	new := &audit.Result{Findings: []audit.Finding{
		withID(finding("docs.control", "renamed.xlsx!体系文件!I3", checks.Major), "document F-02"),
		withID(finding("docs.control", "renamed.xlsx!体系文件!I2", checks.Major), "document QM-01"),
	}}
	d := Compare(old, new, "en")
	if len(d.Fixed) != 0 || len(d.New) != 1 || d.New[0].Record != "document QM-01" || d.HasRegressions() || d.Legacy {
		t.Fatalf("%+v", d)
	}
	for _, c := range []struct {
		failOn checks.Severity
		want   int
	}{{checks.Major, 1}, {checks.Minor, 1}, {checks.None, 0}} {
		if got := d.ExitCode(c.failOn); got != c.want {
			t.Errorf("--fail-on %v: exit %d, want %d", c.failOn, got, c.want)
		}
	}
	minorOnly := Compare(old, &audit.Result{Findings: append(new.Findings[:1:1], withID(finding("docs.review", "x", checks.Minor), "document WI-01"))}, "en")
	if minorOnly.ExitCode(checks.Major) != 0 || minorOnly.ExitCode(checks.Minor) != 1 {
		t.Errorf("a new minor finding: exit %d at major, %d at minor", minorOnly.ExitCode(checks.Major), minorOnly.ExitCode(checks.Minor))
	}
}

// A report without IDs (older certready) is matched by check and record,
// ignoring the position those reports also keyed on; two findings of one
// check on one record match at most two.
func TestAReportWithoutIDsIsMatchedByCheckAndRecord(t *testing.T) {
	legacy := finding("docs.control", "old.xlsx!体系文件!I7", checks.Major)
	legacy.Record = "document F-02"
	new := &audit.Result{Findings: []audit.Finding{
		withID(finding("docs.control", "new.xlsx!体系文件!I3", checks.Major), "document F-02"),
		withID(finding("docs.control", "new.xlsx!体系文件!I4", checks.Major), "document F-02"),
	}}
	new.Findings[1].ID += "#2"
	d := Compare(&audit.Result{Findings: []audit.Finding{legacy}}, new, "en")
	if !d.Legacy || len(d.Fixed) != 0 || len(d.New) != 1 {
		t.Fatalf("%+v", d)
	}
}

// A clause whose checks all await evidence has no score: neither a fall to
// 0 nor a rise from 0.
func TestAnUnscoredClauseHasNoMovement(t *testing.T) {
	old := &audit.Result{Clauses: []audit.ClauseScore{{Clause: "5.2", Score: audit.ScoreOf(80)}, {Clause: "6.3"}}}
	new := &audit.Result{Clauses: []audit.ClauseScore{{Clause: "5.2", Checks: 1}, {Clause: "6.3", Score: audit.ScoreOf(70)}}}
	if d := Compare(old, new, "en"); len(d.Clauses) != 0 {
		t.Errorf("movements %+v, want none", d.Clauses)
	}
}

func TestClauseMovementsFollowTheStandardsOrder(t *testing.T) {
	old := &audit.Result{Clauses: []audit.ClauseScore{{Clause: "4.10", Score: audit.ScoreOf(90)}, {Clause: "4.2", Score: audit.ScoreOf(90)}, {Clause: "4.9", Score: audit.ScoreOf(90)}}}
	new := &audit.Result{Clauses: []audit.ClauseScore{{Clause: "4.10", Score: audit.ScoreOf(80)}, {Clause: "4.2", Score: audit.ScoreOf(80)}, {Clause: "4.9", Score: audit.ScoreOf(80)}}}
	var got []string
	for _, m := range Compare(old, new, "en").Clauses {
		got = append(got, m.Clause)
	}
	if strings.Join(got, " ") != "4.2 4.9 4.10" {
		t.Errorf("order %v, want 4.2 4.9 4.10", got)
	}
}
