// Package textwidth measures text in terminal (and spreadsheet) columns,
// where East Asian wide characters take two: Chinese names and messages
// must line up in the text report, the portfolio table and column widths.
package textwidth

import "strings"

// RuneWidth is 2 for East Asian wide and fullwidth characters, else 1.
func RuneWidth(r rune) int {
	if r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x20000 && r <= 0x3FFFD)) {
		return 2
	}
	return 1
}

// Width is the display width of s.
func Width(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// Pad right-pads s with spaces to width w; wider text is returned as is.
func Pad(s string, w int) string {
	if d := Width(s); d < w {
		return s + strings.Repeat(" ", w-d)
	}
	return s
}

// Fit pads s to exactly w columns, cutting it with "…" when it is wider.
func Fit(s string, w int) string {
	if Width(s) <= w {
		return Pad(s, w)
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := RuneWidth(r)
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	b.WriteString("…")
	return Pad(b.String(), w)
}
