package cn

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/civil"
)

// DefaultCutoff is the time of day (17:30) from which a complaint received
// on a working day is treated as received on the next working day. It is
// the usual end of office hours for Chinese customer-service desks.
const DefaultCutoff = 17*time.Hour + 30*time.Minute

// CountingRule states, in English, how working-day deadlines are counted.
// It is printed verbatim by the CLI so that the organisation being audited
// can see, and dispute, exactly the rule the figures rest on.
const CountingRule = "Working days follow the State Council's annual holiday notices: " +
	"Saturdays, Sundays and statutory holidays are not working days, except weekend days " +
	"the notice designates as make-up working days. Day 0 is the day of receipt if the " +
	"complaint is received on a working day before the cut-off time (17:30 local time " +
	"unless configured otherwise); otherwise day 0 is the next working day, so a complaint " +
	"received on a Saturday, Sunday or public holiday starts on the next working day. " +
	"\"Resolved within N working days\" means resolved no later than the end " +
	"(23:59:59.999 local time) of the N-th working day after day 0. For years without a " +
	"published notice, Monday to Friday are assumed to be working days and the result is " +
	"marked as provisional."

// CountingRuleZH is CountingRule in Chinese, printed verbatim by the CLI.
const CountingRuleZH = "工作日依据国务院办公厅每年发布的部分节假日安排通知确定：周六、周日及法定节假日不计为工作日，" +
	"但通知明确调休上班的周末除外。投诉在工作日的截止时间（除另行配置外为当地时间17:30）之前收到的，" +
	"以收到当日为第0日；否则以下一个工作日为第0日，因此在周六、周日或法定节假日收到的投诉自下一个工作日起算。" +
	"“N个工作日内办结”是指不迟于第0日之后第N个工作日结束时（当地时间23:59:59.999）办结。" +
	"尚未发布节假日安排通知的年份，按周一至周五为工作日推算，结果标注为暂定。"

// Coverage states which years the embedded calendar holds and how a user
// adds one, for the working-day checks' documentation (rules show). A test
// keeps the years named here equal to Default().Years().
//
// 2027 is absent on purpose: the State Council's notice for 2027 (国务院办公厅
// 关于2027年部分节假日安排的通知) could not be read from a published text when
// the data was last updated, and the maintained calendar data checked
// against (NateScarlet/holiday-cn, 2027.json) still listed no notice for it.
// A year is added only from the notice's own text, cited in its source.
const Coverage = "The embedded calendar holds the State Council notices for 2024, 2025 and 2026. " +
	"2027 is not included: its notice (国务院办公厅关于2027年部分节假日安排的通知) had not been confirmed from a published text when the calendar was last updated. " +
	"Until a release includes it, add the year from the notice under calendar: in certready.yaml, which adds a missing year or replaces an embedded one entirely, e.g. " +
	"calendar: {2027: {source: \"国务院办公厅关于2027年部分节假日安排的通知\", holidays: [2027-01-01, \"2027-MM-DD..2027-MM-DD\"], workdays: [2027-MM-DD]}} " +
	"(holidays are the days off, weekend days inside a holiday period included; workdays are the weekend days the notice makes working days)."

// CoverageZH is Coverage in Chinese.
const CoverageZH = "内置工作日历包含国务院办公厅2024、2025、2026年节假日安排通知。" +
	"未包含2027年：更新日历时尚未能从公开发布的原文核实《国务院办公厅关于2027年部分节假日安排的通知》。" +
	"在新版本收录之前，可依据通知原文在 certready.yaml 的 calendar 中添加该年度（新增缺少的年份，或整体替换内置年份），例如 " +
	"calendar: {2027: {source: \"国务院办公厅关于2027年部分节假日安排的通知\", holidays: [2027-01-01, \"2027-MM-DD..2027-MM-DD\"], workdays: [2027-MM-DD]}}" +
	"（holidays 为放假日期，含假期内的周末；workdays 为通知规定调休上班的周末）。"

// endOfDayNanos puts a deadline at 23:59:59.999, the instant stated in
// CountingRule, so that the printed rule and the computed figures agree.
const endOfDayNanos = int(999 * time.Millisecond)

//go:embed calendar_data.yaml
var calendarData []byte

// YearData is one year's State Council holiday arrangement. It is also the
// shape accepted from configuration, so that an organisation can add next
// year's notice before this package is updated.
//
// In YAML, each list entry is a date (YYYY-MM-DD) or an inclusive range
// written "YYYY-MM-DD..YYYY-MM-DD", because notices announce periods and a
// transcribed range is easier to check against the notice than eight lines.
type YearData struct {
	// Source names the notice the data was taken from, for citation.
	Source string `yaml:"source,omitempty"`
	// Holidays are the days off, including weekend days inside a holiday
	// period.
	Holidays []Date `yaml:"holidays"`
	// Workdays are the weekend days declared make-up working days (调休).
	Workdays []Date `yaml:"workdays"`
}

