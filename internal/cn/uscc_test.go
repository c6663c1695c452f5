package cn

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestValidateUSCC(t *testing.T) {
	// A body whose embedded organisation code is itself valid, so that only
	// the defect under test is reported.
	good17 := "91350100M000100Y4"
	central := withUSCCCheck(t, "11100000"+withOrgCheck(t, "00001312"))

	tests := []struct {
		name          string
		in            string
		wantValid     bool
		wantNorm      string
		wantProblems  []string
		wantWarnings  []string
		wantExpected  byte
		wantFirstText string
	}{
		{name: "a Fuzhou company's code is valid", in: "91350100M000100Y43", wantValid: true, wantNorm: "91350100M000100Y43", wantExpected: '3'},
		{name: "a Beijing company's code is valid", in: "91110000600037341L", wantValid: true, wantNorm: "91110000600037341L", wantExpected: 'L'},
		{name: "a centrally registered code with division 100000 raises no province warning", in: central, wantValid: true, wantNorm: central, wantExpected: central[17]},
		{name: "lower case is normalised and still valid with a warning", in: "91350100m000100y43", wantValid: true, wantNorm: "91350100M000100Y43", wantWarnings: []string{WarnLowercase}, wantExpected: '3'},
		{name: "surrounding white space is trimmed without comment", in: " \t91110000600037341L\n", wantValid: true, wantNorm: "91110000600037341L", wantExpected: 'L'},
		{name: "full-width characters from a Chinese input method are narrowed with a warning", in: "　９１１１００００６０００３７３４１Ｌ", wantValid: true, wantNorm: "91110000600037341L", wantWarnings: []string{WarnFullwidth}, wantExpected: 'L'},
		{name: "full-width lower case gets both warnings", in: "９１３５０１００ｍ０００１００ｙ４３", wantValid: true, wantNorm: "91350100M000100Y43", wantWarnings: []string{WarnFullwidth, WarnLowercase}, wantExpected: '3'},
		{
			name: "a wrong check character is reported together with the expected one", in: "91350100M000100Y44",
			wantNorm: "91350100M000100Y44", wantProblems: []string{"check"}, wantExpected: '3',
			wantFirstText: "check character is '4' but the first 17 characters require '3'",
		},
		{
			name: "the letter I in the division code is rejected with the confusable-letters explanation", in: "9135I100M000100Y43",
			wantNorm: "9135I100M000100Y43", wantProblems: []string{"charset", "division"},
			wantFirstText: "character 5 'I' is not allowed (I, O, Z, S, V are never used)",
		},
		{name: "the letter O in the organisation code is rejected", in: "91350100O000100Y43", wantNorm: "91350100O000100Y43", wantProblems: []string{"charset"}},
		{name: "the letter Z in the organisation code is rejected", in: "91350100Z000100Y43", wantNorm: "91350100Z000100Y43", wantProblems: []string{"charset"}},
		{name: "the letter S as check character is rejected", in: "91350100M000100Y4S", wantNorm: "91350100M000100Y4S", wantProblems: []string{"charset"}},
		{name: "the letter V in the entity type is rejected", in: "9V350100M000100Y43", wantNorm: "9V350100M000100Y43", wantProblems: []string{"charset"}},
		{name: "lower-case forbidden letters are still forbidden after normalisation", in: "91350100o000100y43", wantNorm: "91350100O000100Y43", wantProblems: []string{"charset"}, wantWarnings: []string{WarnLowercase}},
		{
			name: "punctuation is rejected with the list of allowed letters", in: "91350100M000100Y4#",
			wantNorm: "91350100M000100Y4#", wantProblems: []string{"charset"},
			wantFirstText: "character 18 '#' is not allowed (only digits and the letters ABCDEFGHJKLMNPQRTUWXY are used)",
		},
		{name: "every bad character is reported, not just the first", in: "91350100M0001OOY43", wantNorm: "91350100M0001OOY43", wantProblems: []string{"charset", "charset"}},
		{name: "a 17-character code is too short", in: "91350100M000100Y4", wantNorm: "91350100M000100Y4", wantProblems: []string{"length"}, wantFirstText: "must be 18 characters, got 17"},
		{name: "a 19-character code is too long", in: "91350100M000100Y433", wantNorm: "91350100M000100Y433", wantProblems: []string{"length"}},
		{name: "an empty string has the wrong length", in: "", wantNorm: "", wantProblems: []string{"length"}, wantFirstText: "must be 18 characters, got 0"},
		{name: "internal spaces are not silently removed", in: "9135 0100 M000100Y43", wantNorm: "9135 0100 M000100Y43", wantProblems: []string{"length", "charset", "charset"}},
		{name: "Chinese text is measured in characters, not bytes", in: "统一社会信用代码", wantNorm: "统一社会信用代码", wantProblems: []string{"length", "charset", "charset", "charset", "charset", "charset", "charset", "charset", "charset"}},
		{name: "a registering authority outside 1–9, A, N and Y is rejected", in: withUSCCCheck(t, "B"+good17[1:]), wantNorm: withUSCCCheck(t, "B"+good17[1:]), wantProblems: []string{"authority"}, wantExpected: withUSCCCheck(t, "B"+good17[1:])[17]},
		{name: "a forbidden letter as authority is reported once, as a bad character", in: "I1350100M000100Y43", wantNorm: "I1350100M000100Y43", wantProblems: []string{"charset"}},
		{name: "invalid UTF-8 is reported as a bad character, not as full width", in: "91350100M000100Y4\xff", wantNorm: "91350100M000100Y4\uFFFD", wantProblems: []string{"charset"}},
		{name: "authority 0 is rejected", in: withUSCCCheck(t, "0"+good17[1:]), wantNorm: withUSCCCheck(t, "0"+good17[1:]), wantProblems: []string{"authority"}, wantExpected: withUSCCCheck(t, "0"+good17[1:])[17]},
		{name: "authority A (military establishment office) is accepted", in: withUSCCCheck(t, "A1"+good17[2:]), wantValid: true, wantNorm: withUSCCCheck(t, "A1"+good17[2:]), wantExpected: withUSCCCheck(t, "A1"+good17[2:])[17]},
		{name: "authority N (agriculture) is accepted", in: withUSCCCheck(t, "N2"+good17[2:]), wantValid: true, wantNorm: withUSCCCheck(t, "N2"+good17[2:]), wantExpected: withUSCCCheck(t, "N2"+good17[2:])[17]},
		{name: "authority Y (other) is accepted", in: withUSCCCheck(t, "Y1"+good17[2:]), wantValid: true, wantNorm: withUSCCCheck(t, "Y1"+good17[2:]), wantExpected: withUSCCCheck(t, "Y1"+good17[2:])[17]},
		{name: "a civil-affairs foundation is accepted", in: withUSCCCheck(t, "53"+good17[2:]), wantValid: true, wantNorm: withUSCCCheck(t, "53"+good17[2:]), wantExpected: withUSCCCheck(t, "53"+good17[2:])[17]},
		{name: "a letter in the division code is rejected", in: withUSCCCheck(t, "91A50100M000100Y4"), wantNorm: withUSCCCheck(t, "91A50100M000100Y4"), wantProblems: []string{"division"}, wantExpected: withUSCCCheck(t, "91A50100M000100Y4")[17]},
		{name: "an entity type undefined for industry and commerce is only a warning", in: withUSCCCheck(t, "94"+good17[2:]), wantValid: true, wantNorm: withUSCCCheck(t, "94"+good17[2:]), wantWarnings: []string{"entity-type"}, wantExpected: withUSCCCheck(t, "94"+good17[2:])[17]},
		{name: "an unknown province prefix is only a warning", in: withUSCCCheck(t, "91990100M000100Y4"), wantValid: true, wantNorm: withUSCCCheck(t, "91990100M000100Y4"), wantWarnings: []string{"division-province"}, wantExpected: withUSCCCheck(t, "91990100M000100Y4")[17]},
		{name: "an embedded organisation code with a bad check digit is only a warning", in: withUSCCCheck(t, "91350100M000100Y5"), wantValid: true, wantNorm: withUSCCCheck(t, "91350100M000100Y5"), wantWarnings: []string{"embedded-orgcode"}, wantExpected: withUSCCCheck(t, "91350100M000100Y5")[17]},
		{name: "an embedded organisation code ending in a letter other than X is only a warning", in: withUSCCCheck(t, "91350100M000100YA"), wantValid: true, wantNorm: withUSCCCheck(t, "91350100M000100YA"), wantWarnings: []string{"embedded-orgcode"}, wantExpected: withUSCCCheck(t, "91350100M000100YA")[17]},
		{name: "several defects are all reported at once", in: withUSCCCheck(t, "B4A50100M000100Y5")[:17] + "0", wantNorm: withUSCCCheck(t, "B4A50100M000100Y5")[:17] + "0", wantProblems: []string{"authority", "division", "check"}, wantWarnings: []string{"embedded-orgcode"}, wantExpected: withUSCCCheck(t, "B4A50100M000100Y5")[17]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ValidateUSCC(tc.in)
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
			if tc.wantFirstText != "" && (len(r.Problems) == 0 || r.Problems[0].Message != tc.wantFirstText) {
				t.Errorf("first problem = %v, want %q", r.Problems, tc.wantFirstText)
			}
		})
	}
}

