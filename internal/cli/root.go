package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/report"
)

// Version is the tool version printed in reports; set at build time with
// -ldflags "-X github.com/certready/certready/internal/cli.Version=…".
var Version = "0.1.0-dev"

// Env is everything a command touches outside its arguments, so tests run
// commands without a terminal, a clock or a real environment.
type Env struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	IsTTY  bool
	Getenv func(string) string
	Now    func() time.Time
}

// System returns the process's real environment.
func System() Env {
	tty := false
	if st, err := os.Stdout.Stat(); err == nil {
		tty = st.Mode()&os.ModeCharDevice != 0
	}
	return Env{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, IsTTY: tty, Getenv: os.Getenv, Now: time.Now}
}

// Main runs the command line and returns the exit code.
//
// It is the one place a panic is caught: whatever input reached a bug, the
// user gets exit 2 and a request to report it, not a stack trace. Every
// known panic has a test proving the input gets a clear error before this
// recover is needed. A failed write to standard output (a full disk, a
// closed pipe, /dev/full) fails the run with exit 2 whatever the command:
// a report that was not delivered is not a success.
func Main(args []string, env Env) (code int) {
	out := &trackingWriter{w: env.Out}
	env.Out = out
	defer func() {
		if p := recover(); p != nil {
			// The command line says which input was being read; the panic
			// value says where in certready.
			fmt.Fprintf(env.Err, "certready: internal error, please report it with the input if you can: %v\n(while running: certready %s)\n",
				p, report.TerminalSafe(strings.Join(args, " ")))
			code = ExitInput
		}
	}()
	root := NewRoot(env)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil || codeOf(err) != ExitInput {
		if werr := out.err; werr != nil {
			err = &ExitError{Code: ExitInput, Err: fmt.Errorf("writing standard output: %w", werr)}
		}
	}
	if err != nil {
		var ee *ExitError
		if !asExit(err, &ee) || ee.Err != nil {
			fmt.Fprintln(env.Err, "certready:", safeLines(strings.TrimPrefix(err.Error(), "certready: ")))
		}
	}
	return codeOf(err)
}

// safeLines escapes control characters in each line of a message for the
// terminal (an error quotes file names and values from the dossier) and
// keeps the message's own line breaks.
func safeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = report.TerminalSafe(l)
	}
	return strings.Join(lines, "\n")
}

// trackingWriter remembers the first failed write, so that a command which
// ignores the error of a Fprintf to standard output still fails the run.
type trackingWriter struct {
	w   io.Writer
	err error
}

func (t *trackingWriter) Write(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		t.err = err
	}
	return n, err
}

func asExit(err error, out **ExitError) bool {
	e, ok := err.(*ExitError)
	if ok {
		*out = e
	}
	return ok
}

// NewRoot builds the command tree.
func NewRoot(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "certready",
		Short: "Readiness audits and evidence packs for ISO 10002 / GB/T 19012 complaints-handling certification",
		Long: `certready loads an organisation's records (YAML directory, Excel workbook,
CSV complaint log), checks them against ISO 10002:2018 / GB/T 19012-2019 and
Chinese certification practice, and reports every gap with its clause, the
evidence expected and the remedy.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       Version,
	}
	root.SetOut(env.Out)
	root.SetErr(env.Err)
	root.SetIn(env.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	for _, add := range commands {
		root.AddCommand(add(env))
	}
	return root
}

// commands lists the sub-command constructors; each command file adds its
// own in an init function so a new command touches no other file.
var commands []func(Env) *cobra.Command

func register(f func(Env) *cobra.Command) { commands = append(commands, f) }
