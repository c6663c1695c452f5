package pack

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/pdfdoc"
	"github.com/certready/certready/internal/vocab"
)

// trainingTopics are the four topics every complaint handler must be
// trained in (seed 000 §2.2, the people.training-topics check).
var trainingTopics = []struct{ key, en, zh string }{
	{"complaint_skills", "Complaint-handling skills", "投诉处理技巧"},
	{"customer_psychology", "Customer psychology", "顾客心理"},
	{"product_knowledge", "Product and service knowledge", "产品与服务知识"},
	{"laws_regulations", "Laws and regulations", "法律法规"},
}

// name masks a person's name unless personal data is to be shown.
func (p *packer) name(s string) string {
	if p.o.ShowPersonal || strings.TrimSpace(s) == "" {
		return s
	}
	return cn.MaskName(s)
}

// ---- 6 training matrix ----

// sessionsCounted is what the training checks count (see
// dossier.SessionsCounted).
func (p *packer) sessionsCounted() []*dossier.Training {
	return p.d.SessionsCounted(p.asOf, p.cfg.Thresholds.TrainingWindowMonth)
}

func attended(s *dossier.Training, id string) bool { return s.Attended(id) }

func hasTopic(s *dossier.Training, t string) bool {
	for _, x := range s.Topics {
		if x == t {
			return true
		}
	}
	return false
}

func (p *packer) training() {
	d := p.doc
	d.Section(p.secTraining())
	need := p.cfg.Thresholds.TrainingHours
	window := p.tr("all sessions held on or before the as-of date", "评估日及之前举办的全部培训")
	if n := p.cfg.Thresholds.TrainingWindowMonth; n > 0 {
		window = p.tr(fmt.Sprintf("sessions held in the %d months up to the as-of date", n), fmt.Sprintf("评估日前 %d 个月内举办的培训", n))
	}
	d.Paragraph(p.tr(
		fmt.Sprintf("Hours of training each complaint handler attended, per required topic, counting %s. A session on several topics counts in each of them; the total counts it once and must reach %s hours.", window, fmtNum(need)),
		fmt.Sprintf("各投诉处理人员在每个必修主题上参加培训的学时，统计范围为%s。一次培训涵盖多个主题时分别计入各主题；合计学时每次培训只计一次，应不少于 %s 学时。", window, fmtNum(need))))
	var handlers []*dossier.Person
	for i := range p.d.People {
		if p.d.People[i].Handler {
			handlers = append(handlers, &p.d.People[i])
		}
	}
	sessions := p.sessionsCounted()
	if len(handlers) == 0 {
		d.Paragraph(p.tr("No person is marked as a complaint handler.", "无人标记为投诉处理人员。"))
	} else {
		cols := []pdfdoc.Column{{Header: p.tr("Handler", "投诉处理人员"), Width: 0.2}}
		for _, t := range trainingTopics {
			cols = append(cols, pdfdoc.Column{Header: p.tr(t.en, t.zh), Width: 0, Align: pdfdoc.AlignCenter})
		}
		cols = append(cols,
			pdfdoc.Column{Header: p.tr("Total hours", "合计学时"), Width: 17, Align: pdfdoc.AlignRight},
			pdfdoc.Column{Header: p.tr("Status", "状态"), Width: 0.17})
		rows := make([][]string, len(handlers))
		short := make([]bool, len(handlers))
		for i, h := range handlers {
			row := []string{h.ID + "\n" + p.name(h.Name)}
			total, missing := 0.0, 0
			per := make([]float64, len(trainingTopics))
			for _, s := range sessions {
				if !attended(s, h.ID) {
					continue
				}
				total += s.Hours
				for j, t := range trainingTopics {
					if hasTopic(s, t.key) {
						per[j] += s.Hours
					}
				}
			}
			for j := range trainingTopics {
				if per[j] == 0 {
					row = append(row, "—")
					missing++
				} else {
					row = append(row, fmtNum(per[j]))
				}
			}
			var status []string
			if total < need {
				status = append(status, p.tr(fmt.Sprintf("%s hours short", fmtNum(need-total)), fmt.Sprintf("差 %s 学时", fmtNum(need-total))))
			}
			if missing > 0 {
				status = append(status, p.tr(vocab.Count(missing, "topic")+" missing", fmt.Sprintf("缺 %d 个主题", missing)))
			}
			short[i] = len(status) > 0
			if !short[i] {
				status = append(status, p.tr("met", "满足"))
			}
			rows[i] = append(row, fmtNum(total)+" / "+fmtNum(need), strings.Join(status, "; "))
		}
		d.Table(cols, rows, pdfdoc.TableOpts{FontSize: sizeTable, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
			if short[i] {
				return pdfdoc.RowStyle{Fill: &fillMinor}
			}
			return pdfdoc.RowStyle{}
		}})
	}

	if len(p.d.Training) == 0 {
		return
	}
	d.Subsection(p.tr("Training sessions", "培训记录"))
	rows := make([][]string, len(p.d.Training))
	for i := range p.d.Training {
		s := &p.d.Training[i]
		signIn := p.tr("none", "无")
		if e := p.d.EvidenceFor(s.SignIn); e != nil {
			signIn = s.SignIn
			if !e.Exists {
				signIn += p.tr(" (missing)", "（缺失）")
			}
		}
		rows[i] = []string{dash(s.ID), dateStr(s.Date), fmtNum(s.Hours), dash(strings.Join(p.enumLabels("topic", s.Topics), p.tr(", ", "、"))), strconv.Itoa(len(s.Attendees)), signIn}
	}
	d.Table([]pdfdoc.Column{
		{Header: "ID", Width: 14},
		{Header: p.tr("Date", "日期"), Width: 19},
		{Header: p.tr("Hours", "学时"), Width: 12, Align: pdfdoc.AlignRight},
		{Header: p.tr("Topics", "主题"), Width: 0},
		{Header: p.tr("Attendees", "参训人数"), Width: 16, Align: pdfdoc.AlignRight},
		{Header: p.tr("Sign-in sheet", "签到表"), Width: 0},
	}, rows, pdfdoc.TableOpts{FontSize: sizeTable, Zebra: true})
}

