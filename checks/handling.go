package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

// Complaint handling (R12–R16), computed from the complaint log. The log is
// read once by the metrics pass; these checks only read its result. When
// the dossier has no log, handling.log-present reports it once and the
// others stay silent rather than repeat the same gap fifteen times.
//
// Every rate-based check grades the same way: a compliance rate below
// thresholds.compliance_rate (95% by default) is major, any violation
// above it minor. The finding lists the first violating rows (at most
// thresholds.max_listed) and points at the first of them.

func init() {
	Register(
		&Check{
			ID:          "handling.log-present",
			Title:       T("A complaint log is kept", "保存投诉记录台账"),
			Severity:    Major,
			Requirement: []string{"R13"},
			Clauses:     []string{"7.3", "8.1"},
			Basis:       OnStandard,
			Principles:  []string{"4.9"},
			Evidence:    T("A complaint log (intake register and handling records) covering the period of operation, one row per complaint.", "覆盖体系运行期间的投诉记录台账（受理登记和处理记录），每起投诉一行。"),
			Remedy:      T("Export the complaint log from the CRM or register (CSV, xlsx or complaints.yaml) into the dossier.", "从客户关系管理系统或登记簿导出投诉记录（CSV、xlsx 或 complaints.yaml），放入资料目录。"),
			Doc:         T("Without a log none of the handling checks (records, time limits, follow-through, escalation) can be evidenced; they report nothing until a log is supplied. An empty log is reported the same way: certification bodies audit actual records from at least three months of operation.", "没有投诉台账，记录完整性、时限、跟踪落实、升级等处理检查均无法取证，在提供台账前它们不报告任何问题。空台账同样报告：认证机构要审核体系至少运行三个月的实际记录。"),
			Run:         runHandlingLogPresent,
		},
		&Check{
			ID:          "handling.records-complete",
			Title:       T("Complaint records are complete", "投诉记录完整"),
			Severity:    Major,
			Requirement: []string{"R13"},
			Clauses:     []string{"7.3"},
			Basis:       OnStandard,
			Principles:  []string{"4.9"},
			Evidence:    T("Every record holds the receipt time, channel, content, each handling step and its result, and for finished (resolved or closed) complaints the resolution time and the customer's final feedback or satisfaction; times in a possible order.", "每条记录包含受理时间、渠道、投诉内容、各处理步骤及结果；已办结（已解决或已关闭）的投诉还有解决时间和顾客最终反馈或满意度；各时间先后合理。"),
			Remedy:      T("Fill in the missing fields from the handling files and correct impossible times; make the fields mandatory in the CRM or register form.", "根据处理档案补全缺失字段并更正不合理的时间；在系统或登记表中将这些字段设为必填。"),
			Doc:         T("Required on every row: received_at, channel, description. Steps: every row past status open. resolved_at and final feedback (feedback text or a satisfaction rating): finished rows, those whose status, after the mapping of complaints.values.status, is resolved or closed; final feedback on a resolved row not yet closed only once thresholds.response_hours have passed since its resolution. A second finding lists rows whose acknowledgement, response, escalation, resolution, communication of the decision, closing or follow-up precedes receipt, or whose receipt is after the as-of date.", "所有记录必填：受理时间、渠道、投诉内容。处理过程：状态非“待处理”的记录。解决时间和顾客最终反馈（反馈内容或满意度）：已办结的记录，即状态（经 complaints.values.status 映射后）为已解决或已关闭的记录；已解决但尚未关闭的记录，自解决时间起超过 thresholds.response_hours 小时后才要求最终反馈。另一条问题列出联系、反馈、升级、解决、告知处理决定、关闭或回访时间早于受理时间，或受理时间晚于评估基准日的记录。"),
			Run:         runHandlingRecordsComplete,
		},
		&Check{
			ID:          "handling.ack-24h",
			Title:       T("Complainants contacted within the acknowledgement limit", "在时限内联系投诉人"),
			Severity:    Major,
			Requirement: []string{"R14", "R7"},
			Clauses:     []string{"7.4"},
			Basis:       OnPolicy,
			Figure:      "ack_hours",
			Source:      T("The organisation's own acknowledgement limit; where it states none, recommended practice (24 h). ISO 10002 7.4 asks for prompt acknowledgement and sets no figure.", "组织自身规定的告知时限；未规定时采用推荐做法（24 小时）。ISO 10002 7.4 要求及时告知，未规定具体时限。"),
			Principles:  []string{"4.15"},
			Evidence:    T("The log shows first contact with the complainant within the procedure's limit (24 hours by default) of receipt.", "台账显示在受理后程序规定的时限内（默认 24 小时）首次联系投诉人。"),
			Remedy:      T("Acknowledge every complaint promptly (automatic acknowledgement for e-mail and web, call-back rota for phone) and record the time of first contact.", "及时告知每起投诉已受理（邮件和网站自动回复、电话设专人回拨），并记录首次联系时间。"),
			Doc:         T("Hours are elapsed clock hours (thresholds.ack_hours, 24 by default). The earliest of acknowledged_at, first_response_at and resolved_at counts as first contact. A row with none of them is a violation once the limit has passed by the end of the as-of date; withdrawn complaints are not judged.", "按实际经过的小时计算（thresholds.ack_hours，默认 24）。首次联系时间取首次联系、进度反馈、解决时间中最早者。三者皆无的记录，在评估基准日结束时已超过时限即为违规；已撤回的投诉不评价。"),
			Run:         runHandlingAck,
		},
		&Check{
			ID:          "handling.feedback-48h",
			Title:       T("Progress feedback within the response limit", "在时限内反馈处理进度"),
			Severity:    Major,
			Requirement: []string{"R14"},
			Clauses:     []string{"7.4", "7.7"},
			Basis:       OnPolicy,
			Figure:      "response_hours",
			Source:      T("The organisation's own response limit; where it states none, recommended practice (48 h). ISO 10002 sets no figure.", "组织自身规定的答复时限；未规定时采用推荐做法（48 小时）。ISO 10002 未规定具体时限。"),
			Principles:  []string{"4.6", "4.15"},
			Evidence:    T("The log shows progress feedback or an initial solution within the procedure's limit (48 hours by default) of receipt.", "台账显示在受理后程序规定的时限内（默认 48 小时）反馈处理进度或给出初步处理方案。"),
			Remedy:      T("Give every complainant progress feedback or an initial solution within the limit and record when.", "在时限内向每位投诉人反馈进度或提出初步方案，并记录时间。"),
			Doc:         T("Hours are elapsed clock hours (thresholds.response_hours, 48 by default). The earlier of first_response_at and resolved_at counts. A row with neither is a violation once the limit has passed by the end of the as-of date.", "按实际经过的小时计算（thresholds.response_hours，默认 48）。取进度反馈时间与解决时间中较早者。两者皆无的记录，在评估基准日结束时已超过时限即为违规。"),
			Run:         runHandlingFeedback,
		},
		&Check{
			ID:          "handling.simple-3wd",
			Title:       T("Simple complaints resolved within the working-day limit", "简单投诉在规定工作日内办结"),
			Severity:    Major,
			Requirement: []string{"R14"},
			Clauses:     []string{"7.7", "7.9"},
			Basis:       OnPolicy,
			Figure:      "simple_resolve_days",
			Source:      T("The organisation's own resolution limit; where it states none, recommended practice (1–3 working days). ISO 10002 sets no figure.", "组织自身规定的办结时限；未规定时采用推荐做法（1–3 个工作日）。ISO 10002 未规定具体时限。"),
			Principles:  []string{"4.15"},
			Evidence:    T("The log shows simple complaints resolved within the working-day limit (3 working days by default) under the Chinese statutory calendar.", "台账显示简单投诉按国家法定工作日历在规定工作日内（默认 3 个工作日）办结。"),
			Remedy:      T("Resolve simple complaints within the limit; classify complaints that need investigation as complex and give them a handling plan.", "在时限内办结简单投诉；需要调查的投诉应定为复杂投诉并制定处理方案。"),
			Doc: T(
				cn.CountingRule+" Limit: thresholds.simple_resolve_days working days (default 3), cut-off thresholds.cutoff (default 17:30). Simple and unclassified complaints are judged; resolved_at counts, or closed_at when resolved_at is blank; an unresolved complaint is a violation from the day after its deadline. Receipts in years without a published notice are counted and noted as provisional. "+cn.Coverage,
				cn.CountingRuleZH+"时限：thresholds.simple_resolve_days 个工作日（默认 3），截止时间 thresholds.cutoff（默认 17:30）。评价简单投诉和未分类投诉；以解决时间为准，无解决时间时以关闭时间为准；未办结的投诉自截止日次日起计为违规。受理日期所在年份尚无节假日安排通知的，单独计数并提示结果为暂定。"+cn.CoverageZH),
			Run: runHandlingSimpleResolve,
		},
		&Check{
			ID:          "handling.complex-plan",
			Title:       T("Complex complaints have a plan and progress updates", "复杂投诉有处理方案和进度通报"),
			Severity:    Major,
			Requirement: []string{"R14"},
			Clauses:     []string{"7.6"},
			Basis:       OnStandard,
			Principles:  []string{"4.6"},
			Evidence:    T("Each complex complaint that runs past the simple limit has a recorded handling plan and at least one progress update to the complainant.", "每起超出简单投诉时限的复杂投诉都有记录在案的处理方案，并至少向投诉人通报过一次进度。"),
			Remedy:      T("Record a handling plan for each complex complaint and keep the complainant informed of progress until it is resolved.", "为每起复杂投诉记录处理方案，并在办结前持续向投诉人通报进度。"),
			Doc:         T("Judged on complex rows resolved after, or still open beyond, the simple working-day deadline: a blank plan or zero updates is a violation.", "评价在简单投诉工作日时限后才办结或至今未办结的复杂投诉：处理方案为空或进度通报次数为 0 即为违规。"),
			Run:         runHandlingComplexPlan,
		},
		&Check{
			ID:          "handling.root-cause",
			Title:       T("Root cause recorded for finished complaints", "已办结投诉记录根本原因"),
			Severity:    Observation,
			Requirement: []string{"R15"},
			Clauses:     []string{"7.6", "8.2"},
			Basis:       OnPractice,
			Source:      T("Chinese certification consultancy guidance (R15).", "国内认证咨询资料（R15）。"),
			Principles:  []string{"4.13"},
			Evidence:    T("Each finished (resolved or closed) complaint records the root cause found (e.g. by fishbone or 5 Why analysis).", "每起已办结（已解决或已关闭）的投诉记录查明的根本原因（如用鱼骨图或 5 Why 分析）。"),
			Remedy:      T("Analyse and record the root cause before closing a complaint.", "在关闭投诉前分析并记录根本原因。"),
			Run:         runHandlingClosedRule(func(m *metrics.Metrics) metrics.Rule { return m.FollowThrough.RootCause }, T("root cause", "根本原因"), "have no root cause recorded", "未记录根本原因"),
		},
		&Check{
			ID:          "handling.corrective-action",
			Title:       T("Corrective action recorded for finished complaints", "已办结投诉记录纠正预防措施"),
			Severity:    Observation,
			Requirement: []string{"R15"},
			Clauses:     []string{"8.7"},
			Basis:       OnPractice,
			Source:      T("Chinese certification consultancy guidance (R15).", "国内认证咨询资料（R15）。"),
			Principles:  []string{"4.13"},
			Evidence:    T("Each finished (resolved or closed) complaint records the corrective or preventive action taken against its cause.", "每起已办结（已解决或已关闭）的投诉记录针对原因采取的纠正或预防措施。"),
			Remedy:      T("Record the corrective or preventive action for each complaint, or state why none is needed.", "为每起投诉记录纠正或预防措施，或说明无需措施的理由。"),
			Run:         runHandlingClosedRule(func(m *metrics.Metrics) metrics.Rule { return m.FollowThrough.CorrectiveAction }, T("corrective action", "纠正预防措施"), "have no corrective or preventive action recorded", "未记录纠正或预防措施"),
		},
		&Check{
			ID:          "handling.follow-up",
			Title:       T("Finished complaints followed up with a satisfaction result", "已办结投诉经回访并有满意度结果"),
			Severity:    Major,
			Requirement: []string{"R15"},
			Clauses:     []string{"7.8", "7.9", "8.3"},
			Basis:       OnStandard,
			Principles:  []string{"4.11"},
			Evidence:    T("Each finished (resolved or closed) complaint has a follow-up visit or call and the complainant's satisfaction with the outcome.", "每起已办结（已解决或已关闭）的投诉都有回访记录及投诉人对处理结果的满意度。"),
			Remedy:      T("Follow up every finished complaint and record the date and the satisfaction result.", "对每起已办结投诉进行回访，并记录回访时间和满意度结果。"),
			Doc:         T("Two findings at most: finished rows (status resolved or closed, after the mapping of complaints.values.status) without follow_up_at, and finished rows without a satisfaction rating. A resolved row not yet closed is judged once thresholds.response_hours have passed since its resolution, since the follow-up comes after the resolution; a closed row, or a resolved one without a resolution time, always.", "最多两条问题：已办结（经 complaints.values.status 映射后状态为已解决或已关闭）但无回访时间的记录，以及已办结但无满意度的记录。已解决但尚未关闭的记录，自解决时间起超过 thresholds.response_hours 小时后才评价，因为回访在解决之后；已关闭的记录及无解决时间的已解决记录一律评价。"),
			Run:         runHandlingFollowUp,
		},
		&Check{
			ID:          "handling.escalation",
			Title:       T("High-risk complaints are escalated promptly", "高风险投诉及时升级"),
			Severity:    Observation,
			Requirement: []string{"R16"},
			Clauses:     []string{"7.5"},
			Basis:       OnPractice,
			Source:      T("Recommended practice: an escalation mechanism for high-risk complaints (R16).", "推荐做法：高风险投诉的升级机制（R16）。"),
			Principles:  []string{"4.12"},
			Evidence:    T("A documented escalation mechanism, and every high-risk complaint escalated within the acknowledgement limit of receipt.", "有文件化的升级机制，且每起高风险投诉在受理后的联系时限内升级处理。"),
			Remedy:      T("Document who high-risk complaints go to and how fast (e.g. in the handling procedure, {{documents.covers}}: escalation), and record {{complaints.escalated_at}} and {{complaints.escalated_to}}.", "将高风险投诉上报的对象和时限写入文件（如在处理程序的涵盖要素中列明“升级机制”），并记录{{complaints.escalated_at}}和{{complaints.escalated_to}}。"),
			Doc:         T("A document of any kind declaring the element escalation is the mechanism; its absence is major whether or not a log exists. High-risk rows must be escalated within thresholds.ack_hours of receipt; an escalation recorded after that limit, or one marked without a time that only names whom, is a violation. A high-risk complaint never escalated at all is handling.high-risk-escalated's finding, not reported here a second time.", "任何类型的文件在“涵盖要素”中列明“升级机制”即视为有升级机制；缺少该文件为严重不符合，与是否提供台账无关。高风险投诉须在受理后 thresholds.ack_hours 小时内升级；升级时间晚于该时限，或只记录升级对象而无升级时间的，为违规。从未升级的高风险投诉由 handling.high-risk-escalated 报告，此处不重复报告。"),
			Run:         runHandlingEscalation,
		},
		&Check{
			ID:          "handling.overdue-open",
			Title:       T("No open complaint past its time limit", "无超期未结投诉"),
			Severity:    Major,
			Requirement: []string{"R16"},
			Clauses:     []string{"7.3"},
			Basis:       OnPolicy,
			Figure:      "simple_resolve_days",
			Source:      T("The organisation's own resolution limits; where it states none, recommended practice. ISO 10002 sets no figure.", "组织自身规定的办结时限；未规定时采用推荐做法。ISO 10002 未规定具体时限。"),
			Principles:  []string{"4.15"},
			Evidence:    T("On the as-of date, no open or in-progress complaint is past its limit.", "在评估基准日，没有超过时限仍未办结或处理中的投诉。"),
			Remedy:      T("Resolve or escalate the overdue complaints and tell the complainants when to expect an answer.", "办结或升级超期投诉，并告知投诉人预计答复时间。"),
			Doc:         T(fmt.Sprintf("Simple (and unclassified) complaints are overdue from the day after their working-day deadline (see handling.simple-3wd); complex ones from the day after %d calendar days from receipt. The seeds set no limit for complex complaints; %d days is the period Chinese consumer-protection bodies commonly allow for handling a complaint.", metrics.DefaultComplexResolveDays, metrics.DefaultComplexResolveDays), fmt.Sprintf("简单投诉（及未分类投诉）自工作日截止日次日起计为超期（见 handling.simple-3wd）；复杂投诉自受理后第 %d 个自然日的次日起计为超期。原始资料未规定复杂投诉时限，%d 日是国内消费者权益保护机构处理投诉的常见期限。", metrics.DefaultComplexResolveDays, metrics.DefaultComplexResolveDays)),
			Run:         runHandlingOverdue,
		},
		&Check{
			ID:          "handling.free-of-charge",
			Title:       T("Complainants are not charged", "不向投诉人收费"),
			Severity:    Major,
			Requirement: []string{"R12"},
			Clauses:     []string{"4.8"},
			Basis:       OnStandard,
			Principles:  []string{"4.8"},
			Evidence:    T("No complaint in the log carries a charge to the complainant.", "台账中没有任何投诉向投诉人收取费用。"),
			Remedy:      T("Stop charging complainants, refund the charges listed and record charge 0.", "停止向投诉人收费，退还所列费用，并将收费登记为 0。"),
			Run:         runHandlingFreeOfCharge,
		},
		&Check{
			ID:          "handling.channels-declared",
			Title:       T("Channels in the log are declared", "台账中的渠道均已登记"),
			Severity:    Major,
			Requirement: []string{"R12", "R13"},
			Clauses:     []string{"7.2"},
			Basis:       OnStandard,
			Principles:  []string{"4.5"},
			Evidence:    T("Every channel id used in the complaint log is one of the declared, published intake channels.", "投诉台账中使用的渠道编号均为已登记并公布的受理渠道。"),
			Remedy:      T("Add the channel to the channel list (with where it is published), or correct the rows to use a declared channel id.", "将该渠道登记到投诉渠道清单（含公布位置），或将记录更正为已登记的渠道编号。"),
			Doc:         T("One finding per undeclared value, graded by the share of rows (with a channel) that use a declared one. Blank channels are reported by handling.records-complete.", "每个未登记的渠道值一条问题，按使用已登记渠道的记录占比定级。渠道为空的记录由 handling.records-complete 报告。"),
			Run:         runHandlingUndeclared(func(m *metrics.Metrics) metrics.Undeclared { return m.UndeclaredChannels }, "channel", "渠道"),
		},
		&Check{
			ID:          "handling.categories-declared",
			Title:       T("Categories in the log are declared", "台账中的投诉类别均已登记"),
			Severity:    Major,
			Requirement: []string{"R7"},
			Clauses:     []string{"7.5"},
			Basis:       OnStandard,
			Principles:  []string{"4.12"},
			Evidence:    T("Every category used in the complaint log is a declared category with a responsible department.", "投诉台账中使用的类别均为已登记且明确责任部门的类别。"),
			Remedy:      T("Add the category (with its responsible department) to the category list, or correct the rows to use a declared code.", "将该类别（含责任部门）登记到投诉类别清单，或将记录更正为已登记的类别代码。"),
			Doc:         T("One finding per undeclared value, graded by the share of rows (with a category) that use a declared one.", "每个未登记的类别值一条问题，按使用已登记类别的记录占比定级。"),
			Run:         runHandlingUndeclared(func(m *metrics.Metrics) metrics.Undeclared { return m.UndeclaredCategories }, "category", "类别"),
		},
	)
}

