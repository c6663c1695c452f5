// Package didyoumean finds the known name a mistyped one was probably
// meant to be, so that every "expected one of" message can offer it.
package didyoumean

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate closest to got, or "" when none is close:
// one contains the other (a header with a suffix, 根本原因分析 for 根本原因),
// or the edit distance is at most a third of the longer, in runes.
func Closest(got string, cands []string) string {
	g := strings.ToLower(strings.TrimSpace(got))
	if g == "" {
		return ""
	}
	best, bestD := "", 1<<30
	for _, c := range cands {
		l := strings.ToLower(c)
		if l == "" {
			continue
		}
		d := editDistance(g, l)
		n := max(utf8.RuneCountInString(g), utf8.RuneCountInString(l))
		if d*3 > n {
			// Containment of a word of two runes or more counts as close.
			if utf8.RuneCountInString(l) >= 2 && utf8.RuneCountInString(g) >= 2 && (strings.Contains(g, l) || strings.Contains(l, g)) {
				d = n // ranked after every edit-distance match
			} else {
				continue
			}
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance in runes, with a swap of two
// neighbouring runes counted as one edit (optimal string alignment): "lnag"
// is one slip from "lang", not two.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
