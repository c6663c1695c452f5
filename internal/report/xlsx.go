package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/textwidth"
	"github.com/certready/certready/internal/vocab"
)

func init() { register("xlsx", FormatterFunc(formatXLSX)) }

// gapRegisterRows is how far the owner, due-date and status validations
// reach below the findings, so rows a consultant adds by hand get the same
// dropdowns.
const gapRegisterRows = 500

// The Excel date serials of 2000-01-01 and 2099-12-31: a due date outside
// them is a typing error.
const (
	serial2000 = 36526
	serial2099 = 73050
)

// The gap-register columns, in order.
var gapColumns = []struct {
	en, zh string
	width  float64
}{
	{"Check", "检查项", 26},
	{"Severity", "级别", 14},
	{"Clause / basis", "条款／依据", 24},
	{"Requirement", "要求", 26},
	{"Finding", "发现", 60},
	{"Where", "位置", 34},
	{"Evidence expected", "应有证据", 48},
	{"Remediation", "整改建议", 48},
	{"Owner", "责任人", 14},
	{"Due date", "完成期限", 14},
	{"Status", "状态", 14},
}

// Column letters of the consultant's working columns.
const (
	colOwner  = "I"
	colDue    = "J"
	colStatus = "K"
)

// gapStatuses are the choices of the status dropdown; the last means the
// gap is accepted (waived) rather than fixed.
func gapStatuses(o Options) []string {
	if o.Lang == "zh" {
		return []string{"未开始", "进行中", "已完成", "已接受"}
	}
	return []string{"open", "in progress", "done", "accepted"}
}

// formatXLSX writes an Excel gap register a consultant can work in: one
// row per finding with owner, due date and status to fill in, then the
// materials checklist, the principles matrix, scores per clause, the
// complaint KPIs and a summary. The same Result gives the same bytes: the
// document dates are the as-of date, never the clock.
func formatXLSX(w io.Writer, r *audit.Result, o Options) error {
	f, err := buildWorkbook(r, o)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// xw writes one sheet, keeping the first error so the builders read as a
// list of cells.
type xw struct {
	f     *excelize.File
	sheet string
	err   error
	st    *xstyles
}

type xstyles struct {
	header, wrap, date, percent, score, bold          int
	major, minor, observation, good, bad, warn, title int
}

func (x *xw) cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil && x.err == nil {
		x.err = err
	}
	return name
}

// str writes text through SafeCell: every string in the workbook may
// quote what a client typed.
func (x *xw) str(col, row int, s string) {
	if x.err == nil {
		x.err = x.f.SetCellStr(x.sheet, x.cell(col, row), SafeCell(s))
	}
}

func (x *xw) num(col, row int, v any) {
	if x.err == nil {
		x.err = x.f.SetCellValue(x.sheet, x.cell(col, row), v)
	}
}

func (x *xw) style(col, row, style int) {
	if x.err == nil {
		c := x.cell(col, row)
		x.err = x.f.SetCellStyle(x.sheet, c, c, style)
	}
}

func (x *xw) rowStyle(row, cols, style int) {
	if x.err == nil && cols > 0 {
		x.err = x.f.SetCellStyle(x.sheet, x.cell(1, row), x.cell(cols, row), style)
	}
}

func (x *xw) width(col int, w float64) {
	if x.err == nil {
		name, err := excelize.ColumnNumberToName(col)
		if err != nil {
			x.err = err
			return
		}
		x.err = x.f.SetColWidth(x.sheet, name, name, w)
	}
}

// table starts a sheet that is one table: column widths, the header row
// and the header frozen above the scrolling rows.
func (x *xw) table(labels []string, widths []float64) {
	for i, w := range widths {
		x.width(i+1, w)
	}
	x.header(1, labels)
	x.freezeTop()
}

// header writes a bold header row.
func (x *xw) header(row int, labels []string) {
	for i, l := range labels {
		x.str(i+1, row, l)
	}
	x.rowStyle(row, len(labels), x.st.header)
}

