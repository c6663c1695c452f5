package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const miniDossier = "../audit/testdata/mini"

// runCLI runs the command line with a fixed clock and no terminal.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := Env{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
	}
	code = Main(args, e)
	return code, out.String(), errb.String()
}

func TestAuditExitsOneWhenMajorFindingsAreOpen(t *testing.T) {
	code, out, _ := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	if !strings.Contains(out, "Not ready") || !strings.Contains(out, "licence.sector-permit") {
		t.Errorf("text report lacks the verdict or a finding:\n%s", out)
	}
}

func TestAuditExitsZeroWithFailOnNone(t *testing.T) {
	if code, _, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--fail-on", "none"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"audit", miniDossier, "--fail-on", "fatal"},
		{"audit", miniDossier, "--as-of", "2026-02-30"},
		{"audit", miniDossier, "--format", "pdf"},
		{"audit", miniDossier, "--lang", "fr"},
		{"audit", "no/such/dir"},
		{"audit"},
		{"audit", miniDossier, "--no-such-flag"},
		{"rules", "show", "no.such-check"},
	} {
		if code, _, errs := runCLI(t, nil, args...); code != ExitInput || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errs)
		}
	}
}

func TestAuditWritesSeveralFormatsInOneRun(t *testing.T) {
	dir := t.TempDir()
	j, m := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.md")
	code, out, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--fail-on", "none",
		"--output", "json="+j, "--output", "markdown="+m, "--output", "text=-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	jb, _ := os.ReadFile(j)
	mb, _ := os.ReadFile(m)
	if !bytes.HasPrefix(jb, []byte("{")) || !bytes.HasPrefix(mb, []byte("# ")) || !strings.Contains(out, "Verdict") {
		t.Errorf("outputs missing: json %d bytes, markdown %d bytes, text %d bytes", len(jb), len(mb), len(out))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("unexpected files left in the output directory: %v", entries)
	}
}

func TestAuditOutputIsByteIdenticalAcrossRuns(t *testing.T) {
	for _, f := range []string{"text", "json", "markdown"} {
		_, a, _ := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--format", f, "--lang", "zh")
		_, b, _ := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--format", f, "--lang", "zh")
		if a != b || a == "" {
			t.Errorf("%s output differs between runs or is empty", f)
		}
	}
}

func TestTextIsUncolouredWithoutATerminal(t *testing.T) {
	_, out, _ := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23")
	if strings.Contains(out, "\x1b[") {
		t.Error("ANSI colour written to a non-terminal")
	}
}

func TestAuditReportsFindingsKnownFromABaselineWithoutFailing(t *testing.T) {
	base := filepath.Join(t.TempDir(), "base.json")
	runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--output", "json="+base)
	code, out, errs := runCLI(t, nil, "audit", miniDossier, "--as-of", "2026-11-23", "--baseline", base)
	if code != 0 || !strings.Contains(out, "known from baseline") {
		t.Fatalf("exit %d (%s)\n%s", code, errs, out)
	}
}

func TestRulesShowDocumentsACheckInBothLanguages(t *testing.T) {
	code, out, _ := runCLI(t, nil, "rules", "show", "licence.valid")
	if code != 0 || !strings.Contains(out, "evidence expected") || !strings.Contains(out, "evidences:") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestPortfolioAuditsEveryDossierAndReportsTheWorstExitCode(t *testing.T) {
	out := t.TempDir()
	code, stdout, _ := runCLI(t, nil, "audit", miniDossier, "no/such/dossier", miniDossier, "--as-of", "2026-11-23", "--fail-on", "none", "--output-dir", out, "--format", "json")
	if code != ExitInput {
		t.Errorf("exit %d, want 2 (one dossier is broken)", code)
	}
	if strings.Count(stdout, "测试公司") != 2 || !strings.Contains(stdout, "no/such/dossier") || !strings.Contains(stdout, "error:") {
		t.Errorf("summary:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "mini.json")); err != nil {
		t.Errorf("per-dossier report missing: %v", err)
	}
}
