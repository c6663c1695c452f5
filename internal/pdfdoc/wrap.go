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
//     (indentation) are kept. A hyphen between letters is also a break point,
//     except inside an identifier (a word with a dot, underscore, colon, at
//     sign, slash or digit), and a path may break after a slash that is
//     followed by a letter.
//   - A break is allowed before and after any CJK character (ideographs of all
//     extensions, kana, hangul, bopomofo, CJK and fullwidth punctuation),
//     except inside a reference: CJK text joined by a path or cell-reference
//     separator (! / \ . _) to what precedes or follows it.
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
		return !inReference(rs, i)
	case isClosing(prev) && isOpening(cur) && (prev > 0x7F || cur > 0x7F):
		return true // between quotations: ”“ or ’‘
	case prev == '-' && i >= 2 && isAlnum(rs[i-2]) && unicode.IsLetter(cur):
		// "self-assessment" may break after the hyphen; an identifier
		// ("handling.overdue-open", "food-operation-permit.pdf") may not.
		return !identifier(rs, i)
	case prev == '/' && i >= 2 && rs[i-2] != '/' && rs[i-2] != ' ' && unicode.IsLetter(cur):
		// A path breaks between its folders, never inside a file name;
		// a date such as 2026/11/23 has a digit after its slashes.
		return true
	}
	return false
}

// refPunct joins the parts of a file path or a cell reference.
const refPunct = "!/\\._"

// inReference reports whether a break at i would fall inside a reference
// that names Chinese text, a cell such as 报表.xlsx!组织信息!B3 or a file
// such as 证据/营业执照.pdf: the run of CJK characters around i touches a
// path or reference separator.
func inReference(rs []rune, i int) bool {
	if strings.ContainsRune(refPunct, rs[i-1]) || strings.ContainsRune(refPunct, rs[i]) {
		return true
	}
	// A sheet or file name is short; a longer run is prose, and bounding
	// the scan keeps wrapping a long Chinese paragraph linear.
	const maxName = 32
	l, r := i, i
	for l > 0 && isCJK(rs[l-1]) {
		if l--; i-l > maxName {
			return false
		}
	}
	for r < len(rs) && isCJK(rs[r]) {
		if r++; r-i > maxName {
			return false
		}
	}
	return (l > 0 && strings.ContainsRune(refPunct, rs[l-1])) || (r < len(rs) && strings.ContainsRune(refPunct, rs[r]))
}

// identifier reports whether the word around rs[i] looks like a name a
// reader searches for whole: it holds a dot, underscore, colon, at sign,
// slash or digit.
func identifier(rs []rune, i int) bool {
	for j := i - 1; j >= 0 && rs[j] != ' ' && !isCJK(rs[j]); j-- {
		if strings.ContainsRune("._:@/", rs[j]) || unicode.IsDigit(rs[j]) {
			return true
		}
	}
	for j := i; j < len(rs) && rs[j] != ' ' && !isCJK(rs[j]); j++ {
		if strings.ContainsRune("._:@/", rs[j]) || unicode.IsDigit(rs[j]) {
			return true
		}
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

// widestSegment is the width of the widest run of text that Wrap will not
// break (a word, a date, an identifier), measured on its own.
func widestSegment(measure func(string) float64, text string) float64 {
	widest := 0.0
	for _, para := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		rs := []rune(para)
		start := 0
		for i := 1; i <= len(rs); i++ {
			if i < len(rs) && !canBreak(rs, i) {
				continue
			}
			if w := measure(strings.TrimRight(string(rs[start:i]), " ")); w > widest {
				widest = w
			}
			start = i
		}
	}
	return widest
}

// wrapWords is Wrap for short values that must read as whole phrases, such
// as an organisation's name on the cover: lines break only at spaces, so a
// Chinese name stays on one line with its brackets; a phrase wider than the
// line is wrapped by Wrap's rules.
func wrapWords(measure func(string) float64, text string, width float64) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, para := range strings.Split(text, "\n") {
		cur := ""
		for _, w := range strings.Fields(para) {
			cand := w
			if cur != "" {
				cand = cur + " " + w
			}
			if measure(cand) <= width {
				cur = cand
				continue
			}
			if cur != "" {
				out = append(out, cur)
			}
			cur = w
			if measure(w) > width {
				ls := Wrap(measure, w, width)
				out = append(out, ls[:len(ls)-1]...)
				cur = ls[len(ls)-1]
			}
		}
		out = append(out, cur)
	}
	return out
}