// freezeTop keeps the header row in view while the rows scroll.
func (x *xw) freezeTop() {
	if x.err == nil {
		x.err = x.f.SetPanes(x.sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	}
}

// printLandscapeFitWidth makes a printed register one page wide, the
// header repeated on every page, so a client meeting can work from paper.
func (x *xw) printLandscapeFitWidth() {
	if x.err != nil {
		return
	}
	landscape, one, any, fit := "landscape", 1, 0, true
	if x.err = x.f.SetPageLayout(x.sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); x.err != nil {
		return
	}
	if x.err = x.f.SetSheetProps(x.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); x.err != nil {
		return
	}
	x.err = x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + x.sheet + "'!$1:$1", Scope: x.sheet})
}

func (x *xw) autoFilter(cols, lastRow int) {
	if x.err == nil {
		x.err = x.f.AutoFilter(x.sheet, x.cell(1, 1)+":"+x.cell(cols, lastRow), nil)
	}
}

// fitHeight sets a row tall enough for its wrapped text: Excel does not
// re-measure rows of a file it did not write, so without this every
// finding would show one line.
func (x *xw) fitHeight(row int, texts []string, widths []float64) {
	lines := 1
	for i, t := range texts {
		if i >= len(widths) || t == "" {
			continue
		}
		n := 0
		for _, part := range strings.Split(t, "\n") {
			w := textwidth.Width(part)
			cw := int(widths[i]) - 1
			if cw < 1 {
				cw = 1
			}
			n += max(1, (w+cw-1)/cw)
		}
		lines = max(lines, n)
	}
	if lines > 1 && x.err == nil {
		x.err = x.f.SetRowHeight(x.sheet, row, min(409, 15*float64(lines)))
	}
}

func newStyles(f *excelize.File) (*xstyles, error) {
	var st xstyles
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	dateFmt, scoreFmt := "yyyy-mm-dd", "0.0"
	st.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("D9D9D9"), Alignment: top})
	st.wrap = mk(&excelize.Style{Alignment: top})
	st.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
	st.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	st.date = mk(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top"}})
	st.percent = mk(&excelize.Style{CustomNumFmt: &pctFormat})
	st.score = mk(&excelize.Style{CustomNumFmt: &scoreFmt})
	st.major = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Fill: fill("FFC7CE"), Alignment: top})
	st.minor = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C5700"}, Fill: fill("FFEB9C"), Alignment: top})
	st.observation = mk(&excelize.Style{Font: &excelize.Font{Color: "1F4E78"}, Fill: fill("DDEBF7"), Alignment: top})
	st.good = mk(&excelize.Style{Fill: fill("C6EFCE"), Alignment: top})
	st.bad = mk(&excelize.Style{Fill: fill("FFC7CE"), Alignment: top})
	st.warn = mk(&excelize.Style{Fill: fill("FFEB9C"), Alignment: top})
	return &st, err
}

func (st *xstyles) severity(s checks.Severity) int {
	switch s {
	case checks.Major:
		return st.major
	case checks.Minor:
		return st.minor
	}
	return st.observation
}

// stateStyle colours a materials or principles state.
func (st *xstyles) stateStyle(s string) int {
	switch s {
	case "present", "met":
		return st.good
	case "missing", "gaps":
		return st.bad
	case "expired", "needs_evidence", "not_evidenced":
		return st.warn
	}
	return st.wrap
}

// pctFormat shows a share to one decimal, as every other output prints it
// (vocab.Rate); the value written is already rounded down to that decimal.
var pctFormat = "0.0%"

// sheetNames are the workbook's sheets in one language.
type sheetNames struct{ gaps, materials, principles, scores, coverage, kpis, summary string }

func sheetsFor(o Options) sheetNames {
	if o.Lang == "zh" {
		return sheetNames{"差距清单", "申请材料", "指导原则", "条款得分", "覆盖情况", "投诉指标", "概要"}
	}
	return sheetNames{"Gap register", "Materials", "Principles", "Scores", "Coverage", "Complaint KPIs", "Summary"}
}

