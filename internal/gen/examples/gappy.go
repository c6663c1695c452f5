package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
)

// gappyOrg is a food business preparing for certification with the gaps
// listed in examples/README.md planted on purpose. Every gap is a finding
// for the audit, never a load error: the workbook must load cleanly.
type gappyOrg struct {
	uscc, validUSCC string
	tables          []table
	docs            []docDef
	evidence        []evidenceDef
	log             []complaint
}

const (
	gappyName   = "宁波甬味坊餐饮管理有限公司"
	gappyGM     = "林国栋"
	gappyMR     = "王丽华"
	gappyCM     = "陈志强"
	gappyAddr   = "浙江省宁波市海曙区中山西路88号"
	gappyIssuer = "宁波市海曙区市场监督管理局"
	gappyDir    = "gappy-org-evidence/"

	// The rows that carry one planted gap each; README.md names them.
	gappyNotEscalated = "YW2026-0040"
	gappyNoRecourse   = "YW2026-0060"
	gappyOverdue      = "YW2026-0110"
	// gappyMissingFile is referenced by document F-02 and deliberately
	// not written.
	gappyMissingFile = gappyDir + "docs/F-02.md"
)

var gappyChannels = []channelDef{
	{id: "hotline", weight: 50, openMin: 9 * 60, close: 20 * 60},
	{id: "miniapp", weight: 35, openMin: 7 * 60, close: 23 * 60},
	{id: "store", weight: 15, openMin: 10 * 60, close: 21 * 60},
}

// wrongCheck returns the code with its check character replaced by the
// next one in the GB 32100 alphabet, so it fails only the check.
func wrongCheck(uscc string) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	i := strings.IndexByte(alphabet, uscc[17])
	return uscc[:17] + string(alphabet[(i+1)%len(alphabet)])
}

