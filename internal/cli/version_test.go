package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/pack"
	"github.com/certready/certready/internal/version"
)

func runWithBuild(t *testing.T, b version.Info, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := Env{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) },
		Build:  b,
	}
	return Main(args, e), out.String(), errb.String()
}

func TestVersionFlagPrintsTheBuildsVersionAndRevision(t *testing.T) {
	b := version.Info{Version: "v1.4.0", Revision: "0123abcd", Time: "2026-11-20T08:00:00Z"}
	code, out, errs := runWithBuild(t, b, "--version")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if want := "certready version v1.4.0 (revision 0123abcd, 2026-11-20T08:00:00Z)\n"; out != want {
		t.Errorf("--version printed %q, want %q", out, want)
	}
	_, out, _ = runWithBuild(t, version.Info{}, "--version")
	if out != "certready version devel\n" {
		t.Errorf("a build without a version printed %q", out)
	}
}

func TestReportsNameTheBuildsVersion(t *testing.T) {
	b := version.Info{Version: "v1.4.0", Revision: "0123abcd"}
	_, out, errs := runWithBuild(t, b, "audit", miniDossier, "--as-of", "2026-11-23", "--format", "json", "--fail-on", "none")
	var r struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, errs)
	}
	if r.Version != "v1.4.0" {
		t.Errorf("JSON report names version %q, want the build's v1.4.0", r.Version)
	}
	_, out, _ = runWithBuild(t, b, "audit", miniDossier, "--as-of", "2026-11-23", "--format", "sarif", "--fail-on", "none")
	if !strings.Contains(out, `"version": "v1.4.0"`) {
		t.Errorf("SARIF driver does not name v1.4.0:\n%.400s", out)
	}
}

func TestTheBundleManifestNamesTheBuildsVersion(t *testing.T) {
	dir := t.TempDir()
	pdf, bundle := filepath.Join(dir, "pack.pdf"), filepath.Join(dir, "bundle.zip")
	code, _, errs := runWithBuild(t, version.Info{Version: "v1.4.0"}, "pack", miniDossier, "--as-of", "2026-11-23", "-o", pdf, "--bundle", bundle)
	if code != ExitOK {
		t.Fatalf("pack: exit %d: %s", code, errs)
	}
	zr, err := zip.OpenReader(bundle)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(pack.ManifestName)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var m pack.Manifest
	if err := json.NewDecoder(f).Decode(&m); err != nil {
		t.Fatal(err)
	}
	if m.Version != "v1.4.0" {
		t.Errorf("MANIFEST names version %q, want the build's v1.4.0", m.Version)
	}
}

func TestRulesShowSaysWhichCalendarYearsAreKnownAndHowToAddOne(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		code, out, errs := runCLI(t, nil, "rules", "show", "handling.simple-3wd", "--lang", lang)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, want := range []string{"2026", "2027", "国务院办公厅关于2027年部分节假日安排的通知", "calendar", "certready.yaml"} {
			if !strings.Contains(out, want) {
				t.Errorf("rules show (%s) does not mention %q", lang, want)
			}
		}
	}
}
