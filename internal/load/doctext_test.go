package load

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/certready/certready/internal/dossier"
)

// blankPDF is a one-page PDF with nothing on the page.
const blankPDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
	"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

func TestTheLoaderReadsWhatADocumentHolds(t *testing.T) {
	const procedure = "# 投诉处理程序\n\n## 1 接收\n\n客服中心受理全部渠道的投诉。\n"
	dir := dossierDir(t, map[string]string{
		"documents.yaml": `- {id: QP-01, title: 投诉处理程序, kind: procedure, file: docs/QP-01.md}
- {id: QP-02, title: 投诉升级程序, kind: procedure, file: docs/QP-02.md}
- {id: QP-03, title: 投诉回访程序, kind: procedure, file: docs/QP-03.txt}
- {id: QM-01, title: 质量手册, kind: manual, file: docs/QM-01.pdf}
- {id: QM-02, title: 质量手册（加密）, kind: manual, file: docs/QM-02.docx}
- {id: QM-03, title: 质量手册（扫描）, kind: manual, file: docs/QM-03.jpg}
`,
		"docs/QP-01.md":   procedure,
		"docs/QP-02.md":   "# 投诉升级程序\n\n## 1 目的\n\n## 2 范围\n",
		"docs/QP-03.txt":  "回访由【请填写部门】负责。",
		"docs/QM-01.pdf":  blankPDF,
		"docs/QM-02.docx": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 encrypted",
		"docs/QM-03.jpg":  "\xFF\xD8\xFF",
	})
	res, _, probs := loadAndScan(t, dir)
	if len(probs) > 0 {
		t.Fatalf("problems:%s", describeProblems(probs))
	}
	ev := res.Dossier.Evidence
	sum := sha256.Sum256([]byte(procedure))
	if e := ev["docs/QP-01.md"]; e.Content != dossier.ContentText || e.Text != procedure || e.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("a written procedure: %+v", e)
	}
	if e := ev["docs/QP-02.md"]; e.Content != dossier.ContentTemplate || e.Marker != "" || !e.Placeholder() {
		t.Errorf("headings only: %+v, want a template with no marker", e)
	}
	if e := ev["docs/QP-03.txt"]; e.Content != dossier.ContentTemplate || e.Marker != "【请填写部门】" || e.MarkerLine != 1 {
		t.Errorf("a fill-in marker: %+v", e)
	}
	if e := ev["docs/QM-01.pdf"]; e.Content != dossier.ContentBlank || !e.Placeholder() {
		t.Errorf("a blank PDF: %+v", e)
	}
	if e := ev["docs/QM-02.docx"]; e.Content != dossier.ContentUnreadable || e.Unreadable != "encrypted" || e.Placeholder() {
		t.Errorf("an encrypted .docx: %+v", e)
	}
	if e := ev["docs/QM-03.jpg"]; e.Content != dossier.ContentNotRead || e.Placeholder() || e.SHA256 == "" {
		t.Errorf("an image: %+v", e)
	}
}

// A hostile or damaged document is evidence the checks report on, not an
// input error: it loads, marked unreadable with the reason.
func TestAHostileDocumentLoadsAsUnreadable(t *testing.T) {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(bytes.Repeat([]byte("0 0 Td "), 2<<20)) // 14 MiB of operators
	w.Close()
	bomb := fmt.Sprintf("%%PDF-1.4\n1 0 obj\n<< /Type /Page /Contents 2 0 R >>\nendobj\n2 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n", z.Len(), z.Bytes())
	for name, tc := range map[string]struct{ file, body, want string }{
		"a decompression bomb":            {"QP.pdf", bomb, "too-large"},
		"a JPEG named .pdf":               {"QP.pdf", "\xFF\xD8\xFF\xE0 JFIF", "damaged"},
		"a truncated .docx":               {"QP.docx", "PK\x03\x04\x14\x00", "damaged"},
		"a PDF with only its header line": {"QP.pdf", "%PDF-1.7\n", "damaged"},
	} {
		e := &dossier.Evidence{Path: tc.file, Exists: true, Size: int64(len(tc.body))}
		readContent(e, tc.file, []byte(tc.body), *textLimits(1 << 20))
		if e.Content != dossier.ContentUnreadable || e.Unreadable != tc.want || e.Placeholder() {
			t.Errorf("%s: content %d, unreadable %q, placeholder %v; want unreadable %q, not a placeholder", name, e.Content, e.Unreadable, e.Placeholder(), tc.want)
		}
	}
}
