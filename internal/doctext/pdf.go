package doctext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A minimal PDF text reader. It does not follow the cross-reference table,
// which is often wrong in files edited by hand or by careless tools: it
// scans the file for "n g obj" and reads every object it finds, then the
// objects packed in object streams. Text comes from the pages' content
// streams (and the forms they draw), decoded through each font's
// ToUnicode map, or through the font's named encoding where the map is
// absent. What it does not read it reports: a font with no way to Unicode
// sets NoTextMap; an encrypted file is ErrEncrypted.

type pdfStream struct {
	dict pdfDict
	raw  []byte
}

type pdfFile struct {
	b       []byte
	objs    map[int64]any
	budget  int64
	over    bool
	images  bool
	noMap   bool
	text    textBuf
	fonts   map[pdfRef]*pdfFont
	visited map[pdfRef]bool
}

var objHeader = regexp.MustCompile(`(\d{1,10})[\x00\t\n\f\r ]+(\d{1,5})[\x00\t\n\f\r ]+obj\b`)

// PDF reads the text of a PDF file.
func PDF(b []byte, lim Limits) (Content, error) {
	head := b[:min(len(b), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return Content{}, fmt.Errorf("%w: no %%PDF- header", ErrDamaged)
	}
	p := &pdfFile{b: b, objs: map[int64]any{}, budget: lim.MaxInflate,
		fonts: map[pdfRef]*pdfFont{}, visited: map[pdfRef]bool{}}
	if p.budget <= 0 {
		p.budget = 1 << 62
	}
	p.text.max = lim.MaxText
	p.scan()
	if len(p.objs) == 0 {
		return Content{}, fmt.Errorf("%w: no objects", ErrDamaged)
	}
	if p.encrypted() {
		return Content{}, ErrEncrypted
	}
	p.unpackObjectStreams()
	nums := make([]int64, 0, len(p.objs))
	for n := range p.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	for _, n := range nums {
		if p.over {
			break
		}
		d := p.dictOf(p.objs[n])
		if d == nil {
			continue
		}
		if _, ok := p.objs[n].(*pdfStream); ok && d["Subtype"] == pdfName("Image") {
			p.images = true
		}
		if d["Type"] == pdfName("Page") {
			p.page(d)
			p.text.newline()
		}
	}
	if p.over {
		return Content{}, ErrTooLarge
	}
	return Content{Text: p.text.String(), Images: p.images, Truncated: p.text.truncated, NoTextMap: p.noMap}, nil
}

// scan reads every "n g obj" in file order; a later definition of the
// same number (an incremental update) replaces the earlier.
func (p *pdfFile) scan() {
	pos := 0
	for pos < len(p.b) {
		loc := objHeader.FindSubmatchIndex(p.b[pos:])
		if loc == nil {
			return
		}
		num := parseInt(p.b[pos+loc[2] : pos+loc[3]])
		l := &lexer{b: p.b, pos: pos + loc[1]}
		pos += loc[1]
		v, err := l.object(0)
		if err != nil {
			continue
		}
		if d, ok := v.(pdfDict); ok {
			save := l.pos
			if k, op := l.next(); k == tValue && op == pdfOp("stream") {
				raw, end := p.streamData(d, l.pos)
				p.objs[num] = &pdfStream{dict: d, raw: raw}
				pos = end
				continue
			}
			l.pos = save
		}
		p.objs[num] = v
		pos = l.pos
	}
}

func parseInt(b []byte) int64 {
	var n int64
	for _, c := range b {
		n = n*10 + int64(c-'0')
	}
	return n
}

// streamData returns a stream's bytes starting after the "stream" keyword
// at pos, and the position after it. /Length is trusted only when
// "endstream" follows it, since it is often wrong or indirect.
func (p *pdfFile) streamData(d pdfDict, pos int) ([]byte, int) {
	if pos < len(p.b) && p.b[pos] == '\r' {
		pos++
	}
	if pos < len(p.b) && p.b[pos] == '\n' {
		pos++
	}
	if n, ok := d["Length"].(int64); ok && n >= 0 && n <= int64(len(p.b)-pos) {
		end := pos + int(n)
		l := &lexer{b: p.b, pos: end}
		l.skipSpace()
		if bytes.HasPrefix(p.b[l.pos:], []byte("endstream")) {
			return p.b[pos:end], l.pos + len("endstream")
		}
	}
	end := indexFrom(p.b, pos, "endstream")
	if end < 0 {
		return p.b[pos:], len(p.b)
	}
	data := p.b[pos:end]
	data = bytes.TrimSuffix(data, []byte("\n"))
	data = bytes.TrimSuffix(data, []byte("\r"))
	return data, end + len("endstream")
}

// encrypted reports an /Encrypt entry in a trailer or a cross-reference
// stream.
func (p *pdfFile) encrypted() bool {
	for pos := 0; ; {
		i := indexFrom(p.b, pos, "trailer")
		if i < 0 {
			break
		}
		l := &lexer{b: p.b, pos: i + len("trailer")}
		if v, err := l.object(0); err == nil {
			if d, ok := v.(pdfDict); ok && d["Encrypt"] != nil {
				return true
			}
		}
		pos = i + len("trailer")
	}
	for _, o := range p.objs {
		if s, ok := o.(*pdfStream); ok && s.dict["Type"] == pdfName("XRef") && s.dict["Encrypt"] != nil {
			return true
		}
	}
	return false
}

// unpackObjectStreams adds the objects packed in object streams (PDF 1.5)
// that no plain object defines.
func (p *pdfFile) unpackObjectStreams() {
	var streams []*pdfStream
	for _, o := range p.objs {
		if s, ok := o.(*pdfStream); ok && s.dict["Type"] == pdfName("ObjStm") {
			streams = append(streams, s)
		}
	}
	// Map order is random: unpack in a fixed order so a number defined
	// in two streams always resolves the same way.
	slices.SortFunc(streams, func(a, b *pdfStream) int { return bytes.Compare(a.raw, b.raw) })
	for _, s := range streams {
		data, err := p.decode(s)
		if err != nil {
			continue
		}
		n, _ := s.dict["N"].(int64)
		first, _ := s.dict["First"].(int64)
		if n <= 0 || first < 0 || first > int64(len(data)) {
			continue
		}
		l := &lexer{b: data}
		for i := int64(0); i < n; i++ {
			_, a := l.next()
			_, b := l.next()
			num, ok1 := a.(int64)
			off, ok2 := b.(int64)
			if !ok1 || !ok2 || off < 0 || first+off >= int64(len(data)) {
				break
			}
			if _, done := p.objs[num]; done {
				continue
			}
			ol := &lexer{b: data, pos: int(first + off)}
			if v, err := ol.object(0); err == nil {
				p.objs[num] = v
			}
		}
	}
}

// get follows references to the object they name.
func (p *pdfFile) get(v any) any {
	for range 16 {
		r, ok := v.(pdfRef)
		if !ok {
			return v
		}
		v = p.objs[r.num]
	}
	return nil
}

// dictOf is the dictionary of an object or of a stream.
func (p *pdfFile) dictOf(v any) pdfDict {
	switch o := p.get(v).(type) {
	case pdfDict:
		return o
	case *pdfStream:
		return o.dict
	}
	return nil
}

var errFilter = errors.New("unsupported filter")

// decode returns a stream's decoded bytes, counting them against the
// file's budget.
func (p *pdfFile) decode(s *pdfStream) ([]byte, error) {
	var filters []any
	switch f := p.get(s.dict["Filter"]).(type) {
	case pdfName:
		filters = []any{f}
	case pdfArr:
		filters = f
	}
	data := s.raw
	for _, f := range filters {
		switch p.get(f) {
		case pdfName("FlateDecode"), pdfName("Fl"):
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				return nil, err
			}
			lr := &limitedReader{r: zr, n: p.budget}
			var out bytes.Buffer
			_, err = io.Copy(&out, lr)
			p.budget -= int64(out.Len())
			if lr.over {
				p.over = true
				return nil, ErrTooLarge
			}
			// A truncated or slightly damaged stream still gives the text
			// before the damage.
			if err != nil && out.Len() == 0 {
				return nil, err
			}
			data = out.Bytes()
		case pdfName("ASCIIHexDecode"), pdfName("AHx"):
			l := &lexer{b: append([]byte{'<'}, data...)}
			data = l.hexString()
		default:
			return nil, errFilter
		}
	}
	return data, nil
}

