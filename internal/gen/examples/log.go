package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
)

// cst is China Standard Time. China has kept UTC+8 without daylight saving
// since 1991, so a fixed zone gives the same wall clock as Asia/Shanghai
// without depending on the host's time-zone database.
var cst = time.FixedZone("CST", 8*3600)

// asOf is the date the examples are built to be audited on.
var asOf = dossier.Date{Year: 2026, Month: time.November, Day: 23}

// asOfEnd is the last instant of the as-of day: nothing in the logs
// happens after it.
var asOfEnd = time.Date(2026, time.November, 23, 23, 59, 59, 0, cst)

// channelDef is an intake channel as the log generator uses it: its id,
// how often complaints arrive through it, and the minutes of the day
// between which they arrive.
type channelDef struct {
	id             string
	weight         int
	openMin, close int
}

// categoryDef holds the wording of one complaint category. Descriptions
// use {店} for a store and {品} for a product.
type categoryDef struct {
	code      string
	weight    int
	descs     []string
	steps     []string
	causes    [][2]string // root cause, corrective action
	riskHigh  float64
	riskMed   float64
	complexP  float64
	complexPl []string // handling plans for complex cases
}

var stores = []string{"西湖文三路店", "滨江星光大道店", "拱墅运河天地店", "上城湖滨店", "余杭未来科技城店", "萧山万象汇店"}

var products = []string{"鲜牛奶", "全麦吐司", "卤味拼盘", "三文鱼寿司便当", "鲜切水果杯", "手工虾仁水饺", "原味酸奶", "蜜汁烤鸡", "桂花糕", "牛肉饭套餐"}

// surnames pairs a surname with its pinyin for made-up e-mail addresses.
var surnames = [][2]string{
	{"陈", "chen"}, {"李", "li"}, {"王", "wang"}, {"张", "zhang"}, {"刘", "liu"}, {"杨", "yang"}, {"赵", "zhao"},
	{"黄", "huang"}, {"周", "zhou"}, {"吴", "wu"}, {"徐", "xu"}, {"孙", "sun"}, {"胡", "hu"}, {"朱", "zhu"},
	{"高", "gao"}, {"林", "lin"}, {"何", "he"}, {"郭", "guo"}, {"马", "ma"}, {"罗", "luo"}, {"梁", "liang"},
	{"宋", "song"}, {"郑", "zheng"}, {"谢", "xie"}, {"韩", "han"}, {"唐", "tang"}, {"冯", "feng"}, {"董", "dong"},
	{"程", "cheng"}, {"曹", "cao"}, {"袁", "yuan"}, {"邓", "deng"}, {"许", "xu"}, {"沈", "shen"}, {"彭", "peng"},
}

