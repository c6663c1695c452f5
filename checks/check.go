// Package checks is the rule catalogue. A check is a value: its metadata
// (requirement, clause, principle, evidence expected, remedy, in English
// and Chinese) and a Run function that reports findings through a Pass.
// Each family of checks lives in its own file and registers its values in
// an init function, so a new rule is one new value plus one test and the
// documentation (`certready rules`) is printed from the same values.
package checks

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/reqtree"
	"github.com/certready/certready/internal/vocab"
)

// Text is a message in both languages of the product.
type Text = vocab.Text

// Severity ranks a finding the way certification auditors do.
type Severity = vocab.Severity

// Basis is what a rule or a figure stands on.
type Basis = vocab.Basis

// Figure is a number a check judges against, with its basis and source.
type Figure = vocab.Figure

// Severities from least to most serious; None is only a --fail-on value.
const (
	None        = vocab.None
	Observation = vocab.Observation
	Minor       = vocab.Minor
	Major       = vocab.Major
)

// The bases a rule can stand on.
const (
	OnStandard = vocab.Standard
	OnScheme   = vocab.Scheme
	OnLaw      = vocab.Law
	OnPolicy   = vocab.Policy
	OnPractice = vocab.Practice
)

// T builds a Text.
func T(en, zh string) Text { return vocab.T(en, zh) }

// Tf formats both languages with the same arguments.
func Tf(en, zh string, args ...any) Text { return vocab.Tf(en, zh, args...) }

// ParseSeverity reads major, minor, observation or none.
func ParseSeverity(s string) (Severity, error) { return vocab.ParseSeverity(s) }

// Check is one rule of the catalogue.
type Check struct {
	ID          string   // stable slug, e.g. "org.uscc"
	Title       Text     // short title
	Severity    Severity // default severity of its findings
	Requirement []string // "R2"
	Clauses     []string // "5.1": same number in ISO 10002:2018 and GB/T 19012-2019
	// Nodes are the nodes of other requirement trees the check evidences,
	// as tree:num ("cn-scheme:S1.1"). A check of a certification body's
	// prerequisite cites the scheme, not a clause of the standard.
	Nodes []string
	// Basis is what the rule stands on. A finding on the practice basis is
	// at most an observation; Severity is capped accordingly.
	Basis Basis
	// Figure names the thresholds key of the figure the check judges by
	// (e.g. "ack_hours"). Its findings take the figure's basis and say
	// where the figure came from, unless a finding sets its own basis.
	Figure string
	// Source cites the text behind the basis where it is not the standard
	// itself: the scheme rule, the statute and article, the seed figure.
	Source     Text
	Principles []string // "4.10"
	Evidence   Text     // what an auditor expects to see
	Remedy     Text     // what to do about a finding
	// Doc is a longer explanation printed by `rules show`, e.g. how working
	// days are counted.
	Doc Text
	// Manual marks a requirement no automated check can settle: when the
	// check finds nothing its status is "needs evidence", never "pass".
	Manual bool
	// LogRule, when set, is the complaint-log rule the check reports on:
	// the metrics pass evaluates it on every row and the check's Run reads
	// its tally (see RunLogRule).
	LogRule *metrics.LogRule
	// Jurisdiction limits the check to one jurisdiction ("cn"); empty means all.
	Jurisdiction string
	// Sectors limits the check to organisations of these sectors (the
	// organisation's sector, or sector in certready.yaml); empty means
	// every sector. A sector's rules of law are checks with Sectors set,
	// citing a node of that sector's tree.
	Sectors []string
	Run     func(*Pass)
}

// AppliesTo reports whether the check applies in a jurisdiction to an
// organisation of a sector.
func (c *Check) AppliesTo(jurisdiction, sector string) bool {
	if c.Jurisdiction != "" && c.Jurisdiction != jurisdiction {
		return false
	}
	return len(c.Sectors) == 0 || slices.Contains(c.Sectors, sector)
}

