package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/didyoumean"
	"github.com/certready/certready/internal/dossier"
)

// logSpec is how to read one complaint-log source, from certready.yaml's
// complaints block: column and value mappings, the satisfaction scale, the
// fields the CRM does not keep. It is checked once, before any row is read,
// so a typo in it is one clear error rather than a problem on every row.
type logSpec struct {
	mapping    map[string]string
	values     map[string]map[string]string // field -> normalised source text -> canonical value
	scale      string
	notTracked map[string]bool
	ignore     map[string]bool // normalised headers
}

// mappedText are the text fields whose values name something declared
// elsewhere (a channel, a category, a person), so a CRM's own words for
// them can be mapped.
var mappedText = map[string]bool{"channel": true, "category": true, "handler": true}

// mappableFields lists the fields complaints.values accepts.
func mappableFields(fields []dossier.Field) []string {
	var out []string
	for _, f := range fields {
		if f.Kind == dossier.KEnum || f.Kind == dossier.KBool || mappedText[f.Key] {
			out = append(out, f.Key+" ("+f.ZH+")")
		}
	}
	return out
}

// Satisfaction scales accepted in complaints.satisfaction_scale.
var satisfactionScales = []string{"1-5", "1-10", "percent", "stars"}

// newLogSpec checks and prepares the complaints block of the configuration.
func newLogSpec(cs config.ComplaintSource) (*logSpec, error) {
	fields := dossier.ComplaintFields()
	byKey := map[string]*dossier.Field{}
	for i := range fields {
		byKey[fields[i].Key] = &fields[i]
	}
	sp := &logSpec{mapping: cs.Columns, values: map[string]map[string]string{}, notTracked: map[string]bool{}, ignore: map[string]bool{}}
	for _, from := range sortedKeys(cs.Columns) {
		to := cs.Columns[from]
		if _, ok := fieldFor(byKey, to); !ok {
			return nil, fmt.Errorf("complaints.columns: %q maps to unknown field %q; %s", from, to, fieldChoices(fields, to))
		}
	}
	if len(cs.Columns) > 0 {
		// A Chinese label as the target is as good as the key.
		sp.mapping = make(map[string]string, len(cs.Columns))
		for from, to := range cs.Columns {
			f, _ := fieldFor(byKey, to)
			sp.mapping[from] = f.Key
		}
	}
	for _, key := range sortedKeys(cs.Values) {
		f, ok := fieldFor(byKey, key)
		if !ok {
			return nil, fmt.Errorf("complaints.values: unknown field %q; %s", key, fieldChoices(fields, key))
		}
		switch f.Kind {
		case dossier.KEnum, dossier.KBool:
		default:
			if !mappedText[f.Key] {
				return nil, fmt.Errorf("complaints.values.%s: %s is a %s field; values can be mapped for %s", key, f.Key, f.Kind, strings.Join(mappableFields(fields), ", "))
			}
		}
		m := map[string]string{}
		for _, from := range sortedKeys(cs.Values[key]) {
			to := cs.Values[key][from]
			v, err := mappedTarget(f, to)
			if err != nil {
				return nil, fmt.Errorf("complaints.values.%s: %q: %w", key, from, err)
			}
			m[valueKey(from)] = v
		}
		sp.values[f.Key] = m
	}
	if cs.SatisfactionScale != "" {
		if !slices.Contains(satisfactionScales, cs.SatisfactionScale) {
			return nil, fmt.Errorf("complaints.satisfaction_scale: expected one of %s, got %q%s", strings.Join(satisfactionScales, ", "), cs.SatisfactionScale, didYouMean(cs.SatisfactionScale, satisfactionScales))
		}
		sp.scale = cs.SatisfactionScale
	}
	for _, k := range cs.NotTracked {
		f, ok := fieldFor(byKey, k)
		if !ok {
			return nil, fmt.Errorf("complaints.not_tracked: unknown field %q; %s", k, fieldChoices(fields, k))
		}
		if f.Required {
			return nil, fmt.Errorf("complaints.not_tracked: %s is required in every complaint log and cannot be declared not tracked", f.Key)
		}
		sp.notTracked[f.Key] = true
	}
	for _, h := range cs.Ignore {
		sp.ignore[normHeader(h)] = true
	}
	return sp, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// fieldFor finds a complaint field by key, English or Chinese header or alias.
func fieldFor(byKey map[string]*dossier.Field, s string) (*dossier.Field, bool) {
	if f, ok := byKey[s]; ok {
		return f, true
	}
	n := normHeader(s)
	for _, f := range byKey {
		for _, h := range append([]string{f.Key, f.EN, f.ZH}, f.Aliases...) {
			if normHeader(h) == n {
				return f, true
			}
		}
	}
	return nil, false
}

// fieldChoices lists the valid field keys with their Chinese headers and a
// suggestion for got.
func fieldChoices(fields []dossier.Field, got string) string {
	var parts, cands []string
	for _, f := range fields {
		parts = append(parts, f.Key+" ("+f.ZH+")")
		cands = append(cands, f.Key, f.ZH, f.EN)
	}
	s := "expected one of " + strings.Join(parts, ", ")
	if g := suggest(got, cands); g != "" {
		for _, f := range fields {
			if g == f.Key || g == f.ZH || g == f.EN {
				return s + "; did you mean " + f.Key + " (" + f.ZH + ")?"
			}
		}
	}
	return s
}

// mappedTarget checks the target of a value mapping: an enum value or its
// Chinese label, yes/no for a yes/no field, any text otherwise.
func mappedTarget(f *dossier.Field, to string) (string, error) {
	switch f.Kind {
	case dossier.KEnum:
		v := canonicalEnum(f, to)
		if slices.Contains(f.Enum, v) {
			return v, nil
		}
		return "", fmt.Errorf("maps to %q, %s", to, enumChoices(f, to))
	case dossier.KBool:
		b, ok := ParseBool(to)
		if !ok {
			return "", fmt.Errorf("maps to %q; expected yes or no (是/否)", to)
		}
		if b {
			return "yes", nil
		}
		return "no", nil
	}
	return trimSpaceAll(to), nil
}

// valueKey is how a source value is looked up in a value mapping: without
// surrounding space of any kind, case-folded.
func valueKey(s string) string { return strings.ToLower(trimSpaceAll(s)) }

// enumChoices renders "expected one of closed (已关闭), …" with a
// did-you-mean suggestion over both the keys and the labels.
func enumChoices(f *dossier.Field, got string) string {
	labels := dossier.EnumLabelsZH[f.Key]
	parts := make([]string, 0, len(f.Enum))
	cands := make([]string, 0, 2*len(f.Enum))
	for _, e := range f.Enum {
		if l := labels[e]; l != "" {
			parts = append(parts, e+" ("+l+")")
			cands = append(cands, e, l)
		} else {
			parts = append(parts, e)
			cands = append(cands, e)
		}
	}
	s := "expected one of " + strings.Join(parts, ", ")
	if g := suggest(got, cands); g != "" {
		for _, e := range f.Enum {
			if g == e || g == labels[e] {
				if l := labels[e]; l != "" {
					return s + "; did you mean " + e + " (" + l + ")?"
				}
				return s + "; did you mean " + e + "?"
			}
		}
	}
	return s
}

// didYouMean is "; did you mean X?" when one candidate is close to got.
func didYouMean(got string, cands []string) string {
	if g := suggest(got, cands); g != "" {
		return "; did you mean " + g + "?"
	}
	return ""
}

// suggest returns the candidate closest to got, or "" when none is close.
func suggest(got string, cands []string) string {
	return didyoumean.Closest(trimSpaceAll(got), cands)
}

// isSpaceAll is every space a cell may be padded with: Unicode spaces
// (U+3000 ideographic space, NBSP, …) and the zero-width characters and
// byte-order mark that copy-paste leaves behind.
func isSpaceAll(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// trimSpaceAll trims isSpaceAll from both ends. It runs on every cell of
// the log, so a cell that starts and ends with printable ASCII or a common
// CJK ideograph (lead bytes E4–E9, U+4E00–U+9FFF: never a space) costs a
// few byte comparisons and no decoding.
func trimSpaceAll(s string) string {
	n := len(s)
	if n == 0 {
		return s
	}
	f, l := s[0], s[n-1]
	startOK := (f > ' ' && f < utf8.RuneSelf) || (f >= 0xE4 && f <= 0xE9)
	endOK := (l > ' ' && l < utf8.RuneSelf) || (n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9)
	if startOK && endOK {
		return s
	}
	return strings.TrimFunc(s, isSpaceAll)
}

// scaleSatisfaction reads a numeric rating on the configured scale.
func scaleSatisfaction(scale, s string) (string, bool) {
	if scale == "stars" {
		n := strings.Count(s, "★")
		if n == 0 || strings.Trim(s, "★☆ ") != "" {
			if v, err := strconv.Atoi(s); err == nil {
				n = v
			} else {
				return "", false
			}
		}
		return fivePoint(n)
	}
	t := strings.TrimSuffix(strings.TrimSuffix(s, "%"), "分")
	v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil {
		return "", false
	}
	switch scale {
	case "1-5":
		if v != float64(int(v)) {
			return "", false
		}
		return fivePoint(int(v))
	case "1-10":
		if v != float64(int(v)) || v < 1 || v > 10 {
			return "", false
		}
		return fivePoint((int(v) + 1) / 2)
	case "percent":
		if v < 0 || v > 100 {
			return "", false
		}
		// 0–20 very dissatisfied … 80–100 very satisfied.
		return fivePoint(min(5, int(v/20)+1))
	}
	return "", false
}

// fivePoint maps 1 (worst) … 5 (best) to the satisfaction values.
func fivePoint(n int) (string, bool) {
	if n < 1 || n > 5 {
		return "", false
	}
	return [...]string{"very_dissatisfied", "dissatisfied", "neutral", "satisfied", "very_satisfied"}[n-1], true
}
