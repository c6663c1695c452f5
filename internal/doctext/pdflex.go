package doctext

import (
	"bytes"
	"errors"
	"strconv"
)

// The PDF object model, as far as text extraction needs it.
type (
	pdfName string
	pdfStr  []byte
	pdfDict map[pdfName]any
	pdfRef  struct{ num, gen int64 }
	pdfOp   string // a bare keyword: an operator in a content stream
	pdfArr  []any
)

// maxNesting bounds arrays and dictionaries inside one another, so a file
// of a million '[' cannot exhaust the stack.
const maxNesting = 64

var errSyntax = errors.New("syntax error")

// lexer reads PDF tokens from a byte slice. It never reads past the end
// and never panics on malformed input.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// token kinds returned by next.
const (
	tEOF = iota
	tValue
	tArrOpen
	tArrClose
	tDictOpen
	tDictClose
)

// next returns the next token: a value (number, name, string, keyword) or
// a bracket.
func (l *lexer) next() (int, any) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return tEOF, nil
	}
	c := l.b[l.pos]
	switch c {
	case '[':
		l.pos++
		return tArrOpen, nil
	case ']':
		l.pos++
		return tArrClose, nil
	case '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return tDictOpen, nil
		}
		return tValue, l.hexString()
	case '>':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '>' {
			l.pos += 2
			return tDictClose, nil
		}
		l.pos++
		return tValue, pdfOp(">")
	case '(':
		return tValue, l.litString()
	case '/':
		return tValue, l.name()
	case ')', '{', '}':
		l.pos++
		return tValue, pdfOp(string(c))
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	w := l.b[start:l.pos]
	if (w[0] >= '0' && w[0] <= '9') || w[0] == '-' || w[0] == '+' || w[0] == '.' {
		if n, err := strconv.ParseInt(string(w), 10, 64); err == nil {
			return tValue, n
		}
		if f, err := strconv.ParseFloat(string(w), 64); err == nil {
			return tValue, f
		}
	}
	switch string(w) {
	case "true":
		return tValue, true
	case "false":
		return tValue, false
	case "null":
		return tValue, nil
	}
	return tValue, pdfOp(w)
}

func (l *lexer) name() pdfName {
	l.pos++ // '/'
	var out []byte
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		c := l.b[l.pos]
		if c == '#' && l.pos+2 < len(l.b) {
			if v, ok := unhex2(l.b[l.pos+1], l.b[l.pos+2]); ok {
				out = append(out, v)
				l.pos += 3
				continue
			}
		}
		out = append(out, c)
		l.pos++
	}
	return pdfName(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func unhex2(a, b byte) (byte, bool) {
	x, ok1 := unhex(a)
	y, ok2 := unhex(b)
	return x<<4 | y, ok1 && ok2
}

func (l *lexer) hexString() pdfStr {
	l.pos++ // '<'
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

func (l *lexer) litString() pdfStr {
	l.pos++ // '('
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// object parses one object; references (n g R) are recognised in arrays
// and dictionaries, where they occur.
func (l *lexer) object(depth int) (any, error) {
	k, v := l.next()
	return l.objectFrom(k, v, depth)
}

func (l *lexer) objectFrom(k int, v any, depth int) (any, error) {
	switch k {
	case tEOF:
		return nil, errSyntax
	case tValue:
		return v, nil
	case tArrOpen:
		if depth >= maxNesting {
			return nil, errSyntax
		}
		var arr pdfArr
		for {
			k, v := l.next()
			switch k {
			case tArrClose:
				return resolveRefs(arr), nil
			case tEOF, tDictClose:
				return nil, errSyntax
			}
			o, err := l.objectFrom(k, v, depth+1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, o)
		}
	case tDictOpen:
		if depth >= maxNesting {
			return nil, errSyntax
		}
		var items pdfArr
		for {
			k, v := l.next()
			switch k {
			case tDictClose:
				items = resolveRefs(items)
				d := pdfDict{}
				for i := 0; i+1 < len(items); i += 2 {
					if key, ok := items[i].(pdfName); ok {
						d[key] = items[i+1]
					}
				}
				return d, nil
			case tEOF, tArrClose:
				return nil, errSyntax
			}
			o, err := l.objectFrom(k, v, depth+1)
			if err != nil {
				return nil, err
			}
			items = append(items, o)
		}
	}
	return nil, errSyntax
}

// resolveRefs folds "n g R" triples of a sequence into references.
func resolveRefs(in pdfArr) pdfArr {
	out := in[:0]
	for i := 0; i < len(in); i++ {
		if i+2 < len(in) {
			n, ok1 := in[i].(int64)
			g, ok2 := in[i+1].(int64)
			if op, ok3 := in[i+2].(pdfOp); ok1 && ok2 && ok3 && op == "R" {
				out = append(out, pdfRef{n, g})
				i += 2
				continue
			}
		}
		out = append(out, in[i])
	}
	return out
}

// indexFrom finds sep in b at or after from; -1 if absent.
func indexFrom(b []byte, from int, sep string) int {
	if from >= len(b) {
		return -1
	}
	i := bytes.Index(b[from:], []byte(sep))
	if i < 0 {
		return -1
	}
	return from + i
}