// complaintLogRecord identifies the log as a whole for waivers and diffs;
// a suffix names the aspect so that two findings of one check stay
// distinct.
const complaintLogRecord = "complaint log"

// logRecord is the record of a finding on one aspect of the log: its
// identity, "complaint log: <aspect in English>", which waivers, diffs and
// finding IDs key on, and its label in both languages, so the check that
// names the aspect also says it in Chinese and no table elsewhere has to.
func logRecord(aspect Text) (string, Text) {
	id := complaintLogRecord + ": " + aspect.EN
	return id, T(id, "投诉记录："+aspect.ZH)
}

// chineseOnly reports whether s is a Chinese label: not empty and without
// a Latin letter, which would be English reaching a Chinese reader.
func chineseOnly(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) })
}

// gradeRate applies the rule shared by every rate-based handling check.
func gradeRate(p *Pass, r metrics.Rule) Severity {
	if r.Rate() < p.T().ComplianceRate {
		return Major
	}
	return Minor
}

// ratePct renders a rule's compliant share the way every output does.
func ratePct(r metrics.Rule) string {
	return vocab.Rate(r.Applicable-r.Violations, r.Applicable)
}

// reportLogRule reports a rule with violations. en and zh are formats
// taking the violation count and the applicable count, in that order, then
// args (use %[1]d and %[2]d where word order differs); the helper appends
// the rate and the threshold.
func reportLogRule(p *Pass, r metrics.Rule, aspect Text, en, zh string, args ...any) {
	if r.Violations == 0 {
		return
	}
	pos := p.Dossier.PlaceOf("complaints")
	if len(r.Rows) > 0 {
		pos = r.Rows[0].Pos
	}
	a := append([]any{r.Violations, r.Applicable}, args...)
	rate, th := ratePct(r), vocab.Pct(p.T().ComplianceRate)
	record, label := logRecord(aspect)
	p.Report(Finding{
		Pos:         pos,
		Record:      record,
		RecordLabel: label,
		Severity:    gradeRate(p, r),
		Rows:        r.Rows,
		Count:       r.Violations,
		Message: T(
			fmt.Sprintf(en, a...)+fmt.Sprintf("; compliance %s against a threshold of %s (below it is major)", rate, th),
			fmt.Sprintf(zh, a...)+fmt.Sprintf("；符合率 %s，阈值 %s（低于阈值为严重不符合）", rate, th)),
	})
}

