// Package doctext reads the text of the documents a dossier references —
// Markdown, plain text, Word .docx and PDF — so the checks can tell a
// document from a placeholder and see whether it mentions what its
// register entry claims. It reads from memory, bounds every decompression
// and the text it keeps, and turns a damaged or hostile file into an error,
// never a panic.
package doctext

import (
	"bytes"
	"errors"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits bound what reading one file may cost.
type Limits struct {
	// MaxInflate is the most bytes decompressed from one file, all its
	// streams or zip entries together.
	MaxInflate int64
	// MaxText is the most bytes of text kept; the rest is dropped and
	// Content.Truncated set.
	MaxText int
}

// Content is what a file holds.
type Content struct {
	// Text is the text read, paragraphs on lines of their own; in a .docx
	// a heading paragraph is written as a Markdown heading ("## …").
	Text string
	// Images reports an image in the file (a PDF image XObject or inline
	// image, a picture in a .docx): a file with images and no text is a
	// scan.
	Images bool
	// Truncated reports that the text went past Limits.MaxText.
	Truncated bool
	// NoTextMap reports text drawn in a font with no mapping to Unicode,
	// which could not be read.
	NoTextMap bool
	// Markdown reports that headings in Text are Markdown headings (a
	// Markdown file or a .docx).
	Markdown bool
}

// The ways a file cannot be read.
var (
	// ErrEncrypted is a password-protected PDF or Office file.
	ErrEncrypted = errors.New("the file is encrypted")
	// ErrDamaged is a file that is not what its name says or cannot be
	// parsed.
	ErrDamaged = errors.New("the file is damaged or not in the format its name says")
	// ErrTooLarge is a file whose decompressed content goes past
	// Limits.MaxInflate.
	ErrTooLarge = errors.New("the file decompresses past the limit")
)

// Readable reports whether Read reads files named like name.
func Readable(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".txt", ".text", ".docx", ".pdf":
		return true
	}
	return false
}

// Read reads the text of a file by the extension of its name; ok is false
// for a format it does not read.
func Read(name string, b []byte, lim Limits) (c Content, ok bool, err error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		c = Plain(b, lim)
		c.Markdown = true
		return c, true, nil
	case ".txt", ".text":
		return Plain(b, lim), true, nil
	case ".docx":
		c, err = DOCX(b, lim)
		return c, true, err
	case ".pdf":
		c, err = PDF(b, lim)
		return c, true, err
	}
	return Content{}, false, nil
}

// Plain reads a text file: UTF-8 (a byte-order mark dropped), UTF-16 with
// a byte-order mark, else GB18030, the encoding Chinese Windows saves
// plain text in.
func Plain(b []byte, lim Limits) Content {
	var s string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s = string(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s = utf16Text(b[2:], b[0] == 0xFF)
	case utf8.Valid(b):
		s = string(b)
	default:
		if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
			s = string(d)
		} else {
			s = strings.ToValidUTF8(string(b), "\uFFFD")
		}
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var t textBuf
	t.max = lim.MaxText
	t.WriteString(strings.ReplaceAll(s, "\r\n", "\n"))
	return Content{Text: t.String(), Truncated: t.truncated}
}

func utf16Text(b []byte, little bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if little {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		} else {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
	}
	return string(utf16.Decode(u))
}

// textBuf keeps text up to a limit and remembers whether it dropped any.
type textBuf struct {
	b         strings.Builder
	max       int
	truncated bool
}

func (t *textBuf) WriteString(s string) {
	if t.truncated {
		return
	}
	if t.max > 0 && t.b.Len()+len(s) > t.max {
		s = s[:t.max-t.b.Len()]
		// Cut on a rune boundary.
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		t.truncated = true
	}
	t.b.WriteString(s)
}

func (t *textBuf) WriteRune(r rune) { t.WriteString(string(r)) }

// newline ends the current line unless the text is empty or already ends
// one.
func (t *textBuf) newline() {
	if n := t.b.Len(); n > 0 && !strings.HasSuffix(t.b.String(), "\n") {
		t.WriteString("\n")
	}
}

func (t *textBuf) String() string { return t.b.String() }
