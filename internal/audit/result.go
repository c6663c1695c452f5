// Package audit runs the check catalogue over a dossier and folds the
// findings into one Result: findings after waivers and filters, scores per
// clause, the verdict, the earliest eligible application date, the
// materials checklist and the principles matrix. Formatters and the PDF
// pack render a Result; they never compute findings.
package audit

import (
	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

// Verdict is the overall readiness.
type Verdict string

// The verdicts.
const (
	Ready      Verdict = "ready"       // no major or minor finding open
	ReadyMinor Verdict = "ready_minor" // minor gaps only: apply, fix before the on-site audit
	NotReady   Verdict = "not_ready"   // a major gap, or too early to apply
	// Partial is the verdict of a run that skipped checks (--only,
	// --skip): what was not looked at cannot be called ready.
	Partial Verdict = "partial"
)

// Label returns the verdict for people.
func (v Verdict) Label(lang string) string {
	en := map[Verdict]string{Ready: "Ready to apply", ReadyMinor: "Ready with minor gaps", NotReady: "Not ready", Partial: "Partial audit: no verdict"}
	zh := map[Verdict]string{Ready: "可以申请认证", ReadyMinor: "可以申请（存在轻微差距）", NotReady: "尚不具备申请条件", Partial: "部分评估：不作结论"}
	if lang == "zh" {
		return zh[v]
	}
	return en[v]
}

// Status is the state of one check after the run.
type Status string

// The check states.
const (
	Pass          Status = "pass"
	Fail          Status = "fail"
	NeedsEvidence Status = "needs_evidence" // nothing automated found wrong; an auditor must see the evidence
	Waived        Status = "waived"         // every finding waived
	NotApplicable Status = "not_applicable" // outside the jurisdiction
)

// Finding is a check's finding as reported.
type Finding struct {
	// ID identifies the finding across runs (see assignIDs): check, record
	// identity and facet, never a cell or a file name.
	ID           string          `json:"id"`
	Check        string          `json:"check"`
	Title        checks.Text     `json:"title"`
	Severity     checks.Severity `json:"severity"`
	Requirements []string        `json:"requirements"`
	Clauses      []string        `json:"clauses"`
	Principles   []string        `json:"principles"`
	// Nodes are the requirement-tree nodes the finding evidences; the first
	// is the one a finding is cited under.
	Nodes []vocab.NodeRef `json:"nodes"`
	// Basis is what the finding stands on; BasisNote where its figure came
	// from ("your procedure QP-07 sets 72 h", "recommended practice: 24 h").
	Basis     vocab.Basis `json:"basis"`
	BasisNote vocab.Text  `json:"basis_note,omitzero"`
	Message   checks.Text `json:"message"`
	Where     string      `json:"where"`
	Pos       dossier.Pos `json:"pos"`
	Record    string      `json:"record,omitempty"`
	// RecordLabel is Record in each language as the check words it (a
	// log rule's aspect); zero when the outputs word Record themselves
	// (see Result.FindingRecord). Outputs print it, nothing keys on it, so
	// the JSON report leaves it out.
	RecordLabel vocab.Text       `json:"-"`
	Evidence    checks.Text      `json:"evidence"`
	Remedy      checks.Text      `json:"remedy"`
	Rows        []metrics.RowRef `json:"rows,omitempty"`
	Count       int              `json:"count,omitempty"`
	// State is open, waived or known (present in the baseline).
	State  string  `json:"state"`
	Waiver *Waiver `json:"waiver,omitempty"`

	facet string // which field of the record, when a check reports it twice
}

// Key identifies a finding across runs for diffs, baselines and SARIF
// fingerprints: its ID, or for a finding read from a report written
// before IDs existed, the check, record and position it was keyed by then.
func (f *Finding) Key() string {
	if f.ID != "" {
		return f.ID
	}
	return f.Check + "|" + f.Record + "|" + f.Where
}

// CheckResult is one check's outcome.
type CheckResult struct {
	ID           string          `json:"id"`
	Title        checks.Text     `json:"title"`
	Severity     checks.Severity `json:"severity"`
	Requirements []string        `json:"requirements"`
	Clauses      []string        `json:"clauses"`
	Principles   []string        `json:"principles"`
	Nodes        []vocab.NodeRef `json:"nodes"`
	Basis        vocab.Basis     `json:"basis"`
	Source       vocab.Text      `json:"source,omitzero"`
	Status       Status          `json:"status"`
	Findings     int             `json:"findings"`
	Evidence     checks.Text     `json:"evidence"`
}

// Coverage states of a requirement-tree node.
const (
	NodePass          = "pass"           // checks ran and found nothing open
	NodeFindings      = "findings"       // at least one check has open findings
	NodeNeedsEvidence = "needs_evidence" // only manual checks, awaiting an auditor
	NodeNotAssessed   = "not_assessed"   // no check assesses the node (yet), or none ran
)

// NodeCoverage is one assessable node of a requirement tree and how the
// run covered it. Every assessable node of every tree in force is listed,
// so "never assessed" cannot pass for "assessed and fine".
type NodeCoverage struct {
	vocab.NodeRef
	Depth  int      `json:"depth"`
	Status string   `json:"status"`
	Checks []string `json:"checks"`
	// Findings counts open findings on the node's checks.
	Findings int `json:"findings"`
	// Why says why a node is not assessed.
	Why vocab.Text `json:"why,omitzero"`
}

// TreeCoverage is the coverage of one requirement tree.
type TreeCoverage struct {
	Tree   string         `json:"tree"`
	Kind   string         `json:"kind"`
	Title  vocab.Text     `json:"title"`
	Nodes  []NodeCoverage `json:"nodes"`
	Counts CoverageCounts `json:"counts"`
}

// CoverageCounts tallies a tree's assessable nodes by status.
type CoverageCounts struct {
	Assessable    int `json:"assessable"`
	Pass          int `json:"pass"`
	Findings      int `json:"findings"`
	NeedsEvidence int `json:"needs_evidence"`
	NotAssessed   int `json:"not_assessed"`
}

// ClauseScore is the readiness of one clause.
type ClauseScore struct {
	Clause string      `json:"clause"`
	Title  checks.Text `json:"title"`
	// Score is 0–100, nil (null in JSON) when no check citing the clause
	// could be judged from the records: every one awaits evidence an
	// auditor must see. A 0 there would read as "failed everything".
	Score  *float64 `json:"score"`
	Checks int      `json:"checks"`
	Failed int      `json:"failed"`
}

// ScoreOf is a clause score of v, for a ClauseScore literal.
func ScoreOf(v float64) *float64 { return &v }

// Scored returns the clause's score and whether it has one.
func (c ClauseScore) Scored() (float64, bool) {
	if c.Score == nil {
		return 0, false
	}
	return *c.Score, true
}

// Material is one line of the application materials checklist.
type Material struct {
	ID       string                `json:"id"`
	Title    checks.Text           `json:"title"`
	Status   checks.MaterialStatus `json:"status"`
	Refs     []string              `json:"refs,omitempty"`
	Note     checks.Text           `json:"note"`
	Optional bool                  `json:"optional,omitempty"`
	// Findings are the IDs of the findings that report this item's gap:
	// the owning check's when it reported it, else the checklist's own.
	Findings []string `json:"findings,omitempty"`

	owners []checks.FindingRef
}

// PrincipleRow is one guiding principle in the coverage matrix.
type PrincipleRow struct {
	Principle string      `json:"principle"`
	Title     checks.Text `json:"title"`
	Checks    []string    `json:"checks"`
	State     string      `json:"state"` // met, gaps, needs_evidence, not_evidenced
}

// Waiver is a waiver from certready.yaml and what became of it.
type Waiver struct {
	Check         string `json:"check"`
	Record        string `json:"record,omitempty"`
	Justification string `json:"justification"`
	Approver      string `json:"approver,omitempty"`
	Expires       string `json:"expires,omitempty"`
	State         string `json:"state"` // active, expired, unused, refused (scheme or law findings)
	Applied       int    `json:"applied"`
}

// Counts tallies open findings by severity.
type Counts struct {
	Major         int `json:"major"`
	Minor         int `json:"minor"`
	Observation   int `json:"observation"`
	Waived        int `json:"waived"`
	Known         int `json:"known"`
	NeedsEvidence int `json:"needs_evidence"`
}

// Organisation is the part of the organisation record reports show.
type Organisation struct {
	Name   string `json:"name"`
	NameEN string `json:"name_en,omitempty"`
	USCC   string `json:"uscc,omitempty"`
	Sector string `json:"sector,omitempty"`
}

// Result is everything an audit found.
type Result struct {
	Tool         string       `json:"tool"`
	Version      string       `json:"version"`
	Dossier      string       `json:"dossier"`
	InputDigest  string       `json:"input_digest"`
	AsOf         string       `json:"as_of"`
	Standard     string       `json:"standard"`
	Jurisdiction string       `json:"jurisdiction"`
	Organisation Organisation `json:"organisation"`
	Verdict      Verdict      `json:"verdict"`
	// Partial is true when --only or --skip left checks out; Skipped
	// lists them. A partial audit never reads ready.
	Partial bool     `json:"partial"`
	Skipped []string `json:"skipped,omitempty"`
	Score   float64  `json:"score"`
	// ScoreAwaiting is what checks awaiting evidence would add to Score
	// once an auditor has seen it; Score counts only what records prove.
	ScoreAwaiting float64 `json:"score_awaiting_evidence"`
	EligibleFrom  string  `json:"eligible_from,omitempty"`
	Eligible      bool    `json:"eligible"`
	// EligibleWaits says what the eligibility date waits for when a
	// prerequisite has no record yet (then EligibleFrom is empty).
	EligibleWaits []checks.Text  `json:"eligible_waits,omitempty"`
	Counts        Counts         `json:"counts"`
	Clauses       []ClauseScore  `json:"clauses"`
	Findings      []Finding      `json:"findings"`
	Checks        []CheckResult  `json:"checks"`
	Materials     []Material     `json:"materials"`
	Principles    []PrincipleRow `json:"principles"`
	// Coverage lists every assessable node of every requirement tree in
	// force with its status.
	Coverage []TreeCoverage `json:"coverage"`
	// Figures are the figures the checks judged by, with their basis and
	// where each came from.
	Figures map[string]vocab.Figure `json:"figures"`
	Waivers []Waiver                `json:"waivers"`
	Notes   []checks.Text           `json:"notes"`
	// KPIs are the complaint-log metrics; nil without a log.
	KPIs *metrics.Metrics `json:"kpis,omitempty"`
	// Names are the organisation's own names of the keys the KPIs break
	// down by: "channel" and "category", each key → name (hotline → 客服电话),
	// so an output can show a Chinese reader the name instead of the code.
	Names map[string]map[string]string `json:"names,omitempty"`
	// Baseline is true when findings were compared with an earlier run.
	Baseline bool `json:"baseline,omitempty"`
	// FailOn is the threshold the exit code was computed with.
	FailOn checks.Severity `json:"fail_on"`
}

// ExitCode is 1 when an open finding reaches the fail-on severity.
func (r *Result) ExitCode() int {
	if r.FailOn == checks.None {
		return 0
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.State == "open" && f.Severity >= r.FailOn {
			return 1
		}
	}
	return 0
}
