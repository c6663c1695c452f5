// Package schemagen derives the JSON Schema of each record type from the
// field table in internal/dossier, so the schemas in schemas/ cannot drift
// from the loaders. The schemas are committed (they are part of the
// product's public contract) and a test fails when they are stale; run
// `go test ./internal/schemagen -update` to rewrite them.
package schemagen

import (
	"bytes"
	"encoding/json"

	"github.com/certready/certready/internal/dossier"
)

// BaseURL is the $id prefix of every schema.
const BaseURL = "https://certready.dev/schemas/"

type obj = map[string]any

func fieldSchema(fl dossier.Field) obj {
	s := obj{"description": fl.DocEN + " / " + fl.DocZH}
	switch fl.Kind {
	case dossier.KString:
		s["type"] = "string"
		if fl.Pattern != "" {
			s["pattern"] = fl.Pattern
		}
	case dossier.KInt:
		s["type"] = "integer"
		s["minimum"] = 0
	case dossier.KNumber:
		s["type"] = "number"
		s["minimum"] = 0
	case dossier.KBool:
		s["type"] = "boolean"
	case dossier.KDate:
		s["type"] = "string"
		s["format"] = "date"
	case dossier.KExpiry:
		s["type"] = "string"
		s["anyOf"] = []obj{{"const": "indefinite"}, {"format": "date"}}
	case dossier.KDateTime:
		s["type"] = "string"
		s["format"] = "date-time"
	case dossier.KEnum:
		s["type"] = "string"
		s["enum"] = fl.Enum
	case dossier.KList:
		item := obj{"type": "string", "minLength": 1}
		if len(fl.Enum) > 0 {
			item["enum"] = fl.Enum
		}
		if fl.Pattern != "" {
			item["pattern"] = fl.Pattern
		}
		s["type"] = "array"
		s["items"] = item
	case dossier.KFile:
		s["type"] = "string"
		s["minLength"] = 1
	}
	return s
}

// Schema returns the JSON Schema (draft 2020-12) of one record of rt.
func Schema(rt dossier.RecordType) []byte {
	props := obj{}
	required := []string{}
	for _, fl := range rt.Fields {
		props[fl.Key] = fieldSchema(fl)
		if fl.Required {
			required = append(required, fl.Key)
		}
	}
	s := obj{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  BaseURL + rt.Name + ".schema.json",
		"title":                rt.Name,
		"description":          rt.DocEN + " / " + rt.DocZH,
		"type":                 "object",
		"additionalProperties": false,
		"required":             required,
		"properties":           props,
	}
	return encode(s)
}

// encode renders a schema with two-space indentation and keys sorted (as
// encoding/json sorts map keys), so the bytes are stable.
func encode(s obj) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err) // only maps of strings and numbers: cannot fail
	}
	return b.Bytes()
}
