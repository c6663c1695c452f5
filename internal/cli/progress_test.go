package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// tick is a clock that moves on by step at every reading.
func tick(step time.Duration) func() time.Time {
	t := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func readLog(t *testing.T, env Env, rows int, lang string) (*dossier.Dossier, dossier.ComplaintLog) {
	t.Helper()
	log := &dossier.SliceLog{Name: "log.csv", Rows: make([]dossier.Complaint, rows)}
	d := &dossier.Dossier{Complaints: log}
	done := watchLog(env, d, lang)
	n := 0
	if err := d.Complaints.Each(func(*dossier.Complaint) error { n++; return nil }); err != nil || n != rows {
		t.Fatalf("read %d rows (%v), want %d", n, err, rows)
	}
	done()
	return d, log
}

// Piped or redirected, a long read prints nothing at all.
func TestALongReadPrintsNoProgressWhenStderrIsNotATerminal(t *testing.T) {
	var errb bytes.Buffer
	d, log := readLog(t, Env{Err: &errb, ErrIsTTY: false, Now: tick(100 * time.Millisecond)}, 200000, "en")
	if errb.Len() != 0 {
		t.Fatalf("printed %q", errb.String())
	}
	if d.Complaints != dossier.ComplaintLog(log) {
		t.Fatal("the log was wrapped without a terminal")
	}
}

// On a terminal, a read that lasts prints rows read and the rate, ends
// the line, and puts the log back.
func TestALongReadOnATerminalShowsRowsAndRate(t *testing.T) {
	var errb bytes.Buffer
	// 200 batches of 1024 rows, 100 ms apart: about 20 s.
	d, log := readLog(t, Env{Err: &errb, ErrIsTTY: true, Now: tick(100 * time.Millisecond)}, 200*1024, "en")
	out := errb.String()
	if !strings.Contains(out, "\rlog.csv: 204800 rows read (") || !strings.Contains(out, "rows/s)") || !strings.HasSuffix(out, "\n") {
		t.Fatalf("progress %q", out)
	}
	if d.Complaints != dossier.ComplaintLog(log) {
		t.Fatal("the log was not put back")
	}
	errb.Reset()
	readLog(t, Env{Err: &errb, ErrIsTTY: true, Now: tick(100 * time.Millisecond)}, 200*1024, "zh")
	if !strings.Contains(errb.String(), "已读取 204800 行") {
		t.Fatalf("zh progress %q", errb.String())
	}
}

// On a terminal, a short read prints nothing.
func TestAShortReadOnATerminalPrintsNothing(t *testing.T) {
	var errb bytes.Buffer
	readLog(t, Env{Err: &errb, ErrIsTTY: true, Now: tick(time.Millisecond)}, 5000, "en")
	if errb.Len() != 0 {
		t.Fatalf("printed %q", errb.String())
	}
}

// A hashing log stays a hashing log under the progress wrapper, so the
// input digest still reads the log once.
func TestTheProgressWrapperKeepsTheLogHasher(t *testing.T) {
	d := &dossier.Dossier{Complaints: hashLog{&dossier.SliceLog{Name: "x"}}}
	done := watchLog(Env{Err: &bytes.Buffer{}, ErrIsTTY: true, Now: tick(time.Millisecond)}, d, "en")
	defer done()
	if _, ok := d.Complaints.(dossier.LogHasher); !ok {
		t.Fatal("the wrapper hides FileSHA256")
	}
	if _, ok := d.Complaints.(hashingCountingLog); !ok {
		t.Fatalf("not wrapped: %T", d.Complaints)
	}
}

type hashLog struct{ *dossier.SliceLog }

func (hashLog) FileSHA256() ([]byte, bool) { return []byte{1}, true }

// --quiet silences notes and warnings on stderr, never errors.
func TestQuietSilencesWarningsButNotErrors(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI(t, nil, "init", "--xlsx", dir+"/book.xlsx")
	if code != 0 || !strings.Contains(errs, "warning: the example values") || strings.Contains(out, "example values") {
		t.Fatalf("init: exit %d, stdout %q, stderr %q: the warning belongs on stderr", code, out, errs)
	}
	code, _, errs = runCLI(t, nil, "init", "--quiet", "--xlsx", dir+"/book2.xlsx")
	if code != 0 || errs != "" {
		t.Fatalf("init --quiet: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, nil, "audit", "-q", "no/such/dossier")
	if code != ExitInput || !strings.Contains(errs, "no/such/dossier") {
		t.Fatalf("audit -q of a missing dossier: exit %d, stderr %q", code, errs)
	}
}
