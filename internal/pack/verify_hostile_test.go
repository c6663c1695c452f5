package pack

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"hash/crc32"
	"strings"
	"testing"
	"time"
)

type craftMember struct {
	name string
	data []byte
	// raw, when set, writes the member stored with this CRC and this
	// declared size instead of the true ones.
	raw        bool
	crc        uint32
	declaredSz uint64
}

// craft builds a bundle whose MANIFEST.json and SHA256SUMS list exactly
// the members given, with their true hashes: consistent with itself,
// whatever the names.
func craft(t testing.TB, members []craftMember) []byte {
	t.Helper()
	m := Manifest{Tool: "certready", Version: "test", AsOf: "2026-01-01", InputDigest: "x"}
	for _, mb := range members {
		m.Files = append(m.Files, ManifestFile{Path: mb.name, Size: int64(len(mb.data)), SHA256: sha256Hex(mb.data)})
	}
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	sums := sumsFile(append(slicesClone(m.Files), ManifestFile{Path: ManifestName, SHA256: sha256Hex(manifest)}))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for _, mb := range members {
		if !mb.raw {
			add(mb.name, mb.data)
			continue
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: mb.name, Method: zip.Store, CRC32: mb.crc,
			CompressedSize64: uint64(len(mb.data)), UncompressedSize64: mb.declaredSz})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(mb.data)
	}
	add(ManifestName, manifest)
	add(SumsName, sums)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestVerifyRejectsMemberNamesThatLeaveTheBundleOrForgeOutput(t *testing.T) {
	for _, name := range []string{"../../etc/cron.d/x", "evidence/../../x", "/etc/passwd", `evidence\..\x`, "evidence/a\nintact: 99 files", "C:/x", "evidence/\x1b[2Jx"} {
		t.Run(strings.ReplaceAll(name, "\n", `\n`), func(t *testing.T) {
			p := writeTemp(t, "bundle.zip", craft(t, []craftMember{{name: PDFName, data: []byte("%PDF")}, {name: name, data: []byte("x")}}))
			v, err := Verify(p)
			if err != nil {
				t.Fatal(err)
			}
			if v.OK() || problems(v)[name] != Unsafe {
				t.Errorf("want %q reported unsafe and the bundle not intact; got %+v", name, v.Problems)
			}
		})
	}
}

func TestVerifyExpectAnchorsABundleEditedAndRehashed(t *testing.T) {
	orig := craft(t, []craftMember{{name: PDFName, data: []byte("%PDF original")}})
	edited := craft(t, []craftMember{{name: PDFName, data: []byte("%PDF edited")}})
	digestOf := func(b []byte) string {
		zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		for _, f := range zr.File {
			if f.Name == SumsName {
				rc, _ := f.Open()
				defer rc.Close()
				var s bytes.Buffer
				s.ReadFrom(rc)
				return sha256Hex(s.Bytes())
			}
		}
		t.Fatal("no SHA256SUMS")
		return ""
	}
	published := digestOf(orig)
	pe := writeTemp(t, "edited.zip", edited)
	if v, err := Verify(pe); err != nil || !v.OK() {
		t.Fatalf("the re-hashed bundle is consistent with itself: %v %+v", err, v)
	}
	v, err := VerifyExpect(pe, published)
	if err != nil {
		t.Fatal(err)
	}
	if v.OK() || problems(v)[SumsName] != Changed {
		t.Errorf("--expect the original digest: want SHA256SUMS changed; got %+v", v.Problems)
	}
	po := writeTemp(t, "orig.zip", orig)
	if v, err := VerifyExpect(po, strings.ToUpper(published)); err != nil || !v.OK() {
		t.Errorf("the original bundle against its own digest: %v %+v", err, v)
	}
	if _, err := VerifyExpect(po, "abc"); err == nil {
		t.Error("a malformed digest was accepted")
	}
}

func TestVerifyReportsAMemberWhoseCRCOrSizeLies(t *testing.T) {
	data := []byte("%PDF-1.4 the real content of the pack")
	for _, tc := range []struct {
		name string
		mb   craftMember
	}{
		{"a bad CRC", craftMember{name: PDFName, data: data, raw: true, crc: crc32.ChecksumIEEE(data) ^ 1, declaredSz: uint64(len(data))}},
		{"an understated size", craftMember{name: PDFName, data: data, raw: true, crc: crc32.ChecksumIEEE(data), declaredSz: uint64(len(data) - 5)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeTemp(t, "bundle.zip", craft(t, []craftMember{tc.mb}))
			v, err := Verify(p)
			if err != nil {
				t.Fatal(err)
			}
			if v.OK() || problems(v)[PDFName] != Changed {
				t.Errorf("want %s changed; got %+v", PDFName, v.Problems)
			}
		})
	}
}

// FuzzVerify: any file as a bundle is verified or refused as not a bundle,
// never a panic; and a bundle called intact has only safe member names.
func FuzzVerify(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add(craftBytes(f, []craftMember{{name: PDFName, data: []byte("%PDF")}}))
	f.Add(craftBytes(f, []craftMember{{name: "../../x", data: []byte("x")}, {name: "evidence/a\nb", data: []byte("y")}}))
	f.Add(craftBytes(f, []craftMember{{name: PDFName, data: []byte("%PDF-1.4"), raw: true, crc: 7, declaredSz: 3}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := writeTemp(t, "bundle.zip", b)
		type res struct {
			v   *Verification
			err error
		}
		done := make(chan res, 1)
		go func() { v, err := VerifyExpect(p, ""); done <- res{v, err} }()
		var r res
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Verify still running after 10s on %d bytes", len(b))
		}
		v, err := r.v, r.err
		if err != nil {
			return
		}
		if v.OK() {
			for _, mf := range v.Manifest.Files {
				if !unsafeName(mf.Path).IsZero() {
					t.Fatalf("an intact bundle lists the unsafe name %q", mf.Path)
				}
			}
		}
	})
}

// craftBytes is craft for a fuzz seed.
func craftBytes(f *testing.F, members []craftMember) []byte { return craft(f, members) }