// page reads the text of one page.
func (p *pdfFile) page(d pdfDict) {
	res := p.inherited(d, "Resources")
	var contents []any
	switch c := p.get(d["Contents"]).(type) {
	case pdfArr:
		contents = c
	case *pdfStream:
		contents = []any{c}
	}
	// The content streams of a page are one stream cut in pieces: an
	// operator may straddle two of them.
	var all []byte
	for _, c := range contents {
		s, ok := p.get(c).(*pdfStream)
		if !ok {
			continue
		}
		data, err := p.decode(s)
		if err != nil {
			continue
		}
		all = append(append(all, data...), '\n')
	}
	p.content(all, p.dictOf(res), 0)
}

// inherited is a page attribute, looked up through the page tree.
func (p *pdfFile) inherited(d pdfDict, key pdfName) any {
	for range 32 {
		if d == nil {
			return nil
		}
		if v, ok := d[key]; ok {
			return v
		}
		d = p.dictOf(d["Parent"])
	}
	return nil
}

// content interprets a content stream's text operators.
func (p *pdfFile) content(data []byte, res pdfDict, depth int) {
	l := &lexer{b: data}
	var ops pdfArr
	var font *pdfFont
	for !p.text.truncated && !p.over {
		k, v := l.next()
		if k == tEOF {
			return
		}
		if k != tValue {
			o, err := l.objectFrom(k, v, 0)
			if err != nil {
				ops = ops[:0]
				continue
			}
			ops = append(ops, o)
			continue
		}
		op, isOp := v.(pdfOp)
		if !isOp {
			if len(ops) < 64 {
				ops = append(ops, v)
			}
			continue
		}
		switch op {
		case "Tf":
			if len(ops) >= 2 {
				if n, ok := ops[len(ops)-2].(pdfName); ok {
					font = p.font(res, n)
				}
			}
		case "Tj":
			p.show(font, lastString(ops))
		case "'":
			p.text.newline()
			p.show(font, lastString(ops))
		case "\"":
			p.text.newline()
			p.show(font, lastString(ops))
		case "TJ":
			if len(ops) > 0 {
				arr, _ := ops[len(ops)-1].(pdfArr)
				for _, e := range arr {
					switch x := e.(type) {
					case pdfStr:
						p.show(font, x)
					case int64:
						if x < -250 {
							p.text.WriteString(" ")
						}
					case float64:
						if x < -250 {
							p.text.WriteString(" ")
						}
					}
				}
			}
		case "Td", "TD":
			if len(ops) >= 2 && !isZero(ops[len(ops)-1]) {
				p.text.newline()
			}
		case "T*", "Tm", "ET":
			p.text.newline()
		case "Do":
			if len(ops) > 0 {
				if n, ok := ops[len(ops)-1].(pdfName); ok {
					p.xobject(res, n, depth)
				}
			}
		case "ID":
			// Inline image data: binary up to "EI" after white space.
			p.images = true
			l.pos++
			for l.pos < len(l.b) {
				i := indexFrom(l.b, l.pos, "EI")
				if i < 0 {
					l.pos = len(l.b)
					break
				}
				l.pos = i + 2
				if isSpace(l.b[i-1]) && (l.pos >= len(l.b) || isSpace(l.b[l.pos])) {
					break
				}
			}
		}
		ops = ops[:0]
	}
}

