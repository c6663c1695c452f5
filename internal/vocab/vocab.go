// Package vocab is the small shared vocabulary of results: bilingual text,
// severities, the basis a rule stands on and references to requirement-tree
// nodes. Checks, the audit engine, report formatters and the evidence pack
// all speak it, so formatters need not import the rule catalogue to print a
// finding.
package vocab

import (
	"fmt"
	"strings"
)

// Text is a message in both languages of the product.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// T builds a Text.
func T(en, zh string) Text { return Text{EN: en, ZH: zh} }

// Tf formats both languages with the same arguments.
func Tf(en, zh string, args ...any) Text {
	return Text{EN: fmt.Sprintf(en, args...), ZH: fmt.Sprintf(zh, args...)}
}

// In returns the text in lang ("zh" or anything else for English), falling
// back to English where no Chinese was written.
func (t Text) In(lang string) string {
	if lang == "zh" && t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

// IsZero reports whether neither language has text.
func (t Text) IsZero() bool { return t.EN == "" && t.ZH == "" }

// Severity ranks a finding the way certification auditors do.
type Severity int

// Severities from least to most serious; None is only a --fail-on value.
const (
	None Severity = iota
	Observation
	Minor
	Major
)

var severityNames = [...]string{"none", "observation", "minor", "major"}

// String returns the stable lower-case name.
func (s Severity) String() string { return severityNames[s] }

// Label returns the name in lang.
func (s Severity) Label(lang string) string {
	zh := [...]string{"无", "观察项", "轻微不符合", "严重不符合"}
	if lang == "zh" {
		return zh[s]
	}
	return s.String()
}

// MarshalText writes the stable name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a stable name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads major, minor, observation or none.
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return None, fmt.Errorf("unknown severity %q (want major, minor, observation or none)", s)
}
