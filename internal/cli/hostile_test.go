//go:build unix

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin is runCLI with a deadline: a command that blocks fails the
// test instead of hanging it.
func runWithin(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type res struct {
		code     int
		out, err string
	}
	done := make(chan res, 1)
	go func() {
		var out, errb bytes.Buffer
		e := Env{In: strings.NewReader(""), Out: &out, Err: &errb,
			Getenv: func(k string) string { return env[k] },
			Now:    func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
		c := Main(args, e)
		done <- res{c, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(60 * time.Second):
		t.Fatalf("certready %s: still running after 60s", strings.Join(args, " "))
	}
	return
}

// copyDossier copies the mini dossier, so a test may point outputs at it.
func copyDossier(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(miniDossier, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(miniDossier, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestAnOutputOntoAnInputOfTheRunIsRefusedAndTheInputKept(t *testing.T) {
	d := copyDossier(t)
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(filepath.Join(d, "organisation.yaml"), link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"audit", d, "--as-of", "2026-11-23", "-o", filepath.Join(d, "organisation.yaml")},
		{"audit", d, "--as-of", "2026-11-23", "-o", "json=" + link},
		{"audit", d, "--as-of", "2026-11-23", "-o", filepath.Join(d, "complaints.csv")},
		{"audit", d, "--as-of", "2026-11-23", "-o", filepath.Join(d, "lic.pdf")},
		{"pack", d, "--as-of", "2026-11-23", "-o", filepath.Join(d, "licences.yaml")},
		{"pack", d, "--as-of", "2026-11-23", "-o", filepath.Join(t.TempDir(), "p.pdf"), "--bundle", filepath.Join(d, "lic.pdf")},
	} {
		before := dossierBytes(t, d)
		code, _, stderr := runWithin(t, nil, args...)
		if code != ExitInput || !strings.Contains(stderr, "input of the run") {
			t.Errorf("%v: exit %d, want 2 naming the input\n%s", args, code, stderr)
		}
		if dossierBytes(t, d) != before {
			t.Errorf("%v: the dossier changed", args)
		}
	}
}

func dossierBytes(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			c, _ := os.ReadFile(p)
			b.WriteString(p + "\x00" + string(c) + "\x00")
		}
		return nil
	})
	return b.String()
}

func TestAnOutputThatIsNotARegularFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	targets := []string{fifo, dir}
	// Our own character device with the null device's numbers, when we may
	// make one: never the real /dev/null, which a regression would replace.
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err == nil {
		targets = append(targets, dev)
	}
	for _, p := range targets {
		for _, args := range [][]string{
			{"audit", miniDossier, "--as-of", "2026-11-23", "-o", p},
			{"pack", miniDossier, "--as-of", "2026-11-23", "-o", p},
		} {
			before, _ := os.Lstat(p)
			code, _, stderr := runWithin(t, nil, args...)
			if code != ExitInput || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("%v: exit %d, want 2\n%s", args, code, stderr)
			}
			if after, _ := os.Lstat(p); after.Mode() != before.Mode() {
				t.Errorf("%v: %s changed from %v to %v", args, p, before.Mode(), after.Mode())
			}
		}
	}
}

func TestAFIFOOrADeviceAsAnInputIsRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, in := range []string{fifo, "/dev/zero"} {
		for _, args := range [][]string{
			{"audit", miniDossier, "--as-of", "2026-11-23", "--config", in},
			{"audit", miniDossier, "--as-of", "2026-11-23", "--baseline", in},
			{"pack", miniDossier, "--as-of", "2026-11-23", "-o", filepath.Join(dir, "p.pdf"), "--font", in},
			{"verify", in},
			{"diff", in, in},
		} {
			code, _, stderr := runWithin(t, nil, args...)
			if code != ExitInput || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("%v: exit %d, want 2 (not a regular file)\n%s", args, code, stderr)
			}
		}
	}
}

func TestANumericFlagOutOfRangeIsAUsageError(t *testing.T) {
	for _, v := range []string{"9223372036854775807", "2147483647", "1001", "0", "-5"} {
		code, _, stderr := runWithin(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "-o", filepath.Join(t.TempDir(), "p.pdf"), "--sample", v)
		if code != ExitInput || !strings.Contains(stderr, "--sample") {
			t.Errorf("--sample %s: exit %d, want 2\n%s", v, code, stderr)
		}
	}
	code, _, stderr := runWithin(t, map[string]string{"CERTREADY_MAX_YAML_NODES": "NaN"}, "audit", miniDossier, "--as-of", "2026-11-23")
	if code != ExitInput || !strings.Contains(stderr, "CERTREADY_MAX_YAML_NODES") {
		t.Errorf("a limit of NaN: exit %d, want 2 naming the variable\n%s", code, stderr)
	}
}

