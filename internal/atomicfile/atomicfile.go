// Package atomicfile writes files so that a reader never sees half of one:
// the content goes to a temporary file in the same directory, which is
// synced and renamed over the target only when everything succeeded.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// inflight holds the temporary files being written, so that an interrupt
// (Ctrl-C) can remove them: deferred clean-ups do not run when a signal
// ends the process. creating makes "create the file and record it" one
// step as far as Abort is concerned, so no file can be created unrecorded
// while Abort runs. This is the one piece of process-wide state here, and
// it exists only for that.
var (
	inflight sync.Map
	creating sync.Mutex
)

// Abort deletes every temporary file still being written and blocks any
// further Write from creating one. The command's signal handler calls it
// just before exiting; nothing may be written after it.
func Abort() {
	creating.Lock() // never unlocked: the process is about to exit
	inflight.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		return true
	})
}

// Write creates path atomically from what fn writes. On any error —
// including a panic in fn — the temporary file is removed and the target
// is left as it was.
func Write(path string, fn func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	creating.Lock()
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		creating.Unlock()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	name := tmp.Name()
	inflight.Store(name, struct{}{})
	creating.Unlock()
	done := false
	defer func() {
		inflight.Delete(name)
		if !done {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := fn(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	done = true
	return nil
}
