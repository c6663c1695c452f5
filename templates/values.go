package templates

import (
	"slices"
	"strings"
	"time"

	"github.com/certready/certready/internal/cellsafe"
	"github.com/certready/certready/internal/dossier"
)

// Value is one field of a record in canonical text form, the form the
// loader's normaliser produces: dates as YYYY-MM-DD, date-times as
// "YYYY-MM-DD HH:MM" (":SS" when the seconds are not zero) in the dossier's
// zone, yes/no for booleans, "indefinite" or a date for an expiry, decimal
// numbers, enum values in their canonical spelling. Each writer turns it
// into its own representation (an Excel date serial, a YAML boolean, a
// Chinese dropdown label).
type Value struct {
	Text string   // scalar kinds
	List []string // KList: the items, already split
}

// Record is one record: field key to value. A key that is absent was
// absent in the input; writers leave the cell empty or the key out.
type Record map[string]Value

// Data is what a writer writes: the records of every record type that is
// present, and the complaint log.
type Data struct {
	// Records holds the records of each present record type by name. A
	// type missing from the map gets no sheet and no file; a type mapped
	// to an empty slice gets an empty sheet or file, so "the sheet exists
	// but is empty" survives a conversion.
	Records map[string][]Record
	// Complaints calls fn once per row of the complaint log, in order; nil
	// when the dossier has no log. It may be called more than once (the
	// workbook writer counts rows first), so it must start over each time.
	Complaints func(fn func(Record) error) error
}

// Languages accepted by the writers: sheet names, dropdown labels and the
// spelling of yes/no and indefinite follow it; headers are always bilingual.
const (
	LangEN = "en"
	LangZH = "zh"
)

// Examples returns the spec's example values as data: one record per record
// type (the example row of the template), complaint log included.
func Examples() *Data {
	d := &Data{Records: map[string][]Record{}}
	var complaint Record
	for _, rt := range dossier.Types() {
		rec := Record{}
		for _, fl := range rt.Fields {
			if v, ok := exampleValue(&fl); ok {
				rec[fl.Key] = v
			}
		}
		if rt.Name == "complaints" {
			complaint = rec
			continue
		}
		d.Records[rt.Name] = []Record{rec}
	}
	d.Complaints = func(fn func(Record) error) error { return fn(complaint) }
	return d
}

// exampleValue turns a spec example into canonical text. The examples are
// written for people ("长期", "P01; P02"), so they are normalised the way
// the loader would read them.
func exampleValue(fl *dossier.Field) (Value, bool) {
	ex := strings.TrimSpace(fl.Example)
	if ex == "" {
		return Value{}, false
	}
	switch fl.Kind {
	case dossier.KList:
		return Value{List: SplitList(ex)}, true
	case dossier.KExpiry:
		if dossier.IsIndefinite(ex) {
			return Value{Text: Indefinite}, true
		}
	case dossier.KBool:
		if b, ok := parseBool(ex); ok {
			return Value{Text: BoolText(b)}, true
		}
	}
	return Value{Text: ex}, true
}

// Indefinite is the canonical text of an expiry without end.
const Indefinite = "indefinite"

// BoolText is the canonical text of a boolean.
func BoolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "true", "是":
		return true, true
	case "no", "false", "否":
		return false, true
	}
	return false, false
}

// ListSeparator joins list items in one cell. The loader also splits on
// "；", "、", "," and new lines, so an item holding any of those cannot be
// written to a cell without becoming two items (see SplitsInCell).
const ListSeparator = "; "

