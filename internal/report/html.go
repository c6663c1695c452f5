package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

func init() { register("html", FormatterFunc(formatHTML)) }

// The page is one file: the template, its stylesheet and its script are
// embedded in the binary and written inline, so the report opens offline
// and can be mailed as it is. A Content-Security-Policy in the page forbids
// every fetch, so a later edit that adds a CDN link fails visibly instead of
// leaking the reader's address.
var (
	//go:embed html/report.tmpl
	htmlTemplateText string
	//go:embed html/report.css
	htmlCSS string
	//go:embed html/report.js
	htmlJS string
)

// htmlTemplate is parsed once; the language function is bound per render
// on a clone, since a template's functions are fixed before it executes.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"t":    func(en, _ string) string { return en },
	"noun": func(int, string, string, string) string { return "" },
}).Parse(htmlTemplateText))

// formatHTML writes a self-contained report page. Every value from the
// Result goes through html/template, so a record reading "<script>" is text
// on the page, never markup.
func formatHTML(w io.Writer, r *audit.Result, o Options) error {
	t, err := htmlTemplate.Clone()
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	t.Funcs(template.FuncMap{"t": func(en, zh string) string { return L(o, en, zh) }, "noun": func(n int, one, many, zh string) string { return nounFor(o, n, one, many, zh) }})
	if err := t.Execute(w, htmlPageOf(r, o)); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// htmlPage is what the template renders: every figure already formatted,
// every label already in the reader's language.
type htmlPage struct {
	Lang, HTMLLang string
	CSS            template.CSS
	JS             template.JS
	Org, USCC      string
	Standard       string
	AsOf           string
	Verdict        string // ready, ready_minor, not_ready: the badge's class
	VerdictLabel   string
	Score          string
	ScoreBar       htmlBar
	EligibleFrom   string
	Eligible       bool
	Counts         audit.Counts
	Nodes          []htmlNode
	Findings       []htmlFinding
	Filters        []htmlFilter
	KPIs           *htmlKPIs
	Materials      []htmlRow
	Principles     []htmlPrinciple
	NeedsEvidence  []htmlCheck
	Waivers        []audit.Waiver
	Notes          []string
	Version        string
	InputDigest    string
}

// htmlNode is one node of the readiness tree: today a clause with the
// checks citing it. Children lets a deeper requirement tree render through
// the same recursive template without a new section.
type htmlNode struct {
	ID, Title string
	Score     string
	Bar       htmlBar
	Checks    []htmlCheck
	Failed    int
	Total     int
	Children  []htmlNode
}

// htmlCheck is one check's outcome under a node.
type htmlCheck struct {
	ID, Title   string
	Status      string // the CSS class
	StatusLabel string
	Findings    int
	Evidence    string
}

// htmlFinding is one row of the findings table. Each filterable property
// is a space-separated token list in a data- attribute; the script matches
// a filter's value against the attribute of the same name, so a new filter
// is one more attribute and one more select.
type htmlFinding struct {
	Severity, SeverityLabel string
	State, StateLabel       string
	Check, Title            string
	Clauses                 string // tokens: "5.3 6.1", or a scheme node's number "S1.1"
	ClauseLabel             string
	Basis, BasisLabel       string
	Requirements            string
	Message                 string
	Where, Record           string
	Rows                    []htmlRowRef
	More                    int // rows counted beyond those listed
	Evidence, Remedy        string
	Waiver                  string
}

// htmlRowRef is an affected complaint: its id (as the log has it; the log
// ids carry no personal data, and messages are masked by the checks) and
// where it sits.
type htmlRowRef struct{ ID, Pos string }

// htmlFilter is one select above the findings table.
type htmlFilter struct {
	Key, Label string
	Options    []htmlOption
}

type htmlOption struct{ Value, Label string }

// htmlRow is a generic status row (materials checklist).
type htmlRow struct {
	Title, Status, StatusLabel, Refs, Note string
}

type htmlPrinciple struct {
	ID, Title, State, StateLabel, Checks string
}

type htmlKPIs struct {
	Facts  [][2]string
	Charts []htmlChart
}

// htmlChart is a horizontal bar chart drawn as inline SVG; the geometry
// is computed here so the template only places numbers it is given.
type htmlChart struct {
	Title  string
	Width  int
	Height int
	Bars   []htmlBar
	Note   string
}

type htmlBar struct {
	Label, FullLabel string
	Value            string // the figure printed after the bar
	Y, W             string // SVG user units, formatted once
	TextY            string
	Class            string
}

// Chart geometry (SVG user units): a label column, the bars, then room for
// the printed value.
const (
	chartWidth   = 640
	chartLabelW  = 200
	chartBarMaxW = 360
	chartRowH    = 22
	chartTop     = 6
)

func fnum(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

func htmlPageOf(r *audit.Result, o Options) *htmlPage {
	lang := o.Lang
	p := &htmlPage{
		Lang: lang, HTMLLang: L(o, "en", "zh-CN"),
		CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
		Org: r.Organisation.Name, USCC: r.Organisation.USCC,
		Standard: standardName(o), AsOf: r.AsOf,
		Verdict: string(r.Verdict), VerdictLabel: r.Verdict.Label(lang),
		Score: fnum(r.Score), ScoreBar: scoreBar(r.Score),
		EligibleFrom: r.EligibleFrom, Eligible: r.Eligible,
		Counts: r.Counts, Version: r.Version, InputDigest: r.InputDigest,
	}
	if p.Org == "" {
		p.Org = L(o, "(organisation not named)", "（未填写组织名称）")
	}
	p.Nodes = clauseNodes(r, o)
	p.Findings, p.Filters = htmlFindings(r, o)
	if r.KPIs != nil {
		p.KPIs = htmlKPIsOf(r, r.KPIs, o)
	}
	for _, m := range r.Materials {
		p.Materials = append(p.Materials, htmlRow{
			Title: m.Title.In(lang), Status: string(m.Status), StatusLabel: statusLabel(o, string(m.Status)),
			Refs: strings.Join(m.Refs, ", "), Note: m.Note.In(lang),
		})
	}
	for _, pr := range r.Principles {
		p.Principles = append(p.Principles, htmlPrinciple{
			ID: pr.Principle, Title: pr.Title.In(lang), State: pr.State, StateLabel: statusLabel(o, pr.State),
			Checks: strings.Join(pr.Checks, ", "),
		})
	}
	for _, c := range r.Checks {
		if c.Status == audit.NeedsEvidence {
			p.NeedsEvidence = append(p.NeedsEvidence, htmlCheckOf(c, o))
		}
	}
	for _, wv := range r.Waivers { // a copy: the label must not change the Result
		wv.State = statusLabel(o, wv.State)
		p.Waivers = append(p.Waivers, wv)
	}
	for _, n := range r.Notes {
		p.Notes = append(p.Notes, n.In(lang))
	}
	return p
}

// scoreBar is a 0–100 figure as a bar of a 100-unit-wide SVG.
func scoreBar(score float64) htmlBar {
	cls := "good"
	switch {
	case score < 60:
		cls = "bad"
	case score < 90:
		cls = "fair"
	}
	return htmlBar{W: fnum(clamp(score, 0, 100)), Class: cls}
}

func clamp(x, lo, hi float64) float64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

func htmlCheckOf(c audit.CheckResult, o Options) htmlCheck {
	return htmlCheck{ID: c.ID, Title: c.Title.In(o.Lang), Status: string(c.Status), StatusLabel: statusLabel(o, string(c.Status)),
		Findings: c.Findings, Evidence: c.Evidence.In(o.Lang)}
}

// clauseNodes builds the readiness tree from what the Result holds: one
// node per scored clause, with the checks that cite it.
func clauseNodes(r *audit.Result, o Options) []htmlNode {
	var out []htmlNode
	for _, c := range r.Clauses {
		n := htmlNode{ID: c.Clause, Title: c.Title.In(o.Lang), Score: audit.UnscoredClauseText().In(o.Lang), Bar: htmlBar{W: "0", Class: "none"}, Failed: c.Failed, Total: c.Checks}
		if s, ok := c.Scored(); ok {
			n.Score, n.Bar = fnum(s), scoreBar(s)
		}
		if n.Title == "" {
			n.Title = checks.ClauseTitle(c.Clause).In(o.Lang)
		}
		for _, cr := range r.Checks {
			if containsStr(cr.Clauses, c.Clause) {
				n.Checks = append(n.Checks, htmlCheckOf(cr, o))
			}
		}
		out = append(out, n)
	}
	return out
}

func htmlFindings(r *audit.Result, o Options) ([]htmlFinding, []htmlFilter) {
	lang := o.Lang
	var fs []htmlFinding
	clauses := map[string]bool{}
	nodeTitles := map[string]string{}
	bases := map[vocab.Basis]bool{}
	states := map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		hf := htmlFinding{
			Severity: f.Severity.String(), SeverityLabel: f.Severity.Label(lang),
			State: f.State, StateLabel: statusLabel(o, f.State),
			Check: f.Check, Title: f.Title.In(lang),
			ClauseLabel: cite(o, f.Nodes),
			Basis:       string(f.Basis), BasisLabel: basisText(o, f.Basis, f.BasisNote),
			// Each R-number with its title: the reader has no list to look it up in.
			Requirements: strings.Join(vocab.RequirementLegend(o.Lang, f.Requirements), L(o, "; ", "；")),
			Message:      f.Message.In(lang), Where: f.Where, Record: r.FindingRecord(f, lang),
			Evidence: f.Evidence.In(lang), Remedy: f.Remedy.In(lang),
		}
		for _, row := range f.Rows {
			hf.Rows = append(hf.Rows, htmlRowRef{ID: row.ID, Pos: row.Pos.String()})
		}
		if f.Count > len(f.Rows) && len(f.Rows) > 0 {
			hf.More = f.Count - len(f.Rows)
		}
		if f.Waiver != nil {
			hf.Waiver = f.Waiver.Justification
		}
		var tokens []string
		for _, n := range f.Nodes {
			tokens = append(tokens, n.Num)
			clauses[n.Num] = true
			if n.Tree != checks.ISOTree {
				nodeTitles[n.Num] = n.Cite(o.Standard, lang) + " " + n.Title.In(lang)
			}
		}
		hf.Clauses = strings.Join(tokens, " ")
		bases[f.Basis] = true
		states[f.State] = true
		fs = append(fs, hf)
	}
	// A filter is a key, its options, and the attribute of that name on
	// each row (see htmlFinding); a basis or requirement-node filter is one
	// more of each.
	sev := htmlFilter{Key: "severity", Label: L(o, "Severity", "级别"), Options: []htmlOption{{"", L(o, "All", "全部")}}}
	for _, s := range []checks.Severity{checks.Major, checks.Minor, checks.Observation} {
		sev.Options = append(sev.Options, htmlOption{s.String(), s.Label(lang)})
	}
	cl := htmlFilter{Key: "clauses", Label: L(o, "Clause", "条款"), Options: []htmlOption{{"", L(o, "All", "全部")}}}
	for _, num := range clauseOrder(clauses) {
		label := num
		if t, ok := nodeTitles[num]; ok {
			label = t
		} else if t := checks.ClauseTitle(num).In(lang); t != "" {
			label += " " + t
		}
		cl.Options = append(cl.Options, htmlOption{num, label})
	}
	st := htmlFilter{Key: "state", Label: L(o, "State", "状态"), Options: []htmlOption{{"", L(o, "All", "全部")}}}
	for _, s := range []string{"open", "known", "waived"} {
		if states[s] {
			st.Options = append(st.Options, htmlOption{s, statusLabel(o, s)})
		}
	}
	bs := htmlFilter{Key: "basis", Label: L(o, "Basis", "依据"), Options: []htmlOption{{"", L(o, "All", "全部")}}}
	for _, b := range vocab.Bases() {
		if bases[b] {
			bs.Options = append(bs.Options, htmlOption{string(b), b.Label(lang)})
		}
	}
	return fs, []htmlFilter{sev, cl, bs, st}
}

// clauseOrder lists cited clauses in the standard's order, then any others
// sorted.
func clauseOrder(cited map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range checks.Clauses() {
		if cited[c.Num] {
			out = append(out, c.Num)
			seen[c.Num] = true
		}
	}
	var rest []string
	for c := range cited {
		if !seen[c] {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func htmlKPIsOf(r *audit.Result, m *metrics.Metrics, o Options) *htmlKPIs {
	t := &m.Timeliness
	lim := m.Limits
	rate := func(r metrics.Rule) string {
		if r.Applicable == 0 {
			return "—"
		}
		return fmt.Sprintf("%s%% (%d/%d)", fnum(100*r.Rate()), r.Applicable-r.Violations, r.Applicable)
	}
	k := &htmlKPIs{Facts: [][2]string{
		{L(o, "Complaint log", "投诉记录"), m.Source},
		{L(o, "Complaints", "投诉数量"), fmt.Sprintf(L(o, "%d received %s – %s, in %d months", "%d 件，受理于 %s 至 %s，覆盖 %d 个月"),
			m.Total, m.FirstReceived.String(), m.LastReceived.String(), m.MonthsCovered)},
		{fmt.Sprintf(L(o, "Contacted within %g h", "%g 小时内联系"), lim.AckHours), rate(t.Ack)},
		{fmt.Sprintf(L(o, "Feedback within %g h", "%g 小时内反馈"), lim.ResponseHours), rate(t.Response)},
		{fmt.Sprintf(L(o, "Simple complaints resolved within %d working days", "简单投诉 %d 个工作日内解决"), lim.SimpleResolveDays), rate(t.SimpleResolve)},
		{L(o, "Complex complaints with a plan and updates", "复杂投诉有处理计划和进展更新"), rate(t.ComplexPlan)},
		{L(o, "High-risk complaints escalated in time", "高风险投诉及时升级"), rate(m.Risk.Escalation)},
		{L(o, "Open complaints not overdue", "未结投诉未超期"), rate(m.Risk.Overdue)},
		{L(o, "Records complete", "记录完整"), rate(m.Completeness.Incomplete)},
		{L(o, "Hours to contact (median / 90th percentile)", "联系用时（中位数 / 90 分位，小时）"), fnum(t.HoursToAck.Median) + " / " + fnum(t.HoursToAck.P90)},
		{L(o, "Hours to resolve (median / 90th percentile)", "解决用时（中位数 / 90 分位，小时）"), fnum(t.HoursToResolve.Median) + " / " + fnum(t.HoursToResolve.P90)},
	}}
	counts := func(title, kind string, cs []metrics.Count) {
		if len(cs) == 0 {
			return
		}
		labels := make([]string, len(cs))
		vals := make([]float64, len(cs))
		shown := make([]string, len(cs))
		for i, c := range cs {
			labels[i], vals[i], shown[i] = r.KeyLabel(kind, c.Key, o.Lang), float64(c.N), strconv.Itoa(c.N)
		}
		k.Charts = append(k.Charts, barChart(title, labels, vals, shown, 0, func(float64) string { return "count" }))
	}
	counts(L(o, "Complaints received per month", "每月受理投诉数量"), "month", m.ByMonth)
	counts(L(o, "Complaints per channel", "各渠道投诉数量"), "channel", m.ByChannel)
	counts(L(o, "Complaints per category", "各类别投诉数量"), "category", m.ByCategory)
	if len(t.Monthly) > 0 {
		for _, s := range []struct {
			title string
			get   func(metrics.MonthRates) (int, int)
		}{
			{L(o, "Contacted on time, per month of receipt (%)", "按受理月份统计的按时联系率（%）"), func(r metrics.MonthRates) (int, int) { return r.AckOnTime, r.Ack }},
			{L(o, "Feedback on time, per month of receipt (%)", "按受理月份统计的按时反馈率（%）"), func(r metrics.MonthRates) (int, int) { return r.ResponseOnTime, r.Response }},
			{L(o, "Resolved on time, per month of receipt (%)", "按受理月份统计的按时解决率（%）"), func(r metrics.MonthRates) (int, int) { return r.ResolutionOnTime, r.Resolution }},
		} {
			labels := make([]string, len(t.Monthly))
			vals := make([]float64, len(t.Monthly))
			shown := make([]string, len(t.Monthly))
			na := false
			for i, mr := range t.Monthly {
				n, of := s.get(mr)
				labels[i] = mr.Month
				if of == 0 {
					shown[i], na = "n/a", true
					continue
				}
				vals[i] = 100 * float64(n) / float64(of)
				shown[i] = fnum(vals[i]) + "%"
			}
			// One colour: the Result carries no target rate, and a colour
			// change at a made-up line would read as a verdict.
			c := barChart(s.title, labels, vals, shown, 100, func(float64) string { return "rate" })
			if na {
				c.Note = L(o, "n/a: no complaint of that month could be judged yet.", "n/a：该月尚无可判定的投诉。")
			}
			k.Charts = append(k.Charts, c)
		}
	}
	rated := 0
	for _, c := range m.FollowThrough.Satisfactions {
		rated += c.N
	}
	if rated > 0 {
		sat := make([]metrics.Count, len(m.FollowThrough.Satisfactions))
		for i, c := range m.FollowThrough.Satisfactions {
			sat[i] = metrics.Count{Key: satisfactionLabel(c.Key, o), N: c.N}
		}
		counts(L(o, "Complainant satisfaction", "投诉人满意度分布"), "satisfaction", sat)
	}
	return k
}

func satisfactionLabel(s string, o Options) string {
	en := map[string]string{"very_satisfied": "very satisfied", "satisfied": "satisfied", "neutral": "neutral",
		"dissatisfied": "dissatisfied", "very_dissatisfied": "very dissatisfied", "": "not rated"}
	zh := map[string]string{"very_satisfied": "非常满意", "satisfied": "满意", "neutral": "一般",
		"dissatisfied": "不满意", "very_dissatisfied": "非常不满意", "": "未评价"}
	m := en
	if o.Lang == "zh" {
		m = zh
	}
	if v, ok := m[s]; ok {
		return v
	}
	return s
}

// barChart lays out one bar per label. max 0 scales to the largest value;
// class picks each bar's colour from its value.
func barChart(title string, labels []string, vals []float64, shown []string, max float64, class func(float64) string) htmlChart {
	if max == 0 {
		for _, v := range vals {
			if v > max {
				max = v
			}
		}
	}
	c := htmlChart{Title: title, Width: chartWidth, Height: chartTop*2 + chartRowH*len(labels)}
	for i, l := range labels {
		w := 0.0
		if max > 0 {
			w = chartBarMaxW * clamp(vals[i], 0, max) / max
		}
		y := chartTop + i*chartRowH
		c.Bars = append(c.Bars, htmlBar{
			Label: shorten(l, 28), FullLabel: l, Value: shown[i],
			Y: strconv.Itoa(y + 3), W: fnum(w), TextY: strconv.Itoa(y + 15), Class: class(vals[i]),
		})
	}
	return c
}

// shorten keeps a chart label to n characters; the full label is the
// bar's tooltip.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