// SectorOf is the sector whose rules apply: sector in certready.yaml when
// set, else the organisation record's.
func SectorOf(d *dossier.Dossier, cfg *config.Config) string {
	if cfg != nil && strings.TrimSpace(cfg.Sector) != "" {
		return strings.TrimSpace(cfg.Sector)
	}
	if d != nil && d.Organisation != nil {
		return strings.TrimSpace(d.Organisation.Sector)
	}
	return ""
}

// Finding is one gap reported by a check.
type Finding struct {
	Check    *Check
	Severity Severity
	Message  Text
	Pos      dossier.Pos
	// Record identifies the record concerned ("licence 91330…", "person P03")
	// so a waiver can target it and a diff can match it across runs.
	Record string
	// RecordLabel is Record as a reader of each language reads it, when
	// the words are the check's own (a log rule's aspect); zero leaves the
	// outputs to word Record from the record kinds they share. Its English
	// is Record itself.
	RecordLabel Text
	// Facet tells apart findings a check reports more than once on one
	// record (the field concerned), so each keeps its identity across runs.
	Facet string
	// Rows lists violating complaint-log rows (at most Thresholds.MaxListed).
	Rows []metrics.RowRef
	// Count is how many records or rows the finding stands for (0 = 1).
	Count int
	// Basis overrides the check's basis for this finding: a limit the
	// organisation's procedure sets is policy, the same limit taken from
	// certready's defaults is practice.
	Basis Basis
	// BasisNote says where the figure judged came from ("your procedure
	// QP-07 sets 72 h", "recommended practice: 24 h").
	BasisNote Text
	// Remedy, when set, replaces the check's Remedy for this finding: a
	// check that fires on different conditions (no target set, a target
	// missed, no value measured) says what to do about the one found.
	Remedy Text
}

// Material is one line of the application materials checklist (R22).
type Material struct {
	ID     string
	Title  Text
	Status MaterialStatus
	Refs   []string // documents, files or records that satisfy it
	Note   Text
	// Optional items do not count against readiness when missing.
	Optional bool
	// Owners are the findings of other checks that report this item's gap
	// as their own (an expired permit is licence.sector-permit's finding).
	// The audit refers to them from the checklist instead of reporting the
	// gap a second time, at a second severity; when none of them was
	// reported (the owner was skipped, or judged differently), the
	// checklist's own finding stands, so a gap is never lost.
	Owners []FindingRef
}

// FindingRef designates the findings of a check that concern one gap: of
// that record when Record is set, at that place when Pos is set.
type FindingRef struct {
	Check  string
	Record string
	Pos    dossier.Pos
}

// MaterialStatus is the state of a materials-checklist item.
type MaterialStatus string

// The materials-checklist states.
const (
	MaterialPresent       MaterialStatus = "present"
	MaterialMissing       MaterialStatus = "missing"
	MaterialExpired       MaterialStatus = "expired"
	MaterialNotApplicable MaterialStatus = "not_applicable"
)

// Pass is what a check sees: the dossier, the complaint metrics, the
// configuration and the as-of date. Checks never read files.
type Pass struct {
	Dossier   *dossier.Dossier
	Metrics   *metrics.Metrics // nil when the dossier has no complaint log
	Config    *config.Config
	Calendar  *cn.Calendar
	AsOf      dossier.Date
	check     *Check
	findings  []Finding
	materials []Material
	notes     []Text
}

// NewPass prepares a pass; the audit engine calls Run for each check.
func NewPass(d *dossier.Dossier, m *metrics.Metrics, c *config.Config, cal *cn.Calendar, asOf dossier.Date) *Pass {
	return &Pass{Dossier: d, Metrics: m, Config: c, Calendar: cal, AsOf: asOf}
}

// Run runs one check and returns its findings.
func (p *Pass) Run(c *Check) []Finding {
	p.check = c
	p.findings = nil
	c.Run(p)
	return p.findings
}

// T returns the thresholds in force.
func (p *Pass) T() config.Thresholds { return p.Config.Thresholds }

// AsOfTime is the end of the as-of day in the dossier's zone: anything
// dated on the as-of day has happened by then.
func (p *Pass) AsOfTime() time.Time {
	return p.AsOf.In(p.Dossier.Location).Add(24*time.Hour - time.Nanosecond)
}

