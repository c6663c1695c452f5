package load

import "testing"

func TestParseDateReadsTheFormsDossiersAccept(t *testing.T) {
	for _, s := range []string{"2026-11-23", "2026/11/23", "2026.11.23", "2026年11月23日", "2026/11/23 ", "2026年11月23号"} {
		d, err := ParseDate(s)
		if err != nil || d.String() != "2026-11-23" {
			t.Errorf("%q: %v %v", s, d, err)
		}
	}
	for _, s := range []string{"", "23/11/2026", "2026-02-30", "2026-11-23 14:05", "tomorrow", "2026-13-01"} {
		if d, err := ParseDate(s); err == nil {
			t.Errorf("%q: read as %v, want an error", s, d)
		}
	}
}
