package checks

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/certready/certready/internal/metrics"
)

func TestEveryRequirementR1ToR23IsCoveredByACheck(t *testing.T) {
	covered := map[string][]string{}
	for _, c := range All() {
		for _, r := range c.Requirement {
			covered[r] = append(covered[r], c.ID)
		}
	}
	for i := 1; i <= 23; i++ {
		if r := fmt.Sprintf("R%d", i); len(covered[r]) == 0 {
			t.Errorf("no check cites %s", r)
		}
	}
}

func TestEveryCheckCitesKnownClausesAndPrinciples(t *testing.T) {
	known := map[string]bool{}
	for _, c := range Clauses() {
		known[c.Num] = true
	}
	for _, c := range All() {
		for _, cl := range append(append([]string{}, c.Clauses...), c.Principles...) {
			if !known[cl] {
				t.Errorf("%s cites clause %q, which is not in the ISO 10002:2018 skeleton", c.ID, cl)
			}
		}
		if !strings.Contains(c.ID, ".") || strings.ToLower(c.ID) != c.ID {
			t.Errorf("check ID %q is not a lower-case family.name slug", c.ID)
		}
	}
}

func TestEveryGuidingPrincipleIsEvidencedByACheck(t *testing.T) {
	for _, p := range Principles() {
		n := 0
		for _, c := range All() {
			for _, x := range append(append([]string{}, c.Principles...), c.Clauses...) {
				if x == p.Num {
					n++
				}
			}
		}
		if n == 0 {
			t.Errorf("principle %s %s has no check", p.Num, p.Title.EN)
		}
	}
}

// A log rule is one new file and one test: the check names the aspect of
// the log it reports in both languages, so no table elsewhere has to learn
// it. Every check with a log rule, over a log whose tally of that rule has
// a violation, reports a finding whose record keeps its English identity
// and reads in Chinese without a Latin letter.
func TestEveryLogRuleFindingNamesItsRecordInChinese(t *testing.T) {
	latin := regexp.MustCompile(`[A-Za-z]`)
	n := 0
	for _, c := range All() {
		if c.LogRule == nil {
			continue
		}
		n++
		t.Run(c.ID, func(t *testing.T) {
			p := handlingPass(t, readyDossier())
			found := false
			for i := range p.Metrics.Rules {
				if k := &p.Metrics.Rules[i]; k.Key == c.LogRule.Key {
					k.Rule = metrics.Rule{Applicable: 10, Violations: 3}
					found = true
				}
			}
			if !found {
				t.Fatalf("the metrics pass tallied no rule %q", c.LogRule.Key)
			}
			fs := runHandlingOn(t, c.ID, p)
			if len(fs) == 0 {
				t.Fatal("a violated log rule reports no finding")
			}
			for _, f := range fs {
				if !strings.HasPrefix(f.Record, complaintLogRecord+": ") || f.RecordLabel.EN != f.Record {
					t.Errorf("record %q, English label %q: want the identity \"complaint log: <aspect>\" as both", f.Record, f.RecordLabel.EN)
				}
				if zh := f.RecordLabel.ZH; zh == "" || latin.MatchString(zh) {
					t.Errorf("record %q reads in Chinese as %q", f.Record, zh)
				}
			}
		})
	}
	if n == 0 {
		t.Fatal("the catalogue has no check with a log rule")
	}
}

func TestALogRuleWithoutAChineseAspectIsRefusedAtStartUp(t *testing.T) {
	for _, aspect := range []Text{T("recourse offered", ""), T("recourse offered", "recourse offered"), T("", "救济途径告知")} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("RunLogRule accepted the aspect %q / %q", aspect.EN, aspect.ZH)
				}
			}()
			RunLogRule("recourse_offered", aspect, "%d of %d", "%[2]d 起中 %[1]d 起")
		}()
	}
	RunLogRule("recourse_offered", T("recourse offered", "救济途径告知"), "%d of %d", "%[2]d 起中 %[1]d 起") // must not panic
}
