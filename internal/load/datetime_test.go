package load

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

func TestParseDateTimeReadsTheLayoutsRealExportsContain(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	want := time.Date(2025, 7, 3, 14, 5, 0, 0, sh)
	for _, s := range []string{
		"2025-07-03 14:05", "2025/07/03 14:05", "2025年7月3日 14:05", "2025-07-03T14:05:00+08:00",
		"2025-07-03T06:05:00Z", "2025.7.3 14:05", "2025年7月3日14时05分", "2025-07-03T14:05", " 2025/7/3 14:05:00 ",
	} {
		got, hasTime, err := ParseDateTime(s, sh)
		if err != nil || !got.Equal(want) || !hasTime {
			t.Errorf("ParseDateTime(%q) = %v, %v, %v; want %v", s, got, hasTime, err, want)
		}
	}
}

func TestParseDateTimeReadsBareDatesAsMidnight(t *testing.T) {
	for _, s := range []string{"2026-12-31", "2026/12/31", "2026年12月31日", "2026.12.31"} {
		got, hasTime, err := ParseDateTime(s, time.UTC)
		if err != nil || hasTime || !got.Equal(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("ParseDateTime(%q) = %v, %v, %v", s, got, hasTime, err)
		}
	}
}

func TestParseDateTimeRejectsWhatIsNotADate(t *testing.T) {
	for _, s := range []string{"", "2026-02-30", "2026-13-01", "24", "45123.5", "tomorrow", "2026-1", "26-01-01",
		"2026-01-01 25:00", "0000-01-01", "1799-12-31", "2026-01-01 12:00 nonsense", "2026-01-01+08:00x", "二〇二六年一月一日", "2026-01-01 10"} {
		if got, _, err := ParseDateTime(s, time.UTC); err == nil {
			t.Errorf("ParseDateTime(%q) = %v, want an error", s, got)
		}
	}
}

func TestFromExcelSerialUsesTheWorkbookDateSystem(t *testing.T) {
	got, err := FromExcelSerial(45841.5868055556, false, time.UTC) // 2025-07-03 14:05
	if err != nil || !got.Equal(time.Date(2025, 7, 3, 14, 5, 0, 0, time.UTC)) {
		t.Errorf("1900 system: %v %v", got, err)
	}
	got, err = FromExcelSerial(44379, true, time.UTC) // 1462 days later in the 1904 system
	if err != nil || !got.Equal(time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("1904 system: %v %v", got, err)
	}
	if _, err := FromExcelSerial(24, false, time.UTC); err == nil {
		t.Error("a small number must not pass as a date")
	}
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2025-07-03 14:05", "2025年7月3日", "2025-07-03T14:05:00+08:00", "x", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, _, err := ParseDateTime(s, time.UTC)
		if err == nil && (got.Year() < 1000 || got.Year() > 9999) {
			t.Fatalf("%q parsed to implausible %v", s, got)
		}
	})
}

// dayCacheAgrees fails when the fast path reads s differently from
// ParseDateTime; it is used by the generated cases and the fuzz target.
func dayCacheAgrees(t *testing.T, dc *dayCache, s string, loc *time.Location) bool {
	t.Helper()
	got, ok := dc.parse(s, loc)
	if !ok {
		return false
	}
	want, _, err := ParseDateTime(s, loc)
	if err != nil || !got.Equal(want) || got.Location() != want.Location() || got.String() != want.String() {
		t.Fatalf("%s in %s: fast path %v, ParseDateTime %v (%v)", s, loc, got, want, err)
	}
	return true
}

func TestDayCacheReadsWhatParseDateTimeReads(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for _, name := range []string{"UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		var dc dayCache
		for range 20000 {
			y := 1795 + rng.IntN(410)
			if rng.IntN(4) > 0 {
				y = 2020 + rng.IntN(8) // mostly years that repeat, to exercise the cache
			}
			sep := "-/."[rng.IntN(3)]
			s := fmt.Sprintf("%04d%c%02d%c%02d%c%02d:%02d", y, sep, rng.IntN(14), sep, rng.IntN(33), " T_"[rng.IntN(3)], rng.IntN(26), rng.IntN(62))
			if rng.IntN(2) == 0 {
				s += fmt.Sprintf(":%02d", rng.IntN(62))
			}
			if dayCacheAgrees(t, &dc, s, loc) {
				fast++
			}
		}
		// The days around a daylight-saving change must not be read by adding
		// hours to midnight.
		for _, s := range []string{"2025-03-09 02:30", "2025-03-09 03:30", "2025-11-02 01:30", "2025-11-02 23:59:59", "2025-03-30 01:30", "2025-10-05 02:15"} {
			dayCacheAgrees(t, &dc, s, loc)
		}
	}
	if fast < 25000 { // about 30 % of the generated strings are well-formed
		t.Errorf("the fast path read only %d of 100000 cases", fast)
	}
	var dc dayCache
	for _, s := range []string{"2026-02-30 10:00", "2026-01-01 24:00", "2026-01-01 10:60", "2026-01-01 10:00:60", "2026-01-01 10:00 ", "2026-01-01+10:00", "２０２６-01-01 10:00"} {
		if _, ok := dc.parse(s, time.UTC); ok {
			t.Errorf("%q took the fast path", s)
		}
	}
}

func FuzzDayCache(f *testing.F) {
	for _, s := range []string{"2025-07-03 14:05", "2025/07/03 14:05:09", "2026-02-29 00:00", "1799-12-31 23:59"} {
		f.Add(s)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var dc dayCache
		dayCacheAgrees(t, &dc, s, ny)
		dayCacheAgrees(t, &dc, s, time.UTC)
	})
}
