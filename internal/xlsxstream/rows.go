package xlsxstream

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Limits of the sheet grid (excelize's TotalRows and MaxColumns).
const (
	maxRows    = 1 << 20
	maxColumns = 16384
)

// Rows iterates over the rows of one sheet:
//
//	rows, err := book.Rows("投诉台账")
//	if err != nil { ... }
//	defer rows.Close()
//	for rows.Next() {
//		n, cells := rows.Row()
//		...
//	}
//	if err := rows.Err(); errors.Is(err, xlsxstream.ErrUnsupported) {
//		// read the sheet with excelize instead
//	}
type Rows struct {
	book    *Book
	sheet   string
	w       *window
	parse   func([]byte, int) (int, error)
	started bool // past the <sheetData> start tag
	done    bool
	err     error

	rowNum  int
	prevRow int
	gotRow  bool
	cells   []string
	styles  []int

	text  []byte // the row's decoded values other than shared strings
	spans []span // where in text each such cell's value is
	vbuf  []byte // the <v> of a shared-string cell
	junk  []byte // text decoded only to check it: formulas, white space
	rt    richText
}

// span places cells[col] = text[lo:hi].
type span struct{ col, lo, hi int }

// Rows opens the sheet named sheet (compared without regard to case, as
// excelize does) for iteration.
func (b *Book) Rows(sheet string) (*Rows, error) {
	if b.zr == nil {
		return nil, errors.New("xlsxstream: the book is closed")
	}
	for _, s := range b.sheets {
		if !strings.EqualFold(s.name, sheet) {
			continue
		}
		if s.part == "" {
			break
		}
		f := b.parts[s.part]
		rc, err := b.openPart(f)
		if err != nil {
			return nil, err
		}
		r := &Rows{book: b, sheet: s.name, w: newWindow(rc, b.opt, f.UncompressedSize64)}
		r.parse = r.parseUnit
		return r, nil
	}
	return nil, fmt.Errorf("xlsxstream: sheet %s does not exist", sheet)
}

// Next advances to the next row element of the sheet and reports whether
// there is one. Rows with no cells are yielded as they stand in the XML;
// row numbers that have no row element are skipped (excelize's iterator
// yields them as empty rows): Row says which row this is.
func (r *Rows) Next() bool {
	if r.err != nil || r.done {
		return false
	}
	for !r.started {
		j, err := r.w.unit(r.parsePrelude)
		if err == errDone || err == errEOF {
			r.done = true // no sheetData, or an empty one
			return false
		}
		if err != nil {
			r.fail(err)
			return false
		}
		r.w.pos = j
	}
	for {
		r.gotRow = false
		j, err := r.w.unit(r.parse)
		switch {
		case err == errDone:
			r.done = true
			return false
		case err == errEOF:
			r.fail(unsupported("the XML ends inside sheetData"))
			return false
		case err != nil:
			r.fail(err)
			return false
		}
		r.w.pos = j
		if r.gotRow {
			r.prevRow = r.rowNum
			return true
		}
	}
}

// Row returns the current row's number (1-based) and its cells by column
// (cells[0] is column A), with "" for a column that has no cell or an
// empty one; trailing empty cells are left out, so rows differ in length.
// The values are what excelize's Rows().Columns(Options{RawCellValue:
// true}) returns: shared and inline strings decoded, numbers, dates and
// booleans ("1"/"0") as their stored text, error values ("#N/A") and the
// cached results of formulas as stored. The slice is reused by the next
// call of Next; the strings are ordinary Go strings and may be kept.
func (r *Rows) Row() (int, []string) { return r.rowNum, r.cells }

// Styles returns the style index (the cell's s attribute) of each cell of
// the current row, parallel to the cells of Row, for Book.IsDateStyle.
// The slice is reused by the next call of Next.
func (r *Rows) Styles() []int { return r.styles }

// Err returns the error that stopped Next, if any. An error wrapping
// ErrUnsupported means the sheet should be read with excelize instead.
func (r *Rows) Err() error { return r.err }

// Close stops the inflating goroutine and releases the sheet's buffers.
func (r *Rows) Close() error {
	if r.w == nil {
		return nil
	}
	err := r.w.close()
	r.w, r.done = nil, true
	return err
}

func (r *Rows) fail(err error) {
	r.err = fmt.Errorf("%s: %w", r.sheet, err)
}

func (r *Rows) parsePrelude(b []byte, i int) (int, error) {
	j, found, err := prelude(b, i, "sheetData")
	if found {
		r.started = true
	}
	return j, err
}

// parseUnit reads one unit inside sheetData: a row, or white space, a
// comment, or the end of sheetData (errDone).
func (r *Rows) parseUnit(b []byte, i int) (int, error) {
	if i = skipSpace(b, i); i >= len(b) {
		return i, errShort
	}
	if b[i] != '<' {
		var err error
		r.junk, i, err = appendText(r.junk[:0], b, i)
		return i, err
	}
	k, err := markupAt(b, i)
	if err != nil {
		return i, err
	}
	switch k {
	case markStart:
		return r.parseRow(b, i)
	case markEnd:
		t, j, err := readTagName(b, i)
		if err != nil {
			return i, err
		}
		if string(t.local) != "sheetData" {
			return i, bad(i, "unexpected </"+string(t.name)+"> in sheetData")
		}
		if _, err := endOfTag(b, j); err != nil {
			return i, err
		}
		return i, errDone
	case markComment:
		return skipComment(b, i)
	case markPI:
		return skipPI(b, i)
	case markCDATA:
		r.junk, i, err = appendCDATA(r.junk[:0], b, i)
		return i, err
	}
	return i, bad(i, "unsupported <! directive in sheetData")
}

// parseRow reads <row ...>...</row> starting at b[i].
func (r *Rows) parseRow(b []byte, i int) (int, error) {
	t, j, err := readTagName(b, i)
	if err != nil {
		return i, err
	}
	if string(t.local) != "row" {
		return i, bad(i, "unexpected <"+string(t.name)+"> in sheetData")
	}
	rowNum := r.prevRow + 1
	empty := false
	for {
		local, val, check, done, e, k, err := nextAttr(b, j)
		if err != nil {
			return k, err
		}
		if done {
			j, empty = k, e
			break
		}
		if string(local) == "r" {
			if check {
				if val, err = checkAttrValue(nil, val, j); err != nil {
					return j, err
				}
			}
			n, ok := uintValue(val)
			if !ok || n < 1 || n > maxRows {
				return j, bad(j, "row number r=\""+string(val)+"\"")
			}
			rowNum = n
		}
		j = k
	}
	if rowNum <= r.prevRow || rowNum > maxRows {
		return i, bad(i, "row "+strconv.Itoa(rowNum)+" after row "+strconv.Itoa(r.prevRow))
	}
	r.rowNum = rowNum
	r.cells, r.styles = r.cells[:0], r.styles[:0]
	r.text, r.spans = r.text[:0], r.spans[:0]
	if !empty {
		col := 0 // the last cell's column, 1-based
		for {
			if j = skipSpace(b, j); j >= len(b) {
				return j, errShort
			}
			if b[j] != '<' {
				if r.junk, j, err = appendText(r.junk[:0], b, j); err != nil {
					return j, err
				}
				continue
			}
			k, err := markupAt(b, j)
			if err != nil {
				return j, err
			}
			if k == markStart {
				if j, col, err = r.parseCell(b, j, col); err != nil {
					return j, err
				}
				continue
			}
			if k == markEnd {
				et, k2, err := readTagName(b, j)
				if err != nil {
					return j, err
				}
				if !bytes.Equal(et.name, t.name) {
					return j, bad(j, "element <"+string(t.name)+"> closed by </"+string(et.name)+">")
				}
				if j, err = endOfTag(b, k2); err != nil {
					return j, err
				}
				break
			}
			if j, err = skipMisc(b, j, k, &r.junk); err != nil {
				return j, err
			}
		}
	}
	if j-i > r.book.opt.MaxRowBytes {
		return j, fmt.Errorf("%w: row %d is over %d bytes of XML", ErrTooLarge, rowNum, r.book.opt.MaxRowBytes)
	}
	if len(r.spans) > 0 {
		// One allocation for all the row's own text; each value is a
		// substring of it.
		s := string(r.text)
		for _, sp := range r.spans {
			r.cells[sp.col] = s[sp.lo:sp.hi]
		}
	}
	r.gotRow = true
	return j, nil
}

// skipMisc passes over a comment, processing instruction or CDATA section
// where only elements and white space are expected.
func skipMisc(b []byte, i, kind int, scratch *[]byte) (int, error) {
	var err error
	switch kind {
	case markComment:
		return skipComment(b, i)
	case markPI:
		return skipPI(b, i)
	case markCDATA:
		*scratch, i, err = appendCDATA((*scratch)[:0], b, i)
		return i, err
	}
	return i, bad(i, "unsupported markup")
}

// Cell types whose value is not simply the text of <v>.
const (
	typeOther = iota
	typeShared
	typeInline
)

// parseCell reads <c ...>...</c> starting at b[i]; prev is the column of
// the previous cell of the row, which a cell without r follows.
func (r *Rows) parseCell(b []byte, i, prev int) (int, int, error) {
	var name []byte
	j := i + 2
	if j < len(b) && b[i+1] == 'c' && (b[j] == ' ' || b[j] == '>' || b[j] == '/') {
		name = b[i+1 : j] // the usual unprefixed <c
	} else {
		t, k, err := readTagName(b, i)
		if err != nil {
			return i, prev, err
		}
		if string(t.local) != "c" {
			return i, prev, bad(i, "unexpected <"+string(t.name)+"> in a row")
		}
		name, j = t.name, k
	}
	col, style, typ := prev+1, 0, typeOther
	empty := false
	for {
		var (
			local, val []byte
			check      bool
			k          int
		)
		// The usual spelling, ` r="A1"`, without the general parser.
		if j+4 < len(b) && b[j] == ' ' && b[j+2] == '=' && b[j+3] == '"' && b[j+1] >= 'a' && b[j+1] <= 'z' {
			e := bytes.IndexByte(b[j+4:], '"')
			if e < 0 {
				return j, prev, errShort
			}
			local, val, k = b[j+1:j+2], b[j+4:j+4+e], j+5+e
			for _, c := range val {
				if c < 0x20 || c >= 0x80 || c == '&' || c == '<' {
					local = nil // not plain: let nextAttr judge it
					break
				}
			}
		}
		if local == nil {
			var done, e bool
			var err error
			if local, val, check, done, e, k, err = nextAttr(b, j); err != nil {
				return k, prev, err
			}
			if done {
				j, empty = k, e
				break
			}
		}
		if len(local) == 1 {
			var err error
			if check {
				if val, err = checkAttrValue(nil, val, j); err != nil {
					return j, prev, err
				}
			}
			switch local[0] {
			case 'r':
				if len(val) == 0 {
					break // excelize takes r="" for no reference
				}
				if col, err = refColumn(val); err != nil {
					return j, prev, bad(j, "cell reference r=\""+string(val)+"\": "+err.Error())
				}
			case 's':
				n, ok := uintValue(val)
				if !ok {
					return j, prev, bad(j, "style s=\""+string(val)+"\"")
				}
				style = n
			case 't':
				switch string(val) {
				case "s":
					typ = typeShared
				case "inlineStr":
					typ = typeInline
				default:
					typ = typeOther
				}
			}
		}
		j = k
	}
	if col <= prev {
		return i, prev, bad(i, "cell in column "+strconv.Itoa(col)+" after column "+strconv.Itoa(prev))
	}
	var (
		hasV, hasF, hasIS bool
		vlo, vhi          int // the <v> text in r.text, or in r.vbuf for a shared string
		ilo, ihi          int // the text of <is> in r.text
		err               error
	)
	for !empty {
		if j = skipSpace(b, j); j >= len(b) {
			return j, prev, errShort
		}
		if b[j] != '<' {
			if r.junk, j, err = appendText(r.junk[:0], b, j); err != nil {
				return j, prev, err
			}
			continue
		}
		k, err := markupAt(b, j)
		if err != nil {
			return j, prev, err
		}
		if k == markEnd {
			if e := j + 2 + len(name); e < len(b) && b[e] == '>' && string(b[j+2:e]) == string(name) {
				j = e + 1
				break
			}
			et, k2, err := readTagName(b, j)
			if err != nil {
				return j, prev, err
			}
			if !bytes.Equal(et.name, name) {
				return j, prev, bad(j, "element <"+string(name)+"> closed by </"+string(et.name)+">")
			}
			if j, err = endOfTag(b, k2); err != nil {
				return j, prev, err
			}
			break
		}
		if k != markStart {
			if j, err = skipMisc(b, j, k, &r.junk); err != nil {
				return j, prev, err
			}
			continue
		}
		var ct tag
		var k2 int
		switch {
		// The usual unprefixed <v> and <is>, without the general parser.
		case j+2 < len(b) && b[j+1] == 'v' && b[j+2] == '>':
			ct.name, ct.local, k2 = b[j+1:j+2], b[j+1:j+2], j+2
		case j+3 < len(b) && b[j+1] == 'i' && b[j+2] == 's' && b[j+3] == '>':
			ct.name, ct.local, k2 = b[j+1:j+3], b[j+1:j+3], j+3
		default:
			if ct, k2, err = readTagName(b, j); err != nil {
				return j, prev, err
			}
		}
		switch string(ct.local) {
		case "v":
			k3, e, err := skipAttrs(b, k2)
			if err != nil {
				return k3, prev, err
			}
			hasV = true
			if typ == typeShared {
				r.vbuf = r.vbuf[:0]
				if !e {
					if r.vbuf, k3, err = textContent(r.vbuf, b, k3, ct.name); err != nil {
						return k3, prev, err
					}
				}
				vlo, vhi = 0, len(r.vbuf)
			} else {
				vlo = len(r.text)
				if !e {
					if r.text, k3, err = textContent(r.text, b, k3, ct.name); err != nil {
						return k3, prev, err
					}
				}
				vhi = len(r.text)
			}
			j = k3
		case "f":
			k3, e, err := skipAttrs(b, k2)
			if err != nil {
				return k3, prev, err
			}
			hasF = true
			if !e {
				if r.junk, k3, err = textContent(r.junk[:0], b, k3, ct.name); err != nil {
					return k3, prev, err
				}
			}
			j = k3
		case "is":
			if hasIS {
				return j, prev, bad(j, "two <is> in a cell")
			}
			hasIS = true
			ilo = len(r.text)
			k3, ok, err := r.inlineFast(b, k2, ct.name)
			if err != nil {
				return k3, prev, err
			}
			if !ok {
				r.text = r.text[:ilo]
				if k3, err = r.rt.parseItem(b, j); err != nil {
					return k3, prev, err
				}
				r.text = append(r.text, r.rt.out...)
			}
			ihi, j = len(r.text), k3
		default:
			return j, prev, bad(j, "unexpected <"+string(ct.name)+"> in a cell")
		}
	}

	// The value, as excelize's getValueFrom gives it with raw values.
	switch {
	case typ == typeShared && hasV && vhi > vlo:
		s := ""
		if n, ok := sstIndex(r.vbuf[vlo:vhi]); ok && n < r.book.sst.len() {
			s = r.book.sst.at(n)
		}
		if s != "" || hasF {
			r.put(col, style, s)
		}
	case typ == typeInline && hasIS:
		if ihi > ilo || hasF {
			r.putSpan(col, style, ilo, ihi)
		}
	case typ == typeShared:
		if hasF {
			r.put(col, style, "")
		}
	default:
		if vhi > vlo || hasF {
			r.putSpan(col, style, vlo, vhi)
		}
	}
	return j, col, nil
}

// inlineFast reads the common form of an inline string, <is><t>text</t>
// </is> with or without xml:space, straight onto r.text; k is just after
// the name "is". It reports false, leaving the rest to richText, for any
// other form.
func (r *Rows) inlineFast(b []byte, k int, name []byte) (int, bool, error) {
	const open, openSpace, closing = "<t>", `<t xml:space="preserve">`, "</t></is>"
	if string(name) != "is" || k >= len(b) || b[k] != '>' {
		return k, false, nil
	}
	k++
	switch rest := b[k:]; {
	case bytes.HasPrefix(rest, []byte(open)):
		k += len(open)
	case bytes.HasPrefix(rest, []byte(openSpace)):
		k += len(openSpace)
	default:
		return k, false, nil
	}
	lo := len(r.text)
	var err error
	if r.text, k, err = appendText(r.text, b, k); err != nil {
		return k, false, err
	}
	if !bytes.HasPrefix(b[k:], []byte(closing)) {
		return k, false, nil
	}
	if bytes.Contains(r.text[lo:], []byte("_x")) {
		r.rt.scratch = append(r.rt.scratch[:0], r.text[lo:]...)
		r.text = appendBstr(r.text[:lo], r.rt.scratch)
	}
	return k + len(closing), true, nil
}

// put sets the value of column col (1-based), filling the gap before it.
func (r *Rows) put(col, style int, s string) {
	for len(r.cells) < col-1 {
		r.cells = append(r.cells, "")
		r.styles = append(r.styles, 0)
	}
	r.cells = append(r.cells, s)
	r.styles = append(r.styles, style)
}

// putSpan sets column col to text[lo:hi] once the row is complete.
func (r *Rows) putSpan(col, style, lo, hi int) {
	r.put(col, style, "")
	r.spans = append(r.spans, span{col: col - 1, lo: lo, hi: hi})
}

// uintValue parses a decimal attribute value of at most 9 digits.
func uintValue(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// sstIndex reads a shared string index as excelize does: space trimmed,
// strconv.Atoi, whatever it returns beside an error. A negative index is
// out of range (ok false).
func sstIndex(v []byte) (int, bool) {
	if n, ok := uintValue(v); ok {
		return n, true
	}
	// Atoi gives 0 for text and the nearest int for an overflow, with an
	// error excelize does not look at.
	n, _ := strconv.Atoi(string(bytes.TrimSpace(v)))
	return n, n >= 0
}

// refColumn returns the column (1-based) of a cell reference such as
// "AB12", as excelize's CellNameToCoordinates reads it: letters in either
// case, '$' allowed among them, a positive row number after them (which
// is otherwise ignored, as excelize ignores it).
func refColumn(v []byte) (int, error) {
	col, i := 0, 0
	for i < len(v) && i < 3 && v[i] >= 'A' && v[i] <= 'Z' {
		col = col*26 + int(v[i]-'A'+1)
		i++
	}
	if i > 0 && i < len(v) && v[i] >= '1' && v[i] <= '9' && len(v)-i <= 7 {
		row := 0
		for _, c := range v[i:] {
			if c < '0' || c > '9' {
				row = -1
				break
			}
			row = row*10 + int(c-'0')
		}
		if row > 0 && row <= maxRows && col <= maxColumns {
			return col, nil
		}
	}
	return refColumnSlow(string(v))
}

// refColumnSlow is excelize's SplitCellName and ColumnNameToNumber for the
// references the fast path does not take.
func refColumnSlow(cell string) (int, error) {
	alpha := func(r rune) bool { return 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || r == '$' }
	if strings.IndexFunc(cell, alpha) != 0 {
		return 0, errors.New("not a cell reference")
	}
	i := strings.LastIndexFunc(cell, alpha)
	if i < 0 || i >= len(cell)-1 {
		return 0, errors.New("not a cell reference")
	}
	name := strings.ReplaceAll(cell[:i+1], "$", "")
	row, err := strconv.Atoi(cell[i+1:])
	if err != nil || row <= 0 {
		return 0, errors.New("not a cell reference")
	}
	if row > maxRows {
		return 0, errors.New("row number over the sheet's limit")
	}
	if name == "" {
		return 0, errors.New("no column")
	}
	col := 0
	for k := 0; k < len(name); k++ {
		c := name[k] | 0x20
		if c < 'a' || c > 'z' {
			return 0, errors.New("not a column name")
		}
		col = col*26 + int(c-'a'+1)
		if col > maxColumns {
			return 0, errors.New("column number over the sheet's limit")
		}
	}
	return col, nil
}
