package xlsxstream

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The generators below make random workbooks for the equivalence property:
// genAPIWorkbook through excelize's own writing API (shared strings, rich
// text, styles, the stream writer), genXMLWorkbook by writing the sheet
// and shared-string XML directly, to reach the spellings other writers use
// (prefixes, missing references, comments, CDATA, character references,
// phonetic runs, cached formula results, error values).

// styleSpec is a number format the generators apply, with whether it is a
// date or time format.
type styleSpec struct {
	builtin int
	custom  string
	date    bool
}

var styleSpecs = []styleSpec{
	{builtin: 14, date: true},  // m/d/yyyy
	{builtin: 22, date: true},  // m/d/yy h:mm
	{builtin: 20, date: true},  // h:mm
	{builtin: 46, date: true},  // [h]:mm:ss
	{builtin: 31, date: true},  // yyyy"年"m"月"d"日" in zh-CN
	{builtin: 57, date: true},  // yyyy"年"m"月" in zh-CN
	{builtin: 2, date: false},  // 0.00
	{builtin: 10, date: false}, // 0.00%
	{builtin: 49, date: false}, // @
	{builtin: 3, date: false},  // #,##0
	{custom: "yyyy/m/d h:mm", date: true},
	{custom: `yyyy"年"m"月"d"日"`, date: true},
	{custom: `[$-804]yyyy"年"m"月"d"日" dddd`, date: true},
	{custom: `[DBNum1][$-804]yyyy"年"m"月"d"日"`, date: true},
	{custom: "yyyy-mm-dd;@", date: true},
	{custom: "hh:mm:ss", date: true},
	{custom: "[h]:mm", date: true},
	{custom: "mm:ss.0", date: true},
	{custom: "0.000", date: false},
	{custom: `#,##0.00_);[Red](#,##0.00)`, date: false},
	{custom: `"¥"#,##0.00`, date: false},
	{custom: "0.00E+00", date: false},
	{custom: `0;-0;;@`, date: false},
	{custom: `"日期"0`, date: false},
}

// makeStyles adds the style specs to f and returns the style ids and,
// by id, whether each is a date format.
func makeStyles(f *excelize.File, rng *rand.Rand) ([]int, map[int]bool, error) {
	var ids []int
	date := map[int]bool{0: false}
	for _, sp := range styleSpecs {
		if rng.IntN(3) == 0 {
			continue
		}
		st := &excelize.Style{NumFmt: sp.builtin}
		if sp.custom != "" {
			st = &excelize.Style{CustomNumFmt: ptr(sp.custom)}
		}
		if rng.IntN(4) == 0 {
			st.Font = &excelize.Font{Bold: true}
		}
		id, err := f.NewStyle(st)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, id)
		date[id] = sp.date
	}
	return ids, date, nil
}

// randText returns a random cell text: ASCII and Chinese words, XML's
// special characters, the _xHHHH_ escape syntax, line ends, tabs, leading
// and trailing spaces, characters outside the BMP.
func randText(rng *rand.Rand) string {
	pieces := []string{"abc", "Hello", "投诉", "客户服务", "处理中", "&", "<", ">", `"`, "'", "&amp;", "]]>", " ", "  ",
		"\n", "\r\n", "\t", "_x0041_", "_x005F_", "_x", "x0041_", "😀", "①", "０１", "=1+1", "#N/A", "123", "-4.5",
		"2024-01-02", "2024/1/2 10:00", "是", "否", "·", "\u00a0", "é", "ß", "\u200b", "_xD800_", "_x004a_", "_x005f_x0041_", "_x12_"}
	var sb strings.Builder
	n := rng.IntN(6)
	if rng.IntN(12) == 0 {
		n = 0
	}
	for range n {
		sb.WriteString(pieces[rng.IntN(len(pieces))])
	}
	if rng.IntN(10) == 0 {
		sb.WriteString(" ")
	}
	if rng.IntN(10) == 0 {
		return " " + sb.String()
	}
	return sb.String()
}

