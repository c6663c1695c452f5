package xlsxstream

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf8"
)

// The scanner works on a window of the inflated part that holds at least
// one whole unit (a row, a shared string item, a markup token). Every
// function here takes the window and a start offset and returns the offset
// after what it consumed, or errShort when the unit runs past the end of the
// window: the caller then refills and parses the unit again from its start.
// Re-parsing one unit per refill costs less than keeping resumable state.

// errShort reports that the window ends inside the current unit.
var errShort = errors.New("xlsxstream: unit crosses the end of the buffer")

// scanError is a malformed or unsupported construct at an offset of the
// window; the reader turns it into an error wrapping ErrUnsupported with
// the absolute offset in the part.
type scanError struct {
	at  int
	msg string
}

func (e *scanError) Error() string { return e.msg }

func bad(at int, msg string) error { return &scanError{at: at, msg: msg} }

// class marks the bytes that text decoding must look at; everything else
// is copied as it is. 1: control character (illegal in XML except tab and
// newline), 2: '&', 3: '\r', 4: '>', 5: a UTF-8 lead or continuation byte,
// 6: '<', which ends the text.
var class = func() (t [256]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	t['\t'], t['\n'] = 0, 0
	t['&'], t['\r'], t['>'], t['<'] = 2, 3, 4, 6
	for c := 0x80; c < 0x100; c++ {
		t[c] = 5
	}
	return
}()

// isSpace is XML's whitespace.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// inCharRange is the XML Char production, as encoding/xml checks it.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// appendText decodes character data from b[i:] up to the next '<' (not
// consumed) onto dst, the way encoding/xml does: the five predefined
// entities and character references, "\r\n" and a lone "\r" read as "\n",
// and an error for invalid UTF-8, characters outside the XML range, other
// entities and a bare "]]>".
func appendText(dst, b []byte, i int) ([]byte, int, error) {
	seg := i // start of the raw run not yet copied
	for {
		j := i
		for j < len(b) && class[b[j]] == 0 {
			j++
		}
		if j == len(b) {
			return dst, j, errShort
		}
		c := b[j]
		switch class[c] {
		case 1:
			return dst, j, bad(j, "illegal character code "+strconv.QuoteRune(rune(c)))
		case 2:
			dst = append(dst, b[seg:j]...)
			k, err := 0, error(nil)
			if dst, k, err = appendEntity(dst, b, j); err != nil {
				return dst, k, err
			}
			i, seg = k, k
		case 3:
			dst = append(dst, b[seg:j]...)
			dst = append(dst, '\n')
			i = j + 1
			if i == len(b) {
				return dst, i, errShort // a '\n' may follow
			}
			if b[i] == '\n' {
				i++
			}
			seg = i
		case 4:
			// encoding/xml refuses "]]>" outside CDATA; an entity resets
			// its look-back.
			if j-2 >= seg && b[j-1] == ']' && b[j-2] == ']' {
				return dst, j, bad(j, "unescaped ]]> not in CDATA section")
			}
			i = j + 1
		case 5:
			// Most non-ASCII text is CJK: three-byte sequences whose lead
			// byte (E1–EC) admits any continuation bytes.
			if c >= 0xE1 && c <= 0xEC && j+2 < len(b) && b[j+1]&0xC0 == 0x80 && b[j+2]&0xC0 == 0x80 {
				i = j + 3
				continue
			}
			r, size := utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && size <= 1 {
				if !utf8.FullRune(b[j:]) {
					return dst, j, errShort
				}
				return dst, j, bad(j, "invalid UTF-8")
			}
			if !inCharRange(r) {
				return dst, j, bad(j, "illegal character code "+strconv.QuoteRune(r))
			}
			i = j + size
		default: // '<' ends the text
			return append(dst, b[seg:j]...), j, nil
		}
	}
}

