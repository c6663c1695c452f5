package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTheBinaryNamesTheVersionItWasBuiltWith builds certready as a release
// does (VCS stamping on, the version set with -ldflags -X) and checks that
// --version prints that version and the checkout's revision, and that a
// report names the same version.
func TestTheBinaryNamesTheVersionItWasBuiltWith(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): VCS stamping cannot be tested", err)
	}
	rev := strings.TrimSpace(string(head))
	// The go command stamps the revision of a clone, but not of a linked
	// worktree (whose .git is a file): there only the version is checked.
	top, _ := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if st, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !st.IsDir() {
		t.Logf("%s is a linked worktree: the go command records no revision here", strings.TrimSpace(string(top)))
		rev = ""
	}
	bin := filepath.Join(t.TempDir(), "certready")
	build := exec.Command("go", "build", "-buildvcs=true",
		"-ldflags", "-X github.com/certready/certready/internal/version.version=v9.8.7-test", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "certready version v9.8.7-test"
	if rev != "" {
		want += " (revision " + rev
	}
	if line := string(out); !strings.HasPrefix(line, want) {
		t.Errorf("--version printed %q, want v9.8.7-test and revision %s", line, rev)
	}
	out, _ = exec.Command(bin, "audit", "../../examples/ready-org", "--as-of", "2026-11-23", "--format", "json").Output()
	var r struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(out, &r); err != nil || r.Version != "v9.8.7-test" {
		t.Errorf("JSON report names version %q (%v), want v9.8.7-test", r.Version, err)
	}
}