// ---- 7 complaint KPIs ----

func pct(n, of int) float64 {
	if of == 0 {
		return math.NaN()
	}
	return 100 * float64(n) / float64(of)
}

// chartHeight (mm) fits two vertical charts on a page.
const chartHeight = 42

// chart draws counts as bars: vertical while the labels fit under them,
// horizontal (which continues across pages) for long breakdowns.
func (p *packer) chart(title string, labels []string, values []float64, o pdfdoc.BarOpts) {
	o.Horizontal = len(labels) > 12
	p.doc.BarChart(title, labels, values, o)
}

func (p *packer) counts(cs []metrics.Count, label func(string) string) ([]string, []float64) {
	ls := make([]string, len(cs))
	vs := make([]float64, len(cs))
	for i, c := range cs {
		ls[i] = label(c.Key)
		vs[i] = float64(c.N)
	}
	return ls, vs
}

func (p *packer) channelLabel(id string) string {
	name := ""
	for _, c := range p.d.Channels {
		if c.ID == id && c.Name != "" && c.Name != id {
			name = c.Name
			break
		}
	}
	if name == "" && p.o.Lang == "zh" {
		// An undeclared channel type (phone, web) by its Chinese label,
		// as the reports print it (audit.Result.KeyLabel).
		name = dossier.EnumLabelsZH["channel"][id]
	}
	return p.keyLabel(id, name)
}

func (p *packer) categoryLabel(code string) string {
	name := ""
	for _, c := range p.d.Categories {
		if c.Code == code && c.Name != "" && c.Name != code {
			name = c.Name
			break
		}
	}
	return p.keyLabel(code, name)
}

