package load

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
)

// csvLog streams a complaint log from a CSV file. Memory is bounded by the
// few blocks of records in flight, whatever the row count.
type csvLog struct {
	path      string // on disk
	display   string // in messages
	encoding  string
	headerRow int
	spec      *logSpec
	loc       *time.Location
	maxCell   int

	mu      sync.Mutex
	sum     []byte // SHA-256 of the file, from the last read to its end
	ignored []dossier.IgnoredColumn
	headers map[string]string
}

// SourceHeaders implements dossier.HeaderReporter.
func (l *csvLog) SourceHeaders() map[string]string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.headers
}

// IgnoredColumns implements dossier.ColumnReporter.
func (l *csvLog) IgnoredColumns() []dossier.IgnoredColumn {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.ignored
}

// FileSHA256 implements dossier.LogHasher.
func (l *csvLog) FileSHA256() ([]byte, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sum, l.sum != nil
}

func (l *csvLog) Source() string { return l.display }

// Path is the file on disk.
func (l *csvLog) Path() string { return l.path }

// Each implements dossier.ComplaintLog; it stops at the first bad row.
func (l *csvLog) Each(fn func(*dossier.Complaint) error) error {
	return l.Scan(fn, func(err error) error { return err })
}

// reader opens the file; every byte read from it also goes to sum. It
// returns how to turn a block of the file's bytes into UTF-8 text: each
// call of newDecode gives a function for one goroutine.
func (l *csvLog) reader(sum io.Writer) (f io.ReadCloser, r io.Reader, newDecode func() func([]byte) string, err error) {
	fh, err := infile.Open(l.path, 0, "")
	if err != nil {
		return nil, nil, nil, err
	}
	br := bufio.NewReaderSize(io.TeeReader(fh, sum), 256<<10)
	if err := sniffCSV(br); err != nil {
		fh.Close()
		return nil, nil, nil, dossier.Errorf(dossier.Pos{File: l.display}, "%w", err)
	}
	switch strings.ToLower(strings.ReplaceAll(l.encoding, "-", "")) {
	case "", "utf8":
		if bom, _ := br.Peek(3); len(bom) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF {
			_, _ = br.Discard(3)
		}
		return fh, br, func() func([]byte) string {
			return func(b []byte) string { return string(b) }
		}, nil
	case "gb18030", "gbk", "gb2312":
		// GB18030 is a superset of GBK and GB2312, so one decoder reads all
		// three. Its multi-byte characters never contain a newline, a quote
		// or a comma byte, so blocks cut at record ends are whole text and
		// each worker decodes its own.
		return fh, br, func() func([]byte) string {
			dec := simplifiedchinese.GB18030.NewDecoder()
			return func(b []byte) string {
				dec.Reset()
				u, err := dec.Bytes(b)
				if err != nil {
					// The decoder replaces what it cannot read; an error
					// here is not expected, and the bytes are kept as they
					// are so the UTF-8 check reports the row.
					return string(b)
				}
				return string(u)
			}
		}, nil
	}
	fh.Close()
	return nil, nil, nil, fmt.Errorf("%s: unknown encoding %q (use utf-8 or gb18030)", l.display, l.encoding)
}

// sniffCSV refuses, with what to do, the two CSV shapes that otherwise read
// as nonsense: UTF-16 text (Excel's "Unicode text"), whose every other byte
// is NUL and which no encoding setting here decodes, and a file whose lines
// end in a bare CR (classic Mac), which reads as one enormous row.
func sniffCSV(br *bufio.Reader) error {
	head, _ := br.Peek(64 << 10)
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return errors.New("the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as \"CSV UTF-8\" (or set complaints.encoding: gb18030 for a GB18030 file)")
	case len(head) >= 4 && bytes.Count(head, []byte{0}) > len(head)/4:
		return errors.New("the file looks like UTF-16 text (a quarter of its bytes are NUL); save it as \"CSV UTF-8\"")
	}
	if cr := bytes.IndexByte(head, '\r'); cr >= 0 && bytes.IndexByte(head, '\n') < 0 && (cr+1 < len(head) || len(head) < 64<<10) {
		if bytes.Count(head, []byte{'\r'}) > 1 {
			return errors.New("the lines end with a bare carriage return (CR, old Mac style), so the file reads as one line; save it with LF or CRLF line ends")
		}
	}
	return nil
}

