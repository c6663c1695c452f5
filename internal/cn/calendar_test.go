package cn

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// shanghai is a fixed +08:00 zone so the tests do not depend on the
// host's tz database.
var shanghai = time.FixedZone("CST", 8*60*60)

func at(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, shanghai)
}

func endOf(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 23, 59, 59, 999_000_000, shanghai)
}

// span expands an inclusive range within one month.
func span(y int, m time.Month, from, to int) []Date {
	var out []Date
	for d := from; d <= to; d++ {
		out = append(out, Date{Year: y, Month: m, Day: d})
	}
	return out
}

func concat(parts ...[]Date) []Date { return slices.Concat(parts...) }

// statutory is the checked truth from the State Council notices, written
// out independently of calendar_data.yaml so that a transcription error in
// either shows up as a difference.
var statutory = map[int]YearData{
	2024: {
		Holidays: concat(span(2024, 1, 1, 1), span(2024, 2, 10, 17), span(2024, 4, 4, 6), span(2024, 5, 1, 5),
			span(2024, 6, 10, 10), span(2024, 9, 15, 17), span(2024, 10, 1, 7)),
		Workdays: []Date{{Year: 2024, Month: 2, Day: 4}, {Year: 2024, Month: 2, Day: 18}, {Year: 2024, Month: 4, Day: 7}, {Year: 2024, Month: 4, Day: 28}, {Year: 2024, Month: 5, Day: 11}, {Year: 2024, Month: 9, Day: 14}, {Year: 2024, Month: 9, Day: 29}, {Year: 2024, Month: 10, Day: 12}},
	},
	2025: {
		Holidays: concat(span(2025, 1, 1, 1), span(2025, 1, 28, 31), span(2025, 2, 1, 4), span(2025, 4, 4, 6), span(2025, 5, 1, 5),
			span(2025, 5, 31, 31), span(2025, 6, 1, 2), span(2025, 10, 1, 8)),
		Workdays: []Date{{Year: 2025, Month: 1, Day: 26}, {Year: 2025, Month: 2, Day: 8}, {Year: 2025, Month: 4, Day: 27}, {Year: 2025, Month: 9, Day: 28}, {Year: 2025, Month: 10, Day: 11}},
	},
	2026: {
		Holidays: concat(span(2026, 1, 1, 3), span(2026, 2, 15, 23), span(2026, 4, 4, 6), span(2026, 5, 1, 5),
			span(2026, 6, 19, 21), span(2026, 9, 25, 27), span(2026, 10, 1, 7)),
		Workdays: []Date{{Year: 2026, Month: 1, Day: 4}, {Year: 2026, Month: 2, Day: 14}, {Year: 2026, Month: 2, Day: 28}, {Year: 2026, Month: 5, Day: 9}, {Year: 2026, Month: 9, Day: 20}, {Year: 2026, Month: 10, Day: 10}},
	},
}

func TestTheEmbeddedCalendarHoldsEveryNotifiedDayAndNothingElse(t *testing.T) {
	c := Default()
	if got := c.Years(); !slices.Equal(got, []int{2024, 2025, 2026}) {
		t.Fatalf("Years() = %v", got)
	}
	wantCounts := map[int][2]int{2024: {28, 8}, 2025: {28, 5}, 2026: {33, 6}}
	for year, want := range statutory {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			got, ok := c.Year(year)
			if !ok {
				t.Fatal("year missing")
			}
			if len(got.Holidays) != wantCounts[year][0] || len(got.Workdays) != wantCounts[year][1] {
				t.Errorf("counts = %d holidays, %d workdays; want %d, %d",
					len(got.Holidays), len(got.Workdays), wantCounts[year][0], wantCounts[year][1])
			}
			if !slices.Equal(got.Holidays, want.Holidays) {
				t.Errorf("holidays = %v\nwant       %v", got.Holidays, want.Holidays)
			}
			if !slices.Equal(got.Workdays, want.Workdays) {
				t.Errorf("workdays = %v\nwant       %v", got.Workdays, want.Workdays)
			}
			if !strings.Contains(got.Source, fmt.Sprint(year)) {
				t.Errorf("source %q should cite the %d notice", got.Source, year)
			}
			for _, d := range got.Holidays {
				if k, _ := c.KindOf(d); k != Holiday {
					t.Errorf("%v is %v, want holiday", d, k)
				}
			}
			for _, d := range got.Workdays {
				if k, _ := c.KindOf(d); k != MakeUpWorkday {
					t.Errorf("%v is %v, want make-up workday", d, k)
				}
			}
		})
	}
}