var categoryDefs = []categoryDef{
	{code: "quality", weight: 30, riskMed: 0.3, complexP: 0.08,
		descs:     []string{"在{店}购买的{品}有酸味，怀疑变质", "{店}购买的{品}中吃出异物（疑似塑料碎片）", "{店}货架上的{品}已过保质期仍在销售", "{店}购买的{品}包装胀袋漏气", "小程序下单的{品}口感异常，与以往不同"},
		steps:     []string{"受理登记并致电顾客致歉；调取购买记录并下架同批次商品；为顾客办理退款并补偿优惠券", "受理登记；门店店长上门取回样品并送质量安全部检验；检验后向顾客说明结果，退款并致歉", "受理登记；核实批次与保质期；全额退款并赠送同款商品"},
		causes:    [][2]string{{"门店冷柜温控器故障，夜间温度超标未被发现", "更换温控器，冷柜温度改为每2小时巡检记录"}, {"临期商品下架检查未执行到位", "启用临期商品系统预警，店长每日复核"}, {"供应商包装封口工艺不稳定", "向供应商发出质量整改通知，加严来货抽检"}, {"中央厨房分装环节防护不到位", "分装区增设防护罩并加强班前检查"}},
		complexPl: []string{"质量安全部抽检同批次产品，5个工作日内出具检验结论；期间每2天向顾客通报进度"}},
	{code: "food_safety", weight: 5, riskHigh: 0.5, riskMed: 0.5, complexP: 1,
		descs:     []string{"食用{店}购买的{品}后出现腹泻，要求说明", "{品}外包装未标注含坚果，家人食用后过敏", "在{店}就餐后多人肠胃不适"},
		steps:     []string{"受理登记并立即升级至质量安全部；封存同批次留样并送第三方检测；陪同顾客就医并承担医疗费用；向顾客书面说明检测结论"},
		causes:    [][2]string{{"同批次留样检测未见致病菌，顾客对过敏原信息知晓不足", "在外包装和小程序商品页醒目标注过敏原"}, {"冷链配送途中温度超标", "配送箱加装温度记录仪，超温批次一律拦截"}},
		complexPl: []string{"启动食品安全投诉应急预案：封存留样、第三方检测、医疗费用先行承担；每2天向顾客通报进度直至结案"}},
	{code: "service", weight: 18, riskMed: 0.05, complexP: 0.05,
		descs:     []string{"{店}收银员态度冷淡，顾客询问时不予理睬", "{店}员工拒绝开具发票", "{店}高峰期排队超过20分钟无人疏导"},
		steps:     []string{"受理登记；调取门店监控核实；店长当面致歉并赠送代金券", "受理登记；与当班员工核实情况；门店电话致歉并说明整改"},
		causes:    [][2]string{{"员工服务意识不足，未按服务规范应答", "开展服务规范复训并纳入月度考核"}, {"高峰期人手不足导致等待过长", "优化排班，高峰期增加收银岗"}},
		complexPl: []string{"门店运营部约谈相关员工并复核排班，5个工作日内反馈整改结果"}},
	{code: "delivery", weight: 17, riskMed: 0.1, complexP: 0.08,
		descs:     []string{"小程序订购的{品}配送超时1小时", "外卖{品}送达时汤汁洒漏", "配送员未按约定送货上门"},
		steps:     []string{"受理登记；核实配送轨迹；退还配送费并补偿优惠券", "受理登记；联系配送站核实；重新配送并致歉"},
		causes:    [][2]string{{"骑手调度高峰期运力不足", "与配送平台约定高峰期保障运力，超时自动补偿"}, {"外卖包装封口不牢", "更换防漏包装并增加封口检查"}},
		complexPl: []string{"物流配送部与配送平台联合调查，3个工作日内给出责任认定；期间向顾客通报进度"}},
	{code: "price", weight: 10, riskMed: 0.05, complexP: 0.05,
		descs:     []string{"{店}{品}价签价格与结算价格不一致", "会员积分未按活动规则到账", "满减活动结算时未自动优惠"},
		steps:     []string{"受理登记；核对价签与系统价格；退还差价并致歉", "受理登记；核查会员系统记录；补发积分并说明规则"},
		causes:    [][2]string{{"促销价签未及时更换", "价签更换纳入促销上线检查清单"}, {"会员积分规则说明不清", "修订积分规则说明并在收银台公示"}},
		complexPl: []string{"市场部核查促销系统配置，5个工作日内完成差价退还并说明原因"}},
	{code: "hygiene", weight: 8, riskMed: 0.2, complexP: 0.1,
		descs:     []string{"{店}就餐区桌面未及时清理", "{店}发现蟑螂", "{店}洗手间卫生差"},
		steps:     []string{"受理登记；店长现场检查并立即清洁；电话向顾客致歉", "受理登记；安排专业消杀；向顾客说明整改情况"},
		causes:    [][2]string{{"门店保洁频次不足", "就餐区改为每小时保洁并签字确认"}, {"灭鼠防虫服务商巡检漏项", "约谈服务商并增加月度第三方核查"}},
		complexPl: []string{"质量安全部组织专业消杀并复查，7日内向顾客反馈复查结果"}},
	{code: "refund", weight: 12, riskMed: 0.05, complexP: 0.05,
		descs:     []string{"小程序退款申请3天未到账", "{店}拒绝为未拆封的{品}办理退货", "线上订单取消后优惠券未退回"},
		steps:     []string{"受理登记；核查退款流水；人工加急退款并致歉", "受理登记；与门店核实政策执行；办理退货并致歉"},
		causes:    [][2]string{{"退款审核流程需人工转单，耗时较长", "小程序退款改为自动审核，小额即时到账"}, {"门店对退换货政策理解不一致", "统一退换货政策培训并张贴告示"}},
		complexPl: []string{"客户服务部协调财务核查支付通道，3个工作日内完成退款并通报"}},
}

// complaint is one generated row of a complaint log.
type complaint struct {
	id                                                         string
	received, ack, response, escalated, resolved, closed, fups time.Time
	channel, category, complexity, risk                        string
	description, complainant, phone, email                     string
	steps, plan, escalatedTo, status, handler                  string
	rootCause, action, satisfaction, feedback                  string
	updates                                                    int
	rehandled                                                  string // "", "yes" or "no"
	decided                                                    time.Time
	recourse                                                   string // "", "yes" or "no"
}

