package load

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/certready/certready/internal/dossier"
)

// csvLog streams a complaint log from a CSV file: one reused record, one
// reused Complaint, constant memory whatever the row count.
type csvLog struct {
	path      string // on disk
	display   string // in messages
	encoding  string
	headerRow int
	mapping   map[string]string
	loc       *time.Location
	maxCell   int
}

func (l *csvLog) Source() string { return l.display }

// Path is the file on disk.
func (l *csvLog) Path() string { return l.path }

// Each implements dossier.ComplaintLog; it stops at the first bad row.
func (l *csvLog) Each(fn func(*dossier.Complaint) error) error {
	return l.Scan(fn, func(err error) error { return err })
}

func (l *csvLog) reader() (io.ReadCloser, io.Reader, error) {
	f, err := os.Open(l.path)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, 256<<10)
	var r io.Reader = br
	switch strings.ToLower(strings.ReplaceAll(l.encoding, "-", "")) {
	case "", "utf8":
		if bom, _ := br.Peek(3); len(bom) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF {
			_, _ = br.Discard(3)
		}
	case "gb18030", "gbk", "gb2312":
		// GB18030 is a superset of GBK and GB2312, so one decoder reads all three.
		r = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	default:
		f.Close()
		return nil, nil, fmt.Errorf("%s: unknown encoding %q (use utf-8 or gb18030)", l.display, l.encoding)
	}
	return f, r, nil
}

// Scan calls fn for every good row and onErr for every bad one; it stops
// when either returns an error.
func (l *csvLog) Scan(fn func(*dossier.Complaint) error, onErr func(error) error) error {
	f, r, err := l.reader()
	if err != nil {
		return err
	}
	defer f.Close()
	// encoding/csv runs in its own goroutine, a batch of records ahead of
	// the typing and the metrics pass, so the two halves of the work share
	// the machine's cores. done stops it when the consumer returns early;
	// wg makes sure it has stopped before the file is closed.
	done := make(chan struct{})
	batches := make(chan *csvBatch, 4)
	free := make(chan *csvBatch, 6)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		readCSV(r, batches, free, done)
	}()
	defer func() {
		close(done)
		for range batches { // drain so the producer can finish
		}
		wg.Wait()
	}()
	var (
		bind    *complaintBinding
		c       dossier.Complaint
		cx      = cellCtx{loc: l.loc}
		rowLine int
		recNo   int
		// notUTF8 is set when a row above the header is not UTF-8: a
		// GB18030 export read as UTF-8 has no header anyone can match,
		// and the message should say why.
		notUTF8 bool
	)
	where := func(i int) dossier.Pos {
		p := dossier.Pos{File: l.display, Row: rowLine}
		if bind != nil && i < len(bind.headers) {
			p.Column = bind.headers[i]
		}
		return p
	}
	for b := range batches {
		for k, rec := range b.recs {
			recNo++
			rowLine = b.lines[k]
			if bind == nil {
				if l.headerRow > 0 && recNo < l.headerRow {
					continue
				}
				if !notUTF8 && !utf8.ValidString(strings.Join(rec, "")) {
					notUTF8 = true
				}
				if l.headerRow == 0 && headerScore(rec, l.mapping) < 3 {
					if recNo >= 20 {
						return dossier.Errorf(dossier.Pos{File: l.display, Row: 1}, "%v in the first 20 rows: expected columns such as 投诉编号/Complaint id, 受理时间/Received at, 投诉渠道/Channel (or set complaints.header_row and complaints.columns in certready.yaml)%s", errNoHeader, encodingHint(notUTF8))
					}
					continue
				}
				hdr := make([]string, len(rec))
				for i, h := range rec {
					hdr[i] = strings.Clone(h)
				}
				bd, err := bindComplaintHeader(hdr, l.mapping)
				if err != nil {
					return dossier.Errorf(dossier.Pos{File: l.display, Row: rowLine}, "header: %w", err)
				}
				bind = bd
				continue
			}
			if blank(rec) {
				continue
			}
			cx.utf8OK = b.utf8[k]
			if err := bind.fill(&c, rec, &cx, l.maxCell, where, onErr); err != nil {
				return err
			}
			c.Pos = dossier.Pos{File: l.display, Row: rowLine}
			if err := fn(&c); err != nil {
				return err
			}
		}
		if b.err != nil {
			var pe *csv.ParseError
			if errors.As(b.err, &pe) {
				return dossier.Errorf(dossier.Pos{File: l.display, Row: pe.StartLine}, "malformed CSV: %v", pe.Err)
			}
			return fmt.Errorf("%s: %w", l.display, b.err)
		}
		select {
		case free <- b:
		default:
		}
	}
	if bind == nil {
		return dossier.Errorf(dossier.Pos{File: l.display}, "%v: the file is empty or has no recognisable header%s", errNoHeader, encodingHint(notUTF8))
	}
	return nil
}

// csvBatch is a run of records with the line each starts on; err, when
// set, is the error that ended the file after these records.
type csvBatch struct {
	recs  [][]string
	lines []int
	utf8  []bool // the record is valid UTF-8
	err   error
}

const csvBatchSize = 1024

// readCSV parses r into batches until the end of the file, an error, or
// done. It closes out when it stops.
func readCSV(r io.Reader, out chan<- *csvBatch, free <-chan *csvBatch, done <-chan struct{}) {
	defer close(out)
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // title rows above the header have fewer cells
	// Each record needs its own slice now that it crosses goroutines; the
	// field strings are fresh per record either way.
	cr.ReuseRecord = false
	for {
		var b *csvBatch
		select {
		case b = <-free:
			b.recs, b.lines, b.utf8, b.err = b.recs[:0], b.lines[:0], b.utf8[:0], nil
		default:
			b = &csvBatch{recs: make([][]string, 0, csvBatchSize), lines: make([]int, 0, csvBatchSize), utf8: make([]bool, 0, csvBatchSize)}
		}
		for len(b.recs) < csvBatchSize {
			rec, err := cr.Read()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					b.err = err
				}
				select {
				case out <- b:
				case <-done:
				}
				return
			}
			line, _ := cr.FieldPos(0)
			ok := true
			for _, f := range rec {
				if !utf8.ValidString(f) {
					ok = false
					break
				}
			}
			b.recs = append(b.recs, rec)
			b.lines = append(b.lines, line)
			b.utf8 = append(b.utf8, ok)
		}
		select {
		case out <- b:
		case <-done:
			return
		}
	}
}

func encodingHint(notUTF8 bool) string {
	if !notUTF8 {
		return ""
	}
	return "; the text is not UTF-8: if the file is GB18030 or GBK, set complaints.encoding: gb18030 in certready.yaml"
}

func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