func TestEveryMakeUpWorkdayFallsOnAWeekend(t *testing.T) {
	for _, y := range Default().Years() {
		yd, _ := Default().Year(y)
		for _, d := range yd.Workdays {
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				t.Errorf("%v is a %v", d, wd)
			}
		}
	}
}

func TestDefaultReturnsTheSameImmutableCalendar(t *testing.T) {
	a, b := Default(), Default()
	if a != b {
		t.Error("Default() should be built once")
	}
	yd, _ := Default().Year(2025)
	yd.Holidays[0] = Date{Year: 2025, Month: 3, Day: 3}
	if k, _ := Default().KindOf(Date{Year: 2025, Month: 3, Day: 3}); k != Workday {
		t.Error("changing the slice returned by Year changed the calendar")
	}
}

func TestIsWorkday(t *testing.T) {
	c := Default()
	tests := []struct {
		name      string
		t         time.Time
		wantWork  bool
		wantKnown bool
	}{
		{"an ordinary Tuesday is a working day", at(2025, 3, 4, 9, 0), true, true},
		{"an ordinary Saturday is not", at(2025, 3, 8, 9, 0), false, true},
		{"a make-up Sunday before Spring Festival 2024 is a working day", at(2024, 2, 4, 9, 0), true, true},
		{"a Saturday inside Spring Festival 2024 is not", at(2024, 2, 10, 9, 0), false, true},
		{"Dragon Boat Monday 2024 is not a working day", at(2024, 6, 10, 9, 0), false, true},
		{"the Tuesday after Dragon Boat 2024 is", at(2024, 6, 11, 9, 0), true, true},
		{"Sunday 28 September 2025 is a make-up working day", at(2025, 9, 28, 9, 0), true, true},
		{"Wednesday 8 October 2025 is still National Day holiday", at(2025, 10, 8, 9, 0), false, true},
		{"Saturday 11 October 2025 is a make-up working day", at(2025, 10, 11, 9, 0), true, true},
		{"Sunday 12 October 2025 is an ordinary weekend", at(2025, 10, 12, 9, 0), false, true},
		{"Saturday 3 January 2026 is New Year holiday", at(2026, 1, 3, 9, 0), false, true},
		{"Sunday 4 January 2026 is a make-up working day", at(2026, 1, 4, 9, 0), true, true},
		{"a Friday in 2027 falls back to Monday–Friday and is not known", at(2027, 1, 1, 9, 0), true, false},
		{"a Saturday in 2027 falls back to weekend and is not known", at(2027, 1, 2, 9, 0), false, false},
		{"a day in 2023 is not known either", at(2023, 12, 29, 9, 0), true, false},
		{"the date is read in the time's own zone: 20:00 UTC on 30 September is 1 October in Shanghai", time.Date(2025, 9, 30, 20, 0, 0, 0, time.UTC).In(shanghai), false, true},
		{"the same instant read in UTC is 30 September, a working day", time.Date(2025, 9, 30, 20, 0, 0, 0, time.UTC), true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			work, known := c.IsWorkday(tc.t)
			if work != tc.wantWork || known != tc.wantKnown {
				t.Errorf("IsWorkday(%v) = %v, %v; want %v, %v", tc.t, work, known, tc.wantWork, tc.wantKnown)
			}
		})
	}
}

func TestKindOfNamesEachKindOfDay(t *testing.T) {
	c := Default()
	tests := []struct {
		d      Date
		want   DayKind
		en, zh string
	}{
		{Date{Year: 2025, Month: 3, Day: 4}, Workday, "workday", "工作日"},
		{Date{Year: 2025, Month: 3, Day: 8}, Weekend, "weekend", "周末"},
		{Date{Year: 2025, Month: 10, Day: 1}, Holiday, "holiday", "法定节假日"},
		{Date{Year: 2025, Month: 9, Day: 28}, MakeUpWorkday, "make-up workday", "调休上班日"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%v is a %v", tc.d, tc.en), func(t *testing.T) {
			k, known := c.KindOf(tc.d)
			if k != tc.want || !known || k.String() != tc.en || k.StringZH() != tc.zh {
				t.Errorf("KindOf = %v (%s, %s), known %v", k, k.String(), k.StringZH(), known)
			}
		})
	}
	if s := DayKind(42).String(); s != "DayKind(42)" {
		t.Errorf("unknown kind renders as %q", s)
	}
}

