package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerminalSafeEscapesWhatATerminalWouldActOn(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain 中文 text", "plain 中文 text"},
		{"\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"\x1b[2Jclear", `\x1b[2Jclear`},
		{"line\nforged", `line\nforged`},
		{"over\rwrite", `over\rwrite`},
		{"tab\there", `tab\there`},
		{"\u202egnp.exe", `\u202egnp.exe`},
		{"\u2066iso\u2069", `\u2066iso\u2069`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"del\x7f", `del\x7f`},
		{"bad \xff byte", `bad \xff byte`},
		{"sep\u2028x", `sep\u2028x`},
	} {
		if got := TerminalSafe(tc.in); got != tc.want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEveryMarkdownCellIsEscaped(t *testing.T) {
	r := sampleResult(false, false)
	r.Organisation.Name = "Org | <script>alert(1)</script>"
	r.Organisation.USCC = "<IMG SRC=X ONERROR=alert(1)>"
	r.AsOf = "2026-01-01<b>"
	if len(r.Findings) > 0 {
		r.Findings[0].Where = "a`b [link](javascript:x) *em* \x1b[2J\nnext"
	}
	var buf bytes.Buffer
	f, _ := Get("markdown")
	if err := f.Format(&buf, r, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<IMG", "<script", "<b>", " [link](", "\x1b"} {
		if strings.Contains(out, bad) {
			t.Errorf("markdown holds %q unescaped", bad)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| ") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") < 2 {
			t.Errorf("a broken table line: %q", line)
		}
	}
}

// FuzzTerminalSafe: whatever the input, the output holds no character a
// terminal acts on, is valid UTF-8, and the input's printable text survives.
func FuzzTerminalSafe(f *testing.F) {
	for _, s := range []string{"", "a", "\x1b[31mred", "\u202e", "\xff\xfe", "中\n文", "\x9b", "\\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := TerminalSafe(s)
		if !utf8.ValidString(out) {
			t.Fatalf("TerminalSafe(%q) = %q is not UTF-8", s, out)
		}
		for i, r := range out {
			if unsafeRune(r, utf8.RuneLen(r)) {
				t.Fatalf("TerminalSafe(%q) = %q holds %U at %d", s, out, r, i)
			}
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unsafeRune(r, utf8.RuneLen(r)) }) && out != s {
			t.Fatalf("TerminalSafe changed the safe text %q to %q", s, out)
		}
		if TerminalSafe(out) != out {
			t.Fatalf("TerminalSafe is not idempotent on %q", out)
		}
	})
}
