package cn

import (
	"fmt"
	"time"

	"github.com/certready/certready/internal/civil"
)

// idWeights are the ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 that
// GB 11643-1999 prescribes for the first 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheckChars maps Σ mod 11 to the check character.
const idCheckChars = "10X98765432"

// IDResult is the outcome of ValidateResidentID. It deliberately does not
// expose the sex digit: the audit has no use for it and PIPL's
// data-minimisation principle says not to derive what is not needed.
type IDResult struct {
	// Normalized is the trimmed input with a lower-case x upper-cased.
	Normalized string
	// Valid is true when Problems is empty.
	Valid bool
	// Problems are defects that make the number unusable.
	Problems []Problem
	// Warnings are tolerated irregularities.
	Warnings []Problem
	// ExpectedCheck is the check character the first 17 digits call for,
	// set whenever they are all digits.
	ExpectedCheck byte
	// BirthDate is the date in positions 7–14 when it is a real date,
	// otherwise the zero Date.
	BirthDate Date
	// Division is the six-digit address code in positions 1–6 when the
	// length is right.
	Division string
}

// ResidentIDCheckChar returns the GB 11643-1999 check character for the
// first 17 digits of a resident identity number.
func ResidentIDCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("cn: resident ID body must be 17 digits, got %d characters", len([]rune(first17)))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("cn: resident ID character %d %q is not a digit", i+1, rune(c))
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckChars[sum%11], nil
}

// ValidateResidentID checks an 18-digit resident identity number
// (居民身份证号码) against GB 11643-1999. The birth date must be a real
// calendar date no later than asOf's date in asOf's location; a zero asOf
// skips that comparison, for callers who have no trustworthy reference
// date. First-generation 15-digit numbers are rejected: they stopped being
// valid documents in 2013 and carry no check digit.
func ValidateResidentID(s string, asOf time.Time) IDResult {
	n, warns := normalizeCode(s)
	r := IDResult{Normalized: n, Warnings: warns}
	rs := []rune(n)

	if len(rs) != 18 {
		msg, msgZH := fmt.Sprintf("must be 18 characters, got %d", len(rs)), fmt.Sprintf("应为18位，实为%d位", len(rs))
		if len(rs) == 15 && allDigits(rs) {
			msg += " (15-digit first-generation numbers are no longer valid)"
			msgZH += "（15位第一代身份证号码已停止使用）"
		}
		r.Problems = append(r.Problems, Problem{Code: "length", Message: msg, MessageZH: msgZH})
	}
	bodyOK := true
	for i, c := range rs {
		if c >= '0' && c <= '9' || c == 'X' && i == 17 {
			continue
		}
		bodyOK = bodyOK && i == 17
		what, whatZH := "a digit", "数字"
		if i == 17 {
			what, whatZH = "a digit or X", "数字或X"
		}
		r.Problems = append(r.Problems, Problem{
			Code:      "charset",
			Position:  i + 1,
			Message:   fmt.Sprintf("character %d %q must be %s", i+1, c, what),
			MessageZH: fmt.Sprintf("第%d位字符“%c”应为%s", i+1, c, whatZH),
		})
	}
	if len(rs) != 18 {
		return r
	}

	r.Division = string(rs[:6])
	if allDigits(rs[:6]) && rs[0] != '9' {
		// A leading 9 marks the 2023 foreign permanent-resident card,
		// which has its own nationality-based prefix scheme.
		if _, ok := provincePrefixes[r.Division[:2]]; !ok {
			r.Warnings = append(r.Warnings, Problem{
				Code:      "division-province",
				Position:  1,
				Message:   fmt.Sprintf("address code %q does not start with a known province code", r.Division),
				MessageZH: fmt.Sprintf("地址码“%s”的前两位不是已知的省级代码", r.Division),
			})
		}
	}

	if allDigits(rs[6:14]) {
		birth := string(rs[6:14])
		t, err := time.Parse("20060102", birth)
		switch {
		case err != nil:
			r.Problems = append(r.Problems, Problem{
				Code:      "birth-date",
				Position:  7,
				Message:   fmt.Sprintf("birth date %s (positions 7–14) is not a real date", birth),
				MessageZH: fmt.Sprintf("出生日期%s（第7–14位）不是有效日期", birth),
			})
		case !asOf.IsZero() && civil.Of(t).After(civil.Of(asOf)):
			r.Problems = append(r.Problems, Problem{
				Code:      "birth-date-future",
				Position:  7,
				Message:   fmt.Sprintf("birth date %s is after %s", civil.Of(t), civil.Of(asOf)),
				MessageZH: fmt.Sprintf("出生日期%s晚于%s", civil.Of(t), civil.Of(asOf)),
			})
		default:
			r.BirthDate = civil.Of(t)
			if t.Year() < 1900 {
				r.Warnings = append(r.Warnings, Problem{
					Code:      "birth-date-implausible",
					Position:  7,
					Message:   fmt.Sprintf("birth date %s is implausibly early", r.BirthDate),
					MessageZH: fmt.Sprintf("出生日期%s过早，不合常理", r.BirthDate),
				})
			}
		}
	}

	if bodyOK {
		want, _ := ResidentIDCheckChar(string(rs[:17]))
		r.ExpectedCheck = want
		if last := rs[17]; (last >= '0' && last <= '9' || last == 'X') && byte(last) != want {
			r.Problems = append(r.Problems, Problem{
				Code:      "check",
				Position:  18,
				Message:   fmt.Sprintf("check character is %q but the first 17 digits require %q", last, rune(want)),
				MessageZH: fmt.Sprintf("校验码为“%c”，按前17位计算应为“%c”", last, want),
			})
		}
	}

	r.Valid = len(r.Problems) == 0
	return r
}
