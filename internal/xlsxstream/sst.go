package xlsxstream

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// sharedStrings holds the decoded shared string table as one string and
// the offsets of its items, so a million items cost one allocation and
// 8 bytes each rather than a string header and a heap object apiece, and
// a cell's value is a substring of it: no allocation per cell.
type sharedStrings struct {
	all string
	off []int // item i is all[off[i]:off[i+1]]
}

func (s *sharedStrings) len() int {
	if len(s.off) == 0 {
		return 0
	}
	return len(s.off) - 1
}

func (s *sharedStrings) at(i int) string { return s.all[s.off[i]:s.off[i+1]] }

// richText collects the text of a string item (<si> or <is>) the way
// excelize's xlsxSI.String does: the text of the item's own <t> (the last
// one, if there are several), then the text of each run <r> (again the
// last <t> of each), phonetic runs left out, then _xHHHH_ escapes decoded.
type richText struct {
	t, runs, out, scratch []byte
}

// parseItem reads the element starting at b[i] (the start tag of <si> or
// <is>) and leaves its text in rt.out.
func (rt *richText) parseItem(b []byte, i int) (int, error) {
	rt.t, rt.runs = rt.t[:0], rt.runs[:0]
	st, j, err := readTagName(b, i)
	if err != nil {
		return i, err
	}
	j, empty, err := skipAttrs(b, j)
	if err != nil {
		return j, err
	}
	if !empty {
		if j, err = rt.content(b, j, st.name, 0); err != nil {
			return j, err
		}
	}
	rt.out = rt.out[:0]
	if len(rt.t)+len(rt.runs) > 0 {
		if len(rt.runs) == 0 {
			rt.out = appendBstr(rt.out, rt.t)
		} else {
			rt.scratch = append(append(rt.scratch[:0], rt.t...), rt.runs...)
			rt.out = appendBstr(rt.out, rt.scratch)
		}
	}
	return j, nil
}

// content reads the children of an item (level 0) or of a run (level 1)
// up to the end tag named name.
func (rt *richText) content(b []byte, j int, name []byte, level int) (int, error) {
	runStart := len(rt.runs)
	var err error
	for {
		// Text between the children is not part of the value; it still
		// has to be well formed.
		if rt.scratch, j, err = appendText(rt.scratch[:0], b, j); err != nil {
			return j, err
		}
		k, err := markupAt(b, j)
		if err != nil {
			return j, err
		}
		switch k {
		case markComment:
			if j, err = skipComment(b, j); err != nil {
				return j, err
			}
			continue
		case markCDATA:
			if rt.scratch, j, err = appendCDATA(rt.scratch[:0], b, j); err != nil {
				return j, err
			}
			continue
		case markPI:
			if j, err = skipPI(b, j); err != nil {
				return j, err
			}
			continue
		case markDirective:
			return j, bad(j, "unsupported <! directive")
		case markEnd:
			et, k, err := readTagName(b, j)
			if err != nil {
				return j, err
			}
			if !bytes.Equal(et.name, name) {
				return j, bad(j, "element <"+string(name)+"> closed by </"+string(et.name)+">")
			}
			return endOfTag(b, k)
		}
		ct, k2, err := readTagName(b, j)
		if err != nil {
			return j, err
		}
		switch {
		case string(ct.local) == "t":
			k3, empty, err := skipAttrs(b, k2)
			if err != nil {
				return k3, err
			}
			var dst []byte
			if level == 0 {
				dst = rt.t[:0]
			} else {
				dst = rt.runs[:runStart]
			}
			if !empty {
				if dst, k3, err = textContent(dst, b, k3, ct.name); err != nil {
					return k3, err
				}
			}
			if level == 0 {
				rt.t = dst
			} else {
				rt.runs = dst
			}
			j = k3
		case level == 0 && string(ct.local) == "r":
			k3, empty, err := skipAttrs(b, k2)
			if err != nil {
				return k3, err
			}
			j = k3
			if !empty {
				if j, err = rt.content(b, k3, ct.name, 1); err != nil {
					return j, err
				}
			}
		default: // rPr, rPh, phoneticPr and anything else: not text
			if j, err = skipElement(b, j, rt.scratch); err != nil {
				return j, err
			}
		}
	}
}

