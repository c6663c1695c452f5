// Command release builds certready's release archives, offline and
// byte-for-byte reproducibly, for every platform in Targets:
//
//	certready_<version>_<os>_<arch>.tar.gz   (.zip for Windows)
//	SHA256SUMS                               (sha256sum -c format)
//
// Each archive holds the binary (built with -trimpath, the version and
// revision set with -ldflags -X), LICENSE, README.md and CHANGELOG.md, in
// one top-level directory, every entry dated -mtime and owned by nobody,
// so the same commit gives the same archives on any machine. Run it from
// the module root (make release-snapshot does):
//
//	go run ./internal/gen/release -version v1.2.3 -revision $(git rev-parse HEAD) -mtime 2026-11-29T20:00:00Z
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Target is one platform a release is built for.
type Target struct{ OS, Arch string }

// Targets are the platforms of a release: what quality managers and
// consultants run (Windows, macOS) and what CI runs (Linux), on both
// architectures in use.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// Docs are shipped beside the binary in every archive.
var Docs = []string{"LICENSE", "README.md", "CHANGELOG.md"}

// versionPkg is where -ldflags -X sets the version and revision.
const versionPkg = "github.com/certready/certready/internal/version"

func main() {
	var o options
	var mtime string
	flag.StringVar(&o.Version, "version", "", "version to stamp and name the archives with (required)")
	flag.StringVar(&o.Revision, "revision", "", "VCS revision to stamp")
	flag.StringVar(&mtime, "mtime", "", "date of every archive entry, RFC 3339 (default: 1980-01-01, the earliest zip date)")
	flag.StringVar(&o.Dist, "dist", "dist", "output directory (emptied first)")
	flag.Parse()
	if err := run(&o, mtime); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

type options struct {
	Version, Revision, Dist string
	MTime                   time.Time
}

func run(o *options, mtime string) error {
	if o.Version == "" {
		return errors.New("-version is required")
	}
	o.MTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if mtime != "" {
		t, err := time.Parse(time.RFC3339, mtime)
		if err != nil {
			return fmt.Errorf("-mtime: %w", err)
		}
		o.MTime = t.UTC()
	}
	if err := os.RemoveAll(o.Dist); err != nil {
		return err
	}
	if err := os.MkdirAll(o.Dist, 0o755); err != nil {
		return err
	}
	var docs []file
	for _, name := range Docs {
		b, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("%w (run from the module root)", err)
		}
		docs = append(docs, file{Name: name, Data: b, Mode: 0o644})
	}
	sums := map[string][sha256.Size]byte{}
	for _, t := range Targets {
		bin, err := build(o, t)
		if err != nil {
			return err
		}
		name, data, err := Archive(o.Version, t, bin, docs, o.MTime)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(o.Dist, name), data, 0o644); err != nil {
			return err
		}
		sums[name] = sha256.Sum256(data)
		fmt.Printf("%s  %d bytes\n", name, len(data))
	}
	return os.WriteFile(filepath.Join(o.Dist, "SHA256SUMS"), Checksums(sums), 0o644)
}

// build cross-compiles the command for t without cgo, so no C toolchain
// or network is needed, and returns the binary.
func build(o *options, t Target) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "certready-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "certready")
	ld := "-s -w -X " + versionPkg + ".version=" + o.Version
	if o.Revision != "" {
		ld += " -X " + versionPkg + ".revision=" + o.Revision
	}
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ld, "-o", out, "./cmd/certready")
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0", "GOFLAGS=-mod=readonly")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s/%s: %w", t.OS, t.Arch, err)
	}
	return os.ReadFile(out)
}

// file is one archive member.
type file struct {
	Name string
	Data []byte
	Mode fs.FileMode
}

// Archive packs the binary and docs for t: a zip for Windows, a tar.gz
// otherwise. It returns the archive's file name and bytes. Entries are
// sorted, dated mtime, with no owner, so equal inputs give equal bytes.
func Archive(version string, t Target, bin []byte, docs []file, mtime time.Time) (string, []byte, error) {
	base := fmt.Sprintf("certready_%s_%s_%s", strings.TrimPrefix(version, "v"), t.OS, t.Arch)
	exe := "certready"
	if t.OS == "windows" {
		exe += ".exe"
	}
	files := append([]file{{Name: exe, Data: bin, Mode: 0o755}}, docs...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var buf bytes.Buffer
	if t.OS == "windows" {
		if err := writeZip(&buf, base, files, mtime); err != nil {
			return "", nil, err
		}
		return base + ".zip", buf.Bytes(), nil
	}
	if err := writeTarGz(&buf, base, files, mtime); err != nil {
		return "", nil, err
	}
	return base + ".tar.gz", buf.Bytes(), nil
}

func writeTarGz(w io.Writer, dir string, files []file, mtime time.Time) error {
	// A gzip header with no name and a zero time: gzip would otherwise
	// record when the archive was made.
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{
			Name: dir + "/" + f.Name, Mode: int64(f.Mode), Size: int64(len(f.Data)),
			ModTime: mtime, Typeflag: tar.TypeReg, Format: tar.FormatPAX,
			Uname: "root", Gname: "root",
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, dir string, files []file, mtime time.Time) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := &zip.FileHeader{Name: dir + "/" + f.Name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(f.Mode)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Checksums renders SHA256SUMS: one "hex  name" line per archive, sorted by
// name, as sha256sum -c reads it.
func Checksums(sums map[string][sha256.Size]byte) []byte {
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		s := sums[n]
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(s[:]), n)
	}
	return b.Bytes()
}