func buildGappy(cal *cn.Calendar, cutoff time.Duration) (*gappyOrg, error) {
	valid, err := usccFor("91330203", "MA2GQ4K8")
	if err != nil {
		return nil, err
	}
	g := &gappyOrg{uscc: wrongCheck(valid), validUSCC: valid}

	g.log, err = generateLog(logProfile{
		seed:       20260601,
		first:      time.Date(2026, time.June, 1, 0, 0, 0, 0, cst),
		last:       time.Date(2026, time.November, 23, 0, 0, 0, 0, cst),
		perDay:     []int{0, 0, 1, 1, 1, 2},
		idFormat:   "YW2026-%04d",
		channels:   gappyChannels,
		handlers:   []string{"P04", "P05"},
		senior:     "P03",
		escalateTo: "总经理",
		satWeights: []int{25, 50, 17, 8},
		lateAck:    0.12, lateResp: 0.10, slowSimple: 0.08, noRootCause: 0.15,
	}, cal, cutoff)
	if err != nil {
		return nil, err
	}
	if err := plantLogGaps(g.log); err != nil {
		return nil, err
	}
	rates := measure(g.log, cal, cutoff)

	g.tables = append(g.tables,
		table{"organisation", []rec{{
			{"name", gappyName}, {"uscc", g.uscc}, {"legal_rep", gappyGM}, {"legal_rep_id_file", gappyDir + "legal-rep-id.pdf"},
			{"sector", "food"}, {"address", gappyAddr}, {"business_scope", "餐饮服务；食品销售"},
			{"established", date("2017-06-02")}, {"annual_revenue", 60000000.0}, {"system_live", date("2026-06-01")},
			{"complaint_department", "客服部"}, {"employees", 150}, {"sites", []string{gappyAddr}},
		}}},
		table{"licences", []rec{
			{{"type", "business_licence"}, {"number", g.uscc}, {"name", gappyName}, {"issuer", gappyIssuer},
				{"issued", date("2021-03-15")}, {"valid_until", "长期"}, {"scope", "餐饮服务；食品销售"}, {"address", gappyAddr},
				{"established", date("2017-06-02")}, {"evidence", gappyDir + "business-licence.pdf"}},
			{{"type", "food_operation"}, {"number", "JY23302030051892"}, {"name", gappyName}, {"issuer", gappyIssuer},
				{"issued", date("2021-07-01")}, {"valid_until", date("2026-06-30")}, {"scope", "热食类食品制售；冷食类食品制售"},
				{"address", gappyAddr}, {"evidence", gappyDir + "food-operation-permit.pdf"}},
		}},
	)

	approved, effective, reviewed := date("2026-05-20"), date("2026-06-01"), date("2026-10-15")
	g.docs = []docDef{
		{id: "QM-01", title: "投诉处理手册", kind: "manual", version: "A/0", approvedBy: gappyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"policy", "scope", "organisation_structure", "responsibilities", "confidentiality", "objectivity", "record_retention"}, unwritten: []string{"organisation_structure"}},
		{id: "CL-01", title: "总经理承诺书", kind: "commitment", version: "A/0", approvedBy: gappyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"commitment"}},
		{id: "QP-01", title: "顾客投诉处理程序", kind: "procedure", version: "A/0", approvedBy: gappyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"receipt", "classification", "assessment", "action", "execution", "follow_up", "closing", "categories"}},
		{id: "WI-01", title: "投诉处理作业指导书", kind: "instruction", version: "A/0", approvedBy: gappyMR, approvedOn: date("2025-05-20"), effective: date("2025-06-01"), lastReviewed: date("2025-06-01"),
			covers: []string{"root_cause_methods", "communication_norms", "form_rules"}},
		{id: "F-01", title: "投诉受理登记表", kind: "form", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"intake_register"}},
		{id: "F-02", title: "投诉处理记录表", kind: "form", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"handling_record"}},
		{id: "F-03", title: "回访记录表", kind: "form", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"follow_up_record"}},
		{id: "F-04", title: "投诉统计分析表", kind: "form", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"analysis_report"}},
		{id: "PR-01", title: "企业简介", kind: "profile", version: "2026", approvedBy: gappyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"history", "products_services", "markets", "culture"}},
		{id: "TP-2026", title: "2026年培训计划", kind: "training_plan", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed},
		{id: "AR-2026-1", title: "2026年投诉数据分析报告", kind: "analysis", version: "A/0", approvedBy: gappyMR, approvedOn: date("2026-10-10"), effective: date("2026-10-10"), lastReviewed: date("2026-10-10"),
			covers: []string{"types", "causes", "distribution", "effectiveness"}},
		{id: "OC-01", title: "组织机构图", kind: "org_chart", version: "A/0", approvedBy: gappyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed},
		{id: "JD-01", title: "岗位职责说明书", kind: "job_description", version: "A/0", approvedBy: gappyGM, approvedOn: approved, effective: effective, lastReviewed: reviewed},
		{id: "AP-01", title: "管理者代表任命书", kind: "appointment", version: "A/0", approvedBy: gappyGM, approvedOn: approved, effective: effective},
		// The register leaves out the Personal Information Protection Law
		// and the sector's law, though the complaint log holds phone numbers.
		{id: "LR-01", title: "法律法规清单", kind: "law_register", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed,
			covers: []string{"consumer_protection_law", "product_quality_law", "complaint_measures"}},
		{id: "PC-01", title: "投诉处理流程图", kind: "process_chart", version: "A/0", approvedBy: gappyMR, approvedOn: approved, effective: effective, lastReviewed: reviewed},
	}
	var docs []rec
	for i := range g.docs {
		g.docs[i].file = gappyDir + "docs/" + g.docs[i].id + ".md"
		docs = append(docs, g.docs[i].record())
	}
	g.tables = append(g.tables, table{"documents", docs})

	var cats []rec
	for _, c := range []struct{ code, name, dept string }{
		{"quality", "菜品质量", "厨政部"}, {"food_safety", "食品安全", "食品安全办公室"}, {"service", "服务态度", "营运部"},
		{"delivery", "外卖配送", "外卖运营部"}, {"price", "价格与优惠", "市场部"}, {"hygiene", "环境卫生", "营运部"}, {"refund", "退款售后", "客服部"},
	} {
		cats = append(cats, rec{{"code", c.code}, {"name", c.name}, {"department", c.dept}})
	}
	g.tables = append(g.tables, table{"categories", cats})

	g.tables = append(g.tables, table{"people", []rec{
		{{"id", "P01"}, {"name", gappyGM}, {"department", "总经办"}, {"title", "总经理"}, {"handler", yesno(false)}, {"roles", []string{"top_management", "working_group_lead"}}, {"phone", "13900000201"}},
		{{"id", "P02"}, {"name", gappyMR}, {"department", "品质部"}, {"title", "品质总监"}, {"handler", yesno(false)}, {"roles", []string{"management_representative", "working_group"}}, {"phone", "13900000202"}},
		{{"id", "P03"}, {"name", gappyCM}, {"department", "客服部"}, {"title", "客服主管"}, {"handler", yesno(true)}, {"roles", []string{"complaint_manager", "handler"}}, {"phone", "13900000203"},
			{"competence_evaluated", date("2026-08-31")}, {"competence_evaluation", gappyDir + "competence/P03.pdf"}},
		{{"id", "P04"}, {"name", "赵雪"}, {"department", "客服部"}, {"title", "客服专员"}, {"handler", yesno(true)}, {"roles", []string{"handler"}}, {"phone", "13900000204"},
			{"competence_evaluated", date("2026-08-31")}, {"competence_evaluation", gappyDir + "competence/P04.pdf"}},
		{{"id", "P05"}, {"name", "孙浩然"}, {"department", "客服部"}, {"title", "客服专员"}, {"handler", yesno(true)}, {"roles", []string{"handler"}}, {"phone", "13900000205"}, {"joined", date("2026-05-06")}},
	}})

	for _, h := range []string{"P03", "P04"} {
		g.evidence = append(g.evidence, evidenceDef{gappyDir + "competence/" + h + ".pdf", []string{"PLACEHOLDER SCAN - competence evaluation", "Staff " + h}})
	}
	var quals []rec
	for i, h := range []string{"P03", "P04", "P05"} {
		path := fmt.Sprintf("%squalifications/%s.pdf", gappyDir, h)
		quals = append(quals, rec{{"person", h}, {"name", "客户服务管理师"}, {"number", fmt.Sprintf("KF-2026-%03d", 41+i)},
			{"issued", date("2026-05-28")}, {"valid_until", date("2029-05-27")}, {"evidence", path}})
		g.evidence = append(g.evidence, evidenceDef{path, []string{"PLACEHOLDER SCAN - qualification certificate", "Holder: staff " + h}})
	}
	g.tables = append(g.tables, table{"qualifications", quals})

	var trainings []rec
	for _, s := range []struct {
		id     string
		day    date
		hours  float64
		topics []string
		att    []string
	}{
		{"T01", "2026-05-20", 8, []string{"complaint_skills", "customer_psychology"}, []string{"P03", "P04", "P05"}},
		{"T02", "2026-06-10", 8, []string{"product_knowledge", "laws_regulations"}, []string{"P03", "P04"}},
		{"T03", "2026-07-08", 8, []string{"complaint_skills", "standard"}, []string{"P03", "P04"}},
		{"T04", "2026-09-15", 4, []string{"laws_regulations"}, []string{"P03", "P04", "P05"}},
	} {
		var scores []string
		for j, a := range s.att {
			scores = append(scores, fmt.Sprintf("%s:%d", a, 78+j*5))
		}
		signIn, assess := gappyDir+"training/"+s.id+"-sign-in.pdf", gappyDir+"training/"+s.id+"-assessment.pdf"
		trainings = append(trainings, rec{{"id", s.id}, {"date", s.day}, {"hours", s.hours}, {"topics", s.topics},
			{"trainer", "客服主管"}, {"attendees", s.att}, {"sign_in", signIn}, {"assessment", assess}, {"scores", scores}})
		g.evidence = append(g.evidence,
			evidenceDef{signIn, []string{"PLACEHOLDER SCAN - training sign-in sheet", "Session " + s.id}},
			evidenceDef{assess, []string{"PLACEHOLDER SCAN - training assessment", "Session " + s.id}})
	}
	g.tables = append(g.tables, table{"training", trainings})

	g.tables = append(g.tables,
		table{"channels", []rec{
			{{"id", "hotline"}, {"type", "phone"}, {"name", "客服电话"}, {"contact", "0574-0000-8866"}, {"hours", "09:00-20:00"},
				{"published", []string{"store", "receipt"}}, {"accessible", []string{"voice"}}, {"free", yesno(true)}},
			{{"id", "miniapp"}, {"type", "app"}, {"name", "点餐小程序意见反馈"}, {"hours", "全天"}, {"published", []string{"wechat"}}, {"free", yesno(true)}},
			{{"id", "store"}, {"type", "in_person"}, {"name", "门店前台"}, {"hours", "营业时间"}, {"published", []string{"store"}}, {"free", yesno(true)}},
		}},
		table{"surveys", []rec{
			{{"id", "S2025-1"}, {"date", date("2025-06-10")}, {"method", "门店问卷"}, {"sample_size", 200}, {"responses", 143},
				{"score", 86.0}, {"complaint_handling_score", 82.5}, {"report", gappyDir + "survey-2025.pdf"}},
		}},
		table{"audits", []rec{
			{{"id", "IA-2026-1"}, {"date", date("2026-10-12")}, {"scope", "投诉处理过程"}, {"covers_complaints", yesno(true)},
				{"auditor", gappyCM}, {"findings", 7}, {"report", gappyDir + "audit-2026.pdf"}},
		}},
		table{"reviews", nil},
		table{"actions", []rec{
			{{"id", "CA-01"}, {"source", "IA-2026-1"}, {"description", "补充投诉回访记录"}, {"owner", gappyCM}, {"due", date("2026-11-30")}, {"status", "open"}},
		}},
		table{"objectives", objectives(rates, gappyCM, 0)},
		table{"monitoring", nil},
		table{"resources", []rec{{
			{"budget", 120000.0}, {"budget_year", 2026}, {"budget_evidence", gappyDir + "budget-2026.pdf"},
			{"crm", "小程序后台工单模块"}, {"crm_since", date("2026-06-01")}, {"workspace", "总部二楼客服室"},
			{"equipment", []string{"call_recording", "computer", "printer"}},
		}}},
		table{"plan", []rec{
			planStep("成立认证小组", gappyGM, "2026-04-01", "2026-04-15", "2026-04-12"),
			planStep("编制体系文件", gappyMR, "2026-04-15", "2026-05-31", "2026-05-20"),
			planStep("体系运行", gappyCM, "2026-06-01", "2026-09-30", "2026-09-30"),
			planStep("内部审核", gappyMR, "2026-10-01", "2026-10-15", "2026-10-12"),
			planStep("管理评审", gappyGM, "2026-10-15", "2026-12-15", ""),
			planStep("提交认证申请", gappyMR, "2026-12-15", "2026-12-31", ""),
		}},
	)

	g.evidence = append(g.evidence,
		evidenceDef{gappyDir + "business-licence.pdf", []string{"PLACEHOLDER SCAN - business licence", "Term: indefinite"}},
		evidenceDef{gappyDir + "food-operation-permit.pdf", []string{"PLACEHOLDER SCAN - food operation permit", "Permit no. JY23302030051892, valid until 2026-06-30 (expired)"}},
		evidenceDef{gappyDir + "legal-rep-id.pdf", []string{"PLACEHOLDER SCAN - legal representative ID copy"}},
		evidenceDef{gappyDir + "budget-2026.pdf", []string{"PLACEHOLDER SCAN - 2026 complaint-handling budget", "CNY 120,000"}},
		evidenceDef{gappyDir + "survey-2025.pdf", []string{"PLACEHOLDER SCAN - customer survey report S2025-1", "Dated 2025-06-10"}},
		evidenceDef{gappyDir + "audit-2026.pdf", []string{"PLACEHOLDER SCAN - internal audit report IA-2026-1", "Dated 2026-10-12"}},
	)
	return g, nil
}