func randFloat(rng *rand.Rand) float64 {
	switch rng.IntN(6) {
	case 0:
		return float64(rng.IntN(1000) - 500)
	case 1:
		return rng.Float64() * 1e6
	case 2:
		return -rng.Float64() / 1e6
	case 3:
		return math.Ldexp(rng.Float64(), rng.IntN(200)-100)
	case 4:
		return 45000 + rng.Float64()*1000 // a date serial
	}
	return 0.1 + 0.2
}

func randTime(rng *rand.Rand) time.Time {
	return time.Date(1995+rng.IntN(40), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC)
}

var sheetNames = []string{"Sheet1", "投诉台账", "Complaints", "数据 2", "Log (2024)", "Sheet's", "R&D"}

// genAPIWorkbook writes a random workbook through excelize's API and
// returns, by style id, which styles are date formats.
func genAPIWorkbook(rng *rand.Rand, path string) (map[int]bool, error) {
	f := excelize.NewFile()
	defer f.Close()
	if rng.IntN(4) == 0 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}); err != nil {
			return nil, err
		}
	}
	styles, dateStyle, err := makeStyles(f, rng)
	if err != nil {
		return nil, err
	}
	nSheets := 1 + rng.IntN(3)
	names := []string{"Sheet1"}
	for _, i := range rng.Perm(len(sheetNames) - 1)[:nSheets-1] {
		name := sheetNames[i+1]
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	for _, name := range names {
		if rng.IntN(3) == 0 {
			err = streamSheet(f, rng, name, styles)
		} else {
			err = apiSheet(f, rng, name, styles)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return dateStyle, f.SaveAs(path)
}

// apiSheet fills a sheet cell by cell: sparse rows, gaps, every value kind.
func apiSheet(f *excelize.File, rng *rand.Rand, sheet string, styles []int) error {
	nRows, nCols := rng.IntN(40), 1+rng.IntN(12)
	for r := 1; r <= nRows; r++ {
		if rng.IntN(5) == 0 {
			continue // an absent row
		}
		for c := 1; c <= nCols; c++ {
			if rng.IntN(3) == 0 {
				continue // an absent cell
			}
			cell, _ := excelize.CoordinatesToCellName(c, r)
			var err error
			switch rng.IntN(12) {
			case 0, 1, 2:
				err = f.SetCellValue(sheet, cell, randText(rng))
			case 3:
				err = f.SetCellValue(sheet, cell, rng.IntN(2000000)-1000000)
			case 4:
				err = f.SetCellValue(sheet, cell, randFloat(rng))
			case 5:
				err = f.SetCellValue(sheet, cell, rng.IntN(2) == 0)
			case 6:
				err = f.SetCellValue(sheet, cell, randTime(rng))
			case 7:
				var runs []excelize.RichTextRun
				for range 1 + rng.IntN(3) {
					run := excelize.RichTextRun{Text: randText(rng)}
					if rng.IntN(2) == 0 {
						run.Font = &excelize.Font{Bold: true, Color: "FF0000"}
					}
					runs = append(runs, run)
				}
				err = f.SetCellRichText(sheet, cell, runs)
			case 8:
				err = f.SetCellFormula(sheet, cell, "SUM(A1:B2)")
			case 9:
				err = f.SetCellValue(sheet, cell, "")
			case 10:
				err = f.SetCellStr(sheet, cell, strings.Repeat("长文本", rng.IntN(50)))
			case 11:
				err = f.SetCellDefault(sheet, cell, strconv.FormatFloat(randFloat(rng), 'g', -1, 64))
			}
			if err != nil {
				return err
			}
			if len(styles) > 0 && rng.IntN(3) == 0 {
				if err := f.SetCellStyle(sheet, cell, cell, styles[rng.IntN(len(styles))]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// streamSheet writes a sheet with the stream writer: inline strings,
// rich text runs, formulas with cached results, styled values.
func streamSheet(f *excelize.File, rng *rand.Rand, sheet string, styles []int) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	r := 0
	for range rng.IntN(40) {
		r += 1 + rng.IntN(3)
		row := make([]any, 1+rng.IntN(10))
		for c := range row {
			var v any
			switch rng.IntN(11) {
			case 0:
				v = nil
			case 1, 2:
				v = randText(rng)
			case 3:
				v = rng.IntN(100000)
			case 4:
				v = randFloat(rng)
			case 5:
				v = rng.IntN(2) == 0
			case 6:
				v = randTime(rng)
			case 7:
				v = []excelize.RichTextRun{{Text: randText(rng)}, {Text: randText(rng), Font: &excelize.Font{Italic: true}}}
			case 8:
				v = excelize.Cell{Formula: "1+1", Value: rng.IntN(10)}
			case 9:
				v = excelize.Cell{Formula: `"a"&"b"`, Value: randText(rng)}
			case 10:
				v = excelize.Cell{Formula: "1=1", Value: rng.IntN(2) == 0}
			}
			if len(styles) > 0 && v != nil && rng.IntN(3) == 0 {
				if cv, ok := v.(excelize.Cell); ok {
					cv.StyleID = styles[rng.IntN(len(styles))]
					v = cv
				} else {
					v = excelize.Cell{StyleID: styles[rng.IntN(len(styles))], Value: v}
				}
			}
			row[c] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1+rng.IntN(3), r)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xmlGen writes sheet and shared-string XML in the many spellings that
// are valid XML and that excelize reads.
type xmlGen struct {
	rng    *rand.Rand
	prefix string // "" or "x:" for the main namespace
	nSST   int
	nStyle int
}

func (g *xmlGen) pick(n int) bool { return g.rng.IntN(n) == 0 }

// esc writes s as character data, choosing among the escapes XML allows.
func (g *xmlGen) esc(sb *strings.Builder, s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			sb.WriteString([]string{"&amp;", "&#38;", "&#x26;"}[g.rng.IntN(3)])
		case r == '<':
			sb.WriteString([]string{"&lt;", "&#60;"}[g.rng.IntN(2)])
		case r == '>':
			sb.WriteString([]string{"&gt;", "&#62;"}[g.rng.IntN(2)])
		case r == '"' && attr:
			sb.WriteString("&quot;")
		case r == '"' && g.pick(3):
			sb.WriteString("&quot;")
		case r == '\'' && g.pick(3):
			sb.WriteString("&apos;")
		case r == '\r':
			sb.WriteString([]string{"&#13;", "&#xD;", "\r"}[g.rng.IntN(3)])
		case r == '\n' && g.pick(3):
			sb.WriteString("&#10;")
		case r > 0x7f && g.pick(6):
			fmt.Fprintf(sb, []string{"&#%d;", "&#x%X;", "&#x%x;"}[g.rng.IntN(3)], r)
		default:
			sb.WriteRune(r)
		}
	}
}

// text writes the character data of an element, sometimes split by a
// comment or partly in a CDATA section.
func (g *xmlGen) text(sb *strings.Builder, s string) {
	if len(s) > 2 && g.pick(8) {
		k := len(s) / 2
		for k < len(s) && !isRuneStart(s[k]) {
			k++
		}
		g.esc(sb, s[:k], false)
		if g.pick(2) && !strings.Contains(s[k:], "]]>") && !strings.Contains(s[k:], "\r") {
			sb.WriteString("<![CDATA[" + s[k:] + "]]>")
			return
		}
		sb.WriteString("<!-- split -->")
		g.esc(sb, s[k:], false)
		return
	}
	g.esc(sb, s, false)
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

func (g *xmlGen) ws(sb *strings.Builder) {
	switch g.rng.IntN(8) {
	case 0:
		sb.WriteString("\n  ")
	case 1:
		sb.WriteString("\r\n")
	case 2:
		sb.WriteString("<!-- c -->")
	}
}

// q quotes an attribute value, in one of the spellings XML allows (the
// = sign it follows may have spaces around it).
func (g *xmlGen) q(v string) string {
	switch g.rng.IntN(12) {
	case 0, 1:
		return "'" + v + "'"
	case 2:
		return ` "` + v + `"`
	case 3:
		if v != "" {
			var sb strings.Builder
			fmt.Fprintf(&sb, "&#%d;", v[0])
			return `"` + sb.String() + v[1:] + `"`
		}
	}
	return `"` + v + `"`
}

// richText writes the content of <si> or <is>: a plain <t>, runs,
// phonetic runs, both, or nothing.
func (g *xmlGen) richText(sb *strings.Builder) {
	p := g.prefix
	t := func(s string) {
		if s == "" && g.pick(2) {
			sb.WriteString("<" + p + "t/>")
			return
		}
		sb.WriteString("<" + p + "t")
		if strings.TrimSpace(s) != s || g.pick(4) {
			sb.WriteString(` xml:space="preserve"`)
		}
		sb.WriteString(">")
		g.text(sb, s)
		sb.WriteString("</" + p + "t>")
	}
	switch g.rng.IntN(7) {
	case 6: // two texts: the last one counts
		t(randText(g.rng))
		sb.WriteString("stray text")
		t(randText(g.rng))
	case 0, 1, 2:
		t(randText(g.rng))
	case 3:
		for range 1 + g.rng.IntN(3) {
			sb.WriteString("<" + p + "r>")
			if g.pick(2) {
				sb.WriteString("<" + p + `rPr><` + p + `b/><` + p + `sz val="11"/><` + p + `rFont val="宋体"/></` + p + "rPr>")
			}
			g.ws(sb)
			t(randText(g.rng))
			sb.WriteString("</" + p + "r>")
		}
	case 4:
		t(randText(g.rng))
		sb.WriteString("<" + p + `rPh sb="0" eb="1"><` + p + "t>ルビ</" + p + "t></" + p + "rPh>")
		sb.WriteString("<" + p + `phoneticPr fontId="1" type="noConversion"/>`)
	case 5:
		if g.pick(2) {
			t(randText(g.rng))
		}
		sb.WriteString("<" + p + "r><" + p + "t>run</" + p + "t></" + p + "r>")
	}
}

func (g *xmlGen) sst() string {
	var sb strings.Builder
	p := g.prefix
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	sb.WriteString("<" + p + "sst xmlns" + strings.TrimSuffix(":"+p, ":") + `="` + nsMain + `"`)
	if !g.pick(4) {
		fmt.Fprintf(&sb, ` count="%d" uniqueCount="%d"`, g.nSST*2, g.nSST)
	}
	sb.WriteString(">")
	for range g.nSST {
		g.ws(&sb)
		if g.pick(20) {
			sb.WriteString("<" + p + "si/>")
			continue
		}
		sb.WriteString("<" + p + "si>")
		g.richText(&sb)
		sb.WriteString("</" + p + "si>")
	}
	sb.WriteString("</" + p + "sst>")
	return sb.String()
}

// numberText is the text of a numeric <v>.
func (g *xmlGen) numberText() string {
	switch g.rng.IntN(7) {
	case 0:
		return strconv.Itoa(g.rng.IntN(1000000) - 500000)
	case 1:
		return strconv.FormatFloat(randFloat(g.rng), 'g', -1, 64)
	case 2:
		return strconv.FormatFloat(randFloat(g.rng), 'E', 15, 64)
	case 3:
		return " 42 "
	case 4:
		return "45292.5"
	case 5:
		return "1.0000000000000001E+20"
	}
	return "0"
}

// cell writes one cell, with or without a reference.
func (g *xmlGen) cell(sb *strings.Builder, col, row int, withRef bool) {
	p := g.prefix
	sb.WriteString("<" + p + "c")
	if withRef {
		ref, _ := excelize.CoordinatesToCellName(col, row)
		switch {
		case g.pick(20):
			ref = strings.ToLower(ref)
		case g.pick(20):
			name, _ := excelize.ColumnNumberToName(col)
			ref = "$" + name + "$" + strconv.Itoa(row)
		}
		sb.WriteString(" r=" + g.q(ref))
	} else if g.pick(5) {
		sb.WriteString(` r=""`)
	}
	if g.nStyle > 0 && g.pick(3) {
		sb.WriteString(" s=" + g.q(strconv.Itoa(g.rng.IntN(g.nStyle))))
	}
	kind := g.rng.IntN(14)
	typ := map[int]string{0: "s", 1: "s", 2: "inlineStr", 3: "str", 4: "b", 5: "e", 6: "n", 7: "d", 13: "inlineStr"}[kind]
	if typ != "" && !(typ == "n" && g.pick(2)) {
		sb.WriteString(" t=" + g.q(typ))
	}
	if g.pick(10) {
		sb.WriteString(` cm="1"`)
	}
	if kind == 12 && g.pick(2) {
		sb.WriteString("/>")
		return
	}
	sb.WriteString(">")
	v := func(s string) {
		if s == "" && g.pick(2) {
			sb.WriteString("<" + p + "v/>")
			return
		}
		sb.WriteString("<" + p + "v>")
		g.text(sb, s)
		sb.WriteString("</" + p + "v>")
	}
	f := func() {
		switch g.rng.IntN(3) {
		case 0:
			sb.WriteString("<" + p + "f>SUM(A1:A3)&amp;\"x\"</" + p + "f>")
		case 1:
			sb.WriteString("<" + p + `f t="shared" si="0"/>`)
		default:
			sb.WriteString("<" + p + `f t="shared" ref="A1:A9" si="0">A1*2</` + p + "f>")
		}
	}
	switch kind {
	case 0, 1: // shared string
		idx := strconv.Itoa(g.rng.IntN(max(g.nSST, 1)))
		switch {
		case g.pick(15):
			idx = " " + idx + " "
		case g.pick(30):
			idx = strconv.Itoa(g.nSST + 5) // out of range: excelize gives ""
		}
		if g.pick(10) {
			f()
		}
		v(idx)
	case 2, 13: // inline string
		if g.pick(8) {
			v("ignored")
		}
		sb.WriteString("<" + p + "is>")
		g.richText(sb)
		sb.WriteString("</" + p + "is>")
	case 3: // formula string result
		f()
		v(randText(g.rng))
	case 4:
		if g.pick(2) {
			f()
		}
		v([]string{"1", "0", "TRUE"}[g.rng.IntN(3)])
	case 5:
		f()
		v([]string{"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?"}[g.rng.IntN(5)])
	case 6, 8, 9:
		if g.pick(6) {
			f()
		}
		if g.pick(15) {
			v(g.numberText()) // two values: the last one counts
		}
		v(g.numberText())
	case 7:
		v(randTime(g.rng).Format("2006-01-02T15:04:05Z"))
	case 10:
		f() // a formula without a cached value
	case 11:
		v("") // an empty value
	}
	g.ws(sb)
	sb.WriteString("</" + p + "c>")
}

func (g *xmlGen) sheet() string {
	var sb strings.Builder
	p := g.prefix
	if g.pick(6) {
		sb.WriteString("\xef\xbb\xbf")
	}
	if !g.pick(5) {
		sb.WriteString(`<?xml version="1.0" encoding="` + []string{"UTF-8", "utf-8"}[g.rng.IntN(2)] + `" standalone="yes"?>` + "\r\n")
	}
	sb.WriteString("<!-- written for a test -->")
	sb.WriteString("<" + p + "worksheet xmlns" + strings.TrimSuffix(":"+p, ":") + `="` + nsMain + `" xmlns:r="` + nsRelationships + `" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`)
	sb.WriteString("<" + p + `sheetPr><` + p + `outlinePr summaryBelow="0"/></` + p + "sheetPr>")
	sb.WriteString("<" + p + `dimension ref="A1:Z99"/>`)
	g.ws(&sb)
	sb.WriteString("<" + p + `cols><` + p + `col min="1" max="3" width="12.5" customWidth="1"/></` + p + "cols>")
	if g.pick(15) {
		sb.WriteString("<" + p + "sheetData/>")
	} else {
		sb.WriteString("<" + p + "sheetData>")
		row := 0
		for range g.rng.IntN(30) {
			g.ws(&sb)
			withR := !g.pick(6)
			row += 1 + g.rng.IntN(2)
			if g.pick(20) {
				row += 5000
			}
			sb.WriteString("<" + p + "row")
			if withR {
				n := strconv.Itoa(row)
				if g.pick(20) {
					n = "00" + n
				}
				sb.WriteString(" r=" + g.q(n))
			}
			if g.pick(2) {
				sb.WriteString(` spans="1:9" x14ac:dyDescent="0.25"`)
			}
			if g.pick(6) {
				sb.WriteString(` ht="20" customHeight="1" s="1" customFormat="1"`)
			}
			if g.pick(12) {
				sb.WriteString("/>")
				continue
			}
			sb.WriteString(">")
			col := 0
			for range g.rng.IntN(12) {
				col += 1 + g.rng.IntN(2)
				if g.pick(30) {
					col += 100
				}
				g.ws(&sb)
				g.cell(&sb, col, row, !g.pick(6))
			}
			sb.WriteString("</" + p + "row>")
		}
		g.ws(&sb)
		sb.WriteString("</" + p + "sheetData>")
	}
	sb.WriteString("<" + p + `mergeCells count="1"><` + p + `mergeCell ref="A1:B1"/></` + p + "mergeCells>")
	sb.WriteString("<" + p + `pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	sb.WriteString("</" + p + "worksheet>")
	return sb.String()
}

// genXMLWorkbook writes a workbook whose sheets and shared strings are
// random XML, on a skeleton excelize made (workbook, relationships,
// styles).
func genXMLWorkbook(rng *rand.Rand, path string) (map[int]bool, error) {
	f := excelize.NewFile()
	if rng.IntN(4) == 0 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}); err != nil {
			return nil, err
		}
	}
	_, dateStyle, err := makeStyles(f, rng)
	if err != nil {
		return nil, err
	}
	nSheets := 1 + rng.IntN(3)
	for _, i := range rng.Perm(len(sheetNames) - 1)[:nSheets-1] {
		if _, err := f.NewSheet(sheetNames[i+1]); err != nil {
			return nil, err
		}
	}
	// One shared string makes excelize write the part and its
	// relationship; the generated table replaces it.
	if err := f.SetCellValue("Sheet1", "A1", "x"); err != nil {
		return nil, err
	}
	var skel bytes.Buffer
	if err := f.Write(&skel); err != nil {
		return nil, err
	}
	f.Close()

	g := &xmlGen{rng: rng, nSST: rng.IntN(25), nStyle: len(dateStyle) + 1}
	if rng.IntN(4) == 0 {
		g.prefix = "x:"
	}
	zr, err := zip.NewReader(bytes.NewReader(skel.Bytes()), int64(skel.Len()))
	if err != nil {
		return nil, err
	}
	out, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, zf := range zr.File {
		var data []byte
		switch {
		case zf.Name == sstPart:
			data = []byte(g.sst())
		case strings.HasPrefix(zf.Name, "xl/worksheets/sheet"):
			data = []byte(g.sheet())
		default:
			rc, err := zf.Open()
			if err != nil {
				return nil, err
			}
			data, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return dateStyle, out.Close()
}
