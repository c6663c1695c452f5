package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/testtool"
	"github.com/certready/certready/internal/vocab"
)

// logChecks maps the complaint-log checks to the KPI whose rate their
// findings quote.
var logChecks = map[string]string{
	"handling.ack-24h": "ack", "handling.feedback-48h": "response", "handling.simple-3wd": "simple_resolve",
	"handling.complex-plan": "complex_plan", "handling.escalation": "escalation", "handling.overdue-open": "not_overdue",
	"handling.root-cause": "root_cause", "handling.corrective-action": "corrective_action", "handling.records-complete": "complete",
}

// TestEveryOutputPrintsTheSameFigures renders the gappy example in every
// format and asserts that each complaint-log rate reads the same in the
// findings, the text and Markdown reports, the workbook and the PDF.
func TestEveryOutputPrintsTheSameFigures(t *testing.T) {
	dir := t.TempDir()
	path := examples["gappy"]
	code, js, errs := run(t, "audit", path, "--as-of", asOf, "--format", "json", "--fail-on", "none")
	var r audit.Result
	if code != 0 || json.Unmarshal(js, &r) != nil || r.KPIs == nil {
		t.Fatalf("audit: exit %d: %s", code, errs)
	}
	_, text, _ := run(t, "audit", path, "--as-of", asOf, "--format", "text", "--fail-on", "none")
	_, md, _ := run(t, "audit", path, "--as-of", asOf, "--format", "markdown", "--fail-on", "none")
	// The text report wraps at 78 columns; compare its words.
	flat := strings.Join(strings.Fields(string(text)), " ")

	checked := 0
	for _, f := range r.Findings {
		key, ok := logChecks[f.Check]
		if !ok || f.Rows == nil {
			continue
		}
		k := r.KPIs.KPI(key)
		want := "compliance " + vocab.Rate(k.Rule.Applicable-k.Rule.Violations, k.Rule.Applicable)
		if !strings.Contains(f.Message.EN, want) {
			t.Errorf("%s: finding %q does not quote the KPI's %s", f.Check, f.Message.EN, want)
		}
		if !strings.Contains(flat, strings.Join(strings.Fields(f.Message.EN), " ")) || !strings.Contains(string(md), f.Message.EN) {
			t.Errorf("%s: text or Markdown report prints the finding differently", f.Check)
		}
		checked++
	}
	if checked < 3 {
		t.Fatalf("only %d complaint-log findings with rates; the example should plant more", checked)
	}

	xlsx := filepath.Join(dir, "gaps.xlsx")
	if code, _, errs := run(t, "audit", path, "--as-of", asOf, "--fail-on", "none", "--output", "xlsx="+xlsx); code != 0 {
		t.Fatalf("xlsx: exit %d: %s", code, errs)
	}
	book, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, err := book.GetRows("Complaint KPIs", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	inBook := map[string]string{}
	for _, row := range rows {
		if len(row) >= 4 {
			inBook[row[0]] = row[3]
		}
	}
	for _, k := range r.KPIs.KPIs() {
		if k.Rule.Applicable == 0 {
			continue
		}
		ok := k.Rule.Applicable - k.Rule.Violations
		v, err := strconv.ParseFloat(inBook[k.Label.EN], 64)
		if err != nil || vocab.Pct(v) != vocab.Rate(ok, k.Rule.Applicable) {
			t.Errorf("workbook: %q shows %q, want %s", k.Label.EN, inBook[k.Label.EN], vocab.Rate(ok, k.Rule.Applicable))
		}
	}

	pdftotext := testtool.Path(t, "pdftotext")
	pdf := filepath.Join(dir, "pack.pdf")
	if code, _, errs := run(t, "pack", path, "--as-of", asOf, "-o", pdf); code != 0 {
		t.Fatalf("pack: exit %d: %s", code, errs)
	}
	out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdfText := strings.Join(strings.Fields(string(out)), " ")
	for _, key := range []string{"ack", "response", "simple_resolve", "not_overdue"} {
		k := r.KPIs.KPI(key)
		if !strings.Contains(pdfText, k.Rate()) {
			t.Errorf("PDF: KPI %q lacks the rate %s", k.Label.EN, k.Rate())
		}
	}
	if strings.Contains(pdfText, "Open past their limit") {
		t.Error("PDF labels a compliant share as overdue")
	}
}
