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