// keyLabel labels a breakdown key with its declared name, if it has one
// ("phone 电话热线"), and names the overflow and blank buckets.
func (p *packer) keyLabel(key, name string) string {
	switch {
	case key == metrics.OtherKey:
		return p.tr("(other)", "（其他）")
	case key == "":
		return p.tr("(blank)", "（空）")
	case name != "" && p.o.Lang == "zh":
		// A Chinese reader gets the organisation's own name for it; the
		// key may be a code such as box or web.
		return name
	case name != "":
		return key + " " + name
	}
	return key
}

func (p *packer) satisfactionLabel(s string) string {
	en := map[string]string{"very_satisfied": "very satisfied", "satisfied": "satisfied", "neutral": "neutral",
		"dissatisfied": "dissatisfied", "very_dissatisfied": "very dissatisfied", "": "not rated"}
	if p.o.Lang == "zh" {
		if s == "" {
			return "未评价"
		}
		if v, ok := dossier.EnumLabelsZH["satisfaction"][s]; ok {
			return v
		}
		return s
	}
	if v, ok := en[s]; ok {
		return v
	}
	return s
}

// kpi is one KPI line: the label and rate every output shares.
func (p *packer) kpi(m *metrics.Metrics, key string) [2]string {
	k := m.KPI(key)
	return [2]string{p.txt(k.Label), k.Rate()}
}

func (p *packer) kpis() {
	d, m := p.doc, p.r.KPIs
	d.Section(p.secKPIs())
	if m == nil {
		d.Paragraph(p.tr("The dossier has no complaint log, so no complaint KPIs can be shown.", "资料中没有投诉记录，无法显示投诉关键绩效指标。"))
		return
	}
	t := &m.Timeliness
	d.KeyValues([][2]string{
		{p.tr("Complaint log", "投诉记录"), dash(p.short(m.Source))},
		{p.tr("Complaints", "投诉数量"), p.tr(
			fmt.Sprintf("%d received %s – %s, in %d months", m.Total, dateStr(m.FirstReceived), dateStr(m.LastReceived), m.MonthsCovered),
			fmt.Sprintf("%d 件，受理于 %s 至 %s，覆盖 %d 个月", m.Total, dateStr(m.FirstReceived), dateStr(m.LastReceived), m.MonthsCovered))},
		p.kpi(m, "ack"), p.kpi(m, "response"), p.kpi(m, "simple_resolve"),
		{p.tr("Hours to contact (median / 90th percentile)", "联系用时（中位数 / 90 分位，小时）"), fmt.Sprintf("%s / %s", fmtNum(t.HoursToAck.Median), fmtNum(t.HoursToAck.P90))},
		{p.tr("Hours to resolve (median / 90th percentile)", "解决用时（中位数 / 90 分位，小时）"), fmt.Sprintf("%s / %s", fmtNum(t.HoursToResolve.Median), fmtNum(t.HoursToResolve.P90))},
		p.kpi(m, "not_overdue"),
	})

	count := pdfdoc.BarOpts{Height: chartHeight}
	labels, values := p.counts(m.ByMonth, func(s string) string { return s })
	p.chart(p.tr("Complaints received per month", "每月受理投诉数量"), labels, values, count)
	labels, values = p.counts(m.ByChannel, p.channelLabel)
	p.chart(p.tr("Complaints per channel", "各渠道投诉数量"), labels, values, count)
	labels, values = p.counts(m.ByCategory, p.categoryLabel)
	p.chart(p.tr("Complaints per category", "各类别投诉数量"), labels, values, count)

	// Rounded, so that 0.95 is the 95 its label says, not 95.00000000000001.
	target := math.Round(1e6*100*p.cfg.Thresholds.ComplianceRate) / 1e6
	rate := pdfdoc.BarOpts{Max: 100, Unit: "%", Threshold: target, Height: chartHeight,
		ThresholdLabel: p.tr(fmt.Sprintf("target %s%%", fmtNum(target)), fmt.Sprintf("目标 %s%%", fmtNum(target))),
		Color: func(_ int, v float64) pdfdoc.Color {
			if v < target {
				return barRed
			}
			return barGreen
		}}
	months := make([]string, len(t.Monthly))
	ack := make([]float64, len(t.Monthly))
	resp := make([]float64, len(t.Monthly))
	res := make([]float64, len(t.Monthly))
	for i, mr := range t.Monthly {
		months[i] = mr.Month
		ack[i] = pct(mr.AckOnTime, mr.Ack)
		resp[i] = pct(mr.ResponseOnTime, mr.Response)
		res[i] = pct(mr.ResolutionOnTime, mr.Resolution)
	}
	p.chart(p.tr("Contacted on time, per month of receipt", "按受理月份统计的按时联系率"), months, ack, rate)
	p.chart(p.tr("Feedback on time, per month of receipt", "按受理月份统计的按时反馈率"), months, resp, rate)
	p.chart(p.tr("Resolved on time, per month of receipt", "按受理月份统计的按时解决率"), months, res, rate)
	d.Note(p.tr("n/a: no complaint of that month could be judged yet.", "n/a：该月尚无可判定的投诉。"))

	title := p.tr("Complainant satisfaction", "投诉人满意度分布")
	rated := 0
	for _, c := range m.FollowThrough.Satisfactions {
		rated += c.N
	}
	if rated == 0 {
		d.Subsection(title)
		d.Paragraph(p.tr("No complainant satisfaction rating is recorded in the log.", "投诉记录中没有投诉人满意度评价。"))
		return
	}
	labels, values = p.counts(m.FollowThrough.Satisfactions, p.satisfactionLabel)
	p.chart(title, labels, values, count)
}