// plantLogGaps writes the single-row gaps README.md lists onto rows the
// generator made compliant, so each gap sits on a known complaint id.
func plantLogGaps(rows []complaint) error {
	find := func(id string) (*complaint, error) {
		for i := range rows {
			if rows[i].id == id {
				return &rows[i], nil
			}
		}
		return nil, fmt.Errorf("gappy log has no row %s", id)
	}
	c, err := find(gappyNotEscalated)
	if err != nil {
		return err
	}
	c.category, c.risk, c.complexity = "food_safety", "high", "complex"
	c.description = "两位家人在门店就餐后出现呕吐，要求说明原因"
	c.plan = "封存留样送检，检验结论出具前每2天向顾客通报"
	c.updates = 2
	c.handler = "P03"
	c.escalated, c.escalatedTo = time.Time{}, ""

	if c, err = find(gappyNoRecourse); err != nil {
		return err
	}
	if c.status != "closed" {
		return fmt.Errorf("row %s is %s, not closed", c.id, c.status)
	}
	c.satisfaction, c.feedback, c.rehandled, c.recourse = "dissatisfied", "对处理结果不满意，认为门店推诿", "no", "no"

	// One closed complaint in twenty records no communication of the
	// decision: those whose number ends in 07, 27, 47, 67 or 87.
	for i := range rows {
		if rows[i].status == "closed" && gappyNoDecision(rows[i].id) {
			rows[i].decided = time.Time{}
		}
	}

	if c, err = find(gappyOverdue); err != nil {
		return err
	}
	c.complexity, c.plan, c.updates = "simple", "", 0
	c.status = "in_progress"
	c.steps = "受理登记；转门店核实"
	c.resolved, c.closed, c.fups = time.Time{}, time.Time{}, time.Time{}
	c.rootCause, c.action, c.satisfaction, c.feedback, c.rehandled = "", "", "", "", ""
	c.decided, c.recourse = time.Time{}, ""
	return nil
}

