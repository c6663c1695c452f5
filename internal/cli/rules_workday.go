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
// examples: a working-day receipt after the cut-off, and a receipt on a
// non-working day.
func showWorkingDayRule(w io.Writer, cfg *config.Config, cal *cn.Calendar) error {
	th := cfg.Thresholds
	cut, err := th.CutoffDuration()
	if err != nil {
		return err
	}
	rule := cn.NextWorkingDay
	start := "the next working day is day 0"
	if th.NonWorkingReceipt == "receipt_day" {
		rule = cn.ReceiptDay
		start = "the receipt date itself is day 0"
	}
	src := "the defaults"
	if cfg.Path != "" {
		src = cfg.Path
	}
	fmt.Fprintf(w, "\nrule in force (%s):\n", src)
	cutText := "a receipt on a working day at or after " + th.Cutoff + " starts on the next working day"
	if cut >= 24*time.Hour {
		cutText = "cut-off 24:00: a receipt on a working day is day 0 whatever its time"
	}
	fmt.Fprintf(w, "  %s; on a non-working day %s (thresholds.nonworking_receipt: %s).\n", cutText, start, th.NonWorkingReceipt)
	fmt.Fprintf(w, "  A simple complaint is resolved within %d working days: by the end of working day %d after day 0 (thresholds.simple_resolve_days); an open complex complaint is overdue after %d %s days (thresholds.complex_resolve_days, complex_resolve_unit).\n",
		th.SimpleResolveDays, th.SimpleResolveDays, th.ComplexResolveDays, th.ComplexResolveUnit)
	if rule == cn.NextWorkingDay {
		fmt.Fprintf(w, "  %s\n", cn.CountingRule)
	}
	fmt.Fprintln(w, "worked examples (from the calendar in force):")
	loc := time.FixedZone("CST", 8*3600)
	// Half an hour after the cut-off on the working day before National
	// Day, then a Saturday inside the holiday.
	late := time.Date(2026, 9, 30, 23, 30, 0, 0, loc)
	if cut < 24*time.Hour-30*time.Minute {
		late = time.Date(2026, 9, 30, 0, 0, 0, 0, loc).Add(cut + 30*time.Minute)
	}
	for _, recv := range []time.Time{late, time.Date(2026, 10, 3, 10, 0, 0, 0, loc)} {
		day0, known := cal.StartDayBy(recv, cut, rule)
		due, k := cal.DeadlineBy(recv, th.SimpleResolveDays, cut, rule)
		work, _ := cal.WorkdayOn(cn.Date{Year: recv.Year(), Month: recv.Month(), Day: recv.Day()})
		kind := "a working day"
		if !work {
			kind = "not a working day"
		}
		note := ""
		if !known || !k {
			note = " (provisional: the calendar has no notice for that year)"
		}
		fmt.Fprintf(w, "  received %s %s (%s): day 0 is %s %s; a simple complaint is due by the end of %s %s%s.\n",
			recv.Weekday().String()[:3], recv.Format("2006-01-02 15:04"), kind,
			day0.Weekday().String()[:3], day0, due.Weekday().String()[:3], due.Format("2006-01-02"), note)
	}
	return nil
}
