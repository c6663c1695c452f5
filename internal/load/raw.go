package load

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// rawField is one value as read from YAML, Excel or CSV, before typing.
type rawField struct {
	Key    string
	Pos    dossier.Pos
	Text   string   // scalar text
	List   []string // when the source held a list (YAML sequence)
	IsList bool
	// Number is set when the source already typed the value as a number
	// (a YAML !!int/!!float or a numeric Excel cell): an Excel serial date
	// is only trusted from such a cell.
	Number bool
	// Excel is set for values from a workbook (serial dates allowed).
	Excel    bool
	Date1904 bool
	// Header is the sheet's own header text for the field ("" in YAML),
	// kept so messages name the field as the reader's sheet does.
	Header string
	// YAMLTag is the resolved YAML tag, used to tell "yes" from true.
	YAMLTag string
}

// rawRecord is one record before typing.
type rawRecord struct {
	Pos    dossier.Pos
	Fields []rawField
}

// normaliser turns raw records into JSON-ready values of the right type,
// collecting every error with its position.
type normaliser struct {
	loc  *time.Location
	errs *errorList
	ev   *evidenceIndex
}

var trueWords = map[string]bool{"true": true, "yes": true, "y": true, "1": true, "是": true, "有": true, "√": true, "✓": true, "on": true}
var falseWords = map[string]bool{"false": true, "no": true, "n": true, "0": true, "否": true, "无": true, "×": true, "off": true}

// ParseBool reads yes/no in the spellings workbooks use.
func ParseBool(s string) (bool, bool) {
	s = strings.ToLower(trimSpaceAll(s))
	if trueWords[s] {
		return true, true
	}
	if falseWords[s] {
		return false, true
	}
	return false, false
}

// splitList splits one cell into list items on the separators people type.
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == '；' || r == '、' || r == ',' || r == '，' || r == '\n' || r == '\r'
	})
	out := f[:0]
	for _, x := range f {
		if x = trimSpaceAll(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// value converts one field to the value JSON Schema validation sees.
// Conversion failures are reported here, with the field's position, so the
// message can say which layouts are accepted.
func (n *normaliser) value(rt *dossier.RecordType, fl *dossier.Field, rf *rawField) (any, bool) {
	if rf.IsList && fl.Kind != dossier.KList {
		n.errs.add(rf.Pos, fmt.Errorf("%s: expected a single %s, got a list", fl.Key, fl.Kind))
		return nil, false
	}
	text := trimSpaceAll(rf.Text)
	switch fl.Kind {
	case dossier.KList:
		items := rf.List
		if !rf.IsList {
			items = splitList(rf.Text)
		}
		out := make([]any, 0, len(items))
		for _, it := range items {
			it = trimSpaceAll(it)
			if len(fl.Enum) > 0 || len(fl.Terms) > 0 {
				it = canonicalEnum(fl, it)
			}
			out = append(out, it)
		}
		return out, true
	case dossier.KInt, dossier.KNumber:
		t := strings.ReplaceAll(text, ",", "")
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return text, true // the schema reports "expected number" at this position
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			// ParseFloat reads "NaN", "Inf" and "+Infinity" as numbers (and
			// 1e999 as +Inf); no record field means any of them, and none
			// may reach the schema validator as a json.Number.
			n.errs.add(rf.Pos, fmt.Errorf("%s: expected a finite number, got %q", fl.Key, text))
			return nil, false
		}
		return json.Number(t), true
	case dossier.KBool:
		if rf.YAMLTag == "!!bool" {
			return text == "true", true
		}
		if b, ok := ParseBool(text); ok {
			return b, true
		}
		n.errs.add(rf.Pos, fmt.Errorf("%s: expected yes or no (是/否), got %q", fl.Key, text))
		return nil, false
	case dossier.KDate, dossier.KExpiry:
		if fl.Kind == dossier.KExpiry && dossier.IsIndefinite(text) {
			return "indefinite", true
		}
		t, err := n.when(rf, text)
		if err != nil {
			n.errs.add(rf.Pos, fmt.Errorf("%s: expected a date (%s), got %s", fl.Key, dateLayoutsHelp, describe(rf, text)))
			return nil, false
		}
		return t.Format(time.DateOnly), true
	case dossier.KDateTime:
		t, err := n.when(rf, text)
		if err != nil {
			n.errs.add(rf.Pos, fmt.Errorf("%s: expected a date-time (%s), got %s", fl.Key, dateTimeLayoutsHelp, describe(rf, text)))
			return nil, false
		}
		return t.Format(time.RFC3339), true
	case dossier.KEnum:
		return canonicalEnum(fl, text), true
	case dossier.KFile:
		p, err := n.ev.ref(text, rf.Pos)
		if err != nil {
			n.errs.add(rf.Pos, fmt.Errorf("%s: %w", fl.Key, err))
			return nil, false
		}
		return p, true
	}
	return rf.Text, true
}

func describe(rf *rawField, text string) string {
	if rf.Number {
		return "the number " + text
	}
	return strconv.Quote(text)
}

func (n *normaliser) when(rf *rawField, text string) (time.Time, error) {
	if rf.Excel && rf.Number {
		v, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return time.Time{}, errNotDate
		}
		return FromExcelSerial(v, rf.Date1904, n.loc)
	}
	t, _, err := ParseDateTime(text, n.loc)
	return t, err
}