// SplitList splits a cell the way the loader does.
func SplitList(s string) []string {
	var out []string
	for _, x := range strings.FieldsFunc(s, isListSep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func isListSep(r rune) bool {
	return r == ';' || r == '；' || r == '、' || r == ',' || r == '，' || r == '\n' || r == '\r'
}

// SplitsInCell reports whether a list item would be split into several
// when its list is written to one spreadsheet cell and read back.
func SplitsInCell(item string) bool { return strings.ContainsFunc(item, isListSep) }

// FormatDateTime renders an instant as canonical date-time text in loc.
func FormatDateTime(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if t.Second() != 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}

// SafeCell neutralises formula-like text; see cellsafe.Escape.
func SafeCell(s string) string { return cellsafe.Escape(s) }

// UnsafeCell reverses SafeCell; see cellsafe.Unescape.
func UnsafeCell(s string) string { return cellsafe.Unescape(s) }

// labelSet picks the label table of a field by its enum, since "type" and
// "status" mean different things in different record types.
func labelSet(fl *dossier.Field) map[string]string {
	for _, e := range []struct {
		enum []string
		name string
	}{
		{dossier.Sectors, "sector"}, {dossier.LicenceTypes, "licence"}, {dossier.DocumentKinds, "document"},
		{dossier.ChannelTypes, "channel"}, {dossier.Complexities, "complexity"}, {dossier.RiskLevels, "risk"},
		{dossier.Statuses, "status"}, {dossier.Satisfactions, "satisfaction"}, {dossier.ActionStatuses, "action"},
		{dossier.PersonRoles, "role"}, {dossier.TrainingTopics, "topic"}, {dossier.Equipment, "equipment"},
	} {
		if slices.Equal(fl.Enum, e.enum) {
			return dossier.EnumLabelsZH[e.name]
		}
	}
	if len(fl.Enum) == 0 {
		for _, t := range []struct {
			terms []string
			name  string
		}{{dossier.CoverElements, "element"}, {dossier.ReviewInputs, "review_input"}, {dossier.ReviewOutputs, "review_output"}} {
			if slices.Equal(fl.Terms, t.terms) {
				return dossier.EnumLabelsZH[t.name]
			}
		}
	}
	return nil
}

// EnumLabel is how an enum value is offered in a sheet of the given
// language: the Chinese label in Chinese sheets when the loader accepts
// one, the canonical value otherwise.
func EnumLabel(fl *dossier.Field, value, lang string) string {
	if lang == LangZH {
		if l, ok := labelSet(fl)[value]; ok {
			return l
		}
	}
	return value
}

// EnumLabels lists the dropdown entries of an enum field.
func EnumLabels(fl *dossier.Field, lang string) []string {
	out := make([]string, len(fl.Enum))
	for i, v := range fl.Enum {
		out[i] = EnumLabel(fl, v, lang)
	}
	return out
}

// boolLabels are the dropdown entries of a yes/no field.
func boolLabels(lang string) [2]string {
	if lang == LangZH {
		return [2]string{"是", "否"}
	}
	return [2]string{"yes", "no"}
}

// kindZH names the kinds in Chinese for the instructions.
var kindZH = map[dossier.Kind]string{
	dossier.KString: "文本", dossier.KInt: "整数", dossier.KNumber: "数字", dossier.KBool: "是/否",
	dossier.KDate: "日期", dossier.KExpiry: "日期或长期", dossier.KDateTime: "日期时间", dossier.KEnum: "选项",
	dossier.KList: "列表", dossier.KFile: "文件路径",
}

// KindText describes a kind in both languages, with the layout to type.
func KindText(k dossier.Kind) string {
	s := k.String() + " / " + kindZH[k]
	switch k {
	case dossier.KDate:
		s += " (YYYY-MM-DD)"
	case dossier.KExpiry:
		s += " (YYYY-MM-DD, indefinite / 长期)"
	case dossier.KDateTime:
		s += " (YYYY-MM-DD HH:MM)"
	case dossier.KList:
		s += " (a; b; c)"
	case dossier.KBool:
		s += " (yes/no, 是/否)"
	case dossier.KFile:
		s += " (evidence/… relative / 相对路径)"
	}
	return s
}

// Header is a column's bilingual header, "English / 中文", with " *" on a
// required column; the loader accepts either half and ignores the star.
func Header(fl *dossier.Field) string {
	h := fl.EN + " / " + fl.ZH
	if fl.Required {
		h += " *"
	}
	return h
}

// SheetName is the record type's sheet name in the given language.
func SheetName(rt *dossier.RecordType, lang string) string {
	if lang == LangZH {
		return rt.SheetZH
	}
	return rt.SheetEN
}
