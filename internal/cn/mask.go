package cn

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// The masking helpers let audit evidence quote complaint records without
// disclosing the personal information in them (PIPL art. 51 and GB/T
// 35273's de-identification guidance). They work on runes, never bytes, so
// Chinese text is never split inside a character, and they fail closed: an
// input they cannot make sense of is masked completely rather than passed
// through.

// maskAll replaces every rune with '*', keeping only the rune count.
func maskAll(s string) string { return strings.Repeat("*", len([]rune(s))) }

// phoneSeparators are the characters people type inside phone numbers.
const phoneSeparators = " -()+.\u00a0"

// MaskPhone masks a mobile or landline number for display. Numbers of 11
// or more national digits keep the first 3 and last 4 digits, the format
// Chinese carriers and banks print (138****5678); shorter numbers of 7–10
// digits keep only the last 4, since keeping 7 of 8 digits would mask
// nothing; anything shorter, or anything containing characters other than
// digits and the usual separators, is masked completely. A +86 / 0086
// country prefix is kept and not counted, and separators stay where they
// were so the masked number still looks like what was typed.
func MaskPhone(s string) string {
	rs := []rune(strings.TrimSpace(foldWidth(s)))
	var digits []int // indexes into rs
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, i)
		case strings.ContainsRune(phoneSeparators, r):
		default:
			return maskAll(string(rs))
		}
	}
	ds := make([]rune, len(digits))
	for i, at := range digits {
		ds[i] = rs[at]
	}
	prefix := 0
	switch d := string(ds); {
	case len(rs) > 0 && rs[0] == '+' && strings.HasPrefix(d, "86"):
		prefix = 2
	case strings.HasPrefix(d, "0086"):
		prefix = 4
	case len(d) == 13 && strings.HasPrefix(d, "861"):
		prefix = 2
	}
	national := digits[prefix:]
	head, tail := 3, 4
	switch n := len(national); {
	case n < 7:
		return maskAll(string(rs))
	case n < 11:
		head = 0
	}
	for i, at := range national {
		if i >= head && i < len(national)-tail {
			rs[at] = '*'
		}
	}
	return string(rs)
}

// MaskID masks an identity-document or similar number, keeping only the
// first and last characters and the length: enough for a person to
// recognise their own record, too little to reuse. Values of one or two
// characters are masked completely, since keeping both ends would keep
// everything.
func MaskID(s string) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) <= 2 {
		return maskAll(string(rs))
	}
	return string(rs[0]) + strings.Repeat("*", len(rs)-2) + string(rs[len(rs)-1])
}

// MaskEmail keeps the first character of the local part and the whole
// domain (z***@example.com). Exactly three asterisks are used whatever the
// local part's length, so the mask does not leak it; a one-character
// local part is masked completely, and a value without a local part and
// domain becomes "***".
func MaskEmail(s string) string {
	s = strings.TrimSpace(s)
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return "***"
	}
	local, domain := []rune(s[:at]), s[at+1:]
	if len(local) == 1 {
		return "***@" + domain
	}
	return string(local[0]) + "***@" + domain
}

// isNameSeparator reports runes that separate the parts of a personal
// name: white space, hyphens, full stops and the interpuncts used in
// Chinese transcriptions of minority and foreign names (阿卜杜·热合曼).
func isNameSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("-.·‧・•", r)
}

// MaskName keeps the first rune of each part of a name and masks the rest
// rune by rune: 张三 → 张*, 张三丰 → 张**, John Smith → J*** S****. For a
// Chinese name the first rune is usually the surname, which on its own
// identifies no one; a name of a single rune is masked completely.
func MaskName(s string) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) <= 1 {
		return maskAll(string(rs))
	}
	start := true
	for i, r := range rs {
		switch {
		case isNameSeparator(r):
			start = true
		case start:
			start = false
		default:
			rs[i] = '*'
		}
	}
	return string(rs)
}

// Token returns a keyed pseudonym for value: "p-" followed by the first 12
// hex digits of HMAC-SHA256(key, value). Records about the same person can
// then be linked across an evidence pack without publishing the value or
// an unkeyed hash of it, which for phone and ID numbers could be reversed
// by enumerating the small space of possible values. The value is used
// exactly as given, so callers should normalise it first (for example with
// ValidateResidentID's Normalized). Token panics on an empty key, because
// silently emitting an unkeyed digest would defeat its purpose; reject an
// empty key when loading configuration.
func Token(key []byte, value string) string {
	if len(key) == 0 {
		panic("cn.Token: empty key")
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(value))
	return "p-" + hex.EncodeToString(m.Sum(nil))[:12]
}

// foldWidth narrows full-width ASCII and the ideographic space, which
// Chinese input methods produce, without changing anything else.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0x3000:
			return ' '
		case isWide(r):
			return r - 0xFEE0
		}
		return r
	}, s)
}
