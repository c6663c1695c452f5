package cn

import (
	"fmt"
	"strings"
)

// usccAlphabet is the GB 32100-2015 character set in value order. I, O, Z,
// S and V are left out because they are too easily confused with 1, 0, 2,
// 5 and U when codes are copied by hand.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^i mod 31 for positions 1–17.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccAuthorities maps the registering-authority code (position 1) to its
// English and Chinese names; anything else cannot have been issued.
var usccAuthorities = map[rune][2]string{
	'1': {"establishment administration", "机构编制"},
	'2': {"foreign affairs", "外交"},
	'3': {"judicial administration", "司法行政"},
	'4': {"culture", "文化"},
	'5': {"civil affairs", "民政"},
	'6': {"tourism", "旅游"},
	'7': {"religious affairs", "宗教"},
	'8': {"trade unions", "工会"},
	'9': {"industry and commerce", "工商"},
	'A': {"CMC reform and establishment office", "中央军委改革和编制办公室"},
	'N': {"agriculture", "农业"},
	'Y': {"other", "其他"},
}

// usccEntityTypes lists the entity-type codes (position 2) for the three
// authorities that issue nearly all codes seen in practice. Other
// authorities are not checked because their category lists have been
// amended more than once and a false alarm costs an auditor more time than
// a missed oddity.
var usccEntityTypes = map[rune]string{
	'1': "1239", // 机关, 事业单位, 群众团体, 其他
	'5': "1239", // 社会团体, 民办非企业单位, 基金会, 其他
	'9': "123",  // 企业, 个体工商户, 农民专业合作社
}

// USCCResult is the outcome of ValidateUSCC.
type USCCResult struct {
	// Normalized is the input upper-cased, narrowed from full width and
	// trimmed; it is the form to store and compare.
	Normalized string
	// Valid is true when Problems is empty.
	Valid bool
	// Problems are defects that make the code unusable as an identifier.
	Problems []Problem
	// Warnings are irregularities that do not invalidate the code, such as
	// case normalisation or an embedded organisation code whose own check
	// digit is wrong (found on genuinely issued codes).
	Warnings []Problem
	// ExpectedCheck is the check character the first 17 characters call
	// for; it is set whenever it can be computed, so a report can suggest
	// the correction when the check fails.
	ExpectedCheck byte

	// The segments below are filled only when the length is right: on a
	// wrong-length input the segment boundaries would be guesses.

	// Authority is position 1, the registering authority (登记管理部门).
	Authority string
	// EntityType is position 2, the entity category (机构类别).
	EntityType string
	// Division is positions 3–8, the GB/T 2260 division of the registering
	// office (登记管理机关行政区划码).
	Division string
	// OrgCode is positions 9–17, the GB 11714 organisation code (主体标识码)
	// without a hyphen; pass it to ValidateOrgCode for its own check.
	OrgCode string
}

