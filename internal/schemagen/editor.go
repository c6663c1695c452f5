package schemagen

import (
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/templates"
)

// EditorSchema returns the JSON Schema of one record type's YAML file as
// a person writes it, for editors (yaml-language-server reads it from the
// modeline init writes): a mapping for a single-record type, a list of
// records otherwise.
//
// It is more lenient than Schema, which checks a record after the loader
// has normalised it: an editor sees the raw file, where an empty "key:"
// (a field left blank in the skeleton), a Chinese enum label, a list
// written "a; b", yes/是, 1,200 or 2025/07/03 are all accepted by the
// loader. So it checks what the raw form can be checked for — field
// names, enum spellings, required keys — and describes the rest, leaving
// the final word to `certready validate`.
func EditorSchema(rt dossier.RecordType) []byte {
	props := obj{}
	required := []string{}
	for i := range rt.Fields {
		fl := &rt.Fields[i]
		props[fl.Key] = editorField(fl)
		if fl.Required {
			required = append(required, fl.Key)
		}
	}
	rec := obj{
		"type":                 "object",
		"additionalProperties": false,
		"required":             required,
		"properties":           props,
	}
	s := obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         BaseURL + "editor/" + rt.File + ".schema.json",
		"title":       rt.File,
		"description": rt.DocEN + " / " + rt.DocZH + ". Checked fully by `certready validate`.",
	}
	if rt.Single {
		for k, v := range rec {
			s[k] = v
		}
	} else {
		s["type"] = "array"
		s["items"] = rec
	}
	return encode(s)
}

func editorField(fl *dossier.Field) obj {
	desc := fl.EN + " / " + fl.ZH + " — " + templates.KindText(fl.Kind) + ". " + fl.DocEN + " / " + fl.DocZH
	if fl.Example != "" {
		desc += " (e.g. " + fl.Example + ")"
	}
	s := obj{"description": desc}
	scalar := []string{"string", "number", "boolean", "null"}
	switch {
	case fl.Kind == dossier.KEnum:
		s["enum"] = append(enumSpellings(fl), nil)
	case fl.Kind == dossier.KList:
		item := obj{"type": []string{"string", "number"}}
		if len(fl.Enum) > 0 {
			item = obj{"enum": enumSpellings(fl)}
		}
		// A list, or one string the loader splits on ; ， 、
		s["anyOf"] = []obj{{"type": "array", "items": item}, {"type": []string{"string", "null"}}}
	case fl.Kind == dossier.KBool:
		s["type"] = []string{"boolean", "string", "null"}
	case fl.Kind == dossier.KInt || fl.Kind == dossier.KNumber:
		s["anyOf"] = []obj{{"type": "number", "minimum": 0}, {"type": "string", "pattern": `^[0-9][0-9,]*(\.[0-9]+)?$`}, {"type": "null"}}
	default:
		s["type"] = scalar
	}
	return s
}

// enumSpellings are an enum's values followed by their Chinese labels,
// the spellings the loader accepts and an editor should offer.
func enumSpellings(fl *dossier.Field) []any {
	var out []any
	for _, v := range fl.Enum {
		out = append(out, v)
	}
	for _, v := range fl.Enum {
		if l := templates.EnumLabel(fl, v, templates.LangZH); l != v {
			out = append(out, l)
		}
	}
	return out
}
