package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/report"

	"github.com/certready/certready/internal/version"
)

// Env is everything a command touches outside its arguments, so tests run
// commands without a terminal, a clock or a real environment.
type Env struct {
	In    io.Reader
	Out   io.Writer
	Err   io.Writer
	IsTTY bool
	// ErrIsTTY says standard error is a terminal: progress is shown only
	// there, never in a log or a pipe.
	ErrIsTTY bool
	Getenv   func(string) string
	Now      func() time.Time
	// Build is the running binary's version, printed by --version and
	// named in every report; tests pin it so golden files do not change
	// with the commit they are run at.
	Build version.Info
}

// buildLine is what --version prints: the version, then the revision and
// commit time when the build recorded them.
func (e Env) buildLine() string {
	b := e.Build
	b.Version = e.version()
	return b.String()
}

// version is the one version string every output names.
func (e Env) version() string {
	if e.Build.Version == "" {
		return version.Devel
	}
	return e.Build.Version
}

// System returns the process's real environment.
func System() Env {
	isTTY := func(f *os.File) bool {
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0
	}
	return Env{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, IsTTY: isTTY(os.Stdout), ErrIsTTY: isTTY(os.Stderr), Getenv: os.Getenv, Now: time.Now, Build: version.Get()}
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
		Version:       env.buildLine(),
	}
	root.SetOut(env.Out)
	root.SetErr(env.Err)
	root.SetIn(env.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("%w (see %s --help)", err, c.CommandPath())}
	})
	// --quiet silences what commands write to standard error (notes,
	// warnings, "wrote …", progress); errors are printed by Main on the
	// real standard error and still appear.
	q := &quietWriter{w: env.Err}
	root.PersistentFlags().BoolVarP(&q.quiet, "quiet", "q", false, "print no notes, warnings or progress on standard error (errors still print)")
	cmdEnv := env
	cmdEnv.Err = q
	for _, add := range commands {
		root.AddCommand(add(cmdEnv))
	}
	return root
}

// commands lists the sub-command constructors; each command file adds its
// own in an init function so a new command touches no other file.
var commands []func(Env) *cobra.Command

func register(f func(Env) *cobra.Command) { commands = append(commands, f) }

// quietWriter drops everything once --quiet is parsed.
type quietWriter struct {
	w     io.Writer
	quiet bool
}

func (q *quietWriter) Write(p []byte) (int, error) {
	if q.quiet {
		return len(p), nil
	}
	return q.w.Write(p)
}
