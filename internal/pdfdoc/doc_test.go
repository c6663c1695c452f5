package pdfdoc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certready/certready/internal/testtool"
)

var asOf = time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)

func testOptions(lang string) Options {
	return Options{
		Lang:       lang,
		Title:      "投诉处理管理体系认证准备评估报告 Readiness Report",
		Org:        "示例投诉管理有限公司",
		FooterNote: "CR-2026-001 v1.0 · 内部资料 Confidential",
		Created:    asOf,
	}
}

// Strings drawn by buildSample that the extraction tests look for.
const (
	zhPara = "组织应建立、实施并保持投诉处理过程，确保投诉得到及时、公正、有效的处理。最高管理者应确保投诉处理方针和目标得到确立，并与组织的战略方向保持一致；" +
		"投诉处理过程应当对顾客透明，并向顾客提供关于如何投诉以及在何处投诉的信息（包括电话、网站和营业场所）。组织应当对收到的每一项投诉进行登记、确认、初步评估、调查和答复，" +
		"并在投诉处理结束后征求投诉人的意见，以持续改进投诉处理过程的有效性和效率。"
	enPara = "The organization shall establish, implement and maintain a complaints-handling process. Top management shall ensure that the complaints-handling policy " +
		"and objectives are established, communicated and understood, and that the process is open, accessible and responsive to complainants."
	mixedPara = "依据 ISO 10002:2018 与 GB/T 19012-2019 第 8.4 条，投诉的确认应在 2 个工作日内完成（见附录 A「投诉登记表」）。"
	tableHead = "投诉编号"
)

var sectionTitles = []string{"1 概述 Overview", "2 投诉登记表 Complaint register", "3 评分 Scores"}

// rowText is the long cell of row i of the sample table; each row must be
// extracted intact (and, being shorter than a page, never split).
func rowText(i int) string {
	return fmt.Sprintf("第%03d号投诉：顾客反映产品交付延迟且客服答复不及时，已按程序登记、评估并转交责任部门调查处理，处理结果已书面告知顾客并获确认。", i)
}

func buildSample(d *Doc) error {
	d.Cover("投诉处理管理体系\n认证准备评估报告", "Complaints-handling readiness — ISO 10002:2018 / GB/T 19012-2019", [][2]string{
		{"组织 Organisation", "示例投诉管理有限公司"},
		{"统一社会信用代码 USCC", "91310000MA1FL0000X"},
		{"标准 Standard", "ISO 10002:2018 / GB/T 19012-2019"},
		{"评估日期 As of", "2026-03-31"},
		{"结论 Verdict", "基本具备认证条件 Nearly ready"},
		{"得分 Score", "82.5%"},
	})
	d.Contents("")
	d.Section(sectionTitles[0])
	d.Paragraph(zhPara)
	d.Paragraph(enPara)
	d.Subsection("1.1 范围 Scope")
	d.Paragraph(mixedPara)
	d.KeyValues([][2]string{
		{"投诉渠道", "电话、电子邮件、官方网站、微信公众号、营业场所现场"},
		{"Channels", "Phone, e-mail, web form, WeChat official account, walk-in"},
		{"责任部门", "客户服务部（投诉管理岗）"},
	})
	d.Section(sectionTitles[1])
	cols := []Column{
		{Header: tableHead, Width: 22},
		{Header: "日期", Width: 22, Align: AlignCenter},
		{Header: "描述 Description", Width: 0},
		{Header: "严重程度", Width: 18, Align: AlignCenter},
		{Header: "天数", Width: 14, Align: AlignRight},
	}
	sev := []string{"低", "中", "高"}
	rows := make([][]string, 200)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("TS-%04d", i), fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28), rowText(i), sev[i%3], fmt.Sprint(i % 17)}
	}
	red := Color{250, 215, 215}
	d.Table(cols, rows, TableOpts{Zebra: true, RowStyle: func(i int, row []string) RowStyle {
		if row[3] == "高" {
			return RowStyle{Fill: &red}
		}
		return RowStyle{}
	}})
	d.Section(sectionTitles[2])
	d.BarChart("各条款得分 Clause scores", []string{"5 领导作用", "6 策划 Planning", "7 支持", "8 运行 Operation", "9 绩效评价", "10 改进"},
		[]float64{92, 75, 60, 88, 45, 70}, BarOpts{Horizontal: true, Max: 100, Threshold: 60, ThresholdLabel: "及格线 60%", Unit: "%"})
	d.BarChart("每月投诉数量", []string{"1月", "2月", "3月", "4月", "5月", "6月"}, []float64{12, 7, 18, 4, 9, 15},
		BarOpts{Threshold: 10, ThresholdLabel: "目标 ≤ 10"})
	return nil
}

