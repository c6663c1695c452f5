//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWriteRefusesATargetThatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	targets := []string{fifo, filepath.Join(dir)}
	// A character device of our own (the null device's numbers), when we
	// may make one: never the real /dev/null, which a regression would
	// replace.
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err == nil {
		targets = append(targets, dev)
	}
	for _, p := range targets {
		before, _ := os.Lstat(p)
		err := Write(p, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err })
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: got %v, want ErrNotRegular", p, err)
		}
		after, _ := os.Lstat(p)
		if before.Mode() != after.Mode() {
			t.Errorf("%s: mode changed from %v to %v", p, before.Mode(), after.Mode())
		}
	}
}

func TestANewFileHonoursTheUmaskAndAnExistingOneKeepsItsMode(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	p := filepath.Join(dir, "new.pdf")
	if err := Write(p, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("umask 077: new file is %v, want -rw-------", st.Mode().Perm())
	}
	syscall.Umask(0o022)
	q := filepath.Join(dir, "kept.pdf")
	if err := os.WriteFile(q, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(q, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(q, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(q); st.Mode().Perm() != 0o640 {
		t.Errorf("existing 0640 file became %v", st.Mode().Perm())
	}
}
