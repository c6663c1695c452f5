package doctext

import (
	"testing"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// fuzzLimits are small, so the fuzzer reaches the limits.
var fuzzLimits = Limits{MaxInflate: 1 << 20, MaxText: 4 << 10}

// checkContent holds what every read must keep to, whatever the input:
// text within the limit, valid UTF-8.
func checkContent(t *testing.T, c Content) {
	if len(c.Text) > fuzzLimits.MaxText {
		t.Errorf("%d bytes of text, over the %d-byte limit", len(c.Text), fuzzLimits.MaxText)
	}
	if !utf8.ValidString(c.Text) {
		t.Errorf("text is not valid UTF-8: %q", c.Text)
	}
}

func FuzzPDFText(f *testing.F) {
	f.Add(certreadyPDF(f, "投诉处理程序", "24小时内联系投诉人。"))
	blank := fpdf.New("P", "mm", "A4", "")
	blank.AddPage()
	f.Add(output(f, blank))
	f.Add(handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>",
		stream("", []byte("BT /F1 12 Tf (a\\(b\\)) Tj [<0001> -300 (c)] TJ ET /X Do BI /W 1 /H 1 ID \x00\x01 EI")),
		"<< /Type /Font /Subtype /Type0 /Encoding /UniGB-UCS2-H /ToUnicode 7 0 R >>",
		stream("/Subtype /Form", []byte("BT /F1 9 Tf <6295> Tj ET /X Do")),
		stream("", []byte("1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <00> <FF> <0041> endbfrange")),
	))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := PDF(b, fuzzLimits)
		if err == nil {
			checkContent(t, c)
		}
	})
}

func FuzzDOCXText(f *testing.F) {
	f.Add(docx(f, true, "H1:投诉处理程序", "收到投诉后，24小时内联系顾客。"))
	f.Add(docx(f, false))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DOCX(b, fuzzLimits)
		if err == nil {
			checkContent(t, c)
		}
	})
}

func FuzzUnfilled(f *testing.F) {
	f.Add("# 投诉处理程序\n## 1 目的\n【请填写】", true)
	f.Add("XXX ×××", false)
	f.Fuzz(func(t *testing.T, s string, md bool) {
		m, line, _ := Unfilled(s, md)
		if (m == "") != (line == 0) {
			t.Errorf("marker %q on line %d", m, line)
		}
	})
}
