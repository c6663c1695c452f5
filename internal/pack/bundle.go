package pack

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/vocab"
)

// Names of the fixed members of a bundle.
const (
	ManifestName = "MANIFEST.json"
	SumsName     = "SHA256SUMS"
	PDFName      = "pack.pdf"
	ReportName   = "report.json"
	// EvidenceDir holds the evidence files under their dossier-relative
	// paths. They get a directory of their own so that no evidence file
	// can collide with pack.pdf or the manifest.
	EvidenceDir = "evidence/"
)

// Manifest is MANIFEST.json: what the bundle holds and the hash of each
// file, so that a recipient can tell exactly what was submitted.
type Manifest struct {
	Tool        string         `json:"tool"`
	Version     string         `json:"version"`
	AsOf        string         `json:"as_of"`
	InputDigest string         `json:"input_digest"`
	Files       []ManifestFile `json:"files"`
}

// ManifestFile is one file of the bundle.
type ManifestFile struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// member is a file to be written into the bundle: in memory (pack,
// report) or an evidence file read through the containment check.
type member struct {
	ManifestFile
	data []byte
	rel  string // dossier-relative evidence path; data is nil then
}

// BundleInput is what a bundle is made of.
type BundleInput struct {
	PDF     []byte
	Result  *audit.Result
	Dossier *dossier.Dossier
}

// WriteBundle writes the submission bundle as a zip to w: pack.pdf,
// report.json (the audit's JSON report), every referenced evidence file
// that exists, MANIFEST.json and SHA256SUMS. Entries are sorted by name
// and stamped with the as-of date, so the same input gives the same bytes.
//
// Evidence files are opened only through load.ResolveEvidence. Their hash
// is the one the loader recorded (and the pack printed); a file whose
// content no longer matches it is an error, since the bundle would
// otherwise contradict its own pack.
func WriteBundle(w io.Writer, in BundleInput, reportJSON []byte) (*Manifest, error) {
	r, d := in.Result, in.Dossier
	asOf, err := civil.Parse(r.AsOf)
	if err != nil {
		return nil, fmt.Errorf("bundle: result as-of date: %w", err)
	}
	members := []member{inMemory(PDFName, in.PDF), inMemory(ReportName, reportJSON)}
	for rel, e := range d.Evidence {
		if !e.Exists {
			continue
		}
		if strings.ContainsAny(rel, "\n\r\\") {
			return nil, fmt.Errorf("bundle: evidence path %q cannot be listed in SHA256SUMS", rel)
		}
		members = append(members, member{ManifestFile: ManifestFile{Path: EvidenceDir + rel, Size: e.Size, SHA256: e.SHA256}, rel: rel})
	}
	sort.Slice(members, func(i, j int) bool { return members[i].Path < members[j].Path })

	m := &Manifest{Tool: r.Tool, Version: r.Version, AsOf: r.AsOf, InputDigest: r.InputDigest, Files: make([]ManifestFile, len(members))}
	for i, mb := range members {
		m.Files[i] = mb.ManifestFile
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	manifest = append(manifest, '\n')
	sums := sumsFile(append(slicesClone(m.Files), ManifestFile{Path: ManifestName, SHA256: sha256Hex(manifest)}))

	all := append([]member{inMemory(ManifestName, manifest), inMemory(SumsName, sums)}, members...)
	sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })

	zw := zip.NewWriter(w)
	stamp := CreatedTime(asOf)
	for _, mb := range all {
		if err := writeMember(zw, mb, d.Root, stamp); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("bundle: %w", err)
	}
	return m, nil
}

func slicesClone(fs []ManifestFile) []ManifestFile { return append([]ManifestFile(nil), fs...) }

func inMemory(name string, b []byte) member {
	return member{ManifestFile: ManifestFile{Path: name, Size: int64(len(b)), SHA256: sha256Hex(b)}, data: b}
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// sumsFile writes `sha256sum` output, sorted by path, so that
// `sha256sum -c SHA256SUMS` checks an unpacked bundle without certready.
func sumsFile(fs []ManifestFile) []byte {
	sort.Slice(fs, func(i, j int) bool { return fs[i].Path < fs[j].Path })
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%s  %s\n", f.SHA256, f.Path)
	}
	return b.Bytes()
}