// ---- 8 complaint sample ----

// sampleHandler shows a handler's person id as is; anything else in the
// column is likely a name and is masked like one.
func (p *packer) sampleHandler(h string) string {
	if h == "" || p.d.PersonByID(h) != nil {
		return dash(h)
	}
	return p.name(h)
}

func (p *packer) contact(c *dossier.Complaint) string {
	var parts []string
	for _, v := range []struct {
		s    string
		mask func(string) string
	}{{c.Complainant, cn.MaskName}, {c.Phone, cn.MaskPhone}, {c.Email, cn.MaskEmail}} {
		s := strings.TrimSpace(v.s)
		if s == "" {
			continue
		}
		if !p.o.ShowPersonal {
			s = v.mask(s)
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "\n")
}

func (p *packer) sample() {
	d, m := p.doc, p.r.KPIs
	d.Section(p.secSample())
	if m == nil {
		d.Paragraph(p.tr("The dossier has no complaint log to sample.", "资料中没有可供抽样的投诉记录。"))
		return
	}
	masked := p.tr("Complainant names, phone numbers and e-mail addresses are masked; descriptions are shown as recorded.",
		"投诉人姓名、电话和电子邮箱已脱敏；投诉描述按原文显示。")
	if p.o.ShowPersonal {
		masked = p.tr("Personal data is shown unmasked (--show-personal-data): handle this pack as personal information.",
			"个人信息未脱敏（--show-personal-data）：本证据包须按个人信息保护要求处理。")
	}
	d.Paragraph(p.tr(
		fmt.Sprintf("%d of %d complaint records, drawn uniformly at random (reservoir sampling) with seed %d and listed in log order. The same log and seed always give the same sample, so an auditor can reproduce it. %s", len(m.Sample), m.Total, p.o.SampleSeed, masked),
		fmt.Sprintf("从 %d 条投诉记录中以随机种子 %d 等概率抽取 %d 条（蓄水池抽样），按记录顺序列出。相同的记录和种子总是得到相同的样本，审核员可据此复现。%s", m.Total, p.o.SampleSeed, len(m.Sample), masked)))
	if len(m.Sample) == 0 {
		return
	}
	loc := p.d.Location
	if loc == nil {
		loc = time.UTC
	}
	ts := func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(loc).Format("2006-01-02 15:04")
	}
	ids := make([]string, len(m.Sample))
	var contacts []string
	intake := make([][]string, len(m.Sample))
	handling := make([][]string, len(m.Sample))
	// Date and time on two lines: a break inside the date would be misread.
	stamp := func(t time.Time) string { return strings.Replace(ts(t), " ", "\n", 1) }
	for i := range m.Sample {
		c := &m.Sample[i]
		ids[i] = dash(cn.MaskRef(c.ID))
		done := c.ResolvedAt
		if done.IsZero() {
			done = c.ClosedAt
		}
		contact := p.contact(c)
		contacts = append(contacts, strings.Split(contact, "\n")...)
		intake[i] = []string{ids[i], ts(c.ReceivedAt) + "\n" + rowPos(c.Pos),
			p.channelLabel(c.Channel) + "\n" + p.categoryLabel(c.Category),
			p.complaintStatus(c.Status) + "\n" + p.sampleHandler(c.Handler), contact, dash(c.Description)}
		// The fields the findings judge, side by side: acknowledgement and
		// progress feedback against their limits, resolution, root cause
		// and corrective action, follow-up and satisfaction.
		handling[i] = []string{ids[i], stamp(c.AcknowledgedAt), stamp(c.FirstResponseAt), stamp(done),
			dash(c.RootCause), dash(c.CorrectiveAction), p.satisfactionLabel(c.Satisfaction) + "\n" + stamp(c.FollowUpAt)}
	}
	idW := p.fitWidth(ids, sizeDense, 10, 24)
	d.Subsection(p.tr("Intake", "受理信息"))
	d.Table([]pdfdoc.Column{
		{Header: p.tr("ID", "编号"), Width: idW},
		{Header: p.tr("Received / source", "受理时间 / 出处"), Width: 25},
		{Header: p.tr("Channel / category", "渠道 / 类别"), Width: 28},
		{Header: p.tr("Status / handler", "状态 / 处理人"), Width: 18},
		{Header: p.tr("Complainant", "投诉人"), Width: p.fitWidth(contacts, sizeDense, 20, 40)},
		{Header: p.tr("Description", "投诉描述"), Width: 0},
	}, intake, pdfdoc.TableOpts{FontSize: sizeDense, Zebra: true})
	dateW := p.fitWidth([]string{"2026-06-01", "16:36"}, sizeDense, 12, 20)
	d.Subsection(p.tr("Handling", "处理情况"))
	d.Table([]pdfdoc.Column{
		{Header: p.tr("ID", "编号"), Width: idW},
		{Header: p.tr("Contacted", "首次联系"), Width: dateW},
		{Header: p.tr("Feedback", "进度反馈"), Width: dateW},
		{Header: p.tr("Resolved", "解决时间"), Width: dateW},
		{Header: p.tr("Root cause", "根本原因"), Width: 0},
		{Header: p.tr("Corrective action", "纠正预防措施"), Width: 0},
		{Header: p.tr("Satisfaction / follow-up", "满意度 / 回访"), Width: 24},
	}, handling, pdfdoc.TableOpts{FontSize: sizeDense, Zebra: true})
}