func runHandlingLogPresent(p *Pass) {
	switch {
	case p.Metrics == nil:
		p.Report(Finding{Pos: p.Dossier.PlaceOf("complaints"), Record: complaintLogRecord, Severity: Major, Message: T(
			"No complaint log: none of the handling records, time limits or follow-through can be evidenced",
			"没有投诉记录台账：处理记录、时限和跟踪落实均无法取证")})
	case p.Metrics.Total == 0:
		p.Report(Finding{Pos: p.Dossier.PlaceOf("complaints"), Record: complaintLogRecord, Severity: Major, Message: Tf(
			"The complaint log %s has no rows: the auditor will ask for records of actual complaints handled",
			"投诉记录台账 %s 没有任何记录：审核员将要求提供实际处理投诉的记录", p.Metrics.Source)})
	}
}

func runHandlingRecordsComplete(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	c := &m.Completeness
	var en, zh []string
	for _, f := range []struct {
		r      metrics.Rule
		en, zh string
	}{
		{c.ReceivedAt, "receipt time", "受理时间"},
		{c.Channel, "channel", "渠道"},
		{c.Description, "content", "投诉内容"},
		{c.Steps, "handling steps", "处理过程"},
		{c.ResolvedAt, "resolution time", "解决时间"},
		{c.Feedback, "final feedback or satisfaction", "最终反馈或满意度"},
	} {
		if f.r.Violations > 0 {
			en = append(en, fmt.Sprintf("%s %d", f.en, f.r.Violations))
			zh = append(zh, fmt.Sprintf("%s %d 条", f.zh, f.r.Violations))
		}
	}
	reportLogRule(p, c.Incomplete, T("missing fields", "缺项"),
		"%[1]d of %[2]d complaint records lack required fields (%[3]s)",
		"%[2]d 条投诉记录中有 %[1]d 条缺少必填内容（%[4]s）",
		strings.Join(en, ", "), strings.Join(zh, "，"))
	reportLogRule(p, c.Inconsistent, T("inconsistent times", "时间矛盾"),
		"%d of %d complaint records with a receipt time have a later step dated before receipt, or a receipt after the as-of date %s",
		"%[2]d 条有受理时间的记录中有 %[1]d 条后续时间早于受理时间，或受理时间晚于评估基准日 %[3]s",
		m.Limits.AsOf)
}

