package pdfdoc

import (
	"strings"
	"unicode"
)

// Wrap breaks text into lines whose measured width does not exceed width.
//
// It is the single line-breaking routine of this package: the same lines are
// used to compute a row's height and to draw it, so measurement and drawing
// can never disagree. (fpdf's MultiCell/SplitText are deliberately not used:
// they drop one Chinese character at every line break that falls on one.)
//
// Rules:
//   - '\n', "\r\n" and a lone '\r' end a line; an empty text gives one empty line.
//   - Latin text breaks after spaces; the spaces at a break are consumed, as
//     are trailing spaces at the end of a line. Leading spaces of a paragraph
//     (indentation) are kept. A hyphen between letters is also a break point.
//   - A break is allowed before and after any CJK character (ideographs of all
//     extensions, kana, hangul, bopomofo, CJK and fullwidth punctuation).
//   - Kinsoku: closing punctuation (。，、；：？！）」』】》”’.,;:!? and the
//     like) never starts a line and opening brackets (（「『【《“‘ and the like)
//     never end one; the neighbouring character moves to the next line with it.
//   - A word wider than width is hard-broken between characters.
//
// No character other than consumed spaces and line terminators is ever lost,
// and no line is wider than width unless a single character is. measure is
// called on whole candidate lines, so it need not be additive.
func Wrap(measure func(string) float64, text string, width float64) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = wrapParagraph(measure, []rune(para), width, out)
	}
	return out
}

// segment is an unbreakable run of runes followed by the spaces after it.
type segment struct {
	body   []rune // never ends with a space
	spaces int    // trailing ' ' count
}

func wrapParagraph(measure func(string) float64, rs []rune, width float64, out []string) []string {
	if len(rs) == 0 {
		return append(out, "")
	}
	var segs []segment
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i < len(rs) && !canBreak(rs, i) {
			continue
		}
		s := rs[start:i]
		n := 0
		for n < len(s) && s[len(s)-1-n] == ' ' {
			n++
		}
		segs = append(segs, segment{body: s[:len(s)-n], spaces: n})
		start = i
	}

	fits := func(line []rune) bool { return measure(string(line)) <= width }
	var cur []rune
	flush := func() {
		out = append(out, string(trimSpacesRight(cur)))
		cur = nil
	}
	for _, sg := range segs {
		cand := append(append([]rune(nil), cur...), sg.body...)
		if fits(cand) {
			cur = appendSpaces(cand, sg.spaces)
			continue
		}
		if len(trimSpacesRight(cur)) > 0 {
			flush()
			if fits(sg.body) {
				cur = appendSpaces(append(cur, sg.body...), sg.spaces)
				continue
			}
		}
		// The word alone is too wide (or only indentation precedes it):
		// break it between characters.
		broke := false
		for _, r := range sg.body {
			if broke && r == ' ' && len(cur) == 0 {
				continue // spaces at a break are consumed, however many
			}
			cand := append(append([]rune(nil), cur...), r)
			if fits(cand) {
				cur = cand
				continue
			}
			if len(trimSpacesRight(cur)) == 0 {
				// Only indentation (or nothing) on the line: drop the
				// indentation, and place at least one character per line so
				// that the loop always advances.
				cur = []rune{r}
				continue
			}
			// Kinsoku inside a hard break: carry characters down while the
			// next line would start with closing punctuation or this one
			// would end with an opening bracket, as long as the carried
			// characters still fit on the next line.
			next := []rune{r}
			for last := len(cur) - 1; last >= 1 && (isClosing(next[0]) || isOpening(cur[last])); last-- {
				cand := append([]rune{cur[last]}, next...)
				if !fits(cand) {
					break
				}
				next, cur = cand, cur[:last]
			}
			flush()
			broke = true
			for len(next) > 0 && next[0] == ' ' {
				next = next[1:] // a space at a break is consumed
			}
			cur = next
		}
		cur = appendSpaces(cur, sg.spaces)
	}
	flush()
	return out
}

func appendSpaces(rs []rune, n int) []rune {
	for ; n > 0; n-- {
		rs = append(rs, ' ')
	}
	return rs
}

func trimSpacesRight(rs []rune) []rune {
	for len(rs) > 0 && rs[len(rs)-1] == ' ' {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// canBreak reports whether a line may break between rs[i-1] and rs[i].
func canBreak(rs []rune, i int) bool {
	prev, cur := rs[i-1], rs[i]
	switch {
	case cur == ' ':
		return false // spaces stay with the word before them
	case isClosing(cur):
		return false // kinsoku: closing punctuation never starts a line
	case isOpening(prev):
		return false // kinsoku: opening brackets never end a line
	case prev == ' ':
		return true
	case isCJK(prev) || isCJK(cur):
		return true
	case isClosing(prev) && isOpening(cur) && (prev > 0x7F || cur > 0x7F):
		return true // between quotations: ”“ or ’‘
	case prev == '-' && i >= 2 && isAlnum(rs[i-2]) && unicode.IsLetter(cur):
		return true // "self-assessment" may break after the hyphen
	}
	return false
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// closingPunct may not start a line (GB/T 15834 and JIS X 4051 "line-start
// prohibited" characters, plus their ASCII counterparts).
const closingPunct = "。，、；：？！）」』】》”’.,;:!?)]}" +
	"］｝〕〉〗〙〛〞〟．﹚﹜…‥・％%"

// openingPunct may not end a line.
const openingPunct = "（「『【《“‘([{［｛〔〈〖〘〚〝"

func isClosing(r rune) bool { return strings.ContainsRune(closingPunct, r) }
func isOpening(r rune) bool { return strings.ContainsRune(openingPunct, r) }

// isCJK reports whether r belongs to a script or block typeset without
// spaces, where a line may break between any two characters. It covers far
// more than U+4E00–U+9FA5 so that rare ideographs, Japanese and Korean text,
// and fullwidth/CJK punctuation wrap as well.
func isCJK(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x11FF, // Hangul Jamo
		r >= 0x2E80 && r <= 0x2FFF,   // CJK radicals, Kangxi, ideographic description
		r >= 0x3000 && r <= 0x303F,   // CJK symbols and punctuation
		r >= 0x3040 && r <= 0x30FF,   // Hiragana, Katakana
		r >= 0x3100 && r <= 0x31FF,   // Bopomofo, Hangul compat jamo, Kanbun, strokes, Katakana ext
		r >= 0x3200 && r <= 0x33FF,   // enclosed CJK, CJK compatibility
		r >= 0x3400 && r <= 0x4DBF,   // Extension A
		r >= 0x4E00 && r <= 0x9FFF,   // Unified ideographs
		r >= 0xA960 && r <= 0xA97F,   // Hangul Jamo ext A
		r >= 0xAC00 && r <= 0xD7FF,   // Hangul syllables, Jamo ext B
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0xFE10 && r <= 0xFE1F,   // vertical forms
		r >= 0xFE30 && r <= 0xFE6F,   // CJK compatibility forms, small form variants
		r >= 0xFF00 && r <= 0xFFEF,   // halfwidth and fullwidth forms
		r >= 0x1B000 && r <= 0x1B16F, // kana supplement/extended
		r >= 0x20000 && r <= 0x3FFFF: // Extensions B and later
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}
