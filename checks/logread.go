package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

// What reading the complaint log showed about the log itself: rows that
// could not be read (set aside from every statistic, so an auditor must be
// told), fields the CRM does not keep, and customer USCCs that fail
// GB 32100. These read metrics.Reading; nothing here reads a file.

func init() {
	Register(
		&Check{
			ID:          "handling.log-rows-readable",
			Title:       T("Every complaint-log row is readable", "投诉台账每行均可读取"),
			Severity:    Minor,
			Requirement: []string{"R13"},
			Clauses:     []string{"7.3"},
			Basis:       OnStandard,
			Principles:  []string{"4.9"},
			Evidence:    T("Every row of the log holds its required values (id, receipt time, channel, status) in a form that can be read, so every complaint counts in the figures.", "台账每行都有可读取的必填值（编号、受理时间、渠道、状态），每起投诉都计入统计。"),
			Remedy:      T("Correct the listed cells in the CRM or export; map the CRM's own words under complaints.values in certready.yaml (certready map proposes the mapping).", "在系统或导出文件中更正所列单元格；在 certready.yaml 的 complaints.values 中映射系统自己的取值（certready map 可给出建议）。"),
			Doc:         T("A row with an unreadable value, or a blank required one, is left out of every statistic and listed here with its position, id, field and what was expected, one finding per field and kind of problem. When such rows exceed complaints.max_problem_share (5% by default) the log is refused as unusable (exit 2). Columns no field takes are noted in the report.", "含无法读取的值或必填值为空的行不计入任何统计，并按字段和问题类型逐条列出其位置、编号、字段和期望值。此类行超过 complaints.max_problem_share（默认 5%）时，台账视为无法使用（退出码 2）。未被任何字段采用的列在报告中注明。"),
			Run:         runLogRowsReadable,
		},
		&Check{
			ID:          "handling.not-tracked",
			Title:       T("Fields the CRM does not keep are declared", "声明系统未记录的字段"),
			Severity:    Observation,
			Requirement: []string{"R13"},
			Clauses:     []string{"7.3"},
			Basis:       OnStandard,
			Principles:  []string{"4.9"},
			Evidence:    T("The records the procedure requires are kept somewhere the auditor can see them, in the log or in the case files.", "程序要求的记录保存在审核员可查阅之处（台账或案卷中）。"),
			Remedy:      T("Keep the field in the CRM, or show the auditor where the record is kept instead and waive this finding with that reference.", "在系统中增加该字段，或向审核员说明该记录的保存位置，并以此为据豁免本发现项。"),
			Doc:         T("A field listed under complaints.not_tracked in certready.yaml is not judged on any row; this check says so once, naming the checks left unassessed. It is an observation when only recommended practice needs the field; otherwise it carries the severity of the gravest check left unassessed, since a requirement is not met by declaring its record away: show the auditor where the record is kept, and waive this finding with that reference.", "certready.yaml 的 complaints.not_tracked 中列出的字段不在任何行上评价；本检查说明一次，并列出因此未评估的检查。仅推荐做法需要该字段时为观察项；否则取未评估检查中最严重的等级，因为声明不记录并不能满足要求：应向审核员说明该记录的保存位置，并以此为据豁免本发现项。"),
			Run:         runNotTracked,
		},
		&Check{
			ID:           "handling.customer-uscc",
			Title:        T("Customers' credit codes are valid", "客户统一社会信用代码有效"),
			Severity:     Minor,
			Requirement:  []string{"R13"},
			Clauses:      []string{"7.3"},
			Basis:        OnStandard,
			Principles:   []string{"4.9"},
			Jurisdiction: "cn",
			Evidence:     T("Where the log records an organisation customer's unified social credit code, it is well-formed with a correct check character (GB 32100-2015).", "台账记录单位客户统一社会信用代码的，代码格式正确、校验码正确（GB 32100-2015）。"),
			Remedy:       T("Correct the listed codes against the customer's business licence.", "对照客户营业执照更正所列代码。"),
			Doc:          T("Codes are trimmed and upper-cased before the check; a code that fails it is a record-keeping error, listed by row.", "代码去除首尾空白并转为大写后校验；校验不通过的代码属记录错误，逐行列出。"),
			Run:          runCustomerUSCC,
		},
	)
}

