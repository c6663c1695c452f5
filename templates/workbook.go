package templates

import (
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/textwidth"
)

// FixedDate is the creation and modification date written into a
// workbook's document properties unless the caller gives one: with it two
// runs produce identical bytes, which lets a template be committed and
// diffed.
var FixedDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// WorkbookOptions tune WriteWorkbook.
type WorkbookOptions struct {
	// Lang is "en" (default) or "zh": sheet names, dropdown labels and the
	// spelling of yes/no and indefinite. Headers are bilingual either way.
	Lang string
	// Date goes into the document properties; zero means FixedDate.
	Date time.Time
	// Template marks the workbook as a fill-in template: the instructions
	// then say the example rows are to be replaced.
	Template bool
}

// Sheet names of the workbook's own sheets; the loader ignores both.
const (
	InstructionsEN = "Instructions"
	InstructionsZH = "说明"
	ListsSheet     = "Lists"
)

// Excel refuses an inline dropdown list longer than this (UTF-16 units,
// separators included); longer lists are referenced from the Lists sheet.
const maxInlineList = 255

// The loader accepts Excel serial dates only from 1950-01-01 to 2100-12-31
// (internal/load FromExcelSerial); a date outside is written as text, which
// it also reads. The date validation uses the same window.
const (
	minSerial = 18264
	maxSerial = 73415
)

// lastRow bounds the validated range of list sheets: the whole column
// below the header, so rows the client adds are validated too.
const lastRow = 1048576

//go:embed instructions_en.txt
var instructionsEN string

//go:embed instructions_zh.txt
var instructionsZH string

// WriteWorkbook writes d as one workbook: an instructions sheet, one sheet
// per present record type in dossier.Types() order, and the hidden Lists
// sheet. The complaint log is streamed, so a large log costs little memory.
func WriteWorkbook(w io.Writer, d *Data, o WorkbookOptions) (err error) {
	b, err := newBook(o)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := b.f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if err := b.instructions(); err != nil {
		return err
	}
	types := dossier.Types()
	var complaintsType *dossier.RecordType
	// Sheets are created in order first: the complaint sheet is streamed
	// and must be written last, whatever its place among the tabs.
	for i := range types {
		rt := &types[i]
		if !b.present(d, rt) {
			continue
		}
		if _, err := b.f.NewSheet(SheetName(rt, b.lang)); err != nil {
			return fmt.Errorf("workbook: %w", err)
		}
	}
	if _, err := b.f.NewSheet(ListsSheet); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	for i := range types {
		rt := &types[i]
		if !b.present(d, rt) {
			continue
		}
		var err error
		switch {
		case rt.Name == "complaints":
			complaintsType = rt
		case rt.Single:
			var rec Record
			if recs := d.Records[rt.Name]; len(recs) > 0 {
				rec = recs[0]
			}
			err = b.singleSheet(rt, rec)
		default:
			err = b.listSheet(rt, d.Records[rt.Name])
		}
		if err != nil {
			return err
		}
	}
	if err := b.writeLists(); err != nil {
		return err
	}
	if complaintsType != nil {
		if err := b.complaintSheet(complaintsType, d.Complaints); err != nil {
			return err
		}
	}
	if err := b.f.SetSheetVisible(ListsSheet, false); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	b.f.SetActiveSheet(0)
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	return nil
}

func (b *book) present(d *Data, rt *dossier.RecordType) bool {
	if rt.Name == "complaints" {
		return d.Complaints != nil
	}
	_, ok := d.Records[rt.Name]
	return ok
}

// book is a workbook being written, with its styles.
type book struct {
	f                         *excelize.File
	lang                      string
	template                  bool
	instructionsName          string
	header, title, bold, wrap int
	text, date, dateTime      int
	lists                     [][]string        // Lists sheet columns, key first
	listRef                   map[string]string // list identity -> range
}

