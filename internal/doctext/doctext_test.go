package doctext

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/certready/certready/internal/pdfdoc"
)

var testLimits = Limits{MaxInflate: 64 << 20, MaxText: 1 << 20}

// squeeze drops white space, which PDF text placement adds or removes at
// will between Chinese characters.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// certreadyPDF renders a document the way certready writes its own PDFs:
// fpdf with an embedded TrueType face, Chinese text, compressed streams.
func certreadyPDF(t testing.TB, title string, paras ...string) []byte {
	t.Helper()
	r, err := pdfdoc.Render(pdfdoc.Options{Lang: "zh", Title: title, Org: "杭州禾悦鲜食品有限公司",
		Created: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}, func(d *pdfdoc.Doc) error {
		d.Section(title)
		for _, p := range paras {
			d.Paragraph(p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return r.PDF
}

func TestReadsTheChineseTextOfAPDFCertreadyWrites(t *testing.T) {
	b := certreadyPDF(t, "投诉处理控制程序", "收到投诉后24小时内联系投诉人，48小时内给出初步处理方案。",
		"高风险投诉立即升级至质量安全部经理和总经理。", "Complaints are acknowledged within 24 hours.")
	c, err := PDF(b, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	got := squeeze(c.Text)
	for _, want := range []string{"投诉处理控制程序", "收到投诉后24小时内联系投诉人", "高风险投诉立即升级至质量安全部经理和总经理", "Complaintsareacknowledgedwithin24hours"} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, c.Text)
		}
	}
	if c.Images || c.NoTextMap || c.Truncated {
		t.Errorf("images %v, no text map %v, truncated %v; want none", c.Images, c.NoTextMap, c.Truncated)
	}
}

func TestReadsAnUncompressedPDFInAStandardFont(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Cell(0, 10, "Escalation (of high-risk complaints) within 2 hours")
	c, err := PDF(output(t, pdf), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Text, "Escalation (of high-risk complaints) within 2 hours") {
		t.Errorf("text %q", c.Text)
	}
}

func output(t testing.TB, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	pdf.SetCreationDate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tinyPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTellsABlankPDFFromAScan(t *testing.T) {
	blank := fpdf.New("P", "mm", "A4", "")
	blank.AddPage()
	c, err := PDF(output(t, blank), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(c.Text) != "" || c.Images {
		t.Errorf("blank page: text %q, images %v; want neither", c.Text, c.Images)
	}

	scan := fpdf.New("P", "mm", "A4", "")
	scan.AddPage()
	scan.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(tinyPNG(t)))
	scan.ImageOptions("scan", 10, 10, 100, 100, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	c, err = PDF(output(t, scan), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(c.Text) != "" || !c.Images {
		t.Errorf("scanned page: text %q, images %v; want images and no text", c.Text, c.Images)
	}
}

func TestAPasswordProtectedPDFIsReportedEncrypted(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetProtection(fpdf.CnProtectPrint, "user", "owner")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Cell(0, 10, "secret procedure")
	if _, err := PDF(output(t, pdf), testLimits); !errors.Is(err, ErrEncrypted) {
		t.Errorf("err %v, want ErrEncrypted", err)
	}
}

// handPDF assembles a PDF from object bodies, numbered from 1.
func handPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	for i, o := range objs {
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	b.WriteString("trailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

func flate(t testing.TB, s []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	if _, err := w.Write(s); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func TestReadsFontsThroughToUnicodeMapsAndObjectStreams(t *testing.T) {
	// A composite font whose codes are glyph ids, mapped by bfchar and
	// bfrange (with an array); its dictionary packed in an object stream,
	// the page inheriting its resources from the page tree.
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"2 beginbfchar <0001> <6295> <0002> <8BC9> endbfchar\n" +
		"2 beginbfrange <0010> <0011> <62D5> <0020> <0021> [<65F6> <9650>] endbfrange\n" +
		"endcmap end end"
	content := "BT /F1 12 Tf 72 700 Td <00010002> Tj 0 -14 Td [<0010> 120 <0011>] TJ T* (x) Tj <00200021> Tj ET"
	objStm := "7 0 "
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R >>"
	objStmData := objStm + font
	b := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 7 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", flate(t, []byte(content))),
		stream(fmt.Sprintf("/Type /ObjStm /N 1 /First %d /Filter /FlateDecode", len(objStm)), flate(t, []byte(objStmData))),
		stream("", []byte(cmap)),
	)
	c, err := PDF(b, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := squeeze(c.Text); got != "投诉拕拖时限" {
		t.Errorf("text %q, want 投诉拕拖时限", c.Text)
	}
}

func TestAnIdentityFontWithoutAMapIsReportedUnreadable(t *testing.T) {
	b := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		stream("", []byte("BT /F1 12 Tf <00010002> Tj ET")),
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H >>",
	)
	c, err := PDF(b, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if !c.NoTextMap || strings.TrimSpace(c.Text) != "" {
		t.Errorf("no text map %v, text %q; want unmapped and no text", c.NoTextMap, c.Text)
	}
}

func TestADecompressionBombIsRefused(t *testing.T) {
	bomb := flate(t, bytes.Repeat([]byte("0 0 Td "), 2<<20)) // 14 MiB of operators
	b := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
		stream("/Filter /FlateDecode", bomb),
	)
	if _, err := PDF(b, Limits{MaxInflate: 1 << 20, MaxText: 1 << 20}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err %v, want ErrTooLarge", err)
	}
}

func TestTextIsCutAtTheLimit(t *testing.T) {
	c := Plain([]byte(strings.Repeat("投诉", 1000)), Limits{MaxText: 100})
	if !c.Truncated || len(c.Text) > 100 || !strings.HasPrefix(c.Text, "投诉") || strings.ContainsRune(c.Text, '\uFFFD') {
		t.Errorf("truncated %v, %d bytes %q", c.Truncated, len(c.Text), c.Text)
	}
}

func TestPlainTextInGB18030IsDecoded(t *testing.T) {
	// "投诉时限" in GBK.
	c := Plain([]byte{0xCD, 0xB6, 0xCB, 0xDF, 0xCA, 0xB1, 0xCF, 0xDE}, testLimits)
	if c.Text != "投诉时限" {
		t.Errorf("text %q", c.Text)
	}
}

// docx builds a Word document from paragraphs; a paragraph starting with
// "H1:" takes the style Heading1, "标题:" the Chinese Word id "1".
func docx(t testing.TB, media bool, paras ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		style := ""
		switch {
		case strings.HasPrefix(p, "H1:"):
			style, p = "Heading1", p[3:]
		case strings.HasPrefix(p, "标题:"):
			style, p = "1", strings.TrimPrefix(p, "标题:")
		}
		body.WriteString("<w:p>")
		if style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
		}
		// Word splits text into runs at will.
		for i, part := range strings.SplitAfter(p, "，") {
			fmt.Fprintf(&body, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, part)
			if i == 0 {
				body.WriteString(`<w:r><w:tab/></w:r>`)
			}
		}
		body.WriteString("</w:p>")
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("word/document.xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s"><w:body>%s</w:body></w:document>`, wNS, body.String())
	if media {
		w, _ := z.Create("word/media/image1.png")
		w.Write(tinyPNG(t))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadsADocxWithItsHeadings(t *testing.T) {
	c, ok, err := Read("QP-01.docx", docx(t, false, "H1:投诉处理程序", "收到投诉后，24小时内联系顾客。", "标题:升级", "高风险投诉上报总经理。"), testLimits)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	want := "## 投诉处理程序\n收到投诉后，\t24小时内联系顾客。\n## 升级\n高风险投诉上报总经理。\n"
	if c.Text != want || c.Images || !c.Markdown {
		t.Errorf("text %q (images %v), want %q", c.Text, c.Images, want)
	}
	c, _ = DOCX(docx(t, true), testLimits)
	if !c.Images || c.Text != "" {
		t.Errorf("a docx holding only a picture: images %v, text %q", c.Images, c.Text)
	}
}

func TestUnreadableDocxFilesSayWhy(t *testing.T) {
	for name, tc := range map[string]struct {
		b    []byte
		want error
	}{
		"an encrypted (compound) file": {append(bytes.Clone(cfbMagic), make([]byte, 100)...), ErrEncrypted},
		"not a zip":                    {[]byte("hello"), ErrDamaged},
		"a zip without a body":         {func() []byte { var b bytes.Buffer; z := zip.NewWriter(&b); z.Close(); return b.Bytes() }(), ErrDamaged},
	} {
		if _, err := DOCX(tc.b, testLimits); !errors.Is(err, tc.want) {
			t.Errorf("%s: err %v, want %v", name, err, tc.want)
		}
	}
	big := docx(t, false, strings.Repeat("投诉", 1<<16))
	if _, err := DOCX(big, Limits{MaxInflate: 1 << 10}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("past the inflate limit: err %v, want ErrTooLarge", err)
	}
}

func TestUnfilledTemplates(t *testing.T) {
	cases := []struct {
		name, text   string
		md           bool
		marker       string
		line         int
		headingsOnly bool
	}{
		{"a Chinese fill-in marker", "# 投诉处理程序\n\n适用于【请填写适用范围】。\n", true, "【请填写适用范围】", 3, false},
		{"a bracketed 待补充", "职责：［待补充］", false, "［待补充］", 1, false},
		{"an English fill-in marker", "Scope\nThis procedure applies to [fill in the sites].", false, "[fill in the sites]", 2, false},
		{"TODO", "1. Receipt\nTODO: write this", false, "TODO", 2, false},
		{"a name left as XXX", "本程序由XXX有限公司制定。", false, "XXX", 1, false},
		{"a name left as ×××", "负责人：×××", false, "×××", 1, false},
		{"a template variable", "Approved by {{ approver }}", false, "{{ approver }}", 1, false},
		{"headings only", "# 投诉处理程序\n\n文件编号 QP-01 版本 A/0\n\n## 1 目的\n\n## 2 范围\n\n---\n\n## 3 职责\n", true, "", 0, true},
		{"a title alone", "# 投诉处理程序\n\n", true, "", 0, true},
		{"a section written", "# 投诉处理程序\n## 1 目的\n规范投诉处理。\n## 2 范围\n", true, "", 0, false},
		{"prose without headings", "本程序规定投诉的接收和处理。", true, "", 0, false},
		{"a form's signature line", "投诉人签字：__________  日期：____", false, "", 0, false},
		{"headings in a plain text file are not read as such", "# 目的\n# 范围\n", false, "", 0, false},
		{"a word that contains xxx", "The maxxxing rule; boxxx", false, "", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, l, h := Unfilled(c.text, c.md)
			if m != c.marker || l != c.line || h != c.headingsOnly {
				t.Errorf("Unfilled = %q, %d, %v; want %q, %d, %v", m, l, h, c.marker, c.line, c.headingsOnly)
			}
		})
	}
}
