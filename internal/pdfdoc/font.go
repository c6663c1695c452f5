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
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("pdfdoc: parsing font: %w", err)
	}
	return f, nil
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
