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

func TestATypoInAnySectionNamesItsPlaceAndTheKeyMeant(t *testing.T) {
	for body, want := range map[string]string{
		"lang: en\nlnag: zh\n":                            `:2:1: unknown key "lnag" at the top level; did you mean "lang"?`,
		"thresholds:\n  trainign_hours: 32\n":             `:2:3: unknown key "trainign_hours" under thresholds; did you mean "training_hours"?`,
		"complaints:\n  file: a.csv\n  colums: {}\n":      `:3:3: unknown key "colums" under complaints; did you mean "columns"?`,
		"calendar:\n  2027:\n    holiday: [2027-01-01]\n": `:3:5: unknown key "holiday" under calendar.2027; did you mean "holidays"?`,
		"branding:\n  clinet: Acme\n":                     `:2:3: unknown key "clinet" under branding; did you mean "client"?`,
		"waivers:\n  - chek: org.uscc\n":                  `:2:5: unknown key "chek" under waivers[0]; did you mean "check"?`,
		"zzz: 1\n":                                        `:1:1: unknown key "zzz" at the top level (known keys: jurisdiction, sector,`,
		"thresholds:\n  ack_hours: soon\n":                `:2:14: thresholds.ack_hours: expected a number, got "soon"`,
		"thresholds:\n  review_months: 1.5\n":             `:2:18: thresholds.review_months: expected a whole number, got "1.5"`,
		"thresholds: 3\n":                                 `:1:13: thresholds: expected a section of keys (key: value lines), got "3"`,
		"complaints:\n  not_tracked: decision\n":          `:2:16: complaints.not_tracked: expected a list`,
		"calendar:\n  next: {}\n":                         `:2:3: calendar: expected a year (e.g. 2027) as the key, got "next"`,
	} {
		p := write(t, body)
		_, err := Load(p, false)
		if err == nil || !strings.Contains(err.Error(), p+want) {
			t.Errorf("%q:\n got %v\nwant %s%s", body, err, p, want)
			continue
		}
		// The reader wrote YAML, not Go: no type of the code may show.
		for _, goWord := range []string{"config.", "type ", "float64", " int", "int64", "!!"} {
			if strings.Contains(err.Error()[len(p):], goWord) {
				t.Errorf("%q: the message speaks Go (%q): %v", body, goWord, err)
			}
		}
	}
}

func TestAKeyOfTwoLettersGetsTheListNotAGuess(t *testing.T) {
	// "id" is contained in too many names for a guess to help.
	_, err := Load(write(t, "id: 1\n"), false)
	if err == nil || !strings.Contains(err.Error(), `unknown key "id" at the top level (known keys: jurisdiction,`) || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("got %v", err)
	}
}

func TestABadValueIsPlacedAtItsLineAndColumn(t *testing.T) {
	for body, want := range map[string]string{
		"jurisdiction: cn\nlang: fr\n":                      `:2:7: lang: expected en or zh, got "fr"`,
		"thresholds:\n  cutoff: 5pm\n":                      `:2:11: thresholds.cutoff: expected HH:MM`,
		"thresholds:\n  complex_resolve_unit: weeks\n":      `:2:25: thresholds.complex_resolve_unit: expected calendar or working`,
		"thresholds:\n  ack_hours: .nan\n":                  `:2:14: thresholds.ack_hours: expected a finite number`,
		"standard: iso9001\n":                               `:1:11: standard: expected iso10002 or gbt19012`,
		"sector: banking\n":                                 `:1:9: sector: expected one of food`,
		"waivers:\n  - check: a.b\n    justification: ''\n": `:2:5: waivers[0]: justification is required`,
	} {
		p := write(t, body)
		if _, err := Load(p, false); err == nil || !strings.Contains(err.Error(), p+want) {
			t.Errorf("%q:\n got %v\nwant %s%s", body, err, p, want)
		}
	}
}
