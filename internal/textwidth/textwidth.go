// Package textwidth measures text in terminal (and spreadsheet) columns,
// where East Asian wide characters take two: Chinese names and messages
// must line up in the text report, the portfolio table and column widths.
//
// Widths are measured per grapheme cluster (what a reader sees as one
// character) with github.com/rivo/uniseg, which implements Unicode's
// segmentation rules (UAX #29) and East Asian Width (UAX #11): an emoji
// takes two columns, a letter with a combining accent one, a zero-width
// space none. Counting runes gets all three wrong.
package textwidth

import (
	"strings"

	"github.com/rivo/uniseg"
)

// RuneWidth is the width of r standing alone: 2 for East Asian wide and
// fullwidth characters and emoji, 0 for combining marks and invisible
// format characters, else 1. Text should be measured with Width, since a
// rune's width can depend on its neighbours (a variation selector, a
// zero-width joiner).
func RuneWidth(r rune) int { return uniseg.StringWidth(string(r)) }

// Width is the display width of s.
func Width(s string) int { return uniseg.StringWidth(s) }

// Pad right-pads s with spaces to width w; wider text is returned as is.
func Pad(s string, w int) string {
	if d := Width(s); d < w {
		return s + strings.Repeat(" ", w-d)
	}
	return s
}

// Fit pads s to exactly w columns, cutting it with "…" when it is wider.
// The cut falls between grapheme clusters, so an accent or an emoji
// sequence is never split from its base.
func Fit(s string, w int) string {
	if Width(s) <= w {
		return Pad(s, w)
	}
	var b strings.Builder
	n, state := 0, -1
	for rest := s; rest != ""; {
		var cluster string
		var cw int
		cluster, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if n+cw > w-1 {
			break
		}
		b.WriteString(cluster)
		n += cw
	}
	b.WriteString("…")
	return Pad(b.String(), w)
}
