package vocab

import (
	"strconv"
	"strings"
)

// English wording of counts: one helper for every English message, so no
// output prints "1 observations", "complaint(s)" or "exist(s)". Chinese
// needs none of this (一条 / 三条 read the same).
//
//	vocab.Count(1, "complaint")             → "1 complaint"
//	vocab.Count(3, "complaint")             → "3 complaints"
//	vocab.Count(2, "person", "people")      → "2 people"
//	vocab.Noun(n, "finding")                → "finding" / "findings"
//	vocab.Verb(n, "exists", "exist")        → "exists" / "exist"
//	vocab.A("unreadable")                   → "an unreadable"

// Noun is the noun for n things: the singular for exactly 1, else the
// plural, which is the singular plus "s" (or "es" after s, x, z, ch, sh;
// "ies" after a consonant and y) unless given.
func Noun(n int, singular string, plural ...string) string {
	if n == 1 || n == -1 {
		return singular
	}
	if len(plural) > 0 {
		return plural[0]
	}
	return PluralOf(singular)
}

// PluralOf is the regular plural of an English noun; the last word of a
// phrase is the one inflected ("complex complaint" → "complex complaints").
func PluralOf(s string) string {
	head, last := "", s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		head, last = s[:i+1], s[i+1:]
	}
	switch {
	case last == "":
		return s
	case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"), strings.HasSuffix(last, "z"),
		strings.HasSuffix(last, "ch"), strings.HasSuffix(last, "sh"):
		return head + last + "es"
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		return head + last[:len(last)-1] + "ies"
	}
	return head + last + "s"
}

// Count is "n noun" with the noun agreeing with n.
func Count(n int, singular string, plural ...string) string {
	return strconv.Itoa(n) + " " + Noun(n, singular, plural...)
}

// Verb is the verb agreeing with n subjects: one for 1, many otherwise
// ("is"/"are", "exists"/"exist", "was"/"were").
func Verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// A is the word with its indefinite article, "a" or "an" by its first
// letter ("an unreadable", "a missing"). Letters read as a vowel sound at
// the start of an abbreviation (an SLA, an 8 h limit) are not guessed at:
// write those by hand.
func A(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
