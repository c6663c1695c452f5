package cn

import (
	"testing"
)

func TestValidateOrgCode(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		wantValid    bool
		wantNorm     string
		wantCompact  string
		wantProblems []string
		wantWarnings []string
		wantExpected byte
	}{
		{name: "a printed code with hyphen and check X is valid", in: "D2143569-X", wantValid: true, wantNorm: "D2143569-X", wantCompact: "D2143569X", wantExpected: 'X'},
		{name: "the hyphen is optional", in: "D2143569X", wantValid: true, wantNorm: "D2143569-X", wantCompact: "D2143569X", wantExpected: 'X'},
		{name: "a lower-case x is normalised with a warning", in: "d2143569-x", wantValid: true, wantNorm: "D2143569-X", wantCompact: "D2143569X", wantWarnings: []string{WarnLowercase}, wantExpected: 'X'},
		{name: "a sum that is a multiple of 11 gives check 0, not 11", in: "00000000-0", wantValid: true, wantNorm: "00000000-0", wantCompact: "000000000", wantExpected: '0'},
		{name: "the code embedded in the Fuzhou USCC is valid", in: "M000100Y4", wantValid: true, wantNorm: "M000100Y-4", wantCompact: "M000100Y4", wantExpected: '4'},
		{name: "the code embedded in the Beijing USCC is valid", in: "60003734-1", wantValid: true, wantNorm: "60003734-1", wantCompact: "600037341", wantExpected: '1'},
		{name: "surrounding spaces are trimmed", in: "  60003734-1 ", wantValid: true, wantNorm: "60003734-1", wantCompact: "600037341", wantExpected: '1'},
		{name: "a wrong check digit is reported with the expected one", in: "12345678-9", wantNorm: "12345678-9", wantCompact: "123456789", wantProblems: []string{"check"}, wantExpected: '8'},
		{name: "a check letter other than X is a charset problem, not also a check problem", in: "D2143569-Y", wantNorm: "D2143569-Y", wantProblems: []string{"charset"}, wantExpected: 'X'},
		{name: "a misplaced hyphen is reported once, as such", in: "1234-5678-8", wantNorm: "1234-5678-8", wantProblems: []string{"hyphen"}, wantExpected: '8'},
		{name: "two hyphens before the check character are one too many", in: "12345678--8", wantNorm: "12345678--8", wantProblems: []string{"hyphen"}, wantExpected: '8'},
		{name: "a hyphen in place of the check character is reported", in: "12345678-", wantNorm: "12345678-", wantProblems: []string{"hyphen", "length"}},
		{name: "punctuation in the body is rejected", in: "1234567#-8", wantNorm: "1234567#-8", wantProblems: []string{"charset"}},
		{name: "eight characters are too few", in: "12345678", wantNorm: "12345678", wantProblems: []string{"length"}},
		{name: "ten characters without a hyphen are too many", in: "1234567890", wantNorm: "1234567890", wantProblems: []string{"length"}},
		{name: "an empty string has the wrong length", in: "", wantNorm: "", wantProblems: []string{"length"}},
		{name: "Chinese characters are counted as characters and each is reported", in: "组织机构代码证书号", wantNorm: "组织机构代码证书号", wantProblems: []string{"charset", "charset", "charset", "charset", "charset", "charset", "charset", "charset", "charset"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ValidateOrgCode(tc.in)
			if r.Valid != tc.wantValid {
				t.Errorf("Valid = %v, want %v (%v)", r.Valid, tc.wantValid, r.Problems)
			}
			if r.Normalized != tc.wantNorm || r.Compact != tc.wantCompact {
				t.Errorf("Normalized, Compact = %q, %q, want %q, %q", r.Normalized, r.Compact, tc.wantNorm, tc.wantCompact)
			}
			assertCodes(t, "Problems", r.Problems, tc.wantProblems)
			assertCodes(t, "Warnings", r.Warnings, tc.wantWarnings)
			assertBilingual(t, r.Problems)
			if r.ExpectedCheck != tc.wantExpected {
				t.Errorf("ExpectedCheck = %q, want %q", r.ExpectedCheck, tc.wantExpected)
			}
		})
	}
}

func TestOrgCodeProblemsPointAtTheCharacterAsWritten(t *testing.T) {
	r := ValidateOrgCode("12345678-9")
	if len(r.Problems) != 1 || r.Problems[0].Position != 10 {
		t.Errorf("check problem should point at character 10 after the hyphen, got %+v", r.Problems)
	}
	r = ValidateOrgCode("123456789")
	if len(r.Problems) != 1 || r.Problems[0].Position != 9 {
		t.Errorf("check problem should point at character 9 without a hyphen, got %+v", r.Problems)
	}
}

func TestOrgCodeCheckChar(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    byte
		wantErr bool
	}{
		{name: "a remainder of 1 gives X", in: "D2143569", want: 'X'},
		{name: "a remainder of 0 gives 0", in: "00000000", want: '0'},
		{name: "letters count from A=10", in: "M000100Y", want: '4'},
		{name: "lower case is accepted by the calculator", in: "m000100y", want: '4'},
		{name: "seven characters are rejected", in: "1234567", wantErr: true},
		{name: "nine characters are rejected", in: "123456789", wantErr: true},
		{name: "punctuation is rejected", in: "1234567-", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := OrgCodeCheckChar(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// Digit substitutions differ by less than 11 and every weight is non-zero
// modulo 11, so each one changes the check; letters can alias (0 and B
// differ by exactly 11), which is why the test is limited to digits.
func TestEverySingleDigitSubstitutionInAValidOrgCodeIsDetected(t *testing.T) {
	valid := "60003734-1"
	for i := range 8 {
		for c := byte('0'); c <= '9'; c++ {
			if c == valid[i] {
				continue
			}
			mutated := valid[:i] + string(c) + valid[i+1:]
			if ValidateOrgCode(mutated).Valid {
				t.Errorf("%s (position %d changed to %c) was accepted", mutated, i+1, c)
			}
		}
	}
}

func FuzzOrgCode(f *testing.F) {
	for _, s := range []string{"D2143569-X", "D2143569X", "00000000-0", "12345678--8", "-", "组织机构代码", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ValidateOrgCode(s)
		if r.Valid != (len(r.Problems) == 0) {
			t.Fatalf("Valid = %v with problems %v", r.Valid, r.Problems)
		}
		assertBilingual(t, r.Problems)
		if again := ValidateOrgCode(r.Normalized); again.Normalized != r.Normalized || again.Valid != r.Valid {
			t.Fatalf("normalisation is not idempotent: %q -> %q -> %q", s, r.Normalized, again.Normalized)
		}
		if r.Valid {
			if len(r.Compact) != 9 || r.Normalized != r.Compact[:8]+"-"+r.Compact[8:] {
				t.Fatalf("valid code has odd forms %q / %q", r.Normalized, r.Compact)
			}
			if again := ValidateOrgCode(r.Compact); !again.Valid || again.Normalized != r.Normalized {
				t.Fatalf("compact form %q does not validate to the same code", r.Compact)
			}
		}
	})
}
