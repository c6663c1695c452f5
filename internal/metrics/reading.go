package metrics

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
)

// Reading is what the pass learned about reading the log itself: rows it
// could not read (left out of every other figure), columns no field takes,
// fields declared not tracked, and customer USCCs that fail GB 32100.
type Reading struct {
	// Rows counts every row read, readable or not; Total counts only the
	// readable ones.
	Rows int `json:"rows"`
	// ProblemRows are rows with an unreadable or missing required value.
	ProblemRows int `json:"problem_rows"`
	// Problems groups the problems by field and kind, in order of first
	// appearance, each with its first rows.
	Problems []ProblemGroup `json:"problems,omitempty"`
	// Ignored are the log's columns no field takes.
	Ignored []dossier.IgnoredColumn `json:"ignored_columns,omitempty"`
	// NotTracked are the fields certready.yaml declares the CRM does not
	// keep; the rules needing them were not judged.
	NotTracked []string `json:"not_tracked,omitempty"`
	// CustomerUSCC applies to rows with a customer USCC; a violation is a
	// code that fails GB 32100.
	CustomerUSCC Rule `json:"customer_uscc"`
}

// ProblemGroup is one field's problems of one kind.
type ProblemGroup struct {
	Field string `json:"field"`
	Kind  string `json:"kind"`
	N     int    `json:"n"`
	// First are the first problems, each with its row and message.
	First []RowProblem `json:"first"`
}

// RowProblem is one problem of one row.
type RowProblem struct {
	Row     RowRef `json:"row"`
	Message string `json:"message"`
}

// maxPending bounds the problems kept for one row; a row with more is
// still one problem row.
const maxPending = 8

// MaxProblemGroups bounds the distinct field/kind groups kept.
const MaxProblemGroups = 64

// ErrTooManyProblems is wrapped by the error of a log whose share of
// unreadable rows is over the limit.
var ErrTooManyProblems = errors.New("too many unreadable rows")

type pendingProblem struct {
	pos         dossier.Pos
	field, kind string
	message     string
}

// problem notes one problem of the row about to be delivered.
func (p *pass) problem(err error) error {
	p.pendingN++
	if len(p.pending) >= maxPending {
		return nil
	}
	pp := pendingProblem{message: err.Error(), kind: "unreadable"}
	var pe *dossier.PosError
	if errors.As(err, &pe) {
		pp.pos = pe.Pos
		pp.message = pe.Err.Error()
	}
	var fe *dossier.FieldError
	if errors.As(err, &fe) {
		pp.field, pp.kind = fe.Field, fe.Kind
		pp.message = fe.Err.Error()
	}
	p.pending = append(p.pending, pp)
	return nil
}

// problemRow sets a row with problems aside: it is counted and listed,
// never folded into the statistics.
func (p *pass) problemRow(c *dossier.Complaint) {
	r := &p.m.Reading
	r.ProblemRows++
	id := strings.Clone(c.ID)
	for _, pp := range p.pending {
		k := pp.field + "\x00" + pp.kind
		i, ok := p.groups[k]
		if !ok {
			if len(r.Problems) >= MaxProblemGroups {
				continue
			}
			i = len(r.Problems)
			p.groups[k] = i
			r.Problems = append(r.Problems, ProblemGroup{Field: pp.field, Kind: pp.kind})
		}
		g := &r.Problems[i]
		g.N++
		if len(g.First) < max(p.max, 1) {
			pos := pp.pos
			if pos.IsZero() {
				pos = c.Pos
			}
			pos.File, pos.Sheet, pos.Column = p.intern(pos.File), p.intern(pos.Sheet), p.intern(pos.Column)
			g.First = append(g.First, RowProblem{Row: RowRef{ID: id, Pos: pos}, Message: pp.message})
		}
	}
	p.pending, p.pendingN = p.pending[:0], 0
}

// customerUSCC judges a customer's USCC; codes repeat, so validity is
// remembered per code (up to MaxKeys of them).
func (p *pass) customerUSCC(c *dossier.Complaint) {
	ok, seen := p.usccOK[c.CustomerUSCC]
	if !seen {
		ok = cn.ValidateUSCC(c.CustomerUSCC).Valid
		if len(p.usccOK) < MaxKeys {
			p.usccOK[strings.Clone(c.CustomerUSCC)] = ok
		}
	}
	p.m.Reading.CustomerUSCC.judge(ok, c, p)
}

// tooManyProblems is the error for a log whose unreadable rows exceed the
// configured share, or nil.
func (p *pass) tooManyProblems() error {
	r := &p.m.Reading
	if r.ProblemRows == 0 || r.Rows == 0 {
		return nil
	}
	limit := p.o.MaxProblemShare
	if limit < 0 {
		limit = 0
	}
	share := float64(r.ProblemRows) / float64(r.Rows)
	if share <= limit {
		return nil
	}
	var b strings.Builder
	for i, g := range r.Problems {
		if i == 5 {
			fmt.Fprintf(&b, "; …")
			break
		}
		field := g.Field
		if field == "" {
			field = "row"
		}
		fmt.Fprintf(&b, "; %s %s: %d, first at %s (%s)", field, g.Kind, g.N, g.First[0].Row.Pos, g.First[0].Message)
	}
	return fmt.Errorf("%w: %d of %d rows (%.1f%%) have an unreadable or missing required value, over the %.1f%% allowed (complaints.max_problem_share in certready.yaml)%s",
		ErrTooManyProblems, r.ProblemRows, r.Rows, 100*share, 100*limit, b.String())
}

// notTracked records the declared fields and which rules go unjudged.
func (p *pass) notTracked(fields []string) {
	nt := map[string]bool{}
	for _, f := range fields {
		nt[f] = true
	}
	p.m.Reading.NotTracked = slices.Sorted(func(yield func(string) bool) {
		for f := range nt {
			if !yield(f) {
				return
			}
		}
	})
	p.skip = skipRules{
		complexPlan:  nt["plan"] || nt["updates"],
		followUp:     nt["follow_up_at"],
		rootCause:    nt["root_cause"],
		corrective:   nt["corrective_action"],
		satisfaction: nt["satisfaction"],
		steps:        nt["steps"],
		escalation:   nt["escalated_at"] && nt["escalated"],
		response:     nt["first_response_at"],
		description:  nt["description"],
		feedback:     nt["feedback"] && nt["satisfaction"],
		resolvedAt:   nt["resolved_at"],
	}
}

// skipRules are the rules left unjudged because a field they need is not
// tracked.
type skipRules struct {
	complexPlan, followUp, rootCause, corrective, satisfaction     bool
	steps, escalation, response, description, feedback, resolvedAt bool
}
