package pack

import (
	"testing"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// The document register agrees with docs.control: an empty file, a blank
// PDF or an unfilled template is a placeholder, flagged red; a form with
// blanks is not.
func TestTheDocumentRegisterFlagsPlaceholders(t *testing.T) {
	p := &packer{o: Options{Lang: "en"}, cfg: config.Default(), asOf: dossier.Date{}}
	ev := map[string]*dossier.Evidence{
		"a.pdf": {Path: "a.pdf", Exists: true, Size: 900, Content: dossier.ContentBlank},
		"b.md":  {Path: "b.md", Exists: true, Size: 90, Content: dossier.ContentTemplate, Marker: "【请填写】"},
		"c.md":  {Path: "c.md", Exists: true, Size: 90, Content: dossier.ContentText},
		"d.pdf": {Path: "d.pdf", Exists: true, Size: 0},
	}
	p.d = &dossier.Dossier{Evidence: ev}
	for _, c := range []struct {
		file, kind, want string
	}{
		{"a.pdf", "manual", "placeholder file"},
		{"b.md", "procedure", "placeholder file"},
		{"b.md", "form", "current"},
		{"c.md", "procedure", "current"},
		{"d.pdf", "analysis", "placeholder file"},
	} {
		got, fill := p.docStatus(&dossier.Document{ID: "X", Kind: c.kind, File: c.file})
		if got != c.want || (c.want == "placeholder file") != (fill == &fillMajor) {
			t.Errorf("%s (%s): %q, fill %v; want %q", c.file, c.kind, got, fill, c.want)
		}
	}
}
