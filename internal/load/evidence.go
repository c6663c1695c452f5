package load

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/certready/certready/internal/doctext"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
)

// evidenceIndex resolves evidence references against the dossier root and
// records what exists. It refuses any path that leaves the root, by
// spelling (../, absolute, drive letters) or through a symlink, before the
// file is ever opened.
type evidenceIndex struct {
	root     string // absolute, symlinks resolved
	files    map[string]*dossier.Evidence
	maxBytes int64
	hash     bool
	// text, when set, has the text of text-bearing files read (see
	// readContent); a plain containment check leaves it nil.
	text *doctext.Limits
}

// Bounds on reading an evidence file's text. A document is read whole, so
// files above maxTextFile are not read (a scan that large is no template);
// decompression stops at maxInflate or CERTREADY_MAX_UNZIP_BYTES if lower;
// the text kept is enough for any procedure or manual.
const (
	maxTextFile = 64 << 20
	maxInflate  = 256 << 20
	maxText     = 4 << 20
)

// textLimits are the bounds on reading text under the run's limits.
func textLimits(maxUnzip int64) *doctext.Limits {
	return &doctext.Limits{MaxInflate: min(maxInflate, maxUnzip), MaxText: maxText}
}

func newEvidenceIndex(root string, maxBytes int64) (*evidenceIndex, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	return &evidenceIndex{root: real, files: map[string]*dossier.Evidence{}, maxBytes: maxBytes, hash: true}, nil
}

var errEscapes = errors.New("evidence path leaves the dossier directory")

// cleanRel checks the spelling of an evidence path and returns its clean,
// slash-separated, dossier-relative form.
func cleanRel(p string) (string, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", errors.New("empty evidence path")
	}
	q := strings.ReplaceAll(p, "\\", "/")
	if strings.HasPrefix(q, "/") || filepath.IsAbs(p) || (len(q) >= 2 && q[1] == ':') {
		return "", fmt.Errorf("%q is absolute: %w (give a path relative to the dossier)", p, errEscapes)
	}
	c := path.Clean(q)
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("%q: %w", p, errEscapes)
	}
	// A control character (a new line, a tab, NUL) in a file name is
	// legal on most systems but breaks every line-based format the path
	// ends up in: SHA256SUMS, the terminal, the zip bundle's listing.
	for _, r := range c {
		if unicode.IsControl(r) {
			return "", fmt.Errorf("%q contains the control character %U; rename the file", p, r)
		}
	}
	return c, nil
}

// ref registers a reference and returns the clean path stored in records.
func (x *evidenceIndex) ref(p string, at dossier.Pos) (string, error) {
	rel, err := cleanRel(p)
	if err != nil {
		return "", err
	}
	if e, ok := x.files[rel]; ok {
		_ = e
		return rel, nil
	}
	e := &dossier.Evidence{Path: rel, RefPos: at}
	full := filepath.Join(x.root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		x.files[rel] = e // missing: a finding for the checks, not an input error
		return rel, nil
	case err != nil:
		return "", fmt.Errorf("%q: %w", p, err)
	}
	if real != x.root && !strings.HasPrefix(real, x.root+string(filepath.Separator)) {
		return "", fmt.Errorf("%q resolves through a symlink outside the dossier: %w", p, errEscapes)
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", fmt.Errorf("%q: %w", p, err)
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%q is not a regular file", p)
	}
	e.Exists, e.Size = true, st.Size()
	if x.hash {
		if x.maxBytes > 0 && st.Size() > x.maxBytes {
			return "", fmt.Errorf("%q is %d bytes, over the %d-byte evidence limit (CERTREADY_MAX_EVIDENCE_MIB)", p, st.Size(), x.maxBytes)
		}
		if x.text != nil && st.Size() > 0 && doctext.Readable(rel) {
			// Read once: the bytes are both hashed and read for text.
			if err := x.readText(e, real); err != nil {
				return "", fmt.Errorf("%q: %w", p, err)
			}
			x.files[rel] = e
			return rel, nil
		}
		sum, err := hashFile(real, x.maxBytes)
		if err != nil {
			return "", fmt.Errorf("%q: %w", p, err)
		}
		e.SHA256 = sum
	}
	x.files[rel] = e
	return rel, nil
}

// readText hashes a text-bearing file and records what it holds.
func (x *evidenceIndex) readText(e *dossier.Evidence, real string) error {
	if e.Size > maxTextFile {
		sum, err := hashFile(real, x.maxBytes)
		e.SHA256 = sum
		e.Content, e.Unreadable = dossier.ContentUnreadable, "too-large"
		return err
	}
	limit := int64(maxTextFile)
	if x.maxBytes > 0 {
		limit = min(x.maxBytes, limit)
	}
	b, err := infile.ReadFile(real, limit, "CERTREADY_MAX_EVIDENCE_MIB")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	e.SHA256 = hex.EncodeToString(sum[:])
	readContent(e, e.Path, b, *x.text)
	return nil
}

// readContent reads the text of a file and judges what it holds: text, a
// scan (images, no text), a blank, a template left unfilled, or a file
// that cannot be read. A damaged file is not an input error: it is
// evidence the checks report on.
func readContent(e *dossier.Evidence, name string, b []byte, lim doctext.Limits) {
	c, ok, err := doctext.Read(name, b, lim)
	switch {
	case !ok:
		return
	case err != nil:
		e.Content = dossier.ContentUnreadable
		switch {
		case errors.Is(err, doctext.ErrEncrypted):
			e.Unreadable = "encrypted"
		case errors.Is(err, doctext.ErrTooLarge):
			e.Unreadable = "too-large"
		default:
			e.Unreadable = "damaged"
		}
	case strings.TrimSpace(c.Text) == "":
		switch {
		case c.Images:
			e.Content = dossier.ContentScan
		case c.NoTextMap:
			e.Content, e.Unreadable = dossier.ContentUnreadable, "no-text-map"
		default:
			e.Content = dossier.ContentBlank
		}
	default:
		e.Content, e.Text, e.TextCut = dossier.ContentText, c.Text, c.Truncated
		if marker, line, headings := doctext.Unfilled(c.Text, c.Markdown); marker != "" || headings {
			e.Content, e.Marker, e.MarkerLine = dossier.ContentTemplate, marker, line
		}
	}
}

func hashFile(p string, max int64) (string, error) {
	f, err := infile.Open(p, max, "CERTREADY_MAX_EVIDENCE_MIB")
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ResolveEvidence returns the absolute path of a dossier-relative evidence
// path after the same containment checks the loader applies; the pack and
// the bundle use it before reading a file.
func ResolveEvidence(root, rel string) (string, error) {
	x, err := newEvidenceIndex(root, 0)
	if err != nil {
		return "", err
	}
	x.hash = false
	c, err := x.ref(rel, dossier.Pos{})
	if err != nil {
		return "", err
	}
	if !x.files[c].Exists {
		return "", fmt.Errorf("%q: %w", rel, fs.ErrNotExist)
	}
	return filepath.Join(x.root, filepath.FromSlash(c)), nil
}