func runHandlingAck(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	q := m.Timeliness.HoursToAck
	reportLogRule(p, m.Timeliness.Ack, T("acknowledgement", "首次联系"),
		"%d of %d complaints were not acknowledged within %g h of receipt (median %g h, 90th percentile %g h)",
		"%[2]d 起投诉中有 %[1]d 起未在受理后 %[3]g 小时内联系投诉人（中位数 %[4]g 小时，90%% 分位 %[5]g 小时）",
		m.Limits.AckHours, q.Median, q.P90)
}

func runHandlingFeedback(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	reportLogRule(p, m.Timeliness.Response, T("progress feedback", "进度反馈"),
		"%d of %d complaints had no progress feedback or initial solution within %g h of receipt",
		"%[2]d 起投诉中有 %[1]d 起未在受理后 %[3]g 小时内反馈进度或提出初步方案",
		m.Limits.ResponseHours)
}

func runHandlingSimpleResolve(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	// A receipt in a year the calendar lacks is noted once, by the audit
	// engine, for every working-day deadline at once.
	t := &m.Timeliness
	q := t.HoursToResolve
	reportLogRule(p, t.SimpleResolve, T("simple resolution", "简单投诉办结"),
		"%d of %d simple complaints were not resolved within %d working days (cut-off %s; median %g h to resolve)",
		"%[2]d 起简单投诉中有 %[1]d 起未在 %[3]d 个工作日内办结（截止时间 %[4]s；解决用时中位数 %[5]g 小时）",
		m.Limits.SimpleResolveDays, m.Limits.Cutoff, q.Median)
}