// complaintStatus labels a complaint's status in the pack's language, with
// the labels the workbook's dropdowns offer.
func (p *packer) complaintStatus(s string) string {
	if s == "" {
		return "—"
	}
	if p.o.Lang == "zh" {
		if v, ok := dossier.EnumLabelsZH["status"][s]; ok {
			return v
		}
		return s
	}
	return strings.ReplaceAll(s, "_", " ")
}

// rowPos names a log row briefly: the log's file is named once, above.
func rowPos(p dossier.Pos) string {
	switch {
	case p.Sheet != "":
		return p.Sheet + "!" + p.Cell
	case p.Row > 0:
		return "row " + strconv.Itoa(p.Row)
	case p.Line > 0:
		return "line " + strconv.Itoa(p.Line)
	}
	return ""
}

// ---- 9 waivers ----

func (p *packer) waivers() {
	d, ws := p.doc, p.r.Waivers
	d.Section(p.secWaivers())
	if len(ws) == 0 {
		d.Paragraph(p.tr("No waiver is configured: every finding stands.", "未配置豁免：所有发现项均有效。"))
		return
	}
	d.Paragraph(p.tr("Findings the organisation accepted deliberately, each with a justification, in its certready configuration. Only active waivers are in force; expired and unused ones are listed so they get cleaned up.",
		"组织在其 certready 配置中有意接受并说明理由的发现项。仅“有效”的豁免生效；已过期和未使用的豁免一并列出，以便清理。"))
	rows := make([][]string, len(ws))
	ids := make([]string, len(ws))
	for i, w := range ws {
		ids[i] = w.Check
		rows[i] = []string{w.Check, dash(w.Record), w.Justification, dash(w.Approver), dash(w.Expires), p.stateLabel(w.State), strconv.Itoa(w.Applied)}
	}
	d.Table([]pdfdoc.Column{
		{Header: p.tr("Check", "检查项"), Width: p.fitWidth(ids, sizeTable, 18, 48)},
		{Header: p.tr("Record", "记录"), Width: 0.15},
		{Header: p.tr("Justification", "理由"), Width: 0},
		{Header: p.tr("Approver", "批准人"), Width: 18},
		{Header: p.tr("Expires", "到期日"), Width: 19},
		{Header: p.tr("State", "状态"), Width: 14},
		{Header: p.tr("Findings", "发现项"), Width: 13, Align: pdfdoc.AlignRight},
	}, rows, pdfdoc.TableOpts{FontSize: sizeTable, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
		if ws[i].State != "active" {
			return pdfdoc.RowStyle{Fill: &fillMinor}
		}
		return pdfdoc.RowStyle{}
	}})
}

