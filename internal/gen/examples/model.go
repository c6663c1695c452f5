package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/dossier"
)

// date is a calendar date ("2026-03-01"). YAML writes it plain; a workbook
// writes it as a real Excel date cell or as text, as the sheet chooses, so
// the examples exercise both readings.
type date string

// kv is one field of a record: the canonical key and its value (string,
// date, int, float64 or []string).
type kv struct {
	k string
	v any
}

// rec is one record, its fields in the order they are written.
type rec []kv

// get returns the value of a field, or nil.
func (r rec) get(k string) any {
	for _, f := range r {
		if f.k == k {
			return f.v
		}
	}
	return nil
}

// table is the records of one record type.
type table struct {
	name string
	recs []rec
}

// recordType looks a record type up in the spec; an unknown name is a bug
// in the generator.
func recordType(name string) (dossier.RecordType, error) {
	rt, ok := dossier.TypeByName(name)
	if !ok {
		return rt, fmt.Errorf("no record type %q", name)
	}
	return rt, nil
}

// checkKeys refuses a field the spec does not define, so a typo in the
// generator fails here rather than as a load error in the example.
func checkKeys(rt *dossier.RecordType, r rec) error {
	for _, f := range r {
		if _, ok := rt.Field(f.k); !ok {
			return fmt.Errorf("%s: unknown field %q", rt.Name, f.k)
		}
	}
	return nil
}

// yamlFile renders a table as the YAML file of a dossier directory: a
// mapping for single-record types, a sequence of mappings otherwise.
func yamlFile(t table, comment string) ([]byte, error) {
	rt, err := recordType(t.name)
	if err != nil {
		return nil, err
	}
	var root *yaml.Node
	if rt.Single {
		if len(t.recs) != 1 {
			return nil, fmt.Errorf("%s: expected one record, got %d", t.name, len(t.recs))
		}
		if root, err = mappingNode(&rt, t.recs[0]); err != nil {
			return nil, err
		}
	} else {
		root = &yaml.Node{Kind: yaml.SequenceNode}
		for _, r := range t.recs {
			m, err := mappingNode(&rt, r)
			if err != nil {
				return nil, err
			}
			root.Content = append(root.Content, m)
		}
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: comment, Content: []*yaml.Node{root}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", t.name, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", t.name, err)
	}
	return b.Bytes(), nil
}

func mappingNode(rt *dossier.RecordType, r rec) (*yaml.Node, error) {
	if err := checkKeys(rt, r); err != nil {
		return nil, err
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range r {
		v, err := valueNode(f.v)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", rt.Name, f.k, err)
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.k}, v)
	}
	return m, nil
}

// valueNode types a value: strings are tagged !!str so the encoder quotes
// those that would otherwise read as numbers (phone numbers, versions);
// dates, numbers and yes/no are left plain, as a person would type them.
func valueNode(v any) (*yaml.Node, error) {
	switch x := v.(type) {
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: x}, nil
	case date:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: string(x)}, nil
	case yesno:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: x.String()}, nil
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.Itoa(x)}, nil
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Value: fmtFloat(x)}, nil
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range x {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
		}
		return n, nil
	}
	return nil, fmt.Errorf("unsupported value %T", v)
}

// yesno is a yes/no field.
type yesno bool

func (y yesno) String() string {
	if y {
		return "yes"
	}
	return "no"
}

// zh spells the value as a Chinese workbook would.
func (y yesno) zh() string {
	if y {
		return "是"
	}
	return "否"
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// cellText renders a value as the text of one workbook or CSV cell.
func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case date:
		return string(x)
	case yesno:
		return x.zh()
	case int:
		return strconv.Itoa(x)
	case float64:
		return fmtFloat(x)
	case []string:
		return strings.Join(x, "; ")
	}
	return fmt.Sprint(v)
}