// appendEntity decodes the entity or character reference at b[i] == '&'.
func appendEntity(dst, b []byte, i int) ([]byte, int, error) {
	j := i + 1
	if j >= len(b) {
		return dst, i, errShort
	}
	if b[j] == '#' {
		j++
		base := 10
		if j < len(b) && b[j] == 'x' {
			base = 16
			j++
		}
		start := j
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || base == 16 && (b[j]|0x20 >= 'a' && b[j]|0x20 <= 'f')) {
			j++
		}
		if j >= len(b) {
			return dst, i, errShort
		}
		if b[j] != ';' {
			return dst, i, bad(i, "invalid character entity "+string(b[i:j])+" (no semicolon)")
		}
		n, err := strconv.ParseUint(string(b[start:j]), base, 64)
		if err != nil || n > utf8.MaxRune {
			return dst, i, bad(i, "invalid character entity "+string(b[i:j+1]))
		}
		r := rune(n)
		if !utf8.ValidRune(r) {
			r = utf8.RuneError // string(rune(surrogate)) in encoding/xml
		}
		if !inCharRange(r) {
			return dst, i, bad(i, "illegal character code "+strconv.QuoteRune(r))
		}
		return utf8.AppendRune(dst, r), j + 1, nil
	}
	for j < len(b) && isNameByte(b[j]) {
		j++
	}
	if j >= len(b) {
		return dst, i, errShort
	}
	if b[j] != ';' {
		return dst, i, bad(i, "invalid character entity "+string(b[i:j])+" (no semicolon)")
	}
	switch string(b[i+1 : j]) {
	case "lt":
		dst = append(dst, '<')
	case "gt":
		dst = append(dst, '>')
	case "amp":
		dst = append(dst, '&')
	case "apos":
		dst = append(dst, '\'')
	case "quot":
		dst = append(dst, '"')
	default:
		return dst, i, bad(i, "invalid character entity "+string(b[i:j+1]))
	}
	return dst, j + 1, nil
}

// isNameByte is encoding/xml's test for a byte of a name.
func isNameByte(c byte) bool { return nameByte[c] }

var nameByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 0x80 || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '_' || c == ':' || c == '.' || c == '-'
	}
	return
}()

// appendCDATA decodes a CDATA section whose "<![CDATA[" starts at b[i]:
// raw text with line ends rewritten, characters checked.
func appendCDATA(dst, b []byte, i int) ([]byte, int, error) {
	j := i + len("<![CDATA[")
	end := bytes.Index(b[j:], []byte("]]>"))
	if end < 0 {
		return dst, i, errShort
	}
	body := b[j : j+end]
	for k := 0; k < len(body); {
		c := body[k]
		switch {
		case c == '\r':
			dst = append(dst, '\n')
			k++
			if k < len(body) && body[k] == '\n' {
				k++
			}
			continue
		case c < 0x80:
			if class[c] == 1 {
				return dst, j + k, bad(j+k, "illegal character code "+strconv.QuoteRune(rune(c)))
			}
			dst = append(dst, c)
			k++
			continue
		}
		r, size := utf8.DecodeRune(body[k:])
		if r == utf8.RuneError && size <= 1 {
			return dst, j + k, bad(j+k, "invalid UTF-8")
		}
		if !inCharRange(r) {
			return dst, j + k, bad(j+k, "illegal character code "+strconv.QuoteRune(r))
		}
		dst = append(dst, body[k:k+size]...)
		k += size
	}
	return dst, j + end + 3, nil
}

// skipComment skips "<!--...-->" starting at b[i]; like encoding/xml it
// refuses "--" inside.
func skipComment(b []byte, i int) (int, error) {
	end := bytes.Index(b[i+4:], []byte("--"))
	if end < 0 {
		return i, errShort
	}
	j := i + 4 + end + 2
	if j >= len(b) {
		return i, errShort
	}
	if b[j] != '>' {
		return i, bad(j, `invalid sequence "--" not allowed in comments`)
	}
	return j + 1, nil
}

// hasPrefixAt reports whether b[i:] starts with p, or errShort when b ends
// before that can be told.
func hasPrefixAt(b []byte, i int, p string) (bool, error) {
	n := len(b) - i
	if n >= len(p) {
		return string(b[i:i+len(p)]) == p, nil
	}
	if string(b[i:]) == p[:n] {
		return false, errShort
	}
	return false, nil
}

// tag is the name of a start or end tag read by readTagName.
type tag struct {
	name  []byte // the qualified name as written, for matching end tags
	local []byte // the part after the prefix
	end   bool   // </name>
}

