package vocab

import "testing"

func TestRatesRoundDownSoAMissNeverReadsAsFullCompliance(t *testing.T) {
	for _, c := range []struct {
		ok, of int
		want   string
	}{
		{9999, 10000, "99.9%"},
		{163, 174, "93.6%"},
		{10000, 10000, "100%"},
		{19, 20, "95%"},
		{1899, 2000, "94.9%"},
		{0, 6, "0%"},
		{0, 0, "—"},
	} {
		if got := Rate(c.ok, c.of); got != c.want {
			t.Errorf("Rate(%d, %d) = %s, want %s", c.ok, c.of, got, c.want)
		}
	}
	if got := RateOf(163, 174); got != "93.6% (163/174)" {
		t.Errorf("RateOf = %s", got)
	}
	if got := Pct(0.95); got != "95%" {
		t.Errorf("Pct(0.95) = %s", got)
	}
}