func buildWorkbook(r *audit.Result, o Options) (*excelize.File, error) {
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	names := sheetsFor(o)
	if err := f.SetSheetName("Sheet1", names.gaps); err != nil {
		return nil, err
	}
	steps := []struct {
		sheet string
		fill  func(*xw, *audit.Result, Options)
	}{
		{names.gaps, gapSheet},
		{names.materials, materialsSheet},
		{names.principles, principlesSheet},
		{names.scores, scoresSheet},
		{names.coverage, coverageSheet},
		{names.kpis, kpiSheet},
		{names.summary, summarySheet},
	}
	for _, s := range steps {
		if s.sheet == names.kpis && r.KPIs == nil {
			continue
		}
		if s.sheet != names.gaps {
			if _, err := f.NewSheet(s.sheet); err != nil {
				return nil, err
			}
		}
		x := &xw{f: f, sheet: s.sheet, st: st}
		s.fill(x, r, o)
		if x.err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.sheet, x.err)
		}
	}
	f.SetActiveSheet(0)
	stamp := "2000-01-01T00:00:00Z"
	if r.AsOf != "" {
		stamp = r.AsOf + "T00:00:00Z"
	}
	title := L(o, "Gap register", "差距清单")
	if r.Organisation.Name != "" {
		title += " — " + r.Organisation.Name
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: standardName(o), Creator: "certready", LastModifiedBy: "certready",
		Created: stamp, Modified: stamp, Language: L(o, "en-US", "zh-CN"), Version: r.Version,
		Identifier: r.InputDigest,
	}); err != nil {
		return nil, err
	}
	ok = true
	return f, nil
}

func gapSheet(x *xw, r *audit.Result, o Options) {
	lang := o.Lang
	labels := make([]string, len(gapColumns))
	widths := make([]float64, len(gapColumns))
	for i, c := range gapColumns {
		labels[i] = L(o, c.en, c.zh)
		widths[i] = c.width
		x.width(i+1, c.width)
	}
	if x.err == nil {
		x.err = x.f.SetColStyle(x.sheet, colDue, x.st.date)
	}
	x.header(1, labels)
	x.freezeTop()
	statuses := gapStatuses(o)
	for i := range r.Findings {
		f := &r.Findings[i]
		row := i + 2
		sev := f.Severity.Label(lang)
		if f.State != "open" {
			sev += " (" + statusLabel(o, f.State) + ")"
		}
		where := f.Where
		for _, rr := range f.Rows {
			where += "\n" + strings.TrimSpace(rr.ID+" "+rr.Pos.String())
		}
		remedy := f.Remedy.In(lang)
		if f.State == "waived" && f.Waiver != nil {
			remedy += "\n" + L(o, "Waived: ", "已豁免：") + f.Waiver.Justification
		}
		texts := []string{
			f.Check + "\n" + f.Title.In(lang), sev, cite(o, f.Nodes) + "\n" + basisLine(o, *f), requirementsWithTitles(o, f.Requirements),
			f.Message.In(lang), strings.TrimSpace(where), f.Evidence.In(lang), remedy,
		}
		for c, t := range texts {
			x.str(c+1, row, t)
		}
		x.rowStyle(row, len(texts), x.st.wrap)
		x.style(2, row, x.st.severity(f.Severity))
		if f.State == "waived" {
			// A waiver is a decision already taken: the gap is accepted.
			x.str(11, row, statuses[3])
		}
		x.fitHeight(row, texts, widths)
	}
	last := max(len(r.Findings)+1, gapRegisterRows)
	x.autoFilter(len(gapColumns), len(r.Findings)+1)
	x.printLandscapeFitWidth() // after the filter, which rewrites the sheet properties
	if x.err != nil {
		return
	}
	status := excelize.NewDataValidation(true)
	status.Sqref = fmt.Sprintf("%s2:%s%d", colStatus, colStatus, last)
	if x.err = status.SetDropList(statuses); x.err != nil {
		return
	}
	status.SetError(excelize.DataValidationErrorStyleStop, L(o, "Status", "状态"), L(o, "Pick a status from the list.", "请从列表中选择状态。"))
	due := excelize.NewDataValidation(true)
	due.Sqref = fmt.Sprintf("%s2:%s%d", colDue, colDue, last)
	if x.err = due.SetRange(serial2000, serial2099, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); x.err != nil {
		return
	}
	due.SetError(excelize.DataValidationErrorStyleStop, L(o, "Due date", "完成期限"), L(o, "Enter a date between 2000-01-01 and 2099-12-31.", "请输入 2000-01-01 至 2099-12-31 之间的日期。"))
	due.SetInput(L(o, "Due date", "完成期限"), L(o, "A date, e.g. 2026-12-31", "日期，例如 2026-12-31"))
	owner := excelize.NewDataValidation(true)
	owner.Sqref = fmt.Sprintf("%s2:%s%d", colOwner, colOwner, last)
	if x.err = owner.SetRange(1, 100, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); x.err != nil {
		return
	}
	owner.SetInput(L(o, "Owner", "责任人"), L(o, "Who closes this gap", "负责关闭该差距的人员"))
	for _, dv := range []*excelize.DataValidation{owner, due, status} {
		if x.err == nil {
			x.err = x.f.AddDataValidation(x.sheet, dv)
		}
	}
}

