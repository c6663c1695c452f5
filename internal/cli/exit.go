// Package cli holds one file per certready command: flags into an options
// struct, then a call into the library. No business logic lives here.
package cli

import (
	"errors"
	"fmt"
)

// Exit codes, the contract with CI jobs.
const (
	ExitOK       = 0 // clean: no finding at or above --fail-on
	ExitFindings = 1 // findings at or above --fail-on (or a regression, a verify mismatch)
	ExitInput    = 2 // usage or input error
)

// ExitError carries the exit code a command wants.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// codeOf maps an error to an exit code: input errors unless stated.
func codeOf(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitInput
}