// Scan calls fn for every good row and onErr for every bad one; it stops
// when either returns an error. Rows reach fn and onErr in file order.
//
// The header is found on this goroutine; after it, blocks of records are
// split, checked and typed by one worker per core, and handed back here in
// order. Typing a row is most of the cost of a read, so this is what lets a
// 1M-row log load in little more than the time to read it.
func (l *csvLog) Scan(fn func(*dossier.Complaint) error, onErr func(error) error) error {
	// The file is hashed as it is read (on the chunker's goroutine), so
	// the input digest need not read it again.
	sum := sha256.New()
	f, r, newDecode, err := l.reader(sum)
	if err != nil {
		return err
	}
	decode := newDecode()
	defer f.Close()
	p := startCSVPipeline(r, l.maxCell)
	defer p.stop()

	var (
		bind    *complaintBinding
		recNo   int
		first   *csvResult
		notUTF8 bool // a row above the header is not UTF-8 (see encodingHint)
		// absRow is the spreadsheet row the next block starts on. Blocks
		// typed by the workers count rows from 0; deliver adds the rows
		// of the blocks before, which only the in-order delivery knows,
		// so the chunker need not count rows outside quotes itself.
		absRow = 1
	)
	// The header: records are split here, in order, until it is bound.
	for bind == nil {
		blk, ok := p.nextBlock()
		if !ok {
			break
		}
		var sp csvSplitter
		sp.reset(decode(blk.data), blk.line, absRow, blk.last)
		p.doneBlock(blk)
		for bind == nil {
			rec, _, raw, ok, err := sp.next()
			if err != nil {
				return l.parseError(err)
			}
			if !ok {
				break
			}
			recNo++
			row := sp.recRow
			// header_row counts rows as a spreadsheet shows them, as
			// every position does.
			if l.headerRow > 0 && row < l.headerRow {
				continue
			}
			if !notUTF8 && !utf8.ValidString(raw) {
				notUTF8 = true
			}
			if l.headerRow == 0 && headerScore(rec, l.spec) < 3 {
				if recNo >= 20 {
					return dossier.Errorf(dossier.Pos{File: l.display, Row: 1}, "%v in the first 20 rows: expected columns such as 投诉编号/Complaint id, 受理时间/Received at, 投诉渠道/Channel (or set complaints.header_row and complaints.columns in certready.yaml)%s", errNoHeader, encodingHint(notUTF8))
				}
				continue
			}
			hdr := slices.Clone(rec)
			bd, err := bindComplaintHeader(hdr, l.spec)
			if err != nil {
				return dossier.Errorf(dossier.Pos{File: l.display, Row: row}, "header: %w", err)
			}
			bind = bd
			l.mu.Lock()
			l.headers = bd.sourceHeaders()
			l.ignored = bd.ignoredColumns(func(col int) dossier.Pos {
				return dossier.Pos{File: l.display, Row: row, Column: trimSpaceAll(hdr[col])}
			})
			l.mu.Unlock()
		}
		if bind != nil {
			// The rest of this block is typed here; the blocks after it
			// go to the workers.
			t := l.newTyper(bind.headers)
			first = t.typeRecords(&sp, blk.err, nil)
			absRow = sp.row
			p.startWorkers(func() func(csvBlock, *csvResult) *csvResult {
				t := l.newTyper(bind.headers)
				decode := newDecode()
				return func(b csvBlock, res *csvResult) *csvResult {
					var sp csvSplitter
					sp.reset(decode(b.data), b.line, 0, b.last)
					return t.typeRecords(&sp, b.err, res)
				}
			})
		} else if blk.err != nil {
			return fmt.Errorf("%s: %w", l.display, blk.err)
		} else {
			absRow = sp.row
		}
	}
	if bind == nil {
		return dossier.Errorf(dossier.Pos{File: l.display}, "%v: the file is empty or has no recognisable header%s", errNoHeader, encodingHint(notUTF8))
	}
	if err := first.deliver(fn, onErr, 0); err != nil {
		return l.resultError(err)
	}
	for res := range p.results() {
		if err := res.deliver(fn, onErr, absRow); err != nil {
			return l.resultError(err)
		}
		absRow += res.span
		p.recycle(res)
	}
	// Every block was delivered without error, so the chunker has read the
	// file to its end.
	p.stop()
	l.mu.Lock()
	l.sum = sum.Sum(nil)
	l.mu.Unlock()
	return nil
}

