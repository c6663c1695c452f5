// Package civil holds the calendar date with no time of day and no zone
// that the dossier (licence expiry, review dates) and the working-day
// calendar (holidays) both speak in.
package civil

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a civil calendar date. Licences expire on a date and holidays are
// declared as dates, not instants: a complaint received at 23:30 in
// Shanghai must not slide onto the next day because some code converted it
// to UTC, and comparing dates as instants invites off-by-one-day errors.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Of returns the civil date of t in t's own location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Parse parses YYYY-MM-DD and rejects impossible dates such as 2026-02-30
// instead of silently rolling them over.
func Parse(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("expected a date as YYYY-MM-DD, got %q", s)
	}
	return Of(t), nil
}

// Valid reports whether d is a date of the calendar (2026-02-30 is not).
func (d Date) Valid() bool { return d == Of(d.utc()) }

// IsZero reports whether d is the zero Date, which callers use for "unset".
func (d Date) IsZero() bool { return d == Date{} }

// In returns midnight at the start of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// utc anchors at noon UTC so that arithmetic never meets a zone transition.
func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// AddDays returns the date n calendar days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return Of(d.utc().AddDate(0, 0, n)) }

// AddDate adds years, months and days as time.AddDate does, except that a
// month end is clamped (Nov 30 + 3 months = Feb 28/29), which is how
// "three months of operation" is read by certification bodies.
func (d Date) AddDate(years, months, days int) Date {
	if days != 0 {
		return Of(d.utc().AddDate(years, months, days))
	}
	total := d.Year*12 + int(d.Month-1) + years*12 + months
	y, m := total/12, time.Month(total%12+1)
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return Date{y, m, min(d.Day, last)}
}

// DaysUntil returns the whole days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.utc().Sub(d.utc()).Hours() / 24)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.utc().Compare(e.utc()) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String renders YYYY-MM-DD, or "" for the zero date. The fields are shown
// as they are, without normalising, so that an error about an impossible
// date such as 2027-02-30 shows that date rather than the 2 March it would
// roll over to.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// MarshalText renders YYYY-MM-DD so that a Date round-trips through YAML
// configuration.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses YYYY-MM-DD strictly, see Parse.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD"; null and "" are the zero date.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	return d.UnmarshalText([]byte(s))
}
