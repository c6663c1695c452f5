package cn

import "fmt"

// orgWeights are the GB 11714-1997 weights for the eight body characters.
var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// OrgCodeResult is the outcome of ValidateOrgCode.
type OrgCodeResult struct {
	// Normalized is the conventional printed form "XXXXXXXX-C" when the
	// input is well formed apart from perhaps its check character,
	// otherwise the upper-cased, trimmed input. Certificates print the
	// hyphen, so this is the form people will search for.
	Normalized string
	// Compact is the canonical Normalized without the hyphen, the form
	// embedded in positions 9–17 of a unified social credit code; it is
	// empty when Normalized is not canonical.
	Compact string
	// Valid is true when Problems is empty.
	Valid bool
	// Problems are defects that make the code unusable.
	Problems []Problem
	// Warnings are tolerated irregularities such as lower case.
	Warnings []Problem
	// ExpectedCheck is the check character the body calls for, set
	// whenever the body is well formed.
	ExpectedCheck byte
}

// orgValue maps 0-9 to 0–9 and A-Z to 10–35, or returns -1.
func orgValue(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// OrgCodeCheckChar returns the GB 11714-1997 check character ('0'–'9' or
// 'X') for an eight-character organisation-code body.
func OrgCodeCheckChar(body string) (byte, error) {
	n, _ := normalizeCode(body)
	rs := []rune(n)
	if len(rs) != 8 {
		return 0, fmt.Errorf("cn: organisation code body must be 8 characters, got %d", len(rs))
	}
	sum := 0
	for i, c := range rs {
		v := orgValue(c)
		if v < 0 {
			return 0, fmt.Errorf("cn: organisation code character %d %q is not a digit or letter A–Z", i+1, c)
		}
		sum += v * orgWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X', nil
	case 11:
		return '0', nil
	default:
		return byte('0' + c), nil
	}
}

// ValidateOrgCode checks an organisation code (组织机构代码) against
// GB 11714-1997. The hyphen before the check character is optional because
// it is printed on certificates but dropped in most databases.
func ValidateOrgCode(s string) OrgCodeResult {
	n, warns := normalizeCode(s)
	r := OrgCodeResult{Normalized: n, Warnings: warns}
	rs := []rune(n)

	// Hyphens are set aside first so that a misplaced one is reported once,
	// as such, rather than also as a wrong length and a bad character.
	// pos maps an index in compact back to a 1-based position in n.
	var compact []rune
	var pos []int
	misplaced := false
	for i, c := range rs {
		if c != '-' {
			compact = append(compact, c)
			pos = append(pos, i+1)
			continue
		}
		if i != len(rs)-2 {
			misplaced = true
			r.Problems = append(r.Problems, Problem{
				Code:      "hyphen",
				Position:  i + 1,
				Message:   fmt.Sprintf("hyphen at character %d is only allowed immediately before the check character", i+1),
				MessageZH: fmt.Sprintf("第%d位的连字符只能紧邻校验码之前", i+1),
			})
		}
	}
	if len(compact) != 9 {
		r.Problems = append(r.Problems, Problem{
			Code:      "length",
			Message:   fmt.Sprintf("must be 9 characters (8 + check, optionally written XXXXXXXX-C), got %d", len(compact)),
			MessageZH: fmt.Sprintf("应为9位（8位本体码加1位校验码，可写作XXXXXXXX-C），实为%d位", len(compact)),
		})
	}
	bodyOK, checkOK := len(compact) == 9, len(compact) == 9
	for i, c := range compact {
		if i == 8 && len(compact) == 9 {
			if (c < '0' || c > '9') && c != 'X' {
				checkOK = false
				r.Problems = append(r.Problems, Problem{
					Code:      "charset",
					Position:  pos[i],
					Message:   fmt.Sprintf("check character %q must be a digit or X", c),
					MessageZH: fmt.Sprintf("校验码“%c”应为数字或X", c),
				})
			}
			continue
		}
		if orgValue(c) < 0 {
			bodyOK = false
			r.Problems = append(r.Problems, Problem{
				Code:      "charset",
				Position:  pos[i],
				Message:   fmt.Sprintf("character %d %q is not allowed (only digits and letters A–Z are used)", pos[i], c),
				MessageZH: fmt.Sprintf("第%d位字符“%c”不允许使用（只能使用数字及字母A–Z）", pos[i], c),
			})
		}
	}
	if len(compact) != 9 {
		return r
	}

	if bodyOK && checkOK && !misplaced {
		r.Compact = string(compact)
		r.Normalized = string(compact[:8]) + "-" + string(compact[8])
	}
	if bodyOK {
		want, _ := OrgCodeCheckChar(string(compact[:8]))
		r.ExpectedCheck = want
		if checkOK && compact[8] != rune(want) {
			r.Problems = append(r.Problems, Problem{
				Code:      "check",
				Position:  pos[8],
				Message:   fmt.Sprintf("check character is %q but the first 8 characters require %q", compact[8], rune(want)),
				MessageZH: fmt.Sprintf("校验码为“%c”，按前8位计算应为“%c”", compact[8], want),
			})
		}
	}
	r.Valid = len(r.Problems) == 0
	return r
}