// parseError positions a malformed-CSV error at its record's line.
func (l *csvLog) parseError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return dossier.Errorf(dossier.Pos{File: l.display, Row: pe.StartLine}, "malformed CSV: %v", pe.Err)
	}
	return fmt.Errorf("%s: %w", l.display, err)
}

// resultError passes on what fn or onErr returned, and positions the error
// that ended the input.
func (l *csvLog) resultError(err error) error {
	var end *inputEnd
	if errors.As(err, &end) {
		return l.parseError(end.err)
	}
	return err
}

// inputEnd wraps the malformed record or read error that ended a block.
type inputEnd struct{ err error }

func (e *inputEnd) Error() string { return e.err.Error() }
func (e *inputEnd) Unwrap() error { return e.err }

// csvTyper turns records into complaints with its own header binding (the
// setters cache enum spellings, so each worker needs its own).
type csvTyper struct {
	l    *csvLog
	bind *complaintBinding
	cx   cellCtx
	row  int
	res  *csvResult
	// where and onErr are made once: they read line and res.
	where func(i int) dossier.Pos
	onErr func(error) error
}

func (l *csvLog) newTyper(headers []string) *csvTyper {
	// The header was bound once already, so binding it again cannot fail.
	bind, _ := bindComplaintHeader(headers, l.spec)
	t := &csvTyper{l: l, bind: bind, cx: cellCtx{loc: l.loc}}
	t.where = func(i int) dossier.Pos {
		p := dossier.Pos{File: l.display, Row: t.row}
		if i < len(bind.headers) {
			p.Column = bind.headers[i]
		}
		return p
	}
	t.onErr = func(err error) error {
		t.res.errs = append(t.res.errs, rowErr{row: len(t.res.rows) - 1, err: err})
		return nil
	}
	return t
}

// typeRecords types every record left in sp into res (or a new result). A
// row's cell errors are kept with it, to reach onErr in file order.
func (t *csvTyper) typeRecords(sp *csvSplitter, end error, res *csvResult) *csvResult {
	if res == nil {
		res = &csvResult{}
	}
	res.rows, res.errs, res.end = res.rows[:0], res.errs[:0], nil
	t.res = res
	for {
		rec, _, raw, ok, err := sp.next()
		if err != nil {
			res.end = &inputEnd{err}
			break
		}
		if !ok {
			break
		}
		if blank(rec) {
			continue
		}
		t.row = sp.recRow
		t.cx.utf8OK = utf8.ValidString(raw)
		res.rows = append(res.rows, dossier.Complaint{})
		c := &res.rows[len(res.rows)-1]
		_ = t.bind.fill(c, rec, &t.cx, t.l.maxCell, t.where, t.onErr)
		c.Pos = dossier.Pos{File: t.l.display, Row: t.row}
	}
	if res.end == nil && end != nil {
		res.end = &inputEnd{end}
	}
	res.span = sp.row
	t.res = nil
	return res
}

// csvResult is a block's typed rows, the cell errors found in them, and the
// error that ended the input after them, if any.
type csvResult struct {
	seq  int
	span int // rows the block covers, as a spreadsheet counts them
	rows []dossier.Complaint
	errs []rowErr
	end  error
}

// rowErr is a cell error of rows[row].
type rowErr struct {
	row int
	err error
}

// deliver hands the rows to fn and their errors to onErr, in file order,
// adding base to their rows.
func (r *csvResult) deliver(fn func(*dossier.Complaint) error, onErr func(error) error, base int) error {
	e := 0
	for k := range r.rows {
		for ; e < len(r.errs) && r.errs[e].row == k; e++ {
			err := r.errs[e].err
			var pe *dossier.PosError
			if base != 0 && errors.As(err, &pe) {
				pe.Pos.Row += base
			}
			if err := onErr(err); err != nil {
				return err
			}
		}
		r.rows[k].Pos.Row += base
		if err := fn(&r.rows[k]); err != nil {
			return err
		}
	}
	return r.end
}

// csvBlockSize is how much input a worker types at a time: large enough
// that handing blocks around costs nothing, small enough that a few blocks
// in flight stay a few megabytes.
const csvBlockSize = 256 << 10

