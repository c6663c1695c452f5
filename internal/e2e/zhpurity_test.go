package e2e

import (
	"bytes"
	"encoding/json"
	"maps"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/testtool"
)

// internalWords are the words a Chinese reader must never meet in a
// Chinese output: the enum values and list vocabularies of the record
// types (food_operation, procedure, product_knowledge, escalation …) and
// the snake_case field keys (contact_within_h) — the code's names, for
// which every Chinese output has a label or the sheet's Chinese header.
func internalWords() map[string]bool {
	w := map[string]bool{}
	for _, vs := range [][]string{dossier.Sectors, dossier.LicenceTypes, dossier.DocumentKinds, dossier.ChannelTypes,
		dossier.Complexities, dossier.RiskLevels, dossier.Statuses, dossier.Satisfactions, dossier.PersonRoles,
		dossier.TrainingTopics, dossier.Equipment, dossier.ActionStatuses, dossier.CoverElements} {
		for _, v := range vs {
			w[v] = true
		}
	}
	// Generated from the field table: every enum value, every term a free
	// list offers, every label set's values and every field key with an
	// underscore (a one-word key such as name or title is also an English
	// word the outputs may use).
	fields := dossier.ComplaintFields()
	for _, rt := range dossier.Types() {
		fields = append(fields, rt.Fields...)
	}
	for _, f := range fields {
		if strings.Contains(f.Key, "_") {
			w[f.Key] = true
		}
		for _, v := range append(append([]string{}, f.Enum...), f.Terms...) {
			w[v] = true
		}
	}
	for _, set := range dossier.EnumLabelsZH {
		for v := range set {
			w[v] = true
		}
	}
	return w
}

var (
	zhSplit   = regexp.MustCompile("[\\s，。：；、（）()“”\"'`|<>\\[\\]{}=,:;*]+")
	asciiWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_]*`)
	// inputValue is a value the message quotes as the input's own.
	inputValue = regexp.MustCompile(`值\s*“[^”]*”`)
)

// internalWordsIn lists the internal words in text. Tokens holding a path,
// a position or a check id (a '/', '.' or '!') are the allowed proper
// names: file names, workbook cells, ISO, GB/T, check ids; so are the
// flags of the command line that reproduces a pack; and a value quoted
// after 值 ("台账所填的值“phone”"), which is the input's own word.
func internalWordsIn(text string, bad map[string]bool) []string {
	// A value quoted as the input's own (台账所填的值“phone”) is the
	// reader's word, shown as they typed it.
	text = inputValue.ReplaceAllString(text, "值")
	found := map[string]bool{}
	for _, tok := range zhSplit.Split(text, -1) {
		if strings.ContainsAny(tok, "/.!") || strings.HasPrefix(tok, "-") {
			continue // a path, a cell, a check id or a command-line flag
		}
		for _, w := range asciiWord.FindAllString(tok, -1) {
			if bad[w] {
				found[w] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(found))
}

// The Chinese text and Markdown reports, and the Chinese side of every
// message, title, evidence and remedy in the JSON report, of both examples
// use no internal key or enum value.
func TestChineseOutputsOfTheExamplesUseNoInternalWords(t *testing.T) {
	bad := internalWords()
	if !bad["food_operation"] || !bad["contact_within_h"] || !bad["escalation"] {
		t.Fatal("the vocabulary misses words it is meant to catch")
	}
	if got := internalWordsIn("没有程序文件规定联系投诉人的时限（contact_within_h）；见 gappy-org-evidence/docs/QP-01.md", bad); len(got) != 1 {
		t.Fatalf("scanner found %v, want contact_within_h only", got)
	}
	for name, path := range examples {
		for _, format := range []string{"text", "markdown"} {
			_, out, errs := run(t, "audit", path, "--as-of", asOf, "--format", format, "--lang", "zh", "--fail-on", "none")
			if errs != "" {
				t.Fatalf("%s %s: %s", name, format, errs)
			}
			if got := internalWordsIn(string(out), bad); len(got) > 0 {
				t.Errorf("%s zh %s uses internal words %v", name, format, got)
			}
		}
		_, out, _ := run(t, "audit", path, "--as-of", asOf, "--format", "json", "--fail-on", "none")
		if got := internalWordsIn(zhJSONTexts(t, out), bad); len(got) > 0 {
			t.Errorf("%s JSON zh messages use internal words %v", name, got)
		}
	}
}

var englishLogAspect = regexp.MustCompile(`投诉记录：[^\n]*[A-Za-z][^\n]*|complaint log`)

// The Chinese evidence pack of both examples, read back with pdftotext,
// uses no internal word either.
func TestChinesePacksOfTheExamplesUseNoInternalWords(t *testing.T) {
	pdftotext := testtool.Path(t, "pdftotext")
	bad := internalWords()
	for name, path := range examples {
		pdf := filepath.Join(t.TempDir(), name+".pdf")
		if code, _, errs := run(t, "pack", "-q", path, "--as-of", asOf, "--lang", "zh", "-o", pdf); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if got := internalWordsIn(string(out), bad); len(got) > 0 {
			t.Errorf("%s zh pack uses internal words %v", name, got)
		}
		// Each aspect of the complaint log a finding concerns is named
		// in Chinese by its check, not by the English record identity.
		if l := englishLogAspect.FindString(string(out)); l != "" {
			t.Errorf("%s zh pack names a log aspect in English: %q", name, l)
		}
		if name == "gappy" && !strings.Contains(string(out), "投诉记录：") {
			t.Errorf("gappy zh pack names no aspect of the complaint log: the check above proves nothing")
		}
	}
}

// xlsxText is every cell of every sheet of a workbook, one per line.
func xlsxText(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				sb.WriteString(c)
				sb.WriteByte('\n')
			}
		}
	}
	return sb.String()
}

// The Chinese xlsx register of both examples uses no internal word either:
// no materials item id, no enum value, no field key; breakdowns by channel
// and category show the organisation's own names for them.
func TestChineseRegistersOfTheExamplesUseNoInternalWords(t *testing.T) {
	for name, path := range examples {
		bad := internalWords()
		_, js, _ := run(t, "audit", path, "--as-of", asOf, "--format", "json", "--fail-on", "none")
		var r audit.Result
		if err := json.Unmarshal(js, &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Materials) == 0 {
			t.Fatalf("%s: no materials checklist", name)
		}
		for _, m := range r.Materials {
			bad[m.ID] = true // business_licence, staff_list: the code's names of the items
		}
		_, out, errs := run(t, "audit", path, "--as-of", asOf, "--format", "xlsx", "--lang", "zh", "--fail-on", "none")
		if errs != "" {
			t.Fatalf("%s: %s", name, errs)
		}
		text := xlsxText(t, out)
		if got := internalWordsIn(text, bad); len(got) > 0 {
			t.Errorf("%s zh register uses internal words %v", name, got)
		}
		if r.KPIs == nil || len(r.KPIs.ByChannel) == 0 {
			t.Fatalf("%s: no complaints by channel", name)
		}
		for _, c := range r.KPIs.ByChannel {
			if want := r.KeyLabel("channel", c.Key, "zh"); want == c.Key || !strings.Contains(text, want+"\n") {
				t.Errorf("%s zh register: channel %s not shown by its name %q", name, c.Key, want)
			}
		}
	}
}
