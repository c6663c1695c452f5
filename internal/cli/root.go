package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/certready/certready/internal/version"
)

// Env is everything a command touches outside its arguments, so tests run
// commands without a terminal, a clock or a real environment.
type Env struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	IsTTY  bool
	Getenv func(string) string
	Now    func() time.Time
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
	tty := false
	if st, err := os.Stdout.Stat(); err == nil {
		tty = st.Mode()&os.ModeCharDevice != 0
	}
	return Env{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, IsTTY: tty, Getenv: os.Getenv, Now: time.Now, Build: version.Get()}
}

// Main runs the command line and returns the exit code.
func Main(args []string, env Env) int {
	root := NewRoot(env)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		var ee *ExitError
		if !asExit(err, &ee) || ee.Err != nil {
			fmt.Fprintln(env.Err, "certready:", strings.TrimPrefix(err.Error(), "certready: "))
		}
	}
	return codeOf(err)
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
	for _, add := range commands {
		root.AddCommand(add(env))
	}
	return root
}

// commands lists the sub-command constructors; each command file adds its
// own in an init function so a new command touches no other file.
var commands []func(Env) *cobra.Command

func register(f func(Env) *cobra.Command) { commands = append(commands, f) }
