package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
)

// workingDayChecks are the checks whose figures rest on the working-day
// rule; `rules show` prints the rule in force for them, with examples
// computed from the calendar rather than written out by hand.
var workingDayChecks = map[string]bool{"handling.simple-3wd": true, "handling.overdue-open": true, "handling.complex-plan": true}

// showWorkingDayRule prints the working-day rule under cfg and two worked
// examples, in lang: a working-day receipt after the cut-off, and a receipt
// on a non-working day.
func showWorkingDayRule(w io.Writer, cfg *config.Config, cal *cn.Calendar, lang string) error {
	th := cfg.Thresholds
	cut, err := th.CutoffDuration()
	if err != nil {
		return err
	}
	zh := lang == "zh"
	tr := func(en, zhs string) string {
		if zh {
			return zhs
		}
		return en
	}
	rule := cn.NextWorkingDay
	start := tr("the next working day is day 0", "以下一个工作日为第0日")
	if th.NonWorkingReceipt == "receipt_day" {
		rule = cn.ReceiptDay
		start = tr("the receipt date itself is day 0", "以受理当日为第0日")
	}
	src := tr("the defaults", "默认值")
	if cfg.Path != "" {
		src = cfg.Path
	}
	fmt.Fprintf(w, tr("\nrule in force (%s):\n", "\n现行规则（%s）：\n"), src)
	cutText := fmt.Sprintf(tr("a receipt on a working day at or after %s starts on the next working day", "工作日 %s 及以后受理的投诉自下一个工作日起算"), th.Cutoff)
	if cut >= 24*time.Hour {
		cutText = tr("cut-off 24:00: a receipt on a working day is day 0 whatever its time", "截止时间 24:00：工作日受理的投诉不论时间均以当日为第0日")
	}
	fmt.Fprintf(w, tr("  %s; on a non-working day %s (thresholds.nonworking_receipt: %s).\n", "  %s；非工作日受理的%s（thresholds.nonworking_receipt: %s）。\n"), cutText, start, th.NonWorkingReceipt)
	unit := th.ComplexResolveUnit
	if zh {
		unit = map[string]string{"calendar": "个自然日", "working": "个工作日"}[unit]
	} else {
		unit += " days"
	}
	fmt.Fprintf(w, tr("  A simple complaint is resolved within %d working days: by the end of working day %d after day 0 (thresholds.simple_resolve_days); an open complex complaint is overdue after %d %s (thresholds.complex_resolve_days, complex_resolve_unit).\n",
		"  简单投诉应在 %d 个工作日内办结：即第0日之后第 %d 个工作日结束前（thresholds.simple_resolve_days）；未办结的复杂投诉超过 %d %s即为逾期（thresholds.complex_resolve_days、complex_resolve_unit）。\n"),
		th.SimpleResolveDays, th.SimpleResolveDays, th.ComplexResolveDays, unit)
	if rule == cn.NextWorkingDay {
		fmt.Fprintf(w, "  %s\n", tr(cn.CountingRule, cn.CountingRuleZH))
	}
	fmt.Fprintln(w, tr("worked examples (from the calendar in force):", "示例（按现行日历计算）："))
	loc := time.FixedZone("CST", 8*3600)
	// Half an hour after the cut-off on the working day before National
	// Day, then a Saturday inside the holiday.
	late := time.Date(2026, 9, 30, 23, 30, 0, 0, loc)
	if cut < 24*time.Hour-30*time.Minute {
		late = time.Date(2026, 9, 30, 0, 0, 0, 0, loc).Add(cut + 30*time.Minute)
	}
	wd := func(t time.Weekday) string {
		if zh {
			return "周" + []string{"日", "一", "二", "三", "四", "五", "六"}[t]
		}
		return t.String()[:3]
	}
	for _, recv := range []time.Time{late, time.Date(2026, 10, 3, 10, 0, 0, 0, loc)} {
		day0, known := cal.StartDayBy(recv, cut, rule)
		due, k := cal.DeadlineBy(recv, th.SimpleResolveDays, cut, rule)
		work, _ := cal.WorkdayOn(cn.Date{Year: recv.Year(), Month: recv.Month(), Day: recv.Day()})
		kind := tr("a working day", "工作日")
		if !work {
			kind = tr("not a working day", "非工作日")
		}
		note := ""
		if !known || !k {
			note = tr(" (provisional: the calendar has no notice for that year)", "（暂定：日历中尚无该年度通知）")
		}
		fmt.Fprintf(w, tr("  received %s %s (%s): day 0 is %s %s; a simple complaint is due by the end of %s %s%s.\n",
			"  %s %s（%s）受理：第0日为 %s %s；简单投诉应于 %s %s 结束前办结%s。\n"),
			wd(recv.Weekday()), recv.Format("2006-01-02 15:04"), kind,
			wd(day0.Weekday()), day0, wd(due.Weekday()), due.Format("2006-01-02"), note)
	}
	return nil
}