func newBook(o WorkbookOptions) (*book, error) {
	lang := o.Lang
	if lang == "" {
		lang = LangEN
	}
	if lang != LangEN && lang != LangZH {
		return nil, fmt.Errorf("workbook: language %q: expected en or zh", lang)
	}
	f := excelize.NewFile()
	b := &book{f: f, lang: lang, template: o.Template, listRef: map[string]string{}}
	b.instructionsName = InstructionsEN
	if lang == LangZH {
		b.instructionsName = InstructionsZH
	}
	if err := f.SetSheetName("Sheet1", b.instructionsName); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	date := o.Date
	if date.IsZero() {
		date = FixedDate
	}
	stamp := date.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "certready", LastModifiedBy: "certready", Created: stamp, Modified: stamp,
		Title:    "certready dossier / 投诉处理管理体系认证资料",
		Language: map[string]string{LangEN: "en-GB", LangZH: "zh-CN"}[lang],
	}); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	styles := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&b.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, NumFmt: 49}},
		{&b.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.bold, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}}},
		{&b.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		// "@" keeps what the client types as text: a phone number keeps
		// its leading zero, "1-2" does not become a date.
		{&b.text, &excelize.Style{NumFmt: 49}},
		{&b.date, &excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")}},
		{&b.dateTime, &excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd hh:mm")}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(s.s)
		if err != nil {
			return nil, fmt.Errorf("workbook: %w", err)
		}
		*s.dst = id
	}
	return b, nil
}

func ptr[T any](v T) *T { return &v }

// columnStyle is the style new cells of a column get.
func (b *book) columnStyle(fl *dossier.Field) int {
	switch fl.Kind {
	case dossier.KDate, dossier.KExpiry:
		return b.date
	case dossier.KDateTime:
		return b.dateTime
	case dossier.KString, dossier.KFile, dossier.KEnum, dossier.KList:
		return b.text
	}
	return 0
}

// cellValue converts a canonical value to what the cell holds: a float64
// for numbers and dates (serials, so Excel sorts and filters them), text
// otherwise, neutralised by SafeCell.
func (b *book) cellValue(fl *dossier.Field, v Value) (any, error) {
	switch fl.Kind {
	case dossier.KList:
		items := v.List
		if b.lang == LangZH && labelSet(fl) != nil {
			// A Chinese sheet shows the items as its dropdown offers them;
			// the loader reads the labels back as the codes.
			items = make([]string, len(v.List))
			for i, it := range v.List {
				items[i] = EnumLabel(fl, it, b.lang)
			}
		}
		return SafeCell(strings.Join(items, ListSeparator)), nil
	case dossier.KInt, dossier.KNumber:
		if x, err := strconv.ParseFloat(v.Text, 64); err == nil {
			return x, nil
		}
	case dossier.KBool:
		if t, ok := parseBool(v.Text); ok {
			l := boolLabels(b.lang)
			if t {
				return l[0], nil
			}
			return l[1], nil
		}
	case dossier.KExpiry:
		if v.Text == Indefinite {
			if b.lang == LangZH {
				return "长期", nil
			}
			return Indefinite, nil
		}
		return dateCell(v.Text), nil
	case dossier.KDate:
		return dateCell(v.Text), nil
	case dossier.KDateTime:
		for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04"} {
			if t, err := time.Parse(layout, v.Text); err == nil {
				if s, ok := serial(t); ok {
					return s, nil
				}
				return v.Text, nil
			}
		}
		return nil, fmt.Errorf("%s: %q is not a canonical date-time", fl.Key, v.Text)
	case dossier.KEnum:
		return SafeCell(EnumLabel(fl, v.Text, b.lang)), nil
	}
	return SafeCell(v.Text), nil
}

// dateCell gives a date's serial, or its text outside the serial window.
func dateCell(s string) any {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return SafeCell(s)
	}
	if v, ok := serial(t); ok {
		return v
	}
	return s
}

// serial converts a wall-clock time (its fields, not its instant) to an
// Excel 1900-system serial; false outside the window the loader reads.
func serial(t time.Time) (float64, bool) {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	days := day.Sub(base).Hours() / 24
	if days < minSerial || days > maxSerial {
		return 0, false
	}
	secs := t.Hour()*3600 + t.Minute()*60 + t.Second()
	if secs == 0 {
		return days, true
	}
	// The nearest float to 14:05 can lie a hair below it, and LibreOffice
	// truncates when it displays, showing 14:04. Half a millisecond more
	// keeps every display on the right minute; readers that round to the
	// second (the loader, Excel) are unaffected.
	return days + (float64(secs)+0.0005)/86400, true
}

