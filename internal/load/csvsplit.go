package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The complaint log's CSV is read in two steps so that several cores can
// share the work: a chunker cuts the input into blocks of whole records
// (cheap: it only looks for quotes and newlines), and each block is then
// split into fields and typed on its own, in any order. The splitter reads
// exactly what encoding/csv reads with FieldsPerRecord = -1 and LazyQuotes
// off — the same records on the same lines, and the same kind of error on
// the same record — and TestCSVSplitterReadsWhatEncodingCSVReads and
// FuzzCSVSplitAsEncodingCSV hold it to that. Unlike encoding/csv it refuses
// a record longer than the chunker's limit instead of reading it to the end
// of the input.

// csvChunker reads r in blocks of about size bytes and cuts each block after
// the last newline that is outside quotes, carrying the partial record over
// to the next block. A record longer than limit is refused rather than
// buffered without end (an unterminated quote would otherwise pull the rest
// of the file into memory).
type csvChunker struct {
	r     io.Reader
	size  int
	limit int
	carry []byte
	line  int // line number of the next block's first byte
	done  bool
}

// csvBlock is a run of whole records: data starts at a record boundary and
// ends after a record's newline, except for the last block of the input.
type csvBlock struct {
	seq  int // the block's place in the input
	data []byte
	line int  // line number of data's first byte
	last bool // the input ends after data
	err  error
}

func newCSVChunker(r io.Reader, size, limit int) *csvChunker {
	return &csvChunker{r: r, size: size, limit: limit, line: 1}
}

// next fills buf (reusing its storage) with the next block. It returns
// false when the input is exhausted.
func (k *csvChunker) next(buf []byte) (csvBlock, bool) {
	if k.done {
		return csvBlock{}, false
	}
	buf = append(buf[:0], k.carry...)
	k.carry = k.carry[:0]
	scanned, inQuote, cut := 0, false, -1
	for {
		if len(buf)+k.size > cap(buf) {
			// Doubling keeps a long record (a 50 MB cell) linear to read.
			nb := make([]byte, len(buf), max(2*cap(buf), len(buf)+k.size+k.size/4))
			copy(nb, buf)
			buf = nb
		}
		n, err := io.ReadFull(k.r, buf[len(buf):len(buf)+k.size])
		buf = buf[:len(buf)+n]
		if err != nil {
			// The end of the input (or a read error): everything left is
			// the last block, a final record without newline included.
			k.done = true
			b := csvBlock{data: buf, line: k.line, last: true}
			if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
				b.err = err
			}
			return b, true
		}
		c, q := lastRecordEnd(buf, scanned, inQuote)
		if c >= 0 {
			cut = c
		}
		scanned, inQuote = len(buf), q
		if cut >= 0 {
			break
		}
		if len(buf) > k.limit {
			k.done = true
			return csvBlock{line: k.line, last: true, err: &csv.ParseError{StartLine: k.line, Line: k.line, Column: 1,
				Err: fmt.Errorf("%w: a record runs over %d MiB (an unterminated quote?)", csv.ErrQuote, k.limit>>20)}}, true
		}
	}
	k.carry = append(k.carry, buf[cut+1:]...)
	b := csvBlock{data: buf[:cut+1], line: k.line}
	k.line += bytes.Count(b.data, []byte{'\n'})
	return b, true
}

// lastRecordEnd finds the last newline in b[from:] that is outside quotes,
// given whether b[from] starts inside a quoted field, and the quote state at
// the end of b. In well-formed CSV every quote toggles the state (an
// escaped "" toggles it twice); where the two differ the record is malformed
// and the splitter reports it before reaching the cut.
func lastRecordEnd(b []byte, from int, inQuote bool) (cut int, endInQuote bool) {
	cut = -1
	for from < len(b) {
		q := bytes.IndexByte(b[from:], '"')
		end := len(b)
		if q >= 0 {
			end = from + q
		}
		if !inQuote {
			if nl := bytes.LastIndexByte(b[from:end], '\n'); nl >= 0 {
				cut = from + nl
			}
		}
		if q < 0 {
			break
		}
		inQuote = !inQuote
		from = end + 1
	}
	return cut, inQuote
}

// csvSplitter splits the records of one block. fields and the builder are
// reused from record to record; the field strings are substrings of the
// block (or, for quoted fields with escapes, fresh strings).
type csvSplitter struct {
	s    string
	off  int
	line int
	// row is the spreadsheet row at off (lines outside quotes, so a
	// cell's own newlines do not count); recRow is the row of the record
	// last returned.
	row    int
	recRow int
	last   bool
	quotes bool // the block holds a quote somewhere
	fields []string
	sb     strings.Builder
}

func (sp *csvSplitter) reset(s string, line, row int, last bool) {
	sp.s, sp.off, sp.line, sp.row, sp.last = s, 0, line, row, last
	sp.quotes = strings.IndexByte(s, '"') >= 0
}

