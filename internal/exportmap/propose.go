package exportmap

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/vocab"
)

// The confidence of a proposed line.
const (
	High   = "high"   // the reader's own header or value, or a CRM word with one meaning
	Medium = "medium" // a variant spelling, or a reading of the values
	Low    = "low"    // a guess from the values alone: check it
)

// ColumnMap proposes the field of one column.
type ColumnMap struct {
	Header     string `json:"header"`
	Field      string `json:"field"`
	Confidence string `json:"confidence"`
	Why        string `json:"why"`
}

// ValueMap proposes the value one CRM word stands for.
type ValueMap struct {
	Field      string `json:"field"`
	From       string `json:"from"`
	To         string `json:"to"`
	Rows       int    `json:"rows"`
	Confidence string `json:"confidence"`
	Why        string `json:"why"`
}

// Proposal is the complaints block proposed for an export, and what could
// not be mapped.
type Proposal struct {
	File      string `json:"file"`
	Format    string `json:"format"`
	Sheet     string `json:"sheet,omitempty"`
	HeaderRow int    `json:"header_row"`
	Encoding  string `json:"encoding,omitempty"`
	Rows      int    `json:"rows"`

	Columns []ColumnMap `json:"columns"`
	Values  []ValueMap  `json:"values"`
	// SatisfactionScale is "" when the ratings are words.
	SatisfactionScale string `json:"satisfaction_scale,omitempty"`
	ScaleWhy          string `json:"scale_why,omitempty"`
	// NotTracked are fields no column fills that some check needs.
	NotTracked []string `json:"not_tracked"`
	// DateForms are the forms of each date-time column, digits as 9.
	DateForms map[string][]string `json:"date_forms"`

	// Unmapped are headers no field takes; UnmappedValues are values of
	// mapped columns the reader would refuse and nothing here maps.
	Unmapped       []string `json:"unmapped_columns"`
	UnmappedValues []string `json:"unmapped_values"`
	// Unfilled are the fields no column fills.
	Unfilled []string `json:"unfilled_fields"`
}

// crmHeaders are headers common in Chinese CRM and ticketing exports that
// the reader does not know by itself, each with the one field it means.
var crmHeaders = map[string]string{
	"工单编号": "id", "投诉单号": "id", "单号": "id", "投诉单编号": "id", "工单id": "id", "ticket id": "id",
	"受理日期": "received_at", "登记时间": "received_at", "创建时间": "received_at", "来电时间": "received_at", "投诉日期": "received_at", "提交时间": "received_at",
	"来源渠道": "channel", "投诉来源": "channel", "受理渠道": "channel", "来源": "channel",
	"投诉类型": "category", "问题类型": "category", "问题分类": "category", "投诉分类": "category", "业务类型": "category",
	"紧急程度": "risk", "风险级别": "risk", "严重程度": "risk", "风险": "risk",
	"复杂度": "complexity", "难易程度": "complexity",
	"投诉描述": "description", "问题描述": "description", "投诉详情": "description", "诉求内容": "description",
	"客户名称": "complainant", "联系人": "complainant", "客户": "complainant",
	"手机号": "phone", "手机号码": "phone", "联系方式": "phone", "手机": "phone",
	"邮箱": "email", "电子邮件": "email",
	"处理结果": "steps", "处理情况": "steps", "处理记录": "steps", "处理意见": "steps",
	"完成时间": "resolved_at", "处理完成时间": "resolved_at", "解决日期": "resolved_at",
	"负责人": "handler", "处理人员": "handler", "责任人": "handler",
	"原因分析": "root_cause", "问题原因": "root_cause",
	"整改措施": "corrective_action", "改进措施": "corrective_action",
	"客户满意度": "satisfaction", "满意度评价": "satisfaction", "评价": "satisfaction",
	"客户反馈": "feedback", "回访意见": "feedback", "客户意见": "feedback",
	"升级对象": "escalated_to", "升级部门": "escalated_to",
	"是否重新处理": "rehandled", "是否二次处理": "rehandled",
	"告知时间": "decision_communicated_at", "办结告知时间": "decision_communicated_at", "结果反馈时间": "decision_communicated_at", "处理结果反馈时间": "decision_communicated_at", "答复结果时间": "decision_communicated_at",
	"告知救济渠道": "recourse_offered", "是否告知救济渠道": "recourse_offered", "是否告知外部投诉渠道": "recourse_offered", "是否告知12315": "recourse_offered", "告知申诉途径": "recourse_offered",
}