// UnmarshalYAML accepts ranges and rejects unknown keys: a misspelt
// "holiday:" key would otherwise silently drop a year's holidays.
func (y *YearData) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a year must be a mapping with source, holidays and workdays", n.Line)
	}
	var out YearData
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var err error
		switch k.Value {
		case "source":
			err = v.Decode(&out.Source)
		case "holidays":
			out.Holidays, err = decodeDateList(v)
		case "workdays":
			out.Workdays, err = decodeDateList(v)
		default:
			err = fmt.Errorf("line %d: unknown key %q (expected source, holidays or workdays)", k.Line, k.Value)
		}
		if err != nil {
			return err
		}
	}
	*y = out
	return nil
}

func decodeDateList(n *yaml.Node) ([]Date, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("line %d: expected a list of dates", n.Line)
	}
	var out []Date
	for _, item := range n.Content {
		var it string
		if err := item.Decode(&it); err != nil {
			return nil, err
		}
		ds, err := ParseDateOrRange(it)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", item.Line, err)
		}
		out = append(out, ds...)
	}
	return out, nil
}

// ParseDateOrRange reads one entry of a year's holidays or workdays: a
// date (YYYY-MM-DD) or an inclusive range "YYYY-MM-DD..YYYY-MM-DD", as
// notices announce periods. Configuration uses it too, so certready.yaml
// accepts what the embedded data does.
func ParseDateOrRange(s string) ([]Date, error) {
	from, to, isRange := strings.Cut(s, "..")
	a, err := civil.Parse(strings.TrimSpace(from))
	if err != nil {
		return nil, err
	}
	if !isRange {
		return []Date{a}, nil
	}
	b, err := civil.Parse(strings.TrimSpace(to))
	if err != nil {
		return nil, err
	}
	// A range can never exceed a year, since every date must lie in the
	// year it is listed under; the bound also stops a typo such as
	// 2024-01-01..9999-12-31 from allocating millions of dates.
	if b.Before(a) || b.After(a.AddDays(366)) {
		return nil, fmt.Errorf("range %q must run forwards and stay within a year", s)
	}
	var out []Date
	for d := a; !d.After(b); d = d.AddDays(1) {
		out = append(out, d)
	}
	return out, nil
}

// yearSet is the lookup form of YearData.
type yearSet struct {
	source   string
	holidays map[Date]struct{}
	workdays map[Date]struct{}
}

// Calendar answers working-day questions for mainland China. It is
// immutable after construction, so one value may be shared by goroutines;
// With returns a new Calendar rather than changing the receiver.
type Calendar struct {
	years map[int]yearSet
}

var defaultCalendar = sync.OnceValue(func() *Calendar {
	var years map[int]YearData
	if err := yaml.Unmarshal(calendarData, &years); err != nil {
		panic("cn: embedded calendar_data.yaml: " + err.Error())
	}
	c, err := New(years)
	if err != nil {
		panic("cn: embedded calendar_data.yaml: " + err.Error())
	}
	return c
})

// Default returns the calendar built from the embedded State Council
// notices (currently 2024–2026). The same immutable value is returned on
// every call.
func Default() *Calendar { return defaultCalendar() }

// New builds a calendar from the given years only; most callers want
// Default().With(...) instead so as to keep the embedded years.
func New(years map[int]YearData) (*Calendar, error) {
	return (&Calendar{}).With(years)
}

