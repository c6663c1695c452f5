package cn

import (
	"slices"
	"testing"
)

// codes extracts the stable codes so that tests assert on them rather than
// on prose that may be reworded.
func codes(ps []Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

// assertCodes fails unless got carries exactly the want codes, in order.
func assertCodes(t *testing.T, what string, got []Problem, want []string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if !slices.Equal(codes(got), want) {
		t.Errorf("%s codes = %q, want %q (%v)", what, codes(got), want, got)
	}
}

// assertBilingual fails if any problem lacks a code or either message,
// since reports render whichever language the user chose.
func assertBilingual(t *testing.T, ps []Problem) {
	t.Helper()
	for _, p := range ps {
		if p.Code == "" || p.Message == "" || p.MessageZH == "" {
			t.Errorf("problem %+v lacks a code or a message", p)
		}
	}
}

// withUSCCCheck completes a 17-character body with its check character so
// tests can build codes that differ from a valid one in a single respect.
func withUSCCCheck(t *testing.T, first17 string) string {
	t.Helper()
	c, err := USCCCheckChar(first17)
	if err != nil {
		t.Fatalf("USCCCheckChar(%q): %v", first17, err)
	}
	return first17 + string(c)
}

func withIDCheck(t *testing.T, first17 string) string {
	t.Helper()
	c, err := ResidentIDCheckChar(first17)
	if err != nil {
		t.Fatalf("ResidentIDCheckChar(%q): %v", first17, err)
	}
	return first17 + string(c)
}

func withOrgCheck(t *testing.T, body string) string {
	t.Helper()
	c, err := OrgCodeCheckChar(body)
	if err != nil {
		t.Fatalf("OrgCodeCheckChar(%q): %v", body, err)
	}
	return body + string(c)
}
