package load

import (
	"fmt"
	"time"

	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/dossier"
)

// ParseDate reads a calendar date in any form a dossier's date cells
// accept (2026-11-23, 2026/11/23, 2026.11.23, 2026年11月23日), so a date
// given on the command line is read as the same date typed in a workbook.
// A time of day is refused: a date flag names a day.
func ParseDate(s string) (dossier.Date, error) {
	t, hasTime, err := ParseDateTime(s, time.UTC)
	if err != nil || hasTime {
		return dossier.Date{}, fmt.Errorf("expected a date (%s), got %q", "YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日", s)
	}
	return civil.Of(t), nil
}