// Report records a finding with the check's default severity unless the
// finding sets one.
func (p *Pass) Report(f Finding) {
	f.Check = p.check
	if f.Pos.IsZero() {
		// A finding always points somewhere a person can open.
		f.Pos = p.Dossier.PlaceOf("")
	}
	if f.Severity == None {
		f.Severity = p.check.Severity
	}
	if f.Basis == "" && p.check.Figure != "" {
		fig := p.Fig(p.check.Figure)
		f.Basis, f.BasisNote = fig.Basis, fig.Source
	}
	if f.Basis == "" {
		f.Basis = p.check.Basis
	}
	if c := f.Basis.Cap(); f.Severity > c {
		f.Severity = c
	}
	p.findings = append(p.findings, f)
}

// Reportf is Report for the common case of a message at a position.
func (p *Pass) Reportf(pos dossier.Pos, record string, msg Text) {
	p.Report(Finding{Pos: pos, Record: record, Message: msg})
}

// Material records a materials-checklist item (R22).
func (p *Pass) Material(m Material) { p.materials = append(p.materials, m) }

// Materials returns every item recorded during the pass.
func (p *Pass) Materials() []Material { return p.materials }

// Note records a warning that is not a finding (e.g. a date outside the
// known calendar years).
func (p *Pass) Note(t Text) { p.notes = append(p.notes, t) }

// Notes returns the warnings recorded during the pass.
func (p *Pass) Notes() []Text { return p.notes }

var catalogue = map[string]*Check{}

// LogRules lists the log rules the given checks declare, for the metrics
// pass.
func LogRules(cs []*Check) []metrics.LogRule {
	var out []metrics.LogRule
	for _, c := range cs {
		if c.LogRule != nil {
			out = append(out, *c.LogRule)
		}
	}
	return out
}

// Register adds checks to the catalogue. It is called only from init
// functions of this package's files; a duplicate or incomplete check is a
// programming error and panics at start-up, where a test catches it.
func Register(cs ...*Check) {
	for _, c := range cs {
		switch {
		case c.ID == "" || c.Run == nil:
			panic("checks: check without ID or Run")
		case catalogue[c.ID] != nil:
			panic("checks: duplicate check " + c.ID)
		case len(c.Requirement) == 0 || len(c.Clauses)+len(c.Nodes) == 0:
			panic("checks: " + c.ID + " names no requirement or tree node")
		case c.LogRule != nil && (c.LogRule.Key == "" || c.LogRule.Judge == nil || c.LogRule.Label.ZH == ""):
			panic("checks: " + c.ID + " declares an incomplete log rule")
		case !c.Basis.Valid():
			panic("checks: " + c.ID + " states no basis")
		case c.Basis != OnStandard && c.Source.EN == "":
			panic("checks: " + c.ID + " does not cite the source of its " + string(c.Basis) + " basis")
		case c.Title.EN == "" || c.Title.ZH == "" || c.Remedy.EN == "" || c.Remedy.ZH == "" || c.Evidence.EN == "" || c.Evidence.ZH == "":
			panic("checks: " + c.ID + " lacks a bilingual title, evidence or remedy")
		}
		for _, id := range c.nodeIDs() {
			t, _, err := trees.Resolve(id)
			if err != nil {
				panic("checks: " + c.ID + ": " + err.Error())
			}
			// A sector's rule applies only to that sector, so a check
			// citing a sector tree must say which sectors.
			if t.Kind == reqtree.KindSector && len(c.Sectors) == 0 {
				panic("checks: " + c.ID + " cites sector tree " + t.ID + " but names no Sectors")
			}
		}
		catalogue[c.ID] = c
	}
}

// All returns the catalogue sorted by ID.
func All() []*Check {
	out := make([]*Check, 0, len(catalogue))
	for _, c := range catalogue {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// ByID returns one check.
func ByID(id string) (*Check, bool) {
	c, ok := catalogue[id]
	return c, ok
}