func isZero(v any) bool {
	switch x := v.(type) {
	case int64:
		return x == 0
	case float64:
		return x == 0
	}
	return true
}

func lastString(ops pdfArr) pdfStr {
	if len(ops) == 0 {
		return nil
	}
	s, _ := ops[len(ops)-1].(pdfStr)
	return s
}

// xobject reads a form drawn with Do, or notes an image.
func (p *pdfFile) xobject(res pdfDict, name pdfName, depth int) {
	xs := p.dictOf(res["XObject"])
	if xs == nil {
		return
	}
	ref, _ := xs[name].(pdfRef)
	s, ok := p.get(xs[name]).(*pdfStream)
	if !ok {
		return
	}
	switch s.dict["Subtype"] {
	case pdfName("Image"):
		p.images = true
	case pdfName("Form"):
		if depth >= 8 || p.visited[ref] {
			return
		}
		p.visited[ref] = true
		defer delete(p.visited, ref)
		data, err := p.decode(s)
		if err != nil {
			return
		}
		inner := p.dictOf(s.dict["Resources"])
		if inner == nil {
			inner = res
		}
		p.content(data, inner, depth+1)
	}
}

// pdfFont decodes the strings shown in one font.
type pdfFont struct {
	cmap   *cmap
	twoB   bool   // a composite (Type0) font: codes are two bytes
	named  string // the /Encoding name of a composite font
	simple bool
}