func runHandlingComplexPlan(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	reportLogRule(p, m.Timeliness.ComplexPlan, T("complex plan", "复杂投诉处理方案"),
		"%d of %d complex complaints running past %d working days have no handling plan or no progress update",
		"%[2]d 起超过 %[3]d 个工作日的复杂投诉中有 %[1]d 起没有处理方案或没有进度通报",
		m.Limits.SimpleResolveDays)
}

// RunLogRule builds the Run of a check over its declared log rule: it
// reads the rule's tally and reports the violations with the rule's rate.
// aspect names what the rule looks at, in both languages: its English is
// the finding's record identity ("complaint log: <aspect>"), its Chinese
// how a Chinese output names that record. en and zh take the violation
// count and the applicable count. An aspect without Chinese, or whose
// Chinese is English, is a programming error and panics at start-up.
func RunLogRule(key string, aspect Text, en, zh string) func(*Pass) {
	if aspect.EN == "" || !chineseOnly(aspect.ZH) {
		panic(fmt.Sprintf("checks: log rule %s needs an aspect in English and in Chinese, got %q / %q", key, aspect.EN, aspect.ZH))
	}
	return func(p *Pass) {
		if p.Metrics == nil {
			return
		}
		for _, k := range p.Metrics.Rules {
			if k.Key == key {
				reportLogRule(p, k.Rule, aspect, en, zh)
				return
			}
		}
	}
}

