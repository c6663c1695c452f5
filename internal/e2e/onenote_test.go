package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A complaint received in a year the working-day calendar lacks makes
// every working-day deadline provisional. The reader is told so once, in
// every output: not by the engine and again by the check that counts
// working days.
func TestAYearTheCalendarLacksIsNotedOnceInEveryOutput(t *testing.T) {
	dir := copyDossier(t, examples["ready"])
	p := filepath.Join(dir, "complaints.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	moved := false
	for i, l := range lines {
		if strings.HasPrefix(l, "C2026-0001,") {
			lines[i] = strings.ReplaceAll(l, "2026-", "2023-") // 2023 is before the embedded calendar's first year
			moved = true
		}
	}
	if !moved {
		t.Fatal("the ready example has no complaint C2026-0001 to move")
	}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ format, lang, marker string }{
		{"text", "en", "Add the year"},
		{"markdown", "en", "Add the year"},
		{"json", "en", "Add the year"},
		{"text", "zh", "calendar 中补充该年"},
		{"markdown", "zh", "calendar 中补充该年"},
	} {
		_, out, errs := run(t, "audit", dir, "--as-of", asOf, "--format", tc.format, "--lang", tc.lang, "--fail-on", "none")
		if n := strings.Count(string(out), tc.marker); n != 1 {
			t.Errorf("%s %s: the calendar note appears %d times, want once:\n%s%s", tc.format, tc.lang, n, out, errs)
		}
		if !strings.Contains(string(out), "2023") {
			t.Errorf("%s %s: the note does not name the year 2023", tc.format, tc.lang)
		}
	}
}