// logProfile shapes one organisation's log: its size and how carefully it
// keeps to the time limits. The probabilities are zero for an
// organisation that handles every complaint on time.
type logProfile struct {
	seed        uint64
	first, last time.Time // days of receipt, inclusive
	perDay      []int     // complaints per day are drawn from these
	idFormat    string
	channels    []channelDef
	handlers    []string
	senior      string // handles complex and high-risk complaints
	escalateTo  string
	satWeights  []int // very_satisfied, satisfied, neutral, dissatisfied

	lateAck, lateResp, slowSimple, noRootCause float64
}

var satisfactionValues = []string{"very_satisfied", "satisfied", "neutral", "dissatisfied"}

var feedbackText = map[string]string{
	"very_satisfied": "处理及时，非常满意",
	"satisfied":      "问题已解决，满意",
	"neutral":        "处理结果可以接受",
	"dissatisfied":   "对补偿方案不满意",
}

// dayAt returns the instant min minutes after midnight of day d.
func dayAt(d cn.Date, min int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, min, 0, 0, cst)
}

// serviceHours moves an instant outside 08:30–21:30, when the service
// desk is unstaffed, to the next morning's opening plus a little.
func serviceHours(t time.Time, r *rng) time.Time {
	m := t.Hour()*60 + t.Minute()
	switch {
	case m < 8*60+30:
		return dayAt(civil.Of(t), 8*60+30+r.between(0, 50))
	case m > 21*60+30:
		return dayAt(civil.Of(t).AddDays(1), 8*60+30+r.between(0, 50))
	}
	return t
}

// generateLog builds the rows of a log, in order of receipt.
func generateLog(p logProfile, cal *cn.Calendar, cutoff time.Duration) ([]complaint, error) {
	r := newRNG(p.seed)
	chW := make([]int, len(p.channels))
	for i, c := range p.channels {
		chW[i] = c.weight
	}
	catW := make([]int, len(categoryDefs))
	for i, c := range categoryDefs {
		catW[i] = c.weight
	}
	var rows []complaint
	for day := p.first; !day.After(p.last); day = day.AddDate(0, 0, 1) {
		n := pick(r, p.perDay)
		var today []complaint
		for range n {
			ch := p.channels[r.weighted(chW)]
			cat := &categoryDefs[r.weighted(catW)]
			c, err := generateRow(p, r, cal, cutoff, civil.Of(day), ch, cat)
			if err != nil {
				return nil, err
			}
			today = append(today, c)
		}
		sort.SliceStable(today, func(i, j int) bool { return today[i].received.Before(today[j].received) })
		rows = append(rows, today...)
	}
	for i := range rows {
		rows[i].id = fmt.Sprintf(p.idFormat, i+1)
	}
	return rows, nil
}

