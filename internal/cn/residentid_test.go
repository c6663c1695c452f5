package cn

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/certready/certready/internal/civil"
)

func TestValidateResidentID(t *testing.T) {
	asOf := time.Date(2026, time.March, 15, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name          string
		in            string
		wantValid     bool
		wantNorm      string
		wantProblems  []string
		wantWarnings  []string
		wantExpected  byte
		wantBirth     Date
		wantFirstText string
	}{
		{name: "the standard's own example with check X is valid", in: "11010519491231002X", wantValid: true, wantNorm: "11010519491231002X", wantExpected: 'X', wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{name: "a lower-case x is normalised with a warning", in: "11010519491231002x", wantValid: true, wantNorm: "11010519491231002X", wantWarnings: []string{WarnLowercase}, wantExpected: 'X', wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{name: "a digit check character is accepted", in: withIDCheck(t, "44030420000229123"), wantValid: true, wantNorm: withIDCheck(t, "44030420000229123"), wantExpected: withIDCheck(t, "44030420000229123")[17], wantBirth: Date{Year: 2000, Month: 2, Day: 29}},
		{name: "surrounding white space is trimmed", in: " 11010519491231002X\t", wantValid: true, wantNorm: "11010519491231002X", wantExpected: 'X', wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{name: "full-width digits are narrowed with a warning", in: "１１０１０５１９４９１２３１００２Ｘ", wantValid: true, wantNorm: "11010519491231002X", wantWarnings: []string{WarnFullwidth}, wantExpected: 'X', wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{
			name: "a wrong check digit is reported with the expected one", in: "110105194912310021", wantNorm: "110105194912310021",
			wantProblems: []string{"check"}, wantExpected: 'X', wantBirth: Date{Year: 1949, Month: 12, Day: 31},
			wantFirstText: "check character is '1' but the first 17 digits require 'X'",
		},
		{name: "a 15-digit first-generation number is rejected with an explanation", in: "110105491231002", wantNorm: "110105491231002", wantProblems: []string{"length"}, wantFirstText: "must be 18 characters, got 15 (15-digit first-generation numbers are no longer valid)"},
		{name: "seventeen digits are too few", in: "11010519491231002", wantNorm: "11010519491231002", wantProblems: []string{"length"}},
		{name: "an empty string has the wrong length", in: "", wantNorm: "", wantProblems: []string{"length"}},
		{name: "X is only allowed as the check character", in: "1101051949123100X2", wantNorm: "1101051949123100X2", wantProblems: []string{"charset"}, wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{name: "a letter other than X in the check position is rejected", in: "11010519491231002A", wantNorm: "11010519491231002A", wantProblems: []string{"charset"}, wantExpected: 'X', wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{name: "February 30 is not a real birth date", in: withIDCheck(t, "11010519490230002"), wantNorm: withIDCheck(t, "11010519490230002"), wantProblems: []string{"birth-date"}, wantExpected: withIDCheck(t, "11010519490230002")[17]},
		{name: "month 13 is not a real birth date", in: withIDCheck(t, "11010519491301002"), wantNorm: withIDCheck(t, "11010519491301002"), wantProblems: []string{"birth-date"}, wantExpected: withIDCheck(t, "11010519491301002")[17]},
		{name: "29 February 1900 did not exist because 1900 was not a leap year", in: withIDCheck(t, "11010519000229002"), wantNorm: withIDCheck(t, "11010519000229002"), wantProblems: []string{"birth-date"}, wantExpected: withIDCheck(t, "11010519000229002")[17]},
		{name: "a birth date after the as-of date is rejected", in: withIDCheck(t, "11010520260316002"), wantNorm: withIDCheck(t, "11010520260316002"), wantProblems: []string{"birth-date-future"}, wantExpected: withIDCheck(t, "11010520260316002")[17]},
		{name: "a birth on the as-of date itself is accepted", in: withIDCheck(t, "11010520260315002"), wantValid: true, wantNorm: withIDCheck(t, "11010520260315002"), wantExpected: withIDCheck(t, "11010520260315002")[17], wantBirth: Date{Year: 2026, Month: 3, Day: 15}},
		{name: "a birth year before 1900 is only a warning", in: withIDCheck(t, "11010518890101002"), wantValid: true, wantNorm: withIDCheck(t, "11010518890101002"), wantWarnings: []string{"birth-date-implausible"}, wantExpected: withIDCheck(t, "11010518890101002")[17], wantBirth: Date{Year: 1889, Month: 1, Day: 1}},
		{name: "an unknown province prefix is only a warning", in: withIDCheck(t, "00010519491231002"), wantValid: true, wantNorm: withIDCheck(t, "00010519491231002"), wantWarnings: []string{"division-province"}, wantExpected: withIDCheck(t, "00010519491231002")[17], wantBirth: Date{Year: 1949, Month: 12, Day: 31}},
		{name: "a Hong Kong residence-permit prefix is recognised", in: withIDCheck(t, "81000019900101002"), wantValid: true, wantNorm: withIDCheck(t, "81000019900101002"), wantExpected: withIDCheck(t, "81000019900101002")[17], wantBirth: Date{Year: 1990, Month: 1, Day: 1}},
		{name: "a foreign permanent-resident number starting with 9 raises no province warning", in: withIDCheck(t, "93315619900101002"), wantValid: true, wantNorm: withIDCheck(t, "93315619900101002"), wantExpected: withIDCheck(t, "93315619900101002")[17], wantBirth: Date{Year: 1990, Month: 1, Day: 1}},
		{name: "several defects are all reported at once", in: "11010519490230002" + "Y", wantNorm: "11010519490230002Y", wantProblems: []string{"charset", "birth-date"}, wantExpected: withIDCheck(t, "11010519490230002")[17]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ValidateResidentID(tc.in, asOf)
			if r.Valid != tc.wantValid {
				t.Errorf("Valid = %v, want %v (%v)", r.Valid, tc.wantValid, r.Problems)
			}
			if r.Normalized != tc.wantNorm {
				t.Errorf("Normalized = %q, want %q", r.Normalized, tc.wantNorm)
			}
			assertCodes(t, "Problems", r.Problems, tc.wantProblems)
			assertCodes(t, "Warnings", r.Warnings, tc.wantWarnings)
			assertBilingual(t, r.Problems)
			assertBilingual(t, r.Warnings)
			if r.ExpectedCheck != tc.wantExpected {
				t.Errorf("ExpectedCheck = %q, want %q", r.ExpectedCheck, tc.wantExpected)
			}
			if r.BirthDate != tc.wantBirth {
				t.Errorf("BirthDate = %v, want %v", r.BirthDate, tc.wantBirth)
			}
			if tc.wantFirstText != "" && (len(r.Problems) == 0 || r.Problems[0].Message != tc.wantFirstText) {
				t.Errorf("first problem = %v, want %q", r.Problems, tc.wantFirstText)
			}
		})
	}
}

func TestResidentIDAsOfIsReadInItsOwnTimeZone(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*60*60)
	id := withIDCheck(t, "31010120260101002")
	// 00:30 on 1 January in Shanghai is still 31 December in UTC; a baby
	// born that day in Shanghai must not be called "born in the future".
	asOf := time.Date(2026, time.January, 1, 0, 30, 0, 0, shanghai)
	if r := ValidateResidentID(id, asOf); !r.Valid {
		t.Errorf("born on the as-of date in Shanghai: %v", r.Problems)
	}
	if r := ValidateResidentID(id, asOf.UTC()); r.Valid {
		t.Errorf("the same instant read in UTC is the day before the birth, want rejection")
	}
}

func TestResidentIDWithAZeroAsOfSkipsTheFutureCheck(t *testing.T) {
	id := withIDCheck(t, "11010520990101002")
	if r := ValidateResidentID(id, time.Time{}); !r.Valid {
		t.Errorf("zero as-of should skip the future check, got %v", r.Problems)
	}
}

func TestResidentIDCheckChar(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    byte
		wantErr bool
	}{
		{name: "the standard's example computes X", in: "11010519491231002", want: 'X'},
		{name: "a remainder of 0 computes 1", in: "00000000000000000", want: '1'},
		{name: "sixteen digits are rejected", in: "1101051949123100", wantErr: true},
		{name: "a letter is rejected", in: "1101051949123100A", wantErr: true},
		{name: "a multi-byte character is rejected, not split", in: "110105194912310中", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ResidentIDCheckChar(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// ISO 7064 MOD 11-2 catches every single-digit error and every transposition
// of adjacent unequal digits in the body; this checks all of them for one
// number so that a wrong weight table cannot slip through.
func TestEverySingleDigitErrorAndAdjacentTranspositionInAResidentIDIsDetected(t *testing.T) {
	valid := "11010519491231002X"
	for i := range 17 {
		for c := byte('0'); c <= '9'; c++ {
			if c == valid[i] {
				continue
			}
			mutated := valid[:i] + string(c) + valid[i+1:]
			if ValidateResidentID(mutated, time.Time{}).Valid {
				t.Errorf("%s (position %d changed to %c) was accepted", mutated, i+1, c)
			}
		}
	}
	for i := range 16 {
		if valid[i] == valid[i+1] {
			continue
		}
		b := []byte(valid)
		b[i], b[i+1] = b[i+1], b[i]
		if r := ValidateResidentID(string(b), time.Time{}); r.Valid {
			t.Errorf("%s (positions %d and %d swapped) was accepted", b, i+1, i+2)
		}
	}
}

func FuzzResidentID(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "110105491231002", "", "X", "１１０１０５１９４９１２３１００２Ｘ", "身份证号码", "\xff"} {
		f.Add(s)
	}
	asOf := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		r := ValidateResidentID(s, asOf)
		if r.Valid != (len(r.Problems) == 0) {
			t.Fatalf("Valid = %v with problems %v", r.Valid, r.Problems)
		}
		assertBilingual(t, r.Problems)
		assertBilingual(t, r.Warnings)
		if again := ValidateResidentID(r.Normalized, asOf); again.Normalized != r.Normalized || again.Valid != r.Valid {
			t.Fatalf("normalisation is not idempotent for %q", s)
		}
		if r.Valid {
			if len(r.Normalized) != 18 || strings.ContainsFunc(r.Normalized[:17], func(c rune) bool { return c < '0' || c > '9' }) {
				t.Fatalf("valid ID %q is malformed", r.Normalized)
			}
			if c, err := ResidentIDCheckChar(r.Normalized[:17]); err != nil || c != r.Normalized[17] {
				t.Fatalf("valid ID %q disagrees with ResidentIDCheckChar", r.Normalized)
			}
			if r.BirthDate.IsZero() || r.BirthDate.After(civil.Of(asOf)) {
				t.Fatalf("valid ID %q has birth date %v", r.Normalized, r.BirthDate)
			}
		}
		for _, p := range r.Problems {
			if p.Position < 0 || p.Position > utf8.RuneCountInString(r.Normalized) {
				t.Fatalf("problem %+v points outside %q", p, r.Normalized)
			}
		}
	})
}
