package pdfdoc

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"
)

// damage returns a copy of the embedded font with table tag rewritten by
// fn.
func damage(t *testing.T, tag string, fn func(table []byte)) []byte {
	t.Helper()
	b := bytes.Clone(embeddedFont)
	n := int(binary.BigEndian.Uint16(b[4:6]))
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		if string(rec[:4]) == tag {
			off := binary.BigEndian.Uint32(rec[8:12])
			length := binary.BigEndian.Uint32(rec[12:16])
			fn(b[off : off+length])
			return b
		}
	}
	t.Fatalf("the embedded font has no %s table", tag)
	return nil
}

func fill(v byte) func([]byte) {
	return func(b []byte) {
		for i := range b {
			b[i] = v
		}
	}
}

// Fonts damaged where fpdf's subsetter indexes without bounds checks
// (these panicked inside fpdf when the PDF was written) are refused by
// ValidateFont with what is wrong, and never reach fpdf.
func TestAFontDamagedWhereFpdfWouldPanicIsRefusedUpFront(t *testing.T) {
	for _, tc := range []struct {
		name, tag, want string
		fn              func([]byte)
	}{
		{"glyf all 0xFF (composites referring to glyph 65535)", "glyf", "refers to glyph", fill(0xFF)},
		{"loca all 0xFF", "loca", "outside the", fill(0xFF)},
		{"head with an unknown offset format", "head", "indexToLocFormat", func(b []byte) { b[50], b[51] = 0x12, 0x34 }},
		{"maxp with no glyphs", "maxp", "no glyphs", func(b []byte) { b[4], b[5] = 0, 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			font := damage(t, tc.tag, tc.fn)
			_, err := ValidateFont(font)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ValidateFont: got %v, want an error containing %q", err, tc.want)
			}
			// And a render with it is an error, not a panic.
			_, err = Render(Options{Lang: "en", Title: "t", Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), FontTTF: font},
				func(d *Doc) error { d.Paragraph("hello"); return nil })
			if err == nil {
				t.Error("Render with the damaged font succeeded")
			}
		})
	}
}

func TestALogoIsBoundedByItsHeaderBeforeItIsDecoded(t *testing.T) {
	// A PNG header declaring 20000 × 20000 pixels followed by too little
	// data: only the header may be read.
	var small bytes.Buffer
	if err := png.Encode(&small, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	big := small.Bytes()
	binary.BigEndian.PutUint32(big[16:20], 20000)
	binary.BigEndian.PutUint32(big[20:24], 20000)
	binary.BigEndian.PutUint32(big[29:33], crc32.ChecksumIEEE(big[12:29]))
	_, err := New(Options{Lang: "en", Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Logo: big})
	if err == nil || !strings.Contains(err.Error(), "20000 × 20000") {
		t.Errorf("a 20000 × 20000 logo: got %v", err)
	}
	_, err = New(Options{Lang: "en", Created: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Logo: append([]byte("\x89PNG"), make([]byte, MaxLogoBytes)...)})
	if err == nil || !strings.Contains(err.Error(), "byte limit") {
		t.Errorf("an oversized logo: got %v", err)
	}
}
