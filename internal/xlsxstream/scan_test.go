package xlsxstream

import (
	"errors"
	"testing"
)

func TestTextDecodesAsEncodingXMLDecodesIt(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is kept", "abc 投诉<", "abc 投诉"},
		{"the five entities are decoded", "&lt;&gt;&amp;&quot;&apos;<", `<>&"'`},
		{"decimal and hex references are decoded", "&#20013;&#x6587;<", "中文"},
		{"a carriage return and line feed read as a line feed", "a\r\nb<", "a\nb"},
		{"a lone carriage return reads as a line feed", "a\rb\r<", "a\nb\n"},
		{"an escaped carriage return is kept", "a&#13;\nb<", "a\r\nb"},
		{"a surrogate reference becomes U+FFFD", "&#xD800;<", "\uFFFD"},
		{"]] and > apart are text", "]]&gt; ]>]<", "]]> ]>]"},
		{"four-byte characters are kept", "😀<", "😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, j, err := appendText(nil, []byte(tt.in), 0)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want || j != len(tt.in)-1 {
				t.Fatalf("got %q ending at %d, want %q ending at %d", got, j, tt.want, len(tt.in)-1)
			}
		})
	}
}

func TestMalformedReferencesAreRefused(t *testing.T) {
	// encoding/xml refuses these too; a capital X is not a hex reference.
	for _, in := range []string{"&#X4E2D;<", "&#;<", "&#x;<", "&lt<", "&foo;<", "&#1;<", "&#xFFFF;<"} {
		var se *scanError
		if _, _, err := appendText(nil, []byte(in), 0); !errors.As(err, &se) {
			t.Errorf("%q: got %v, want a scan error", in, err)
		}
	}
}

func TestTextThatRunsOutAsksForMore(t *testing.T) {
	for _, in := range []string{"abc", "a&am", "a\r", "投\xe8", "&#x4E2"} {
		if _, _, err := appendText(nil, []byte(in), 0); !errors.Is(err, errShort) {
			t.Errorf("%q: got %v, want errShort", in, err)
		}
	}
}

func TestEscapesDecodeAsExcelizeDecodesThem(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain", "plain"},
		{"_x0041_", "A"},
		{"a_x000D_b", "a\rb"},
		{"_x005F_x0041_", "_x0041_"},
		{"_x005f_", "_"},
		{"_xD800_", ""}, // a lone surrogate is dropped
		{"_x004g_", "_x004g_"},
		{"_x0041", "_x0041"},
		{"__x0041_", "_A"},
		{"_x0041__x0042_", "AB"},
		{"_x4E2D_文", "中文"},
	}
	for _, tt := range tests {
		if got := string(appendBstr(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateFormatsAreTold(t *testing.T) {
	tests := []struct {
		code string
		date bool
	}{
		{"yyyy/m/d h:mm", true},
		{`yyyy"年"m"月"d"日"`, true},
		{`[$-804]yyyy"年"m"月"d"日" dddd`, true},
		{"yyyy年m月d日", true},
		{"[h]:mm:ss", true},
		{"h:mm AM/PM", true},
		{"mm:ss.0", true},
		{"General", false},
		{"0.00", false},
		{"0.00E+00", false},
		{`"¥"#,##0.00`, false},
		{`#,##0.00_);[Red](#,##0.00)`, false},
		{"@", false},
		{`"day"0`, false},
		{`\d0`, false},
	}
	for _, tt := range tests {
		if got := IsDateFormat(tt.code); got != tt.date {
			t.Errorf("%s: IsDateFormat %v, want %v", tt.code, got, tt.date)
		}
	}
}

func TestCellReferencesGiveTheirColumn(t *testing.T) {
	tests := []struct {
		ref string
		col int
		ok  bool
	}{
		{"A1", 1, true},
		{"Z9", 26, true},
		{"AA10", 27, true},
		{"XFD1048576", 16384, true},
		{"ab3", 28, true},
		{"$C$7", 3, true},
		{"A+1", 1, true}, // excelize's strconv.Atoi takes the sign
		{"XFE1", 0, false},
		{"A1048577", 0, false},
		{"A0", 0, false},
		{"1A", 0, false},
		{"A", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		col, err := refColumn([]byte(tt.ref))
		if (err == nil) != tt.ok || col != tt.col && tt.ok {
			t.Errorf("%q: got %d, %v; want %d, ok %v", tt.ref, col, err, tt.col, tt.ok)
		}
	}
}
