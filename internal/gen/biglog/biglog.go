// Package biglog writes large, realistic complaint logs for load tests and
// benchmarks: every one of the 28 complaint columns under its Chinese
// header, Chinese text and labels as a Chinese CRM exports them, and
// timings that follow each other the way real handling does. The output
// depends only on the row count and the seed.
package biglog

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/dossier"
)

// Sheet is the sheet GenerateXLSX writes: the name the loader looks for.
const Sheet = "投诉记录"

// Name is the file name, without extension, for a log of rows rows:
// complaints-1m, complaints-100k, complaints-2500.
func Name(rows int) string {
	switch {
	case rows >= 1_000_000 && rows%1_000_000 == 0:
		return fmt.Sprintf("complaints-%dm", rows/1_000_000)
	case rows >= 1_000 && rows%1_000 == 0:
		return fmt.Sprintf("complaints-%dk", rows/1_000)
	}
	return fmt.Sprintf("complaints-%d", rows)
}

// Header returns the Chinese column headers in the model's field order.
func Header() []string {
	fields := Fields()
	h := make([]string, len(fields))
	for i, f := range fields {
		h[i] = f.ZH
	}
	return h
}

// laterFields were added to the model after the benchmark log's layout was
// fixed; leaving them out keeps the 1M-row log, and so the timings in
// BENCHMARKS.md, comparable from run to run.
var laterFields = map[string]bool{"escalated": true, "customer_uscc": true, "decision_communicated_at": true, "recourse_offered": true}

// Fields are the complaint fields the log has a column for, in the
// model's order.
func Fields() []dossier.Field {
	var out []dossier.Field
	for _, f := range dossier.ComplaintFields() {
		if !laterFields[f.Key] {
			out = append(out, f)
		}
	}
	return out
}

// cst is UTC+8 without daylight saving, the wall clock of every export.
var cst = time.FixedZone("CST", 8*3600)

var (
	stores   = []string{"西湖文三路店", "滨江星光大道店", "拱墅运河天地店", "上城湖滨店", "余杭未来科技城店", "萧山万象汇店", "临平银泰店", "富阳秋月路店"}
	products = []string{"鲜牛奶", "全麦吐司", "卤味拼盘", "三文鱼寿司便当", "鲜切水果杯", "手工虾仁水饺", "原味酸奶", "蜜汁烤鸡", "桂花糕", "牛肉饭套餐"}
	surnames = [][2]string{{"陈", "chen"}, {"李", "li"}, {"王", "wang"}, {"张", "zhang"}, {"刘", "liu"}, {"杨", "yang"}, {"赵", "zhao"}, {"黄", "huang"}, {"周", "zhou"}, {"吴", "wu"}, {"徐", "xu"}, {"孙", "sun"}, {"胡", "hu"}, {"朱", "zhu"}, {"林", "lin"}, {"郭", "guo"}}
	channels = []string{"phone", "phone", "phone", "web", "app", "app", "email", "in_person", "social", "letter"}
	handlers = []string{"P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12"}
)

type category struct {
	code   string
	descs  []string // {店} is replaced by a store, {品} by a product
	steps  []string
	causes [][2]string // root cause, corrective action
	plan   string      // for a complex complaint
}

var categories = []category{
	{"quality",
		[]string{"在{店}购买的{品}有酸味，怀疑变质", "{店}购买的{品}中吃出异物（疑似塑料碎片）", "{店}货架上的{品}已过保质期仍在销售", "{店}购买的{品}包装胀袋漏气"},
		[]string{"受理登记并致电顾客致歉；调取购买记录并下架同批次商品；为顾客办理退款并补偿优惠券", "受理登记；门店店长上门取回样品送检；向顾客说明结果，退款并致歉"},
		[][2]string{{"门店冷柜温控器故障，夜间温度超标未被发现", "更换温控器，冷柜温度改为每2小时巡检记录"}, {"临期商品下架检查未执行到位", "启用临期商品系统预警，店长每日复核"}},
		"质量安全部抽检同批次产品，5个工作日内出具检验结论；期间每2天向顾客通报进度"},
	{"service",
		[]string{"{店}收银员态度冷淡，顾客询问时不予理睬", "{店}员工拒绝开具发票", "{店}高峰期排队超过20分钟无人疏导"},
		[]string{"受理登记；调取门店监控核实；店长当面致歉并赠送代金券", "受理登记；与当班员工核实情况；门店电话致歉并说明整改"},
		[][2]string{{"员工服务意识不足，未按服务规范应答", "开展服务规范复训并纳入月度考核"}, {"高峰期人手不足导致等待过长", "优化排班，高峰期增加收银岗"}},
		"门店运营部约谈相关员工并复核排班，5个工作日内反馈整改结果"},
	{"delivery",
		[]string{"小程序订购的{品}配送超时两小时", "外卖送达的{品}洒漏，包装破损", "{店}配送员未按约定时间送达"},
		[]string{"受理登记；联系配送站核实轨迹；退还配送费并补发商品", "受理登记；致电顾客致歉；重新安排配送"},
		[][2]string{{"配送高峰运力不足", "与第三方配送平台签订高峰保障协议"}, {"包装封口不牢", "更换防漏包装并培训打包员"}},
		"物流部复核配送路线与运力安排，3个工作日内给出方案并告知顾客"},
	{"price",
		[]string{"{店}{品}结账价格与标价不符", "会员折扣未生效，多收费用", "{店}促销活动规则说明不清"},
		[]string{"受理登记；核对价签与收银记录；退还差价并致歉"},
		[][2]string{{"价签未随系统调价同步更换", "调价后由店长在2小时内核对价签"}},
		"财务部核对全部门店同期价格数据，5个工作日内反馈"},
}

