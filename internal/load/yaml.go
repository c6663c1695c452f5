package load

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
)

// readCapped reads at most max bytes and refuses a larger file before it is
// parsed: a 200 MB YAML file costs yaml.v3 several times its size in memory.
// A FIFO or a device in place of a YAML file is refused, not read.
func readCapped(path string, max int64) ([]byte, error) {
	b, err := infile.ReadFile(path, max, "CERTREADY_MAX_YAML_BYTES")
	if err != nil {
		var tl *infile.TooLargeError
		if errors.As(err, &tl) {
			return nil, tl
		}
		return nil, err
	}
	return b, nil
}

// yamlReader turns a YAML file into raw records. Every walk over the node
// tree spends from one budget, so an alias bomb ("billion laughs") that
// yaml.v3 would leave as a small tree of aliases cannot be expanded here.
type yamlReader struct {
	file   string // display name
	budget int
}

var errBudget = errors.New("document too large or too deeply aliased (CERTREADY_MAX_YAML_NODES)")

func (r *yamlReader) pos(n *yaml.Node) dossier.Pos {
	return dossier.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

// spend charges one node to the budget; running out is reported at the
// node being read, so the message names the file and the place.
func (r *yamlReader) spend(n *yaml.Node) error {
	r.budget--
	if r.budget < 0 {
		return &dossier.PosError{Pos: r.pos(n), Err: errBudget}
	}
	return nil
}

// parse reads the file's single document.
func (r *yamlReader) parse(b []byte) (*yaml.Node, error) {
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			c, size := utf8.DecodeRune(b[off:])
			if c == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line := bytes.Count(b[:off], []byte("\n")) + 1
		col := utf8.RuneCount(b[bytes.LastIndexByte(b[:off], '\n')+1:off]) + 1
		return nil, dossier.Errorf(dossier.Pos{File: r.file, Line: line, Col: col}, "file is not UTF-8 (byte offset %d); save it as UTF-8", off)
	}
	if err := r.precheck(b); err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, r.syntaxErr(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty file
	}
	if err := r.checkExpansion(doc.Content[0]); err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}

// precheck refuses, before yaml.v3 builds its node tree, a document that
// must hold more nodes than the budget: the tree costs a few hundred bytes
// a node, so 30 MB of "[1,1,1,…]" would take gigabytes before the budget
// could be counted on it. It counts, outside comments and quoted text,
// what is rarely written without a node: each line with content in block
// style, each flow collection opened, each comma between flow items. Only
// the lines of multi-line text count where no node is, so a document
// within the budget passes unless it holds millions of lines of text. The
// position is where the count crosses the budget.
func (r *yamlReader) precheck(b []byte) error {
	limit := r.budget
	n, line, col, depth := 0, 1, 0, 0
	content := false // the current line has something besides space
	var quote byte
	comment := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		col++
		if c == '\n' {
			if content && quote == 0 && depth == 0 {
				n++
			}
			line, col, content, comment = line+1, 0, false, false
			if quote == 0 && n > limit {
				return dossier.Errorf(dossier.Pos{File: r.file, Line: line - 1, Col: 1}, "the document holds more than %d nodes; refused before parsing (CERTREADY_MAX_YAML_NODES)", limit)
			}
			continue
		}
		switch {
		case comment:
		case quote == '"':
			if c == '\\' {
				i++
				col++
			} else if c == '"' {
				quote = 0
			}
		case quote == '\'':
			if c == '\'' {
				quote = 0 // a doubled '' reopens on the next byte: counted as one string either way
			}
		case c == '#' && (i == 0 || b[i-1] == ' ' || b[i-1] == '\t' || b[i-1] == '\n'):
			comment = true
		case c == '"' || c == '\'':
			quote = c
			content = true
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			content = true
		case c == '[' || c == '{' || (c == ',' && depth > 0):
			if c != ',' {
				depth++
			}
			n++
			content = true
			if n > limit {
				return dossier.Errorf(dossier.Pos{File: r.file, Line: line, Col: col}, "the document holds more than %d nodes; refused before parsing (CERTREADY_MAX_YAML_NODES)", limit)
			}
		case c != ' ' && c != '\t' && c != '\r':
			content = true
		}
	}
	return nil
}

