package pack

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/pdfdoc"
	"github.com/certready/certready/internal/vocab"
)

// Row colours. They are pale so that black text stays readable when the
// pack is printed in grey.
var (
	fillMajor = pdfdoc.Color{R: 249, G: 212, B: 212}
	fillMinor = pdfdoc.Color{R: 253, G: 234, B: 196}
	fillObs   = pdfdoc.Color{R: 221, G: 234, B: 249}
	fillOK    = pdfdoc.Color{R: 222, G: 241, B: 222}
	fillGrey  = pdfdoc.Color{R: 236, G: 236, B: 236}
	textMuted = pdfdoc.Color{R: 115, G: 115, B: 115}

	barRed   = pdfdoc.Color{R: 196, G: 57, B: 57}
	barAmber = pdfdoc.Color{R: 222, G: 150, B: 36}
	barGreen = pdfdoc.Color{R: 64, G: 145, B: 87}
)

// Table font sizes (pt): registers with many columns need the small one.
const (
	sizeTable = 8.0
	sizeDense = 7.0
)

// Section titles, numbered so that a printed pack can be cited by section.
func (p *packer) secSummary() string { return p.tr("1 Executive summary", "1 执行摘要") }
func (p *packer) secGaps() string    { return p.tr("2 Gap register", "2 差距清单") }
func (p *packer) secMaterials() string {
	return p.tr("3 Application materials checklist", "3 申请材料清单")
}
func (p *packer) secPrinciples() string {
	return p.tr("4 Guiding principles coverage", "4 指导原则覆盖矩阵")
}
func (p *packer) secDocuments() string {
	return p.tr("5 Document and evidence register", "5 文件与证据登记")
}
func (p *packer) secTraining() string { return p.tr("6 Training matrix", "6 培训矩阵") }
func (p *packer) secKPIs() string     { return p.tr("7 Complaint KPIs", "7 投诉关键绩效指标") }
func (p *packer) secSample() string   { return p.tr("8 Complaint record sample", "8 投诉记录抽样") }
func (p *packer) secWaivers() string  { return p.tr("9 Waivers", "9 豁免") }
func (p *packer) secClosing() string  { return p.tr("10 Reproducing this pack", "10 复现信息") }

// SectionTitles lists the numbered section titles of a pack in lang, in
// order, for tests and for tools that check a pack's structure.
func SectionTitles(lang string) []string {
	p := &packer{o: Options{Lang: lang}}
	return []string{p.secSummary(), p.secGaps(), p.secMaterials(), p.secPrinciples(), p.secDocuments(),
		p.secTraining(), p.secKPIs(), p.secSample(), p.secWaivers(), p.secClosing(), p.secAffected()}
}

// fitWidth is the column width (mm) in which every string fits on one line
// at size, clamped to [lo, hi]. Identifiers and hashes must not wrap: a
// reader searching the PDF for a check ID or a SHA-256 has to find it
// whole.
func (p *packer) fitWidth(strs []string, size, lo, hi float64) float64 {
	const pad = 2*1.3 + 0.4 // the table's cell padding plus rounding slack
	need := 0.0
	for _, s := range strs {
		if s == "" {
			continue
		}
		a, b := 1.0, hi
		if len(p.doc.Wrap(s, b, size, false)) > 1 {
			return hi
		}
		for b-a > 0.2 {
			m := (a + b) / 2
			if len(p.doc.Wrap(s, m, size, false)) == 1 {
				b = m
			} else {
				a = m
			}
		}
		need = math.Max(need, b)
	}
	return math.Min(math.Max(need+pad, lo), hi)
}

func sevFill(s checks.Severity) *pdfdoc.Color {
	switch s {
	case checks.Major:
		return &fillMajor
	case checks.Minor:
		return &fillMinor
	}
	return &fillObs
}

