// Package atomicfile writes files so that a reader never sees half of one:
// the content goes to a temporary file in the same directory, which is
// synced and renamed over the target only when everything succeeded.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/certready/certready/internal/infile"
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

// ErrNotRegular marks a target that exists and is not a regular file.
var ErrNotRegular = errors.New("exists and is not a regular file")

// Write creates path atomically from what fn writes. On any error —
// including a panic in fn — the temporary file is removed and the target
// is left as it was.
//
// A target that exists and is not a regular file (a device such as
// /dev/null, a FIFO, a directory) is refused: renaming over it would
// replace the device node with a file. A new file gets the permissions
// the umask leaves of 0666, as any file the user creates; a file that
// exists keeps its permissions, so a private report stays private.
func Write(path string, fn func(w io.Writer) error) (err error) {
	mode, exists, err := Target(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	creating.Lock()
	tmp, err := createTemp(dir, "."+filepath.Base(path)+".tmp-")
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
	if exists {
		if err := os.Chmod(name, mode); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	done = true
	return nil
}

// Target checks an output path before anything is written: it returns the
// permissions of the file there, or exists false when there is none, and
// ErrNotRegular when something other than a regular file is there.
func Target(path string) (mode os.FileMode, exists bool, err error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, false, nil
	case err != nil:
		return 0, false, fmt.Errorf("writing %s: %w", path, err)
	case !st.Mode().IsRegular():
		return 0, false, fmt.Errorf("writing %s: %w (it is %s); write to a regular file, or to standard output with -", path, ErrNotRegular, infile.Kind(st.Mode()))
	}
	return st.Mode().Perm(), true, nil
}

// createTemp is os.CreateTemp with mode 0666 instead of 0600, so that the
// kernel applies the umask, as for any file the user creates (CreateTemp
// hides the mode; reading the umask would mean changing it, for the whole
// process, to learn it).
func createTemp(dir, prefix string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("cannot find an unused temporary file name")
}
