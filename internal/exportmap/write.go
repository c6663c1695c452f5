package exportmap

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/load"
)

func scalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }

func intNode(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func put(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, scalar(key), v)
}

// Node renders the proposal as the value of certready.yaml's complaints
// key, each proposed line commented with its confidence and reason.
func (pr *Proposal) Node(file string) *yaml.Node {
	m := mapping()
	m.HeadComment = fmt.Sprintf("Proposed by certready map from %d rows; confirm each line (confidence: high, medium, low).", pr.Rows)
	put(m, "file", scalar(file))
	if pr.Format == "xlsx" && pr.Sheet != "" {
		put(m, "sheet", scalar(pr.Sheet))
	}
	hr := intNode(pr.HeaderRow)
	hr.LineComment = "high: the first row naming complaint fields"
	put(m, "header_row", hr)
	if pr.Encoding != "" {
		e := scalar(pr.Encoding)
		e.LineComment = "high: the file is not UTF-8"
		put(m, "encoding", e)
	}
	if len(pr.Columns) > 0 {
		cols := mapping()
		for _, c := range pr.Columns {
			v := scalar(c.Field)
			v.LineComment = c.Confidence + ": " + c.Why
			put(cols, c.Header, v)
		}
		put(m, "columns", cols)
	}
	if len(pr.Values) > 0 {
		vals := mapping()
		var cur *yaml.Node
		field := ""
		for _, v := range pr.Values {
			if v.Field != field {
				field, cur = v.Field, mapping()
				put(vals, field, cur)
			}
			n := scalar(v.To)
			n.LineComment = fmt.Sprintf("%s: %s (%d rows)", v.Confidence, v.Why, v.Rows)
			put(cur, v.From, n)
		}
		put(m, "values", vals)
	}
	if pr.SatisfactionScale != "" {
		s := scalar(pr.SatisfactionScale)
		s.LineComment = "medium: " + pr.ScaleWhy
		put(m, "satisfaction_scale", s)
	}
	if len(pr.NotTracked) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, f := range pr.NotTracked {
			seq.Content = append(seq.Content, scalar(f))
		}
		seq.LineComment = "confirm: the export has no column for these"
		put(m, "not_tracked", seq)
	}
	return m
}

// Render writes the proposal as a certready.yaml fragment and, as
// comments, what could not be mapped.
func (pr *Proposal) Render(w io.Writer, file string) error {
	doc := mapping()
	put(doc, "complaints", pr.Node(file))
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	b.WriteString(pr.report())
	_, err := w.Write(b.Bytes())
	return err
}

// report lists, as YAML comments, the date forms seen and everything the
// proposal leaves open.
func (pr *Proposal) report() string {
	var b strings.Builder
	if len(pr.DateForms) > 0 {
		b.WriteString("# date forms seen (digits as 9):\n")
		for _, k := range sortedKeys(pr.DateForms) {
			fmt.Fprintf(&b, "#   %s: %s\n", k, strings.Join(pr.DateForms[k], ", "))
		}
	}
	list := func(title string, xs []string) {
		if len(xs) == 0 {
			return
		}
		fmt.Fprintf(&b, "# %s:\n", title)
		for _, x := range xs {
			fmt.Fprintf(&b, "#   %s\n", x)
		}
	}
	list("columns no field takes (the audit notes them as ignored)", pr.Unmapped)
	list("values nothing maps (those rows would be set aside as unreadable)", pr.UnmappedValues)
	list("certready fields no column fills", pr.Unfilled)
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// RelPath is the export's path as the dossier at dir names it:
// slash-separated, relative, and inside the dossier (the loader refuses a
// log outside it).
func RelPath(dir, export string) (string, error) {
	ad, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	ae, err := filepath.Abs(export)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(ad, ae)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the dossier %s: copy the export into the dossier first", export, dir)
	}
	return filepath.ToSlash(rel), nil
}

// Write puts the proposal into dir's certready.yaml as its complaints
// block, replacing any there, and keeps every other key and comment. The
// block is checked as the loader would check it first, and the file is
// replaced atomically.
func (pr *Proposal) Write(dir, file string) error {
	if err := load.CheckComplaintSource(pr.Source(file)); err != nil {
		return fmt.Errorf("the proposal does not load: %w", err)
	}
	path := filepath.Join(dir, config.FileName)
	var doc yaml.Node
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		b = nil
	case err != nil:
		return err
	}
	if len(bytes.TrimSpace(b)) > 0 {
		if err := yaml.Unmarshal(b, &doc); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	// A file of comments only (or nothing) parses to no document: its text
	// is kept as it is, above the new block.
	var keep []byte
	if doc.Kind == 0 || (doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 && doc.Content[0].Tag == "!!null") {
		keep = b
		if len(keep) > 0 && keep[len(keep)-1] != '\n' {
			keep = append(keep, '\n')
		}
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{mapping()}}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return fmt.Errorf("%s: expected a mapping at the top level", path)
	}
	root := doc.Content[0]
	block := pr.Node(file)
	replaced := false
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "complaints" {
			root.Content[i+1] = block
			replaced = true
			break
		}
	}
	if !replaced {
		put(root, "complaints", block)
	}
	var out bytes.Buffer
	out.Write(keep)
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	// The written file must read back as a configuration.
	tmp := out.Bytes()
	if err := checkConfig(tmp); err != nil {
		return fmt.Errorf("%s would not load after the change: %w", path, err)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := w.Write(tmp)
		return err
	})
}

// checkConfig loads b as certready.yaml from a scratch file.
func checkConfig(b []byte) error {
	f, err := os.CreateTemp("", "certready-map-*.yaml")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	_, err = config.Load(f.Name(), false)
	return err
}
