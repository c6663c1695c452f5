package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certready/certready/internal/textwidth"
)

// --as-of takes the date forms a dossier's cells take.
func TestAsOfAcceptsTheDateFormsDossiersAccept(t *testing.T) {
	for _, d := range []string{"2026-11-23", "2026/11/23", "2026年11月23日"} {
		code, out, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", d, "--format", "json", "--fail-on", "none")
		if code != 0 || !strings.Contains(out, `"as_of": "2026-11-23"`) {
			t.Errorf("--as-of %s: exit %d, %s", d, code, errs)
		}
	}
	if code, _, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", "23/11/2026"); code != ExitInput || !strings.Contains(errs, "YYYY年M月D日") {
		t.Errorf("--as-of 23/11/2026: exit %d, %q", code, errs)
	}
}

// With one dossier, --output-dir is honoured, not ignored: the report
// lands there under the dossier's name, and relative --output files too.
func TestOutputDirWithOneDossierWritesTheReportThere(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports")
	code, out, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--fail-on", "none", "--output-dir", dir, "--format", "json")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "mini.json")); err != nil || !strings.Contains(string(b), `"tool": "certready"`) {
		t.Fatalf("report in --output-dir: %v", err)
	}
	code, _, errs = runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--fail-on", "none", "--output-dir", dir, "-o", "markdown=gaps.md")
	if _, err := os.Stat(filepath.Join(dir, "gaps.md")); code != 0 || err != nil {
		t.Fatalf("exit %d, %v, %s", code, err, errs)
	}
}

// The portfolio table lines up by display width with Chinese names and
// speaks the chosen language, verdicts included.
func TestThePortfolioTableIsAlignedAndLocalised(t *testing.T) {
	dir := t.TempDir()
	cjk := filepath.Join(dir, "测试 资料")
	if err := os.CopyFS(cjk, os.DirFS(miniDossier)); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, nil, "audit", cjk, miniDossier, "--as-of", "2026-11-23", "--fail-on", "none", "--lang", "zh")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("table:\n%s", out)
	}
	for _, word := range []string{"资料", "结论", "尚不具备申请条件"} {
		if !strings.Contains(out, word) {
			t.Errorf("no %q in:\n%s", word, out)
		}
	}
	if strings.Contains(out, "not_ready") || strings.Contains(out, "verdict") {
		t.Errorf("raw keys in the zh table:\n%s", out)
	}
	// The score column ends at the same display column on every line.
	col := func(line, s string) int { return textwidth.Width(line[:strings.Index(line, s)+len(s)]) }
	head := col(lines[0], "得分")
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		score := ""
		for _, w := range f {
			if strings.Contains(w, ".") && strings.Trim(w, "0123456789.") == "" {
				score = w
			}
		}
		if score == "" || col(l, score) != head {
			t.Errorf("score %q not under its heading (%d):\n%s", score, head, out)
		}
	}
}

// A fresh template's example rows are flagged by validate, in the chosen
// language, until they are replaced; the shipped examples are not.
func TestValidateFlagsTheTemplatesExampleRowsUntilReplaced(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.xlsx")
	if code, _, errs := runCLI(t, nil, "init", "-q", "--xlsx", book, "--lang", "zh"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, nil, "validate", book, "--lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	for _, sheet := range []string{"人员!A2", "体系文件!A2", "投诉记录!A2", "组织信息!"} {
		if !strings.Contains(out, "book.xlsx!"+sheet) {
			t.Errorf("no warning at %s:\n%s", sheet, out)
		}
	}
	if !strings.Contains(out, "仍是模板中的示例") {
		t.Errorf("warnings not in Chinese:\n%s", out)
	}
	dir := t.TempDir()
	if code, _, errs := runCLI(t, nil, "init", "-q", dir); code != 0 {
		t.Fatal(errs)
	}
	people := filepath.Join(dir, "people.yaml")
	b, err := os.ReadFile(people)
	if err != nil {
		t.Fatal(err)
	}
	// The client types their own person over the example.
	own := strings.NewReplacer("P01", "E-7", "张三", "周立群").Replace(string(b))
	if own == string(b) {
		t.Fatalf("the people skeleton changed; adjust the test:\n%s", b)
	}
	if err := os.WriteFile(people, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCLI(t, nil, "validate", dir)
	if strings.Contains(out, "people.yaml") || !strings.Contains(out, "documents.yaml") {
		t.Errorf("after replacing the example person:\n%s", out)
	}
	for _, ex := range []string{"../../examples/ready-org", "../../examples/gappy-org.xlsx"} {
		if _, out, _ := runCLI(t, nil, "validate", ex); strings.Contains(out, "warning") {
			t.Errorf("%s flagged:\n%s", ex, out)
		}
	}
}
