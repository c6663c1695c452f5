package schemagen

import (
	"path"
	"sort"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/schemas"
)

// Entry names one schema `certready schema` can print.
type Entry struct {
	Name        string // what `certready schema NAME` takes
	Description string
}

// ReportName is the schema name of the JSON audit report.
const ReportName = "report"

// Names lists every schema: each record type (one record, as validated
// after loading), the configuration, the JSON report, and each YAML file of
// a dossier directory as an editor sees it (what init writes beside the
// dossier).
func Names() []Entry {
	var out []Entry
	for _, rt := range dossier.Types() {
		out = append(out, Entry{rt.Name, "one " + rt.Name + " record, as validated after loading"})
	}
	out = append(out,
		Entry{ConfigName, config.FileName + ", the configuration"},
		Entry{ReportName, "the JSON audit report (certready audit --format json)"})
	for _, rt := range dossier.Types() {
		out = append(out, Entry{rt.File, "the " + rt.File + " file of a dossier directory, for editors"})
	}
	out = append(out, Entry{config.FileName, "the " + config.FileName + " file, for editors (same as " + ConfigName + ")"})
	sort.SliceStable(out, func(i, j int) bool { return path.Ext(out[i].Name) == "" && path.Ext(out[j].Name) != "" })
	return out
}

// Lookup returns the schema called name (see Names).
func Lookup(name string) ([]byte, bool) {
	if name == config.FileName {
		name = ConfigName
	}
	for _, rt := range dossier.Types() {
		if name == rt.File {
			return EditorSchema(rt), true
		}
	}
	b, err := schemas.FS.ReadFile(name + ".schema.json")
	if err != nil {
		return nil, false
	}
	return b, true
}

// EditorDir is where init writes the editor schemas, relative to the
// dossier directory; the YAML files' modelines point into it.
const EditorDir = ".certready/schemas"

// EditorFile is the file name, inside EditorDir, of the editor schema of
// the YAML file called yamlFile.
func EditorFile(yamlFile string) string { return yamlFile + ".schema.json" }

// EditorSchemas returns the schema of every YAML file of a dossier
// directory, the configuration included, by the file name it is written
// under in EditorDir.
func EditorSchemas() map[string][]byte {
	out := map[string][]byte{}
	for _, rt := range dossier.Types() {
		out[EditorFile(rt.File)] = EditorSchema(rt)
	}
	out[EditorFile(config.FileName)] = ConfigSchema()
	return out
}
