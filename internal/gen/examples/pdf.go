package main

import (
	"bytes"
	"fmt"
	"strings"
)

// tinyPDF renders a one-page PDF of plain ASCII lines in Helvetica. The
// evidence files of the examples stand in for scans; a real, parseable PDF
// lets the evidence pack and the bundle treat them like the real thing,
// and writing the few objects by hand keeps them byte-stable (no creation
// date, no producer string).
func tinyPDF(lines ...string) []byte {
	var cs bytes.Buffer
	cs.WriteString("BT\n/F1 11 Tf\n56 790 Td\n15 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&cs, "(%s) '\n", pdfEscape(l))
	}
	cs.WriteString("ET\n")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cs.Len(), cs.String()),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// pdfEscape escapes a string for a PDF literal and replaces anything
// outside printable ASCII, which the standard Helvetica cannot show.
func pdfEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}
