// Package diff compares two audit results: what was fixed, what is new,
// what regressed and how each clause's score moved. A quality manager
// tracks progress week by week with it; CI fails when anything regressed.
package diff

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
)

// Change is one finding that appeared or disappeared.
type Change struct {
	ID       string `json:"id"`
	Check    string `json:"check"`
	Severity string `json:"severity"`
	Where    string `json:"where"`
	Record   string `json:"record,omitempty"`
	Message  string `json:"message"`

	sev checks.Severity
}

// Movement is one clause's score change.
type Movement struct {
	Clause string  `json:"clause"`
	Old    float64 `json:"old"`
	New    float64 `json:"new"`
	Delta  float64 `json:"delta"`
}

// Diff is the comparison of two runs.
type Diff struct {
	OldAsOf  string   `json:"old_as_of"`
	NewAsOf  string   `json:"new_as_of"`
	OldScore float64  `json:"old_score"`
	NewScore float64  `json:"new_score"`
	Fixed    []Change `json:"fixed"`
	New      []Change `json:"new"`
	// Regressed are new findings of a check that passed in the old run.
	Regressed []Change   `json:"regressed"`
	Clauses   []Movement `json:"clauses"`
	Verdict   [2]string  `json:"verdict"`
	// Legacy is true when a report had no finding IDs (written by an older
	// certready) and findings were matched by check and record only.
	Legacy bool `json:"legacy_match,omitempty"`

	lang string // of the text rendering, as of the messages
}

func change(f *audit.Finding, lang string) Change {
	return Change{ID: f.Key(), Check: f.Check, Severity: f.Severity.String(), Where: f.Where, Record: f.Record, Message: f.Message.In(lang), sev: f.Severity}
}

// Compare computes what changed from old to new. Findings are matched by
// their IDs (check, record identity, facet), never by position or wording,
// so a reordered or renamed dossier brings no false news.
func Compare(old, new *audit.Result, lang string) *Diff {
	d := &Diff{OldAsOf: old.AsOf, NewAsOf: new.AsOf, OldScore: old.Score, NewScore: new.Score,
		Fixed: []Change{}, New: []Change{}, Regressed: []Change{}, Clauses: []Movement{},
		Verdict: [2]string{string(old.Verdict), string(new.Verdict)}, lang: lang}
	known := audit.NewMatcher(old, new.HasIDs())
	d.Legacy = known.Legacy()
	oldFailing := map[string]bool{}
	for i := range old.Findings {
		if old.Findings[i].State != "waived" {
			oldFailing[old.Findings[i].Check] = true
		}
	}
	for i := range new.Findings {
		f := &new.Findings[i]
		if f.State == "waived" || known.Take(f) {
			continue
		}
		d.New = append(d.New, change(f, lang))
		if !oldFailing[f.Check] {
			d.Regressed = append(d.Regressed, change(f, lang))
		}
	}
	still := audit.NewMatcher(new, old.HasIDs())
	for i := range old.Findings {
		f := &old.Findings[i]
		if f.State != "waived" && !still.Take(f) {
			d.Fixed = append(d.Fixed, change(f, lang))
		}
	}
	// A clause without a score (every check citing it awaits evidence) has
	// no figure to move from or to: it is left out, not read as 0.
	oldScores := map[string]float64{}
	unscored := map[string]bool{}
	for _, c := range old.Clauses {
		if s, ok := c.Scored(); ok {
			oldScores[c.Clause] = s
		} else {
			unscored[c.Clause] = true
		}
	}
	seen := map[string]bool{}
	for _, c := range new.Clauses {
		seen[c.Clause] = true
		n, ok := c.Scored()
		if !ok || unscored[c.Clause] {
			continue
		}
		o, ok := oldScores[c.Clause]
		if !ok {
			o = 0
		}
		if n != o {
			d.Clauses = append(d.Clauses, Movement{Clause: c.Clause, Old: o, New: n, Delta: round1(n - o)})
		}
	}
	for cl, o := range oldScores {
		if !seen[cl] {
			d.Clauses = append(d.Clauses, Movement{Clause: cl, Old: o, New: 0, Delta: -o})
		}
	}
	sort.Slice(d.Clauses, func(i, j int) bool { return clauseLess(d.Clauses[i].Clause, d.Clauses[j].Clause) })
	return d
}

func round1(x float64) float64 {
	if x < 0 {
		return -float64(int64(-x*10+0.5)) / 10
	}
	return float64(int64(x*10+0.5)) / 10
}

// HasRegressions reports whether a check that passed before has a finding.
func (d *Diff) HasRegressions() bool { return len(d.Regressed) > 0 }

// ExitCode is 1 when a new finding reaches failOn, whatever check it comes
// from: a new major gap fails CI even where its check failed before.
func (d *Diff) ExitCode(failOn checks.Severity) int {
	if failOn == checks.None {
		return 0
	}
	for _, c := range d.New {
		if c.sev >= failOn {
			return 1
		}
	}
	return 0
}

// WriteText renders the diff for a terminal; markdown selects a Markdown
// rendering of the same content.
func (d *Diff) WriteText(w io.Writer, markdown bool) error {
	var err error
	p := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	h := func(s string) {
		if markdown {
			p("\n## %s\n\n", s)
		} else {
			p("\n%s\n", s)
		}
	}
	zh := d.lang == "zh"
	l := func(en, z string) string {
		if zh {
			return z
		}
		return en
	}
	if markdown {
		p("# certready diff %s → %s\n\n", d.OldAsOf, d.NewAsOf)
	} else {
		p("certready diff %s → %s\n", d.OldAsOf, d.NewAsOf)
	}
	p(l("score %.1f → %.1f (%+.1f); verdict %s → %s\n", "得分 %.1f → %.1f（%+.1f）；结论 %s → %s\n"), d.OldScore, d.NewScore, round1(d.NewScore-d.OldScore),
		audit.Verdict(d.Verdict[0]).Label(d.lang), audit.Verdict(d.Verdict[1]).Label(d.lang))
	list := func(title string, cs []Change) {
		h(fmt.Sprintf(l("%s (%d)", "%s（%d）"), title, len(cs)))
		for _, c := range cs {
			sev := c.Severity
			if zh {
				sev = c.sev.Label("zh")
			}
			p("- %s [%s] %s — %s\n", c.Check, sev, c.Where, c.Message)
		}
	}
	list(l("Regressed", "回退"), d.Regressed)
	list(l("New", "新增"), d.New)
	list(l("Fixed", "已整改"), d.Fixed)
	h(l("Score by clause", "各条款得分变化"))
	for _, m := range d.Clauses {
		p("- %s: %.1f → %.1f (%+.1f)\n", m.Clause, m.Old, m.New, m.Delta)
	}
	return err
}

// clauseLess orders clause numbers as the standard does, part by part as
// numbers: 4.2 before 4.10.
func clauseLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for k := 0; k < len(pa) && k < len(pb); k++ {
		x, errx := strconv.Atoi(pa[k])
		y, erry := strconv.Atoi(pb[k])
		if errx != nil || erry != nil {
			if pa[k] != pb[k] {
				return pa[k] < pb[k]
			}
			continue
		}
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}