// USCCCheckChar returns the check character for the first 17 characters of
// a unified social credit code. Lower-case letters are accepted because the
// function is a calculator, not a validator.
func USCCCheckChar(first17 string) (byte, error) {
	n, _ := normalizeCode(first17)
	rs := []rune(n)
	if len(rs) != 17 {
		return 0, fmt.Errorf("cn: USCC body must be 17 characters, got %d", len(rs))
	}
	sum := 0
	for i, c := range rs {
		v := -1
		if c < 0x80 {
			v = strings.IndexByte(usccAlphabet, byte(c))
		}
		if v < 0 {
			return 0, fmt.Errorf("cn: USCC character %d %q is not in the GB 32100 character set", i+1, c)
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], nil
}

// ValidateUSCC checks a unified social credit code (统一社会信用代码)
// against GB 32100-2015 and reports every defect it finds.
func ValidateUSCC(s string) USCCResult {
	n, warns := normalizeCode(s)
	r := USCCResult{Normalized: n, Warnings: warns}
	rs := []rune(n)

	if len(rs) != 18 {
		r.Problems = append(r.Problems, Problem{
			Code:      "length",
			Message:   fmt.Sprintf("must be 18 characters, got %d", len(rs)),
			MessageZH: fmt.Sprintf("应为18位，实为%d位", len(rs)),
		})
	}
	charsetOK := true
	for i, c := range rs {
		if c < 0x80 && strings.IndexByte(usccAlphabet, byte(c)) >= 0 {
			continue
		}
		charsetOK = false
		r.Problems = append(r.Problems, usccCharsetProblem(i+1, c))
	}
	if len(rs) != 18 {
		r.Valid = false
		return r
	}

	r.Authority, r.EntityType = string(rs[0]), string(rs[1])
	r.Division, r.OrgCode = string(rs[2:8]), string(rs[8:17])

	// A character outside the alphabet has already been reported as such;
	// calling it an undefined authority or entity type as well would only
	// double the noise.
	inAlphabet := func(c rune) bool { return strings.ContainsRune(usccAlphabet, c) }
	if _, ok := usccAuthorities[rs[0]]; !ok && inAlphabet(rs[0]) {
		r.Problems = append(r.Problems, Problem{
			Code:      "authority",
			Position:  1,
			Message:   fmt.Sprintf("registering-authority code %q is not defined (expected 1–9, A, N or Y)", rs[0]),
			MessageZH: fmt.Sprintf("登记管理部门代码“%c”未定义（应为1–9、A、N或Y）", rs[0]),
		})
	} else if types, ok := usccEntityTypes[rs[0]]; ok && !strings.ContainsRune(types, rs[1]) && inAlphabet(rs[1]) {
		name := usccAuthorities[rs[0]]
		r.Warnings = append(r.Warnings, Problem{
			Code:      "entity-type",
			Position:  2,
			Message:   fmt.Sprintf("entity-type code %q is not defined for registering authority %q (%s)", rs[1], rs[0], name[0]),
			MessageZH: fmt.Sprintf("机构类别代码“%c”不属于登记管理部门“%c”（%s）", rs[1], rs[0], name[1]),
		})
	}

	if !allDigits(rs[2:8]) {
		r.Problems = append(r.Problems, Problem{
			Code:      "division",
			Position:  3,
			Message:   fmt.Sprintf("administrative-division code %q (positions 3–8) must be 6 digits", r.Division),
			MessageZH: fmt.Sprintf("登记管理机关行政区划码“%s”（第3–8位）应为6位数字", r.Division),
		})
	} else if _, ok := provincePrefixes[r.Division[:2]]; !ok && r.Division[:2] != "10" {
		// "10" is the prefix used for organisations registered centrally.
		r.Warnings = append(r.Warnings, Problem{
			Code:      "division-province",
			Position:  3,
			Message:   fmt.Sprintf("administrative-division code %q does not start with a known province code", r.Division),
			MessageZH: fmt.Sprintf("行政区划码“%s”的前两位不是已知的省级代码", r.Division),
		})
	}

	if charsetOK {
		want, _ := USCCCheckChar(string(rs[:17]))
		r.ExpectedCheck = want
		if byte(rs[17]) != want {
			r.Problems = append(r.Problems, Problem{
				Code:      "check",
				Position:  18,
				Message:   fmt.Sprintf("check character is %q but the first 17 characters require %q", rs[17], rune(want)),
				MessageZH: fmt.Sprintf("校验码为“%c”，按前17位计算应为“%c”", rs[17], want),
			})
		}
		if org := ValidateOrgCode(r.OrgCode); !org.Valid {
			msg := "does not pass its own check"
			msgZH := "未通过其自身校验"
			if org.ExpectedCheck != 0 {
				msg = fmt.Sprintf("has check character %q, GB 11714 requires %q", rs[16], rune(org.ExpectedCheck))
				msgZH = fmt.Sprintf("校验码为“%c”，按GB 11714应为“%c”", rs[16], org.ExpectedCheck)
			}
			r.Warnings = append(r.Warnings, Problem{
				Code:      "embedded-orgcode",
				Position:  9,
				Message:   fmt.Sprintf("embedded organisation code %s (positions 9–17) %s", r.OrgCode, msg),
				MessageZH: fmt.Sprintf("主体标识码（第9–17位）%s%s", r.OrgCode, msgZH),
			})
		}
	}

	r.Valid = len(r.Problems) == 0
	return r
}

func usccCharsetProblem(pos int, c rune) Problem {
	switch c {
	case 'I', 'O', 'Z', 'S', 'V':
		return Problem{
			Code:      "charset",
			Position:  pos,
			Message:   fmt.Sprintf("character %d %q is not allowed (I, O, Z, S, V are never used)", pos, c),
			MessageZH: fmt.Sprintf("第%d位字符“%c”不允许使用（统一社会信用代码不使用I、O、Z、S、V）", pos, c),
		}
	}
	return Problem{
		Code:      "charset",
		Position:  pos,
		Message:   fmt.Sprintf("character %d %q is not allowed (only digits and the letters %s are used)", pos, c, usccAlphabet[10:]),
		MessageZH: fmt.Sprintf("第%d位字符“%c”不允许使用（只能使用数字及字母%s）", pos, c, usccAlphabet[10:]),
	}
}