// notTrackedChecks names the built-in checks each untracked field leaves
// unassessed; the checks whose log rule needs the field (LogRule.Needs)
// are added from the catalogue (notAssessed). pairedFields are fields
// that leave a check unassessed only together, since either stands in for
// the other.
var pairedFields = map[string]string{"feedback": "satisfaction", "escalated_at": "escalated", "escalated": "escalated_at"}

var notTrackedChecks = map[string][]string{
	"plan":              {"handling.complex-plan", "handling.complex-investigated"},
	"updates":           {"handling.complex-plan"},
	"follow_up_at":      {"handling.follow-up"},
	"root_cause":        {"handling.root-cause"},
	"corrective_action": {"handling.corrective-action"},
	"satisfaction":      {"handling.follow-up"},
	"steps":             {"handling.records-complete", "handling.complex-investigated"},
	"escalated_at":      {"handling.escalation"},
	"escalated":         {"handling.escalation"},
	"first_response_at": {"handling.feedback-48h"},
	"description":       {"handling.records-complete"},
	"feedback":          {"handling.records-complete"},
	"resolved_at":       {"handling.records-complete"},
}

func runLogRowsReadable(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	r := &m.Reading
	if len(r.Ignored) > 0 {
		var en, zh []string
		for _, c := range r.Ignored {
			if c.Likely != "" {
				en = append(en, fmt.Sprintf("%q at %s (probably %s)", c.Header, c.Pos, c.Likely))
				zh = append(zh, fmt.Sprintf("“%s”（%s，可能是 %s）", c.Header, c.Pos, c.Likely))
			} else {
				en = append(en, fmt.Sprintf("%q at %s", c.Header, c.Pos))
				zh = append(zh, fmt.Sprintf("“%s”（%s）", c.Header, c.Pos))
			}
		}
		p.Note(T(
			"Ignored columns of the complaint log: "+strings.Join(en, ", ")+". Map them under complaints.columns, or list them under complaints.ignore, in certready.yaml.",
			"投诉台账中未读取的列："+strings.Join(zh, "，")+"。请在 certready.yaml 的 complaints.columns 中映射，或列入 complaints.ignore。"))
	}
	if r.ProblemRows == 0 {
		return
	}
	all := metrics.Rule{Applicable: r.Rows, Violations: r.ProblemRows}
	for _, g := range r.Problems {
		rows := make([]metrics.RowRef, 0, len(g.First))
		for _, f := range g.First {
			rows = append(rows, f.Row)
		}
		// The field as the log's own header names it; a problem of the
		// whole row has none.
		key := g.Field
		if key == "" {
			key = "row" // the record identity keeps the key
		}
		field := T("row", "整行")
		if g.Field != "" {
			field = p.Field("complaints", g.Field)
		}
		first := g.First[0]
		record, label := logRecord(T(g.Kind+" "+key, field.ZH+kindLabelZH(g.Kind)))
		p.Report(Finding{
			Pos:         first.Row.Pos,
			Record:      record,
			RecordLabel: label,
			Severity:    gradeRate(p, all),
			Rows:        rows,
			Count:       g.N,
			Message: T(
				fmt.Sprintf("%s %s %s %s value and %s left out of the statistics (%d of %s set aside in all); first, %s: %s",
					vocab.Count(g.N, "row"), vocab.Verb(g.N, "has", "have"), vocab.A(kindLabel(g.Kind)), field.EN, vocab.Verb(g.N, "is", "are"),
					r.ProblemRows, vocab.Count(r.Rows, "row"), first.Row.Pos, first.Message),
				// The reader's explanation is in English; the Chinese
				// message names the field, the kind and the cell instead.
				fmt.Sprintf("%d 行的 %s %s，未计入统计（共 %d/%d 行被排除）；首例位于 %s",
					g.N, field.ZH, kindLabelZH(g.Kind), r.ProblemRows, r.Rows, first.Row.Pos)),
		})
	}
}

