package schemagen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/templates"
)

// compile compiles one schema as an editor would load it.
func compile(t *testing.T, name string, b []byte) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	if err := c.AddResource(name, bytes.NewReader(b)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// yamlValue reads a YAML document as the JSON value an editor validates:
// scalars as YAML 1.2's core schema types them, so an unquoted date is a
// string, as yaml-language-server sees it.
func yamlValue(t *testing.T, b []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(b, &n); err != nil {
		t.Fatal(err)
	}
	if len(n.Content) == 0 {
		return nil
	}
	return nodeValue(n.Content[0])
}

func nodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return nodeValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = nodeValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, nodeValue(c))
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		return json.Number(n.Value)
	}
	return n.Value
}

func TestEditorSchemasAcceptTheShippedExamplesAndTheInitSkeleton(t *testing.T) {
	skeleton := map[string][]byte{}
	for _, f := range templates.DirFiles(templates.Examples(), templates.DirOptions{Skeleton: true}) {
		var b bytes.Buffer
		if err := f.Write(&b); err != nil {
			t.Fatal(err)
		}
		skeleton[f.Name] = b.Bytes()
	}
	for name, schema := range EditorSchemas() {
		file := strings.TrimSuffix(name, ".schema.json")
		s := compile(t, name, schema)
		inputs := map[string][]byte{"init skeleton " + file: skeleton[file]}
		if b, err := os.ReadFile(filepath.Join("..", "..", "examples", "ready-org", file)); err == nil {
			inputs["examples/ready-org/"+file] = b
		}
		for what, b := range inputs {
			if b == nil {
				t.Errorf("%s: no such file", what)
				continue
			}
			if err := s.Validate(yamlValue(t, b)); err != nil {
				t.Errorf("%s does not pass %s: %v", what, name, err)
			}
		}
	}
}

func TestEditorSchemasFlagWhatTheLoaderRefuses(t *testing.T) {
	rt, _ := dossier.TypeByName("channels")
	s := compile(t, "channels", EditorSchema(rt))
	for _, tc := range []struct{ name, doc string }{
		{"an unknown field", "- {id: CH1, colour: red}"},
		{"an enum value the loader does not know", "- {id: CH1, type: carrier_pigeon}"},
		{"a mapping where a list of records belongs", "id: CH1"},
	} {
		if err := s.Validate(yamlValue(t, []byte(tc.doc))); err == nil {
			t.Errorf("%s passes the editor schema", tc.name)
		}
	}
	for _, ok := range []string{
		"- {id: CH1, type: 电话, name: 热线, free: 是, published: 网站；门店}",
		"- id: CH1\n  type: phone\n  name: hotline\n  free: yes\n  published: [website]\n  accessible:\n",
	} {
		if err := s.Validate(yamlValue(t, []byte(ok))); err != nil {
			t.Errorf("%s: refused, though the loader reads it: %v", ok, err)
		}
	}
}

func TestTheConfigSchemaAcceptsRealConfigurationsAndRefusesTypos(t *testing.T) {
	s := compile(t, "config", ConfigSchema())
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*", config.FileName))
	more, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.certready.yaml"))
	paths = append(paths, more...)
	if len(paths) == 0 {
		t.Fatal("no example configuration found")
	}
	inputs := map[string][]byte{"init skeleton": templates.ConfigSkeleton()}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs[p] = b
	}
	inputs["a calendar year with ranges"] = []byte("calendar:\n  2027:\n    source: notice\n    holidays: [2027-01-01, 2027-02-06..2027-02-12]\n    workdays: [2027-01-31]\n")
	for what, b := range inputs {
		if err := s.Validate(yamlValue(t, b)); err != nil {
			t.Errorf("%s does not pass the config schema: %v", what, err)
		}
	}
	for _, bad := range []string{
		"thresholds: {ack_hour: 24}",
		"lang: fr",
		"thresholds: {cutoff: 5pm}",
		"calendar: {2027: {holiday: [2027-01-01]}}",
		"waivers: [{check: org.uscc}]",
	} {
		if err := s.Validate(yamlValue(t, []byte(bad))); err == nil {
			t.Errorf("%q passes the config schema", bad)
		}
	}
}