func (p *packer) stateLabel(s string) string {
	en := map[string]string{
		"present": "present", "missing": "missing", "expired": "expired", "not_applicable": "not applicable",
		"met": "met", "gaps": "gaps", "needs_evidence": "needs evidence", "not_evidenced": "not evidenced",
		"open": "open", "waived": "waived", "known": "known (baseline)",
		"active": "active", "unused": "unused",
	}
	zh := map[string]string{
		"present": "已具备", "missing": "缺失", "expired": "已过期", "not_applicable": "不适用",
		"met": "满足", "gaps": "存在差距", "needs_evidence": "待提供证据", "not_evidenced": "无检查覆盖",
		"open": "未关闭", "waived": "已豁免", "known": "已知（基线）",
		"active": "有效", "unused": "未使用",
	}
	m := en
	if p.o.Lang == "zh" {
		m = zh
	}
	if v, ok := m[s]; ok {
		return v
	}
	return strings.ReplaceAll(s, "_", " ")
}

// short drops the dossier directory from the positions and paths quoted
// in the pack: every file named there lives in the dossier, and the
// directory it was loaded from is printed once, on the closing page.
func (p *packer) short(s string) string {
	root := strings.TrimSuffix(filepath.ToSlash(p.d.Root), "/")
	if root == "" || root == "." {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimPrefix(filepath.ToSlash(line), root+"/"))
	}
	return b.String()
}