// With returns a calendar in which each year in extra replaces that year
// entirely (a year's notice is a whole, so merging dates would leave stale
// holidays behind). It rejects a date outside the year it is listed under,
// a date listed both as a holiday and as a workday, and a make-up workday
// on Monday–Friday, which can only be a transcription error.
func (c *Calendar) With(extra map[int]YearData) (*Calendar, error) {
	out := &Calendar{years: make(map[int]yearSet, len(extra))}
	if c != nil {
		for y, s := range c.years {
			out.years[y] = s // yearSets are never mutated, so sharing is safe
		}
	}
	var errs []error
	for _, y := range slices.Sorted(maps.Keys(extra)) {
		s, err := buildYear(y, extra[y])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.years[y] = s
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func buildYear(year int, yd YearData) (yearSet, error) {
	s := yearSet{
		source:   yd.Source,
		holidays: make(map[Date]struct{}, len(yd.Holidays)),
		workdays: make(map[Date]struct{}, len(yd.Workdays)),
	}
	var errs []error
	for _, d := range yd.Holidays {
		if d.Year != year || !d.Valid() {
			errs = append(errs, fmt.Errorf("cn: calendar year %d: holiday %v is not a date in %d", year, d, year))
			continue
		}
		s.holidays[d] = struct{}{}
	}
	for _, d := range yd.Workdays {
		switch {
		case d.Year != year || !d.Valid():
			errs = append(errs, fmt.Errorf("cn: calendar year %d: workday %v is not a date in %d", year, d, year))
			continue
		case !isWeekend(d):
			errs = append(errs, fmt.Errorf("cn: calendar year %d: workday %v is a %v; only weekend days can be make-up workdays", year, d, d.Weekday()))
			continue
		}
		if _, dup := s.holidays[d]; dup {
			errs = append(errs, fmt.Errorf("cn: calendar year %d: %v is listed both as a holiday and as a workday", year, d))
			continue
		}
		s.workdays[d] = struct{}{}
	}
	return s, errors.Join(errs...)
}

func isWeekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// Known reports whether the calendar has a State Council notice for year.
func (c *Calendar) Known(year int) bool {
	_, ok := c.years[year]
	return ok
}

// Years returns the known years in ascending order.
func (c *Calendar) Years() []int {
	out := make([]int, 0, len(c.years))
	for y := range c.years {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// Year returns a sorted copy of one year's data, so that a CLI can print
// the calendar it used; ok is false for an unknown year.
func (c *Calendar) Year(year int) (yd YearData, ok bool) {
	s, ok := c.years[year]
	if !ok {
		return YearData{}, false
	}
	yd.Source = s.source
	for d := range s.holidays {
		yd.Holidays = append(yd.Holidays, d)
	}
	for d := range s.workdays {
		yd.Workdays = append(yd.Workdays, d)
	}
	slices.SortFunc(yd.Holidays, Date.Compare)
	slices.SortFunc(yd.Workdays, Date.Compare)
	return yd, true
}

// DayKind classifies a date for explaining deadlines ("the 3rd was a
// statutory holiday"), which a bare working/not-working flag cannot do.
type DayKind int

// The kinds of day a Calendar distinguishes.
const (
	// Workday is an ordinary Monday–Friday working day.
	Workday DayKind = iota
	// Weekend is an ordinary Saturday or Sunday.
	Weekend
	// Holiday is a day inside a statutory holiday period.
	Holiday
	// MakeUpWorkday is a weekend day declared a working day (调休上班).
	MakeUpWorkday
)

// IsWorking reports whether a day of this kind counts as a working day.
func (k DayKind) IsWorking() bool { return k == Workday || k == MakeUpWorkday }

// String returns a lower-case English label.
func (k DayKind) String() string {
	switch k {
	case Workday:
		return "workday"
	case Weekend:
		return "weekend"
	case Holiday:
		return "holiday"
	case MakeUpWorkday:
		return "make-up workday"
	}
	return fmt.Sprintf("DayKind(%d)", int(k))
}

// StringZH returns the Chinese label.
func (k DayKind) StringZH() string {
	switch k {
	case Workday:
		return "工作日"
	case Weekend:
		return "周末"
	case Holiday:
		return "法定节假日"
	case MakeUpWorkday:
		return "调休上班日"
	}
	return k.String()
}

// KindOf classifies d. For a year without a notice it falls back to
// Monday–Friday working and reports known=false, so that the caller can
// flag the answer as provisional rather than refuse to answer.
func (c *Calendar) KindOf(d Date) (kind DayKind, known bool) {
	s, known := c.years[d.Year]
	if known {
		if _, ok := s.holidays[d]; ok {
			return Holiday, true
		}
		if _, ok := s.workdays[d]; ok {
			return MakeUpWorkday, true
		}
	}
	if isWeekend(d) {
		return Weekend, known
	}
	return Workday, known
}

// WorkdayOn reports whether the civil date d is a working day; see KindOf
// for the meaning of known.
func (c *Calendar) WorkdayOn(d Date) (work, known bool) {
	k, known := c.KindOf(d)
	return k.IsWorking(), known
}

// IsWorkday reports whether the civil date of t, in t's own location, is a
// working day; see KindOf for the meaning of known.
func (c *Calendar) IsWorkday(t time.Time) (work, known bool) {
	return c.WorkdayOn(civil.Of(t))
}

// nextWorkday returns the first working day strictly after d.
func (c *Calendar) nextWorkday(d Date) (Date, bool) {
	known := true
	for {
		d = d.AddDays(1)
		w, k := c.WorkdayOn(d)
		known = known && k
		if w {
			return d, known
		}
	}
}

// prevWorkday returns the last working day strictly before d.
func (c *Calendar) prevWorkday(d Date) (Date, bool) {
	known := true
	for {
		d = d.AddDays(-1)
		w, k := c.WorkdayOn(d)
		known = known && k
		if w {
			return d, known
		}
	}
}

// addWorkdays moves n working days from d, skipping non-working days.
func (c *Calendar) addWorkdays(d Date, n int) (Date, bool) {
	known := true
	var k bool
	for ; n > 0; n-- {
		d, k = c.nextWorkday(d)
		known = known && k
	}
	for ; n < 0; n++ {
		d, k = c.prevWorkday(d)
		known = known && k
	}
	return d, known
}

func timeOfDay(t time.Time) time.Duration {
	h, m, s := t.Clock()
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute +
		time.Duration(s)*time.Second + time.Duration(t.Nanosecond())
}

// StartDay returns day 0 for a complaint received at received, following
// CountingRule: the day of receipt if it is a working day and the time of
// day is before cutoff, otherwise the next working day. A cutoff of zero or
// less means DefaultCutoff, so that an unset configuration value behaves
// sensibly; a cutoff of 24h or more makes every working-day receipt count
// on the same day.
func (c *Calendar) StartDay(received time.Time, cutoff time.Duration) (day0 Date, known bool) {
	if cutoff <= 0 {
		cutoff = DefaultCutoff
	}
	d := civil.Of(received)
	work, known := c.WorkdayOn(d)
	if work && timeOfDay(received) < cutoff {
		return d, known
	}
	next, k := c.nextWorkday(d)
	return next, known && k
}

// StartRule says which day is day 0 for a complaint received on a
// non-working day.
type StartRule int

// The start rules.
const (
	// NextWorkingDay makes the next working day day 0 (CountingRule).
	NextWorkingDay StartRule = iota
	// ReceiptDay makes the receipt date day 0 even when it is not a
	// working day, as organisations that staff weekends count.
	ReceiptDay
)

// StartDayBy is StartDay under rule: with ReceiptDay a receipt on a
// non-working day starts the count on its own date.
func (c *Calendar) StartDayBy(received time.Time, cutoff time.Duration, rule StartRule) (day0 Date, known bool) {
	if rule == ReceiptDay {
		d := civil.Of(received)
		if work, known := c.WorkdayOn(d); !work {
			return d, known
		}
	}
	return c.StartDay(received, cutoff)
}

// DeadlineBy is Deadline under rule.
func (c *Calendar) DeadlineBy(received time.Time, n int, cutoff time.Duration, rule StartRule) (deadline time.Time, known bool) {
	day0, known := c.StartDayBy(received, cutoff, rule)
	dn, k := c.addWorkdays(day0, max(n, 0))
	return time.Date(dn.Year, dn.Month, dn.Day, 23, 59, 59, endOfDayNanos, received.Location()), known && k
}

// Deadline returns the last instant, in received's location, at which a
// complaint received at received still counts as resolved within n working
// days under CountingRule: 23:59:59.999 on the n-th working day after day
// 0. Negative n is treated as 0. known is false if any day examined falls
// in a year without a notice, in which case the answer assumed Monday to
// Friday working and should be shown as provisional.
func (c *Calendar) Deadline(received time.Time, n int, cutoff time.Duration) (deadline time.Time, known bool) {
	day0, known := c.StartDay(received, cutoff)
	dn, k := c.addWorkdays(day0, max(n, 0))
	return time.Date(dn.Year, dn.Month, dn.Day, 23, 59, 59, endOfDayNanos, received.Location()), known && k
}

// WorkingDaysBetween returns how many working days after day 0 (see
// StartDay) the instant end falls, such that end is within the deadline
// for n working days exactly when the result is at most n. An end on a
// non-working day counts as the next working day, because it is already
// past the end of the previous one; an end on or before day 0 gives 0. end
// is read in start's location, the office where the complaint arrived. The
// function does not detect an end before start: an audit should report
// such records as data errors rather than as fast resolutions.
func (c *Calendar) WorkingDaysBetween(start, end time.Time, cutoff time.Duration) (days int, known bool) {
	day0, known := c.StartDay(start, cutoff)
	e := civil.Of(end.In(start.Location()))
	if !e.After(day0) {
		return 0, known
	}
	if w, _ := c.WorkdayOn(e); !w {
		var k bool
		e, k = c.nextWorkday(e)
		known = known && k
	}
	for d := day0; d.Before(e); {
		var k bool
		d, k = c.nextWorkday(d)
		known = known && k
		days++
	}
	return days, known
}

// AddWorkingDays returns start moved n working days forwards (backwards
// for negative n) at the same clock time, counting only days strictly after
// (before) start's date, so start itself need not be a working day. It
// applies no cut-off; use Deadline for complaint-handling commitments.
func (c *Calendar) AddWorkingDays(start time.Time, n int) (t time.Time, known bool) {
	d, known := c.addWorkdays(civil.Of(start), n)
	h, m, s := start.Clock()
	return time.Date(d.Year, d.Month, d.Day, h, m, s, start.Nanosecond(), start.Location()), known
}
