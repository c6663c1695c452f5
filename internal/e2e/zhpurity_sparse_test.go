package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/testtool"
)

// The examples trigger only some of the checks' failure branches; a sparse
// or broken dossier triggers most of the others, whose messages name roles,
// document kinds, cover elements and fields the examples never reach.

// nearEmptyDossier is a dossier of one organisation record and nothing else.
func nearEmptyDossier(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "near-empty")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	org := "name: 示例物业服务有限公司\nsector: food\nsystem_live: 2026-03-01\n"
	if err := os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte(org), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// strippedDossier is a copy of ready-org keeping the first record of every
// list with its required fields only, every single record with its
// required fields only, and a complaint log of 40 rows whose every second
// row keeps its required columns only.
func strippedDossier(t *testing.T) string {
	t.Helper()
	dir := copyDossier(t, examples["ready"])
	for _, rt := range dossier.Types() {
		if rt.Name == "complaints" {
			continue
		}
		p := filepath.Join(dir, rt.File)
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		required := map[string]bool{}
		for _, f := range rt.Fields {
			required[f.Key] = f.Required
		}
		strip := func(m map[string]any) map[string]any {
			for k := range m {
				if !required[k] {
					delete(m, k)
				}
			}
			return m
		}
		var out any
		if rt.Single {
			var m map[string]any
			if err := yaml.Unmarshal(b, &m); err != nil {
				t.Fatalf("%s: %v", rt.File, err)
			}
			if rt.Name == "organisation" {
				name, sector := m["name"], m["sector"]
				m = strip(m)
				m["name"], m["sector"] = name, sector
			} else {
				m = strip(m)
			}
			out = m
		} else {
			var l []map[string]any
			if err := yaml.Unmarshal(b, &l); err != nil {
				t.Fatalf("%s: %v", rt.File, err)
			}
			if len(l) > 1 {
				l = l[:1]
			}
			for _, m := range l {
				strip(m)
			}
			out = l
		}
		nb, err := yaml.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nb, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "complaints.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := bytes.Cut(b, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(body))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	required := map[string]bool{}
	for _, f := range dossier.ComplaintFields() {
		if f.Required {
			required[f.ZH] = true
		}
	}
	if len(rows) > 41 {
		rows = rows[:41]
	}
	for i := 2; i < len(rows); i += 2 {
		for c, h := range rows[0] {
			if !required[h] && c < len(rows[i]) {
				rows[i][c] = ""
			}
		}
	}
	var nb bytes.Buffer
	nb.Write(title)
	nb.WriteByte('\n')
	w := csv.NewWriter(&nb)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, nb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// zhJSONTexts is the Chinese side of every message, title, evidence,
// remedy, materials item and note of a JSON report.
func zhJSONTexts(t *testing.T, out []byte) string {
	t.Helper()
	var r audit.Result
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	var zh []string
	for _, f := range r.Findings {
		zh = append(zh, f.Message.ZH, f.Title.ZH, f.Evidence.ZH, f.Remedy.ZH)
	}
	for _, m := range r.Materials {
		zh = append(zh, m.Title.ZH, m.Note.ZH)
	}
	for _, n := range r.Notes {
		zh = append(zh, n.ZH)
	}
	return strings.Join(zh, "\n")
}

// TestChineseOutputsOfSparseDossiersUseNoInternalWords audits the bank
// test dossier, a dossier of one organisation record and a stripped copy
// of ready-org in Chinese, as text, Markdown, JSON and the xlsx register,
// and fails on any internal key or enum value.
func TestChineseOutputsOfSparseDossiersUseNoInternalWords(t *testing.T) {
	bad := internalWords()
	for _, w := range []string{"top_management", "manual", "training_plan", "objectivity", "complaint_department", "review_minutes", "previous_actions"} {
		if !bad[w] {
			t.Fatalf("the vocabulary misses %s", w)
		}
	}
	dossiers := map[string]string{
		"bank":       "../audit/testdata/bank",
		"near-empty": nearEmptyDossier(t),
		"stripped":   strippedDossier(t),
	}
	names := make([]string, 0, len(dossiers))
	for n := range dossiers {
		names = append(names, n)
	}
	sort.Strings(names)
	leaks := 0
	fired := map[string]bool{}
	for _, name := range names {
		path := dossiers[name]
		var r audit.Result
		code, js, errs := run(t, "audit", path, "--as-of", asOf, "--format", "json", "--fail-on", "none")
		if code != 0 || json.Unmarshal(js, &r) != nil {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		for _, f := range r.Findings {
			fired[f.Check] = true
		}
		if len(r.Findings) < 20 {
			t.Fatalf("%s: %d findings; the dossier is meant to trigger many checks", name, len(r.Findings))
		}
		if got := internalWordsIn(zhJSONTexts(t, js), bad); len(got) > 0 {
			leaks += len(got)
			t.Errorf("%s JSON zh messages use internal words %v", name, got)
		}
		for _, format := range []string{"text", "markdown", "xlsx"} {
			_, out, errs := run(t, "audit", path, "--as-of", asOf, "--format", format, "--lang", "zh", "--fail-on", "none")
			if errs != "" {
				t.Fatalf("%s %s: %s", name, format, errs)
			}
			text := string(out)
			if format == "xlsx" {
				text = xlsxText(t, out)
			}
			if got := internalWordsIn(text, bad); len(got) > 0 {
				leaks += len(got)
				t.Errorf("%s zh %s uses internal words %v", name, format, got)
			}
		}
	}
	if leaks > 0 {
		t.Logf("%d internal words in all", leaks)
	}
	// The branches the examples never reach, which these dossiers are for.
	for _, id := range []string{"people.top-commitment", "people.management-rep", "people.department", "people.training-plan",
		"docs.manual", "docs.forms", "docs.work-instructions", "docs.control", "improvement.objectivity", "improvement.confidentiality",
		"licence.business-present", "licence.sector-permit", "org.legal-rep", "org.operation-months", "org.profile",
		"plan.working-group", "channels.published-process", "handling.channels-declared"} {
		if !fired[id] {
			t.Errorf("no dossier triggers %s", id)
		}
	}
}

// TestChinesePackOfAStrippedDossierUsesNoInternalWords reads the Chinese
// evidence pack of the stripped copy of ready-org back with pdftotext.
func TestChinesePackOfAStrippedDossierUsesNoInternalWords(t *testing.T) {
	pdftotext := testtool.Path(t, "pdftotext")
	bad := internalWords()
	for name, path := range map[string]string{"stripped": strippedDossier(t), "bank": "../audit/testdata/bank"} {
		pdf := filepath.Join(t.TempDir(), "pack.pdf")
		if code, _, errs := run(t, "pack", "-q", path, "--as-of", asOf, "--lang", "zh", "-o", pdf); code > 1 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if got := internalWordsIn(string(out), bad); len(got) > 0 {
			t.Errorf("%s zh pack uses internal words %v", name, got)
		}
	}
}
