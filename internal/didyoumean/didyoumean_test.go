package didyoumean

import "testing"

func TestClosestOffersOnlyANearName(t *testing.T) {
	cands := []string{"root_cause", "根本原因", "closed", "已关闭", "handling.simple-3wd", "customer_uscc"}
	for got, want := range map[string]string{
		"rootcause":          "root_cause",
		"根本原因分析":             "根本原因", // a header with a suffix
		"Closd":              "closed",
		"handling.simple3wd": "handling.simple-3wd",
		"customer_usc":       "customer_uscc",
		"已结案":                "", // two of three characters differ: no guess
		"phone":              "",
		"":                   "",
	} {
		if g := Closest(got, cands); g != want {
			t.Errorf("Closest(%q) = %q, want %q", got, g, want)
		}
	}
}

func TestTwoSwappedNeighboursAreOneSlip(t *testing.T) {
	// Plain Levenshtein counts a swap as two edits, too many for a word of
	// four letters; a typist makes it as one.
	if g := Closest("lnag", []string{"jurisdiction", "lang", "standard"}); g != "lang" {
		t.Errorf("Closest(lnag) = %q, want lang", g)
	}
}
