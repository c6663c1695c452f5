package checks

import (
	"fmt"
	"strings"
	"testing"
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
