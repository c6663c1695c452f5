// Command certready audits an organisation's readiness for ISO 10002:2018 /
// GB/T 19012-2019 complaints-handling certification.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/cli"
)

func main() {
	os.Exit(run())
}

// run gives every temporary file of this process one known directory,
// removed on every exit path: normal return, error, and Ctrl-C or SIGTERM,
// when deferred clean-ups would not run. excelize unpacks large sheets to
// temporary files there.
func run() int {
	// The handler is installed before the temporary directory exists: a
	// signal arriving in between would otherwise end the process by the
	// default action and leave the directory behind. One that arrives
	// before the goroutine below starts waits in the channel.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	tmp, err := os.MkdirTemp("", "certready-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "certready:", err)
		return cli.ExitInput
	}
	defer os.RemoveAll(tmp)
	os.Setenv("TMPDIR", tmp)
	tuneGC()
	go func() {
		s := <-sig
		atomicfile.Abort()
		os.RemoveAll(tmp)
		fmt.Fprintln(os.Stderr, "certready: interrupted")
		if s == os.Interrupt {
			os.Exit(130)
		}
		os.Exit(143)
	}()
	return cli.Main(os.Args[1:], cli.System())
}

// tuneGC trades a little memory for speed on large complaint logs: a
// streaming pass allocates one short-lived string per block of the log, and
// with the default GOGC the collector runs twice as often as it needs to.
// Measured on a 1M-row CSV audit: GOGC=200 is fastest (100 collects too
// often; 800 grows the heap into fresh pages whose first touch costs more
// than the collections saved). The soft memory limit keeps peak RSS of a
// streamed log well under 200 MB. It is soft: a live heap above it only
// makes the collector run more often (at most half the CPU), which made
// inputs that built large trees two to three times slower; the loaders'
// caps (YAML nodes counted before parsing, records per dossier, record
// sheet rows and columns, shared strings) now refuse such inputs long
// before the heap reaches it — a dossier at the caps (50,000 records)
// loads in about 3 s within 170 MB with the limit, 210 MB without. GOGC
// or GOMEMLIMIT in the environment take precedence.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(160 << 20)
	}
}
