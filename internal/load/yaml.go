package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/dossier"
)

// readCapped reads at most max bytes and refuses a larger file before it is
// parsed: a 200 MB YAML file costs yaml.v3 several times its size in memory.
func readCapped(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("file is larger than the %d-byte limit (limits.max_yaml_bytes)", max)
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

var errBudget = errors.New("document too large or too deeply aliased (limits.max_yaml_nodes)")

func (r *yamlReader) pos(n *yaml.Node) dossier.Pos {
	return dossier.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *yamlReader) spend() error {
	r.budget--
	if r.budget < 0 {
		return errBudget
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
		return nil, dossier.Errorf(dossier.Pos{File: r.file, Line: line}, "file is not UTF-8 (byte offset %d); save it as UTF-8", off)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s:%w", r.file, yamlErr(err))
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty file
	}
	return doc.Content[0], nil
}

// yamlErr turns "yaml: line 3: did not find expected key" into " 3: …" so
// the caller's "file:" prefix reads file:3: ….
func yamlErr(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return fmt.Errorf(" %s", te.Errors[0])
	}
	msg := err.Error()
	var line int
	var rest string
	if n, _ := fmt.Sscanf(msg, "yaml: line %d:", &line); n == 1 {
		rest = msg[len(fmt.Sprintf("yaml: line %d:", line)):]
		return fmt.Errorf("%d:%s", line, rest)
	}
	return fmt.Errorf(" %s", msg)
}

func (r *yamlReader) deref(n *yaml.Node) (*yaml.Node, error) {
	for n.Kind == yaml.AliasNode {
		if err := r.spend(); err != nil {
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
		if err := r.spend(); err != nil {
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
				if err := r.spend(); err != nil {
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