func materialsSheet(x *xw, r *audit.Result, o Options) {
	lang := o.Lang
	labels := []string{L(o, "Item", "序号"), L(o, "Material", "材料"), L(o, "Status", "状态"), L(o, "Optional", "可选"), L(o, "Refs", "对应文件"), L(o, "Note", "说明")}
	widths := []float64{22, 44, 14, 10, 40, 50}
	x.table(labels, widths)
	for i, m := range r.Materials {
		row := i + 2
		opt := ""
		if m.Optional {
			opt = L(o, "yes", "是")
		}
		refs := make([]string, len(m.Refs))
		for j, ref := range m.Refs {
			refs[j] = r.RecordLabel(ref, lang)
		}
		// The item id (staff_list) is the code's name: a Chinese reader
		// gets the item's number in the checklist and its title.
		item := L(o, m.ID, fmt.Sprint(i+1))
		texts := []string{item, m.Title.In(lang), statusLabel(o, string(m.Status)), opt, strings.Join(refs, "\n"), m.Note.In(lang)}
		for c, t := range texts {
			x.str(c+1, row, t)
		}
		x.rowStyle(row, len(texts), x.st.wrap)
		x.style(3, row, x.st.stateStyle(string(m.Status)))
		x.fitHeight(row, texts, widths)
	}
	x.autoFilter(len(labels), len(r.Materials)+1)
}

func principlesSheet(x *xw, r *audit.Result, o Options) {
	lang := o.Lang
	labels := []string{L(o, "Principle", "原则"), L(o, "Title", "名称"), L(o, "State", "状态"), L(o, "Checks", "检查项")}
	widths := []float64{12, 30, 18, 60}
	x.table(labels, widths)
	for i, p := range r.Principles {
		row := i + 2
		texts := []string{clauseLabel(o, []string{p.Principle}), p.Title.In(lang), statusLabel(o, p.State), strings.Join(p.Checks, "\n")}
		for c, t := range texts {
			x.str(c+1, row, t)
		}
		x.rowStyle(row, len(texts), x.st.wrap)
		x.style(3, row, x.st.stateStyle(p.State))
		x.fitHeight(row, texts, widths)
	}
}

func scoresSheet(x *xw, r *audit.Result, o Options) {
	lang := o.Lang
	labels := []string{L(o, "Clause", "条款"), L(o, "Title", "名称"), L(o, "Score", "得分"), L(o, "Checks", "检查项数"), L(o, "Failed checks", "未通过检查")}
	x.table(labels, []float64{22, 50, 10, 10, 14})
	for i, c := range r.Clauses {
		row := i + 2
		x.str(1, row, clauseLabel(o, []string{c.Clause}))
		x.str(2, row, c.Title.In(lang))
		if s, ok := c.Scored(); ok {
			x.num(3, row, s)
			x.style(3, row, x.st.score)
		} else {
			// A blank would sort as 0 and a 0 reads as failing everything.
			x.str(3, row, audit.UnscoredClauseText().In(lang))
		}
		x.num(4, row, c.Checks)
		x.num(5, row, c.Failed)
	}
	row := len(r.Clauses) + 2
	x.str(1, row, L(o, "Overall", "总体"))
	x.style(1, row, x.st.bold)
	x.num(3, row, r.Score)
	x.style(3, row, x.st.score)
}