func dash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func dateStr(d dossier.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

// fmtNum prints hours and similar figures without a needless ".0".
func fmtNum(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// fmtBytes groups digits in threes: a size is compared, not estimated, so
// it is printed exactly.
func fmtBytes(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// ---- cover ----

func (p *packer) cover() {
	r, b := p.r, p.cfg.Branding
	lines := [][2]string{
		{p.tr("Organisation", "组织名称"), p.orgName()},
		{p.tr("Unified social credit code", "统一社会信用代码"), dash(r.Organisation.USCC)},
		{p.tr("Standard", "标准"), p.standardLabel()},
		{p.tr("As of", "评估日期"), r.AsOf},
		{p.tr("Verdict", "结论"), r.Verdict.Label(p.o.Lang)},
		{p.tr("Overall score", "总体得分"), p.scoreText()},
	}
	if c := strings.TrimSpace(b.Client); c != "" {
		lines = append(lines, [2]string{p.tr("Prepared for", "委托方"), c})
	}
	if n := strings.TrimSpace(strings.TrimSpace(b.DocNumber) + " " + versionLabel(b.DocVersion)); n != "" {
		lines = append(lines, [2]string{p.tr("Document", "文件编号"), n})
	}
	if c := strings.TrimSpace(b.Confidentiality); c != "" {
		lines = append(lines, [2]string{p.tr("Confidentiality", "密级"), c})
	}
	pd := p.tr("masked (names, phone numbers, e-mail addresses)", "已脱敏（姓名、电话、电子邮箱）")
	if p.o.ShowPersonal {
		pd = p.tr("SHOWN UNMASKED — handle as personal information", "未脱敏 — 请按个人信息保护要求处理")
	}
	lines = append(lines, [2]string{p.tr("Personal data", "个人信息"), pd})
	p.doc.Cover(p.tr("Complaints-handling certification readiness\nEvidence pack", "投诉处理管理体系\n认证准备证据包"),
		p.tr("ISO 10002:2018 / GB/T 19012-2019 readiness audit", "依据 GB/T 19012-2019 / ISO 10002:2018 的认证准备评估"), lines)
}

// scoreText is the score proven and awaiting evidence.
func (p *packer) scoreText() string { return p.txt(p.r.ScoreText()) }

// ---- 1 executive summary ----

func (p *packer) summary() {
	d, r := p.doc, p.r
	d.Section(p.secSummary())
	eligible := p.txt(r.EligibilityText())
	var pass, fail, need, na int
	for _, c := range r.Checks {
		switch c.Status {
		case audit.Pass, audit.Waived:
			pass++
		case audit.Fail:
			fail++
		case audit.NeedsEvidence:
			need++
		case audit.NotApplicable:
			na++
		}
	}
	d.KeyValues([][2]string{
		{p.tr("Verdict", "结论"), r.Verdict.Label(p.o.Lang)},
		{p.tr("Overall score", "总体得分"), p.scoreText()},
		{p.tr("Earliest eligible application date", "最早可申请日期"), eligible},
		{p.tr("Open findings", "未关闭发现项"), p.tr(
			fmt.Sprintf("%d major · %d minor · %d observation", r.Counts.Major, r.Counts.Minor, r.Counts.Observation),
			fmt.Sprintf("严重 %d 项 · 轻微 %d 项 · 观察 %d 项", r.Counts.Major, r.Counts.Minor, r.Counts.Observation))},
		{p.tr("Waived / known from baseline", "已豁免 / 基线已知"), fmt.Sprintf("%d / %d", r.Counts.Waived, r.Counts.Known)},
		{p.tr("Checks", "检查项"), p.tr(
			fmt.Sprintf("%d run: %d pass, %d fail, %d need evidence on site, %d not applicable", len(r.Checks), pass, fail, need, na),
			fmt.Sprintf("共 %d 项：通过 %d，不通过 %d，需现场提供证据 %d，不适用 %d", len(r.Checks), pass, fail, need, na))},
	})
	p.doc.Paragraph(p.verdictText())

	if len(r.Clauses) > 0 {
		labels := make([]string, len(r.Clauses))
		values := make([]float64, len(r.Clauses))
		for i, c := range r.Clauses {
			labels[i] = c.Clause + " " + p.txt(c.Title)
			values[i] = math.NaN() // no bar: every check citing it awaits evidence
			if s, ok := c.Scored(); ok {
				values[i] = s
			}
		}
		d.BarChart(p.tr("Readiness score per clause", "各条款准备度得分"), labels, values, pdfdoc.BarOpts{
			Horizontal: true, Max: 100, Unit: "%", Decimals: 1, NaNLabel: p.txt(audit.UnscoredClauseText()),
			Color: func(_ int, v float64) pdfdoc.Color {
				switch {
				case v < 50:
					return barRed
				case v < 80:
					return barAmber
				}
				return barGreen
			},
		})
		d.Note(p.tr("A clause's score is the share of the weight of the checks citing it that they earn: a major gap earns nothing, a minor gap half, an observation 90%. A clause whose checks all await evidence an auditor must see has no score yet (—). Clause numbers are the same in ISO 10002:2018 and GB/T 19012-2019.",
			"条款得分为引用该条款的各检查项所得权重之比：严重不符合得 0，轻微不符合得一半，观察项得 90%。引用某条款的检查项均待提供证据（须由审核员查看）时，该条款暂无得分（—）。ISO 10002:2018 与 GB/T 19012-2019 条款编号相同。"))
	}
	if len(r.Notes) > 0 {
		d.Subsection(p.tr("Notes", "提示"))
		for _, n := range r.Notes {
			d.Paragraph("• " + p.txt(n))
		}
	}
}

func (p *packer) verdictText() string {
	switch p.r.Verdict {
	case audit.Ready:
		return p.tr("No major or minor gap is open: the organisation can apply for certification. Checks marked \"needs evidence\" cannot be settled from records and will be examined on site.",
			"无未关闭的严重或轻微不符合，可以申请认证。标记为“待提供证据”的检查项无法仅凭记录判定，审核员将现场核查。")
	case audit.ReadyMinor:
		return p.tr("Only minor gaps and observations are open: the organisation can apply, and should close the minor gaps before the on-site audit.",
			"仅存在轻微不符合和观察项：可以申请认证，并应在现场审核前完成整改。")
	}
	return p.tr("A major gap is open, or the system has not yet run long enough: close the major gaps in the register below before applying.",
		"存在严重不符合，或体系运行时间尚不满足要求：请先按下方差距清单整改严重不符合，再申请认证。")
}

// requirementLegend says what the R-numbers of the register are.
func (p *packer) requirementLegend() {
	var lists [][]string
	for _, f := range p.r.Findings {
		lists = append(lists, f.Requirements)
	}
	legend := vocab.RequirementLegend(p.o.Lang, lists...)
	if len(legend) == 0 {
		return
	}
	sep := p.tr("; ", "；")
	p.doc.Note(vocab.RequirementLegendTitle.In(p.o.Lang) + p.tr(": ", "：") + strings.Join(legend, sep) + p.tr(". ", "。") + vocab.RequirementLegendNote.In(p.o.Lang))
}

// ---- 2 gap register ----

func (p *packer) gapRegister() {
	d, r := p.doc, p.r
	d.Section(p.secGaps())
	if len(r.Findings) == 0 {
		d.Paragraph(p.tr("The audit found no gap.", "本次评估未发现差距。"))
	} else {
		d.Paragraph(p.tr("Every finding of the audit, worst first. Rows are coloured by severity (red major, amber minor, blue observation); waived findings and findings known from the baseline are grey.",
			"本次评估的全部发现项，按严重程度排列。行底色表示严重程度（红色为严重不符合，橙色为轻微不符合，蓝色为观察项）；已豁免或基线已知的发现项以灰色显示。"))
		ids := make([]string, 0, len(r.Findings))
		var places []string // positions, each to fit its column unbroken
		for _, f := range r.Findings {
			ids = append(ids, f.Check)
			places = append(places, strings.Fields(p.short(f.Where))...)
		}
		// Severity and clause share the check's cell: the check ID must
		// fit unbroken, and the space that leaves goes to the text.
		cols := []pdfdoc.Column{
			{Header: p.tr("Check / severity / cited", "检查项 / 严重程度 / 依据条款"), Width: p.fitWidth(ids, sizeDense, 24, 42)},
			{Header: p.tr("Finding", "发现"), Width: 0},
			{Header: p.tr("Where", "位置"), Width: p.fitWidth(places, sizeDense, 28, 32)},
			{Header: p.tr("Evidence expected", "应有证据"), Width: 0},
			{Header: p.tr("Remediation", "整改措施"), Width: 0},
		}
		rows := make([][]string, len(r.Findings))
		same := p.tr("as above", "同上")
		for i, f := range r.Findings {
			evidence, remedy := p.txt(f.Evidence), p.txt(f.Remedy)
			// A check's evidence and remedy are the same for each of its
			// findings; repeating them would bury the findings themselves.
			if i > 0 && r.Findings[i-1].Check == f.Check {
				evidence, remedy = same, same
			}
			head := f.Check + "\n" + f.Severity.Label(p.o.Lang)
			if f.State != "open" {
				head += " (" + p.stateLabel(f.State) + ")"
			}
			head += "\n" + vocab.CiteAll(f.Nodes, p.o.Standard, p.o.Lang)
			if len(f.Requirements) > 0 {
				head += "\n" + strings.Join(f.Requirements, ", ")
			}
			where := p.short(f.Where)
			if f.Record != "" {
				where = strings.TrimSpace(p.r.FindingRecord(&f, p.o.Lang) + "\n" + where)
			}
			rows[i] = []string{head, p.findingText(f), dash(where), evidence, remedy}
		}
		d.Table(cols, rows, pdfdoc.TableOpts{FontSize: sizeDense, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
			f := r.Findings[i]
			if f.State != "open" {
				return pdfdoc.RowStyle{Fill: &fillGrey, Text: &textMuted}
			}
			return pdfdoc.RowStyle{Fill: sevFill(f.Severity)}
		}})
		p.requirementLegend()
	}

	var need []audit.CheckResult
	for _, c := range r.Checks {
		if c.Status == audit.NeedsEvidence {
			need = append(need, c)
		}
	}
	if len(need) > 0 {
		d.Subsection(p.tr("Checks that need evidence on site", "需现场提供证据的检查项"))
		d.Paragraph(p.tr("Nothing in the records contradicts these requirements, but no record can prove them either: have the evidence ready for the auditor.",
			"记录中未发现与以下要求相矛盾之处，但仅凭记录也无法证明其已满足：请为审核员准备好相应证据。"))
		ids := make([]string, len(need))
		rows := make([][]string, len(need))
		for i, c := range need {
			ids[i] = c.ID
			rows[i] = []string{c.ID, p.txt(c.Title), vocab.CiteAll(c.Nodes, p.o.Standard, p.o.Lang), p.txt(c.Evidence)}
		}
		d.Table([]pdfdoc.Column{
			{Header: p.tr("Check", "检查项"), Width: p.fitWidth(ids, sizeTable, 20, 50)},
			{Header: p.tr("Requirement", "要求"), Width: 0.28},
			{Header: p.tr("Cited", "依据条款"), Width: 24},
			{Header: p.tr("Evidence expected", "应有证据"), Width: 0},
		}, rows, pdfdoc.TableOpts{FontSize: sizeTable, Zebra: true})
	}
}

// maxRowsShown bounds the complaint rows quoted in one register cell;
// Appendix A lists them all.
const maxRowsShown = 5

func (p *packer) findingText(f audit.Finding) string {
	s := p.txt(f.Message)
	s += "\n" + p.tr("Basis: ", "依据：") + plain(vocab.BasisText(f.Basis, f.BasisNote, p.o.Lang))
	if len(f.Rows) > 0 {
		ids := make([]string, 0, maxRowsShown)
		for i, row := range f.Rows {
			if i == maxRowsShown {
				break
			}
			ids = append(ids, cn.MaskRef(row.ID))
		}
		s += "\n" + p.tr("Complaints: ", "涉及投诉：") + strings.Join(ids, p.tr(", ", "、"))
		if more := max(len(f.Rows), f.Count) - len(ids); more > 0 {
			s += p.tr(fmt.Sprintf(" and %d more (Appendix A)", more), fmt.Sprintf(" 等，另有 %d 条（见附录 A）", more))
		}
	}
	return s
}

// ---- 3 materials checklist ----

func (p *packer) materials() {
	d, r := p.doc, p.r
	d.Section(p.secMaterials())
	d.Paragraph(p.tr("The materials a certification body asks for with an application (requirement R22), and whether the dossier holds each one on the as-of date.",
		"认证机构受理申请时要求提交的材料（要求 R22），以及评估日资料中是否具备。"))
	if len(r.Materials) == 0 {
		d.Paragraph(p.tr("The materials checklist was not evaluated in this run.", "本次运行未评估申请材料清单。"))
		return
	}
	rows := make([][]string, len(r.Materials))
	for i, m := range r.Materials {
		title := p.txt(m.Title)
		if m.Optional {
			title += p.tr(" (if applicable)", "（如适用）")
		}
		refs := make([]string, len(m.Refs))
		for j, ref := range m.Refs {
			refs[j] = r.RecordLabel(ref, p.o.Lang)
		}
		rows[i] = []string{strconv.Itoa(i + 1), title, p.stateLabel(string(m.Status)), dash(p.short(strings.Join(refs, "\n"))), p.txt(m.Note)}
	}
	d.Table([]pdfdoc.Column{
		{Header: "#", Width: 8, Align: pdfdoc.AlignRight},
		{Header: p.tr("Material", "材料"), Width: 0.3},
		{Header: p.tr("Status", "状态"), Width: 18},
		{Header: p.tr("Files", "文件"), Width: 0.25},
		{Header: p.tr("Note", "说明"), Width: 0},
	}, rows, pdfdoc.TableOpts{FontSize: sizeTable, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
		switch r.Materials[i].Status {
		case checks.MaterialMissing:
			return pdfdoc.RowStyle{Fill: &fillMajor}
		case checks.MaterialExpired:
			return pdfdoc.RowStyle{Fill: &fillMinor}
		case checks.MaterialNotApplicable:
			return pdfdoc.RowStyle{Text: &textMuted}
		}
		return pdfdoc.RowStyle{}
	}})
}

// ---- 4 principles ----

func (p *packer) principles() {
	d, r := p.doc, p.r
	d.Section(p.secPrinciples())
	d.Paragraph(p.tr("The fourteen guiding principles of clause 4 and the checks that evidence each. A principle has gaps when one of its checks failed, needs evidence when a check can only be settled on site, and is not evidenced when no automated check covers it.",
		"第 4 章十四项指导原则及对应的检查项。任一检查项不通过即为“存在差距”；检查项需现场确认时为“待提供证据”；无自动检查覆盖时为“无检查覆盖”。"))
	rows := make([][]string, len(r.Principles))
	for i, pr := range r.Principles {
		rows[i] = []string{pr.Principle, p.txt(pr.Title), p.stateLabel(pr.State), dash(strings.Join(pr.Checks, ", "))}
	}
	d.Table([]pdfdoc.Column{
		{Header: p.tr("Clause", "条款"), Width: 13},
		{Header: p.tr("Principle", "原则"), Width: 0.24},
		{Header: p.tr("State", "状态"), Width: 22},
		{Header: p.tr("Checks", "检查项"), Width: 0},
	}, rows, pdfdoc.TableOpts{FontSize: sizeTable, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
		switch r.Principles[i].State {
		case "gaps":
			return pdfdoc.RowStyle{Fill: &fillMajor}
		case "needs_evidence":
			return pdfdoc.RowStyle{Fill: &fillObs}
		case "met":
			return pdfdoc.RowStyle{Fill: &fillOK}
		}
		return pdfdoc.RowStyle{Text: &textMuted}
	}})
	p.coverage()
}