func writeMember(zw *zip.Writer, mb member, root string, stamp time.Time) error {
	h := &zip.FileHeader{Name: mb.Path, Method: zip.Deflate, Modified: stamp}
	h.SetMode(0o644)
	fw, err := zw.CreateHeader(h)
	if err != nil {
		return fmt.Errorf("bundle: %s: %w", mb.Path, err)
	}
	if mb.data != nil || mb.rel == "" {
		_, err := fw.Write(mb.data)
		return err
	}
	full, err := load.ResolveEvidence(root, mb.rel)
	if err != nil {
		return fmt.Errorf("bundle: evidence %s: %w", mb.rel, err)
	}
	// Opened as an input: something swapped in for the file since it was
	// hashed (a FIFO, a device) is refused rather than read.
	f, err := infile.Open(full, 0, "")
	if err != nil {
		return fmt.Errorf("bundle: evidence %s: %w", mb.rel, err)
	}
	defer f.Close()
	sum := sha256.New()
	// Read one byte more than recorded, so a file that grew is caught
	// without copying all of it.
	n, err := io.Copy(io.MultiWriter(fw, sum), io.LimitReader(f, mb.Size+1))
	if err != nil {
		return fmt.Errorf("bundle: evidence %s: %w", mb.rel, err)
	}
	if n != mb.Size || hex.EncodeToString(sum.Sum(nil)) != mb.SHA256 {
		return fmt.Errorf("bundle: evidence %s changed since the dossier was loaded; run again", mb.rel)
	}
	return nil
}

// ---- verification ----

// ErrNotBundle means the path is neither a zip nor a directory holding a
// certready bundle (no readable MANIFEST.json).
var ErrNotBundle = errors.New("not a certready bundle")

// Problem kinds.
const (
	Added   = "added"
	Missing = "missing"
	Changed = "changed"
	// Unsafe is a member name that could write outside the directory a
	// bundle is unpacked into, or forge a line of output: absolute, with a
	// .. element, a backslash or a control character.
	Unsafe = "unsafe"
)

// unsafeName says what is wrong with a member name, or "" when nothing is.
// certready writes only relative, slash-separated names of printable
// characters; anything else in a bundle was put there by someone else.
func unsafeName(name string) vocab.Text {
	switch {
	case name == "":
		return vocab.T("empty name", "名称为空")
	case strings.HasPrefix(name, "/") || (len(name) >= 2 && name[1] == ':'):
		return vocab.T("absolute path", "绝对路径")
	case strings.ContainsRune(name, '\\'):
		return vocab.T("backslash in the name", "名称含反斜杠")
	}
	for _, el := range strings.Split(name, "/") {
		if el == ".." {
			return vocab.T("a .. element leaves the bundle", "含 .. 路径段，指向资料包之外")
		}
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == utf8.RuneError {
			return vocab.T("control character in the name", "名称含控制字符")
		}
	}
	return vocab.Text{}
}

// Problem is one difference between a bundle and its manifest.
type Problem struct {
	Kind   string     `json:"kind"`
	Path   string     `json:"path"`
	Detail vocab.Text `json:"detail,omitzero"`
}

// Verification is the outcome of Verify.
type Verification struct {
	Manifest *Manifest `json:"manifest"`
	// Checked counts the manifest files found intact.
	Checked  int       `json:"checked"`
	Problems []Problem `json:"problems"`
}

// OK reports an intact bundle.
func (v *Verification) OK() bool { return len(v.Problems) == 0 }

// bundleFile is one file of a bundle being verified.
type bundleFile struct {
	size    int64
	open    func() (io.ReadCloser, error)
	regular bool
}

