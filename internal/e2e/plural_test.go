package e2e

import (
	"maps"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/certready/certready/internal/testtool"
)

var (
	// pluralHedge is "complaint(s)", "exist(s)", "value(es)".
	pluralHedge = regexp.MustCompile(`[A-Za-z]\((s|es|ies)\)`)
	// oneThings is "1 observations": a lone 1 (not 0.1, 2026-1, 1:30) then
	// a word in s.
	oneThings = regexp.MustCompile(`(?:^|[^0-9.,:/\-])1 ([a-z][a-z-]*s)\b`)
	// code is the page's script and style, which are not prose.
	code = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>`)
)

// Words in s after 1 that are not plural nouns.
var notPlural = map[string]bool{"is": true, "was": true, "has": true, "does": true, "its": true, "this": true, "less": true, "plus": true, "as": true, "us": true}

// pluralSlips lists "(s)" hedges and "1 <plural noun>" in English text.
func pluralSlips(text string) []string {
	found := map[string]bool{}
	for _, m := range pluralHedge.FindAllString(text, -1) {
		found[m] = true
	}
	for _, m := range oneThings.FindAllStringSubmatch(text, -1) {
		w := m[1]
		if notPlural[w] || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
			continue
		}
		found["1 "+w] = true
	}
	return slices.Sorted(maps.Keys(found))
}

// English outputs count in agreement with the number: no "1 observations",
// no "complaint(s)", in every text format of both examples and in the
// English evidence pack.
func TestEnglishOutputsOfTheExamplesHaveNoPluralSlips(t *testing.T) {
	if got := pluralSlips("1 observations; 2 complaint(s); 1 complaint; 0.1 hours; 1 process; 1 status; 1 is"); strings.Join(got, "|") != "1 observations|t(s)" {
		t.Fatalf("scanner found %v", got)
	}
	for name, path := range examples {
		for _, format := range []string{"text", "markdown", "html", "junit", "sarif", "github", "codequality", "json"} {
			_, out, errs := run(t, "audit", path, "--as-of", asOf, "--format", format, "--lang", "en", "--fail-on", "none")
			if got := pluralSlips(code.ReplaceAllString(string(out), "") + errs); len(got) > 0 {
				t.Errorf("%s en %s: %v", name, format, got)
			}
		}
	}
	pdftotext := testtool.Path(t, "pdftotext")
	for name, path := range examples {
		pdf := filepath.Join(t.TempDir(), name+".pdf")
		if code, _, errs := run(t, "pack", "-q", path, "--as-of", asOf, "--lang", "en", "-o", pdf); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if got := pluralSlips(string(out)); len(got) > 0 {
			t.Errorf("%s en pack: %v", name, got)
		}
	}
}
