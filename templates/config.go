package templates

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/certready/certready/internal/config"
)

// thresholdDocs explains each threshold in certready.yaml, keyed by its YAML
// key. TestConfigSkeletonCoversEveryThreshold fails when a threshold is
// added to config.Thresholds without a line here.
var thresholdDocs = map[string]string{
	"min_operation_months":     "R4: months the complaints-handling system must have run before applying / 申请认证前体系至少运行的月数",
	"ack_hours":                "R7/R14: contact the complainant within this many hours / 联系投诉人的时限（小时）",
	"response_hours":           "R7/R14: progress feedback or initial solution within this many hours / 进度反馈或初步处理方案的时限（小时）",
	"simple_resolve_days":      "R14: simple complaints resolved within this many working days / 简单投诉的办结时限（工作日）",
	"cutoff":                   "R14: complaints received after this local time count from the next working day; 24:00 = the receipt day always / 晚于此时间受理的投诉自下一工作日起算；24:00 表示一律以受理当日起算",
	"training_hours":           "R11: training hours each complaint handler needs / 每名投诉处理人员的培训学时",
	"training_window_months":   "R11: count training over this many months (0 = all) / 统计培训学时的月数（0 为全部）",
	"budget_ratio":             "R17: complaint budget as a share of annual revenue / 投诉处理预算占年营业收入的比例",
	"review_months":            "R9: documents reviewed at least this often (months) / 文件评审周期（月）",
	"survey_months":            "R19: a satisfaction survey within this many months / 满意度调查周期（月）",
	"audit_months":             "R20: an internal audit within this many months / 内部审核周期（月）",
	"management_review_months": "R20: a management review within this many months / 管理评审周期（月）",
	"analysis_months":          "R18: a complaint analysis report within this many months / 投诉分析报告周期（月）",
	"min_channels":             "R12: at least this many intake channels / 投诉受理渠道的最少数量",
	"compliance_rate":          "R14: share of complaints meeting a time limit below which the finding is major / 时限达标率低于此值判为严重不符合",
	"max_listed":               "how many violating rows a finding lists / 每条发现列出的违规记录数上限",
	"complex_resolve_days":     "an open complex complaint is overdue after this many days (see complex_resolve_unit) / 复杂投诉超过该天数未办结即为逾期（单位见 complex_resolve_unit）",
	"complex_resolve_unit":     "calendar or working: how complex_resolve_days are counted / calendar（自然日）或 working（工作日）",
	"min_handled_complaints":   "complaints handled to the end the log must show before applying / 申请前台账须显示的处理完毕投诉数",
	"max_log_gap_days":         "the log's last receipt at most this many days before the as-of date / 台账最后受理日期距评估日不超过的天数",
	"nonworking_receipt":       "next_working_day or receipt_day: day 0 of a receipt on a non-working day / 非工作日受理的投诉以下一工作日（next_working_day）或受理当日（receipt_day）为第0日",
	"due_soon_days":            "evidence pack: a review falling due within this many days is flagged / 证据包中提示即将到期的天数",
}

// ConfigSkeleton is the certready.yaml `init DIR` writes: the settings a
// client may change, with every threshold present but commented out at its
// default, so the defaults apply until someone deliberately changes one.
func ConfigSkeleton() []byte {
	def := config.Default()
	var b bytes.Buffer
	b.WriteString(`# certready configuration / certready 配置文件
# Every key is optional; delete what you do not change. / 所有键均可省略。
jurisdiction: ` + def.Jurisdiction + `
# Time zone of times without one in the complaint log / 投诉记录中时间的时区
timezone: ` + def.Timezone + `
# Language of reports: en or zh / 报告语言
lang: ` + def.Lang + `
# Clause labels: iso10002 or gbt19012 (same clause numbers) / 条款标注：iso10002 或 gbt19012（条款号相同）
standard: ` + def.Standard + `
# Sector whose rules of law apply (e.g. finance: banking and insurance complaint measures);
# default: organisation.sector / 适用行业法规的行业（如 金融：银行业保险业消费投诉处理管理办法），默认取组织信息中的行业
# sector: finance

# Thresholds of the checks, shown at their defaults. Uncomment a line to change it.
# 检查所用阈值，以下为默认值；需修改时去掉行首的 # 。
thresholds:
`)
	t := reflect.ValueOf(def.Thresholds)
	for i := 0; i < t.NumField(); i++ {
		key := strings.Split(t.Type().Field(i).Tag.Get("yaml"), ",")[0]
		fmt.Fprintf(&b, "  # %s\n  # %s: %s\n", thresholdDocs[key], key, scalarText(t.Field(i).Interface()))
	}
	b.WriteString(`
# Complaint log elsewhere or with other headers / 投诉记录的位置或表头不同时：
# (certready map EXPORT --write proposes this block from the export itself)
# complaints:
#   file: 投诉台账.csv
#   encoding: gb18030
#   header_row: 2
#   columns: {工单编号: id, 来电时间: received_at}
#   values:
#     status: {已结案: closed, 已办结: resolved, 已受理: open}   # resolved and closed both count as finished
#     escalated: {已升级: yes, 未升级: no}
#   satisfaction_scale: 1-5          # or 1-10, percent, stars
#   not_tracked: [plan, updates]     # fields the CRM does not keep: "not assessed", once
#   ignore: [备注]                   # columns deliberately left unread
#   max_problem_share: 0.05          # unreadable rows above this share refuse the log

# Accepted findings, each with a reason and an expiry / 经批准接受的发现：
# waivers:
#   - check: improvement.survey
#     justification: survey scheduled for next month / 调查已安排
#     approver: 王建国
#     expires: 2026-12-31

# A year's holidays and make-up working days from the State Council's notice,
# for a year certready does not know yet or to correct one; it replaces that
# year entirely. Dates or ranges (first..last). / 按国务院办公厅通知补充或更正某年度
# 放假与调休上班日期（整体替换该年度），可写单日或区间（首日..末日）：
# calendar:
#   2027:
#     source: 国务院办公厅关于2027年部分节假日安排的通知
#     holidays: [2027-MM-DD, 2027-MM-DD..2027-MM-DD]   # copy from the notice / 照通知填写
#     workdays: [2027-MM-DD]
`)
	return b.Bytes()
}

// ThresholdDoc explains one threshold of certready.yaml (by its YAML key),
// in English and Chinese; the configuration's JSON Schema uses it too.
func ThresholdDoc(key string) string { return thresholdDocs[key] }

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}
