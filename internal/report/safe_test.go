package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/certready/certready/templates"
)

func TestSafeCellQuotesOnlyTextASpreadsheetWouldEvaluate(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"an equals sign starts a formula", `=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"a plus sign starts a formula", "+1+1", "'+1+1"},
		{"a minus sign starts a formula", "-2+3", "'-2+3"},
		{"an at sign starts a formula", "@SUM(A1)", "'@SUM(A1)"},
		{"a leading tab is neutralised", "\t=1", "'\t=1"},
		{"a leading carriage return is neutralised", "\r=1", "'\r=1"},
		{"plain text is unchanged", "Manual QM-01 expired", "Manual QM-01 expired"},
		{"Chinese text is unchanged", "营业执照已过期", "营业执照已过期"},
		{"a formula character later in the text is harmless", "a=b", "a=b"},
		{"empty text stays empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SafeCell(tt.in); got != tt.want {
				t.Errorf("SafeCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if back := templates.UnsafeCell(SafeCell(tt.in)); back != tt.in {
				t.Errorf("convert would read %q back as %q", tt.in, back)
			}
		})
	}
}

func TestWriteCSVStartsWithABOMAndNeutralisesEveryCell(t *testing.T) {
	var b bytes.Buffer
	rows := [][]string{
		{"check", "message"},
		{"channels.multiple", `=HYPERLINK("http://evil.example","click")`},
		{"org.uscc", "统一社会信用代码校验位错误, \"quoted\"\nsecond line"},
	}
	if err := WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	out := b.Bytes()
	if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("no UTF-8 BOM: % x", out[:min(len(out), 8)])
	}
	got, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1][1] != `'=HYPERLINK("http://evil.example","click")` || got[2][1] != rows[2][1] {
		t.Errorf("read back %q", got)
	}
	if !strings.Contains(string(out), "\r\n") {
		t.Error("lines do not end in CRLF")
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, errors.New("disk full")
	}
	w.n--
	return len(p), nil
}

func TestWriteCSVReportsAWriteError(t *testing.T) {
	for _, n := range []int{0, 1} {
		if err := WriteCSV(&failWriter{n: n}, [][]string{{"a"}}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("after %d good writes: err %v, want the writer's error", n, err)
		}
	}
}