func (p *pdfFile) font(res pdfDict, name pdfName) *pdfFont {
	fonts := p.dictOf(res["Font"])
	if fonts == nil {
		return nil
	}
	ref, isRef := fonts[name].(pdfRef)
	if isRef {
		if f, ok := p.fonts[ref]; ok {
			return f
		}
	}
	d := p.dictOf(fonts[name])
	if d == nil {
		return nil
	}
	f := &pdfFont{}
	if d["Subtype"] == pdfName("Type0") {
		f.twoB = true
		if n, ok := p.get(d["Encoding"]).(pdfName); ok {
			f.named = string(n)
		}
	} else {
		f.simple = true
	}
	if s, ok := p.get(d["ToUnicode"]).(*pdfStream); ok {
		if data, err := p.decode(s); err == nil {
			f.cmap = parseCMap(data)
		}
	}
	if isRef {
		p.fonts[ref] = f
	}
	return f
}

var win1252 = charmap.Windows1252.NewDecoder()

// show appends the text of a string shown in font f.
func (p *pdfFile) show(f *pdfFont, s pdfStr) {
	if len(s) == 0 {
		return
	}
	switch {
	case f != nil && f.cmap != nil && len(f.cmap.lens) > 0:
		out, unmapped := f.cmap.decode(s, f.twoB)
		if unmapped && out == "" {
			p.noMap = true
		}
		p.text.WriteString(out)
	case f != nil && f.twoB:
		switch n := f.named; {
		case strings.Contains(n, "UCS2"), strings.Contains(n, "UTF16"):
			p.text.WriteString(utf16Text(s, false))
		case strings.HasPrefix(n, "GB"):
			if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(s); err == nil {
				p.text.WriteString(string(d))
			}
		default:
			// Identity-H with no ToUnicode: glyph ids, not characters.
			p.noMap = true
		}
	default:
		if d, err := win1252.Bytes(s); err == nil {
			p.text.WriteString(string(d))
		}
	}
}

// cmap is a ToUnicode map: code bytes to text.
type cmap struct {
	lens   []int // the code lengths of the codespace, shortest first
	chars  map[string]string
	ranges []cmRange
}

type cmRange struct {
	lo, hi uint32
	n      int
	dst    []uint16 // first destination, UTF-16; its last unit counts up
	arr    []string // or one destination per code
}

// maxCMapEntries bounds what one map may hold.
const maxCMapEntries = 1 << 20

