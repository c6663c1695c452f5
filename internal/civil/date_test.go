package civil

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Parse accepts 29 February in a leap year", func(t *testing.T) {
		if d, err := Parse("2024-02-29"); err != nil || d != (Date{Year: 2024, Month: 2, Day: 29}) {
			t.Errorf("got %v, %v", d, err)
		}
	})
	t.Run("Parse rejects 30 February instead of rolling it over", func(t *testing.T) {
		if _, err := Parse("2026-02-30"); err == nil {
			t.Error("no error")
		}
	})
	t.Run("AddDays crosses month and year ends", func(t *testing.T) {
		if got := (Date{Year: 2025, Month: 12, Day: 31}).AddDays(1); got != (Date{Year: 2026, Month: 1, Day: 1}) {
			t.Errorf("got %v", got)
		}
		if got := (Date{Year: 2024, Month: 3, Day: 1}).AddDays(-1); got != (Date{Year: 2024, Month: 2, Day: 29}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("Weekday, Before, After and String agree with the calendar", func(t *testing.T) {
		d := Date{Year: 2025, Month: 10, Day: 11}
		if d.Weekday() != time.Saturday || !d.Before(Date{Year: 2025, Month: 10, Day: 12}) || !d.After(Date{Year: 2025, Month: 10, Day: 10}) || d.String() != "2025-10-11" {
			t.Errorf("%v: %v %v %v", d, d.Weekday(), d.Before(Date{Year: 2025, Month: 10, Day: 12}), d.After(Date{Year: 2025, Month: 10, Day: 10}))
		}
	})
	t.Run("In gives midnight in the requested zone", func(t *testing.T) {
		if got := (Date{Year: 2025, Month: 10, Day: 11}).In(shanghai); !got.Equal(time.Date(2025, 10, 11, 0, 0, 0, 0, shanghai)) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("text round trip", func(t *testing.T) {
		var d Date
		if err := d.UnmarshalText([]byte("2026-02-14")); err != nil || d != (Date{Year: 2026, Month: 2, Day: 14}) {
			t.Errorf("got %v, %v", d, err)
		}
		if b, _ := d.MarshalText(); string(b) != "2026-02-14" {
			t.Errorf("got %s", b)
		}
		if err := d.UnmarshalText([]byte("14/02/2026")); err == nil {
			t.Error("a non-ISO date was accepted")
		}
	})
	t.Run("the zero Date is zero", func(t *testing.T) {
		if !(Date{}).IsZero() || (Date{Year: 2025, Month: 1, Day: 1}).IsZero() {
			t.Error("IsZero is wrong")
		}
	})
}

func TestAddingMonthsClampsToTheEndOfTheMonth(t *testing.T) {
	for _, tc := range []struct {
		from, want string
		months     int
	}{
		{"2025-11-30", "2026-02-28", 3}, {"2023-11-30", "2024-02-29", 3}, {"2026-03-01", "2026-06-01", 3}, {"2026-11-23", "2025-11-23", -12},
	} {
		d, _ := Parse(tc.from)
		if got := d.AddDate(0, tc.months, 0).String(); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.months, got, tc.want)
		}
	}
}