// runHandlingClosedRule builds the Run of a check over one rule about
// finished (resolved or closed) complaints.
func runHandlingClosedRule(get func(*metrics.Metrics) metrics.Rule, aspect Text, en, zh string) func(*Pass) {
	return func(p *Pass) {
		if p.Metrics == nil {
			return
		}
		reportLogRule(p, get(p.Metrics), aspect,
			"%d of %d finished complaints "+en, "%[2]d 起已办结投诉中有 %[1]d 起"+zh)
	}
}

func runHandlingFollowUp(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	reportLogRule(p, m.FollowThrough.FollowUp, T("follow-up", "回访"),
		"%d of %d finished complaints have no follow-up visit or call recorded",
		"%[2]d 起已办结投诉中有 %[1]d 起没有回访记录")
	reportLogRule(p, m.FollowThrough.Satisfaction, T("satisfaction", "满意度"),
		"%d of %d finished complaints have no satisfaction result",
		"%[2]d 起已办结投诉中有 %[1]d 起没有满意度结果")
}

// escalationDocument returns the first document declaring the escalation
// element. Any kind counts: some organisations put the mechanism in the
// procedure, others in a separate instruction or in the manual.
func escalationDocument(d *dossier.Dossier) *dossier.Document {
	for i := range d.Documents {
		if d.Documents[i].CoversElement("escalation") {
			return &d.Documents[i]
		}
	}
	return nil
}