func TestDeadline(t *testing.T) {
	c := Default()
	tests := []struct {
		name      string
		received  time.Time
		n         int
		cutoff    time.Duration
		want      time.Time
		wantKnown bool
	}{
		{"receipt on Friday 16:00 starts that day, so 3 working days end on Wednesday", at(2025, 3, 7, 16, 0), 3, DefaultCutoff, endOf(2025, 3, 12), true},
		{"receipt on Friday 18:00 starts on Monday, so 3 working days end on Thursday", at(2025, 3, 7, 18, 0), 3, DefaultCutoff, endOf(2025, 3, 13), true},
		{"receipt on Saturday counts as Monday's", at(2025, 3, 8, 10, 0), 3, DefaultCutoff, endOf(2025, 3, 13), true},
		{"receipt on Sunday counts as Monday's", at(2025, 3, 9, 23, 59), 3, DefaultCutoff, endOf(2025, 3, 13), true},
		{"receipt exactly at the cut-off is too late for the same day", at(2025, 3, 7, 17, 30), 3, DefaultCutoff, endOf(2025, 3, 13), true},
		{"receipt a moment before the cut-off still counts that day", at(2025, 3, 7, 17, 29).Add(59*time.Second + 999*time.Millisecond), 3, DefaultCutoff, endOf(2025, 3, 12), true},
		{"a later configured cut-off keeps a 17:45 receipt on Friday", at(2025, 3, 7, 17, 45), 3, 18 * time.Hour, endOf(2025, 3, 12), true},
		{"an earlier configured cut-off moves a 16:00 receipt to Monday", at(2025, 3, 7, 16, 0), 3, 12 * time.Hour, endOf(2025, 3, 13), true},
		{"a zero cut-off means the default 17:30", at(2025, 3, 7, 17, 0), 3, 0, endOf(2025, 3, 12), true},
		{"zero working days means the end of day 0", at(2025, 3, 10, 9, 0), 0, DefaultCutoff, endOf(2025, 3, 10), true},
		{"negative working days are treated as zero", at(2025, 3, 10, 9, 0), -2, DefaultCutoff, endOf(2025, 3, 10), true},
		{"receipt on Saturday 27 Sept 2025 starts on the make-up Sunday, so 1 day ends on Monday", at(2025, 9, 27, 10, 0), 1, DefaultCutoff, endOf(2025, 9, 29), true},
		{"3 working days from the make-up Sunday skip National Day to Thursday 9 October", at(2025, 9, 27, 10, 0), 3, DefaultCutoff, endOf(2025, 10, 9), true},
		{"5 working days from the make-up Sunday end on the make-up Saturday 11 October", at(2025, 9, 27, 10, 0), 5, DefaultCutoff, endOf(2025, 10, 11), true},
		{"receipt on Tuesday 30 Sept 2025 after the cut-off starts on 9 October", at(2025, 9, 30, 18, 0), 1, DefaultCutoff, endOf(2025, 10, 10), true},
		{"receipt during National Day 2025 starts on 9 October", at(2025, 10, 3, 10, 0), 2, DefaultCutoff, endOf(2025, 10, 11), true},
		{"receipt on Friday 13 Feb 2026 morning reaches the make-up Saturday, then jumps Spring Festival", at(2026, 2, 13, 10, 0), 2, DefaultCutoff, endOf(2026, 2, 24), true},
		{"receipt on Friday 13 Feb 2026 evening starts on the make-up Saturday 14 February", at(2026, 2, 13, 18, 0), 1, DefaultCutoff, endOf(2026, 2, 24), true},
		{"receipt during Spring Festival 2026 starts on Tuesday 24 February", at(2026, 2, 20, 10, 0), 3, DefaultCutoff, endOf(2026, 2, 27), true},
		{"the fourth working day after Spring Festival 2026 is the make-up Saturday 28 February", at(2026, 2, 20, 10, 0), 4, DefaultCutoff, endOf(2026, 2, 28), true},
		{"receipt on New Year's Eve 2025 evening starts on the make-up Sunday 4 January 2026", at(2025, 12, 31, 18, 0), 0, DefaultCutoff, endOf(2026, 1, 4), true},
		{"a receipt in 2027 is computed Monday–Friday but not known", at(2027, 3, 5, 16, 0), 3, DefaultCutoff, endOf(2027, 3, 10), false},
		{"a deadline running from 2026 into 2027 is not known", at(2026, 12, 30, 10, 0), 5, DefaultCutoff, endOf(2027, 1, 6), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, known := c.Deadline(tc.received, tc.n, tc.cutoff)
			if !got.Equal(tc.want) || known != tc.wantKnown {
				t.Errorf("Deadline(%v, %d) = %v, %v; want %v, %v", tc.received, tc.n, got, known, tc.want, tc.wantKnown)
			}
			if got.Location() != tc.received.Location() {
				t.Errorf("deadline is in %v, want the receipt's %v", got.Location(), tc.received.Location())
			}
		})
	}
}