// satisfactions pairs a follow-up rating with the kind of thing a
// customer says alongside it; repeats weight the draw.
var satisfactions = [][2]string{
	{"非常满意", "处理及时，非常满意"}, {"满意", "问题已解决，谢谢"}, {"满意", "满意，希望以后注意"}, {"满意", ""},
	{"一般", "结果可以接受，但等待时间较长"}, {"不满意", "处理太慢，补偿不到位"},
}

// row is one complaint before formatting; zero times are empty cells.
type row struct {
	id, channel, category, complexity, risk, description, complainant, phone, email string
	received, acknowledged, firstResponse                                           time.Time
	steps, plan                                                                     string
	updates                                                                         int
	escalated                                                                       time.Time
	escalatedTo                                                                     string
	resolved, closed                                                                time.Time
	status, handler, rootCause, corrective                                          string
	followUp                                                                        time.Time
	satisfaction, feedback, rehandled                                               string
	charge                                                                          int
}

// generator produces the rows of one log in order.
type generator struct {
	rnd   *rand.Rand
	rows  int
	i     int
	start time.Time
	step  float64 // seconds between receipts on average
}

func newGenerator(rows int, seed uint64) *generator {
	start := time.Date(2025, 1, 1, 8, 0, 0, 0, cst)
	return &generator{
		rnd:   rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		rows:  rows,
		start: start,
		step:  start.AddDate(1, 0, 0).Sub(start).Seconds() / float64(max(rows, 1)),
	}
}

func (g *generator) pick(s []string) string { return s[g.rnd.IntN(len(s))] }

// after returns t plus between lo and hi minutes, whole minutes as exports keep.
func (g *generator) after(t time.Time, lo, hi int) time.Time {
	return t.Add(time.Duration(lo+g.rnd.IntN(hi-lo+1)) * time.Minute)
}

func (g *generator) next(r *row) {
	*r = row{}
	g.i++
	r.id = fmt.Sprintf("C%07d", g.i)
	// Receipts rise through one year, jittered within their slot.
	sec := (float64(g.i-1) + g.rnd.Float64()) * g.step
	r.received = g.start.Add(time.Duration(sec) * time.Second).Truncate(time.Minute)
	r.channel = g.pick(channels)
	cat := &categories[g.rnd.IntN(len(categories))]
	r.category = cat.code
	store, product := g.pick(stores), g.pick(products)
	r.description = strings.NewReplacer("{店}", store, "{品}", product).Replace(g.pick(cat.descs))
	sn := surnames[g.rnd.IntN(len(surnames))]
	if g.rnd.IntN(2) == 0 {
		r.complainant = sn[0] + "先生"
	} else {
		r.complainant = sn[0] + "女士"
	}
	r.phone = "1" + strconv.Itoa(3+g.rnd.IntN(7)) + fmt.Sprintf("%09d", g.rnd.IntN(1_000_000_000))
	if g.rnd.IntN(5) == 0 {
		r.email = fmt.Sprintf("%s%d@example.cn", sn[1], g.rnd.IntN(10000))
	}
	complex := g.rnd.IntN(100) < 15
	r.complexity = "简单"
	if complex {
		r.complexity = "复杂"
		r.plan = cat.plan
	}
	switch p := g.rnd.IntN(100); {
	case p < 5:
		r.risk = "高"
		r.escalated = g.after(r.received, 10, 240)
		r.escalatedTo = "质量安全部经理"
	case p < 25:
		r.risk = "中"
	default:
		r.risk = "低"
	}
	r.handler = g.pick(handlers)
	// Most complainants are called back within hours; a few wait past 24.
	r.acknowledged = g.after(r.received, 5, 5*60)
	if g.rnd.IntN(10) == 0 {
		r.acknowledged = g.after(r.received, 5*60, 20*60)
	}
	if g.rnd.IntN(50) == 0 {
		r.acknowledged = g.after(r.received, 25*60, 72*60)
	}
	r.firstResponse = g.after(r.acknowledged, 30, 40*60)
	r.steps = g.pick(cat.steps)
	switch p := g.rnd.IntN(100); {
	case p < 3:
		r.status = "待处理"
		r.firstResponse, r.steps = time.Time{}, ""
	case p < 9:
		r.status = "处理中"
		r.updates = g.rnd.IntN(3)
	case p < 10:
		r.status = "已撤回"
		r.closed = g.after(r.acknowledged, 60, 3*24*60)
	default:
		days := 1 + g.rnd.IntN(3)
		if complex {
			days = 3 + g.rnd.IntN(12)
			r.updates = 1 + g.rnd.IntN(5)
		}
		r.resolved = g.after(r.firstResponse, 60, days*24*60)
		rc := cat.causes[g.rnd.IntN(len(cat.causes))]
		r.rootCause, r.corrective = rc[0], rc[1]
		if p < 14 {
			r.status = "已解决"
			break
		}
		r.status = "已关闭"
		r.closed = g.after(r.resolved, 60, 3*24*60)
		r.followUp = g.after(r.closed, 24*60, 5*24*60)
		sf := satisfactions[g.rnd.IntN(len(satisfactions))]
		r.satisfaction, r.feedback = sf[0], sf[1]
		r.rehandled = "否"
		if r.satisfaction == "不满意" && g.rnd.IntN(2) == 0 {
			r.rehandled = "是"
		}
	}
	if g.rnd.IntN(2000) == 0 {
		r.charge = 20 // the odd illegal fee a check should find
	}
}