func runHandlingEscalation(p *Pass) {
	d := p.Dossier
	if escalationDocument(d) == nil {
		p.Report(Finding{Pos: d.PlaceOf("documents"), Record: "escalation mechanism", RecordLabel: T("escalation mechanism", "升级机制"), Severity: Major, Message: T(
			"No document declares an escalation mechanism ({{documents.covers}}: escalation) for high-risk complaints",
			"没有文件声明高风险投诉的升级机制（涵盖要素“升级机制”）")})
	}
	m := p.Metrics
	if m == nil {
		return
	}
	reportLogRule(p, m.Risk.Escalation, T("escalation", "升级"),
		"%d of %d high-risk complaints were not escalated within %g h of receipt",
		"%[2]d 起高风险投诉中有 %[1]d 起未在受理后 %[3]g 小时内升级处理",
		m.Limits.AckHours)
}

func runHandlingOverdue(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	reportLogRule(p, m.Risk.Overdue, T("overdue", "超期未结"),
		"%d of %d open complaints are past their limit on %s (simple: %d working days; complex: %d calendar days)",
		"%[2]d 起未结投诉中有 %[1]d 起在 %[3]s 已超过时限（简单投诉 %[4]d 个工作日，复杂投诉 %[5]d 个自然日）",
		m.Limits.AsOf, m.Limits.SimpleResolveDays, m.Limits.ComplexResolveDays)
}