// checkExpansion refuses a document whose aliases would expand to more
// nodes than the budget, before any walk and whatever its shape, so a
// billion-laughs file is refused for its size and not by the accident of
// where its first alias sits. Anchor sizes are memoised and saturate at
// the budget, so the check costs one pass over the nodes as written.
func (r *yamlReader) checkExpansion(root *yaml.Node) error {
	limit := r.budget
	memo := map[*yaml.Node]int{}
	var size func(n *yaml.Node) int
	size = func(n *yaml.Node) int {
		if n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				return 1
			}
			return min(1+size(n.Alias), limit+1)
		}
		// Only anchors can be reached twice, so only they are memoised.
		if n.Anchor != "" {
			if s, ok := memo[n]; ok {
				return s
			}
			memo[n] = limit + 1 // an anchor containing itself counts as too large
		}
		s := 1
		for _, c := range n.Content {
			if s += size(c); s > limit {
				s = limit + 1
				break
			}
		}
		if n.Anchor != "" {
			memo[n] = s
		}
		return s
	}
	// Walk the document as written, adding each alias's expansion, so the
	// error points at the alias that crosses the limit.
	total := 0
	var walk func(n *yaml.Node) error
	walk = func(n *yaml.Node) error {
		if n.Kind == yaml.AliasNode {
			total += size(n)
		} else {
			total++
		}
		if total > limit {
			return dossier.Errorf(r.pos(n), "the document expands to more than %d nodes, counting each *alias as a copy of its &anchor; refused (CERTREADY_MAX_YAML_NODES)", limit)
		}
		if n.Kind == yaml.AliasNode {
			return nil
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(root)
}

// syntaxErr positions a yaml.v3 error: "yaml: line 3: did not find
// expected key" becomes file:3: did not find expected key. yaml.v3 keeps
// only the line of a syntax error, so no column is given.
func (r *yamlReader) syntaxErr(err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[len(fmt.Sprintf("line %d:", line)):])
	}
	return &dossier.PosError{Pos: dossier.Pos{File: r.file, Line: line}, Err: fmt.Errorf("invalid YAML: %s", msg)}
}

func (r *yamlReader) deref(n *yaml.Node) (*yaml.Node, error) {
	for n.Kind == yaml.AliasNode {
		if err := r.spend(n); err != nil {
			return nil, err
		}
		n = n.Alias
	}
	return n, nil
}

// records converts the document to raw records: a mapping for single
// record types, a sequence of mappings otherwise.
func (r *yamlReader) records(rt *dossier.RecordType, root *yaml.Node) ([]rawRecord, error) {
	root, err := r.deref(root)
	if err != nil {
		return nil, err
	}
	if rt.Single {
		if root.Kind != yaml.MappingNode {
			return nil, dossier.Errorf(r.pos(root), "expected a mapping of %s fields", rt.Name)
		}
		rec, err := r.record(root)
		if err != nil {
			return nil, err
		}
		return []rawRecord{rec}, nil
	}
	if root.Kind != yaml.SequenceNode {
		return nil, dossier.Errorf(r.pos(root), "expected a list of %s records (each item starting with \"- \")", rt.Name)
	}
	if len(root.Content) > maxSheetRows {
		return nil, dossier.Errorf(r.pos(root.Content[maxSheetRows]), "more than %d %s records; a record list holds at most that many", maxSheetRows, rt.Name)
	}
	out := make([]rawRecord, 0, len(root.Content))
	for _, item := range root.Content {
		item, err := r.deref(item)
		if err != nil {
			return nil, err
		}
		if item.Kind != yaml.MappingNode {
			return nil, dossier.Errorf(r.pos(item), "expected a %s record (a mapping of field: value)", rt.Name)
		}
		rec, err := r.record(item)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}

func (r *yamlReader) record(m *yaml.Node) (rawRecord, error) {
	rec := rawRecord{Pos: r.pos(m)}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if err := r.spend(m.Content[i]); err != nil {
			return rec, err
		}
		k, err := r.deref(m.Content[i])
		if err != nil {
			return rec, err
		}
		v, err := r.deref(m.Content[i+1])
		if err != nil {
			return rec, err
		}
		if k.Kind != yaml.ScalarNode {
			return rec, dossier.Errorf(r.pos(k), "expected a field name")
		}
		if seen[k.Value] {
			return rec, dossier.Errorf(r.pos(k), "field %q appears twice in this record", k.Value)
		}
		seen[k.Value] = true
		// The position of a value is where the value starts, so an error
		// about it points at what to change.
		f := rawField{Key: k.Value, Pos: r.pos(v)}
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				continue
			}
			f.Text, f.YAMLTag = v.Value, v.Tag
			f.Number = v.Tag == "!!int" || v.Tag == "!!float"
		case yaml.SequenceNode:
			f.IsList = true
			for _, it := range v.Content {
				if err := r.spend(it); err != nil {
					return rec, err
				}
				it, err := r.deref(it)
				if err != nil {
					return rec, err
				}
				if it.Kind != yaml.ScalarNode {
					return rec, dossier.Errorf(r.pos(it), "%s: expected a list of plain values", k.Value)
				}
				f.List = append(f.List, it.Value)
			}
		default:
			return rec, dossier.Errorf(r.pos(v), "%s: expected a value or a list, not a nested mapping", k.Value)
		}
		rec.Fields = append(rec.Fields, f)
	}
	return rec, nil
}
