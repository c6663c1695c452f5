package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certready/certready/internal/audit"
)

// auditFindings runs an English JSON audit and returns its findings.
func auditFindings(t *testing.T, path string) []audit.Finding {
	t.Helper()
	code, out, errs := run(t, "audit", path, "--as-of", asOf, "--format", "json", "--fail-on", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r audit.Result
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	return r.Findings
}

func findingOf(t *testing.T, fs []audit.Finding, check string) audit.Finding {
	t.Helper()
	for _, f := range fs {
		if f.Check == check {
			return f
		}
	}
	t.Fatalf("no %s finding", check)
	return audit.Finding{}
}

// A message names a field as the reader's own input does: the header of
// their CSV (here the user's own English words, mapped in certready.yaml),
// the key of their YAML file, the headers of their workbook — never the
// internal key of a field the reader never typed.
func TestMessagesNameFieldsAsTheUsersOwnInputDoes(t *testing.T) {
	dir := copyDossier(t, examples["ready"])
	csvPath := filepath.Join(dir, "complaints.csv")
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	// The CSV's own headers for recourse and escalation.
	if !strings.Contains(lines[1], ",已告知救济途径,") || !strings.Contains(lines[1], ",升级时间,") {
		t.Fatalf("unexpected header %q", lines[1])
	}
	lines[1] = strings.NewReplacer(",已告知救济途径,", ",Told of recourse,", ",升级时间,", ",Escalated on,").Replace(lines[1])
	// One dissatisfied complainant closed without recourse offered.
	planted := false
	for i := 2; i < len(lines) && !planted; i++ {
		if strings.HasSuffix(strings.TrimRight(lines[i], "\r"), ",满意,问题已解决，满意,,否,0") {
			lines[i] = strings.Replace(lines[i], ",满意,问题已解决，满意,,否,0", ",不满意,仍不满意,,否,0", 1)
			planted = true
		}
	}
	if !planted {
		t.Fatal("no row to plant a dissatisfied complaint in")
	}
	if err := os.WriteFile(csvPath, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "certready.yaml", "jurisdiction: cn\n", "jurisdiction: cn\ncomplaints:\n  columns:\n    Told of recourse: recourse_offered\n    Escalated on: escalated_at\n")
	// The YAML documents lose the contact limit.
	docs, err := os.ReadFile(filepath.Join(dir, "documents.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(docs), "contact_within_h:") {
		t.Fatal("documents.yaml states no contact limit to remove")
	}
	var kept []string
	for _, l := range strings.Split(string(docs), "\n") {
		if !strings.Contains(l, "contact_within_h:") {
			kept = append(kept, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "documents.yaml"), []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	fs := auditFindings(t, dir)
	re := findingOf(t, fs, "handling.recourse-offered")
	if !strings.Contains(re.Remedy.EN, "“Told of recourse”") || strings.Contains(re.Remedy.EN, "recourse_offered") {
		t.Errorf("CSV header: remedy reads %q, want the log's own header “Told of recourse”", re.Remedy.EN)
	}
	if !strings.Contains(re.Remedy.ZH, "“已告知救济途径”") {
		t.Errorf("a Chinese reader of an English header gets the workbook's Chinese header: %q", re.Remedy.ZH)
	}
	tl := findingOf(t, fs, "docs.time-limits")
	if !strings.Contains(tl.Message.EN, "(contact_within_h)") {
		t.Errorf("YAML key: message reads %q, want the key of the reader's YAML file", tl.Message.EN)
	}
	if !strings.Contains(tl.Message.ZH, "“联系时限（小时）”") {
		t.Errorf("zh message reads %q", tl.Message.ZH)
	}

	// The gappy workbook's sheets have Chinese headers and its documents
	// sheet no column for the limit: an English reader gets the workbook's
	// English header and the Chinese one their sheet would show.
	gt := findingOf(t, auditFindings(t, examples["gappy"]), "docs.time-limits")
	if !strings.Contains(gt.Message.EN, "“Contact limit (h) / 联系时限（小时）”") {
		t.Errorf("workbook header: message reads %q", gt.Message.EN)
	}

	// Without a dossier (rules show) a field is named by the fill-in
	// workbook's header.
	_, out, _ := run(t, "rules", "show", "handling.escalation")
	if s := string(out); !strings.Contains(s, "“Escalated at”") || strings.Contains(s, "escalated_at and") {
		t.Errorf("rules show names fields by internal keys:\n%s", s)
	}
}
