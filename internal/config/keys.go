package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/didyoumean"
)

// checkKeys walks the file's node tree beside the Config type and refuses
// the first key no field takes, and the first value of the wrong shape,
// before yaml.v3 decodes: its own messages name Go types ("field lnag not
// found in type config.Config", "cannot unmarshal !!str into float64") and
// give a line without a column. Here the message gives the line and column,
// the section the key sits in and the known key it was probably meant to
// be.
func checkKeys(n *yaml.Node) error {
	if n == nil || n.Kind == 0 {
		return nil
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	return walkKeys(n, reflect.TypeOf(Config{}), "")
}

// where names a section for a message: "the top level" or "under thresholds".
func where(path string) string {
	if path == "" {
		return "at the top level"
	}
	return "under " + path
}

func walkKeys(n *yaml.Node, t reflect.Type, path string) error {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // an empty section keeps its defaults
	}
	if t == reflect.TypeOf(yaml.Node{}) {
		return nil // read as it comes
	}
	name := path
	if name == "" {
		name = "the file"
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return posErr(n, "%s: expected a section of keys (key: value lines), got %s", name, shape(n))
		}
		fields := map[string]reflect.StructField{}
		var known []string
		for i := range t.NumField() {
			f := t.Field(i)
			k, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if k == "" || k == "-" || !f.IsExported() {
				continue
			}
			fields[k] = f
			known = append(known, k)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			if !ok {
				msg := fmt.Sprintf("unknown key %q %s", k.Value, where(path))
				if s := didyoumean.Closest(k.Value, known); s != "" && utf8.RuneCountInString(k.Value) > 2 {
					msg += fmt.Sprintf("; did you mean %q?", s)
				} else {
					msg += fmt.Sprintf(" (known keys: %s)", strings.Join(known, ", "))
				}
				return posErr(k, "%s", msg)
			}
			if err := walkKeys(v, f.Type, join(path, k.Value)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return posErr(n, "%s: expected a section of keys (key: value lines), got %s", name, shape(n))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if t.Key().Kind() == reflect.Int {
				if _, err := strconv.Atoi(k.Value); err != nil {
					return posErr(k, "%s: expected a year (e.g. 2027) as the key, got %q", name, k.Value)
				}
			}
			if err := walkKeys(v, t.Elem(), join(path, k.Value)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.ScalarNode && t.Elem().Kind() == reflect.String {
			return posErr(n, "%s: expected a list (one \"- item\" a line, or [a, b]), got %q", name, n.Value)
		}
		if n.Kind != yaml.SequenceNode {
			return posErr(n, "%s: expected a list (one \"- item\" a line, or [a, b]), got %s", name, shape(n))
		}
		for i, item := range n.Content {
			if err := walkKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return posErr(n, "%s: expected a single value, got %s", name, shape(n))
		}
	case reflect.Int, reflect.Int64:
		if n.Kind != yaml.ScalarNode {
			return posErr(n, "%s: expected a whole number, got %s", name, shape(n))
		}
		// yaml.v3 would truncate 1.5 to 1 in silence: a whole number is
		// required as written.
		var i int64
		if err := n.Decode(&i); err != nil || n.ShortTag() != "!!int" {
			return posErr(n, "%s: expected a whole number, got %q", name, n.Value)
		}
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode {
			return posErr(n, "%s: expected a number, got %s", name, shape(n))
		}
		var f float64
		if err := n.Decode(&f); err != nil {
			return posErr(n, "%s: expected a number, got %q", name, n.Value)
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// shape says what a node is in the words of a YAML file's author.
func shape(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a section of keys"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}

// posErr is an error at a node: "line:col: message", the file's path put
// in front by Load.
func posErr(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%d:%d: %s", n.Line, n.Column, fmt.Sprintf(format, args...))
}
