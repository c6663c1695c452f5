package report

import (
	"strings"
	"testing"

	"github.com/certready/certready/internal/textwidth"
)

func TestWrapIndentKeepsEveryCharacterAndRespectsTheWidth(t *testing.T) {
	in := "没有手册、方针、程序文件或作业指导书涵盖投诉人个人信息保密（confidentiality），请补充。Mixed English words follow here."
	got := wrapIndent(in, 40, "  ")
	var joined strings.Builder
	for _, line := range strings.Split(got, "\n") {
		if textwidth.Width(line) > 40 && len(strings.Fields(line)) > 1 {
			t.Errorf("line wider than 40 columns: %q", line)
		}
		body := strings.TrimPrefix(line, "  ")
		if strings.ContainsAny(body[:len(string([]rune(body)[:1]))], "，。、）") {
			t.Errorf("line starts with closing punctuation: %q", line)
		}
		if strings.HasSuffix(body, "（") {
			t.Errorf("line ends with an opening bracket: %q", line)
		}
		joined.WriteString(body)
	}
	if strings.ReplaceAll(joined.String(), " ", "") != strings.ReplaceAll(in, " ", "") {
		t.Errorf("characters lost:\n%q\n%q", joined.String(), in)
	}
}