// fieldKeys lists the complaint keys in column order, looked up once per
// log rather than once per row.
func fieldKeys() []string {
	fields := Fields()
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.Key
	}
	return keys
}

// cells lays a row out in column order (keys); str formats a time and num
// a count.
func (r *row) cells(keys []string, str func(time.Time) any, num func(int) any, out []any) {
	for i, key := range keys {
		var v any
		switch key {
		case "id":
			v = r.id
		case "received_at":
			v = str(r.received)
		case "channel":
			v = r.channel
		case "category":
			v = r.category
		case "complexity":
			v = r.complexity
		case "risk":
			v = r.risk
		case "description":
			v = r.description
		case "complainant":
			v = r.complainant
		case "phone":
			v = r.phone
		case "email":
			v = r.email
		case "acknowledged_at":
			v = str(r.acknowledged)
		case "first_response_at":
			v = str(r.firstResponse)
		case "steps":
			v = r.steps
		case "plan":
			v = r.plan
		case "updates":
			v = num(r.updates)
		case "escalated_at":
			v = str(r.escalated)
		case "escalated_to":
			v = r.escalatedTo
		case "resolved_at":
			v = str(r.resolved)
		case "closed_at":
			v = str(r.closed)
		case "status":
			v = r.status
		case "handler":
			v = r.handler
		case "root_cause":
			v = r.rootCause
		case "corrective_action":
			v = r.corrective
		case "follow_up_at":
			v = str(r.followUp)
		case "satisfaction":
			v = r.satisfaction
		case "feedback":
			v = r.feedback
		case "rehandled":
			v = r.rehandled
		case "charge":
			v = num(r.charge)
		case "extension_approved_at":
			v = "" // the sector rule that reads it is not the generated log's
		default:
			panic("biglog: no generator for complaint field " + key)
		}
		out[i] = v
	}
}

// Generate writes a CSV complaint log of rows rows to w: a title line, the
// header, then the rows, dates as YYYY-MM-DD HH:MM.
func Generate(w io.Writer, rows int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := io.WriteString(bw, "杭州示例食品有限公司 客户投诉处理台账\n"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	if err := cw.Write(Header()); err != nil {
		return err
	}
	g := newGenerator(rows, seed)
	var r row
	keys := fieldKeys()
	vals := make([]any, len(keys))
	rec := make([]string, len(keys))
	str := func(t time.Time) any {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02 15:04")
	}
	num := func(n int) any { return strconv.Itoa(n) }
	for range rows {
		g.next(&r)
		r.cells(keys, str, num, vals)
		for i, v := range vals {
			rec[i] = v.(string)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// excelEpoch is day 0 of Excel's 1900 date system.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is t's wall-clock time as an Excel 1900-system serial number.
func serial(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return wall.Sub(excelEpoch).Hours() / 24
}

// GenerateXLSX writes the same log as Generate (same rows for the same
// seed) to an xlsx workbook with excelize's StreamWriter: the sheet 投诉记录,
// a title row, the header, then the rows, dates as numeric cells with a
// date-time style, counts and amounts as numbers.
func GenerateXLSX(path string, rows int, seed uint64) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err := f.SetSheetName("Sheet1", Sheet); err != nil {
		return err
	}
	format := "yyyy-mm-dd hh:mm"
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(Sheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"杭州示例食品有限公司 客户投诉处理台账"}); err != nil {
		return err
	}
	hdr := Header()
	hv := make([]any, len(hdr))
	for i, h := range hdr {
		hv[i] = h
	}
	if err := sw.SetRow("A2", hv); err != nil {
		return err
	}
	g := newGenerator(rows, seed)
	var r row
	keys := fieldKeys()
	vals := make([]any, len(hdr))
	str := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: style, Value: serial(t)}
	}
	num := func(n int) any { return n }
	for i := range rows {
		g.next(&r)
		r.cells(keys, str, num, vals)
		for j, v := range vals {
			if s, ok := v.(string); ok && s == "" {
				vals[j] = nil
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+3)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