func generateRow(p logProfile, r *rng, cal *cn.Calendar, cutoff time.Duration, day cn.Date, ch channelDef, cat *categoryDef) (complaint, error) {
	c := complaint{channel: ch.id, category: cat.code}
	c.received = dayAt(day, r.between(ch.openMin, ch.close))

	switch x := float64(r.intn(1000)) / 1000; {
	case x < cat.riskHigh:
		c.risk = "high"
	case x < cat.riskHigh+cat.riskMed:
		c.risk = "medium"
	default:
		c.risk = "low"
	}
	complex := c.risk == "high" || r.chance(cat.complexP)
	c.complexity = "simple"
	if complex {
		c.complexity = "complex"
	}
	rep := strings.NewReplacer("{店}", pick(r, stores), "{品}", pick(r, products))
	c.description = rep.Replace(pick(r, cat.descs))
	sn := pick(r, surnames)
	c.complainant = sn[0] + pick(r, []string{"先生", "女士"})
	c.phone = fmt.Sprintf("13%d%08d", r.intn(10), r.intn(100_000_000))
	if ch.id == "email" {
		c.email = fmt.Sprintf("%s%d@example.com", sn[1], r.between(10, 9999))
	}
	c.handler = pick(r, p.handlers)
	if complex {
		c.handler = p.senior
	}

	// Contact, then progress feedback.
	if r.chance(p.lateAck) {
		c.ack = c.received.Add(time.Duration(r.between(26*60, 44*60)) * time.Minute)
	} else {
		c.ack = serviceHours(c.received.Add(time.Duration(r.between(5, 55))*time.Minute), r)
	}
	if r.chance(p.lateResp) {
		c.response = c.received.Add(time.Duration(r.between(50*60, 80*60)) * time.Minute)
	} else {
		c.response = serviceHours(c.ack.Add(time.Duration(r.between(40, 300))*time.Minute), r)
	}
	if c.response.Before(c.ack) {
		c.response = c.ack.Add(time.Duration(r.between(30, 90)) * time.Minute)
	}
	if c.risk == "high" {
		c.escalated = c.received.Add(time.Duration(r.between(20, 150)) * time.Minute)
		c.escalatedTo = p.escalateTo
	}

	// Resolution, counted in working days from day 0 as the checks do.
	day0, _ := cal.StartDay(c.received, cutoff)
	resolveOn := func(k int) (time.Time, bool) {
		d := dayAt(day0, 0)
		if k > 0 {
			d, _ = cal.AddWorkingDays(d, k)
		}
		t := d.Add(time.Duration(r.between(600, 1080)) * time.Minute)
		if t.Before(c.response.Add(15 * time.Minute)) {
			t = c.response.Add(time.Duration(r.between(15, 75)) * time.Minute)
		}
		return t, civil.Of(t) == civil.Of(d) && t.Hour() < 21
	}
	var k int
	switch {
	case complex:
		k = r.between(3, 7)
		c.plan = pick(r, cat.complexPl)
		c.updates = r.between(2, 4)
	case r.chance(p.slowSimple):
		k = r.between(4, 6)
	case r.chance(0.45):
		k = 0
	default:
		k = 1
	}
	for ; ; k++ {
		t, ok := resolveOn(k)
		if ok {
			c.resolved = t
			break
		}
		if k > 20 {
			return c, fmt.Errorf("no resolution day found for a complaint received %s", c.received)
		}
	}
	if !complex && k > 0 && r.chance(0.3) {
		c.updates = 1
	}

	// Follow-up the next day, then closing.
	c.fups = dayAt(civil.Of(c.resolved).AddDays(1), r.between(600, 1020))
	c.closed = c.fups.Add(time.Duration(r.between(10, 90)) * time.Minute)
	c.satisfaction = satisfactionValues[r.weighted(p.satWeights)]
	c.feedback = feedbackText[c.satisfaction]
	c.steps = pick(r, cat.steps)
	c.rehandled = "no"
	// The decision is communicated right after the resolution; drawn from
	// the resolution time, not the generator, so the rest of the log is
	// the same with or without the column.
	c.decided = c.resolved.Add(time.Duration(15+c.resolved.Minute()%30) * time.Minute)
	if c.satisfaction == "dissatisfied" {
		c.rehandled, c.recourse = "yes", "yes"
		c.steps += "；回访不满意后由主管二次处理，追加补偿；告知可申请内部复核，或向12315投诉、申请调解"
		c.feedback += "，二次处理后表示接受"
	}
	cause := pick(r, cat.causes)
	c.rootCause, c.action = cause[0], cause[1]
	if r.chance(p.noRootCause) {
		c.rootCause, c.action = "", ""
	}
	c.status = "closed"
	settle(&c)
	return c, nil
}

// settle rewinds a row to what was known at the end of the as-of day:
// whatever would happen later is blanked and the status set to match.
func settle(c *complaint) {
	after := func(t time.Time) bool { return t.After(asOfEnd) }
	switch {
	case after(c.resolved):
		c.status = "in_progress"
		c.resolved, c.fups, c.closed = time.Time{}, time.Time{}, time.Time{}
		c.satisfaction, c.feedback, c.rehandled = "", "", ""
		c.decided, c.recourse = time.Time{}, ""
		c.rootCause, c.action = "", ""
		c.steps = "受理登记并致歉；正在核实处理"
		if c.plan != "" {
			c.steps = "受理登记并致歉；已制定处理方案，正在执行"
		}
		for _, t := range []*time.Time{&c.ack, &c.response, &c.escalated} {
			if after(*t) {
				*t = time.Time{}
			}
		}
		if c.plan != "" {
			c.updates = 0
			if !c.response.IsZero() {
				c.updates = 1
			}
		}
	case after(c.closed):
		c.status = "resolved"
		c.fups, c.closed = time.Time{}, time.Time{}
		c.satisfaction, c.feedback, c.rehandled, c.recourse = "", "", "", ""
		if after(c.decided) {
			c.decided = c.resolved
		}
	}
}