// readTagName reads the name of the tag at b[i] == '<' and stops at the
// first byte after it; the attributes are left for nextAttr.
func readTagName(b []byte, i int) (t tag, j int, err error) {
	j = i + 1
	if j < len(b) && b[j] == '/' {
		t.end = true
		j++
	}
	start := j
	colon := -1
	for j < len(b) && isNameByte(b[j]) {
		if b[j] == ':' {
			if colon >= 0 {
				return t, i, bad(i, "element name with two colons")
			}
			colon = j
		}
		j++
	}
	if j >= len(b) {
		return t, i, errShort
	}
	if j == start {
		return t, i, bad(i, "expected element name after <")
	}
	t.name = b[start:j]
	t.local = t.name
	if colon > start && colon < j-1 {
		t.local = b[colon+1 : j]
	}
	return t, j, nil
}

// endOfTag finishes an end tag (optional space, then '>').
func endOfTag(b []byte, i int) (int, error) {
	i = skipSpace(b, i)
	if i >= len(b) {
		return i, errShort
	}
	if b[i] != '>' {
		return i, bad(i, "invalid characters between </ and >")
	}
	return i + 1, nil
}

// nextAttr reads one attribute at b[i:] after optional space. It reports
// done with j after '>' (empty set for "/>") when the tag ends instead.
// Values are returned raw; check says whether they hold an entity or a
// non-ASCII byte and so need checkAttrValue before they can be trusted.
func nextAttr(b []byte, i int) (local, val []byte, check, done, empty bool, j int, err error) {
	i = skipSpace(b, i)
	if i >= len(b) {
		return nil, nil, false, false, false, i, errShort
	}
	switch b[i] {
	case '>':
		return nil, nil, false, true, false, i + 1, nil
	case '/':
		if i+1 >= len(b) {
			return nil, nil, false, false, false, i, errShort
		}
		if b[i+1] != '>' {
			return nil, nil, false, false, false, i, bad(i, "expected /> in element")
		}
		return nil, nil, false, true, true, i + 2, nil
	}
	start := i
	colon := -1
	for i < len(b) && isNameByte(b[i]) {
		if b[i] == ':' && colon < 0 {
			colon = i
		}
		i++
	}
	if i >= len(b) {
		return nil, nil, false, false, false, i, errShort
	}
	if i == start {
		return nil, nil, false, false, false, i, bad(i, "expected attribute name in element")
	}
	local = b[start:i]
	if colon > start && colon < i-1 {
		local = b[colon+1 : i]
	}
	i = skipSpace(b, i)
	if i >= len(b) {
		return nil, nil, false, false, false, i, errShort
	}
	if b[i] != '=' {
		return nil, nil, false, false, false, i, bad(i, "attribute name without = in element")
	}
	i = skipSpace(b, i+1)
	if i >= len(b) {
		return nil, nil, false, false, false, i, errShort
	}
	q := b[i]
	if q != '"' && q != '\'' {
		return nil, nil, false, false, false, i, bad(i, "unquoted or missing attribute value in element")
	}
	end := bytes.IndexByte(b[i+1:], q)
	if end < 0 {
		return nil, nil, false, false, false, i, errShort
	}
	val = b[i+1 : i+1+end]
	for k, c := range val {
		switch {
		case c == '<':
			return nil, nil, false, false, false, i + 1 + k, bad(i+1+k, "unescaped < inside quoted string")
		case c == '&' || c >= 0x80:
			check = true
		case class[c] == 1:
			return nil, nil, false, false, false, i + 1 + k, bad(i+1+k, "illegal character code in attribute value")
		}
	}
	return local, val, check, false, false, i + 2 + end, nil
}

// skipAttrs passes over the attributes of a start tag, checking them.
func skipAttrs(b []byte, i int) (j int, empty bool, err error) {
	var scratch [64]byte
	for {
		_, val, check, done, empty, j, err := nextAttr(b, i)
		if err != nil || done {
			return j, empty, err
		}
		if check {
			if _, err := checkAttrValue(scratch[:0], val, j-1-len(val)); err != nil {
				return j, false, err
			}
		}
		i = j
	}
}

