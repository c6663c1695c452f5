package dossier

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a civil calendar date with no time of day or zone: licences expire
// on a date, not at an instant, so comparing them as instants invites
// off-by-one-day errors across time zones.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseISODate parses YYYY-MM-DD and rejects impossible dates such as
// 2026-02-30 rather than normalising them.
func ParseISODate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("expected a date as YYYY-MM-DD, got %q", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// In returns midnight at the start of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

func (d Date) utc() time.Time { return d.In(time.UTC) }

// String renders YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.utc().Format(time.DateOnly)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.utc().Compare(e.utc()) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDate adds years, months and days as time.AddDate does, except that a
// month end is clamped (Nov 30 + 3 months = Feb 28/29), which is how
// "three months of operation" is read by certification bodies.
func (d Date) AddDate(years, months, days int) Date {
	if days != 0 {
		return DateOf(d.utc().AddDate(years, months, days))
	}
	total := d.Year*12 + int(d.Month-1) + years*12 + months
	y, m := total/12, time.Month(total%12+1)
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	day := d.Day
	if day > last {
		day = last
	}
	return Date{y, m, day}
}

// DaysUntil returns the whole days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.utc().Sub(d.utc()).Hours() / 24)
}

// MarshalJSON writes "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads the normalised "YYYY-MM-DD" form the loaders produce.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseISODate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Expiry is a validity end date that may be "indefinite" (长期), as Chinese
// business licences usually are.
type Expiry struct {
	Date       Date
	Indefinite bool
}

// IndefiniteWords are the spellings that mean "valid without end".
var IndefiniteWords = []string{"indefinite", "long-term", "permanent", "长期", "长期有效", "永久", "无固定期限"}

// IsIndefinite reports whether s spells an indefinite validity.
func IsIndefinite(s string) bool {
	s = strings.TrimSpace(strings.ToLower(s))
	for _, w := range IndefiniteWords {
		if s == w {
			return true
		}
	}
	return false
}

// IsZero reports whether no expiry was given at all.
func (e Expiry) IsZero() bool { return !e.Indefinite && e.Date.IsZero() }

// ValidOn reports whether the expiry has not passed on d.
func (e Expiry) ValidOn(d Date) bool {
	return e.Indefinite || (!e.Date.IsZero() && !e.Date.Before(d))
}

// String renders the date or "indefinite".
func (e Expiry) String() string {
	if e.Indefinite {
		return "indefinite"
	}
	return e.Date.String()
}

// MarshalJSON writes "indefinite", a date, or null.
func (e Expiry) MarshalJSON() ([]byte, error) {
	if e.Indefinite {
		return []byte(`"indefinite"`), nil
	}
	return e.Date.MarshalJSON()
}

// UnmarshalJSON reads "indefinite" (or any IndefiniteWords) or a date.
func (e *Expiry) UnmarshalJSON(b []byte) error {
	var s string
	if string(b) != "null" {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	if IsIndefinite(s) {
		*e = Expiry{Indefinite: true}
		return nil
	}
	*e = Expiry{}
	return e.Date.UnmarshalJSON(b)
}
