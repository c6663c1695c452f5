package pdfdoc

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// monoMeasure is a fixed-pitch measure: CJK characters are 2 units wide,
// everything else 1, which makes expected lines easy to work out by hand.
func monoMeasure(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isCJK(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestWrapTable(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"empty", "", 10, []string{""}},
		{"fits", "hello", 10, []string{"hello"}},
		{"latin words", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"exact width", "abcd efgh", 4, []string{"abcd", "efgh"}},
		{"spaces at break consumed", "ab   cd", 3, []string{"ab", "cd"}},
		{"inner spaces kept", "a  b", 10, []string{"a  b"}},
		{"trailing spaces trimmed", "ab  ", 10, []string{"ab"}},
		{"indentation kept", "  ab cd", 5, []string{"  ab", "cd"}},
		{"cjk", "投诉处理过程", 4, []string{"投诉", "处理", "过程"}},
		{"cjk odd width", "投诉处理过程", 5, []string{"投诉", "处理", "过程"}},
		{"mixed", "使用ISO 10002标准", 8, []string{"使用ISO", "10002标", "准"}},
		{"latin then cjk no space", "ISO投诉", 5, []string{"ISO投", "诉"}},
		{"closing punct moves previous char down", "一二三。", 6, []string{"一二", "三。"}},
		{"fullwidth comma", "一二，三四", 4, []string{"一", "二，", "三四"}},
		{"double closing", "他说：“好。”下", 8, []string{"他说：", "“好。”下"}},
		{"closing paren", "一二三（四）", 6, []string{"一二三", "（四）"}},
		{"opening bracket not at end", "一（二三", 4, []string{"一", "（二", "三"}},
		{"book title marks", "依据《投诉处理》", 10, []string{"依据《投诉", "处理》"}},
		{"corner brackets", "甲乙「丙」", 6, []string{"甲乙", "「丙」"}},
		{"latin punct stays", "hello, world", 6, []string{"hello,", "world"}},
		{"latin closing paren", "see (ISO 10002)", 9, []string{"see (ISO", "10002)"}},
		{"long word hard break", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"long word after short", "a abcdefghij", 4, []string{"a", "abcd", "efgh", "ij"}},
		{"hard break kinsoku", "abcdefgh.", 4, []string{"abcd", "efg", "h."}},
		{"hyphen break", "self-assessment", 6, []string{"self-", "assess", "ment"}},
		{"newlines", "a\nb\n\nc", 10, []string{"a", "b", "", "c"}},
		{"crlf", "a\r\nb\rc", 10, []string{"a", "b", "c"}},
		{"trailing newline", "a\n", 10, []string{"a", ""}},
		{"newline in cjk", "投诉\n处理", 10, []string{"投诉", "处理"}},
		{"kana", "ひらがなカタカナ", 4, []string{"ひら", "がな", "カタ", "カナ"}},
		{"hangul", "한국어", 4, []string{"한국", "어"}},
		{"extension A", "㐀㐁㐂", 4, []string{"㐀㐁", "㐂"}},
		{"ideographic full stop alone", "。", 1, []string{"。"}},
		{"char wider than width", "投诉", 1, []string{"投", "诉"}},
		{"nbsp does not break", "10\u00a0002 ab", 6, []string{"10\u00a0002", "ab"}},
		{"percent stays with number", "比例为一百%", 10, []string{"比例为一", "百%"}},
		{"identifier keeps its hyphens", "see handling.overdue-open now", 18, []string{"see", "handling.overdue-o", "pen now"}},
		{"file name keeps its hyphens", "a food-operation-permit.pdf", 26, []string{"a", "food-operation-permit.pdf"}},
		{"path breaks after a slash", "evidence/food-permit.pdf", 16, []string{"evidence/", "food-permit.pdf"}},
		{"a date's slashes do not break", "on 2026/11/23", 10, []string{"on", "2026/11/23"}},
		{"cell reference keeps its sheet", "book.xlsx!组织信息!B3", 16, []string{"book.xlsx!组织信", "息!B3"}},
		{"cell reference on its own line", "at book.xlsx!组织信息!B3", 21, []string{"at", "book.xlsx!组织信息!B3"}},
		{"file named in Chinese", "见 证据/营业执照.pdf 第一页", 18, []string{"见", "证据/营业执照.pdf", "第一页"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(monoMeasure, tt.text, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("Wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			checkWrapInvariants(t, tt.text, tt.width, got)
		})
	}
}

// checkWrapInvariants asserts the properties every Wrap result must have.
func checkWrapInvariants(t *testing.T, text string, width float64, lines []string) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatalf("Wrap(%q) returned no lines", text)
	}
	for _, ln := range lines {
		if monoMeasure(ln) > width && utf8.RuneCountInString(ln) > 1 {
			t.Errorf("line %q is %v wide, limit %v", ln, monoMeasure(ln), width)
		}
		if strings.HasSuffix(ln, " ") {
			t.Errorf("line %q has trailing spaces", ln)
		}
	}
	// No character lost: the input minus spaces and line terminators equals
	// the output minus the same.
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, s)
	}
	if got, want := strip(strings.Join(lines, "")), strip(text); got != want {
		t.Errorf("characters lost or changed:\n got %q\nwant %q", got, want)
	}
	// Stronger: walking input and output together, output may only differ
	// by consumed spaces/terminators in the input and inserted line breaks.
	in := []rune(text)
	out := []rune(strings.Join(lines, "\n"))
	i, j := 0, 0
	for i < len(in) || j < len(out) {
		switch {
		case i < len(in) && j < len(out) && in[i] == out[j]:
			i++
			j++
		case i < len(in) && (in[i] == ' ' || in[i] == '\n' || in[i] == '\r'):
			i++
		case j < len(out) && out[j] == '\n':
			j++
		default:
			t.Fatalf("output %q does not follow input %q (input pos %d, output pos %d)", lines, text, i, j)
		}
	}
}

