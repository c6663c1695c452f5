package vocab

import "strings"

// NodeRef points at one node of a requirement tree, with what a reader
// needs to print it, so a Result renders without the trees themselves.
type NodeRef struct {
	// ID is tree:node, e.g. "iso10002:7.4" or "cn-scheme:S1.1".
	ID string `json:"id"`
	// Tree is the tree's id ("iso10002", "cn-scheme").
	Tree string `json:"tree"`
	// Num is the node's number within its tree ("7.4", "S1.1").
	Num string `json:"num"`
	// Label is how the node is cited, e.g. "ISO 10002:2018 7.4" or
	// "CB scheme S1.1"; LabelZH the same in Chinese.
	Label Text `json:"label"`
	// Title is the node's title.
	Title Text `json:"title"`
}

// ISOTree is the id of the ISO 10002:2018 / GB/T 19012-2019 clause tree.
const ISOTree = "iso10002"

// Cite renders the node as a reader cites it: clauses of the standard in
// the numbering label the run asked for ("ISO 10002:2018 7.4" or
// "GB/T 19012-2019 7.4"), other trees by their own label.
func (n NodeRef) Cite(standard, lang string) string {
	if n.Tree == ISOTree {
		return StandardLabel(standard, n.Num)
	}
	return n.Label.In(lang)
}

// StandardLabel renders a clause number as "ISO 10002:2018 7.4" or
// "GB/T 19012-2019 7.4".
func StandardLabel(standard, num string) string {
	if standard == "iso10002" {
		return "ISO 10002:2018 " + num
	}
	return "GB/T 19012-2019 " + num
}

// CiteAll renders the nodes a finding or check evidences: clauses of the
// standard under one label ("GB/T 19012-2019 7.4, 7.7"), other trees'
// nodes by their own ("CB scheme S1.1"), joined by "; ".
func CiteAll(refs []NodeRef, standard, lang string) string {
	var iso, parts []string
	for _, n := range refs {
		if n.Tree == ISOTree {
			iso = append(iso, n.Num)
		}
	}
	if len(iso) > 0 {
		parts = append(parts, StandardLabel(standard, strings.Join(iso, ", ")))
	}
	for _, n := range refs {
		if n.Tree != ISOTree {
			parts = append(parts, n.Cite(standard, lang))
		}
	}
	return strings.Join(parts, "; ")
}
