package checks

import (
	"strings"
	"testing"

	"github.com/certready/certready/internal/dossier"
)

// Every {{recordtype.key}} placeholder in the catalogue names a real field,
// and no resolved text keeps a placeholder.
func TestFieldPlaceholdersNameRealFields(t *testing.T) {
	n := 0
	for _, c := range All() {
		for _, txt := range []Text{c.Evidence, c.Remedy, c.Doc} {
			for _, ref := range FieldRefs(txt) {
				n++
				typ, key, _ := strings.Cut(ref, ".")
				if en, _ := (*dossier.Dossier)(nil).FieldName(typ, key); en == key {
					t.Errorf("%s: {{%s}} names no field", c.ID, ref)
				}
			}
			if r := ResolveFields(txt, nil); fieldRef.MatchString(r.EN + r.ZH) {
				t.Errorf("%s: unresolved placeholder in %q", c.ID, r.EN+r.ZH)
			}
		}
	}
	if n == 0 {
		t.Fatal("no placeholder in the catalogue: the test proves nothing")
	}
}

func TestAFieldIsNamedByTheHeaderOfTheReadersInput(t *testing.T) {
	wb := &dossier.Dossier{Headers: map[string]map[string]string{
		"documents": {"contact_within_h": "Contact within (hours) *", "solution_within_h": "初步解决时限（小时）"},
		"surveys":   {"complaint_handling_score": "Complaint-handling satisfaction (%) / 投诉处理满意度（%）", "id": "编号"},
	}}
	yaml := &dossier.Dossier{Places: map[string]dossier.Pos{"documents": {File: "dossier/documents.yaml"}}}
	for _, c := range []struct {
		name       string
		d          *dossier.Dossier
		typ, key   string
		wantEN, zh string
	}{
		{"a workbook's own English header", wb, "documents", "contact_within_h", "“Contact within (hours)”", "“联系时限（小时）”"},
		{"a workbook's Chinese header", wb, "documents", "solution_within_h", "“Initial solution limit (h) / 初步解决时限（小时）”", "“初步解决时限（小时）”"},
		{"the template's bilingual header", wb, "surveys", "complaint_handling_score", "“Complaint-handling satisfaction (%)”", "“投诉处理满意度（%）”"},
		{"a column a Chinese sheet lacks", wb, "surveys", "date", "“Date / 调查日期”", "“调查日期”"},
		{"a YAML file's key", yaml, "documents", "contact_within_h", "contact_within_h", "“联系时限（小时）”"},
		{"no dossier: the fill-in workbook", nil, "documents", "contact_within_h", "“Contact limit (h)”", "“联系时限（小时）”"},
	} {
		en, zh := c.d.FieldName(c.typ, c.key)
		if en != c.wantEN || zh != c.zh {
			t.Errorf("%s: got %s / %s, want %s / %s", c.name, en, zh, c.wantEN, c.zh)
		}
	}
}