// csvPipeline runs the chunker on its own goroutine and, once the header is
// known, one typing worker per core. Tokens bound the blocks in flight, so
// memory stays flat however far the workers could run ahead of the reader
// of the results.
type csvPipeline struct {
	blocks  chan csvBlock
	bufs    chan []byte // spare block buffers for the chunker
	tokens  chan struct{}
	out     chan *csvResult // typed blocks, in any order
	free    chan *csvResult
	done    chan struct{}
	wg      sync.WaitGroup
	workers int
	nextSeq int // the block results must continue from
	stopped bool
}

func startCSVPipeline(r io.Reader, maxCell int) *csvPipeline {
	workers := runtime.GOMAXPROCS(0)
	inflight := 2*workers + 2
	p := &csvPipeline{
		blocks:  make(chan csvBlock, workers),
		bufs:    make(chan []byte, inflight),
		tokens:  make(chan struct{}, inflight),
		free:    make(chan *csvResult, inflight),
		done:    make(chan struct{}),
		workers: workers,
	}
	for range inflight {
		p.tokens <- struct{}{}
	}
	// No cell may exceed maxCell, so a record far longer than that is an
	// unterminated quote, not data.
	limit := max(64<<20, 4*maxCell)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		defer close(p.blocks)
		k := newCSVChunker(r, csvBlockSize, limit)
		for seq := 0; ; seq++ {
			select {
			case <-p.tokens:
			case <-p.done:
				return
			}
			var buf []byte
			select {
			case buf = <-p.bufs:
			default:
			}
			b, ok := k.next(buf)
			if !ok {
				return
			}
			b.seq = seq
			select {
			case p.blocks <- b:
			case <-p.done:
				return
			}
		}
	}()
	return p
}

// nextBlock takes the next block for the caller itself (before the
// workers start).
func (p *csvPipeline) nextBlock() (csvBlock, bool) {
	b, ok := <-p.blocks
	if ok {
		p.nextSeq = b.seq + 1
	}
	return b, ok
}

// doneBlock gives a block's buffer and token back once its bytes are copied.
func (p *csvPipeline) doneBlock(b csvBlock) {
	select {
	case p.bufs <- b.data:
	default:
	}
	select {
	case p.tokens <- struct{}{}:
	default:
	}
}

// startWorkers types the remaining blocks on one goroutine per core; each
// gets its own typing function from newWork.
func (p *csvPipeline) startWorkers(newWork func() func(csvBlock, *csvResult) *csvResult) {
	p.out = make(chan *csvResult, p.workers)
	var workers sync.WaitGroup
	for range p.workers {
		work := newWork()
		workers.Add(1)
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			defer workers.Done()
			for b := range p.blocks {
				var res *csvResult
				select {
				case res = <-p.free:
				default:
				}
				res = work(b, res)
				res.seq = b.seq
				select {
				case p.bufs <- b.data:
				default:
				}
				select {
				case p.out <- res:
				case <-p.done:
					return
				}
			}
		}()
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		workers.Wait()
		close(p.out)
	}()
}

// results yields the typed blocks in file order.
func (p *csvPipeline) results() iter.Seq[*csvResult] {
	return func(yield func(*csvResult) bool) {
		if p.out == nil {
			return
		}
		pending := map[int]*csvResult{}
		for res := range p.out {
			pending[res.seq] = res
			for {
				r, ok := pending[p.nextSeq]
				if !ok {
					break
				}
				delete(pending, p.nextSeq)
				p.nextSeq++
				if !yield(r) {
					return
				}
			}
		}
	}
}

// recycle returns a delivered result's storage and its block's token.
func (p *csvPipeline) recycle(r *csvResult) {
	select {
	case p.free <- r:
	default:
	}
	select {
	case p.tokens <- struct{}{}:
	default:
	}
}

// stop ends every goroutine of the pipeline and waits for them, so the
// input may be closed after it.
func (p *csvPipeline) stop() {
	if !p.stopped {
		p.stopped = true
		close(p.done)
	}
	p.wg.Wait()
}

func encodingHint(notUTF8 bool) string {
	if !notUTF8 {
		return ""
	}
	return "; the text is not UTF-8: if the file is GB18030 or GBK, set complaints.encoding: gb18030 in certready.yaml"
}

func blank(rec []string) bool {
	for _, s := range rec {
		if trimSpaceAll(s) != "" {
			return false
		}
	}
	return true
}
