package report

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// posLine is the line a position names for tools that only know lines
// (code scanning, annotations, Code Quality): the YAML line, the CSV row,
// or the worksheet row of the cell — Sheet!C12 is line 12, and a finding
// about a whole sheet is on its header row, line 1. Zero when the position
// names no place in a file.
func posLine(p dossier.Pos) (line, col int) {
	switch {
	case p.File == "":
		return 0, 0
	case p.Sheet != "":
		if r := cellRow(p.Cell); r > 0 {
			return r, 0
		}
		return 1, 0
	case p.Row > 0:
		return p.Row, 0
	}
	return p.Line, p.Col
}

// cellRow reads the row of an A1 reference ("C12" → 12); 0 when cell is
// not one.
func cellRow(cell string) int {
	i := strings.IndexFunc(cell, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 {
		return 0
	}
	for _, r := range cell[:i] {
		if r < 'A' || r > 'Z' {
			return 0
		}
	}
	n, err := strconv.Atoi(cell[i:])
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// repoPath is a dossier file's path relative to Options.SourceRoot, with
// forward slashes, as CI systems name files in a repository; ok is false
// without a root or for a file outside it.
func repoPath(o Options, file string) (string, bool) {
	if o.SourceRoot == "" || file == "" {
		return "", false
	}
	rel, err := filepath.Rel(o.SourceRoot, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// ciPath is the path a CI annotation or Code Quality entry names: relative
// to the repository root when one was found, else as the dossier names it
// (relative to where certready ran, which in CI is the checkout).
func ciPath(o Options, file string) string {
	if p, ok := repoPath(o, file); ok {
		return p
	}
	return filepath.ToSlash(file)
}

// SourceRoot finds the repository a dossier lives in: the nearest
// directory at or above it holding .git (a directory, or a file in a
// worktree or submodule). It is returned in the terms positions use — a
// relative dossier path gives a root relative to the working directory —
// so that report paths can be made relative to it. "" when there is none.
func SourceRoot(dossierPath string) string {
	abs, err := filepath.Abs(dossierPath)
	if err != nil {
		return ""
	}
	dir := abs
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		dir = filepath.Dir(abs)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	if filepath.IsAbs(dossierPath) {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return dir
	}
	rel, err := filepath.Rel(wd, dir)
	if err != nil {
		return dir
	}
	return rel
}
