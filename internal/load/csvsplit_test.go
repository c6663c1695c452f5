package load

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// csvOutcome is what a reader made of an input: its records, the line each
// starts on, and the error that stopped it.
type csvOutcome struct {
	recs  [][]string
	lines []int
	err   error
}

func readWithEncodingCSV(data []byte) csvOutcome {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var o csvOutcome
	for {
		rec, err := r.Read()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				o.err = err
			}
			return o
		}
		line, _ := r.FieldPos(0)
		o.recs = append(o.recs, rec)
		o.lines = append(o.lines, line)
	}
}

func readWithSplitter(data []byte, blockSize int) csvOutcome {
	k := newCSVChunker(bytes.NewReader(data), blockSize, 1<<20)
	var o csvOutcome
	var buf []byte
	for {
		b, ok := k.next(buf)
		if !ok {
			return o
		}
		var sp csvSplitter
		sp.reset(string(b.data), b.line, 1, b.last)
		for {
			rec, line, _, ok, err := sp.next()
			if err != nil {
				o.err = err
				return o
			}
			if !ok {
				break
			}
			o.recs = append(o.recs, slices.Clone(rec))
			o.lines = append(o.lines, line)
		}
		if b.err != nil {
			o.err = b.err
			return o
		}
		buf = b.data
	}
}

// sameOutcome compares two readings: the same records on the same lines,
// and the same kind of error on the same record, if any.
func sameOutcome(t *testing.T, data []byte, blockSize int) {
	t.Helper()
	want, got := readWithEncodingCSV(data), readWithSplitter(data, blockSize)
	if !slices.EqualFunc(want.recs, got.recs, slices.Equal) || !slices.Equal(want.lines, got.lines) {
		t.Fatalf("input %q (blocks of %d):\nencoding/csv %q lines %v\nsplitter     %q lines %v", data, blockSize, want.recs, want.lines, got.recs, got.lines)
	}
	var we, ge *csv.ParseError
	switch {
	case want.err == nil && got.err == nil:
	case errors.As(want.err, &we) && errors.As(got.err, &ge):
		if !errors.Is(ge.Err, we.Err) || ge.StartLine != we.StartLine {
			t.Fatalf("input %q (blocks of %d): encoding/csv %v (record on line %d), splitter %v (record on line %d)", data, blockSize, we.Err, we.StartLine, ge.Err, ge.StartLine)
		}
	default:
		t.Fatalf("input %q (blocks of %d): encoding/csv error %v, splitter error %v", data, blockSize, want.err, got.err)
	}
}

// randomCSV is either a well-formed file written by encoding/csv (fields
// with commas, quotes, newlines, Chinese text; LF or CRLF) or a random
// string of the characters that matter to a CSV reader.
func randomCSV(rng *rand.Rand) []byte {
	if rng.IntN(2) == 0 {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.UseCRLF = rng.IntN(2) == 0
		for range rng.IntN(8) {
			rec := make([]string, 1+rng.IntN(5))
			for i := range rec {
				var f strings.Builder
				for range rng.IntN(6) {
					f.WriteString([]string{"a", "投诉", ",", `"`, "\n", "\r\n", " ", "x1"}[rng.IntN(8)])
				}
				rec[i] = f.String()
			}
			_ = w.Write(rec)
		}
		w.Flush()
		if rng.IntN(3) == 0 {
			b.WriteString("\n\r\n") // blank lines, skipped but counted
		}
		if rng.IntN(3) == 0 {
			b.Truncate(max(0, b.Len()-1-rng.IntN(3))) // a final record without its newline
		}
		return b.Bytes()
	}
	var b []byte
	for range rng.IntN(40) {
		b = append(b, []string{"a", ",", `"`, "\n", "\r", "\r\n", `""`, "中", " "}[rng.IntN(9)]...)
	}
	return b
}

func TestCSVSplitterReadsWhatEncodingCSVReads(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	// make fuzz runs many more (CERTREADY_CSV_CASES) and the fuzz target.
	cases := 2000
	if n, err := strconv.Atoi(os.Getenv("CERTREADY_CSV_CASES")); err == nil {
		cases = n
	}
	for i := range cases {
		data := randomCSV(rng)
		sameOutcome(t, data, 1+i%17)
		sameOutcome(t, data, 1<<12) // the whole input in one block
	}
	for _, s := range []string{
		"", "\n", "\r", "\r\n", "a", "a\r", "a\r\r\n", "a,b\r\nc", `"a"` + "\r", `"a"x`, `a"b`, `"a""b",c`,
		"\"multi\nline\",x\ny", "\"unterminated\n\nfield", "a,\"b\r\nc\"\r\n", "x\n\n\"q\"\n", ",,\n", `"",""`,
	} {
		for size := 1; size < 8; size++ {
			sameOutcome(t, []byte(s), size)
		}
	}
}