// TestWrapRandom checks the invariants and kinsoku on random mixed text.
func TestWrapRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cjk := []rune("投诉处理过程顾客满意度评价记录组织管理体系持续改进ひらがな한국어")
	latin := []string{"ISO", "10002", "complaint", "handling", "a", "self-assessment", "x", "supercalifragilistic"}
	closing := []rune("。，、；：？！）」』】》”’")
	opening := []rune("（「『【《“‘")
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		cjkOnly := n%2 == 0
		for k := rng.IntN(40); k >= 0; k-- {
			if !cjkOnly && rng.IntN(4) == 0 {
				b.WriteString(latin[rng.IntN(len(latin))])
				if rng.IntN(3) > 0 {
					b.WriteByte(' ')
				}
				continue
			}
			// One token: [opening] CJK [closing], so no unbreakable run is
			// wider than 6 units.
			if rng.IntN(5) == 0 {
				b.WriteRune(opening[rng.IntN(len(opening))])
			}
			b.WriteRune(cjk[rng.IntN(len(cjk))])
			if rng.IntN(4) == 0 {
				b.WriteRune(closing[rng.IntN(len(closing))])
			}
			if !cjkOnly && rng.IntN(10) == 0 {
				b.WriteByte('\n')
			}
		}
		text := b.String()
		width := float64(6 + rng.IntN(30))
		if !cjkOnly {
			width = float64(1 + rng.IntN(30))
		}
		lines := Wrap(monoMeasure, text, width)
		checkWrapInvariants(t, text, width, lines)
		if cjkOnly {
			for li, ln := range lines {
				rs := []rune(ln)
				if len(rs) == 0 {
					continue
				}
				if li > 0 && isClosing(rs[0]) {
					t.Fatalf("line %d of %q starts with closing punctuation: %q", li, text, lines)
				}
				if li < len(lines)-1 && isOpening(rs[len(rs)-1]) {
					t.Fatalf("line %d of %q ends with an opening bracket: %q", li, text, lines)
				}
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"", "a b", "投诉。处理", "（「a」）", "x\r\ny", "  indented text", "self-assessment"} {
		f.Add(s, 5.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || width != width || width > 1e6 || width < -1e6 {
			t.Skip()
		}
		checkWrapInvariants(t, text, width, Wrap(monoMeasure, text, width))
	})
}

func TestIsCJK(t *testing.T) {
	for _, r := range "中文龘㐀𠀀ひカ한ㄅ，。、「」（）！ＡＢ１　〇" {
		if !isCJK(r) {
			t.Errorf("isCJK(%q) = false", r)
		}
	}
	for _, r := range "aZ09 ,.-éß—“”" {
		if isCJK(r) {
			t.Errorf("isCJK(%q) = true", r)
		}
	}
}

func BenchmarkWrap(b *testing.B) {
	text := strings.Repeat("组织应建立投诉处理过程，并确保其有效性（见 ISO 10002:2018 第 8 章）。", 20)
	for b.Loop() {
		Wrap(monoMeasure, text, 60)
	}
}

func TestWrapWordsBreaksOnlyAtSpaces(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"Harmony Co., Ltd. (上海和谐物业管理有限公司)", 30, []string{"Harmony Co., Ltd.", "(上海和谐物业管理有限公司)"}},
		{"上海和谐物业管理服务有限公司", 10, []string{"上海和谐物", "业管理服务", "有限公司"}},
		{"a\nb c", 10, []string{"a", "b c"}},
	} {
		if got := wrapWords(monoMeasure, tt.text, tt.width); !slices.Equal(got, tt.want) {
			t.Errorf("wrapWords(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestWidestSegmentIsTheWidestUnbreakableRun(t *testing.T) {
	for text, want := range map[string]float64{
		"a 2026-04-03 14:53":          10,
		"投诉处理":                        2,
		"see handling.overdue-open":   21,
		"self-assessment":             10,
		"line one\nlongest_word_here": 17,
	} {
		if got := widestSegment(monoMeasure, text); got != want {
			t.Errorf("widestSegment(%q) = %v, want %v", text, got, want)
		}
	}
}
