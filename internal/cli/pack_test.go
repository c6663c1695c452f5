package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/pack"
)

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPackWritesThePDFWhateverTheVerdict(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack.pdf")
	// The mini dossier is not ready (audit exits 1); pack still exits 0.
	code, _, errs := runCLI(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if b := readFile(t, out); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF", out)
	}
	if !strings.Contains(errs, "wrote "+out) {
		t.Errorf("stderr does not report the file written: %q", errs)
	}
}

func TestPackUsageAndInputErrorsExitTwo(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "p.pdf")
	notFont := filepath.Join(dir, "font.ttf")
	if err := os.WriteFile(notFont, []byte("this is not a font file"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"pack", miniDossier, "--as-of", "2026-11-23"},
		{"pack", miniDossier, "-o", out, "--lang", "fr"},
		{"pack", miniDossier, "-o", out, "--as-of", "2026-13-01"},
		{"pack", miniDossier, "-o", out, "--standard", "iso9001"},
		{"pack", miniDossier, "-o", out, "--sample", "0"},
		{"pack", miniDossier, "-o", out, "--font", filepath.Join(dir, "missing.ttf")},
		{"pack", miniDossier, "-o", out, "--font", notFont},
		{"pack", miniDossier, "-o", out, "--bundle", "-"},
		{"pack", filepath.Join(dir, "no-such-dossier"), "-o", out},
		{"pack"},
	} {
		if code, _, errs := runCLI(t, nil, args...); code != ExitInput || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errs)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a PDF behind")
	}
}

func TestPackIsByteIdenticalWhereverItIsWritten(t *testing.T) {
	a := filepath.Join(t.TempDir(), "pack.pdf")
	b := filepath.Join(t.TempDir(), "pack.pdf")
	for _, out := range []string{a, b} {
		if code, _, errs := runCLI(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "--lang", "zh", "-o", out); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	if !bytes.Equal(readFile(t, a), readFile(t, b)) {
		t.Error("two runs over the same input gave different PDFs")
	}
}

func TestPackWithTheDefaultSeedSpelledOutIsTheSamePack(t *testing.T) {
	res, err := load.Load(miniDossier, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seed, err := audit.DefaultSeed(res.Dossier)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	implicit, explicit := filepath.Join(dir, "a", "pack.pdf"), filepath.Join(dir, "b", "pack.pdf")
	os.MkdirAll(filepath.Dir(implicit), 0o755)
	os.MkdirAll(filepath.Dir(explicit), 0o755)
	runCLI(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "-o", implicit)
	runCLI(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "--lang", "en", "--sample", "30",
		"--seed", strconv.FormatUint(seed, 10), "-o", explicit)
	if !bytes.Equal(readFile(t, implicit), readFile(t, explicit)) {
		t.Error("spelling out the default seed, language and sample size changed the PDF")
	}
}

func TestPackWarnsAboutCharactersTheFontLacks(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"complaints.csv", "lic.pdf", "licences.yaml"} {
		if err := os.WriteFile(filepath.Join(dir, name), readFile(t, filepath.Join(miniDossier, name)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	org := strings.Replace(string(readFile(t, filepath.Join(miniDossier, "organisation.yaml"))), "测试公司", "测试公司😀", 1)
	if err := os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte(org), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCLI(t, nil, "pack", dir, "--as-of", "2026-11-23", "-o", filepath.Join(t.TempDir(), "p.pdf"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "warning") || !strings.Contains(errs, "U+1F600") {
		t.Errorf("stderr does not name the missing character: %q", errs)
	}
}

func unzipBundle(t *testing.T, zipPath, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBundleRoundTripThroughVerify(t *testing.T) {
	dir := t.TempDir()
	pdf, zipPath := filepath.Join(dir, "pack.pdf"), filepath.Join(dir, "bundle.zip")
	if code, _, errs := runCLI(t, nil, "pack", miniDossier, "--as-of", "2026-11-23", "-o", pdf, "--bundle", zipPath); code != 0 {
		t.Fatalf("pack exit %d: %s", code, errs)
	}
	code, out, errs := runCLI(t, nil, "verify", zipPath)
	if code != ExitOK || !strings.Contains(out, "intact") {
		t.Fatalf("verify of a fresh bundle: exit %d, %q %q", code, out, errs)
	}
	unpacked := t.TempDir()
	unzipBundle(t, zipPath, unpacked)
	if !bytes.Equal(readFile(t, filepath.Join(unpacked, pack.PDFName)), readFile(t, pdf)) {
		t.Error("the bundle's pack.pdf differs from the PDF written beside it")
	}
	if code, out, _ := runCLI(t, nil, "verify", unpacked); code != ExitOK {
		t.Fatalf("verify of the unpacked bundle: exit %d\n%s", code, out)
	}

	tampered := filepath.Join(unpacked, "evidence", "lic.pdf")
	if err := os.WriteFile(tampered, []byte("a forged licence scan"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(unpacked, "note.txt"), []byte("added later"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, nil, "verify", unpacked)
	if code != ExitFindings {
		t.Errorf("verify of a tampered bundle: exit %d, want 1", code)
	}
	for _, want := range []string{"changed  evidence/lic.pdf", "added    note.txt", "1 changed, 0 missing, 1 added"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify output lacks %q:\n%s", want, out)
		}
	}

	// A Chinese reader gets the same report in Chinese, paths as they are.
	code, out, _ = runCLI(t, nil, "verify", unpacked, "--lang", "zh")
	if code != ExitFindings {
		t.Errorf("verify --lang zh of a tampered bundle: exit %d, want 1", code)
	}
	for _, want := range []string{"已改动 evidence/lic.pdf: 21 字节，清单所列为 34 字节", "新增 note.txt", "不完整：1 个已改动，0 个缺失，1 个新增"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("verify --lang zh output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "changed") || strings.Contains(out, "listed") || strings.Contains(out, "intact") {
		t.Errorf("verify --lang zh speaks English:\n%s", out)
	}

	if code, _, errs := runCLI(t, nil, "verify", t.TempDir()); code != ExitInput || !strings.Contains(errs, "not a certready bundle") {
		t.Errorf("verify of an empty directory: exit %d, %q; want 2", code, errs)
	}
}
