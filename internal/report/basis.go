package report

import (
	"fmt"
	"sort"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/reqtree"
	"github.com/certready/certready/internal/vocab"
)

// cite renders the nodes a finding or check evidences.
func cite(o Options, refs []vocab.NodeRef) string { return vocab.CiteAll(refs, o.Standard, o.Lang) }

// basisText says what a finding stands on.
func basisText(o Options, b vocab.Basis, note vocab.Text) string {
	return vocab.BasisText(b, note, o.Lang)
}

// basisLine is the labelled basis line printed under a finding.
func basisLine(o Options, f audit.Finding) string {
	return L(o, "basis: ", "依据：") + basisText(o, f.Basis, f.BasisNote)
}

// nodeGroup is the findings cited under one node.
type nodeGroup struct {
	Node     vocab.NodeRef
	Findings []audit.Finding
}

// groupByNode groups findings by the first node each cites: clauses of the
// standard first in clause order, then the scheme's and other trees' nodes.
func groupByNode(r *audit.Result) []nodeGroup {
	idx := map[string]int{}
	var out []nodeGroup
	for _, f := range r.Findings {
		var n vocab.NodeRef
		if len(f.Nodes) > 0 {
			n = f.Nodes[0]
		}
		i, ok := idx[n.ID]
		if !ok {
			i = len(out)
			idx[n.ID] = i
			out = append(out, nodeGroup{Node: n})
		}
		out[i].Findings = append(out[i].Findings, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return nodeLess(out[i].Node, out[j].Node) })
	return out
}

// nodeLess orders nodes as reports list them: clauses of the standard in
// clause order, then other trees' nodes by tree and number.
func nodeLess(a, b vocab.NodeRef) bool {
	treeRank := func(t string) int {
		if t == vocab.ISOTree {
			return 0
		}
		return 1
	}
	if ra, rb := treeRank(a.Tree), treeRank(b.Tree); ra != rb {
		return ra < rb
	}
	if a.Tree != b.Tree {
		return a.Tree < b.Tree
	}
	return reqtree.CompareNums(a.Num, b.Num) < 0
}

// nodeHeading is a group's heading: the node cited and its title.
func nodeHeading(o Options, n vocab.NodeRef) string {
	return n.Cite(o.Standard, o.Lang) + " " + n.Title.In(o.Lang)
}

// coverageStatusLabel names a coverage state for people.
func coverageStatusLabel(o Options, s string) string { return audit.CoverageLabel(s).In(o.Lang) }

// coverageSummary is one line per tree on its coverage.
func coverageSummary(o Options, tc audit.TreeCoverage) string { return tc.Summary().In(o.Lang) }

// eligibilityText is the earliest application date as people read it.
func eligibilityText(o Options, r *audit.Result) string { return r.EligibilityText().In(o.Lang) }

// partialLine is the first line of every output of a partial audit.
func partialLine(o Options, r *audit.Result) string {
	return L(o, "PARTIAL AUDIT: "+vocab.Count(len(r.Skipped), "check")+" skipped (--only/--skip); no verdict is given", fmt.Sprintf("部分评估：跳过 %d 项检查（--only/--skip），不作结论", len(r.Skipped)))
}

// scoreText is the score proven and awaiting evidence.
func scoreText(o Options, r *audit.Result) string { return r.ScoreText().In(o.Lang) }