// checkAttrValue decodes an attribute value (which holds no '<') to check
// it; the decoded value is returned for the few attributes that are read.
func checkAttrValue(dst, val []byte, at int) ([]byte, error) {
	// appendText stops at '<'; give it a terminator it can see.
	buf := make([]byte, 0, len(val)+1)
	buf = append(append(buf, val...), '<')
	out, _, err := appendText(dst, buf, 0)
	if se, ok := err.(*scanError); ok {
		se.at += at
	}
	return out, err
}

// skipElement passes over the element whose start tag begins at b[i],
// with everything inside it, checking that the nesting is well formed and
// that its text decodes.
func skipElement(b []byte, i int, scratch []byte) (int, error) {
	t, j, err := readTagName(b, i)
	if err != nil {
		return i, err
	}
	if t.end {
		return i, bad(i, "unexpected end element </"+string(t.name)+">")
	}
	j, empty, err := skipAttrs(b, j)
	if err != nil || empty {
		return j, err
	}
	for {
		if scratch, j, err = appendText(scratch[:0], b, j); err != nil {
			return j, err
		}
		switch k, err := markupAt(b, j); {
		case err != nil:
			return j, err
		case k == markComment:
			if j, err = skipComment(b, j); err != nil {
				return j, err
			}
		case k == markCDATA:
			if scratch, j, err = appendCDATA(scratch[:0], b, j); err != nil {
				return j, err
			}
		case k == markPI:
			if j, err = skipPI(b, j); err != nil {
				return j, err
			}
		case k == markDirective:
			return j, bad(j, "unsupported <! directive")
		case k == markEnd:
			et, k, err := readTagName(b, j)
			if err != nil {
				return j, err
			}
			if !bytes.Equal(et.name, t.name) {
				return j, bad(j, "element <"+string(t.name)+"> closed by </"+string(et.name)+">")
			}
			return endOfTag(b, k)
		default:
			if j, err = skipElement(b, j, scratch); err != nil {
				return j, err
			}
		}
	}
}

// markup kinds at a '<'.
const (
	markStart = iota
	markEnd
	markComment
	markCDATA
	markPI
	markDirective
)

// markupAt classifies the markup at b[i] == '<'.
func markupAt(b []byte, i int) (int, error) {
	if i+1 >= len(b) {
		return 0, errShort
	}
	switch b[i+1] {
	case '/':
		return markEnd, nil
	case '?':
		return markPI, nil
	case '!':
		if ok, err := hasPrefixAt(b, i, "<!--"); ok || err != nil {
			return markComment, err
		}
		if ok, err := hasPrefixAt(b, i, "<![CDATA["); ok || err != nil {
			return markCDATA, err
		}
		return markDirective, nil
	}
	return markStart, nil
}

// skipPI skips a processing instruction "<?...?>".
func skipPI(b []byte, i int) (int, error) {
	end := bytes.Index(b[i+2:], []byte("?>"))
	if end < 0 {
		return i, errShort
	}
	return i + 2 + end + 2, nil
}

// hexVal is the value of an ASCII hex digit, or -1.
func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// appendBstr appends s with the _xHHHH_ escapes of OOXML's ST_Xstring
// decoded exactly as excelize's bstrUnmarshal does: "_x005F_" is a literal
// underscore, a surrogate code unit (which cannot stand alone) is dropped,
// and matches do not overlap.
func appendBstr(dst, s []byte) []byte {
	if !bytes.Contains(s, []byte("_x")) {
		return append(dst, s...)
	}
	cursor := 0
	for i := 0; i+7 <= len(s); {
		if s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
			i++
			continue
		}
		h0, h1, h2, h3 := hexVal(s[i+2]), hexVal(s[i+3]), hexVal(s[i+4]), hexVal(s[i+5])
		if h0 < 0 || h1 < 0 || h2 < 0 || h3 < 0 {
			i++
			continue
		}
		dst = append(dst, s[cursor:i]...)
		r := rune(h0<<12 | h1<<8 | h2<<4 | h3)
		if utf8.ValidRune(r) {
			dst = utf8.AppendRune(dst, r)
		}
		i += 7
		cursor = i
	}
	return append(dst, s[cursor:]...)
}