// crmValues are CRM words for enumerated and yes/no values.
var crmValues = map[string]map[string]string{
	"status": {"已结案": "closed", "结案": "closed", "已归档": "closed", "已办结": "resolved", "已处理": "resolved", "处理完成": "resolved",
		"已受理": "open", "待受理": "open", "新建": "open", "未处理": "open", "跟进中": "in_progress", "处理中": "in_progress", "进行中": "in_progress",
		"已撤销": "withdrawn", "已撤诉": "withdrawn", "撤销": "withdrawn", "已取消": "withdrawn"},
	"risk":         {"紧急": "high", "重大": "high", "高风险": "high", "较大": "medium", "中风险": "medium", "普通": "low", "低风险": "low", "一般": "low"},
	"complexity":   {"普通": "simple", "一般": "simple", "疑难": "complex", "重大": "complex"},
	"satisfaction": {"很满意": "very_satisfied", "比较满意": "satisfied", "基本满意": "neutral", "不太满意": "dissatisfied", "很不满意": "very_dissatisfied"},
	"escalated":    {"已升级": "yes", "未升级": "no", "不升级": "no", "无需升级": "no"},
	"rehandled":    {"已再处理": "yes", "已重新处理": "yes", "未再处理": "no"},
	"recourse_offered": {
		"已告知": "yes", "未告知": "no", "已说明": "yes", "未说明": "no"},
}

// notTrackable are the fields whose absence leaves a check unassessed
// rather than failing it; required fields are never among them.
var notTrackable = []string{"plan", "updates", "follow_up_at", "root_cause", "corrective_action", "satisfaction",
	"steps", "first_response_at", "description", "feedback", "resolved_at", "decision_communicated_at", "recourse_offered"}

// fieldForHeader finds the field a header names: the reader's own
// matching, then the CRM vocabulary, then a variant spelling of a field
// not yet taken.
func fieldForHeader(h string, taken func(string) bool) (key, conf string, ok bool) {
	h = load.TrimSpace(h)
	if h == "" {
		return "", "", false
	}
	if k, ok := load.ComplaintHeader(h); ok {
		return k, High, true
	}
	if k, ok := crmHeaders[strings.ToLower(h)]; ok {
		return k, High, true
	}
	if k := load.LikelyComplaintField(h, taken); k != "" {
		return k, Medium, true
	}
	return "", "", false
}

// Propose works out the complaints block for a profiled export.
func Propose(p *Profile) *Proposal {
	pr := &Proposal{Format: p.Format, Sheet: p.Sheet, HeaderRow: p.HeaderRow, Rows: p.Rows, DateForms: map[string][]string{},
		Columns: []ColumnMap{}, Values: []ValueMap{}, NotTracked: []string{}, Unmapped: []string{}, UnmappedValues: []string{}, Unfilled: []string{}}
	if p.Encoding == "gb18030" {
		pr.Encoding = p.Encoding
	}
	fields := map[string]dossier.Field{}
	for _, f := range dossier.ComplaintFields() {
		fields[f.Key] = f
	}
	taken := map[string]*Column{}
	byCol := map[*Column]ColumnMap{}
	// Exact and vocabulary headers first, so that a variant spelling never
	// takes a field a column names outright.
	for pass := 0; pass < 2; pass++ {
		for _, c := range p.Columns {
			if _, done := byCol[c]; done || c.Header == "" {
				continue
			}
			var k, conf string
			var ok bool
			if pass == 0 {
				k, conf, ok = fieldForHeader(c.Header, func(string) bool { return true })
			} else {
				k, conf, ok = fieldForHeader(c.Header, func(key string) bool { return taken[key] != nil })
			}
			if !ok || taken[k] != nil {
				continue
			}
			why := "the reader's own header"
			if _, exact := load.ComplaintHeader(c.Header); !exact {
				why = "a common CRM header"
				if conf == Medium {
					why = "a variant spelling of " + fields[k].ZH
				}
			}
			taken[k] = c
			byCol[c] = ColumnMap{Header: c.Header, Field: k, Confidence: conf, Why: why}
		}
	}
	// A column of 18-character codes is the customer's credit code.
	if taken["customer_uscc"] == nil {
		for _, c := range p.Columns {
			if _, done := byCol[c]; !done && c.Header != "" && looksLikeUSCC(c) {
				taken["customer_uscc"] = c
				byCol[c] = ColumnMap{Header: c.Header, Field: "customer_uscc", Confidence: Low, Why: "its values are 18-character codes"}
				break
			}
		}
	}
	for _, c := range p.Columns {
		if cm, ok := byCol[c]; ok {
			pr.Columns = append(pr.Columns, cm)
		} else if c.Header != "" {
			pr.Unmapped = append(pr.Unmapped, c.Header)
		}
	}
	for _, f := range dossier.ComplaintFields() {
		c := taken[f.Key]
		if c == nil {
			pr.Unfilled = append(pr.Unfilled, f.Key)
			continue
		}
		switch {
		case f.Kind == dossier.KDateTime:
			pr.dateForms(f.Key, c, p.Format == "xlsx")
		case f.Kind == dossier.KEnum || f.Kind == dossier.KBool:
			pr.values(f, c)
		}
	}
	for _, k := range notTrackable {
		if k == "feedback" && taken["satisfaction"] != nil {
			continue // a satisfaction rating stands in for the final feedback
		}
		if taken[k] == nil {
			pr.NotTracked = append(pr.NotTracked, k)
		}
	}
	if taken["escalated_at"] == nil && taken["escalated"] == nil {
		pr.NotTracked = append(pr.NotTracked, "escalated_at", "escalated")
	}
	sort.Strings(pr.NotTracked)
	return pr
}

