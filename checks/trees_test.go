package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/certready/certready/internal/reqtree"
)

func TestTheISOTreeListsEveryClauseOfTheStandardWithBothTitles(t *testing.T) {
	iso, ok := Trees().Tree(ISOTree)
	if !ok {
		t.Fatal("no ISO 10002 tree")
	}
	last := map[string]int{"4": 15, "5": 4, "6": 4, "7": 9, "8": 7}
	for top, n := range last {
		if _, ok := iso.Node(top); !ok {
			t.Errorf("clause %s is missing", top)
		}
		for i := 1; i <= n; i++ {
			num := fmt.Sprintf("%s.%d", top, i)
			node, ok := iso.Node(num)
			if !ok {
				t.Errorf("clause %s is missing", num)
				continue
			}
			if node.Parent != top || node.Title.EN == "" || node.Title.ZH == "" {
				t.Errorf("clause %s: parent %q, titles %q / %q", num, node.Parent, node.Title.EN, node.Title.ZH)
			}
		}
		if _, ok := iso.Node(fmt.Sprintf("%s.%d", top, n+1)); ok {
			t.Errorf("clause %s.%d does not exist in ISO 10002:2018", top, n+1)
		}
	}
}

func TestEveryAssessableNodeIsAssessedOrSaysWhyNot(t *testing.T) {
	for _, tr := range Trees().Trees() {
		for _, n := range tr.Assessable() {
			id := tr.ID + ":" + n.Num
			covered := false
			for _, c := range All() {
				if c.Covers(id) {
					covered = true
					break
				}
			}
			switch {
			case !covered && n.NotAssessed.EN == "":
				t.Errorf("%s is assessable, no check assesses it, and it does not say why (not_assessed)", id)
			case covered && n.NotAssessed.EN != "":
				t.Errorf("%s says it is not assessed, but a check assesses it", id)
			}
		}
	}
}

func TestEveryCheckCitesNodesThatExist(t *testing.T) {
	for _, c := range All() {
		ids := c.nodeIDs()
		if len(ids) == 0 {
			t.Errorf("%s cites no node", c.ID)
		}
		if refs := c.NodeRefs(); len(refs) != len(ids) {
			t.Errorf("%s cites %v, of which only %d resolve", c.ID, ids, len(refs))
		}
		for _, p := range c.Principles {
			if _, _, err := Trees().Resolve(ISOTree + ":" + p); err != nil || !strings.HasPrefix(p, "4.") {
				t.Errorf("%s: principle %s is not a guiding principle of clause 4", c.ID, p)
			}
		}
	}
}

func TestCertificationBodyPrerequisitesAreNotFiledUnderClausesOfTheStandard(t *testing.T) {
	for _, c := range All() {
		onScheme := false
		for _, n := range c.Nodes {
			if strings.HasPrefix(n, SchemeTree+":S1") || strings.HasPrefix(n, SchemeTree+":S3") || strings.HasPrefix(n, SchemeTree+":S4") {
				onScheme = true
			}
		}
		if onScheme && (c.ID == "materials.checklist" || strings.HasPrefix(c.ID, "licence.") || strings.HasPrefix(c.ID, "org.") || strings.HasPrefix(c.ID, "plan.")) && len(c.Clauses) > 0 {
			t.Errorf("%s is a certification-body prerequisite but cites clauses %v of the standard", c.ID, c.Clauses)
		}
	}
	for _, id := range []string{"licence.valid", "licence.sector-permit", "materials.checklist", "org.operation-months", "org.uscc"} {
		c, ok := ByID(id)
		if !ok {
			t.Fatalf("no check %s", id)
		}
		if c.Basis != OnScheme || len(c.Clauses) != 0 || len(c.Principles) != 0 {
			t.Errorf("%s: basis %s, clauses %v, principles %v; want the scheme and no clause or principle of the standard", id, c.Basis, c.Clauses, c.Principles)
		}
	}
}

func TestAMalformedTreeIsRefused(t *testing.T) {
	for name, src := range map[string]string{
		"unknown parent": "id: x\nkind: sector\ntitle: {en: X, zh: X}\ncite: {en: X, zh: X}\nnodes:\n  - {num: \"1.1\", parent: \"1\", title: {en: a, zh: a}}\n",
		"duplicate node": "id: x\nkind: sector\ntitle: {en: X, zh: X}\ncite: {en: X, zh: X}\nnodes:\n  - {num: \"1\", title: {en: a, zh: a}}\n  - {num: \"1\", title: {en: b, zh: b}}\n",
		"no Chinese":     "id: x\nkind: sector\ntitle: {en: X, zh: X}\ncite: {en: X, zh: X}\nnodes:\n  - {num: \"1\", title: {en: a}}\n",
		"unknown kind":   "id: x\nkind: advice\ntitle: {en: X, zh: X}\ncite: {en: X, zh: X}\n",
		"unknown field":  "id: x\nkind: sector\ntitle: {en: X, zh: X}\ncite: {en: X, zh: X}\nnodez: []\n",
	} {
		if _, err := reqtree.Parse(name, []byte(src)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
