package pack

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/dossier"
)

func bundle(t *testing.T, f fixture) ([]byte, *Manifest) {
	t.Helper()
	var buf bytes.Buffer
	m, err := WriteBundle(&buf, BundleInput{PDF: []byte("%PDF-test"), Result: f.in.Result, Dossier: f.in.Dossier}, []byte(`{"tool":"certready"}`))
	if err != nil {
		t.Fatalf("WriteBundle: %v", err)
	}
	return buf.Bytes(), m
}

// unzipTo extracts a bundle the way a recipient would.
func unzipTo(t *testing.T, b []byte, dir string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func problems(v *Verification) map[string]string {
	out := map[string]string{}
	for _, p := range v.Problems {
		out[p.Path] = p.Kind
	}
	return out
}

func TestBundleHoldsPackReportEvidenceAndManifestInOrder(t *testing.T) {
	for _, path := range testDossiers(t) {
		f := audited(t, path)
		b, m := bundle(t, f)
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, zf := range zr.File {
			names = append(names, zf.Name)
			if !zf.Modified.Equal(CreatedTime(mustDate(t, testAsOf))) {
				t.Errorf("%s: %s stamped %v, want the as-of date", path, zf.Name, zf.Modified)
			}
		}
		if !sort.StringsAreSorted(names) {
			t.Errorf("%s: entries not sorted: %v", path, names)
		}
		want := map[string]bool{PDFName: true, ReportName: true, ManifestName: true, SumsName: true}
		for rel, e := range f.in.Dossier.Evidence {
			if e.Exists {
				want[EvidenceDir+rel] = true
			}
		}
		if len(names) != len(want) {
			t.Errorf("%s: %d entries, want %d: %v", path, len(names), len(want), names)
		}
		for _, n := range names {
			if !want[n] {
				t.Errorf("%s: unexpected entry %s", path, n)
			}
		}
		if len(m.Files) != len(want)-2 || m.InputDigest != f.in.Result.InputDigest || m.AsOf != testAsOf {
			t.Errorf("%s: manifest %+v does not describe the bundle", path, m)
		}
		b2, _ := bundle(t, audited(t, path))
		if !bytes.Equal(b, b2) {
			t.Errorf("%s: two bundles of the same input differ", path)
		}
	}
}

func mustDate(t *testing.T, s string) dossier.Date {
	t.Helper()
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestVerifyFindsAnIntactBundleIntact(t *testing.T) {
	f := audited(t, testDossiers(t)[len(testDossiers(t))-1])
	b, m := bundle(t, f)
	zipPath := writeTemp(t, "bundle.zip", b)
	dir := t.TempDir()
	unzipTo(t, b, dir)
	for _, p := range []string{zipPath, dir} {
		v, err := Verify(p)
		if err != nil {
			t.Fatalf("Verify(%s): %v", p, err)
		}
		if !v.OK() || v.Checked != len(m.Files) {
			t.Errorf("Verify(%s) = %d checked, problems %+v; want %d checked and none", p, v.Checked, v.Problems, len(m.Files))
		}
	}
	if sum, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sum, "--quiet", "-c", SumsName)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c %s: %v\n%s", SumsName, err, out)
		}
	}
}

func TestVerifyNamesEveryChangedMissingAndAddedFile(t *testing.T) {
	f := audited(t, "../audit/testdata/mini")
	b, _ := bundle(t, f)
	evidence := EvidenceDir + "lic.pdf"
	for _, tc := range []struct {
		name   string
		modify func(dir string) error
		want   map[string]string
	}{
		{"an evidence file edited", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, filepath.FromSlash(evidence)), []byte("forged licence"), 0o644)
		}, map[string]string{evidence: Changed}},
		{"the pack replaced by one of the same size", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, PDFName), []byte("%PDF-tes!"), 0o644)
		}, map[string]string{PDFName: Changed}},
		{"a file added", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "evidence", "extra.pdf"), []byte("x"), 0o644)
		}, map[string]string{EvidenceDir + "extra.pdf": Added}},
		{"a file removed", func(dir string) error {
			return os.Remove(filepath.Join(dir, ReportName))
		}, map[string]string{ReportName: Missing}},
		{"the manifest rewritten to match a forged file", func(dir string) error {
			p := filepath.Join(dir, ManifestName)
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(p, bytes.Replace(raw, []byte(`"size": 34`), []byte(`"size": 35`), 1), 0o644)
		}, map[string]string{evidence: Changed, ManifestName: Changed}},
		{"SHA256SUMS removed", func(dir string) error {
			return os.Remove(filepath.Join(dir, SumsName))
		}, map[string]string{SumsName: Missing}},
		{"a symlink in place of a file", func(dir string) error {
			p := filepath.Join(dir, filepath.FromSlash(evidence))
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Symlink("/etc/hostname", p)
		}, map[string]string{evidence: Changed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			unzipTo(t, b, dir)
			if err := tc.modify(dir); err != nil {
				t.Fatal(err)
			}
			v, err := Verify(dir)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if got := problems(v); !mapsEqual(got, tc.want) {
				t.Errorf("problems = %v, want %v", got, tc.want)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestVerifyRefusesWhatIsNotABundle(t *testing.T) {
	empty := t.TempDir()
	notZip := writeTemp(t, "x.zip", []byte("not a zip"))
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create(ManifestName)
	w.Write([]byte("[]"))
	zw.Close()
	badManifest := writeTemp(t, "bad.zip", zb.Bytes())
	for _, p := range []string{empty, notZip, badManifest, filepath.Join(empty, "nope")} {
		if _, err := Verify(p); !errors.Is(err, ErrNotBundle) {
			t.Errorf("Verify(%s) = %v, want ErrNotBundle", p, err)
		}
	}
}

func TestBundleNeverReadsOutsideTheDossier(t *testing.T) {
	root := t.TempDir()
	outside := writeTemp(t, "secret.txt", []byte("secret"))
	if err := os.Symlink(outside, filepath.Join(root, "link.pdf")); err != nil {
		t.Skip("symlinks unavailable:", err)
	}
	r := &audit.Result{Tool: "certready", AsOf: testAsOf}
	for _, rel := range []string{"../secret.txt", "link.pdf", "/etc/hostname"} {
		d := &dossier.Dossier{Root: root, Evidence: map[string]*dossier.Evidence{
			rel: {Path: rel, Exists: true, Size: 6, SHA256: sha256Hex([]byte("secret"))},
		}}
		var buf bytes.Buffer
		_, err := WriteBundle(&buf, BundleInput{PDF: []byte("%PDF"), Result: r, Dossier: d}, []byte("{}"))
		if err == nil {
			t.Errorf("%s: bundled a file from outside the dossier", rel)
		}
		if bytes.Contains(buf.Bytes(), []byte("secret")) && !strings.Contains(buf.String(), "secret.txt") {
			t.Errorf("%s: the outside file's content reached the zip", rel)
		}
	}
}

func TestBundleRefusesEvidenceChangedSinceLoading(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "a.pdf"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := &dossier.Dossier{Root: root, Evidence: map[string]*dossier.Evidence{
		"a.pdf": {Path: "a.pdf", Exists: true, Size: 7, SHA256: sha256Hex([]byte("orignal"))},
	}}
	_, err := WriteBundle(io.Discard, BundleInput{PDF: []byte("%PDF"), Result: &audit.Result{Tool: "certready", AsOf: testAsOf}, Dossier: d}, []byte("{}"))
	if err == nil || !strings.Contains(err.Error(), "changed since") {
		t.Errorf("err = %v, want a 'changed since the dossier was loaded' error", err)
	}
}
