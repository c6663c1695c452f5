package audit

import (
	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/didyoumean"
)

// CalendarFor is the working-day calendar an audit under cfg counts with:
// the embedded State Council notices plus the years certready.yaml adds.
func CalendarFor(cfg *config.Config) (*cn.Calendar, error) { return calendarFor(cfg) }

// CheckSuggestion is "; did you mean ID?" when a check id is close to
// got, else "".
func CheckSuggestion(got string) string {
	var ids []string
	for _, c := range checks.All() {
		ids = append(ids, c.ID)
	}
	if g := didyoumean.Closest(got, ids); g != "" {
		return "; did you mean " + g + "?"
	}
	return ""
}
