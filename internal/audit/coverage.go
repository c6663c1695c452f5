package audit

import (
	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/reqtree"
	"slices"
)

// coverage lists every assessable node of every tree with the checks of
// this run that assess it and their combined state. A node with no check,
// or whose checks were all skipped or do not apply, is "not assessed" and
// says why: a reader must see what was never looked at.
func coverage(r *Result, cfg *config.Config, _ Options) {
	sector := r.Organisation.Sector
	if cfg != nil && cfg.Sector != "" {
		sector = cfg.Sector
	}
	open := map[string]int{}
	for _, f := range r.Findings {
		if f.State == "open" || f.State == "known" {
			open[f.Check]++
		}
	}
	for _, t := range checks.Trees().Trees() {
		// Another sector's rules are no requirement of this organisation,
		// and a tree with nothing assessable has nothing to count.
		if t.Kind == reqtree.KindSector && (!slices.Contains(t.Sectors, sector) || len(t.Assessable()) == 0) {
			continue
		}
		tc := TreeCoverage{Tree: t.ID, Kind: string(t.Kind), Title: t.Title, Nodes: []NodeCoverage{}}
		for _, n := range t.Assessable() {
			nc := nodeCoverage(r, t, n, open)
			tc.Counts.Assessable++
			switch nc.Status {
			case NodePass:
				tc.Counts.Pass++
			case NodeFindings:
				tc.Counts.Findings++
			case NodeNeedsEvidence:
				tc.Counts.NeedsEvidence++
			default:
				tc.Counts.NotAssessed++
			}
			tc.Nodes = append(tc.Nodes, nc)
		}
		r.Coverage = append(r.Coverage, tc)
	}
}

func nodeCoverage(r *Result, t *reqtree.Tree, n *reqtree.Node, open map[string]int) NodeCoverage {
	nc := NodeCoverage{NodeRef: t.Ref(n), Depth: t.Depth(n), Checks: []string{}}
	id := nc.ID
	var fail, manual, pass bool
	for _, cr := range r.Checks {
		c, ok := checks.ByID(cr.ID)
		if !ok || !c.Covers(id) || cr.Status == NotApplicable {
			continue
		}
		nc.Checks = append(nc.Checks, cr.ID)
		nc.Findings += open[cr.ID]
		switch cr.Status {
		case Fail:
			fail = true
		case NeedsEvidence:
			manual = true
		default:
			pass = true
		}
	}
	switch {
	case fail:
		nc.Status = NodeFindings
	case manual:
		// Evidence an auditor must still see outweighs what passed.
		nc.Status = NodeNeedsEvidence
	case pass:
		nc.Status = NodePass
	default:
		nc.Status = NodeNotAssessed
		nc.Why = n.NotAssessed
		if nc.Why.IsZero() {
			nc.Why = checks.T("No check of this run assesses it (skipped, or not applicable).", "本次运行没有检查评价该项（已跳过或不适用）。")
		}
	}
	return nc
}
