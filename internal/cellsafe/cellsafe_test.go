package cellsafe

import "testing"

func TestEscapeNeutralisesFormulasAndUnescapeRestoresThem(t *testing.T) {
	for _, tc := range []struct{ in, out string }{
		{"=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"},
		{"+86 138", "'+86 138"}, {"-1", "'-1"}, {"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"'=x", "''=x"}, {"''", "'''"}, {"'abc", "'abc"}, {"'", "'"}, {"plain", "plain"}, {"", ""}, {"投诉", "投诉"},
	} {
		if got := Escape(tc.in); got != tc.out {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.out)
		}
		if got := Escape(tc.in); got != "" && triggers(got[0]) {
			t.Errorf("Escape(%q) = %q still starts with a formula character", tc.in, got)
		}
		if back := Unescape(Escape(tc.in)); back != tc.in {
			t.Errorf("Unescape(Escape(%q)) = %q", tc.in, back)
		}
	}
}
