// Package infile opens the inputs of a run — dossier files, configuration,
// baseline, font, logo, evidence, bundles — through one door: only regular
// files (a FIFO would block the run forever, /dev/zero would fill memory),
// their size checked against a limit before anything is read, and read
// through a bounded reader in case the file grows while it is read.
package infile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular marks an input that is not a regular file: a FIFO, a
// device, a socket or a directory.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is an input over its size limit. Setting names what the
// person running certready changes to raise the limit.
type TooLargeError struct {
	Size, Limit int64
	Setting     string
}

func (e *TooLargeError) Error() string {
	s := fmt.Sprintf("file is larger than the %d-byte limit", e.Limit)
	if e.Size > e.Limit {
		s = fmt.Sprintf("file is %d bytes, over the %d-byte limit", e.Size, e.Limit)
	}
	if e.Setting != "" {
		s += " (" + e.Setting + ")"
	}
	return s
}

// Kind words a file type for an error message ("a named pipe (FIFO)").
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "not a regular file"
}

// File is an open input: Read is bounded by the limit it was opened with.
type File struct {
	f    *os.File
	r    io.Reader
	size int64
	lim  int64
	set  string
	n    int64
}

// Open opens path for reading if it is a regular file of at most limit
// bytes (limit <= 0: no limit). The file is opened without blocking, so a
// FIFO put in place of an input cannot stall the open itself, and its type
// is checked on the open descriptor, so it cannot be swapped in between.
func Open(path string, limit int64, setting string) (*File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w: it is %s", ErrNotRegular, Kind(st.Mode()))}
	}
	if limit > 0 && st.Size() > limit {
		f.Close()
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: st.Size(), Limit: limit, Setting: setting}}
	}
	in := &File{f: f, r: f, size: st.Size(), lim: limit, set: setting}
	return in, nil
}

// Read reads from the file and fails once more than the limit was read (a
// file that grew after it was opened).
func (in *File) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	in.n += int64(n)
	if in.lim > 0 && in.n > in.lim {
		return n, &fs.PathError{Op: "read", Path: in.f.Name(), Err: &TooLargeError{Limit: in.lim, Setting: in.set}}
	}
	return n, err
}

// ReadAt reads as os.File.ReadAt, within the size seen at open (zip
// readers need it).
func (in *File) ReadAt(p []byte, off int64) (int, error) {
	if off >= in.size {
		return 0, io.EOF
	}
	if rest := in.size - off; int64(len(p)) > rest {
		n, err := in.f.ReadAt(p[:rest], off)
		if err == nil {
			err = io.EOF
		}
		return n, err
	}
	return in.f.ReadAt(p, off)
}

// Size is the file's size when it was opened.
func (in *File) Size() int64 { return in.size }

// Name is the path the file was opened with.
func (in *File) Name() string { return in.f.Name() }

// Close closes the file.
func (in *File) Close() error { return in.f.Close() }

// ReadFile reads a whole input: Open, then read at most limit bytes.
func ReadFile(path string, limit int64, setting string) ([]byte, error) {
	in, err := Open(path, limit, setting)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	b := make([]byte, 0, in.size+1)
	for {
		n, err := in.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// Check reports whether path may be opened as an input (a regular file of
// at most limit bytes) without reading it; for inputs another library
// opens by name.
func Check(path string, limit int64, setting string) error {
	in, err := Open(path, limit, setting)
	if err != nil {
		return err
	}
	return in.Close()
}