// coverage lists every assessable requirement of each tree, so a reader
// tells "assessed and fine" from "never assessed".
func (p *packer) coverage() {
	d, r := p.doc, p.r
	if len(r.Coverage) == 0 {
		return
	}
	d.Subsection(p.tr("Coverage of the requirements", "要求覆盖情况"))
	d.Paragraph(p.tr("Every requirement of the standard and of the certification scheme, and how this run assessed it. A requirement not assessed is not a pass: no check looked at it.",
		"标准和认证规则的每一项要求及本次运行的评价情况。“未评价”不等于通过：没有任何检查评价过该项。"))
	for _, tc := range r.Coverage {
		d.Paragraph(p.txt(tc.Summary()) + p.tr(".", "。"))
		rows := make([][]string, len(tc.Nodes))
		for i, n := range tc.Nodes {
			what := strings.Join(n.Checks, ", ")
			if n.Status == audit.NodeNotAssessed {
				what = p.txt(n.Why)
			}
			rows[i] = []string{n.Num, p.txt(n.Title), p.coverageLabel(n.Status), dash(what)}
		}
		nodes := tc.Nodes
		d.Table([]pdfdoc.Column{
			{Header: p.tr("No.", "编号"), Width: 13},
			{Header: p.tr("Requirement", "要求"), Width: 0.3},
			{Header: p.tr("Status", "状态"), Width: 24},
			{Header: p.tr("Checks / why not assessed", "检查项／未评价原因"), Width: 0},
		}, rows, pdfdoc.TableOpts{FontSize: sizeTable, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
			switch nodes[i].Status {
			case audit.NodeFindings:
				return pdfdoc.RowStyle{Fill: &fillMajor}
			case audit.NodeNeedsEvidence:
				return pdfdoc.RowStyle{Fill: &fillObs}
			case audit.NodePass:
				return pdfdoc.RowStyle{Fill: &fillOK}
			}
			return pdfdoc.RowStyle{Text: &textMuted}
		}})
	}
}