// gappyNoDecision picks the rows planted without a decision-communicated
// time.
func gappyNoDecision(id string) bool {
	return len(id) > 2 && id[len(id)-1] == '7' && (id[len(id)-2]-'0')%2 == 0
}

// Sheet names and header styles: some sheets are named in Chinese and
// some in English, with Chinese, English or bilingual ("English / 中文")
// headers, as workbooks handed back by clients are.
var gappySheets = map[string]struct {
	zhName    bool
	header    string // "zh", "en" or "both"
	realDates bool   // dates as numeric cells with a date format
}{
	"organisation":   {true, "zh", true},
	"licences":       {true, "zh", true},
	"documents":      {true, "both", false},
	"categories":     {false, "en", false},
	"people":         {true, "both", false},
	"qualifications": {false, "en", true},
	"training":       {false, "en", true},
	"channels":       {false, "en", false},
	"surveys":        {false, "both", false},
	"audits":         {true, "zh", true},
	"reviews":        {false, "en", false},
	"actions":        {false, "en", true},
	"objectives":     {false, "en", false},
	"monitoring":     {false, "en", true},
	"resources":      {false, "en", false},
	"plan":           {true, "zh", true},
}

// excelSerial converts a wall-clock time to an Excel serial date-time in
// the 1900 date system.
func excelSerial(t time.Time) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
	return float64(wall.Sub(base)/time.Minute) / (24 * 60)
}

