package audit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/schemas"
)

func mini(t *testing.T) *load.Result {
	t.Helper()
	res, err := load.Load("testdata/mini", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func asOf(s string) dossier.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func run(t *testing.T, res *load.Result, o Options) *Result {
	t.Helper()
	if o.AsOf.IsZero() {
		o.AsOf = asOf("2026-11-23")
	}
	if o.Standard == "" {
		o.Standard = "gbt19012"
	}
	r, err := Run(res.Dossier, res.Config, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAnIncompleteDossierIsNotReadyAndFailsOnMajor(t *testing.T) {
	r := run(t, mini(t), Options{FailOn: checks.Major})
	if r.Verdict != NotReady || r.Counts.Major == 0 || r.ExitCode() != 1 {
		t.Fatalf("verdict %s, majors %d, exit %d", r.Verdict, r.Counts.Major, r.ExitCode())
	}
	if r.Score <= 0 || r.Score >= 100 {
		t.Errorf("score %v out of the expected open interval", r.Score)
	}
	if len(r.Principles) != 14 {
		t.Errorf("principles matrix has %d rows, want 14", len(r.Principles))
	}
}

func TestFailOnNoneNeverFails(t *testing.T) {
	if r := run(t, mini(t), Options{FailOn: checks.None}); r.ExitCode() != 0 {
		t.Errorf("exit %d with --fail-on none", r.ExitCode())
	}
}

func TestOnlyAndSkipSelectChecksAndRejectTypos(t *testing.T) {
	r := run(t, mini(t), Options{Only: []string{"org."}})
	for _, c := range r.Checks {
		if !strings.HasPrefix(c.ID, "org.") {
			t.Errorf("check %s ran despite --only org.", c.ID)
		}
	}
	res := mini(t)
	if _, err := Run(res.Dossier, res.Config, Options{AsOf: asOf("2026-11-23"), Skip: []string{"org.nope"}}); err == nil {
		t.Error("an unknown check in --skip must be an error")
	}
}

func TestWaiversApplyExpireAndReportUnused(t *testing.T) {
	res := mini(t)
	res.Config.Waivers = []config.Waiver{
		{Check: "people.top-commitment", Justification: "commitment letter being signed", Expires: "2027-01-31"},
		{Check: "improvement.objectives", Justification: "old waiver", Expires: "2026-01-01"},
		{Check: "resources.crm", Record: "no-such-record", Justification: "never matches"},
		{Check: "licence.sector-permit", Justification: "permit application filed", Expires: "2027-01-31"},
	}
	r := run(t, res, Options{FailOn: checks.Major})
	states := map[string]string{}
	for _, w := range r.Waivers {
		states[w.Check] = w.State
	}
	if states["people.top-commitment"] != "active" || states["improvement.objectives"] != "expired" || states["resources.crm"] != "unused" || states["licence.sector-permit"] != "refused" {
		t.Fatalf("waiver states %v", states)
	}
	for _, f := range r.Findings {
		if f.Check == "people.top-commitment" && f.State != "waived" {
			t.Errorf("top-commitment finding not waived: %s", f.State)
		}
		if f.Check == "improvement.objectives" && f.State != "open" {
			t.Errorf("an expired waiver still applied to improvement.objectives")
		}
		if f.Check == "licence.sector-permit" && f.State != "open" {
			t.Errorf("a certification-body prerequisite was waived: %s", f.State)
		}
	}
}

func TestAWaiverOfAnUnknownCheckIsAnInputError(t *testing.T) {
	res := mini(t)
	res.Config.Waivers = []config.Waiver{{Check: "no.such-check", Justification: "x", Line: 3, Col: 5}}
	_, err := Run(res.Dossier, res.Config, Options{AsOf: asOf("2026-11-23")})
	if err == nil || !strings.Contains(err.Error(), "3:5") {
		t.Fatalf("want a positioned error, got %v", err)
	}
}

func TestABaselineTurnsKnownFindingsIntoKnownAndPassesTheRun(t *testing.T) {
	first := run(t, mini(t), Options{FailOn: checks.Major})
	base := map[string]bool{}
	for i := range first.Findings {
		base[first.Findings[i].Key()] = true
	}
	second := run(t, mini(t), Options{FailOn: checks.Major, Baseline: base})
	if second.ExitCode() != 0 || second.Counts.Known != len(first.Findings) {
		t.Fatalf("exit %d, known %d of %d", second.ExitCode(), second.Counts.Known, len(first.Findings))
	}
}

func TestTheJSONReportValidatesAgainstItsSchemaAndIsStable(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	b, _ := schemas.FS.ReadFile("report.schema.json")
	if err := c.AddResource("report.schema.json", bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var prev []byte
	for i := 0; i < 2; i++ {
		r := run(t, mini(t), Options{FailOn: checks.Major})
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Fatalf("%#v", err)
		}
		if prev != nil && !bytes.Equal(prev, out) {
			t.Fatal("two runs over the same input gave different JSON")
		}
		prev = out
	}
}

// The report's digest takes the CSV log's hash from the metrics pass; it
// must be the digest of the same bytes read from disk, and change with them.
func TestTheInputDigestHashesTheLogTheAuditRead(t *testing.T) {
	res, err := load.Load("../../examples/ready-org", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, res, Options{})
	want, err := InputDigest(res.Dossier)
	if err != nil {
		t.Fatal(err)
	}
	if r.InputDigest != want {
		t.Fatalf("audit digest %s, digest read from disk %s", r.InputDigest, want)
	}
	lh, ok := res.Dossier.Complaints.(dossier.LogHasher)
	if !ok {
		t.Fatal("the CSV log does not hash itself")
	}
	if _, ok := lh.FileSHA256(); !ok {
		t.Fatal("the audit read the log but it has no hash")
	}

	// One byte changed in the log changes the digest.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../examples/ready-org")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "complaints.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("徐先生"), []byte("许先生"), 1)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	res2, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r2 := run(t, res2, Options{}); r2.InputDigest == r.InputDigest {
		t.Fatal("changing the log did not change the digest")
	}
}

func TestChecksAwaitingEvidenceEarnNoScoreUntilShown(t *testing.T) {
	ready, err := load.Load("../../examples/ready-org", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, ready, Options{FailOn: checks.None})
	if r.Counts.NeedsEvidence == 0 {
		t.Fatal("the ready example should leave checks awaiting evidence")
	}
	if r.ScoreAwaiting <= 0 || r.Score+r.ScoreAwaiting > 100 {
		t.Fatalf("score %.1f proven, %.1f awaiting: checks awaiting evidence must count apart", r.Score, r.ScoreAwaiting)
	}
	var w, pending float64
	for _, cr := range r.Checks {
		if cr.Status == NotApplicable {
			continue
		}
		w += weight(cr.Severity)
		if cr.Status == NeedsEvidence {
			pending += weight(cr.Severity)
		}
	}
	if got := round1(100 * pending / w); got != r.ScoreAwaiting {
		t.Errorf("awaiting %.1f, want the manual checks' share %.1f", r.ScoreAwaiting, got)
	}
}

// The clause scores of clause 4 and the principles matrix are one
// computation: for every guiding principle both count the same checks, a
// principle with gaps has failed checks and a score below 100, and a met
// principle scores 100.
func TestClauseScoresAndPrinciplesMatrixAgree(t *testing.T) {
	r := run(t, mini(t), Options{FailOn: checks.Major})
	scores := map[string]ClauseScore{}
	for _, c := range r.Clauses {
		scores[c.Clause] = c
	}
	seenGaps := false
	for _, p := range r.Principles {
		c, ok := scores[p.Principle]
		if len(p.Checks) == 0 {
			if ok {
				t.Errorf("principle %s has no checks but a clause score %+v", p.Principle, c)
			}
			continue
		}
		if !ok {
			t.Errorf("principle %s (%s) has checks %v but no clause score", p.Principle, p.State, p.Checks)
			continue
		}
		if c.Checks != len(p.Checks) {
			t.Errorf("%s: clause score counts %d checks, the matrix %d (%v)", p.Principle, c.Checks, len(p.Checks), p.Checks)
		}
		switch p.State {
		case "gaps":
			seenGaps = true
			if s, ok := c.Scored(); c.Failed == 0 || !ok || s >= 100 {
				t.Errorf("%s: matrix says gaps, clause score %.1f (scored %v) with %d failed checks", p.Principle, s, ok, c.Failed)
			}
		case "met":
			if s, ok := c.Scored(); c.Failed != 0 || (ok && s != 100) {
				t.Errorf("%s: matrix says met, clause score %.1f with %d failed checks", p.Principle, s, c.Failed)
			}
		}
	}
	if !seenGaps {
		t.Fatal("the fixture has no principle with gaps: the test would prove nothing")
	}
}
