package pdfdoc

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// embeddedFont is face 0 of WenQuanYi Micro Hei, extracted from the Debian
// .ttc by fonts/extract.py. It is embedded so that the binary renders Chinese
// on a machine with no fonts installed; fpdf only subsets the glyphs actually
// drawn, so the PDF stays small even though this file is ~4.6 MB.
//
//go:embed fonts/wqy-microhei.ttf
var embeddedFont []byte

// EmbeddedFontName names the font used when Options.FontTTF is nil, for
// reports and --version style output.
const EmbeddedFontName = "WenQuanYi Micro Hei (Apache-2.0 or GPL-3+ with font exception)"

var (
	embeddedOnce sync.Once
	embeddedSfnt *sfnt.Font
	embeddedErr  error
)

// parsedEmbedded parses the embedded font once per process: sfnt.Font is safe
// for concurrent use (each caller brings its own sfnt.Buffer), and parsing
// 4.6 MB for every document would dominate small renders.
func parsedEmbedded() (*sfnt.Font, error) {
	embeddedOnce.Do(func() {
		embeddedSfnt, embeddedErr = ValidateFont(embeddedFont)
	})
	return embeddedSfnt, embeddedErr
}

// ValidateFont checks that ttf is a font fpdf's UTF-8 loader can really use
// and returns it parsed (for glyph coverage checks).
//
// fpdf's AddUTF8FontFromBytes does not return an error for a bad font: it
// prints to stdout and the document fails much later with "undefined font".
// So the CLI's --font flag must be checked up front: fpdf reads only a single
// TrueType face with glyf outlines, so collections (.ttc) and CFF-flavoured
// OpenType (OTTO) are rejected here with a message that says what to do.
func ValidateFont(ttf []byte) (*sfnt.Font, error) {
	if len(ttf) < 12 {
		return nil, errors.New("pdfdoc: font file too short to be a TrueType font")
	}
	switch tag := binary.BigEndian.Uint32(ttf[:4]); tag {
	case 0x00010000, 0x74727565: // TrueType 1.0, Apple 'true'
	case 0x74746366: // 'ttcf'
		return nil, errors.New("pdfdoc: font collections (.ttc) are not supported; extract one face as .ttf (see internal/pdfdoc/fonts/extract.py)")
	case 0x4F54544F: // 'OTTO'
		return nil, errors.New("pdfdoc: CFF-based OpenType (.otf) fonts are not supported; use a TrueType (glyf) font")
	default:
		return nil, fmt.Errorf("pdfdoc: not a TrueType font (tag %#08x)", tag)
	}
	tables, err := tableTags(ttf)
	if err != nil {
		return nil, err
	}
	dir, _ := tableDir(ttf)
	// These are exactly the tables fpdf's utf8FontFile parser seeks; a
	// missing one makes it read garbage rather than fail cleanly.
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "post", "OS/2"} {
		if !tables[t] {
			if t == "glyf" {
				return nil, errors.New("pdfdoc: font has no glyf table (TrueType outlines required)")
			}
			return nil, fmt.Errorf("pdfdoc: font lacks the %q table", t)
		}
	}
	if err := checkOutlines(ttf, dir); err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: parsing font: %w", err)
	}
	return f, nil
}

// tableDir returns each table's bytes, by tag; tableTags has checked that
// they lie within the file.
func tableDir(b []byte) (map[string][]byte, error) {
	n := int(binary.BigEndian.Uint16(b[4:6]))
	if len(b) < 12+16*n {
		return nil, errors.New("pdfdoc: truncated font table directory")
	}
	dir := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		off := uint64(binary.BigEndian.Uint32(rec[8:12]))
		length := uint64(binary.BigEndian.Uint32(rec[12:16]))
		if off+length <= uint64(len(b)) {
			dir[string(rec[:4])] = b[off : off+length]
		}
	}
	return dir, nil
}