// next returns the next record, the line it starts on, and its raw text
// (for the UTF-8 check). ok is false at the end of the block; err is a
// *csv.ParseError for malformed input.
func (sp *csvSplitter) next() (rec []string, line int, raw string, ok bool, err error) {
	s := sp.s
	// Empty lines are skipped, as encoding/csv does, but counted.
	for sp.off < len(s) {
		switch {
		case s[sp.off] == '\n':
			sp.off++
			sp.line++
			sp.row++
			continue
		case s[sp.off] == '\r' && sp.off+1 < len(s) && s[sp.off+1] == '\n':
			sp.off += 2
			sp.line++
			sp.row++
			continue
		case s[sp.off] == '\r' && sp.off+1 == len(s) && sp.last:
			sp.off++ // a trailing \r before the end of the input is dropped
			continue
		}
		break
	}
	if sp.off >= len(s) {
		return nil, 0, "", false, nil
	}
	start, line := sp.off, sp.line
	sp.recRow = sp.row
	sp.row++ // the record's own line end, or the end of the input
	if !sp.quotes {
		return sp.plain(start, line)
	}
	// A record without a quote before its newline is plain too.
	nl := strings.IndexByte(s[start:], '\n')
	end := len(s)
	if nl >= 0 {
		end = start + nl
	}
	if strings.IndexByte(s[start:end], '"') < 0 {
		return sp.plain(start, line)
	}
	return sp.quoted(start, line)
}

// plain splits a record that holds no quote: one line, cut at commas.
func (sp *csvSplitter) plain(start, line int) ([]string, int, string, bool, error) {
	s := sp.s
	end, next := len(s), len(s)
	if nl := strings.IndexByte(s[start:], '\n'); nl >= 0 {
		end, next = start+nl, start+nl+1
		sp.line++
	}
	if end > start && s[end-1] == '\r' {
		end-- // \r\n ends a line like \n; so does a \r before the end of the input
	}
	sp.off = next
	text := s[start:end]
	f := sp.fields[:0]
	for {
		i := strings.IndexByte(text, ',')
		if i < 0 {
			f = append(f, text)
			break
		}
		f = append(f, text[:i])
		text = text[i+1:]
	}
	sp.fields = f
	return f, line, s[start:end], true, nil
}

// quoted splits a record with at least one quote, field by field, the way
// encoding/csv's readRecord does.
func (sp *csvSplitter) quoted(start, line int) ([]string, int, string, bool, error) {
	s := sp.s
	i := start
	f := sp.fields[:0]
	fail := func(e error) ([]string, int, string, bool, error) {
		return nil, line, "", false, &csv.ParseError{StartLine: line, Line: sp.line, Column: 1, Err: e}
	}
	for {
		if i >= len(s) || s[i] != '"' {
			// Unquoted field: up to the next comma or the end of the line.
			j := i
			for j < len(s) && s[j] != ',' && s[j] != '\n' {
				if s[j] == '"' {
					return fail(csv.ErrBareQuote)
				}
				j++
			}
			field := s[i:j]
			if j == len(s) || s[j] == '\n' {
				if len(field) > 0 && field[len(field)-1] == '\r' && (j < len(s) || sp.last) {
					field = field[:len(field)-1]
				}
			}
			f = append(f, field)
			if j < len(s) && s[j] == ',' {
				i = j + 1
				continue
			}
			if j < len(s) {
				j++ // the newline
				sp.line++
			}
			sp.off = j
			break
		}
		// Quoted field: runs to a quote that is not doubled.
		i++
		from := i
		escaped := false
		for {
			q := strings.IndexByte(s[i:], '"')
			if q < 0 {
				// The input ends inside the quotes.
				sp.line += strings.Count(s[i:], "\n")
				return fail(csv.ErrQuote)
			}
			sp.line += strings.Count(s[i:i+q], "\n")
			i += q + 1
			if i < len(s) && s[i] == '"' {
				escaped = true
				i++
				continue
			}
			break
		}
		content := s[from : i-1]
		if escaped || strings.Contains(content, "\r\n") {
			content = sp.unescape(content)
		}
		f = append(f, content)
		switch {
		case i < len(s) && s[i] == ',':
			i++
			continue
		case i == len(s):
			sp.off = i
		case s[i] == '\n':
			sp.off = i + 1
			sp.line++
		case s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n':
			sp.off = i + 2
			sp.line++
		case s[i] == '\r' && i+1 == len(s) && sp.last:
			sp.off = i + 1
		default:
			return fail(csv.ErrQuote)
		}
		break
	}
	sp.fields = f
	return f, line, s[start:sp.off], true, nil
}

// unescape turns "" into " and a line's \r\n into \n inside quoted text.
func (sp *csvSplitter) unescape(content string) string {
	sp.sb.Reset()
	sp.sb.Grow(len(content))
	for k := 0; k < len(content); k++ {
		c := content[k]
		if c == '"' && k+1 < len(content) && content[k+1] == '"' {
			k++
		} else if c == '\r' && k+1 < len(content) && content[k+1] == '\n' {
			continue
		}
		sp.sb.WriteByte(c)
	}
	return sp.sb.String()
}