func (b *book) set(sheet string, col, row int, v any) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case float64:
		err = b.f.SetCellFloat(sheet, cell, x, -1, 64)
	case string:
		err = b.f.SetCellStr(sheet, cell, x)
	default:
		err = b.f.SetCellValue(sheet, cell, x)
	}
	if err != nil {
		return fmt.Errorf("workbook %s!%s: %w", sheet, cell, err)
	}
	return nil
}

func (b *book) style(sheet string, col, row, style int) error {
	if style == 0 {
		return nil
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cell, cell, style)
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

func clampWidth(w int, lo, hi float64) float64 {
	return max(lo, min(hi, float64(w)+2))
}

// truncUTF16 cuts text to Excel's limits on validation titles and prompts.
func truncUTF16(s string, n int) string {
	if len(utf16.Encode([]rune(s))) <= n {
		return s
	}
	r := []rune(s)
	for len(utf16.Encode(r)) > n-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// validate adds the data validation of a field to sqref: a dropdown for
// enums and yes/no, a date window for dates. Multi-valued list fields get
// no dropdown (Excel's list validation allows one item per cell), only a
// prompt naming the allowed items.
func (b *book) validate(sheet, sqref string, fl *dossier.Field) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	prompt := fl.DocEN + "\n" + fl.DocZH
	switch fl.Kind {
	case dossier.KEnum:
		if err := b.dropdown(dv, fl.Key, EnumLabels(fl, b.lang)); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, truncUTF16(fl.EN+" / "+fl.ZH, 32),
			truncUTF16("Pick a value from the list. / 请从下拉列表中选择。", 255))
	case dossier.KBool:
		l := boolLabels(b.lang)
		if err := b.dropdown(dv, fl.Key, l[:]); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, truncUTF16(fl.EN+" / "+fl.ZH, 32),
			truncUTF16("Pick yes or no. / 请选择“是”或“否”。", 255))
	case dossier.KDate, dossier.KDateTime:
		if err := dv.SetRange(minSerial, maxSerial, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return fmt.Errorf("workbook: %w", err)
		}
		// A warning, not a stop: the loader also reads dates typed as
		// text (2026/3/1, 2026年3月1日), which Excel does not see as dates.
		dv.SetError(excelize.DataValidationErrorStyleWarning, truncUTF16(fl.EN+" / "+fl.ZH, 32),
			truncUTF16("Expected a date between 1950 and 2100, e.g. 2026-03-01. / 请填写1950至2100年间的日期，如 2026-03-01。", 255))
	case dossier.KList:
		values := fl.Enum
		if len(values) == 0 {
			values = fl.Terms
		}
		if len(values) == 0 {
			return nil
		}
		// Excel's list validation takes one item per cell: the dropdown
		// offers the items one at a time, and an information style (not a
		// stop) lets a cell hold several, separated by "; ".
		labels := make([]string, len(values))
		for i, v := range values {
			labels[i] = EnumLabel(fl, v, b.lang)
		}
		if err := b.dropdown(dv, fl.Key, labels); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleInformation, truncUTF16(fl.EN+" / "+fl.ZH, 32),
			truncUTF16("Several items: separate them with \"; \". / 多项之间用“; ”分隔。", 255))
		if b.lang == LangZH {
			prompt = "从下拉列表选择，多项用“; ”分隔。" + fl.DocZH
		} else {
			prompt = "Pick from the list; separate several items with \"; \". " + fl.DocEN
		}
	default:
		return nil
	}
	dv.SetInput(truncUTF16(fl.EN+" / "+fl.ZH, 32), truncUTF16(prompt, 255))
	if err := b.f.AddDataValidation(sheet, dv); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	return nil
}

