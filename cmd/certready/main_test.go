package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAnInterruptLeavesNoTemporaryOrPartialFiles builds the binary, starts
// a pack and an xlsx audit, interrupts each part-way, and checks that
// neither a temporary file nor a half-written output is left behind.
func TestAnInterruptLeavesNoTemporaryOrPartialFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "certready")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, delay := range []time.Duration{20 * time.Millisecond, 80 * time.Millisecond, 200 * time.Millisecond} {
		for _, args := range [][]string{
			{"pack", "../../examples/gappy-org.xlsx", "--as-of", "2026-11-23", "--bundle", "OUT/bundle.zip", "-o", "OUT/pack.pdf"},
			{"audit", "../../examples/gappy-org.xlsx", "--as-of", "2026-11-23", "--output", "json=OUT/r.json", "--output", "xlsx=OUT/r.xlsx"},
		} {
			tmp, out := t.TempDir(), t.TempDir()
			for i := range args {
				args[i] = strings.ReplaceAll(args[i], "OUT", out)
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(delay)
			_ = cmd.Process.Signal(syscall.SIGINT)
			_ = cmd.Wait()
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("%s after %v: temporary files left in TMPDIR: %v", args[0], delay, left)
			}
			outs, _ := os.ReadDir(out)
			for _, e := range outs {
				if strings.Contains(e.Name(), ".tmp") {
					t.Errorf("%s after %v: partial file left: %s", args[0], delay, e.Name())
				}
			}
		}
	}
}
