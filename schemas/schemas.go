// Package schemas embeds the JSON Schemas of the dossier's record types
// (generated from the field table; see internal/schemagen) and of the JSON
// audit report.
package schemas

import "embed"

// FS holds every *.schema.json file of this directory.
//
//go:embed *.schema.json
var FS embed.FS