// Verify recomputes the hash of every file of a bundle (a zip, or a
// directory it was unpacked into) and compares it with MANIFEST.json. It
// reports files changed, missing, or added since the bundle was made, and
// checks SHA256SUMS against the manifest. It returns an error wrapping
// ErrNotBundle when path holds no readable manifest.
func Verify(p string) (*Verification, error) {
	return VerifyExpect(p, "")
}

// VerifyExpect is Verify anchored to a digest published apart from the
// bundle: the SHA-256 of its SHA256SUMS. A bundle edited and re-hashed
// throughout is consistent with itself; only a digest kept elsewhere
// tells it from the original. expect "" checks consistency only.
func VerifyExpect(p, expect string) (*Verification, error) {
	expect = strings.ToLower(strings.TrimSpace(expect))
	if expect != "" {
		if b, err := hex.DecodeString(expect); err != nil || len(b) != sha256.Size {
			return nil, fmt.Errorf("expected digest %q: want 64 hexadecimal digits (a SHA-256)", expect)
		}
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, errors.Join(ErrNotBundle, err))
	}
	var files map[string]bundleFile
	var closer io.Closer
	if st.IsDir() {
		files, err = dirFiles(p)
	} else {
		// The zip is opened as an input like any other: a FIFO or a
		// device is refused, not waited on.
		var in *infile.File
		in, err = infile.Open(p, 0, "")
		if err == nil {
			closer = in
			var zr *zip.Reader
			zr, err = zip.NewReader(in, in.Size())
			if err == nil {
				files, err = zipFiles(zr)
			} else {
				err = errors.Join(ErrNotBundle, err)
			}
		} else {
			err = errors.Join(ErrNotBundle, err)
		}
	}
	if closer != nil {
		defer closer.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	mf, ok := files[ManifestName]
	if !ok {
		return nil, fmt.Errorf("%s: %w: no %s", p, ErrNotBundle, ManifestName)
	}
	raw, err := readAll(mf, 64<<20)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %s: %w", p, ErrNotBundle, ManifestName, err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil || m.Tool == "" {
		return nil, fmt.Errorf("%s: %w: %s is not a certready manifest", p, ErrNotBundle, ManifestName)
	}
	v := &Verification{Manifest: &m, Problems: []Problem{}}
	listed := map[string]bool{ManifestName: true, SumsName: true}
	for _, f := range m.Files {
		if why := unsafeName(f.Path); !why.IsZero() {
			v.Problems = append(v.Problems, Problem{Kind: Unsafe, Path: f.Path, Detail: vocab.T(ManifestName+" lists it: "+why.EN, ManifestName+" 列出了该文件："+why.ZH)})
			listed[f.Path] = true
			continue
		}
		if listed[f.Path] {
			v.Problems = append(v.Problems, Problem{Kind: Changed, Path: ManifestName, Detail: vocab.T("lists "+f.Path+" twice or lists itself", "重复列出 "+f.Path+" 或列出了自身")})
			continue
		}
		listed[f.Path] = true
		bf, ok := files[f.Path]
		if !ok {
			v.Problems = append(v.Problems, Problem{Kind: Missing, Path: f.Path})
			continue
		}
		if detail := check(bf, f.Size, f.SHA256); !detail.IsZero() {
			v.Problems = append(v.Problems, Problem{Kind: Changed, Path: f.Path, Detail: detail})
			continue
		}
		v.Checked++
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if why := unsafeName(name); !why.IsZero() {
			v.Problems = append(v.Problems, Problem{Kind: Unsafe, Path: name, Detail: why})
			continue
		}
		if !listed[name] {
			v.Problems = append(v.Problems, Problem{Kind: Added, Path: name})
		}
	}
	v.Problems = append(v.Problems, checkSums(files, &m, raw)...)
	if expect != "" {
		if sf, ok := files[SumsName]; ok {
			if b, err := readAll(sf, 64<<20); err == nil {
				if got := sha256Hex(b); got != expect {
					v.Problems = append(v.Problems, Problem{Kind: Changed, Path: SumsName, Detail: vocab.T("its sha256 is "+got+", the published digest is "+expect, "其 sha256 为 "+got+"，公布的摘要为 "+expect)})
				}
			}
		}
	}
	sort.SliceStable(v.Problems, func(i, j int) bool { return v.Problems[i].Path < v.Problems[j].Path })
	return v, nil
}

