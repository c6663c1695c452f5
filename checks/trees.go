package checks

import (
	"embed"
	"path"
	"sort"

	"github.com/certready/certready/internal/reqtree"
	"github.com/certready/certready/internal/vocab"
)

// The requirement trees are data: one YAML file per tree under trees/. A
// sector's rules arrive as one more file of kind sector.
//
//go:embed trees/*.yaml
var treeFiles embed.FS

// ISOTree is the id of the ISO 10002:2018 / GB/T 19012-2019 clause tree.
const ISOTree = vocab.ISOTree

// SchemeTree is the id of the Chinese certification bodies' scheme tree.
const SchemeTree = "cn-scheme"

// trees is parsed once; a malformed tree is a programming error caught by
// the catalogue tests, like a malformed check.
var trees = mustTrees()

func mustTrees() *reqtree.Set {
	names, err := treeFiles.ReadDir("trees")
	if err != nil {
		panic(err)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name() < names[j].Name() })
	var ts []*reqtree.Tree
	for _, e := range names {
		b, err := treeFiles.ReadFile(path.Join("trees", e.Name()))
		if err != nil {
			panic(err)
		}
		t, err := reqtree.Parse("checks/trees/"+e.Name(), b)
		if err != nil {
			panic(err)
		}
		ts = append(ts, t)
	}
	s, err := reqtree.NewSet(ts...)
	if err != nil {
		panic(err)
	}
	return s
}

// Trees returns every requirement tree: the standard, the CB scheme, and
// any sector trees.
func Trees() *reqtree.Set { return trees }

// NodeRefs lists the tree nodes a check evidences: its clauses of the
// standard first, then its nodes of other trees.
func (c *Check) NodeRefs() []vocab.NodeRef {
	var out []vocab.NodeRef
	for _, id := range c.nodeIDs() {
		t, n, err := trees.Resolve(id)
		if err != nil {
			continue // Register refused it already
		}
		out = append(out, t.Ref(n))
	}
	return out
}

// nodeIDs is every tree:num the check cites, clauses and principles of the
// standard included.
func (c *Check) nodeIDs() []string {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, cl := range c.Clauses {
		add(ISOTree + ":" + cl)
	}
	for _, n := range c.Nodes {
		add(n)
	}
	return out
}

// Covers reports whether the check assesses node id (tree:num): as a
// clause, a principle it evidences, or a node of another tree.
func (c *Check) Covers(id string) bool {
	for _, x := range c.nodeIDs() {
		if x == id {
			return true
		}
	}
	for _, p := range c.Principles {
		if ISOTree+":"+p == id {
			return true
		}
	}
	return false
}
