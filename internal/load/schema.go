package load

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/schemas"
)

// validator holds the compiled record schemas.
type validator struct {
	byName map[string]*jsonschema.Schema
}

// compiledSchemas compiles the embedded schemas once per process: they
// never change at run time, and compiling them costs more than loading a
// small dossier. jsonschema.Schema is safe for concurrent validation.
var compiledSchemas = sync.OnceValues(compileValidator)

func newValidator() (*validator, error) { return compiledSchemas() }

func compileValidator() (*validator, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	// Without AssertFormat, draft 2020-12 treats "format" as an annotation
	// and 2026-02-30 would pass as a date.
	c.AssertFormat = true
	v := &validator{byName: map[string]*jsonschema.Schema{}}
	for _, rt := range dossier.Types() {
		name := rt.Name + ".schema.json"
		b, err := schemas.FS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("embedded schema %s: %w", name, err)
		}
		url := "https://certready.dev/schemas/" + name
		if err := c.AddResource(url, bytes.NewReader(b)); err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		s, err := c.Compile(url)
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		v.byName[rt.Name] = s
	}
	return v, nil
}

var quotedName = regexp.MustCompile(`'([^']*)'`)

// check validates one record and reports every leaf error at the position
// of the field it concerns. required and additionalProperties errors sit
// on the record itself in JSON Schema, so their message names the key.
func (v *validator) check(rt *dossier.RecordType, obj map[string]any, rec dossier.Pos, pos map[string]dossier.Pos, errs *errorList) bool {
	err := v.byName[rt.Name].Validate(obj)
	if err == nil {
		return true
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		errs.add(rec, err)
		return false
	}
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	seen := map[string]bool{}
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].InstanceLocation < leaves[j].InstanceLocation })
	for _, l := range leaves {
		key := strings.TrimPrefix(l.InstanceLocation, "/")
		if i := strings.IndexByte(key, '/'); i >= 0 {
			key = key[:i]
		}
		at := rec
		if p, ok := pos[key]; ok && key != "" {
			at = p
		}
		var msg string
		switch {
		case strings.HasPrefix(l.Message, "missing properties"):
			names := quotedName.FindAllStringSubmatch(l.Message, -1)
			var parts []string
			for _, n := range names {
				if _, failed := pos["\x00failed:"+n[1]]; failed {
					continue
				}
				fl, _ := rt.Field(n[1])
				label := n[1]
				if fl != nil {
					label = fmt.Sprintf("%s (%s / %s)", n[1], fl.EN, fl.ZH)
				}
				parts = append(parts, label)
			}
			if len(parts) == 0 {
				continue
			}
			msg = fmt.Sprintf("%s record is missing required %s", rt.Name, strings.Join(parts, ", "))
		case strings.HasPrefix(l.Message, "additionalProperties"):
			for _, n := range quotedName.FindAllStringSubmatch(l.Message, -1) {
				p := rec
				if q, ok := pos[n[1]]; ok {
					p = q
				}
				m := unknownField(n[1], rt)
				if !seen[m] {
					seen[m] = true
					errs.add(p, fmt.Errorf("%s", m))
				}
			}
			continue
		case strings.Contains(l.KeywordLocation, "/enum"):
			fl, _ := rt.Field(key)
			allowed := ""
			if fl != nil {
				allowed = strings.Join(fl.Enum, ", ")
			}
			msg = fmt.Sprintf("%s: %s (expected one of: %s)", key, l.Message, allowed)
		default:
			msg = fmt.Sprintf("%s: %s", key, l.Message)
		}
		if !seen[msg] {
			seen[msg] = true
			errs.add(at, fmt.Errorf("%s", msg))
		}
	}
	return false
}

// unknownField words a key no field of rt takes, with the field it was
// probably meant to be.
func unknownField(got string, rt *dossier.RecordType) string {
	m := fmt.Sprintf("unknown field %q in %s (expected one of: %s)", got, rt.Name, fieldKeys(rt))
	cands := make([]string, len(rt.Fields))
	for i, f := range rt.Fields {
		cands[i] = f.Key
	}
	// A key of one or two letters ("id") is contained in too many names
	// for a guess to help.
	if g := suggest(got, cands); g != "" && utf8.RuneCountInString(got) > 2 {
		m += fmt.Sprintf("; did you mean %q?", g)
	}
	return m
}

func fieldKeys(rt *dossier.RecordType) string {
	keys := make([]string, len(rt.Fields))
	for i, f := range rt.Fields {
		keys[i] = f.Key
	}
	return strings.Join(keys, ", ")
}