// dropdown sets a list validation: inline when Excel allows it, otherwise
// a reference to a column of the hidden Lists sheet. Every list is also
// written to the Lists sheet, where the client can see all of them.
func (b *book) dropdown(dv *excelize.DataValidation, key string, items []string) error {
	ref := b.listRange(key, items)
	if len(utf16.Encode([]rune(strings.Join(items, ",")))) <= maxInlineList && !strings.ContainsAny(strings.Join(items, ""), ",\"") {
		if err := dv.SetDropList(items); err != nil {
			return fmt.Errorf("workbook: %w", err)
		}
		return nil
	}
	dv.SetSqrefDropList(ref)
	return nil
}

// listRange records items as a Lists column (once per distinct list) and
// returns its absolute range.
func (b *book) listRange(key string, items []string) string {
	id := key + "\x00" + strings.Join(items, "\x00")
	if r, ok := b.listRef[id]; ok {
		return r
	}
	col := len(b.lists) + 1
	b.lists = append(b.lists, append([]string{key}, items...))
	r := fmt.Sprintf("%s!$%s$2:$%s$%d", ListsSheet, colName(col), colName(col), len(items)+1)
	b.listRef[id] = r
	return r
}

func (b *book) writeLists() error {
	for c, col := range b.lists {
		for r, v := range col {
			if err := b.set(ListsSheet, c+1, r+1, SafeCell(v)); err != nil {
				return err
			}
		}
		if err := b.style(ListsSheet, c+1, 1, b.header); err != nil {
			return err
		}
	}
	return nil
}

// listSheet writes a record type with a header row and one row per record.
func (b *book) listSheet(rt *dossier.RecordType, recs []Record) error {
	sheet := SheetName(rt, b.lang)
	if err := b.listLayout(sheet, rt, len(recs)); err != nil {
		return err
	}
	if err := b.listHeader(sheet, rt); err != nil {
		return err
	}
	for r, rec := range recs {
		for c := range rt.Fields {
			fl := &rt.Fields[c]
			v, ok := rec[fl.Key]
			if !ok {
				continue
			}
			cv, err := b.cellValue(fl, v)
			if err != nil {
				return fmt.Errorf("%s record %d: %w", rt.Name, r+1, err)
			}
			if err := b.set(sheet, c+1, r+2, cv); err != nil {
				return err
			}
			if err := b.style(sheet, c+1, r+2, b.valueStyle(fl, cv)); err != nil {
				return err
			}
		}
	}
	return nil
}

// valueStyle is the style of a written cell: a date format for serials,
// text for text, none for numbers (and for a date written as text).
func (b *book) valueStyle(fl *dossier.Field, cv any) int {
	s := b.columnStyle(fl)
	if _, isText := cv.(string); isText && (s == b.date || s == b.dateTime) {
		return b.text
	}
	return s
}