// ---- 10 closing ----

func (p *packer) closing() {
	d, r := p.doc, p.r
	d.Section(p.secClosing())
	font := p.o.FontName
	if font == "" {
		font = pdfdoc.EmbeddedFontName
	}
	sample := p.tr("no complaint log", "无投诉记录")
	if r.KPIs != nil {
		sample = p.tr(fmt.Sprintf("%d records, seed %d", len(r.KPIs.Sample), p.o.SampleSeed), fmt.Sprintf("%d 条，随机种子 %d", len(r.KPIs.Sample), p.o.SampleSeed))
	}
	d.KeyValues([][2]string{
		{p.tr("Tool", "工具"), r.Tool + " " + r.Version},
		{p.tr("Dossier", "资料"), r.Dossier},
		{p.tr("As of", "评估日期"), r.AsOf},
		{p.tr("Standard", "标准"), p.standardLabel()},
		{p.tr("Jurisdiction", "适用法域"), dash(r.Jurisdiction)},
		{p.tr("Complaint sample", "投诉抽样"), sample},
		{p.tr("Font", "字体"), font},
	})
	d.Subsection(p.tr("Input digest (SHA-256)", "输入摘要（SHA-256）"))
	d.Paragraph(r.InputDigest)
	d.Note(p.tr("A SHA-256 over the dossier's own files (records, complaint log, configuration) and the hash of every evidence file. Any change to the input changes it.",
		"对资料自身文件（记录、投诉记录、配置）及每个证据文件哈希值计算的 SHA-256。输入的任何改动都会改变该值。"))
	d.Subsection(p.tr("Command to reproduce", "复现命令"))
	d.Paragraph(p.o.Command)
	if p.o.Bundle {
		d.Note(p.tr("Run with the same certready version over the same dossier: the PDF is identical byte for byte. The command certready verify BUNDLE.zip re-checks the submission bundle against its manifest.",
			"使用相同版本的 certready 对相同资料运行上述命令，可得到逐字节相同的 PDF。命令 certready verify 提交包.zip 可按清单复核提交包。"))
	} else {
		d.Note(p.tr("Run with the same certready version over the same dossier: the PDF is identical byte for byte.",
			"使用相同版本的 certready 对相同资料运行上述命令，可得到逐字节相同的 PDF。"))
	}
}