// coverageSheet lists every assessable node of every requirement tree
// with its status, the checks on it, or why it was not assessed.
func coverageSheet(x *xw, r *audit.Result, o Options) {
	lang := o.Lang
	labels := []string{L(o, "Requirement", "要求"), L(o, "Title", "名称"), L(o, "Status", "状态"), L(o, "Checks / why not assessed", "检查项／未评价原因"), L(o, "Open findings", "未关闭发现项")}
	widths := []float64{22, 44, 18, 60, 12}
	x.table(labels, widths)
	row := 2
	for _, tc := range r.Coverage {
		for _, n := range tc.Nodes {
			why := strings.Join(n.Checks, "\n")
			if n.Status == audit.NodeNotAssessed {
				why = n.Why.In(lang)
			}
			texts := []string{n.Cite(o.Standard, lang), n.Title.In(lang), coverageStatusLabel(o, n.Status), why}
			for c, t := range texts {
				x.str(c+1, row, t)
			}
			x.num(5, row, n.Findings)
			x.rowStyle(row, len(texts), x.st.wrap)
			x.style(3, row, x.st.stateStyle(map[string]string{audit.NodeFindings: "gaps", audit.NodeNotAssessed: "not_evidenced", audit.NodeNeedsEvidence: "needs_evidence", audit.NodePass: "met"}[n.Status]))
			x.fitHeight(row, texts, widths)
			row++
		}
	}
}

// kpiRule is one line of the timeliness table.
type kpiRule struct {
	label string
	rule  metrics.Rule
}

func kpiSheet(x *xw, r *audit.Result, o Options) {
	k := r.KPIs
	for i, w := range []float64{44, 14, 14, 14, 14, 14, 14, 14} {
		x.width(i+1, w)
	}
	row := 1
	section := func(title string) {
		if row > 1 {
			row++
		}
		x.str(1, row, title)
		x.style(1, row, x.st.title)
		row++
	}
	table := func(labels ...string) {
		x.header(row, labels)
		row++
	}
	section(L(o, "Complaint log", "投诉台账"))
	for _, kv := range []struct{ k, v string }{
		{L(o, "Source", "来源"), k.Source},
		{L(o, "First received", "最早受理"), k.FirstReceived.String()},
		{L(o, "Last received", "最近受理"), k.LastReceived.String()},
	} {
		x.str(1, row, kv.k)
		x.str(2, row, kv.v)
		row++
	}
	x.str(1, row, L(o, "Complaints", "投诉总数"))
	x.num(2, row, k.Total)
	row++
	x.str(1, row, L(o, "Months with complaints", "有投诉的月份数"))
	x.num(2, row, k.MonthsCovered)
	row++

	section(L(o, "Timeliness and follow-through", "及时性与闭环"))
	table(L(o, "Requirement", "要求"), L(o, "Applicable", "适用"), L(o, "Violations", "不符合"), L(o, "Compliance", "符合率"))
	var rules []kpiRule
	for _, kpi := range k.KPIs() {
		rules = append(rules, kpiRule{kpi.Label.In(o.Lang), kpi.Rule})
	}
	for _, kr := range rules {
		x.str(1, row, kr.label)
		x.num(2, row, kr.rule.Applicable)
		x.num(3, row, kr.rule.Violations)
		if kr.rule.Applicable > 0 {
			x.num(4, row, vocab.RateValue(kr.rule.Applicable-kr.rule.Violations, kr.rule.Applicable))
			x.style(4, row, x.st.percent)
		}
		row++
	}

	if len(k.Timeliness.Monthly) > 0 {
		section(L(o, "By month", "按月"))
		table(L(o, "Month", "月份"), L(o, "Received", "受理"), L(o, "Ack on time", "按时告知"), L(o, "Ack rate", "告知及时率"),
			L(o, "Response on time", "按时反馈"), L(o, "Response rate", "反馈及时率"), L(o, "Resolved on time", "按时解决"), L(o, "Resolution rate", "解决及时率"))
		for _, m := range k.Timeliness.Monthly {
			x.str(1, row, m.Month)
			x.num(2, row, m.Received)
			for i, p := range [][2]int{{m.AckOnTime, m.Ack}, {m.ResponseOnTime, m.Response}, {m.ResolutionOnTime, m.Resolution}} {
				x.num(3+2*i, row, p[0])
				if p[1] > 0 {
					x.num(4+2*i, row, vocab.RateValue(p[0], p[1]))
					x.style(4+2*i, row, x.st.percent)
				}
			}
			row++
		}
	} else if len(k.ByMonth) > 0 {
		section(L(o, "By month", "按月"))
		table(L(o, "Month", "月份"), L(o, "Complaints", "投诉数"))
		row = countRows(x, row, k.ByMonth, func(key string) string { return r.KeyLabel("month", key, o.Lang) })
	}
	section(L(o, "By channel", "按渠道"))
	table(L(o, "Channel", "渠道"), L(o, "Complaints", "投诉数"))
	row = countRows(x, row, k.ByChannel, func(key string) string { return r.KeyLabel("channel", key, o.Lang) })
	section(L(o, "By category", "按类别"))
	table(L(o, "Category", "类别"), L(o, "Complaints", "投诉数"))
	countRows(x, row, k.ByCategory, func(key string) string { return r.KeyLabel("category", key, o.Lang) })
}

