package checks

import (
	"fmt"
	"regexp"

	"github.com/certready/certready/internal/dossier"
)

// A message names a field as the reader's own input names it: the header
// of their sheet or CSV file, the key of their YAML file (see
// dossier.FieldName). Two ways to write that:
//
//   - in a message built in Run, p.Field("documents", "contact_within_h")
//     gives the name in both languages;
//   - in a check's static Evidence, Remedy or Doc, and in a message, the
//     placeholder {{documents.contact_within_h}} is replaced by the same
//     name when the audit reports the finding (ResolveFields), and by the
//     fill-in workbook's header where no dossier is at hand (rules show).
//
// Never write the internal key in a message: a workbook user never sees it.

// Field names a field of a record type in both languages, quoted, as the
// dossier's input names it.
func (p *Pass) Field(recordType, key string) Text {
	en, zh := p.Dossier.FieldName(recordType, key)
	return T(en, zh)
}

// FieldList is the names of several fields, each language's in order.
type FieldList struct{ EN, ZH []string }

// Fields names several fields of a record type, as Field does.
func (p *Pass) Fields(recordType string, keys []string) FieldList {
	var l FieldList
	for _, k := range keys {
		en, zh := p.Dossier.FieldName(recordType, k)
		l.EN, l.ZH = append(l.EN, en), append(l.ZH, zh)
	}
	return l
}

// fieldNamed fills each language's format with the field's name in that
// language, as d's input names it (d may be nil), for texts built where no
// Pass is at hand.
func fieldNamed(d *dossier.Dossier, en, zh, recordType, key string) Text {
	fen, fzh := d.FieldName(recordType, key)
	return Text{EN: fmt.Sprintf(en, fen), ZH: fmt.Sprintf(zh, fzh)}
}

// fieldRef is the placeholder {{recordtype.key}}.
var fieldRef = regexp.MustCompile(`\{\{([a-z_]+)\.([a-z0-9_]+)\}\}`)

// ResolveFields replaces every {{recordtype.key}} placeholder of t with
// the field's name in each language, as d's input names it; d may be nil.
func ResolveFields(t Text, d *dossier.Dossier) Text {
	return T(resolveIn(t.EN, d, "en"), resolveIn(t.ZH, d, "zh"))
}

func resolveIn(s string, d *dossier.Dossier, lang string) string {
	if len(s) < 4 || !fieldRef.MatchString(s) {
		return s
	}
	return fieldRef.ReplaceAllStringFunc(s, func(m string) string {
		sub := fieldRef.FindStringSubmatch(m)
		en, zh := d.FieldName(sub[1], sub[2])
		if lang == "zh" {
			return zh
		}
		return en
	})
}

// FieldRefs lists the placeholders of a text as recordtype.key, for the
// catalogue test that every one names a real field.
func FieldRefs(t Text) []string {
	var out []string
	for _, s := range []string{t.EN, t.ZH} {
		for _, m := range fieldRef.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1]+"."+m[2])
		}
	}
	return out
}
