// Package testtool holds what tests share: it finds the external programs
// that tests check output with (pdftotext and pdftoppm, qpdf, xmllint,
// soffice and chromium; make test installs them; with CI set a missing one
// fails the test, so that a check can never pass on CI by being skipped,
// and elsewhere the test skips), and bounds a call that could block.
package testtool

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

// debian names the package that provides each program, for the message.
var debian = map[string]string{
	"pdftotext": "poppler-utils",
	"pdftoppm":  "poppler-utils",
	"qpdf":      "qpdf",
	"xmllint":   "libxml2-utils",
	"soffice":   "libreoffice-calc-nogui",
	"chromium":  "chromium",
}

// Path returns the program's path, or skips the test when it is missing
// (fails it on CI).
func Path(t testing.TB, name string) string {
	t.Helper()
	p, ok := Find(t, name)
	if !ok {
		t.Skipf("%s not installed (make test installs %s)", name, debian[name])
	}
	return p
}

// Find is Path for a check that is only one part of a test: where the
// program is missing (and not on CI) it reports false and the rest of the
// test goes on.
func Find(t testing.TB, name string) (string, bool) {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p, true
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is required on CI: make test installs %s (%v)", name, debian[name], err)
	}
	return "", false
}

// Within fails the test when fn has not returned by the deadline d: an
// input that blocks the run must fail the test, never hang it. The test
// waits on fn's return, not on a sleep.
func Within(t testing.TB, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still blocked after %v", d)
	}
}