// countRows writes a breakdown, each key as label words it.
func countRows(x *xw, row int, cs []metrics.Count, label func(string) string) int {
	for _, c := range cs {
		x.str(1, row, label(c.Key))
		x.num(2, row, c.N)
		row++
	}
	return row
}

func summarySheet(x *xw, r *audit.Result, o Options) {
	lang := o.Lang
	x.width(1, 34)
	x.width(2, 70)
	row := 1
	kv := func(k, v string) {
		if v == "" {
			return
		}
		x.str(1, row, k)
		x.style(1, row, x.st.bold)
		x.str(2, row, v)
		x.style(2, row, x.st.wrap)
		row++
	}
	if r.Partial {
		kv(L(o, "Partial audit", "部分评估"), partialLine(o, r))
	}
	kv(L(o, "Organisation", "组织"), r.Organisation.Name)
	kv(L(o, "USCC", "统一社会信用代码"), r.Organisation.USCC)
	kv(L(o, "Standard", "标准"), standardName(o))
	kv(L(o, "As of", "评估日期"), r.AsOf)
	kv(L(o, "Verdict", "结论"), r.Verdict.Label(lang))
	x.str(1, row, L(o, "Score", "得分"))
	x.style(1, row, x.st.bold)
	x.num(2, row, r.Score)
	x.style(2, row, x.st.score)
	row++
	kv(L(o, "Earliest application date", "最早可申请日期"), eligibilityText(o, r))
	for _, c := range []struct {
		label string
		n     int
	}{
		{L(o, "Major findings", "严重不符合"), r.Counts.Major},
		{L(o, "Minor findings", "轻微不符合"), r.Counts.Minor},
		{L(o, "Observations", "观察项"), r.Counts.Observation},
		{L(o, "Waived", "已豁免"), r.Counts.Waived},
		{L(o, "Known from baseline", "基线已知"), r.Counts.Known},
		{L(o, "Needs evidence", "待提供证据"), r.Counts.NeedsEvidence},
	} {
		x.str(1, row, c.label)
		x.style(1, row, x.st.bold)
		x.num(2, row, c.n)
		row++
	}
	kv(L(o, "Input digest", "输入摘要"), r.InputDigest)
	kv(L(o, "certready version", "certready 版本"), r.Version)
	for _, n := range r.Notes {
		kv(L(o, "Note", "提示"), n.In(lang))
	}
}