func looksLikeUSCC(c *Column) bool {
	if c.NonBlank == 0 {
		return false
	}
	n := 0
	for s, k := range c.Shapes {
		if len(s) == 18 && strings.Trim(s, "9ABCDEFGHJKLMNPQRTUWXY") == "" {
			n += k
		}
	}
	return n*10 >= c.NonBlank*8
}

func (pr *Proposal) dateForms(key string, c *Column, xlsx bool) {
	var forms []string
	for s := range c.Shapes {
		forms = append(forms, s)
	}
	sort.Strings(forms)
	if c.ExcelDates > 0 {
		forms = append([]string{"Excel date"}, forms...)
	}
	pr.DateForms[key] = forms
	for _, s := range forms {
		if s == "Excel date" || s == "…" {
			continue
		}
		// A shape is a date-time the reader knows if its first value parses.
		if _, _, err := load.ParseDateTime(c.Examples[s], time.UTC); err != nil {
			if xlsx && isNumber(s) {
				// A number in a workbook's date-time column is read as a
				// date serial, formatted as a date or not; in a CSV it is
				// not.
				continue
			}
			pr.UnmappedValues = append(pr.UnmappedValues, fmt.Sprintf("%s: %s of the form %q (such as %q) %s not a date-time the reader knows", key, vocab.Count(c.Shapes[s], "value"), s, c.Examples[s], vocab.Verb(c.Shapes[s], "is", "are")))
		}
	}
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// values proposes the mappings of an enumerated or yes/no column.
func (pr *Proposal) values(f dossier.Field, c *Column) {
	if c.Many {
		pr.UnmappedValues = append(pr.UnmappedValues, fmt.Sprintf("%s: more than %d distinct values; not a list of choices", f.Key, len(c.Values)))
		return
	}
	var numeric []string
	for _, v := range c.Values {
		if f.Kind == dossier.KEnum {
			if _, ok := load.ComplaintEnumValue(f.Key, v); ok {
				continue
			}
		} else if _, ok := load.ParseBool(v); ok {
			continue
		}
		if to, ok := crmValues[f.Key][v]; ok {
			pr.Values = append(pr.Values, ValueMap{Field: f.Key, From: v, To: to, Rows: c.Counts[v], Confidence: High, Why: "a common CRM word"})
			continue
		}
		if f.Key == "satisfaction" && (isNumber(strings.TrimSuffix(v, "%")) || strings.Contains(v, "★")) {
			numeric = append(numeric, v)
			continue
		}
		pr.UnmappedValues = append(pr.UnmappedValues, fmt.Sprintf("%s: %q (%d rows)", f.Key, v, c.Counts[v]))
	}
	if len(numeric) > 0 {
		scale, why := chooseScale(numeric)
		if scale == "" {
			for _, v := range numeric {
				pr.UnmappedValues = append(pr.UnmappedValues, fmt.Sprintf("%s: %q (%d rows)", f.Key, v, c.Counts[v]))
			}
			return
		}
		pr.SatisfactionScale, pr.ScaleWhy = scale, why
	}
}

// chooseScale picks the satisfaction scale every numeric rating fits.
func chooseScale(vs []string) (string, string) {
	stars, pct := false, false
	lo, hi := 1e9, -1e9
	for _, v := range vs {
		switch {
		case strings.Contains(v, "★"):
			stars = true
			continue
		case strings.HasSuffix(v, "%"):
			pct = true
		}
		x, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
		if err != nil {
			return "", ""
		}
		lo, hi = min(lo, x), max(hi, x)
	}
	var scale, why string
	switch {
	case stars:
		scale, why = "stars", "ratings are stars"
	case pct || hi > 10:
		scale, why = "percent", fmt.Sprintf("ratings run %g to %g", lo, hi)
	case hi > 5:
		scale, why = "1-10", fmt.Sprintf("ratings are whole numbers %g to %g", lo, hi)
	default:
		scale, why = "1-5", fmt.Sprintf("ratings are whole numbers %g to %g", lo, hi)
	}
	for _, v := range vs {
		if _, ok := load.SatisfactionScaled(scale, v); !ok {
			return "", ""
		}
	}
	return scale, why
}

// Source is the proposal as certready.yaml's complaints block; file is the
// export's path as the dossier names it.
func (pr *Proposal) Source(file string) config.ComplaintSource {
	cs := config.ComplaintSource{File: file, HeaderRow: pr.HeaderRow, Encoding: pr.Encoding, SatisfactionScale: pr.SatisfactionScale,
		NotTracked: slices.Clone(pr.NotTracked), MaxProblemShare: config.DefaultMaxProblemShare}
	if pr.Format == "xlsx" {
		cs.Sheet = pr.Sheet
	}
	if len(pr.Columns) > 0 {
		cs.Columns = map[string]string{}
		for _, c := range pr.Columns {
			cs.Columns[c.Header] = c.Field
		}
	}
	if len(pr.Values) > 0 {
		cs.Values = map[string]map[string]string{}
		for _, v := range pr.Values {
			if cs.Values[v.Field] == nil {
				cs.Values[v.Field] = map[string]string{}
			}
			cs.Values[v.Field][v.From] = v.To
		}
	}
	return cs
}
