package vocab

import "fmt"

// Basis is what a rule or a figure stands on. An auditor weighs a gap
// against the text of the standard differently from a gap against a
// consultant's rule of thumb, so every finding carries its basis and the
// reader always sees which one it is.
type Basis string

// The bases, from the most to the least binding for a certification audit.
const (
	// Standard: the text of ISO 10002:2018 / GB/T 19012-2019 asks for it.
	Standard Basis = "standard"
	// Scheme: the certification body's rules for granting the certificate
	// (eligibility, application materials).
	Scheme Basis = "scheme"
	// Law: a statute or a regulator's rule, cited by article.
	Law Basis = "law"
	// Policy: the organisation's own documented commitment (its procedure,
	// or a figure it set in certready.yaml).
	Policy Basis = "policy"
	// Practice: recommended good practice; never binding on its own, so a
	// finding on this basis is at most an observation.
	Practice Basis = "practice"
)

// Bases lists every basis in display order.
func Bases() []Basis { return []Basis{Standard, Scheme, Law, Policy, Practice} }

// Valid reports whether b is one of the bases.
func (b Basis) Valid() bool {
	for _, x := range Bases() {
		if b == x {
			return true
		}
	}
	return false
}

// Label names the basis for people.
func (b Basis) Label(lang string) string {
	en := map[Basis]string{Standard: "the standard", Scheme: "certification scheme", Law: "law", Policy: "your policy", Practice: "recommended practice"}
	zh := map[Basis]string{Standard: "标准条款", Scheme: "认证机构规则", Law: "法律法规", Policy: "组织自身规定", Practice: "推荐做法"}
	if lang == "zh" {
		if s, ok := zh[b]; ok {
			return s
		}
	} else if s, ok := en[b]; ok {
		return s
	}
	return string(b)
}

// Cap is the most serious severity a finding on this basis may carry:
// recommended practice is advice, so at most an observation.
func (b Basis) Cap() Severity {
	if b == Practice {
		return Observation
	}
	return Major
}

// UnmarshalText accepts only the known bases.
func (b *Basis) UnmarshalText(p []byte) error {
	v := Basis(p)
	if !v.Valid() {
		return fmt.Errorf("unknown basis %q (want standard, scheme, law, policy or practice)", p)
	}
	*b = v
	return nil
}

// Figure is one number a check judges against, with where it comes from:
// the organisation's own procedure, certready.yaml, or a default that is
// recommended practice.
type Figure struct {
	Value float64 `json:"value"`
	Basis Basis   `json:"basis"`
	// Source says where the figure was read, in both languages
	// ("procedure QP-07 sets 72 h", "recommended practice: 24 h").
	Source Text `json:"source"`
}

// BasisText says what a finding stands on: where its figure came from when
// it judged one ("recommended practice: 24 h"), else the basis itself.
func BasisText(b Basis, note Text, lang string) string {
	if !note.IsZero() {
		return note.In(lang)
	}
	return b.Label(lang)
}

// Expects words what a figure asks for by its basis, for a sentence such
// as "at least 24 h <Expects>" (in Chinese it comes first: "<Expects>不少于
// 24 学时"): recommended practice is recommended, never
// required; the organisation's own figure is what its policy requires; the
// standard, a scheme or a law requires it. Use it wherever a message
// states a figure's demand, so the wording follows the basis.
func Expects(b Basis) Text {
	switch b {
	case Practice:
		return T("recommended (recommended practice)", "推荐做法建议")
	case Policy:
		return T("required by your own policy", "贵组织规定")
	}
	return T("required", "应")
}
