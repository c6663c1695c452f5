package dossier

import (
	"encoding/json"
	"strings"

	"github.com/certready/certready/internal/civil"
)

// Date is a civil calendar date with no time of day or zone: licences
// expire on a date, not at an instant.
type Date = civil.Date

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
