package checks

import (
	"unicode"

	"github.com/certready/certready/internal/dossier"
)

// A Chinese message names values and fields as a Chinese workbook shows
// them: the dropdown's label for an enum value (食品经营许可证, not
// food_operation), the column's Chinese header for a field (联系时限（小时）,
// not contact_within_h). The loader reads those labels back, so a reader can
// type what the message says.

// labelZH is the Chinese label of a value of the named enumeration
// (dossier.EnumLabelsZH), or the value itself when it has none.
func labelZH(set, value string) string {
	if l, ok := dossier.EnumLabelsZH[set][value]; ok {
		return l
	}
	return value
}

// labelsZH labels every value.
func labelsZH(set string, values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = labelZH(set, v)
	}
	return out
}

// hasHan reports whether s holds Chinese characters.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
