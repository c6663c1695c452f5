package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAMissingOptionalFileGivesTheSeedsDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), FileName), true)
	if err != nil {
		t.Fatal(err)
	}
	if c.Thresholds.AckHours != 24 || c.Thresholds.ResponseHours != 48 || c.Thresholds.TrainingHours != 24 ||
		c.Thresholds.BudgetRatio != 0.005 || c.Thresholds.MinOperationMonths != 3 || c.Thresholds.SimpleResolveDays != 3 {
		t.Errorf("defaults are not the seeds' figures: %+v", c.Thresholds)
	}
}

func TestThresholdsOverrideOnlyWhatTheyName(t *testing.T) {
	c, err := Load(write(t, "thresholds:\n  training_hours: 32\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Thresholds.TrainingHours != 32 || c.Thresholds.AckHours != 24 {
		t.Errorf("got %+v", c.Thresholds)
	}
}

func TestBadConfigurationIsAPositionedError(t *testing.T) {
	for body, want := range map[string]string{
		"thresholds:\n  trainign_hours: 32\n":                                       "trainign_hours",
		"lang: fr\n":                                                                "lang",
		"sector: banking\n":                                                         "sector: expected one of food",
		"thresholds:\n  cutoff: 5pm\n":                                              "cutoff",
		"thresholds:\n  cutoff: \"24:30\"\n":                                        "cutoff",
		"thresholds:\n  nonworking_receipt: monday\n":                               "expected next_working_day",
		"thresholds:\n  complex_resolve_unit: weeks\n":                              "expected calendar or working",
		"waivers:\n  - check: org.uscc\n":                                           "2:5: waivers[0]: justification is required",
		"waivers:\n  - justification: x\n":                                          "check is required",
		"waivers:\n  - check: a.b\n    justification: x\n    expires: 2026-02-30\n": "expires",
	} {
		_, err := Load(write(t, body), false)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error mentioning %q", body, err, want)
		}
	}
}

func TestTheSectorSettingTakesTheCodeOrItsChineseLabel(t *testing.T) {
	for body, want := range map[string]string{"sector: finance\n": "finance", "sector: 金融\n": "finance", "": ""} {
		c, err := Load(write(t, body), false)
		if err != nil {
			t.Fatal(err)
		}
		if c.Sector != want {
			t.Errorf("%q: sector %q, want %q", body, c.Sector, want)
		}
	}
}

func TestACutoffOf2400MakesEveryWorkingDayReceiptDayZero(t *testing.T) {
	c, err := Load(write(t, "thresholds:\n  cutoff: \"24:00\"\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := c.Thresholds.CutoffDuration(); err != nil || d != 24*time.Hour {
		t.Errorf("cutoff 24:00 = %v, %v; want 24h", d, err)
	}
}