type workbook struct {
	f                   *excelize.File
	dateStyle, dtStyle  int
	headStyle, sheetsNo int
}

func newWorkbook() (*workbook, error) {
	f := excelize.NewFile()
	dfmt, dtfmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	ds, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dfmt})
	if err != nil {
		return nil, err
	}
	dts, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dtfmt})
	if err != nil {
		return nil, err
	}
	hs, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return nil, err
	}
	return &workbook{f: f, dateStyle: ds, dtStyle: dts, headStyle: hs}, nil
}

// sheet adds a sheet; the first one renames the default sheet.
func (w *workbook) sheet(name string) error {
	w.sheetsNo++
	if w.sheetsNo == 1 {
		return w.f.SetSheetName("Sheet1", name)
	}
	_, err := w.f.NewSheet(name)
	return err
}

func (w *workbook) set(sheet string, col, row int, v any, realDates, zh bool) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case date:
		if realDates {
			t, err := time.Parse(time.DateOnly, string(x))
			if err != nil {
				return err
			}
			if err := w.f.SetCellFloat(sheet, cell, excelSerial(t), -1, 64); err != nil {
				return err
			}
			return w.f.SetCellStyle(sheet, cell, cell, w.dateStyle)
		}
		return w.f.SetCellStr(sheet, cell, string(x))
	case time.Time:
		if err := w.f.SetCellFloat(sheet, cell, excelSerial(x), -1, 64); err != nil {
			return err
		}
		return w.f.SetCellStyle(sheet, cell, cell, w.dtStyle)
	case int:
		return w.f.SetCellInt(sheet, cell, int64(x))
	case float64:
		return w.f.SetCellFloat(sheet, cell, x, -1, 64)
	case yesno:
		if zh {
			return w.f.SetCellStr(sheet, cell, x.zh())
		}
		return w.f.SetCellStr(sheet, cell, x.String())
	}
	return w.f.SetCellStr(sheet, cell, cellText(v))
}

func headerText(f *dossier.Field, style string) string {
	switch style {
	case "zh":
		return f.ZH
	case "en":
		return f.EN
	}
	return f.EN + " / " + f.ZH
}

