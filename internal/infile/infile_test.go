//go:build unix

package infile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/certready/certready/internal/testtool"
)

func TestAFIFOIsRefusedWithoutBlocking(t *testing.T) {
	p := filepath.Join(t.TempDir(), "certready.yaml")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	testtool.Within(t, 5*time.Second, func() {
		_, err := ReadFile(p, 1<<20, "")
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("FIFO: got %v, want ErrNotRegular", err)
		}
	})
}

func TestDevicesAndDirectoriesAreRefused(t *testing.T) {
	for _, p := range []string{"/dev/zero", "/dev/null", t.TempDir()} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		testtool.Within(t, 5*time.Second, func() {
			if _, err := ReadFile(p, 1<<20, ""); !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: got %v, want ErrNotRegular", p, err)
			}
		})
	}
}

func TestAFileOverItsLimitIsRefusedBeforeReading(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(p, make([]byte, 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(p, 999, "CERTREADY_MAX_YAML_BYTES")
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 1000 || tl.Limit != 999 {
		t.Fatalf("got %v, want a TooLargeError of 1000 over 999", err)
	}
	if want := "CERTREADY_MAX_YAML_BYTES"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the setting %s", err, want)
	}
	b, err := ReadFile(p, 1000, "")
	if err != nil || len(b) != 1000 {
		t.Errorf("at the limit: got %d bytes, %v", len(b), err)
	}
}

func TestAFileThatGrowsPastItsLimitWhileReadIsCut(t *testing.T) {
	p := filepath.Join(t.TempDir(), "grows")
	if err := os.WriteFile(p, make([]byte, 10), 0o600); err != nil {
		t.Fatal(err)
	}
	in, err := Open(p, 10, "")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if err := os.WriteFile(p, make([]byte, 100), 0o600); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 100)
	total := 0
	for {
		n, err := in.Read(buf)
		total += n
		if err != nil {
			var tl *TooLargeError
			if !errors.As(err, &tl) {
				t.Fatalf("got %v after %d bytes, want TooLargeError", err, total)
			}
			return
		}
	}
}