// coverageLabel names a coverage state.
func (p *packer) coverageLabel(s string) string { return p.txt(audit.CoverageLabel(s)) }

// ---- 5 document and evidence register ----

// revisedKinds are the document kinds an organisation issues, revises and
// reviews periodically (the same list as the documents check); reports,
// minutes and records are dated once and never reviewed.
var revisedKinds = map[string]bool{"manual": true, "procedure": true, "instruction": true, "form": true, "policy": true}

// docStatus flags what a reader of the register must act on. The review
// rule mirrors the documents check (only documents the organisation
// revises are reviewed; the later of last review and approval on or
// before the as-of date, plus ReviewMonths) so that the register and the
// gap register never disagree.
func (p *packer) docStatus(doc *dossier.Document) (string, *pdfdoc.Color) {
	th := p.cfg.Thresholds
	var flags []string
	var fill *pdfdoc.Color
	switch e := p.d.EvidenceFor(doc.File); {
	case e == nil:
		flags = append(flags, p.tr("no file referenced", "未登记文件"))
		fill = &fillMajor
	case !e.Exists:
		flags = append(flags, p.tr("file missing", "文件缺失"))
		fill = &fillMajor
	case e.Size == 0 || e.Content == dossier.ContentBlank ||
		(e.Content == dossier.ContentTemplate && doc.Kind != "form" && doc.Kind != "record"):
		// As docs.control judges it: a stand-in, not the document (a
		// form is meant to be filled in).
		flags = append(flags, p.tr("placeholder file", "占位文件"))
		fill = &fillMajor
	}
	var last dossier.Date
	for _, dt := range []dossier.Date{doc.LastReviewed, doc.ApprovedOn} {
		if !dt.IsZero() && !dt.After(p.asOf) && dt.After(last) {
			last = dt
		}
	}
	if revisedKinds[doc.Kind] && !last.IsZero() && th.ReviewMonths > 0 {
		due := last.AddDate(0, th.ReviewMonths, 0)
		switch {
		case due.Before(p.asOf):
			flags = append(flags, p.tr("review overdue since "+due.String(), "评审已于 "+due.String()+" 逾期"))
			fill = &fillMajor
		case p.asOf.DaysUntil(due) <= th.DueSoonDays:
			flags = append(flags, p.tr(
				fmt.Sprintf("review due %s (within %d days)", due, th.DueSoonDays),
				fmt.Sprintf("评审将于 %s 到期（%d 天内）", due, th.DueSoonDays)))
			if fill == nil {
				fill = &fillMinor
			}
		}
	}
	if len(flags) == 0 {
		return p.tr("current", "有效"), nil
	}
	return strings.Join(flags, "; "), fill
}

