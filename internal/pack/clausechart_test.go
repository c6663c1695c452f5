package pack

import (
	"math"
	"strings"
	"testing"

	"github.com/certready/certready/internal/audit"
)

// A clause whose every check awaits evidence has no score: the clause
// chart draws no bar for it and labels it with the coverage wording, never
// "0.0%", which a reader takes for "failed everything". The ready example
// has such a clause (5.2, whose one check needs evidence on site).
func TestTheClauseChartShowsAnUnscoredClauseAsAwaitingEvidence(t *testing.T) {
	f := audited(t, "../../examples/ready-org")
	unscored := map[string]bool{}
	for _, c := range f.in.Result.Clauses {
		if _, ok := c.Scored(); !ok {
			unscored[c.Clause] = true
		}
	}
	if len(unscored) == 0 {
		t.Fatal("the ready example has no unscored clause: the test would prove nothing")
	}
	for _, lang := range []string{"en", "zh"} {
		res := f.render(t, lang, nil)
		want := audit.UnscoredClauseText().In(lang)
		found := 0
		for _, ch := range res.Charts {
			if !strings.Contains(ch.Title, map[string]string{"en": "score per clause", "zh": "各条款"}[lang]) {
				continue
			}
			for _, b := range ch.Bars {
				num, _, _ := strings.Cut(b.Label, " ")
				if !unscored[num] {
					continue
				}
				found++
				if b.ValueLabel != want || b.Bar.W != 0 || !math.IsNaN(b.Value) {
					t.Errorf("%s: clause %s is drawn %q, %.1f mm wide (value %v); want %q and no bar", lang, num, b.ValueLabel, b.Bar.W, b.Value, want)
				}
			}
		}
		if found != len(unscored) {
			t.Errorf("%s: %d of %d unscored clauses found in the clause chart", lang, found, len(unscored))
		}
	}
}