func TestValidateUSCCSplitsTheCodeIntoItsSegments(t *testing.T) {
	r := ValidateUSCC("91350100M000100Y43")
	if r.Authority != "9" || r.EntityType != "1" || r.Division != "350100" || r.OrgCode != "M000100Y4" {
		t.Errorf("segments = %q %q %q %q", r.Authority, r.EntityType, r.Division, r.OrgCode)
	}
	if short := ValidateUSCC("91350100"); short.Division != "" || short.OrgCode != "" {
		t.Errorf("a wrong-length code must not be segmented, got %+v", short)
	}
}

func TestValidateUSCCReportsPositionsOfBadCharacters(t *testing.T) {
	r := ValidateUSCC("91350100M0001OOY43")
	if len(r.Problems) != 2 || r.Problems[0].Position != 14 || r.Problems[1].Position != 15 {
		t.Errorf("problems = %+v, want charset at 14 and 15", r.Problems)
	}
	if !strings.Contains(r.Problems[0].MessageZH, "第14位") {
		t.Errorf("Chinese message %q should name the position", r.Problems[0].MessageZH)
	}
}

func TestUSCCCheckChar(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    byte
		wantErr bool
	}{
		{name: "the Fuzhou example computes 3", in: "91350100M000100Y4", want: '3'},
		{name: "the Beijing example computes L", in: "91110000600037341", want: 'L'},
		{name: "lower case is accepted by the calculator", in: "91350100m000100y4", want: '3'},
		{name: "a body whose weighted sum is a multiple of 31 computes 0", in: "00000000000000000", want: '0'},
		{name: "sixteen characters are rejected", in: "91350100M000100Y", wantErr: true},
		{name: "eighteen characters are rejected", in: "91350100M000100Y43", wantErr: true},
		{name: "a forbidden letter is rejected", in: "91350100I000100Y4", wantErr: true},
		{name: "a non-ASCII character is rejected", in: "91350100M000100Y中", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := USCCCheckChar(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// Every single-character substitution must be caught: the weights are
// non-zero modulo the prime 31, so a changed value always changes the sum.
func TestEverySingleCharacterSubstitutionInAValidUSCCIsDetected(t *testing.T) {
	for _, valid := range []string{"91350100M000100Y43", "91110000600037341L"} {
		for i := range 18 {
			for j := range len(usccAlphabet) {
				c := usccAlphabet[j]
				if c == valid[i] {
					continue
				}
				mutated := valid[:i] + string(c) + valid[i+1:]
				if ValidateUSCC(mutated).Valid {
					t.Errorf("%s (position %d changed to %c) was accepted", mutated, i+1, c)
				}
			}
		}
	}
}

func TestComputedCheckCharactersAlwaysSatisfyTheValidator(t *testing.T) {
	// Walk a deterministic spread of bodies rather than random ones so a
	// failure is reproducible from the log alone.
	const org = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	for i := range 2000 {
		var b strings.Builder
		b.WriteString("91440300")
		for k := range 9 {
			b.WriteByte(org[(i*7+k*13+i*k)%len(org)])
		}
		code := withUSCCCheck(t, b.String())
		if r := ValidateUSCC(code); !r.Valid {
			t.Fatalf("%s with computed check was rejected: %v", code, r.Problems)
		}
	}
}

func FuzzUSCC(f *testing.F) {
	for _, s := range []string{"91350100M000100Y43", "91110000600037341L", "91350100m000100y43", "９１１１００００６０００３７３４１Ｌ", "", "I", "91350100M000100Y4", "统一社会信用代码", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ValidateUSCC(s)
		if r.Valid != (len(r.Problems) == 0) {
			t.Fatalf("Valid = %v with problems %v", r.Valid, r.Problems)
		}
		assertBilingual(t, r.Problems)
		assertBilingual(t, r.Warnings)
		again := ValidateUSCC(r.Normalized)
		if again.Normalized != r.Normalized || again.Valid != r.Valid {
			t.Fatalf("normalisation is not idempotent: %q -> %q (valid %v -> %v)", s, again.Normalized, r.Valid, again.Valid)
		}
		if r.Valid {
			if len(r.Normalized) != 18 || !utf8.ValidString(r.Normalized) {
				t.Fatalf("valid code %q is not 18 ASCII characters", r.Normalized)
			}
			if c, err := USCCCheckChar(r.Normalized[:17]); err != nil || c != r.Normalized[17] {
				t.Fatalf("valid code %q disagrees with USCCCheckChar: %q %v", r.Normalized, c, err)
			}
		}
		for _, p := range r.Problems {
			if p.Position < 0 || p.Position > utf8.RuneCountInString(r.Normalized) {
				t.Fatalf("problem %+v points outside %q", p, r.Normalized)
			}
		}
	})
}
