package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// Progress on a long complaint-log read: rows read and the rate, on
// standard error, rewritten in place. Only a terminal gets it — a log file
// or a pipe would fill with carriage returns — and only once the read has
// taken longer than progressAfter, so a small dossier prints nothing.
const (
	progressAfter = time.Second
	progressEvery = 250 * time.Millisecond
	progressBatch = 1024 // rows between looks at the clock
)

// progress counts rows and redraws one status line.
type progress struct {
	w       io.Writer
	now     func() time.Time
	lang    string
	source  string
	start   time.Time
	last    time.Time
	rows    int
	shown   bool
	started bool
}

// newProgress returns nil (no progress) unless stderr is a terminal.
func newProgress(env Env, lang, source string) *progress {
	if !env.ErrIsTTY || env.Now == nil {
		return nil
	}
	return &progress{w: env.Err, now: env.Now, lang: lang, source: source}
}

func (p *progress) row() {
	p.rows++
	if p.rows%progressBatch != 1 {
		return
	}
	t := p.now()
	if !p.started {
		p.start, p.last, p.started = t, t, true
		return
	}
	if t.Sub(p.start) < progressAfter || t.Sub(p.last) < progressEvery {
		return
	}
	p.last = t
	p.draw(t)
}

func (p *progress) draw(t time.Time) {
	rate := 0.0
	if s := t.Sub(p.start).Seconds(); s > 0 {
		rate = float64(p.rows) / s
	}
	if p.lang == "zh" {
		fmt.Fprintf(p.w, "\r%s：已读取 %d 行（每秒 %.0f 行）", p.source, p.rows, rate)
	} else {
		fmt.Fprintf(p.w, "\r%s: %d rows read (%.0f rows/s)", p.source, p.rows, rate)
	}
	p.shown = true
}

// done ends the status line, if one was drawn, with the final count.
func (p *progress) done() {
	if p == nil || !p.shown {
		return
	}
	p.draw(p.now())
	fmt.Fprintln(p.w)
}

// watchLog wraps the dossier's complaint log so reading it reports
// progress; it returns the function that ends the status line and puts
// the log back. Without a terminal it changes nothing.
func watchLog(env Env, d *dossier.Dossier, lang string) (done func()) {
	if d.Complaints == nil {
		return func() {}
	}
	// A log sheet found by its headers has no name to add after "!".
	p := newProgress(env, lang, strings.TrimSuffix(d.Complaints.Source(), "!"))
	if p == nil {
		return func() {}
	}
	orig := d.Complaints
	w := countingLog{ComplaintLog: orig, p: p}
	if h, ok := orig.(dossier.LogHasher); ok {
		d.Complaints = hashingCountingLog{countingLog: w, h: h}
	} else {
		d.Complaints = w
	}
	return func() {
		p.done()
		d.Complaints = orig
	}
}

// countingLog counts the rows its log delivers.
type countingLog struct {
	dossier.ComplaintLog
	p *progress
}

func (l countingLog) Each(fn func(*dossier.Complaint) error) error {
	return l.ComplaintLog.Each(func(c *dossier.Complaint) error {
		l.p.row()
		return fn(c)
	})
}

// hashingCountingLog keeps a hashing log's promise (see dossier.LogHasher)
// so the input digest still does not read the log twice.
type hashingCountingLog struct {
	countingLog
	h dossier.LogHasher
}

func (l hashingCountingLog) FileSHA256() ([]byte, bool) { return l.h.FileSHA256() }