// record converts a raw record to the map validated against the record
// type's schema. Empty cells are left out, as if the field were absent.
func (n *normaliser) record(rt *dossier.RecordType, rr *rawRecord) (map[string]any, map[string]dossier.Pos, bool) {
	obj := make(map[string]any, len(rr.Fields))
	pos := make(map[string]dossier.Pos, len(rr.Fields))
	ok := true
	// A field that failed conversion has been reported already; record
	// its position so the schema does not also call it missing.
	failed := map[string]dossier.Pos{}
	for i := range rr.Fields {
		rf := &rr.Fields[i]
		fl, known := rt.Field(rf.Key)
		if !known {
			// Keep it: the schema's additionalProperties names it with its position.
			obj[rf.Key] = rf.Text
			pos[rf.Key] = rf.Pos
			continue
		}
		if !rf.IsList && trimSpaceAll(rf.Text) == "" {
			continue
		}
		v, good := n.value(rt, fl, rf)
		if !good {
			ok = false
			failed[rf.Key] = rf.Pos
			continue
		}
		obj[rf.Key] = v
		pos[rf.Key] = rf.Pos
	}
	if !ok {
		for k, p := range failed {
			pos["\x00failed:"+k] = p
		}
	}
	return obj, pos, ok
}

// canonicalEnum maps case and Chinese labels onto the field's enum values;
// an unknown value is passed through for the schema to reject.
func canonicalEnum(fl *dossier.Field, s string) string {
	l := strings.ToLower(trimSpaceAll(s))
	l = strings.ReplaceAll(l, " ", "_")
	l = strings.ReplaceAll(l, "-", "_")
	values := fl.Enum
	if len(values) == 0 {
		values = fl.Terms // a free list's known terms, read from their labels too
	}
	for _, e := range values {
		if e == l {
			return e
		}
	}
	label := trimSpaceAll(s)
	for _, labels := range dossier.EnumLabelsZH {
		for v, l := range labels {
			if l == label && slices.Contains(values, v) {
				return v
			}
		}
	}
	if v, ok := dossier.EnumAliasesZH[label]; ok && slices.Contains(values, v) {
		return v
	}
	return s
}

// decodeInto fills a typed record from its validated map. The map is
// already normalised (dates as YYYY-MM-DD, numbers as json.Number), so the
// typed decode cannot fail on a valid record; if it does, that is reported
// at the record.
func decodeInto(obj map[string]any, out any) error {
	b, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
