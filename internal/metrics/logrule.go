package metrics

import (
	"time"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

// LogRule is a complaint-log rule declared beside the check that reports
// it (go/analysis style: the check says what it needs, the pass computes
// it once). The metrics pass evaluates every declared rule on every row in
// its single read of the log and keeps the tally under Key in
// Metrics.Rules; the check's Run reads that tally. A new log rule is one
// value beside its check: the pass itself does not change.
type LogRule struct {
	// Key names the tally in Metrics.Rules and in the JSON report.
	Key string
	// Label is the rule's one bilingual KPI label, stated as what
	// complies ("High-risk complaints escalated").
	Label vocab.Text
	// Judge says whether the row is judged by the rule and, if so, whether
	// it complies. It must keep neither c nor f: both are reused for the
	// next row.
	Judge func(c *dossier.Complaint, f *RowFacts) (applicable, ok bool)
	// Needs names the log fields the rule reads (certready field names);
	// when certready.yaml declares any of them not tracked, the rule
	// judges no row rather than fail every one.
	Needs []string
}

// RowFacts are what a log rule may need beyond the row itself, worked out
// once per row by the pass.
type RowFacts struct {
	// Received is the receipt time in the dossier's zone; zero when the
	// row has none or it is implausible (after the as-of date, or after a
	// later step).
	Received time.Time
	// AsOf is the end of the as-of day; Today its start.
	AsOf, Today time.Time
	// Open, Done, Closed and Withdrawn follow the status model: Done is
	// resolved or closed.
	Open, Done, Closed, Withdrawn bool
	// Complex is true for complaints assessed as complex.
	Complex bool
	// SimpleDue is the working-day deadline of a simple complaint received
	// then; zero without a plausible receipt.
	SimpleDue time.Time
	// AckHours and ResponseHours are the hour limits in force.
	AckHours, ResponseHours float64
}

// judgeRules evaluates the declared rules on one row.
func (p *pass) judgeRules(c *dossier.Complaint, f *RowFacts) {
	for i := range p.o.Rules {
		lr := &p.o.Rules[i]
		if p.ruleOff[i] {
			continue
		}
		if applicable, ok := lr.Judge(c, f); applicable {
			p.rules[i].judge(ok, c, p)
		}
	}
}

// rulesOff marks the declared rules that need a field not tracked.
func rulesOff(rules []LogRule, notTracked []string) []bool {
	off := make([]bool, len(rules))
	for i, r := range rules {
		for _, f := range r.Needs {
			for _, nt := range notTracked {
				if f == nt {
					off[i] = true
				}
			}
		}
	}
	return off
}