func parseCMap(data []byte) *cmap {
	m := &cmap{chars: map[string]string{}}
	l := &lexer{b: data}
	var ops pdfArr
	mode := ""
	entries := 0
	for entries < maxCMapEntries {
		k, v := l.next()
		if k == tEOF {
			break
		}
		if k != tValue {
			o, err := l.objectFrom(k, v, 0)
			if err == nil && len(ops) < 4096 {
				ops = append(ops, o)
			}
			continue
		}
		op, isOp := v.(pdfOp)
		if !isOp {
			if len(ops) < 4096 {
				ops = append(ops, v)
			}
			continue
		}
		switch op {
		case "begincodespacerange", "beginbfchar", "beginbfrange":
			mode = string(op)
			ops = ops[:0] // the entry count before the keyword
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				if s, ok := ops[i].(pdfStr); ok && len(s) >= 1 && len(s) <= 4 && !slices.Contains(m.lens, len(s)) {
					m.lens = append(m.lens, len(s))
				}
			}
			mode = ""
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				src, ok := ops[i].(pdfStr)
				if !ok || len(src) == 0 || len(src) > 4 {
					continue
				}
				m.chars[string(src)] = dstText(ops[i+1])
				entries++
			}
			mode = ""
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, ok1 := ops[i].(pdfStr)
				hi, ok2 := ops[i+1].(pdfStr)
				if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 || len(lo) > 4 {
					continue
				}
				r := cmRange{lo: be(lo), hi: be(hi), n: len(lo)}
				if r.hi < r.lo {
					continue
				}
				switch d := ops[i+2].(type) {
				case pdfStr:
					r.dst = utf16Units(d)
				case pdfArr:
					for _, e := range d {
						r.arr = append(r.arr, dstText(e))
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
				entries++
			}
			mode = ""
		}
		if mode == "" {
			ops = ops[:0]
		}
	}
	if len(m.lens) == 0 {
		// No codespace: take the lengths the map's codes have.
		for k := range m.chars {
			if !slices.Contains(m.lens, len(k)) {
				m.lens = append(m.lens, len(k))
			}
		}
		for _, r := range m.ranges {
			if !slices.Contains(m.lens, r.n) {
				m.lens = append(m.lens, r.n)
			}
		}
	}
	slices.Sort(m.lens)
	// Sorted by first code, a range is found by binary search: a map of
	// many ranges must not make every code a linear scan.
	slices.SortStableFunc(m.ranges, func(a, b cmRange) int {
		if a.n != b.n {
			return a.n - b.n
		}
		return int(int64(a.lo) - int64(b.lo))
	})
	return m
}

func be(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

func utf16Units(b []byte) []uint16 {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return u
}

func dstText(v any) string {
	switch d := v.(type) {
	case pdfStr:
		return string(utf16.Decode(utf16Units(d)))
	case pdfName:
		return strings.ToValidUTF8(string(d), "") // a glyph name; close enough for words
	}
	return ""
}

// decode maps the codes of s to text; unmapped reports codes the map
// does not know.
func (m *cmap) decode(s []byte, twoB bool) (string, bool) {
	var b strings.Builder
	unmapped := false
	for i := 0; i < len(s); {
		hit := false
		for _, n := range m.lens {
			if i+n > len(s) {
				break
			}
			if t, ok := m.lookup(s[i : i+n]); ok {
				b.WriteString(t)
				i += n
				hit = true
				break
			}
		}
		if !hit {
			unmapped = true
			step := m.lens[0]
			if twoB && step < 2 {
				step = 2
			}
			i += step
		}
	}
	return b.String(), unmapped
}

func (m *cmap) lookup(code []byte) (string, bool) {
	if t, ok := m.chars[string(code)]; ok {
		return t, true
	}
	v := be(code)
	// The last range of this code length starting at or before v.
	i, _ := slices.BinarySearchFunc(m.ranges, cmRange{n: len(code), lo: v + 1}, func(a, b cmRange) int {
		if a.n != b.n {
			return a.n - b.n
		}
		return int(int64(a.lo) - int64(b.lo))
	})
	if v == ^uint32(0) {
		i = len(m.ranges)
		for i > 0 && (m.ranges[i-1].n > len(code)) {
			i--
		}
	}
	if i > 0 {
		r := m.ranges[i-1]
		if r.n != len(code) || v < r.lo || v > r.hi {
			return "", false
		}
		off := v - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		if len(r.dst) == 0 {
			return "", false
		}
		u := slices.Clone(r.dst)
		u[len(u)-1] += uint16(off)
		return string(utf16.Decode(u)), true
	}
	return "", false
}