// checkOutlines checks what fpdf's subsetter indexes without bounds
// checks, so that a damaged font is refused here rather than panicking
// inside fpdf when the PDF is written: the glyph count (maxp), the offset
// format (head), every glyph's offsets (loca: in order and inside glyf) and
// every glyph a composite glyph refers to (which must exist).
func checkOutlines(ttf []byte, dir map[string][]byte) error {
	head, maxp, loca, glyf := dir["head"], dir["maxp"], dir["loca"], dir["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return errors.New("pdfdoc: damaged font: head or maxp table too short")
	}
	long := binary.BigEndian.Uint16(head[50:52])
	if long > 1 {
		return fmt.Errorf("pdfdoc: damaged font: head.indexToLocFormat is %d, expected 0 or 1", long)
	}
	n := int(binary.BigEndian.Uint16(maxp[4:6]))
	if n == 0 {
		return errors.New("pdfdoc: damaged font: maxp says it has no glyphs")
	}
	width := 2
	if long == 1 {
		width = 4
	}
	if len(loca) < (n+1)*width {
		return fmt.Errorf("pdfdoc: damaged font: loca holds %d bytes, %d glyphs need %d", len(loca), n, (n+1)*width)
	}
	offset := func(i int) uint64 {
		if long == 1 {
			return uint64(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * uint64(binary.BigEndian.Uint16(loca[2*i:]))
	}
	for g := 0; g < n; g++ {
		lo, hi := offset(g), offset(g+1)
		if lo > hi || hi > uint64(len(glyf)) {
			return fmt.Errorf("pdfdoc: damaged font: glyph %d lies at %d–%d, outside the %d-byte glyf table", g, lo, hi, len(glyf))
		}
		if hi-lo < 10 {
			continue // an empty glyph
		}
		gl := glyf[lo:hi]
		if int16(binary.BigEndian.Uint16(gl[0:2])) >= 0 {
			continue // a simple glyph: fpdf copies it as it is
		}
		// A composite glyph: a list of (flags, glyph index, arguments,
		// optional transform) records.
		for p := 10; ; {
			if p+4 > len(gl) {
				return fmt.Errorf("pdfdoc: damaged font: composite glyph %d is truncated", g)
			}
			flags := binary.BigEndian.Uint16(gl[p:])
			if c := int(binary.BigEndian.Uint16(gl[p+2:])); c >= n {
				return fmt.Errorf("pdfdoc: damaged font: composite glyph %d refers to glyph %d of %d", g, c, n)
			}
			p += 4
			if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}
	return nil
}

// tableTags reads the sfnt table directory.
func tableTags(b []byte) (map[string]bool, error) {
	n := int(binary.BigEndian.Uint16(b[4:6]))
	if len(b) < 12+16*n {
		return nil, errors.New("pdfdoc: truncated font table directory")
	}
	tags := make(map[string]bool, n)
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		off := binary.BigEndian.Uint32(rec[8:12])
		length := binary.BigEndian.Uint32(rec[12:16])
		if uint64(off)+uint64(length) > uint64(len(b)) {
			return nil, fmt.Errorf("pdfdoc: font table %q extends past end of file", rec[:4])
		}
		tags[string(rec[:4])] = true
	}
	return tags, nil
}

// glyphChecker answers "does the font have a glyph for r?" with a per-document
// cache, so that drawn text with missing glyphs is reported instead of
// silently rendered as .notdef boxes.
type glyphChecker struct {
	font  *sfnt.Font
	buf   sfnt.Buffer
	cache map[rune]bool
}

func newGlyphChecker(f *sfnt.Font) *glyphChecker {
	return &glyphChecker{font: f, cache: make(map[rune]bool)}
}

func (g *glyphChecker) has(r rune) bool {
	if ok, seen := g.cache[r]; seen {
		return ok
	}
	// fpdf's UTF-8 code path keeps widths only for the Basic Multilingual
	// Plane (and even panics measuring U+10000), so anything above it counts
	// as missing regardless of the font.
	ok := false
	if r <= 0xFFFF {
		idx, err := g.font.GlyphIndex(&g.buf, r)
		ok = err == nil && idx != 0
	}
	g.cache[r] = ok
	return ok
}