// textContent reads the character data of an element whose start tag ends
// at b[i], through its end tag named name, onto dst. Comments are left out
// and CDATA sections kept, as encoding/xml does for a string; a child
// element is not expected here.
func textContent(dst, b []byte, i int, name []byte) ([]byte, int, error) {
	var err error
	for {
		if dst, i, err = appendText(dst, b, i); err != nil {
			return dst, i, err
		}
		if j := i + 2 + len(name); j < len(b) && b[i+1] == '/' && b[j] == '>' && string(b[i+2:j]) == string(name) {
			return dst, j + 1, nil
		}
		k, err := markupAt(b, i)
		if err != nil {
			return dst, i, err
		}
		switch k {
		case markEnd:
			et, j, err := readTagName(b, i)
			if err != nil {
				return dst, i, err
			}
			if !bytes.Equal(et.name, name) {
				return dst, i, bad(i, "element <"+string(name)+"> closed by </"+string(et.name)+">")
			}
			j, err = endOfTag(b, j)
			return dst, j, err
		case markComment:
			if i, err = skipComment(b, i); err != nil {
				return dst, i, err
			}
		case markCDATA:
			if dst, i, err = appendCDATA(dst, b, i); err != nil {
				return dst, i, err
			}
		default:
			return dst, i, bad(i, "markup inside <"+string(name)+">")
		}
	}
}

// readSharedStrings streams the shared string table into b.sst.
func (b *Book) readSharedStrings(f *zip.File) error {
	rc, err := b.openPart(f)
	if err != nil {
		return err
	}
	w := newWindow(rc, b.opt, f.UncompressedSize64)
	defer w.close()

	var all strings.Builder
	// The decoded text is no longer than the XML it came from: reserve
	// that much once rather than doubling (pages never written are never
	// touched, so this costs address space, not memory).
	all.Grow(int(min(f.UncompressedSize64, 1<<30)))
	off := []int{0}
	var rt richText
	inSST := false
	for {
		j, err := w.unit(func(buf []byte, i int) (int, error) {
			if !inSST {
				j, found, err := prelude(buf, i, "sst")
				if found {
					inSST = true
					// An item takes at least "<si><t/></si>"; a larger
					// uniqueCount is a lie not worth reserving for.
					if unique, ok := uniqueCount(buf[i:j]); ok && len(off) == 1 {
						off = make([]int, 1, min(unique, int(f.UncompressedSize64/13), max(b.maxStrings, 0))+1)
					}
				}
				return j, err
			}
			i = skipSpace(buf, i)
			if i >= len(buf) {
				return i, errShort
			}
			if buf[i] != '<' {
				var err error
				rt.scratch, i, err = appendText(rt.scratch[:0], buf, i)
				return i, err
			}
			k, err := markupAt(buf, i)
			switch {
			case err != nil:
				return i, err
			case k == markComment:
				return skipComment(buf, i)
			case k == markPI:
				return skipPI(buf, i)
			case k == markEnd:
				return i, errDone
			case k != markStart:
				return i, bad(i, "unsupported markup in the shared strings")
			}
			t, _, err := readTagName(buf, i)
			if err != nil {
				return i, err
			}
			if string(t.local) != "si" {
				return skipElement(buf, i, rt.scratch)
			}
			j, err := rt.parseItem(buf, i)
			if err != nil {
				return j, err
			}
			if j-i > b.opt.MaxRowBytes {
				return j, fmt.Errorf("%w: shared string %d is over %d bytes of XML", ErrTooLarge, len(off)-1, b.opt.MaxRowBytes)
			}
			if b.maxStrings > 0 && len(off) > b.maxStrings {
				return j, fmt.Errorf("%w: the shared strings table holds more than %d items, more than the sheets' cells could refer to", ErrTooLarge, b.maxStrings)
			}
			all.Write(rt.out)
			off = append(off, all.Len())
			return j, nil
		})
		if err == errDone || err == errEOF && !inSST {
			break
		}
		if err != nil {
			return err
		}
		w.pos = j
	}
	b.sst = sharedStrings{all: all.String(), off: off}
	return nil
}