// checkSums compares SHA256SUMS with the manifest: it must list the same
// files with the same hashes, plus the manifest's own hash, which is what
// ties the manifest to the rest of the bundle.
func checkSums(files map[string]bundleFile, m *Manifest, manifest []byte) []Problem {
	sf, ok := files[SumsName]
	if !ok {
		return []Problem{{Kind: Missing, Path: SumsName}}
	}
	raw, err := readAll(sf, 64<<20)
	if err != nil {
		return []Problem{{Kind: Changed, Path: SumsName, Detail: vocab.T(err.Error(), "无法读取："+err.Error())}}
	}
	want := sumsFile(append(slicesClone(m.Files), ManifestFile{Path: ManifestName, SHA256: sha256Hex(manifest)}))
	if bytes.Equal(raw, want) {
		return nil
	}
	// Name the culprit: a manifest edited to match changed files shows up
	// here as a manifest hash that no longer matches SHA256SUMS.
	for _, line := range strings.Split(string(raw), "\n") {
		if h, name, ok := strings.Cut(line, "  "); ok && name == ManifestName && h != sha256Hex(manifest) {
			return []Problem{{Kind: Changed, Path: ManifestName, Detail: vocab.T("its hash differs from the one in "+SumsName, "其哈希值与 "+SumsName+" 中的不同")}}
		}
	}
	return []Problem{{Kind: Changed, Path: SumsName, Detail: vocab.T("does not match "+ManifestName, "与 "+ManifestName+" 不一致")}}
}

func readAll(f bundleFile, limit int64) ([]byte, error) {
	if !f.regular {
		return nil, errors.New("not a regular file")
	}
	rc, err := f.open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// check hashes a file and returns what is wrong with it, "" when intact.
// It reads at most one byte more than the manifest's size, so a huge or
// endless member costs no more than the file it replaced.
func check(f bundleFile, size int64, want string) vocab.Text {
	if !f.regular {
		return vocab.T("not a regular file", "不是普通文件")
	}
	rc, err := f.open()
	if err != nil {
		return vocab.T(err.Error(), "无法读取："+err.Error())
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(rc, size+1))
	if err != nil {
		return vocab.T(err.Error(), "无法读取："+err.Error())
	}
	if n != size {
		if n > size {
			return vocab.Tf("larger than the %d bytes listed", "大于清单所列的 %d 字节", size)
		}
		return vocab.Tf("%d bytes, %d listed", "%d 字节，清单所列为 %d 字节", n, size)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		return vocab.Tf("sha256 %s, %s listed", "sha256 为 %s，清单所列为 %s", got, want)
	}
	return vocab.Text{}
}

func zipFiles(zr *zip.Reader) (map[string]bundleFile, error) {
	files := map[string]bundleFile{}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // directory entry
		}
		if _, dup := files[f.Name]; dup {
			// Two members of one name: which one a tool extracts is
			// anyone's guess, so the bundle cannot be called intact.
			files[f.Name] = bundleFile{open: func() (io.ReadCloser, error) { return nil, errors.New("duplicate entry") }, regular: true}
			continue
		}
		files[f.Name] = bundleFile{size: int64(f.UncompressedSize64), open: f.Open, regular: f.Mode().IsRegular()}
	}
	return files, nil
}

// dirFiles lists an unpacked bundle. Symbolic links are listed but never
// followed: a bundle holds files, and a link could point anywhere.
func dirFiles(root string) (map[string]bundleFile, error) {
	files := map[string]bundleFile{}
	fsys := os.DirFS(root)
	err := fs.WalkDir(fsys, ".", func(rel string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		files[rel] = bundleFile{open: func() (io.ReadCloser, error) { return fsys.Open(rel) }, regular: e.Type().IsRegular()}
		return nil
	})
	return files, err
}
