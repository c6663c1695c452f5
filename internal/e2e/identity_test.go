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

// gappyCopy copies the gappy workbook under a new name into a fresh
// directory beside a copy of its evidence, and lets edit change it first.
func gappyCopy(t *testing.T, name string, edit func(*excelize.File)) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "gappy-org-evidence"), os.DirFS("../../examples/gappy-org-evidence")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(examples["gappy"])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// moveRowsToEnd moves n rows starting at row first to the end of the
// sheet, keeping every cell's value and type.
func moveRowsToEnd(t *testing.T, f *excelize.File, sheet string, first, n int) {
	t.Helper()
	for range n {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.DuplicateRowTo(sheet, first, len(rows)+1); err != nil {
			t.Fatal(err)
		}
		if err := f.RemoveRow(sheet, first); err != nil {
			t.Fatal(err)
		}
	}
}

func auditJSON(t *testing.T, path string) (string, *audit.Result) {
	t.Helper()
	code, out, errs := run(t, "audit", path, "--as-of", asOf, "--format", "json", "--fail-on", "none")
	if code != 0 {
		t.Fatalf("audit %s: exit %d: %s", path, code, errs)
	}
	var r audit.Result
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p, &r
}

// Reordering the rows of every list sheet and renaming the workbook moves
// most findings to other cells, yet diff reports nothing new, nothing
// fixed, and exits 0.
func TestAReorderedRenamedWorkbookBringsNoNewsInDiff(t *testing.T) {
	oldPath, old := auditJSON(t, gappyCopy(t, "gappy-org.xlsx", nil))
	newPath, new := auditJSON(t, gappyCopy(t, "宁波甬味坊 2026-11 重排版.xlsx", func(f *excelize.File) {
		moveRowsToEnd(t, f, "人员", 2, 2)
		moveRowsToEnd(t, f, "Training", 2, 1)
		moveRowsToEnd(t, f, "体系文件", 2, 4)
		moveRowsToEnd(t, f, "Objectives", 2, 2)
		moveRowsToEnd(t, f, "投诉记录", 3, 20)
	}))
	if len(old.Findings) != len(new.Findings) {
		t.Fatalf("%d findings before, %d after reordering", len(old.Findings), len(new.Findings))
	}
	oldWhere := map[string]string{}
	for _, f := range old.Findings {
		oldWhere[f.ID] = f.Where
	}
	moved := 0
	for _, f := range new.Findings {
		if oldWhere[f.ID] != f.Where {
			moved++
		}
	}
	if moved < len(new.Findings)/2 {
		t.Fatalf("only %d of %d findings moved: the reordering does not exercise the matching", moved, len(new.Findings))
	}
	code, out, errs := run(t, "diff", oldPath, newPath)
	if code != 0 {
		t.Fatalf("diff: exit %d, want 0\n%s%s", code, out, errs)
	}
	golden(t, "diff.reordered-renamed.text", out)
}

// A new major finding makes diff exit 1 even when its check already had
// findings, so it is no "regression": document F-02's file is already
// missing, now QM-01's is too.
func TestANewMajorFindingMakesDiffExitOne(t *testing.T) {
	oldBook := gappyCopy(t, "gappy-org.xlsx", nil)
	oldPath, _ := auditJSON(t, oldBook)
	book := gappyCopy(t, "gappy-org.xlsx", func(f *excelize.File) {
		if err := f.SetCellValue("体系文件", "I2", "gappy-org-evidence/docs/QM-99.md"); err != nil {
			t.Fatal(err)
		}
	})
	newPath, _ := auditJSON(t, book)
	code, out, errs := run(t, "diff", oldPath, newPath)
	if code != 1 {
		t.Fatalf("diff: exit %d, want 1\n%s%s", code, out, errs)
	}
	text := string(out)
	for _, b := range []string{book, oldBook} { // a fixed finding is placed in the old run's copy
		text = strings.ReplaceAll(text, filepath.Dir(b)+string(filepath.Separator), "")
	}
	if !strings.Contains(text, "Regressed (0)") || !strings.Contains(text, "docs.control [major]") {
		t.Errorf("the new major docs.control finding is not listed as new (and not regressed):\n%s", text)
	}
	golden(t, "diff.new-major.text", []byte(text))
	_, zh, _ := run(t, "diff", oldPath, newPath, "--lang", "zh")
	// One gap, one finding: the missing manual file is docs.control's; the
	// materials checklist refers to it rather than adding a second.
	if !strings.Contains(string(zh), "新增（1）") || !strings.Contains(string(zh), "[严重不符合]") || !strings.Contains(string(zh), "尚不具备申请条件") {
		t.Errorf("diff --lang zh:\n%s", zh)
	}
	if code, out, errs := run(t, "diff", oldPath, newPath, "--fail-on", "none"); code != 0 {
		t.Errorf("diff --fail-on none: exit %d\n%s%s", code, out, errs)
	}
}

// A baseline written before findings had ids (no "id", keys by position)
// still matches: by check and record, with a warning on stderr.
func TestAnOldBaselineWithoutIDsMatchesByCheckAndRecordWithAWarning(t *testing.T) {
	oldPath, _ := auditJSON(t, gappyCopy(t, "gappy-org.xlsx", nil))
	b, err := os.ReadFile(oldPath)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	for _, f := range raw["findings"].([]any) {
		delete(f.(map[string]any), "id")
	}
	legacy, _ := json.Marshal(raw)
	legacyPath := filepath.Join(t.TempDir(), "old.json")
	if err := os.WriteFile(legacyPath, legacy, 0o644); err != nil {
		t.Fatal(err)
	}
	moved := gappyCopy(t, "renamed.xlsx", func(f *excelize.File) { moveRowsToEnd(t, f, "人员", 2, 2) })
	code, out, errs := run(t, "audit", moved, "--as-of", asOf, "--baseline", legacyPath)
	if code != 0 || !strings.Contains(errs, "no finding ids") {
		t.Fatalf("audit --baseline (old form): exit %d, stderr %q\n%s", code, errs, out)
	}
	newPath, _ := auditJSON(t, moved)
	code, out, errs = run(t, "diff", legacyPath, newPath)
	if code != 0 || !strings.Contains(errs, "no finding ids") || !strings.Contains(string(out), "New (0)") {
		t.Fatalf("diff (old form): exit %d, stderr %q\n%s", code, errs, out)
	}
}
