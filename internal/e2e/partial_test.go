package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/audit"
)

// TestAPartialAuditSaysSoFirstInEveryFormatAndIsNeverReady skips most
// check families of the ready example: what is not looked at cannot be
// called ready, and every output must say so before anything else.
func TestAPartialAuditSaysSoFirstInEveryFormatAndIsNeverReady(t *testing.T) {
	dir := t.TempDir()
	skip := []string{"--skip", "handling.", "--skip", "docs.", "--skip", "people.", "--skip", "improvement."}
	args := append([]string{"audit", examples["ready"], "--as-of", asOf, "--fail-on", "none", "--lang", "en"}, skip...)
	outs := map[string]string{}
	for _, f := range []string{"json", "text", "markdown", "junit", "sarif", "xlsx"} {
		p := filepath.Join(dir, "r."+f)
		if code, _, errs := run(t, append(args, "--output", f+"="+p)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		outs[f] = p
	}
	read := func(f string) string {
		b, err := os.ReadFile(outs[f])
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	var r audit.Result
	if err := json.Unmarshal([]byte(read("json")), &r); err != nil {
		t.Fatal(err)
	}
	if !r.Partial || r.Verdict != audit.Partial || len(r.Skipped) == 0 {
		t.Fatalf("partial %v, verdict %s, %d skipped: a run with --skip must be a partial audit", r.Partial, r.Verdict, len(r.Skipped))
	}
	first := func(s string) string { return strings.SplitN(s, "\n", 2)[0] }
	if l := first(read("text")); !strings.HasPrefix(l, "PARTIAL AUDIT:") {
		t.Errorf("text report starts %q", l)
	}
	if l := first(read("markdown")); !strings.Contains(l, "PARTIAL AUDIT:") {
		t.Errorf("Markdown report starts %q", l)
	}
	if !strings.Contains(read("junit"), `<property name="partial_audit" value="PARTIAL AUDIT:`) {
		t.Error("JUnit report does not name the run partial")
	}
	if !strings.Contains(read("sarif"), `"partial": true`) {
		t.Error("SARIF run lacks the partial property")
	}
	book, err := excelize.OpenFile(outs["xlsx"])
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	if v, _ := book.GetCellValue("Summary", "B1"); !strings.HasPrefix(v, "PARTIAL AUDIT:") {
		t.Errorf("workbook summary starts %q", v)
	}
	for f, p := range outs {
		b, _ := os.ReadFile(p)
		if strings.Contains(string(b), "Ready to apply") {
			t.Errorf("%s output of a partial audit reads ready", f)
		}
	}
}