// failWriter fails every write, as standard output on a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestAFailedWriteToStandardOutputFailsEveryCommand(t *testing.T) {
	tmp := t.TempDir()
	bundle := filepath.Join(tmp, "b.zip")
	if code, _, stderr := runWithin(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "-o", filepath.Join(tmp, "p.pdf"), "--bundle", bundle); code != 0 {
		t.Fatalf("pack --bundle: exit %d\n%s", code, stderr)
	}
	if code, _, _ := runWithin(t, nil, "verify", bundle); code != 0 {
		t.Fatalf("verify of a fresh bundle: exit %d", code)
	}
	for _, args := range [][]string{
		{"verify", bundle},
		{"audit", miniDossier, "--as-of", "2026-11-23", "--fail-on", "none"},
		{"validate", miniDossier},
		{"rules", "list"},
		{"rules", "show", "licence.valid"},
	} {
		var errb bytes.Buffer
		code := Main(args, Env{In: strings.NewReader(""), Out: failWriter{}, Err: &errb,
			Getenv: func(string) string { return "" }, Now: time.Now})
		if code != ExitInput {
			t.Errorf("%v with a failing standard output: exit %d, want 2\n%s", args, code, errb.String())
		}
	}
	// The real thing, when the system has it.
	if f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
		defer f.Close()
		var errb bytes.Buffer
		code := Main([]string{"rules", "list"}, Env{In: strings.NewReader(""), Out: f, Err: &errb, Getenv: func(string) string { return "" }, Now: time.Now})
		if code != ExitInput || !strings.Contains(errb.String(), "standard output") {
			t.Errorf("rules list > /dev/full: exit %d, want 2\n%s", code, errb.String())
		}
	}
}

func TestAPanicIsExitTwoAndARequestToReport(t *testing.T) {
	var errb bytes.Buffer
	code := Main([]string{"audit", miniDossier}, Env{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &errb,
		Getenv: func(string) string { panic("boom") }, Now: time.Now})
	if code != ExitInput || !strings.Contains(errb.String(), "internal error, please report") || !strings.Contains(errb.String(), "boom") ||
		!strings.Contains(errb.String(), "certready audit "+miniDossier) {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

func TestPortfolioReportsOfDossiersWithTheSameNameDoNotOverwriteEachOther(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "org"), filepath.Join(t.TempDir(), "org")
	for _, d := range []string{a, b} {
		src := copyDossier(t)
		if err := os.Rename(src, d); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	code, stdout, stderr := runWithin(t, nil, "audit", a, b, "--as-of", "2026-11-23", "--fail-on", "none", "--output-dir", out, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Errorf("want two reports, got %v", entries)
	}
}

func TestTerminalOutputShowsControlCharactersEscaped(t *testing.T) {
	d := copyDossier(t)
	org, err := os.ReadFile(filepath.Join(d, "organisation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	evil := "name: \"Evil\\e]0;pwned\\a\\e[2J\\u202Eorg\\rX\"\n"
	lines := strings.Split(string(org), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "name:") {
			lines[i] = strings.TrimSuffix(evil, "\n")
		}
	}
	if err := os.WriteFile(filepath.Join(d, "organisation.yaml"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runWithin(t, nil, "audit", d, "--as-of", "2026-11-23")
	if strings.ContainsAny(stdout, "\x1b\x07\r\u202e") {
		t.Errorf("raw control characters in the text report:\n%q", stdout)
	}
	if !strings.Contains(stdout, `Evil\x1b]0;pwned\x07\x1b[2J\u202eorg\rX`) {
		t.Errorf("the name is not shown escaped:\n%s", stdout)
	}
}

func TestDiffShowsControlCharactersFromTheReportsEscaped(t *testing.T) {
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old.json"), filepath.Join(dir, "new.json")
	runWithin(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "-o", "json="+old)
	d := copyDossier(t)
	org, _ := os.ReadFile(filepath.Join(d, "organisation.yaml"))
	evil := strings.Replace(string(org), "uscc: 91350100M000100Y43", `uscc: "9135\e[2J\u202E0100M000100Y43"`, 1)
	if err := os.WriteFile(filepath.Join(d, "organisation.yaml"), []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	runWithin(t, nil, "audit", d, "--as-of", "2026-11-23", "-o", "json="+new)
	if _, err := os.Stat(new); err != nil {
		t.Fatalf("the edited dossier did not audit: %v", err)
	}
	_, stdout, _ := runWithin(t, nil, "diff", old, new)
	if strings.ContainsAny(stdout, "\x1b\u202e") {
		t.Errorf("raw control characters in the diff:\n%q", stdout)
	}
}
