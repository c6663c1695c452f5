package audit

import (
	"strconv"

	"github.com/certready/certready/internal/config"
)

// A finding's identity is what it is about, not where it was read from:
// the check, the record's own identity (document id, person id, licence
// number, complaint-log rule, …) and, when a check reports one record more
// than once, the facet (the field) it is about. Cells, lines and file names
// move when rows are inserted, sorted or the workbook is renamed; a
// baseline or a diff keyed on them reports false news.
//
// Every record type's schema requires its id, so a record without an
// identity never reaches the checks; a finding that names no record is
// identified by its check alone.

// identity is the ID a finding gets before any ordinal.
func identity(check, record, facet string) string {
	id := check + "|" + record
	if facet != "" {
		id += "|" + facet
	}
	return id
}

// assignIDs gives every finding its stable ID. Findings a check reports
// with the same record and facet are numbered in the order the check
// reported them (its own order over fields and rules, not the file's), so
// the IDs stay unique.
func assignIDs(r *Result, _ *config.Config, _ Options) {
	seen := map[string]int{}
	for i := range r.Findings {
		f := &r.Findings[i]
		id := identity(f.Check, f.Record, f.facet)
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "#" + strconv.Itoa(n)
		}
		f.ID = id
	}
}

// LegacyKey is the identity an older report without finding IDs allows:
// the check and the record. It ignores the position those reports also
// keyed on, since that is what moved.
func (f *Finding) LegacyKey() string { return f.Check + "|" + f.Record }

// HasIDs reports whether every finding of the report carries an ID; a
// report written before IDs existed has none.
func (r *Result) HasIDs() bool {
	for i := range r.Findings {
		if r.Findings[i].ID == "" {
			return false
		}
	}
	return true
}

// Matcher matches findings of a later run against an earlier run's. It
// counts, so two findings of one check on one record in the old run match
// at most two in the new.
type Matcher struct {
	legacy bool
	left   map[string]int
}

// NewMatcher indexes the old run's findings that were not waived. When
// either run lacks IDs (a report from an older certready), both are keyed
// by check and record; Legacy then says so, so the caller can warn.
func NewMatcher(old *Result, newHasIDs bool) *Matcher {
	m := &Matcher{legacy: !old.HasIDs() || !newHasIDs, left: map[string]int{}}
	for i := range old.Findings {
		if f := &old.Findings[i]; f.State != "waived" {
			m.left[m.Key(f)]++
		}
	}
	return m
}

// Legacy reports whether matching fell back to check and record.
func (m *Matcher) Legacy() bool { return m.legacy }

// Key is the key the matcher compares f by.
func (m *Matcher) Key(f *Finding) string {
	if m.legacy {
		return f.LegacyKey()
	}
	return f.ID
}

// Take reports whether f was known in the old run, using up one match.
func (m *Matcher) Take(f *Finding) bool {
	k := m.Key(f)
	if m.left[k] == 0 {
		return false
	}
	m.left[k]--
	return true
}
