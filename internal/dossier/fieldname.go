package dossier

import (
	"path/filepath"
	"strings"
	"unicode"
)

// A message names a field the way the reader's own input names it: the
// header of their sheet or of their CSV file, the key of their YAML file.
// The internal key (contact_within_h) is what a YAML user typed, and only
// they meet it; a workbook user reads the column header they see.

// HeaderReporter is a complaint log that knows, once read, the header text
// each field was read from (key → header as the file wrote it).
type HeaderReporter interface {
	SourceHeaders() map[string]string
}

// SourceHeader is the header text the input used for a field of a record
// type, as written there ("Contact within (h) *", "工单号"), or "" when the
// input named no column for it (a YAML file, or a sheet without the column).
func (d *Dossier) SourceHeader(recordType, key string) string {
	if d == nil {
		return ""
	}
	if recordType == "complaints" && d.Complaints != nil {
		if hr, ok := d.Complaints.(HeaderReporter); ok {
			if h := hr.SourceHeaders()[key]; h != "" {
				return h
			}
		}
	}
	return d.Headers[recordType][key]
}

// fromYAML reports whether the record type's records are (or belong) in a
// YAML file of the dossier.
func (d *Dossier) fromYAML(recordType string) bool {
	if d == nil {
		return false
	}
	p, ok := d.Places[recordType]
	if !ok || p.Sheet != "" {
		return false
	}
	ext := strings.ToLower(filepath.Ext(p.File))
	return ext == ".yaml" || ext == ".yml"
}

// FieldName is how a message names a field for each language, quoted:
//   - English: the header the input used, as written (a workbook's own
//     English header, the CSV's header); the YAML key for a YAML file; for a
//     header in Chinese, the workbook's English header and it, in the
//     fill-in workbook's two-language form ("Contact limit (h) / 联系时限（小时）"); and
//     without any input, the fill-in workbook's English header.
//   - Chinese: the input's header when it is Chinese (an alias such as
//     工单号 included), else the workbook's Chinese header.
//
// d may be nil (the catalogue printed without a dossier): the workbook's
// headers then. An unknown field is named by its key.
func (d *Dossier) FieldName(recordType, key string) (en, zh string) {
	var fld *Field
	if rt, ok := TypeByName(recordType); ok {
		for i := range rt.Fields {
			if rt.Fields[i].Key == key {
				fld = &rt.Fields[i]
				break
			}
		}
	}
	if fld == nil {
		return key, key
	}
	en, zh = quote(fld.EN), quote(fld.ZH)
	h := cleanHeader(d.SourceHeader(recordType, key))
	switch {
	case h == "":
		switch {
		case d.fromYAML(recordType):
			en = key // the key the reader typed in their file
		case d.chineseSheet(recordType):
			// A column the reader's Chinese sheet lacks: they will add it
			// under its Chinese header.
			en = bilingual(fld.EN, fld.ZH)
		}
	case hasHan(h):
		hEN, hZH := splitBilingual(h)
		zh = quote(hZH)
		if hEN != "" {
			en = quote(hEN)
		} else {
			en = bilingual(fld.EN, hZH)
		}
	default:
		en = quote(h)
	}
	return en, zh
}

// chineseSheet reports whether the record type's sheet has Chinese headers.
func (d *Dossier) chineseSheet(recordType string) bool {
	if d == nil {
		return false
	}
	for _, h := range d.Headers[recordType] {
		if hasHan(h) {
			return true
		}
	}
	return false
}

// bilingual is a header in the fill-in workbook's two-language form,
// "Received at / 受理时间", which the loaders read as either half.
func bilingual(en, zh string) string { return quote(en + " / " + zh) }

func quote(s string) string { return "“" + s + "”" }

// cleanHeader drops the "*" marking a required column and outer spaces.
func cleanHeader(h string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "*＊"))
}

// splitBilingual splits a template header "Received at / 受理时间" into its
// English and Chinese halves; a header in one language is its Chinese half
// when it holds Chinese.
func splitBilingual(h string) (en, zh string) {
	if a, b, ok := strings.Cut(h, "/"); ok {
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		switch {
		case hasHan(b) && !hasHan(a):
			return a, b
		case hasHan(a) && !hasHan(b):
			return b, a
		}
	}
	return "", h
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
