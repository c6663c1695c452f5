// Package reqtree holds requirement trees: the clauses of a standard, the
// rules of a certification scheme or of a sector, each as a tree of nodes
// with a bilingual title and a flag saying whether a check can assess it.
// Checks point at nodes; coverage is computed over the tree, so a node no
// check assesses shows as "not assessed" instead of vanishing.
package reqtree

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/vocab"
)

// Kind says what a tree is; it also fixes the default basis of its nodes.
type Kind string

// The kinds of tree.
const (
	KindStandard Kind = "standard" // ISO 10002:2018 / GB/T 19012-2019
	KindScheme   Kind = "scheme"   // a certification body's scheme
	KindSector   Kind = "sector"   // a sector's laws and regulators' rules
)

// Node is one requirement.
type Node struct {
	Num        string     `yaml:"num"`
	Parent     string     `yaml:"parent"`
	Title      vocab.Text `yaml:"title"`
	Assessable bool       `yaml:"assessable"`
	// Note explains a node nothing can assess automatically, or what the
	// node stands on (a rule's source).
	Note vocab.Text `yaml:"note"`
	// NotAssessed says why no check assesses an assessable node yet; a
	// catalogue test fails for an assessable node with neither a check
	// nor this reason.
	NotAssessed vocab.Text `yaml:"not_assessed"`
}

// Tree is one requirement tree.
type Tree struct {
	ID    string     `yaml:"id"`
	Kind  Kind       `yaml:"kind"`
	Title vocab.Text `yaml:"title"`
	// Cite is how a node of this tree is cited, before its number
	// ("CB scheme", "认证规则").
	Cite vocab.Text `yaml:"cite"`
	// Source names the public text the tree follows.
	Source vocab.Text `yaml:"source"`
	// Sectors lists the organisation sectors a sector tree's rules apply
	// to (organisation.sector, or sector in certready.yaml).
	Sectors []string `yaml:"sectors"`
	Nodes   []Node   `yaml:"nodes"`

	byNum map[string]*Node
}

// Parse reads one tree from YAML and checks its shape: unique numbers,
// parents that exist and come first, bilingual titles.
func Parse(name string, b []byte) (*Tree, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var t Tree
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case t.ID == "" || strings.Contains(t.ID, ":"):
		return nil, fmt.Errorf("%s: tree id %q is empty or contains ':'", name, t.ID)
	case t.Kind != KindStandard && t.Kind != KindScheme && t.Kind != KindSector:
		return nil, fmt.Errorf("%s: tree %s: kind %q is not standard, scheme or sector", name, t.ID, t.Kind)
	case t.Title.EN == "" || t.Title.ZH == "" || t.Cite.EN == "" || t.Cite.ZH == "":
		return nil, fmt.Errorf("%s: tree %s lacks a bilingual title or cite label", name, t.ID)
	case t.Kind == KindSector && len(t.Sectors) == 0:
		return nil, fmt.Errorf("%s: sector tree %s names no sectors it applies to", name, t.ID)
	}
	t.byNum = map[string]*Node{}
	for i := range t.Nodes {
		n := &t.Nodes[i]
		switch {
		case n.Num == "":
			return nil, fmt.Errorf("%s: node %d has no num", name, i)
		case t.byNum[n.Num] != nil:
			return nil, fmt.Errorf("%s: node %s appears twice", name, n.Num)
		case n.Title.EN == "" || n.Title.ZH == "":
			return nil, fmt.Errorf("%s: node %s lacks a bilingual title", name, n.Num)
		case n.Parent != "" && t.byNum[n.Parent] == nil:
			return nil, fmt.Errorf("%s: node %s: parent %s is not listed before it", name, n.Num, n.Parent)
		}
		t.byNum[n.Num] = n
	}
	return &t, nil
}

// Node returns a node by number.
func (t *Tree) Node(num string) (*Node, bool) {
	n, ok := t.byNum[num]
	return n, ok
}

// Ref builds the reference a result carries for a node of this tree.
func (t *Tree) Ref(n *Node) vocab.NodeRef {
	return vocab.NodeRef{
		ID: t.ID + ":" + n.Num, Tree: t.ID, Num: n.Num, Title: n.Title,
		Label: vocab.T(t.Cite.EN+" "+n.Num, t.Cite.ZH+" "+n.Num),
	}
}

// Assessable lists the nodes a check can assess, in tree order.
func (t *Tree) Assessable() []*Node {
	var out []*Node
	for i := range t.Nodes {
		if t.Nodes[i].Assessable {
			out = append(out, &t.Nodes[i])
		}
	}
	return out
}

// Depth is how many ancestors a node has.
func (t *Tree) Depth(n *Node) int {
	d := 0
	for n.Parent != "" {
		n = t.byNum[n.Parent]
		d++
	}
	return d
}

// Set is every tree the catalogue knows, by id.
type Set struct {
	trees map[string]*Tree
	order []string
}

// NewSet collects trees; ids must be unique.
func NewSet(ts ...*Tree) (*Set, error) {
	s := &Set{trees: map[string]*Tree{}}
	for _, t := range ts {
		if s.trees[t.ID] != nil {
			return nil, fmt.Errorf("tree %s defined twice", t.ID)
		}
		s.trees[t.ID] = t
		s.order = append(s.order, t.ID)
	}
	sort.SliceStable(s.order, func(i, j int) bool { return kindRank(s.trees[s.order[i]].Kind) < kindRank(s.trees[s.order[j]].Kind) })
	return s, nil
}

func kindRank(k Kind) int {
	switch k {
	case KindStandard:
		return 0
	case KindScheme:
		return 1
	}
	return 2
}

// Trees lists the trees: the standard first, then schemes, then sectors.
func (s *Set) Trees() []*Tree {
	out := make([]*Tree, len(s.order))
	for i, id := range s.order {
		out[i] = s.trees[id]
	}
	return out
}

// Tree returns one tree.
func (s *Set) Tree(id string) (*Tree, bool) {
	t, ok := s.trees[id]
	return t, ok
}

// Resolve looks up "tree:num".
func (s *Set) Resolve(id string) (*Tree, *Node, error) {
	tid, num, ok := strings.Cut(id, ":")
	if !ok {
		return nil, nil, fmt.Errorf("node %q is not tree:num", id)
	}
	t, ok := s.trees[tid]
	if !ok {
		return nil, nil, fmt.Errorf("node %q: no tree %q", id, tid)
	}
	n, ok := t.Node(num)
	if !ok {
		return nil, nil, fmt.Errorf("node %q: tree %s has no node %s", id, tid, num)
	}
	return t, n, nil
}

// CompareNums orders node numbers as a reader does: "4.2" before "4.10",
// "S1.2" before "S2".
func CompareNums(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if c := compareSeg(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return len(pa) - len(pb)
}

func compareSeg(a, b string) int {
	pre := func(s string) (string, int, bool) {
		i := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
		if i < 0 {
			return s, 0, false
		}
		n, err := strconv.Atoi(s[i:])
		return s[:i], n, err == nil
	}
	sa, na, oka := pre(a)
	sb, nb, okb := pre(b)
	if sa != sb || !oka || !okb {
		return strings.Compare(a, b)
	}
	return na - nb
}