func runHandlingFreeOfCharge(p *Pass) {
	m := p.Metrics
	if m == nil {
		return
	}
	reportLogRule(p, m.Risk.Charged, T("charges", "收费"),
		"%d of %d complaints record a charge to the complainant (%.2f in total); complaining must be free of charge",
		"%[2]d 起投诉中有 %[1]d 起向投诉人收费（合计 %.2[3]f）；投诉必须免费",
		m.Risk.ChargedTotal)
}

// runHandlingUndeclared builds the Run of a check over log values missing
// from the dossier's declarations.
func runHandlingUndeclared(get func(*metrics.Metrics) metrics.Undeclared, what, whatZH string) func(*Pass) {
	return func(p *Pass) {
		if p.Metrics == nil {
			return
		}
		u := get(p.Metrics)
		sev := gradeRate(p, u.Rule)
		for _, v := range u.Values {
			pos := p.Dossier.PlaceOf("complaints")
			if len(v.Rows) > 0 {
				pos = v.Rows[0].Pos
			}
			p.Report(Finding{
				Pos: pos, Record: what + " " + v.Value, Severity: sev, Rows: v.Rows, Count: v.N,
				Message: T(fmt.Sprintf("%[1]s %[7]s %[2]s %[3]q, which is not declared; %[4]s of rows with a %[2]s use a declared one (threshold %[6]s)",
					vocab.Count(v.N, "complaint"), what, v.Value, ratePct(u.Rule), whatZH, vocab.Pct(p.T().ComplianceRate), vocab.Verb(v.N, "uses", "use")),
					fmt.Sprintf("%[1]d 起投诉使用了未登记的%[5]s（台账所填的值“%[3]s”）；使用已登记%[5]s的记录占 %[4]s（阈值 %[6]s）",
						v.N, what, v.Value, ratePct(u.Rule), whatZH, vocab.Pct(p.T().ComplianceRate))),
			})
		}
		if u.Other > 0 {
			p.Report(Finding{
				Pos: p.Dossier.PlaceOf("complaints"), Record: what + " " + metrics.OtherKey, Severity: sev, Count: u.Other,
				Message: T(fmt.Sprintf("%s %s other undeclared %s values beyond the first %d listed",
					vocab.Count(u.Other, "further complaint"), vocab.Verb(u.Other, "uses", "use"), what, metrics.MaxUndeclared),
					fmt.Sprintf("另有 %[1]d 起投诉使用了前 %[3]d 个之外的其他未登记%[4]s",
						u.Other, what, metrics.MaxUndeclared, whatZH)),
			})
		}
	}
}
