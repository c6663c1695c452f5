package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validate's own lines (the verdict, the complaint log's summary) follow
// --lang. The records' problems themselves are the loader's and say their
// position in the reader's file.
func TestValidateSpeaksTheReadersLanguage(t *testing.T) {
	dir := writeValidateDossier(t, map[string]string{
		"organisation.yaml": "name: 示例公司\n",
		"complaints.csv":    "投诉编号,受理时间,投诉渠道,状态,额外列\nC1,2026-03-02 09:00,phone,closed,x\n",
	})
	_, out, _ := validateCLI("validate", dir, "--lang", "zh")
	for _, want := range []string{"：有效（1 条记录，1 条投诉）", "投诉台账：未读取的列（没有对应字段）：\"额外列\""} {
		if !strings.Contains(out, want) {
			t.Errorf("zh: want %q in:\n%s", want, out)
		}
	}
	for _, en := range []string{"valid (", "records", "complaint log", "ignored columns"} {
		if strings.Contains(out, en) {
			t.Errorf("zh: English %q in:\n%s", en, out)
		}
	}
	_, out, _ = validateCLI("validate", dir, "--lang", "en")
	if !strings.Contains(out, ": valid (1 record, 1 complaint)") {
		t.Errorf("en:\n%s", out)
	}
	bad := writeValidateDossier(t, map[string]string{"people.yaml": "- id: P01\n  naem: 周立群\n"})
	_, out, _ = validateCLI("validate", bad, "--lang", "zh")
	if !strings.Contains(out, "：2 个问题") || strings.Contains(out, "problems") {
		t.Errorf("zh, invalid:\n%s", out)
	}
}

// diff's errors and warnings follow --lang, and a language it does not
// speak is a usage error rather than English in silence.
func TestDiffSpeaksTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "r.json")
	if code, _, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--format", "json", "-o", report, "--fail-on", "none"); code != 0 {
		t.Fatalf("audit: exit %d: %s", code, errs)
	}
	notReport := filepath.Join(dir, "x.json")
	if err := os.WriteFile(notReport, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{report, filepath.Join(dir, "missing.json")}, "diff：找不到文件"},
		{[]string{report, notReport}, "不是 certready 生成的 JSON 报告"},
		{[]string{report, report, "--fail-on", "all"}, "--fail-on：应为 major、minor、observation 或 none"},
		{[]string{report, report, "--format", "html"}, "--format：应为 text、markdown 或 json"},
	} {
		code, out, errs := runCLI(t, nil, append([]string{"diff", "--lang", "zh"}, tc.args...)...)
		if code != ExitInput || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q (stdout %q)", tc.args, code, errs, tc.want, out)
		}
	}
	if code, _, errs := runCLI(t, nil, "diff", "--lang", "fr", report, report); code != ExitInput || !strings.Contains(errs, "--lang") {
		t.Errorf("--lang fr: exit %d, %q", code, errs)
	}
}
