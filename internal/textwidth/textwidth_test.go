package textwidth

import "testing"

func TestWidthCountsChineseAsTwoColumns(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "投诉": 4, "A投诉b": 6, "（，）": 6} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestFitPadsOrCutsToExactlyTheWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"ab", 4, "ab  "}, {"杭州", 6, "杭州  "}, {"宁波甬味坊餐饮管理有限公司", 10, "宁波甬味… "}, {"abcdef", 4, "abc…"},
	} {
		got := Fit(tc.in, tc.w)
		if got != tc.want || Width(got) != tc.w {
			t.Errorf("Fit(%q, %d) = %q (width %d), want %q", tc.in, tc.w, got, Width(got), tc.want)
		}
	}
}

func TestWidthMeasuresWhatAReaderSees(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want int
	}{
		{"an emoji takes two columns", "😀", 2},
		{"an emoji with a skin tone is one picture", "👍🏽", 2},
		{"a family joined by zero-width joiners is one picture", "👨‍👩‍👧", 2},
		{"e with a combining acute accent is one letter", "e\u0301", 1},
		{"a zero-width space takes none", "\u200b", 0},
		{"a zero-width space between letters adds nothing", "a\u200bb", 2},
		{"CJK ideographs take two", "投诉处理", 8},
		{"a fullwidth letter takes two", "Ａ", 2},
		{"Hangul syllables take two", "한국", 4},
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("%s: Width(%q) = %d, want %d", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestFitNeverSplitsAGraphemeCluster(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"cafe\u0301 au lait", 5, "cafe\u0301…"},
		{"😀😀😀", 5, "😀😀…"},
		{"😀😀😀", 4, "😀… "},
	} {
		got := Fit(tc.in, tc.w)
		if got != tc.want || Width(got) != tc.w {
			t.Errorf("Fit(%q, %d) = %q (width %d), want %q", tc.in, tc.w, got, Width(got), tc.want)
		}
	}
}
