package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"strings"
	"testing"
	"time"
)

var (
	stamp = time.Date(2026, 11, 29, 20, 0, 0, 0, time.UTC)
	docs  = []file{{Name: "README.md", Data: []byte("# certready\n"), Mode: 0o644}, {Name: "LICENSE", Data: []byte("Apache\n"), Mode: 0o644}}
)

func TestArchivesAreReproducible(t *testing.T) {
	for _, tg := range Targets {
		n1, a, err := Archive("v1.2.3", tg, []byte("binary"), docs, stamp)
		if err != nil {
			t.Fatal(err)
		}
		n2, b, _ := Archive("v1.2.3", tg, []byte("binary"), docs, stamp)
		if n1 != n2 || !bytes.Equal(a, b) {
			t.Errorf("%s/%s: two runs gave different archives", tg.OS, tg.Arch)
		}
		want := "certready_1.2.3_" + tg.OS + "_" + tg.Arch + ".tar.gz"
		if tg.OS == "windows" {
			want = strings.TrimSuffix(want, ".tar.gz") + ".zip"
		}
		if n1 != want {
			t.Errorf("archive named %q, want %q", n1, want)
		}
	}
}

func TestATarballHoldsTheBinaryAndDocsDatedTheCommit(t *testing.T) {
	_, data, err := Archive("v1.2.3", Target{"linux", "arm64"}, []byte("ELF"), docs, stamp)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !gz.ModTime.IsZero() || gz.Name != "" {
		t.Errorf("gzip header records a name %q or time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		if !h.ModTime.Equal(stamp) {
			t.Errorf("%s dated %v, want %v", h.Name, h.ModTime, stamp)
		}
		if h.Name == "certready_1.2.3_linux_arm64/certready" && h.Mode != 0o755 {
			t.Errorf("binary mode %o, want 755", h.Mode)
		}
	}
	if got := strings.Join(names, " "); got != "certready_1.2.3_linux_arm64/LICENSE certready_1.2.3_linux_arm64/README.md certready_1.2.3_linux_arm64/certready" {
		t.Errorf("entries: %s", got)
	}
}

func TestAWindowsZipHoldsAnExe(t *testing.T) {
	_, data, err := Archive("v1.2.3", Target{"windows", "amd64"}, []byte("MZ"), docs, stamp)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, f := range zr.File {
		if f.Name == "certready_1.2.3_windows_amd64/certready.exe" {
			found = true
		}
		if !f.Modified.Equal(stamp) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, stamp)
		}
	}
	if !found {
		t.Error("no certready.exe in the Windows archive")
	}
}

func TestChecksumsAreSortedInSha256sumFormat(t *testing.T) {
	got := string(Checksums(map[string][sha256.Size]byte{"b.zip": sha256.Sum256([]byte("b")), "a.tar.gz": sha256.Sum256([]byte("a"))}))
	want := "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.tar.gz\n3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.zip\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}