// logColumns is how each complaint-log column is filled from a row; zh
// selects the Chinese spelling of the enumerated values.
func (c *complaint) cell(key string, zh bool) (text string, when time.Time) {
	enum := func(v string) string {
		if zh {
			return enumZH[v]
		}
		return v
	}
	switch key {
	case "id":
		return c.id, time.Time{}
	case "received_at":
		return "", c.received
	case "channel":
		return c.channel, time.Time{}
	case "category":
		return c.category, time.Time{}
	case "complexity":
		return enum(c.complexity), time.Time{}
	case "risk":
		return enum(c.risk), time.Time{}
	case "description":
		return c.description, time.Time{}
	case "complainant":
		return c.complainant, time.Time{}
	case "phone":
		return c.phone, time.Time{}
	case "email":
		return c.email, time.Time{}
	case "acknowledged_at":
		return "", c.ack
	case "first_response_at":
		return "", c.response
	case "steps":
		return c.steps, time.Time{}
	case "plan":
		return c.plan, time.Time{}
	case "updates":
		return fmt.Sprint(c.updates), time.Time{}
	case "escalated_at":
		return "", c.escalated
	case "escalated_to":
		return c.escalatedTo, time.Time{}
	case "resolved_at":
		return "", c.resolved
	case "closed_at":
		return "", c.closed
	case "status":
		return enum(c.status), time.Time{}
	case "handler":
		return c.handler, time.Time{}
	case "root_cause":
		return c.rootCause, time.Time{}
	case "corrective_action":
		return c.action, time.Time{}
	case "follow_up_at":
		return "", c.fups
	case "satisfaction":
		return enum(c.satisfaction), time.Time{}
	case "feedback":
		return c.feedback, time.Time{}
	case "rehandled":
		return enum(c.rehandled), time.Time{}
	case "decision_communicated_at":
		return "", c.decided
	case "recourse_offered":
		return enum(c.recourse), time.Time{}
	case "charge":
		return "0", time.Time{}
	}
	return "", time.Time{}
}

// enumZH spells enumerated values the way a Chinese CRM export does; the
// loader maps them back to the canonical values.
var enumZH = map[string]string{
	"": "", "simple": "简单", "complex": "复杂", "low": "低", "medium": "中", "high": "高",
	"open": "待处理", "in_progress": "处理中", "resolved": "已解决", "closed": "已关闭",
	"very_satisfied": "非常满意", "satisfied": "满意", "neutral": "一般", "dissatisfied": "不满意",
	"yes": "是", "no": "否",
}

const timeLayout = "2006-01-02 15:04"

// logCSV renders a log as a Chinese CRM export: UTF-8 with a byte-order
// mark (as Excel writes it), a title row, then the Chinese headers.
func logCSV(title string, rows []complaint) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	fields := dossier.ComplaintFields()
	hdr := make([]string, len(fields))
	for i, f := range fields {
		hdr[i] = f.ZH
	}
	if err := w.Write([]string{title}); err != nil {
		return nil, err
	}
	if err := w.Write(hdr); err != nil {
		return nil, err
	}
	rec := make([]string, len(fields))
	for i := range rows {
		for j, f := range fields {
			text, when := rows[i].cell(f.Key, true)
			if !when.IsZero() {
				text = when.Format(timeLayout)
			}
			rec[j] = text
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// logRates are the measured values the objectives report, computed from
// the generated rows with the checks' definitions.
type logRates struct {
	ack, response, simple, satisfied float64 // percent
	simpleHours                      float64 // mean hours to resolve a simple complaint
}

func measure(rows []complaint, cal *cn.Calendar, cutoff time.Duration) logRates {
	var ackN, ackOK, respN, respOK, simN, simOK, ratedN, satOK, hoursN int
	var hours float64
	within := func(at, limit time.Time, n, ok *int) {
		switch {
		case !at.IsZero():
			*n++
			if !at.After(limit) {
				*ok++
			}
		case asOfEnd.After(limit):
			*n++
		}
	}
	for i := range rows {
		c := &rows[i]
		within(c.ack, c.received.Add(24*time.Hour), &ackN, &ackOK)
		within(c.response, c.received.Add(48*time.Hour), &respN, &respOK)
		if c.complexity == "simple" {
			due, _ := cal.Deadline(c.received, 3, cutoff)
			within(c.resolved, due, &simN, &simOK)
			if !c.resolved.IsZero() {
				hours += c.resolved.Sub(c.received).Hours()
				hoursN++
			}
		}
		if c.satisfaction != "" {
			ratedN++
			if c.satisfaction == "very_satisfied" || c.satisfaction == "satisfied" {
				satOK++
			}
		}
	}
	pct := func(ok, n int) float64 {
		if n == 0 {
			return 100
		}
		return math.Round(1000*float64(ok)/float64(n)) / 10
	}
	return logRates{
		ack: pct(ackOK, ackN), response: pct(respOK, respN), simple: pct(simOK, simN), satisfied: pct(satOK, ratedN),
		simpleHours: math.Round(10*hours/float64(max(hoursN, 1))) / 10,
	}
}