func TestDeadlineIsComputedInTheReceiptsOwnZone(t *testing.T) {
	// 10:00 UTC on a Friday is before the cut-off in UTC but 18:00, after
	// it, in Shanghai; the caller chooses the office's zone by choosing the
	// time's location.
	received := time.Date(2025, 3, 7, 10, 0, 0, 0, time.UTC)
	got, _ := Default().Deadline(received, 1, DefaultCutoff)
	if want := time.Date(2025, 3, 10, 23, 59, 59, 999_000_000, time.UTC); !got.Equal(want) {
		t.Errorf("in UTC: got %v, want %v (Friday 10:00 is before the cut-off)", got, want)
	}
	got, _ = Default().Deadline(received.In(shanghai), 1, DefaultCutoff)
	if want := endOf(2025, 3, 11); !got.Equal(want) {
		t.Errorf("in Shanghai: got %v, want %v (Friday 18:00 starts on Monday)", got, want)
	}
}

func TestStartDay(t *testing.T) {
	c := Default()
	tests := []struct {
		name     string
		received time.Time
		want     Date
	}{
		{"a working-day morning receipt is day 0 itself", at(2025, 3, 7, 9, 0), Date{Year: 2025, Month: 3, Day: 7}},
		{"an after-hours receipt starts on the next working day", at(2025, 3, 7, 18, 0), Date{Year: 2025, Month: 3, Day: 10}},
		{"a Saturday receipt starts on Monday", at(2025, 3, 8, 9, 0), Date{Year: 2025, Month: 3, Day: 10}},
		{"a receipt on a make-up Saturday morning is day 0 itself", at(2025, 10, 11, 9, 0), Date{Year: 2025, Month: 10, Day: 11}},
		{"a holiday receipt starts after the holiday", at(2024, 10, 1, 9, 0), Date{Year: 2024, Month: 10, Day: 8}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, known := c.StartDay(tc.received, DefaultCutoff)
			if got != tc.want || !known {
				t.Errorf("StartDay = %v, %v; want %v, true", got, known, tc.want)
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	c := Default()
	tests := []struct {
		name      string
		start     time.Time
		end       time.Time
		want      int
		wantKnown bool
	}{
		{"resolution on day 0 counts as 0 working days", at(2025, 3, 7, 9, 0), at(2025, 3, 7, 15, 0), 0, true},
		{"resolution the next working day counts as 1", at(2025, 3, 7, 9, 0), at(2025, 3, 10, 15, 0), 1, true},
		{"resolution before day 0 of an after-hours receipt counts as 0", at(2025, 3, 7, 18, 0), at(2025, 3, 8, 10, 0), 0, true},
		{"resolution on Wednesday of a Friday-afternoon receipt counts as 3", at(2025, 3, 7, 16, 0), at(2025, 3, 12, 23, 0), 3, true},
		{"resolution on Saturday after day 5 counts as the next working day, 6", at(2025, 3, 7, 9, 0), at(2025, 3, 15, 9, 0), 6, true},
		{"National Day 2025 does not count", at(2025, 9, 30, 9, 0), at(2025, 10, 9, 9, 0), 1, true},
		{"resolution during a holiday counts as the first day after it", at(2025, 9, 30, 9, 0), at(2025, 10, 5, 9, 0), 1, true},
		{"a range reaching 2027 is not known", at(2026, 12, 30, 9, 0), at(2027, 1, 4, 9, 0), 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, known := c.WorkingDaysBetween(tc.start, tc.end, DefaultCutoff)
			if got != tc.want || known != tc.wantKnown {
				t.Errorf("WorkingDaysBetween = %d, %v; want %d, %v", got, known, tc.want, tc.wantKnown)
			}
		})
	}
}

// The two functions must never disagree, or a report could print a
// deadline that the compliance figure contradicts.
func TestWorkingDaysBetweenAgreesWithDeadline(t *testing.T) {
	c := Default()
	rng := rand.New(rand.NewPCG(1, 2))
	base := at(2024, 1, 1, 0, 0)
	span := int64(at(2026, 12, 1, 0, 0).Sub(base) / time.Second)
	for range 5000 {
		received := base.Add(time.Duration(rng.Int64N(span)) * time.Second)
		resolved := received.Add(time.Duration(rng.Int64N(40*24*3600)) * time.Second)
		n := rng.IntN(12)
		deadline, _ := c.Deadline(received, n, DefaultCutoff)
		days, _ := c.WorkingDaysBetween(received, resolved, DefaultCutoff)
		if within := !resolved.After(deadline); within != (days <= n) {
			t.Fatalf("received %v resolved %v n=%d: deadline %v but %d working days", received, resolved, n, deadline, days)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := Default()
	tests := []struct {
		name      string
		start     time.Time
		n         int
		want      time.Time
		wantKnown bool
	}{
		{"one working day after Friday is Monday at the same time", at(2025, 3, 7, 14, 5), 1, at(2025, 3, 10, 14, 5), true},
		{"one working day after Saturday is Monday", at(2025, 3, 8, 14, 5), 1, at(2025, 3, 10, 14, 5), true},
		{"zero working days leaves the time unchanged even on a holiday", at(2025, 10, 1, 8, 0), 0, at(2025, 10, 1, 8, 0), true},
		{"one working day before Monday is Friday", at(2025, 3, 10, 9, 0), -1, at(2025, 3, 7, 9, 0), true},
		{"one working day before 9 October 2025 is 30 September", at(2025, 10, 9, 9, 0), -1, at(2025, 9, 30, 9, 0), true},
		{"two working days after 30 September 2025 skip National Day", at(2025, 9, 30, 9, 0), 2, at(2025, 10, 10, 9, 0), true},
		{"no cut-off is applied", at(2025, 3, 7, 23, 0), 1, at(2025, 3, 10, 23, 0), true},
		{"a result in 2027 is not known", at(2026, 12, 31, 9, 0), 1, at(2027, 1, 1, 9, 0), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, known := c.AddWorkingDays(tc.start, tc.n)
			if !got.Equal(tc.want) || known != tc.wantKnown {
				t.Errorf("AddWorkingDays = %v, %v; want %v, %v", got, known, tc.want, tc.wantKnown)
			}
		})
	}
}

func TestWith(t *testing.T) {
	y2027 := YearData{
		Source:   "test notice",
		Holidays: []Date{{Year: 2027, Month: 1, Day: 1}},
		Workdays: []Date{{Year: 2027, Month: 1, Day: 2}},
	}
	t.Run("a configured year becomes known and the default is untouched", func(t *testing.T) {
		c, err := Default().With(map[int]YearData{2027: y2027})
		if err != nil {
			t.Fatal(err)
		}
		if !c.Known(2027) || !c.Known(2025) || Default().Known(2027) {
			t.Errorf("Known: new 2027=%v 2025=%v, default 2027=%v", c.Known(2027), c.Known(2025), Default().Known(2027))
		}
		if work, known := c.WorkdayOn(Date{Year: 2027, Month: 1, Day: 2}); !work || !known {
			t.Errorf("the configured make-up Saturday is %v, %v", work, known)
		}
	})
	t.Run("a configured year replaces the embedded one entirely", func(t *testing.T) {
		c, err := Default().With(map[int]YearData{2025: {Holidays: []Date{{Year: 2025, Month: 1, Day: 1}}}})
		if err != nil {
			t.Fatal(err)
		}
		if work, _ := c.WorkdayOn(Date{Year: 2025, Month: 10, Day: 1}); !work {
			t.Error("1 October 2025 should be an ordinary Wednesday after replacement")
		}
		if work, _ := c.WorkdayOn(Date{Year: 2025, Month: 9, Day: 28}); work {
			t.Error("the old make-up Sunday should be gone")
		}
	})
	t.Run("duplicate dates are harmless", func(t *testing.T) {
		c, err := New(map[int]YearData{2027: {Holidays: []Date{{Year: 2027, Month: 1, Day: 1}, {Year: 2027, Month: 1, Day: 1}}}})
		if err != nil {
			t.Fatal(err)
		}
		if yd, _ := c.Year(2027); len(yd.Holidays) != 1 {
			t.Errorf("holidays = %v", yd.Holidays)
		}
	})
	t.Run("New starts from an empty calendar", func(t *testing.T) {
		c, err := New(nil)
		if err != nil || c.Known(2025) || len(c.Years()) != 0 {
			t.Errorf("New(nil) = %v, %v", c.Years(), err)
		}
	})
	rejects := []struct {
		name    string
		years   map[int]YearData
		wantErr string
	}{
		{"a date listed as both holiday and workday is rejected", map[int]YearData{2027: {Holidays: []Date{{Year: 2027, Month: 1, Day: 2}}, Workdays: []Date{{Year: 2027, Month: 1, Day: 2}}}}, "both"},
		{"a holiday outside its year is rejected", map[int]YearData{2027: {Holidays: []Date{{Year: 2028, Month: 1, Day: 1}}}}, "not a date in 2027"},
		{"a workday outside its year is rejected", map[int]YearData{2027: {Workdays: []Date{{Year: 2026, Month: 12, Day: 26}}}}, "not a date in 2027"},
		{"an impossible date is rejected and shown as written", map[int]YearData{2027: {Holidays: []Date{{Year: 2027, Month: 2, Day: 30}}}}, "2027-02-30 is not a date in 2027"},
		{"a make-up workday on a weekday is rejected as a transcription error", map[int]YearData{2027: {Workdays: []Date{{Year: 2027, Month: 1, Day: 4}}}}, "only weekend days"},
		{"every error is reported, not just the first", map[int]YearData{2027: {Holidays: []Date{{Year: 2028, Month: 1, Day: 1}}}, 2028: {Workdays: []Date{{Year: 2028, Month: 1, Day: 3}}}}, "2028: workday"},
	}
	for _, tc := range rejects {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Default().With(tc.years)
			if err == nil || c != nil {
				t.Fatalf("With = %v, %v; want an error", c, err)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not mention %q", err, tc.wantErr)
			}
		})
	}
}

func TestYearDataFromYAML(t *testing.T) {
	t.Run("dates and inclusive ranges are read", func(t *testing.T) {
		var years map[int]YearData
		err := yaml.Unmarshal([]byte(`
2027:
  source: 国务院办公厅关于2027年部分节假日安排的通知
  holidays:
    - 2027-01-01
    - 2027-02-06..2027-02-08   # comment
  workdays: ["2027-01-02"]
`), &years)
		if err != nil {
			t.Fatal(err)
		}
		want := YearData{
			Source:   "国务院办公厅关于2027年部分节假日安排的通知",
			Holidays: []Date{{Year: 2027, Month: 1, Day: 1}, {Year: 2027, Month: 2, Day: 6}, {Year: 2027, Month: 2, Day: 7}, {Year: 2027, Month: 2, Day: 8}},
			Workdays: []Date{{Year: 2027, Month: 1, Day: 2}},
		}
		got := years[2027]
		if got.Source != want.Source || !slices.Equal(got.Holidays, want.Holidays) || !slices.Equal(got.Workdays, want.Workdays) {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	rejects := []struct{ name, doc, wantErr string }{
		{"a misspelt key is rejected rather than ignored", "2027:\n  holiday: [2027-01-01]\n", "unknown key"},
		{"an impossible date is rejected", "2027:\n  holidays: [2027-02-30]\n", "YYYY-MM-DD"},
		{"a backwards range is rejected", "2027:\n  holidays: [2027-02-08..2027-02-06]\n", "forwards"},
		{"a range longer than a year is rejected", "2027:\n  holidays: [2027-01-01..9999-12-31]\n", "within a year"},
		{"a year that is not a mapping is rejected", "2027: [2027-01-01]\n", "mapping"},
		{"a single date where a list is expected is rejected", "2027:\n  holidays: 2027-01-01\n", "list of dates"},
		{"the error names the offending line", "2027:\n  holidays:\n    - 2027-01-01\n    - 2027-13-01\n", "line 4"},
	}
	for _, tc := range rejects {
		t.Run(tc.name, func(t *testing.T) {
			var years map[int]YearData
			err := yaml.Unmarshal([]byte(tc.doc), &years)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("err = %v, want one mentioning %q", err, tc.wantErr)
			}
		})
	}
	t.Run("a year round-trips through YAML", func(t *testing.T) {
		src := map[int]YearData{2027: {Source: "s", Holidays: []Date{{Year: 2027, Month: 1, Day: 1}}, Workdays: []Date{{Year: 2027, Month: 1, Day: 2}}}}
		b, err := yaml.Marshal(src)
		if err != nil {
			t.Fatal(err)
		}
		var back map[int]YearData
		if err := yaml.Unmarshal(b, &back); err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		if !slices.Equal(back[2027].Holidays, src[2027].Holidays) || !slices.Equal(back[2027].Workdays, src[2027].Workdays) {
			t.Errorf("round trip gave %+v from\n%s", back, b)
		}
	})
}

func TestTheCountingRuleTextMatchesTheCode(t *testing.T) {
	for _, rule := range []string{CountingRule, CountingRuleZH} {
		for _, fact := range []string{"17:30", "23:59:59.999"} {
			if !strings.Contains(rule, fact) {
				t.Errorf("rule text lacks %q: %s", fact, rule)
			}
		}
	}
	if DefaultCutoff != 17*time.Hour+30*time.Minute {
		t.Errorf("DefaultCutoff = %v, but the rule text says 17:30", DefaultCutoff)
	}
	d, _ := Default().Deadline(at(2025, 3, 7, 9, 0), 0, 0)
	if got := d.Format("15:04:05.000"); got != "23:59:59.999" {
		t.Errorf("deadline time of day = %s, but the rule text says 23:59:59.999", got)
	}
}

func TestTheCoverageTextNamesTheEmbeddedYears(t *testing.T) {
	years := Default().Years()
	for _, y := range years {
		if !strings.Contains(Coverage, fmt.Sprint(y)) || !strings.Contains(CoverageZH, fmt.Sprint(y)) {
			t.Errorf("the coverage text does not name embedded year %d", y)
		}
	}
	next := years[len(years)-1] + 1
	if !strings.Contains(Coverage, fmt.Sprintf("%d is not included", next)) || !strings.Contains(CoverageZH, fmt.Sprintf("未包含%d年", next)) {
		t.Errorf("the coverage text does not say why %d is absent", next)
	}
	for _, s := range []string{Coverage, CoverageZH} {
		if !strings.Contains(s, "calendar") || !strings.Contains(s, "certready.yaml") {
			t.Errorf("the coverage text does not say how to add a year: %s", s)
		}
	}
}

func TestADateOrRangeIsReadAsTheNoticeWritesIt(t *testing.T) {
	ds, err := ParseDateOrRange("2027-02-06..2027-02-08")
	if err != nil || len(ds) != 3 || ds[0] != (Date{Year: 2027, Month: 2, Day: 6}) || ds[2] != (Date{Year: 2027, Month: 2, Day: 8}) {
		t.Errorf("range gave %v, %v", ds, err)
	}
	if ds, err := ParseDateOrRange("2027-10-09"); err != nil || len(ds) != 1 {
		t.Errorf("single date gave %v, %v", ds, err)
	}
	for _, bad := range []string{"2027-02-08..2027-02-06", "2027-13-01", "2027-01-01..2029-01-01"} {
		if _, err := ParseDateOrRange(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestDeadlineByReceiptDayCountsFromASaturdayReceiptItself(t *testing.T) {
	c := Default()
	loc := time.FixedZone("CST", 8*3600)
	sat := time.Date(2026, 6, 6, 10, 0, 0, 0, loc) // an ordinary Saturday
	next, _ := c.DeadlineBy(sat, 3, DefaultCutoff, NextWorkingDay)
	own, _ := c.DeadlineBy(sat, 3, DefaultCutoff, ReceiptDay)
	if got := next.Format("2006-01-02"); got != "2026-06-11" {
		t.Errorf("next working day as day 0: due %s, want Thursday 2026-06-11", got)
	}
	if got := own.Format("2006-01-02"); got != "2026-06-10" {
		t.Errorf("the Saturday as day 0: due %s, want Wednesday 2026-06-10", got)
	}
	mon := time.Date(2026, 6, 8, 18, 0, 0, 0, loc) // after the cut-off on a working day
	a, _ := c.DeadlineBy(mon, 3, DefaultCutoff, ReceiptDay)
	b, _ := c.Deadline(mon, 3, DefaultCutoff)
	if !a.Equal(b) {
		t.Errorf("on a working day the rules agree: %v vs %v", a, b)
	}
}