// uniqueCount reads the uniqueCount attribute of the <sst> start tag, to
// size the offsets once.
func uniqueCount(tag []byte) (int, bool) {
	k := bytes.Index(tag, []byte("uniqueCount="))
	if k < 0 || k+13 >= len(tag) {
		return 0, false
	}
	v := tag[k+13:]
	if e := bytes.IndexAny(v, `"'`); e >= 0 {
		v = v[:e]
	}
	n, err := strconv.Atoi(string(v))
	if err != nil || n < 0 || n > 1<<26 {
		return 0, false
	}
	return n, true
}

// prelude passes over one markup token before the element named local
// (the sheet's sheetData, the table's sst) and reports when it has read
// that element's start tag. A DTD may declare entities and is refused; an
// XML declaration must say UTF-8.
func prelude(b []byte, i int, local string) (int, bool, error) {
	if i >= len(b) {
		return i, false, errShort
	}
	if b[i] != '<' {
		// Text outside the elements: a byte-order mark, white space.
		if j, ok := skipBOM(b, i); ok {
			return j, false, nil
		}
		var scratch [64]byte
		_, j, err := appendText(scratch[:0], b, i)
		return j, false, err
	}
	k, err := markupAt(b, i)
	if err != nil {
		return i, false, err
	}
	switch k {
	case markComment:
		j, err := skipComment(b, i)
		return j, false, err
	case markCDATA:
		var scratch [64]byte
		_, j, err := appendCDATA(scratch[:0], b, i)
		return j, false, err
	case markPI:
		j, err := skipPI(b, i)
		if err != nil {
			return j, false, err
		}
		if err := checkDecl(b[i:j], i); err != nil {
			return j, false, err
		}
		return j, false, nil
	case markDirective:
		return i, false, bad(i, "a document type declaration")
	}
	t, j, err := readTagName(b, i)
	if err != nil {
		return i, false, err
	}
	if t.end {
		j, err = endOfTag(b, j)
		return j, false, err
	}
	j, empty, err := skipAttrs(b, j)
	if err != nil {
		return j, false, err
	}
	if string(t.local) == local {
		if empty {
			return j, false, errDone
		}
		return j, true, nil
	}
	return j, false, nil
}

func skipBOM(b []byte, i int) (int, bool) {
	if bytes.HasPrefix(b[i:], []byte("\xef\xbb\xbf")) {
		return i + 3, true
	}
	return i, false
}

// checkDecl refuses an XML declaration naming an encoding other than
// UTF-8 (excelize converts those; this package does not).
func checkDecl(pi []byte, at int) error {
	if !bytes.HasPrefix(pi, []byte("<?xml")) || len(pi) > 5 && !isSpace(pi[5]) {
		return nil
	}
	k := bytes.Index(pi, []byte("encoding"))
	if k < 0 {
		return nil
	}
	rest := bytes.TrimLeft(pi[k+len("encoding"):], " \t\r\n=")
	if len(rest) == 0 {
		return nil
	}
	q := rest[0]
	end := bytes.IndexByte(rest[1:], q)
	if end < 0 {
		return bad(at, "malformed XML declaration")
	}
	if enc := string(rest[1 : 1+end]); !strings.EqualFold(enc, "utf-8") {
		return bad(at, fmt.Sprintf("XML encoding %q", enc))
	}
	return nil
}
