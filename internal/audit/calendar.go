package audit

import (
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
)

// CalendarFor is the working-day calendar an audit under cfg counts with:
// the embedded State Council notices plus the years certready.yaml adds.
func CalendarFor(cfg *config.Config) (*cn.Calendar, error) { return calendarFor(cfg) }
