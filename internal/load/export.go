package load

import (
	"slices"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// What `certready map` needs to know about how the complaint log is read,
// exported so that its proposal is judged by the reader's own rules rather
// than a copy of them.

// ComplaintHeader returns the complaint field a header names without any
// mapping (key, English or Chinese header, alias, the template's
// "English / 中文" form), as the log reader binds it.
func ComplaintHeader(h string) (string, bool) {
	return matchHeader(headerIndex(dossier.ComplaintFields(), nil), h)
}

// LikelyComplaintField returns the field a header that names none probably
// means (a variant spelling: 根本原因分析 for 根本原因), or "". Fields for
// which taken reports true are not proposed.
func LikelyComplaintField(h string, taken func(key string) bool) string {
	var cands []string
	fields := dossier.ComplaintFields()
	for _, f := range fields {
		if taken != nil && taken(f.Key) {
			continue
		}
		cands = append(cands, f.ZH, f.EN)
		cands = append(cands, f.Aliases...)
	}
	g := suggest(normHeader(h), cands)
	if g == "" {
		return ""
	}
	for _, f := range fields {
		if g == f.ZH || g == f.EN || slices.Contains(f.Aliases, g) {
			return f.Key
		}
	}
	return ""
}

// ComplaintEnumValue returns the canonical value the reader takes s for in
// an enumerated field without any value mapping; ok is false when it would
// refuse it.
func ComplaintEnumValue(field, s string) (string, bool) {
	for _, f := range dossier.ComplaintFields() {
		if f.Key == field && f.Kind == dossier.KEnum {
			v := canonicalEnum(&f, trimSpaceAll(s))
			return v, slices.Contains(f.Enum, v)
		}
	}
	return "", false
}

// SatisfactionScaled reads s on a satisfaction scale ("1-5", "1-10",
// "percent", "stars") as the reader does.
func SatisfactionScaled(scale, s string) (string, bool) {
	return scaleSatisfaction(scale, trimSpaceAll(s))
}

// TrimSpace trims every Unicode space and zero-width character, as the
// reader does to every cell.
func TrimSpace(s string) string { return trimSpaceAll(s) }

// Suggest returns the candidate closest to got, or "" when none is close.
func Suggest(got string, cands []string) string { return suggest(got, cands) }

// CheckComplaintSource checks a complaints block as the loader would,
// without reading any file.
func CheckComplaintSource(cs config.ComplaintSource) error {
	_, err := newLogSpec(cs)
	return err
}
