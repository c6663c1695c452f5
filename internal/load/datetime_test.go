package load

import (
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