// recordSheet writes one record type: field | value rows for a single
// record, a header row and one row per record for a list.
func (w *workbook) recordSheet(t table) error {
	rt, err := recordType(t.name)
	if err != nil {
		return err
	}
	look, ok := gappySheets[t.name]
	if !ok {
		return fmt.Errorf("no sheet layout for %s", t.name)
	}
	name := rt.SheetEN
	if look.zhName {
		name = rt.SheetZH
	}
	if err := w.sheet(name); err != nil {
		return err
	}
	zh := look.header == "zh"
	for _, r := range t.recs {
		if err := checkKeys(&rt, r); err != nil {
			return err
		}
	}
	if rt.Single {
		head := []string{"Field", "Value"}
		if zh {
			head = []string{"字段", "值"}
		}
		for i, h := range head {
			if err := w.set(name, i+1, 1, h, false, zh); err != nil {
				return err
			}
		}
		for i, f := range t.recs[0] {
			fl, _ := rt.Field(f.k)
			if err := w.set(name, 1, i+2, headerText(fl, look.header), false, zh); err != nil {
				return err
			}
			if err := w.set(name, 2, i+2, f.v, look.realDates, zh); err != nil {
				return err
			}
		}
		return w.f.SetColWidth(name, "A", "B", 28)
	}
	// Columns: the spec's fields that any record uses, in spec order; an
	// empty list still gets its header row, with the required columns.
	var cols []*dossier.Field
	for i := range rt.Fields {
		fl := &rt.Fields[i]
		used := fl.Required && len(t.recs) == 0
		for _, r := range t.recs {
			used = used || r.get(fl.Key) != nil
		}
		if used {
			cols = append(cols, fl)
		}
	}
	for c, fl := range cols {
		if err := w.set(name, c+1, 1, headerText(fl, look.header), false, zh); err != nil {
			return err
		}
	}
	for i, r := range t.recs {
		for c, fl := range cols {
			if v := r.get(fl.Key); v != nil {
				if err := w.set(name, c+1, i+2, v, look.realDates, zh); err != nil {
					return err
				}
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(max(len(cols), 1))
	if err := w.f.SetCellStyle(name, "A1", last+"1", w.headStyle); err != nil {
		return err
	}
	return w.f.SetColWidth(name, "A", last, 16)
}

// complaintSheet writes the log under a title row. Two rows in three hold
// their times as real Excel date-time cells, the third as text in the
// 2026/06/03 14:05 layout, as a log pasted together from two exports does.
func (w *workbook) complaintSheet(title string, rows []complaint) error {
	rt, err := recordType("complaints")
	if err != nil {
		return err
	}
	name := rt.SheetZH
	if err := w.sheet(name); err != nil {
		return err
	}
	if err := w.set(name, 1, 1, title, false, true); err != nil {
		return err
	}
	for c, fl := range rt.Fields {
		if err := w.set(name, c+1, 2, fl.ZH, false, true); err != nil {
			return err
		}
	}
	for i := range rows {
		for c, fl := range rt.Fields {
			text, when := rows[i].cell(fl.Key, false)
			var v any = text
			switch {
			case !when.IsZero() && i%3 != 2:
				v = when
			case !when.IsZero():
				v = when.Format("2006/01/02 15:04")
			case text == "":
				continue
			}
			if err := w.set(name, c+1, i+3, v, false, false); err != nil {
				return err
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(len(rt.Fields))
	if err := w.f.SetCellStyle(name, "A2", last+"2", w.headStyle); err != nil {
		return err
	}
	return w.f.SetColWidth(name, "A", last, 16)
}

// xlsx renders the gappy organisation as one workbook, sheets in the order
// of the record-type table.
func (g *gappyOrg) xlsx() ([]byte, error) {
	w, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	defer w.f.Close()
	byName := map[string]table{}
	for _, t := range g.tables {
		byName[t.name] = t
	}
	for _, rt := range dossier.Types() {
		if rt.Name == "complaints" {
			if err := w.complaintSheet(gappyName+" 投诉记录台账（2026年6月起）", g.log); err != nil {
				return nil, err
			}
			continue
		}
		t, ok := byName[rt.Name]
		if !ok {
			continue
		}
		if err := w.recordSheet(t); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", rt.Name, err)
		}
	}
	w.f.SetActiveSheet(0)
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