func FuzzCSVSplitAsEncodingCSV(f *testing.F) {
	f.Add([]byte("a,\"b\"\"c\"\r\n\"d\ne\",f\n"), uint8(3))
	f.Add([]byte("x\n\"open"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, size uint8) {
		sameOutcome(t, data, 1+int(size))
	})
}

// A record far longer than any cell may be is refused with its line, not
// read into memory to the end of the file.
func TestAnUnterminatedQuoteIsRefusedAtTheRecordLimit(t *testing.T) {
	data := []byte("a,b\n\"open," + strings.Repeat("x", 5000) + "\n" + strings.Repeat("y,z\n", 2000))
	k := newCSVChunker(bytes.NewReader(data), 256, 4096)
	var last csvBlock
	for {
		b, ok := k.next(nil)
		if !ok {
			break
		}
		last = b
	}
	var pe *csv.ParseError
	if !errors.As(last.err, &pe) || pe.StartLine != 2 || !errors.Is(pe.Err, csv.ErrQuote) {
		t.Fatalf("got %v, want a quote error on line 2", last.err)
	}
}

// The log hashes the file as the scan reads it; the sum is the file's and
// is given only after a read to the end.
func TestTheCSVLogHashesTheFileItReads(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("投诉编号,受理时间,投诉渠道,投诉内容,状态\n")
	for i := range 5000 {
		b.WriteString("C" + strconv.Itoa(i) + ",2026-03-02 10:00,phone,配送超时,open\n")
	}
	p := filepath.Join(dir, "complaints.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &csvLog{path: p, display: p, loc: time.UTC, maxCell: 1 << 20}
	if _, ok := l.FileSHA256(); ok {
		t.Fatal("a sum before any read")
	}
	stop := errors.New("stop")
	n := 0
	if err := l.Each(func(*dossier.Complaint) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Fatalf("early stop: %v after %d rows", err, n)
	}
	if _, ok := l.FileSHA256(); ok {
		t.Fatal("a sum after a read that stopped early")
	}
	n = 0
	if err := l.Each(func(*dossier.Complaint) error { n++; return nil }); err != nil || n != 5000 {
		t.Fatalf("full read: %v after %d rows", err, n)
	}
	got, ok := l.FileSHA256()
	want := sha256.Sum256([]byte(b.String()))
	if !ok || !bytes.Equal(got, want[:]) {
		t.Fatalf("sum %x, want %x", got, want)
	}
}

// writeLog writes a complaint log of n rows; bad(i) rows get a date that
// is not a date, and row quote (if > 0) a bare quote.
func writeLog(t *testing.T, n int, bad func(i int) bool, quote int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("投诉编号,受理时间,投诉渠道,投诉内容,状态\n")
	for i := range n {
		when := "2026-03-02 10:00"
		if bad(i) {
			when = "2026-02-30 10:00"
		}
		text := "配送超时，顾客要求退款并致歉" + strings.Repeat("。", i%40)
		if i == quote {
			text = `bare"quote`
		}
		b.WriteString("C" + strconv.Itoa(i) + "," + when + ",phone," + text + ",open\n")
	}
	p := filepath.Join(t.TempDir(), "complaints.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Blocks are typed on several goroutines, yet rows and their errors
// arrive in file order, each error with its own row.
func TestRowsAndErrorsArriveInFileOrderAcrossBlocks(t *testing.T) {
	const n = 60000 // about 20 blocks
	p := writeLog(t, n, func(i int) bool { return i%7 == 3 }, -1)
	l := &csvLog{path: p, display: "log.csv", loc: time.UTC, maxCell: 1 << 20}
	var ids []string
	var errRows []int
	err := l.Scan(func(c *dossier.Complaint) error {
		ids = append(ids, c.ID)
		return nil
	}, func(err error) error {
		var pe *dossier.PosError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), "received_at") {
			t.Fatalf("unexpected error %v", err)
		}
		errRows = append(errRows, pe.Pos.Row)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != n {
		t.Fatalf("%d rows, want %d", len(ids), n)
	}
	for i, id := range ids {
		if id != "C"+strconv.Itoa(i) {
			t.Fatalf("row %d is %s", i, id)
		}
	}
	want := 0
	for i := range n {
		if i%7 == 3 {
			if want >= len(errRows) || errRows[want] != i+2 { // +1 header, +1 from zero
				t.Fatalf("error %d on row %v, want row %d", want, errRows[want:min(want+3, len(errRows))], i+2)
			}
			want++
		}
	}
	if want != len(errRows) {
		t.Fatalf("%d errors, want %d", len(errRows), want)
	}
}

// A malformed record far into the file ends the read there: every row
// before it was delivered, none after, and the message names its line.
func TestAMalformedRecordDeepInTheLogStopsTheReadAtItsLine(t *testing.T) {
	const n, quote = 50000, 41234
	p := writeLog(t, n, func(int) bool { return false }, quote)
	l := &csvLog{path: p, display: "log.csv", loc: time.UTC, maxCell: 1 << 20}
	rows := 0
	err := l.Each(func(*dossier.Complaint) error { rows++; return nil })
	if err == nil || !strings.Contains(err.Error(), "malformed CSV") || !strings.Contains(err.Error(), "row "+strconv.Itoa(quote+2)) {
		t.Fatalf("got %v", err)
	}
	if rows != quote {
		t.Fatalf("%d rows delivered before the bad one, want %d", rows, quote)
	}
	if _, ok := l.FileSHA256(); ok {
		t.Fatal("a failed read left a file hash")
	}
}

// Stopping early (onErr giving up) ends every goroutine of the read. The
// reads run under a profiler label that every goroutine they start
// inherits, so the test counts only those goroutines, not the runtime's
// or another test's, and waits (with a deadline) for the last of them to
// finish exiting after its WaitGroup.Done.
func TestStoppingEarlyLeavesNoGoroutineBehind(t *testing.T) {
	p := writeLog(t, 60000, func(i int) bool { return i%100 == 50 }, -1)
	l := &csvLog{path: p, display: "log.csv", loc: time.UTC, maxCell: 1 << 20}
	giveUp := errors.New("enough")
	label := pprof.Labels("csvread", t.Name())
	pprof.Do(context.Background(), label, func(context.Context) {
		for range 20 {
			errs := 0
			err := l.Scan(func(*dossier.Complaint) error { return nil }, func(error) error {
				if errs++; errs == 3 {
					return giveUp
				}
				return nil
			})
			if !errors.Is(err, giveUp) {
				t.Fatalf("got %v", err)
			}
		}
	})
	if n := waitLabelledGoroutines(t, "csvread", t.Name(), 10*time.Second); n > 0 {
		t.Fatalf("%d goroutines of the reads still running 10 s after 20 early stops", n)
	}
}

// The counter the test above relies on sees a labelled goroutine while it
// runs and none once it has ended, so that test's check is not vacuous.
func TestTheGoroutineCounterSeesLabelledGoroutines(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	pprof.Do(context.Background(), pprof.Labels("csvread", t.Name()), func(context.Context) {
		go func() { close(started); <-release }()
	})
	<-started
	if n := labelledGoroutines(t, "csvread", t.Name()); n != 1 {
		t.Fatalf("counted %d labelled goroutines, want 1", n)
	}
	close(release)
	if n := waitLabelledGoroutines(t, "csvread", t.Name(), 10*time.Second); n != 0 {
		t.Fatalf("counted %d labelled goroutines after release, want 0", n)
	}
}

// waitLabelledGoroutines waits until no goroutine carries the label or the
// deadline passes, and returns how many still do. A goroutine that has
// called WaitGroup.Done is still alive for a moment; this lets it finish
// without guessing how long that takes.
func waitLabelledGoroutines(t *testing.T, key, value string, within time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		n := labelledGoroutines(t, key, value)
		if n == 0 || time.Now().After(deadline) {
			return n
		}
		runtime.Gosched()
	}
}

// labelledGoroutines counts the live goroutines labelled key=value.
func labelledGoroutines(t *testing.T, key, value string) int {
	t.Helper()
	var b bytes.Buffer
	if err := pprof.Lookup("goroutine").WriteTo(&b, 1); err != nil {
		t.Fatal(err)
	}
	want := strconv.Quote(key) + ":" + strconv.Quote(value)
	// Debug-1 profiles group goroutines by stack: "N @ pc…" then, for a
	// labelled group, "# labels: {…}".
	n, group := 0, 0
	for _, line := range strings.Split(b.String(), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "@" {
			group, _ = strconv.Atoi(f[0])
			continue
		}
		if strings.HasPrefix(line, "# labels: ") && strings.Contains(line, want) {
			n += group
			group = 0
		}
	}
	return n
}

// A GB18030 log is cut into blocks on its raw bytes and each block decoded
// on its own: the rows are those of the same log in UTF-8.
func TestAGB18030LogReadsInBlocksAsItsUTF8Twin(t *testing.T) {
	p := writeLog(t, 12000, func(int) bool { return false }, -1) // ~650 KB: three blocks
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	gp := filepath.Join(t.TempDir(), "gb.csv")
	if err := os.WriteFile(gp, []byte(gbk(t, string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(path, enc string) []dossier.Complaint {
		var rows []dossier.Complaint
		l := &csvLog{path: path, display: "log.csv", encoding: enc, loc: time.UTC, maxCell: 1 << 20}
		if err := l.Each(func(c *dossier.Complaint) error { rows = append(rows, *c); return nil }); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	want, got := read(p, ""), read(gp, "gb18030")
	if len(got) != len(want) || len(want) != 12000 {
		t.Fatalf("%d rows from GB18030, %d from UTF-8", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("row %d: GB18030 %+v, UTF-8 %+v", i, got[i], want[i])
		}
	}
}
