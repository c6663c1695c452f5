package e2e

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/certready/certready/internal/testtool"
	"github.com/certready/certready/internal/vocab"
)

var rNumber = regexp.MustCompile(`\bR([1-9][0-9]?)\b`)

// cjkGap is a line break (or space) between two Chinese characters or
// punctuation, which a wrapped line puts there and the text never had.
var cjkGap = regexp.MustCompile(`([^\x00-\x7f]) ([^\x00-\x7f])`)

// squash joins the lines and runs of spaces of text read back from a PDF
// or a page, so a title wrapped over two lines is found.
func squash(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return cjkGap.ReplaceAllString(cjkGap.ReplaceAllString(s, "$1$2"), "$1$2")
}

// Every output that prints an R-number tells its reader what it is: its
// title beside it or in a legend, in the reader's language.
func TestEveryRNumberPrintedIsExplained(t *testing.T) {
	explained := func(t *testing.T, what, text, lang string) {
		t.Helper()
		flat := squash(text)
		n := 0
		for _, m := range rNumber.FindAllString(text, -1) {
			title := vocab.RequirementTitle(m).In(lang)
			if title == "" {
				continue
			}
			n++
			if !strings.Contains(flat, squash(m+" "+title)) {
				t.Errorf("%s prints %s without its title %q", what, m, title)
			}
		}
		if n == 0 {
			t.Errorf("%s prints no R-number: the test proves nothing", what)
		}
	}
	path := examples["gappy"]
	for _, lang := range []string{"en", "zh"} {
		for _, format := range []string{"markdown", "html", "junit"} {
			_, out, _ := run(t, "audit", path, "--as-of", asOf, "--format", format, "--lang", lang, "--fail-on", "none")
			explained(t, "gappy "+lang+" "+format, string(out), lang)
		}
		_, out, _ := run(t, "audit", path, "--as-of", asOf, "--format", "xlsx", "--lang", lang, "--fail-on", "none")
		explained(t, "gappy "+lang+" xlsx", xlsxText(t, out), lang)
	}
	pdftotext := testtool.Path(t, "pdftotext")
	for _, lang := range []string{"en", "zh"} {
		pdf := filepath.Join(t.TempDir(), "gappy-"+lang+".pdf")
		if code, _, errs := run(t, "pack", "-q", path, "--as-of", asOf, "--lang", lang, "-o", pdf); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		explained(t, "gappy "+lang+" pack", string(out), lang)
	}
}