func (p *packer) documents() {
	d := p.doc
	d.Section(p.secDocuments())
	d.Subsection(p.tr("Controlled documents", "受控文件"))
	if len(p.d.Documents) == 0 {
		d.Paragraph(p.tr("The dossier lists no controlled documents.", "资料中未登记受控文件。"))
	} else {
		d.Paragraph(p.tr(
			fmt.Sprintf("Documents whose next review falls within %d days of the as-of date are flagged amber; overdue reviews and missing files red. The SHA-256 of every file is in the evidence register below.", p.cfg.Thresholds.DueSoonDays),
			fmt.Sprintf("距评估日 %d 天内需评审的文件以橙色标出，评审逾期或文件缺失的以红色标出。各文件的 SHA-256 见下方证据文件登记。", p.cfg.Thresholds.DueSoonDays)))
		docs := p.d.Documents
		ids := make([]string, len(docs))
		rows := make([][]string, len(docs))
		fills := make([]*pdfdoc.Color, len(docs))
		for i := range docs {
			doc := &docs[i]
			ids[i] = doc.ID
			status, fill := p.docStatus(doc)
			fills[i] = fill
			file := dash(doc.File)
			if e := p.d.EvidenceFor(doc.File); e != nil && e.Exists {
				file += "\n" + fmtBytes(e.Size) + " B"
			}
			rows[i] = []string{doc.ID, doc.Title, dash(p.enumLabel("document", doc.Kind)), dash(doc.Version), dateStr(doc.ApprovedOn), dateStr(doc.Effective), dateStr(doc.LastReviewed), file, status}
		}
		dateW := p.fitWidth([]string{"0000-00-00"}, sizeDense, 12, 20)
		d.Table([]pdfdoc.Column{
			{Header: "ID", Width: p.fitWidth(ids, sizeDense, 10, 24)},
			{Header: p.tr("Title", "标题"), Width: 0},
			{Header: p.tr("Kind", "类型"), Width: 18},
			{Header: p.tr("Version", "版本"), Width: p.fitWidth([]string{"Version", "A/0"}, sizeDense, 9, 14)},
			{Header: p.tr("Approved", "批准日期"), Width: dateW},
			{Header: p.tr("Effective", "生效日期"), Width: dateW},
			{Header: p.tr("Last review", "最近评审"), Width: dateW},
			{Header: p.tr("File / size", "文件 / 大小"), Width: 36},
			{Header: p.tr("Status", "状态"), Width: 24},
		}, rows, pdfdoc.TableOpts{FontSize: sizeDense, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
			return pdfdoc.RowStyle{Fill: fills[i]}
		}})
	}

	d.Subsection(p.tr("Evidence files (SHA-256)", "证据文件（SHA-256）"))
	paths := make([]string, 0, len(p.d.Evidence))
	for k := range p.d.Evidence {
		paths = append(paths, k)
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		d.Paragraph(p.tr("No evidence file is referenced.", "未引用任何证据文件。"))
		return
	}
	present := 0
	for _, k := range paths {
		if p.d.Evidence[k].Exists {
			present++
		}
	}
	bundleEN, bundleZH := "", ""
	if p.o.Bundle {
		bundleEN, bundleZH = "; the submission bundle carries the same hashes in MANIFEST.json", "；提交包的 MANIFEST.json 载有相同的哈希值"
	}
	d.Paragraph(p.tr(
		fmt.Sprintf("Every file the records reference: %d present, %d missing. Compare a file with the command sha256sum FILE%s.", present, len(paths)-present, bundleEN),
		fmt.Sprintf("记录中引用的全部文件：存在 %d 个，缺失 %d 个。可用命令 sha256sum 文件名 核对%s。", present, len(paths)-present, bundleZH)))
	hashW := p.fitWidth([]string{strings.Repeat("d", 64), strings.Repeat("0", 64)}, sizeDense, 60, 110)
	rows := make([][]string, len(paths))
	refs := make([]string, len(paths))
	for i, k := range paths {
		refs[i] = p.short(p.d.Evidence[k].RefPos.String())
	}
	for i, k := range paths {
		e := p.d.Evidence[k]
		if e.Exists {
			rows[i] = []string{k, fmtBytes(e.Size), e.SHA256, dash(p.short(e.RefPos.String()))}
		} else {
			rows[i] = []string{k, "—", p.tr("missing: not in the dossier", "缺失：资料中无此文件"), dash(p.short(e.RefPos.String()))}
		}
	}
	d.Table([]pdfdoc.Column{
		{Header: p.tr("File", "文件"), Width: 0},
		{Header: p.tr("Bytes", "字节"), Width: 14, Align: pdfdoc.AlignRight},
		{Header: "SHA-256", Width: hashW},
		{Header: p.tr("Referenced at", "引用位置"), Width: p.fitWidth(refs, sizeDense, 28, 40)},
	}, rows, pdfdoc.TableOpts{FontSize: sizeDense, RowStyle: func(i int, _ []string) pdfdoc.RowStyle {
		if !p.d.Evidence[paths[i]].Exists {
			return pdfdoc.RowStyle{Fill: &fillMajor}
		}
		return pdfdoc.RowStyle{}
	}})
}
