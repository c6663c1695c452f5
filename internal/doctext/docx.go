package doctext

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// The namespace of WordprocessingML elements.
const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// cfbMagic starts an OLE compound file: a legacy .doc, or an Office file
// saved with a password (encrypted OOXML is wrapped in one).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// headingStyle matches the style ids Word gives headings: "Heading1",
// "Title", and in a Chinese Word the bare numbers "1", "2", … of 标题 1, 2.
var headingStyle = regexp.MustCompile(`^(?i:heading\s*(\d)|title|标题\s*(\d)?|(\d))$`)

// DOCX reads the text of a Word document's body (word/document.xml): the
// runs' w:t text, a line per paragraph, headings as Markdown headings.
func DOCX(b []byte, lim Limits) (Content, error) {
	if bytes.HasPrefix(b, cfbMagic) {
		return Content{}, fmt.Errorf("%w (or a legacy .doc renamed .docx)", ErrEncrypted)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return Content{}, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	var c Content
	var body *zip.File
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			body = f
		case strings.HasPrefix(f.Name, "word/media/"):
			c.Images = true
		}
	}
	if body == nil {
		return Content{}, fmt.Errorf("%w: no word/document.xml", ErrDamaged)
	}
	rc, err := body.Open()
	if err != nil {
		return Content{}, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer rc.Close()
	budget := lim.MaxInflate
	if budget <= 0 {
		budget = 1 << 62
	}
	lr := &limitedReader{r: rc, n: budget}
	t := textBuf{max: lim.MaxText}
	if err := docxBody(xml.NewDecoder(lr), &t); err != nil {
		if lr.over {
			return Content{}, ErrTooLarge
		}
		return Content{}, fmt.Errorf("%w: word/document.xml: %v", ErrDamaged, err)
	}
	c.Text, c.Truncated, c.Markdown = t.String(), t.truncated, true
	return c, nil
}

func docxBody(dec *xml.Decoder, t *textBuf) error {
	var (
		inText  bool
		para    strings.Builder
		heading int
		depth   int
	)
	flush := func() {
		s := strings.TrimSpace(para.String())
		if s != "" {
			if heading > 0 {
				t.WriteString(strings.Repeat("#", min(heading, 6)) + " ")
			}
			t.WriteString(s)
			t.WriteString("\n")
		}
		para.Reset()
		heading = 0
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			flush()
			return nil
		}
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 512 {
				return errors.New("elements nested too deep")
			}
			if el.Name.Space != wNS {
				continue
			}
			switch el.Name.Local {
			case "p":
				flush()
			case "t":
				inText = true
			case "tab":
				para.WriteString("\t")
			case "br", "cr":
				para.WriteString("\n")
			case "pStyle":
				heading = headingLevel(attr(el, "val"))
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(el, "val")); err == nil && n >= 0 && n < 9 && heading == 0 {
					heading = n + 1
				}
			}
		case xml.EndElement:
			depth--
			if el.Name.Space == wNS {
				switch el.Name.Local {
				case "t":
					inText = false
				case "p":
					flush()
				}
			}
		case xml.CharData:
			if inText {
				para.Write(el)
				if para.Len() > 1<<20 {
					// One paragraph of a megabyte is text enough; hand it on
					// so the buffer stays bounded.
					t.WriteString(para.String())
					para.Reset()
				}
			}
		}
		if t.truncated {
			return nil
		}
	}
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// headingLevel is the Markdown heading level of a paragraph style, 0 for
// body text.
func headingLevel(style string) int {
	m := headingStyle.FindStringSubmatch(strings.TrimSpace(style))
	if m == nil {
		return 0
	}
	for _, g := range m[1:] {
		if n, err := strconv.Atoi(g); err == nil && n > 0 {
			return n + 1
		}
	}
	return 1 // Title, or 标题 without a number
}

// limitedReader reads at most n bytes and remembers whether the source had
// more.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte: exactly n bytes is within the limit.
		var one [1]byte
		if k, _ := l.r.Read(one[:]); k > 0 {
			l.over = true
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}
