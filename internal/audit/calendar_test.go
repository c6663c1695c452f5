package audit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
)

func calendarFromYAML(t *testing.T, text string) (*cn.Calendar, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path, false)
	if err != nil {
		t.Fatal(err)
	}
	return calendarFor(cfg)
}

func TestTheCalendarBlockAddsAYearWithRangesAndASource(t *testing.T) {
	cal, err := calendarFromYAML(t, `
calendar:
  2030:
    source: "a notice for 2030"
    holidays: [2030-01-01, "2030-02-02..2030-02-08"]
    workdays: [2030-01-26]
`)
	if err != nil {
		t.Fatal(err)
	}
	if !cal.Known(2030) || !cal.Known(2026) {
		t.Fatalf("known years %v, want the embedded years and 2030", cal.Years())
	}
	for _, tc := range []struct {
		d    cn.Date
		want cn.DayKind
	}{
		{cn.Date{Year: 2030, Month: 2, Day: 5}, cn.Holiday},        // a Tuesday inside the range
		{cn.Date{Year: 2030, Month: 2, Day: 8}, cn.Holiday},        // the range's last day
		{cn.Date{Year: 2030, Month: 2, Day: 11}, cn.Workday},       // the Monday after
		{cn.Date{Year: 2030, Month: 1, Day: 26}, cn.MakeUpWorkday}, // a Saturday made a working day
	} {
		if got, known := cal.KindOf(tc.d); got != tc.want || !known {
			t.Errorf("%v is %v (known %v), want %v", tc.d, got, known, tc.want)
		}
	}
	if yd, _ := cal.Year(2030); yd.Source != "a notice for 2030" {
		t.Errorf("source %q, want the configured one", yd.Source)
	}
}

func TestTheCalendarBlockReplacesAnEmbeddedYearWhole(t *testing.T) {
	national := cn.Date{Year: 2026, Month: 10, Day: 5} // a Monday in the embedded National Day holiday
	if k, _ := cn.Default().KindOf(national); k != cn.Holiday {
		t.Fatalf("the embedded calendar has %v on %v; the test needs a holiday", k, national)
	}
	cal, err := calendarFromYAML(t, "calendar:\n  2026:\n    holidays: [2026-01-01]\n")
	if err != nil {
		t.Fatal(err)
	}
	if k, _ := cal.KindOf(national); k != cn.Workday {
		t.Errorf("after correcting 2026, %v is %v, want a working day", national, k)
	}
	if k, _ := cal.KindOf(cn.Date{Year: 2026, Month: 1, Day: 1}); k != cn.Holiday {
		t.Errorf("2026-01-01 is %v, want the configured holiday", k)
	}
}

func TestABadCalendarEntryNamesTheFileAndKey(t *testing.T) {
	_, err := calendarFromYAML(t, "calendar:\n  2030:\n    holidays: [\"2030-02-08..2030-02-02\"]\n")
	if err == nil || !strings.Contains(err.Error(), "certready.yaml: calendar.2030.holidays") || !strings.Contains(err.Error(), "forwards") {
		t.Errorf("err = %v, want the file, calendar.2030.holidays and the reason", err)
	}
}