// kindLabel words a problem kind for a message.
func kindLabel(kind string) string {
	switch kind {
	case "missing":
		return "missing"
	case "excel-error":
		return "Excel-error"
	case "not-utf8":
		return "non-UTF-8"
	case "too-large":
		return "too-large"
	}
	return "unreadable"
}

// kindLabelZH is kindLabel in Chinese, as a predicate.
func kindLabelZH(kind string) string {
	switch kind {
	case "missing":
		return "为空（必填）"
	case "excel-error":
		return "为 Excel 错误值"
	case "not-utf8":
		return "不是 UTF-8 文本"
	case "too-large":
		return "超过单元格大小上限"
	}
	return "无法读取"
}

func runNotTracked(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	nt := map[string]bool{}
	for _, f := range m.Reading.NotTracked {
		nt[f] = true
	}
	for _, f := range m.Reading.NotTracked {
		ids := notAssessed(f)
		if other, ok := pairedFields[f]; ok && !nt[other] {
			ids = nil // the other field is kept and stands in for this one
		}
		what, whatZH := "no check depends on it alone", "无检查单独依赖该字段"
		if len(ids) > 0 {
			what = "not assessed: " + strings.Join(ids, ", ")
			whatZH = "未评估：" + strings.Join(ids, "、")
		}
		name := p.Field("complaints", f)
		record, label := logRecord(T("not tracked "+f, "系统未记录"+name.ZH))
		p.Report(Finding{
			Pos:         p.Dossier.PlaceOf("complaints"),
			Record:      record,
			RecordLabel: label,
			Severity:    notTrackedSeverity(ids),
			Message: T(
				fmt.Sprintf("%s is not tracked by the CRM (complaints.not_tracked); %s", name.EN, what),
				fmt.Sprintf("系统未记录%s（complaints.not_tracked）；%s", name.ZH, whatZH)),
		})
	}
}

// notTrackedSeverity is what declaring a field untracked costs: nothing
// beyond an observation when only advice needed it, else the gravest of
// the checks left unassessed. A requirement of the standard, the scheme or
// the law is not met by declaring its record away; it is met by showing
// the record, from the log or from wherever it is kept — and a waiver that
// names that place (allowed on the standard's basis) records exactly that.
func notTrackedSeverity(ids []string) Severity {
	sev := Observation
	for _, id := range ids {
		if c, ok := ByID(id); ok && c.Basis != OnPractice && c.Severity > sev {
			sev = c.Severity
		}
	}
	return sev
}

// notAssessed lists the checks an untracked field leaves unassessed: the
// built-in ones, then those whose log rule needs it, each once.
func notAssessed(field string) []string {
	ids := slices.Clone(notTrackedChecks[field])
	for _, c := range All() {
		if c.LogRule != nil && slices.Contains(c.LogRule.Needs, field) && !slices.Contains(ids, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func runCustomerUSCC(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	r := m.Reading.CustomerUSCC
	if r.Violations == 0 {
		return
	}
	pos := p.Dossier.PlaceOf("complaints")
	if len(r.Rows) > 0 {
		pos = r.Rows[0].Pos
	}
	record, label := logRecord(T("customer USCC", "客户统一社会信用代码"))
	p.Report(Finding{
		Pos:         pos,
		Record:      record,
		RecordLabel: label,
		Rows:        r.Rows,
		Count:       r.Violations,
		Message: Tf("%d of %d customer unified social credit codes in the log fail GB 32100 (length, character set or check character)",
			"台账中 %[2]d 个客户统一社会信用代码有 %[1]d 个不符合 GB 32100（长度、字符集或校验码）", r.Violations, r.Applicable),
	})
}