// listLayout writes the header row, column widths and styles, the
// validations, the frozen header and the autofilter of a list sheet with
// rows data rows. Nothing here touches sheetData below the header, so the
// complaint sheet can be streamed afterwards.
func (b *book) listLayout(sheet string, rt *dossier.RecordType, rows int) error {
	last := colName(len(rt.Fields))
	for c := range rt.Fields {
		fl := &rt.Fields[c]
		col := colName(c + 1)
		if err := b.f.SetColWidth(sheet, col, col, clampWidth(textwidth.Width(Header(fl)), 12, 48)); err != nil {
			return fmt.Errorf("workbook %s: %w", sheet, err)
		}
		sqref := fmt.Sprintf("%s2:%s%d", col, col, lastRow)
		if done, err := b.refValidate(sheet, sqref, rt, fl); err != nil || done {
			if err != nil {
				return err
			}
			continue
		}
		if err := b.validate(sheet, sqref, fl); err != nil {
			return err
		}
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", last, max(rows+1, 2)), nil); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	return nil
}

// listHeader writes the header cells (normal API; the streamed complaint
// sheet writes its header through the stream instead).
func (b *book) listHeader(sheet string, rt *dossier.RecordType) error {
	for c := range rt.Fields {
		if err := b.set(sheet, c+1, 1, Header(&rt.Fields[c])); err != nil {
			return err
		}
	}
	last := colName(len(rt.Fields))
	if err := b.f.SetCellStyle(sheet, "A1", last+"1", b.header); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	return b.f.SetRowHeight(sheet, 1, 32)
}

// singleSheet writes a one-record type as field | value | notes rows,
// the layout the loader reads for organisation and resources.
func (b *book) singleSheet(rt *dossier.RecordType, rec Record) error {
	sheet := SheetName(rt, b.lang)
	for c, h := range []string{"Field / 字段", "Value / 值", "Notes / 说明"} {
		if err := b.set(sheet, c+1, 1, h); err != nil {
			return err
		}
	}
	if err := b.f.SetCellStyle(sheet, "A1", "C1", b.header); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	for i := range rt.Fields {
		fl := &rt.Fields[i]
		row := i + 2
		if err := b.set(sheet, 1, row, Header(fl)); err != nil {
			return err
		}
		if err := b.set(sheet, 3, row, SafeCell(fieldNote(fl))); err != nil {
			return err
		}
		if err := b.style(sheet, 3, row, b.wrap); err != nil {
			return err
		}
		cell := fmt.Sprintf("B%d", row)
		if err := b.validate(sheet, cell, fl); err != nil {
			return err
		}
		if err := b.style(sheet, 2, row, b.columnStyle(fl)); err != nil {
			return err
		}
		v, ok := rec[fl.Key]
		if !ok {
			continue
		}
		cv, err := b.cellValue(fl, v)
		if err != nil {
			return fmt.Errorf("%s: %w", rt.Name, err)
		}
		if err := b.set(sheet, 2, row, cv); err != nil {
			return err
		}
		if err := b.style(sheet, 2, row, b.valueStyle(fl, cv)); err != nil {
			return err
		}
	}
	for col, w := range map[string]float64{"A": 40, "B": 44, "C": 90} {
		if err := b.f.SetColWidth(sheet, col, col, w); err != nil {
			return fmt.Errorf("workbook %s: %w", sheet, err)
		}
	}
	return b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// fieldNote is a field's kind, requirement, allowed values and meaning in
// both languages, for the notes column and the instructions.
func fieldNote(fl *dossier.Field) string {
	req := "optional / 选填"
	if fl.Required {
		req = "required / 必填"
	}
	s := KindText(fl.Kind) + " · " + req
	if a := allowedText(fl, LangEN); a != "" {
		s += " · " + a
	}
	return s + " · " + fl.DocEN + " / " + fl.DocZH
}

// allowedText lists the allowed values of a field with their Chinese labels.
func allowedText(fl *dossier.Field, lang string) string {
	values := fl.Enum
	if len(values) == 0 {
		values = fl.Terms
	}
	switch {
	case fl.Kind == dossier.KBool:
		return "yes / no (是 / 否)"
	case len(values) > 0:
		// Exactly the values the loader and the checks accept, each in the
		// sheet's language first: 投诉处理方针（policy） in a Chinese
		// workbook, policy (投诉处理方针) in an English one.
		parts := make([]string, len(values))
		for i, v := range values {
			parts[i] = v
			if l := EnumLabel(fl, v, LangZH); l != v {
				if lang == LangZH {
					parts[i] = l + "（" + v + "）"
				} else {
					parts[i] += " (" + l + ")"
				}
			}
		}
		sep := ", "
		if lang == LangZH {
			sep = "、"
		}
		s := strings.Join(parts, sep)
		if len(fl.Enum) == 0 {
			if lang == LangZH {
				s = "检查读取以下要素（其他内容照常保存）：" + s
			} else {
				s = "The checks read these (anything else is kept): " + s
			}
		}
		return s
	case fl.Kind == dossier.KExpiry:
		return "date or indefinite (长期)"
	}
	return ""
}

// complaintSheet streams the complaint log after laying out its sheet.
func (b *book) complaintSheet(rt *dossier.RecordType, each func(func(Record) error) error) error {
	sheet := SheetName(rt, b.lang)
	n := 0
	if err := each(func(Record) error { n++; return nil }); err != nil {
		return err
	}
	if err := b.listLayout(sheet, rt, n); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	for c := range rt.Fields {
		fl := &rt.Fields[c]
		w := clampWidth(textwidth.Width(Header(fl)), 12, 48)
		if fl.Kind == dossier.KDateTime {
			w = max(w, 18)
		}
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return fmt.Errorf("workbook %s: %w", sheet, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	row := make([]any, len(rt.Fields))
	for c := range rt.Fields {
		row[c] = excelize.Cell{StyleID: b.header, Value: Header(&rt.Fields[c])}
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 32}); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	r := 1
	err = each(func(rec Record) error {
		r++
		for c := range rt.Fields {
			fl := &rt.Fields[c]
			v, ok := rec[fl.Key]
			if !ok {
				row[c] = nil
				continue
			}
			cv, err := b.cellValue(fl, v)
			if err != nil {
				return fmt.Errorf("complaint row %d: %w", r, err)
			}
			row[c] = excelize.Cell{StyleID: b.valueStyle(fl, cv), Value: cv}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("workbook %s: %w", sheet, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("workbook %s: %w", sheet, err)
	}
	return nil
}

// instructions writes the first sheet: how to fill the workbook, then
// every sheet and column with its kind, requirement, allowed values,
// meaning in both languages and an example.
func (b *book) instructions() error {
	sheet := b.instructionsName
	row := 1
	put := func(col int, v string, style int) error {
		if err := b.set(sheet, col, row, SafeCell(v)); err != nil {
			return err
		}
		return b.style(sheet, col, row, style)
	}
	if err := put(1, "certready — complaints-handling certification dossier / 投诉处理管理体系认证资料", b.title); err != nil {
		return err
	}
	row += 2
	for _, text := range []string{instructionsEN, instructionsZH} {
		for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			if b.template || !strings.HasPrefix(line, "!") {
				if err := put(1, strings.TrimPrefix(line, "!"), 0); err != nil {
					return err
				}
				row++
			}
		}
		row++
	}
	heads := []string{"Sheet / 工作表", "Column / 列", "Required / 必填", "Kind / 类型", "Allowed values / 可选值", "Description", "说明", "Example / 示例"}
	for c, h := range heads {
		if err := put(c+1, h, b.header); err != nil {
			return err
		}
	}
	headRow := row
	row++
	for _, rt := range dossier.Types() {
		if err := put(1, rt.SheetEN+" / "+rt.SheetZH, b.bold); err != nil {
			return err
		}
		layout := "One row per record under the header row. / 表头下每行一条记录。"
		if rt.Single {
			layout = "One record: column A names the field, column B holds the value. / 单条记录：A列为字段，B列为填写值。"
		}
		if rt.Name == "complaints" {
			layout += " A large log can instead be a separate complaints.csv or .xlsx. / 记录较多时可另附 complaints.csv 或 .xlsx。"
		}
		for c, v := range []string{"", "", "", "", rt.DocEN + " " + layout, rt.DocZH} {
			if c >= 1 && v != "" {
				if err := put(c+1, v, b.bold); err != nil {
					return err
				}
			} else if c >= 1 {
				if err := b.style(sheet, c+1, row, b.bold); err != nil {
					return err
				}
			}
		}
		if err := b.style(sheet, 7, row, b.bold); err != nil {
			return err
		}
		if err := b.style(sheet, 8, row, b.bold); err != nil {
			return err
		}
		row++
		for i := range rt.Fields {
			fl := &rt.Fields[i]
			req := "optional / 选填"
			if fl.Required {
				req = "required / 必填"
			}
			ex := fl.Example
			if fl.Kind == dossier.KEnum {
				ex = EnumLabel(fl, ex, b.lang)
			}
			for c, v := range []string{SheetName(&rt, b.lang), Header(fl), req, KindText(fl.Kind), allowedText(fl, b.lang), fl.DocEN, fl.DocZH, ex} {
				if err := put(c+1, v, b.wrap); err != nil {
					return err
				}
			}
			row++
		}
	}
	for i, w := range []float64{16, 36, 16, 26, 40, 50, 36, 28} {
		col := colName(i + 1)
		if err := b.f.SetColWidth(sheet, col, col, w); err != nil {
			return fmt.Errorf("workbook %s: %w", sheet, err)
		}
	}
	return b.f.AutoFilter(sheet, fmt.Sprintf("A%d:H%d", headRow, row-1), nil)
}
