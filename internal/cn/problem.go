package cn

import (
	"strings"
	"unicode"
)

// Problem describes one defect (or, in a Warnings slice, one tolerated
// irregularity) of an identifier. Code is stable and meant for programs;
// the two messages are meant for people and may be reworded.
type Problem struct {
	// Code is a short, stable, lower-case identifier such as "length",
	// "charset" or "check", so that callers can filter or count problems
	// without parsing prose.
	Code string
	// Position is the 1-based character position in the normalised input
	// that the problem concerns, or 0 when it concerns the whole value.
	Position int
	// Message is the English explanation.
	Message string
	// MessageZH is the Chinese explanation.
	MessageZH string
}

// String returns the English message, which is what logs and test failures
// want to show.
func (p Problem) String() string { return p.Message }

// Warning codes shared by the validators; exported so that callers can
// recognise the harmless ones without hard-coding strings.
const (
	// WarnLowercase is reported when lower-case letters were upper-cased.
	WarnLowercase = "lowercase"
	// WarnFullwidth is reported when full-width characters (common when
	// codes are typed with a Chinese input method) were narrowed.
	WarnFullwidth = "fullwidth"
)

// normalizeCode narrows full-width ASCII, trims surrounding white space and
// upper-cases ASCII letters. Only ASCII letters are case-mapped because
// Unicode case mapping can change the length of a string (ß → SS), which
// would make reported positions meaningless.
func normalizeCode(s string) (string, []Problem) {
	var warns []Problem
	wide, lower := strings.IndexFunc(s, isWide) >= 0, false
	out := strings.TrimFunc(foldWidth(s), unicode.IsSpace)
	if strings.IndexFunc(out, func(r rune) bool { return r >= 'a' && r <= 'z' }) >= 0 {
		lower = true
		out = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r - 'a' + 'A'
			}
			return r
		}, out)
	}
	if wide {
		warns = append(warns, Problem{
			Code:      WarnFullwidth,
			Message:   "full-width characters normalised to half-width",
			MessageZH: "全角字符已转换为半角",
		})
	}
	if lower {
		warns = append(warns, Problem{
			Code:      WarnLowercase,
			Message:   "lower case normalised",
			MessageZH: "小写字母已转换为大写",
		})
	}
	return out, warns
}

// isWide reports the full-width forms that foldWidth narrows.
func isWide(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 }

// provincePrefixes lists the first two digits of GB/T 2260 division codes
// at province level (plus 81/82/83 for Hong Kong, Macao and Taiwan
// residents' permits). An unknown prefix is only ever a warning: division
// codes are re-issued over time and an identifier keeps the code that was
// current when it was assigned.
var provincePrefixes = map[string]string{
	"11": "北京", "12": "天津", "13": "河北", "14": "山西", "15": "内蒙古",
	"21": "辽宁", "22": "吉林", "23": "黑龙江",
	"31": "上海", "32": "江苏", "33": "浙江", "34": "安徽", "35": "福建", "36": "江西", "37": "山东",
	"41": "河南", "42": "湖北", "43": "湖南", "44": "广东", "45": "广西", "46": "海南",
	"50": "重庆", "51": "四川", "52": "贵州", "53": "云南", "54": "西藏",
	"61": "陕西", "62": "甘肃", "63": "青海", "64": "宁夏", "65": "新疆",
	"71": "台湾", "81": "香港", "82": "澳门", "83": "台湾",
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(rs) > 0
}