func render(t testing.TB, o Options, build func(*Doc) error) *Result {
	t.Helper()
	res, err := Render(o, build)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return res
}

func writePDF(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfPages extracts the text of every page with pdftotext.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin := testtool.Path(t, "pdftotext")
	out, err := exec.Command(bin, "-enc", "UTF-8", writePDF(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestRenderExtractsIntact(t *testing.T) {
	res := render(t, testOptions("zh"), buildSample)
	pages := pdfPages(t, res.PDF)
	if len(pages) != res.Pages {
		t.Fatalf("pdftotext saw %d pages, Render reported %d", len(pages), res.Pages)
	}
	all := squeeze(strings.Join(pages, ""))
	// Every Chinese string must come back intact; MultiCell would have lost a
	// character at each wrapped line end.
	for _, s := range []string{zhPara, enPara, mixedPara, "电话、电子邮件、官方网站、微信公众号、营业场所现场", "认证准备评估报告", "基本具备认证条件"} {
		if !strings.Contains(all, squeeze(s)) {
			t.Errorf("text not extracted intact: %q", s)
		}
	}
	// Each table row is shorter than a page, so it must sit whole on one page.
	for i := 0; i < 200; i++ {
		want := squeeze(rowText(i))
		if !slices.ContainsFunc(pages, func(p string) bool { return strings.Contains(squeeze(p), want) }) {
			t.Errorf("row %d not found intact on any single page", i)
		}
	}
	// The footer shows "第 X 页 / 共 N 页" on every page but the cover.
	if strings.Contains(pages[0], "页 / 共") {
		t.Errorf("cover page has a footer: %q", pages[0])
	}
	for i := 1; i < len(pages); i++ {
		if !footerRE(i+1, res.Pages).MatchString(pages[i]) {
			t.Errorf("page %d lacks footer \"第 %d 页 / 共 %d 页\"", i+1, i+1, res.Pages)
		}
		if !strings.Contains(pages[i], "示例投诉管理有限公司") || !strings.Contains(pages[i], "CR-2026-001") {
			t.Errorf("page %d lacks header or footer note:\n%s", i+1, pages[i])
		}
	}
	if len(res.MissingGlyphs) != 0 {
		t.Errorf("unexpected missing glyphs: %q", res.MissingGlyphs)
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	res := render(t, testOptions("zh"), buildSample)
	pages := pdfPages(t, res.PDF)
	first, next := res.TOC[tocIndex(t, res.TOC, sectionTitles[1])].Page, res.TOC[tocIndex(t, res.TOC, sectionTitles[2])].Page
	if next-first < 3 {
		t.Fatalf("a 200-row table should span several pages, got %d..%d", first, next-1)
	}
	for p := first; p < next; p++ {
		if !strings.Contains(pages[p-1], tableHead) || !strings.Contains(pages[p-1], "严重程度") {
			t.Errorf("table page %d lacks the header row", p)
		}
	}
}

// footerRE matches the Chinese page footer. The label is drawn as
// "第 X 页 / 共 N 页"; pdftotext sometimes drops the spaces between CJK and
// digits, so whitespace is optional, but nothing else may differ.
func footerRE(x, n int) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`第\s*%d\s*页\s*/\s*共\s*%d\s*页`, x, n))
}

func tocIndex(t *testing.T, toc []TOCEntry, title string) int {
	t.Helper()
	for i, e := range toc {
		if e.Title == title {
			return i
		}
	}
	t.Fatalf("%q not in TOC %v", title, toc)
	return -1
}

func TestContentsPageNumbers(t *testing.T) {
	res := render(t, testOptions("zh"), buildSample)
	if res.Passes < 2 {
		t.Errorf("contents drawn before its sections needs at least 2 passes, got %d", res.Passes)
	}
	pages := pdfPages(t, res.PDF)
	contents := pages[1]
	if !strings.Contains(contents, "目录") {
		t.Fatalf("page 2 is not the contents page:\n%s", contents)
	}
	for _, e := range res.TOC {
		// The heading is really on the page the contents claims...
		if !strings.Contains(squeeze(pages[e.Page-1]), squeeze(e.Title)) {
			t.Errorf("%q not on page %d", e.Title, e.Page)
		}
		// ...and the contents line shows that number after the dot leader.
		re := regexp.MustCompile(regexp.QuoteMeta(e.Title) + `\s*\.{3,}\s*` + fmt.Sprint(e.Page) + `\b`)
		if !re.MatchString(contents) {
			t.Errorf("contents lacks %q ... %d:\n%s", e.Title, e.Page, contents)
		}
	}
}

// TestLongContentsSettles makes the contents span two pages, which shifts
// every section and needs the third pass.
func TestLongContentsSettles(t *testing.T) {
	build := func(d *Doc) error {
		d.Contents("")
		for i := 0; i < 45; i++ {
			d.Section(fmt.Sprintf("第 %d 章 投诉处理", i+1))
			d.Paragraph(zhPara)
		}
		return nil
	}
	res := render(t, testOptions("zh"), build)
	if res.Passes != 3 {
		t.Errorf("passes = %d, want 3", res.Passes)
	}
	if got := res.TOC[0].Page; got != 3 {
		t.Errorf("first section on page %d, want 3 (contents takes pages 1-2)", got)
	}
	pages := pdfPages(t, res.PDF)
	for _, e := range res.TOC {
		if !strings.Contains(squeeze(pages[e.Page-1]), squeeze(e.Title)) {
			t.Errorf("%q not on page %d", e.Title, e.Page)
		}
	}
}

func TestEnglishFooterWithoutCover(t *testing.T) {
	res := render(t, testOptions("en"), func(d *Doc) error {
		d.Section("Introduction")
		d.Paragraph(enPara)
		d.Section("第二章 中文")
		d.Paragraph(zhPara)
		return nil
	})
	pages := pdfPages(t, res.PDF)
	for i := range pages {
		want := fmt.Sprintf("Page %d of %d", i+1, len(pages))
		if !strings.Contains(pages[i], want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
}

func TestChineseFooterFirstPage(t *testing.T) {
	res := render(t, testOptions("zh"), func(d *Doc) error {
		for i := 0; i < 3; i++ {
			d.Section(fmt.Sprintf("第%d节", i+1))
			d.Paragraph(zhPara)
		}
		return nil
	})
	pages := pdfPages(t, res.PDF)
	for i := range pages {
		if !footerRE(i+1, 3).MatchString(pages[i]) {
			t.Errorf("page %d lacks \"第 %d 页 / 共 3 页\":\n%s", i+1, i+1, pages[i])
		}
	}
}

func TestQPDFCheck(t *testing.T) {
	bin := testtool.Path(t, "qpdf")
	res := render(t, testOptions("zh"), buildSample)
	out, err := exec.Command(bin, "--check", writePDF(t, res.PDF)).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check failed: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Errorf("qpdf --check output:\n%s", out)
	}
}

func TestBookmarks(t *testing.T) {
	bin := testtool.Path(t, "qpdf")
	res := render(t, testOptions("zh"), buildSample)
	if !bytes.Contains(res.PDF, []byte("/Outlines")) {
		t.Fatal("no /Outlines in the PDF")
	}
	out, err := exec.Command(bin, "--json", "--json-key=outlines", writePDF(t, res.PDF)).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, o := range doc.Outlines {
		top = append(top, o.Title)
	}
	want := append([]string{"目录"}, sectionTitles...)
	if !slices.Equal(top, want) {
		t.Errorf("top-level bookmarks = %q, want %q", top, want)
	}
	if len(doc.Outlines) > 1 && (len(doc.Outlines[1].Kids) != 1 || doc.Outlines[1].Kids[0].Title != "1.1 范围 Scope") {
		t.Errorf("level-1 bookmark under %q = %+v", doc.Outlines[1].Title, doc.Outlines[1].Kids)
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

func TestDeterministic(t *testing.T) {
	a := render(t, testOptions("zh"), buildSample)
	b := render(t, testOptions("zh"), buildSample)
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Fatalf("two renders differ (%d vs %d bytes)", len(a.PDF), len(b.PDF))
	}
	if !bytes.Contains(a.PDF, []byte("D:20260331000000")) {
		t.Error("creation date is not Options.Created")
	}
	o := testOptions("zh")
	o.Created = asOf.Add(24 * time.Hour)
	c := render(t, o, buildSample)
	if bytes.Equal(a.PDF, c.PDF) {
		t.Error("a different Created date gave the same bytes; the date is not being written")
	}
}

// TestConcurrentRenders guards the shared embedded font: under -race this
// fails if fpdf or sfnt mutates it.
func TestConcurrentRenders(t *testing.T) {
	want := render(t, testOptions("en"), buildSample).PDF
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			res, err := Render(testOptions("en"), buildSample)
			if err == nil && !bytes.Equal(res.PDF, want) {
				err = fmt.Errorf("concurrent render differs")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestMissingGlyphs(t *testing.T) {
	res := render(t, testOptions("en"), func(d *Doc) error {
		d.Section("Glyphs")
		d.Paragraph("Tibetan \u0f40\u0f41, emoji \U0001F600, again \u0f40, ballot \u2717, fine 中文")
		d.Table([]Column{{Header: "x\u0f42"}}, [][]string{{"\u0f40"}}, TableOpts{})
		return nil
	})
	want := []rune{'\u0f40', '\u0f41', '\u0f42', '\u2717', '\U0001F600'}
	if !slices.Equal(res.MissingGlyphs, want) {
		t.Errorf("MissingGlyphs = %q, want %q", res.MissingGlyphs, want)
	}
	d, err := New(testOptions("en"))
	if err != nil {
		t.Fatal(err)
	}
	d.Paragraph("ISO 10002 投诉处理 — “quotes” ≥ 60% …")
	if m := d.MissingGlyphs(); len(m) != 0 {
		t.Errorf("common text reported missing: %q", m)
	}
}

func TestTallCellSplitsAcrossPages(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "第%03d句说明投诉处理记录。", i)
	}
	long := b.String()
	res := render(t, testOptions("zh"), func(d *Doc) error {
		d.Section("长单元格")
		d.Table([]Column{{Header: "序号", Width: 20}, {Header: "内容说明"}}, [][]string{{"1", long}, {"2", "短"}}, TableOpts{})
		return nil
	})
	pages := pdfPages(t, res.PDF)
	if len(pages) < 3 {
		t.Fatalf("a cell of %d characters should span at least 3 pages, got %d", len([]rune(long)), len(pages))
	}
	// Reassemble the body text: drop the header, footer and table-header lines
	// that pagination inserts, and the whole cell must come back.
	var body strings.Builder
	for i, p := range pages {
		if !strings.Contains(p, "内容说明") {
			t.Errorf("page %d lacks the repeated table header", i+1)
		}
		for _, ln := range strings.Split(p, "\n") {
			switch {
			case strings.Contains(ln, "示例投诉管理有限公司"), strings.Contains(ln, "CR-2026-001"),
				strings.Contains(squeeze(ln), "页/共"), ln == "序号", ln == "内容说明", ln == "长单元格", ln == "1", ln == "2", ln == "短":
				continue
			}
			body.WriteString(ln)
		}
	}
	if !strings.Contains(squeeze(body.String()), long) {
		t.Errorf("the tall cell lost text across page breaks")
	}
}

func TestBadFonts(t *testing.T) {
	ttc := append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01"), make([]byte, 64)...)
	otf := append([]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"), make([]byte, 64)...)
	for name, b := range map[string][]byte{"ttc": ttc, "otf": otf, "garbage": []byte("not a font at all"), "short": {0, 1}} {
		o := testOptions("en")
		o.FontTTF = b
		if _, err := New(o); err == nil {
			t.Errorf("%s: New accepted a bad font", name)
		}
	}
	if _, err := ValidateFont(ttc); err == nil || !strings.Contains(err.Error(), ".ttc") {
		t.Errorf("ttc error should say what to do, got %v", err)
	}
	if sys, err := os.ReadFile("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"); err == nil {
		if _, err := ValidateFont(sys); err == nil {
			t.Error("the real .ttc collection was accepted")
		}
	}
	// A TrueType font with its glyf table renamed must be refused before
	// fpdf sees it.
	noGlyf := bytes.Clone(embeddedFont)
	i := bytes.Index(noGlyf[:12+16*64], []byte("glyf"))
	copy(noGlyf[i:], "glyX")
	if _, err := ValidateFont(noGlyf); err == nil || !strings.Contains(err.Error(), "glyf") {
		t.Errorf("font without glyf: %v", err)
	}
	// The embedded bytes passed explicitly go the --font route and work.
	o := testOptions("zh")
	o.FontTTF = embeddedFont
	res := render(t, o, func(d *Doc) error { d.Paragraph(zhPara); return nil })
	if len(res.PDF) == 0 || len(res.MissingGlyphs) != 0 {
		t.Errorf("custom font render: %d bytes, missing %q", len(res.PDF), res.MissingGlyphs)
	}
}

func TestOptionsValidation(t *testing.T) {
	o := testOptions("en")
	o.Created = time.Time{}
	if _, err := New(o); err == nil {
		t.Error("zero Created accepted: output would depend on the wall clock")
	}
	o = testOptions("fr")
	if _, err := New(o); err == nil {
		t.Error("unsupported language accepted")
	}
	o = testOptions("en")
	o.Logo = []byte("GIF89a")
	if _, err := New(o); err == nil {
		t.Error("GIF logo accepted")
	}
	d, _ := New(testOptions("en"))
	d.Table([]Column{{Header: "a"}}, [][]string{{"1", "2"}}, TableOpts{})
	if d.Output(new(bytes.Buffer)) == nil {
		t.Error("a row with more cells than columns must be an error, not silently dropped")
	}
	d, _ = New(testOptions("en"))
	d.BarChart("x", []string{"a"}, []float64{1, 2}, BarOpts{})
	if d.Output(new(bytes.Buffer)) == nil {
		t.Error("labels/values length mismatch must be an error")
	}
}

func TestColumnWidths(t *testing.T) {
	got := columnWidths([]Column{{Width: 0.5}, {Width: 30}, {}, {}}, 180)
	want := []float64{90, 30, 30, 30}
	if !slices.Equal(got, want) {
		t.Errorf("columnWidths = %v, want %v", got, want)
	}
	got = columnWidths([]Column{{Width: 120}, {Width: 120}}, 180)
	if got[0]+got[1] > 180+1e-9 || got[0] != got[1] {
		t.Errorf("oversized columns not scaled down: %v", got)
	}
}

func TestChartScale(t *testing.T) {
	for _, tc := range []struct {
		vals      []float64
		fixed     float64
		max, step float64
	}{
		{[]float64{92, 75}, 100, 100, 20},
		{[]float64{12, 7, 18}, 0, 20, 5},
		{[]float64{0.3}, 0, 0.3, 0.1},
		{[]float64{0, -3}, 0, 1, 0.2},
		{[]float64{1234}, 0, 1250, 250},
	} {
		m, s := chartScale(tc.vals, tc.fixed)
		if fmt.Sprintf("%.6g %.6g", m, s) != fmt.Sprintf("%.6g %.6g", tc.max, tc.step) {
			t.Errorf("chartScale(%v, %v) = %v, %v; want %v, %v", tc.vals, tc.fixed, m, s, tc.max, tc.step)
		}
	}
}

// TestRasterize renders the first pages to PNG so a human (or the
// PDFDOC_PNG_DIR copy) can check that CJK and Latin glyphs render.
func TestRasterize(t *testing.T) {
	bin := testtool.Path(t, "pdftoppm")
	res := render(t, testOptions("zh"), buildSample)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(pdf, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-r", "60", "-png", "-f", "1", "-l", "2", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if len(pngs) != 2 {
		t.Fatalf("pdftoppm produced %d pages, want 2", len(pngs))
	}
	for _, p := range pngs {
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) || len(b) < 5000 {
			t.Errorf("%s: not a plausible page image (%d bytes, %v)", p, len(b), err)
		}
		if keep := os.Getenv("PDFDOC_PNG_DIR"); keep != "" {
			_ = os.WriteFile(filepath.Join(keep, filepath.Base(p)), b, 0o644)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	o := testOptions("zh")
	var size int
	for b.Loop() {
		res, err := Render(o, buildSample)
		if err != nil {
			b.Fatal(err)
		}
		size = len(res.PDF)
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}

func TestLongHorizontalChartContinues(t *testing.T) {
	labels := make([]string, 90)
	values := make([]float64, 90)
	for i := range labels {
		labels[i] = fmt.Sprintf("条款%02d 投诉处理", i)
		values[i] = float64(i % 101)
	}
	res := render(t, testOptions("zh"), func(d *Doc) error {
		d.Section("图表")
		d.BarChart("条款得分", labels, values, BarOpts{Horizontal: true, Max: 100, Unit: "%", Threshold: 60, ThresholdLabel: "及格线"})
		return nil
	})
	pages := pdfPages(t, res.PDF)
	if len(pages) < 2 {
		t.Fatalf("90 bars should need more than one page, got %d", len(pages))
	}
	all := squeeze(strings.Join(pages, ""))
	for i, l := range labels {
		if !strings.Contains(all, squeeze(l)) {
			t.Errorf("label %d %q missing", i, l)
		}
	}
	for p := 1; p < len(pages); p++ {
		if !strings.Contains(pages[p], "条款得分（续）") || !strings.Contains(pages[p], "100%") {
			t.Errorf("page %d lacks the continued title or its own axis", p+1)
		}
	}
}

func TestLogo(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		for y := 0; y < 20; y++ {
			img.Set(x, y, color.RGBA{uint8(6 * x), 80, 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	o := testOptions("en")
	o.Logo = buf.Bytes() // type sniffed
	res := render(t, o, func(d *Doc) error {
		d.Cover("Readiness report", "", [][2]string{{"Organisation", "Example Ltd"}})
		d.Section("One")
		return nil
	})
	if !bytes.Contains(res.PDF, []byte("/Subtype /Image")) {
		t.Error("logo image not embedded")
	}
	a := render(t, o, func(d *Doc) error { d.Cover("x", "", nil); return nil })
	b := render(t, o, func(d *Doc) error { d.Cover("x", "", nil); return nil })
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("renders with a logo are not byte-identical")
	}
}
