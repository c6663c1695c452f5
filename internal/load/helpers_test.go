package load

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// writeFiles writes name → content into dir, creating folders.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dossierDir returns a fresh dossier directory holding files.
func dossierDir(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return dir
}

// problems flattens what Load and ScanLog return into positioned errors;
// an error without a position keeps a zero Pos so a test can see it.
func problems(err error) []*dossier.PosError {
	if err == nil {
		return nil
	}
	var es *Errors
	if errors.As(err, &es) {
		return es.List
	}
	var pe *dossier.PosError
	if errors.As(err, &pe) {
		return []*dossier.PosError{pe}
	}
	return []*dossier.PosError{{Err: err}}
}

// loadAndScan loads path and reads its whole complaint log, as validate
// does, returning the result (possibly partial) and every problem found.
func loadAndScan(t testing.TB, path string) (*Result, int, []*dossier.PosError) {
	t.Helper()
	// Limits come from the environment, as for the command: a test sets
	// one with t.Setenv.
	lim, err := config.LimitsFromEnv(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Load(path, Options{Limits: &lim})
	probs := problems(err)
	rows := -1
	if res != nil {
		probs = append(probs, problems(ScanLog(res.Dossier, res.Config.Limits.MaxErrors, func(n int) { rows = n }))...)
	}
	return res, rows, probs
}

// hasProblem reports whether a problem sits exactly at pos and its
// message holds every one of want.
func hasProblem(probs []*dossier.PosError, pos dossier.Pos, want ...string) bool {
	for _, p := range probs {
		if p.Pos != pos {
			continue
		}
		msg := p.Err.Error()
		ok := true
		for _, w := range want {
			if !strings.Contains(msg, w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func describeProblems(probs []*dossier.PosError) string {
	var b strings.Builder
	for _, p := range probs {
		fmt.Fprintf(&b, "\n\t%#v: %v", p.Pos, p.Err)
	}
	if b.Len() == 0 {
		return " none"
	}
	return b.String()
}

// snapshot lists every file under dir with its size and modification time,
// so a test can assert that loading wrote, changed and removed nothing.
func snapshot(t testing.TB, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%s %v %d %d", rel, info.Mode(), info.Size(), info.ModTime().UnixNano()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// book builds a workbook with the given sheets; fill may set cells,
// styles and properties before it is saved. The default "Sheet1" is
// removed when another sheet exists.
func book(t testing.TB, path string, sheets []string, fill func(f *excelize.File)) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for _, s := range sheets {
		if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
	}
	if len(sheets) > 0 && sheets[0] != "Sheet1" {
		if err := f.DeleteSheet("Sheet1"); err != nil {
			t.Fatal(err)
		}
	}
	if fill != nil {
		fill(f)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// setRows writes rows of values from A1 down.
func setRows(t testing.TB, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
}

// zipEntry is one file to add to an archive.
type zipEntry struct {
	name string
	body []byte
}

// rewriteZip copies the zip at path, letting edit replace the content of
// any entry (return nil to keep it); extra entries are appended in order.
func rewriteZip(t testing.TB, path string, edit func(name string, body []byte) []byte, extra ...zipEntry) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if nb := edit(f.Name, body); nb != nil {
			body = nb
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	for _, e := range extra {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// complaintHeader is a minimal Chinese complaint-log header.
const complaintHeader = "投诉编号,受理时间,投诉渠道,投诉内容,状态"
