package xlsxstream

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// Sizes of the inflate-ahead pipeline: chunkSize bytes per buffer, nChunks
// buffers in flight (about 1 MB in all), and the first window.
const (
	chunkSize  = 256 << 10
	nChunks    = 4
	windowSize = 2 * chunkSize
)

var (
	// errDone ends a scan early: the element holding the data has closed.
	errDone = errors.New("xlsxstream: done")
	// errEOF is the end of the part between two units.
	errEOF = errors.New("xlsxstream: end of part")
)

// window is a sliding view of an inflated part: buf[pos:end] is read and
// not yet consumed, and base is the offset of buf[0] in the part.
type window struct {
	src     io.ReadCloser
	feed    *feeder // nil when inflating in the reading goroutine
	buf     []byte
	pos     int
	end     int
	base    int64
	max     int // the largest the buffer may grow to
	maxUnit int // MaxRowBytes, for the error
	eof     bool

	pending []byte // the rest of the chunk last taken from feed
	feedErr error  // what feed reported with that chunk
}

func newWindow(src io.ReadCloser, opt Options, size uint64) *window {
	chunk, n := chunkSize, windowSize
	if opt.chunk > 0 {
		chunk, n = opt.chunk, 2*opt.chunk
	} else if size < uint64(n) {
		n = int(size) + 512 // a short part fits whole; the slack lets EOF be seen
	}
	w := &window{src: src, max: opt.MaxRowBytes + n, maxUnit: opt.MaxRowBytes, buf: make([]byte, n)}
	if !opt.NoPrefetch && size > 2*uint64(chunk) {
		w.feed = startFeeder(src, chunk)
	}
	return w
}

// unit calls parse on the unread bytes until it returns something other
// than errShort, refilling the window in between. It returns errEOF when
// the part ends cleanly before a unit starts, errDone from parse as it is,
// and any other error of parse with the offset in the part where it arose.
func (w *window) unit(parse func(b []byte, i int) (int, error)) (int, error) {
	for {
		j, err := parse(w.buf[:w.end], w.pos)
		if err != errShort {
			if se, ok := err.(*scanError); ok {
				return j, unsupported("%s at byte %d", se.msg, w.base+int64(se.at))
			}
			return j, err
		}
		if w.eof {
			if skipSpace(w.buf[:w.end], w.pos) == w.end {
				return j, errEOF
			}
			return j, unsupported("the XML ends inside an element at byte %d", w.base+int64(w.end))
		}
		if err := w.fill(); err != nil {
			return j, err
		}
	}
}

// fill drops the consumed bytes and reads until the window is full,
// first doubling it when a unit fills it alone (up to max). Filling it
// whole keeps the re-parsing of a unit that crosses the end to a constant
// factor, however large the unit.
func (w *window) fill() error {
	if w.pos > 0 {
		copy(w.buf, w.buf[w.pos:w.end])
		w.base += int64(w.pos)
		w.end -= w.pos
		w.pos = 0
	}
	if w.end == len(w.buf) {
		if len(w.buf) >= w.max {
			return fmt.Errorf("%w: one row or string is over %d bytes of XML", ErrTooLarge, w.maxUnit)
		}
		nb := make([]byte, min(2*len(w.buf), w.max))
		copy(nb, w.buf[:w.end])
		w.buf = nb
	}
	for w.end < len(w.buf) && !w.eof {
		if w.feed == nil {
			n, err := w.src.Read(w.buf[w.end:])
			w.end += n
			if err == io.EOF {
				w.eof = true
			} else if err != nil {
				return err
			}
			continue
		}
		if len(w.pending) == 0 {
			if w.feedErr == io.EOF {
				w.eof = true
				continue
			}
			if w.feedErr != nil {
				return w.feedErr
			}
			w.pending, w.feedErr = w.feed.next()
			continue
		}
		n := copy(w.buf[w.end:], w.pending)
		w.pending = w.pending[n:]
		w.end += n
	}
	return nil
}

// close stops the inflating goroutine and closes the part.
func (w *window) close() error {
	if w.feed != nil {
		w.feed.stop()
		w.feed = nil
	}
	w.buf, w.pending = nil, nil
	return w.src.Close()
}

// feeder inflates a part ahead of the parser in a goroutine of its own,
// through a fixed set of buffers: the parser and the inflater each keep
// one core busy, and memory stays at nChunks buffers whatever the size of
// the part.
type feeder struct {
	full chan chunk
	free chan []byte
	done chan struct{}
	wg   sync.WaitGroup
	cur  []byte // the buffer handed out last, returned on the next call
}

type chunk struct {
	b   []byte
	err error
}

func startFeeder(r io.Reader, size int) *feeder {
	f := &feeder{full: make(chan chunk, nChunks), free: make(chan []byte, nChunks), done: make(chan struct{})}
	for range nChunks {
		f.free <- make([]byte, size)
	}
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		for {
			var buf []byte
			select {
			case buf = <-f.free:
			case <-f.done:
				return
			}
			n, err := io.ReadFull(r, buf)
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			select {
			case f.full <- chunk{buf[:n], err}:
			case <-f.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return f
}

// next returns the next inflated chunk, valid until the following call.
// After a chunk with an error it must not be called again.
func (f *feeder) next() ([]byte, error) {
	if f.cur != nil {
		f.free <- f.cur[:cap(f.cur)]
		f.cur = nil
	}
	c := <-f.full
	f.cur = c.b
	return c.b, c.err
}

// stop ends the goroutine (after the read it may be in) and waits for it,
// so that the part can be closed under it safely.
func (f *feeder) stop() {
	close(f.done)
	f.wg.Wait()
}
