package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certready/certready/internal/config"
)

// fuzzLimits keeps each fuzz run cheap: small limits, the same code paths.
var fuzzLimits = &config.Limits{MaxYAMLBytes: 32 << 20, MaxYAMLNodes: 20000, MaxErrors: 50, MaxCellBytes: 4096, MaxUnzipBytes: 64 << 20, MaxEvidenceMiB: 16}

func readSeed(f *testing.F, name string) []byte {
	f.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seed", name))
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// assertPositioned fails unless err is nil or a *Errors whose every
// problem names at least its file: a person must be told where to look.
func assertPositioned(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var es *Errors
	if !errors.As(err, &es) {
		t.Fatalf("%s returned %T, want *load.Errors: %v", what, err, err)
	}
	if len(es.List) == 0 {
		t.Fatalf("%s returned an empty *load.Errors", what)
	}
	for _, p := range es.List {
		if p.Pos.File == "" || p.Err == nil || p.Err.Error() == "" {
			t.Fatalf("%s: unpositioned or empty problem %#v: %v", what, p.Pos, p.Err)
		}
	}
}

func TestTheFuzzSeedsAreValidDossiers(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"organisation.yaml", "licences.yaml", "complaints.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "seed", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dir, map[string]string{name: string(b)})
	}
	res, rows, probs := loadAndScan(t, dir)
	if len(probs) > 0 {
		t.Fatalf("the seeds should load cleanly:%s", describeProblems(probs))
	}
	if res.Dossier.Organisation == nil || len(res.Dossier.Licences) != 2 || rows != 2 {
		t.Errorf("seeds loaded as organisation %v, %d licences, %d complaints", res.Dossier.Organisation != nil, len(res.Dossier.Licences), rows)
	}
}

// FuzzLoadYAML feeds one input to the loader as both a single-record file
// and a list file. Whatever the bytes, Load must not panic, and every
// problem it reports must carry a position.
func FuzzLoadYAML(f *testing.F) {
	f.Add(readSeed(f, "organisation.yaml"))
	f.Add(readSeed(f, "licences.yaml"))
	for _, s := range []string{
		"", "~", "- ", "[", "{a: [}", "name: &a x\nname_en: *a\n", "- &r {type: other}\n- *r\n",
		billionLaughs(), recordBomb(50), "deep: " + strings.Repeat("[", 200),
		"name: \xff\xfe\n", "\ufeffname: x\n", "name: !!binary aGVsbG8=\n", "established: 2026-02-30\n",
		"- evidence: ../../etc/passwd\n- evidence: /etc/passwd\n- evidence: .\n- evidence: C:\\x\n",
		"? [a, b]\n: c\n", "<<: {name: x}\n", "name: x\nname: y\n", "%YAML 1.1\n---\nname: x\n...\n---\nname: y\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{
			"organisation.yaml": string(data),
			"licences.yaml":     string(data),
		})
		res, err := Load(dir, Options{Limits: fuzzLimits})
		assertPositioned(t, "Load", err)
		if res == nil {
			t.Fatalf("Load returned no dossier alongside %v", err)
		}
	})
}

// FuzzLoadCSV feeds one input to the loader as the complaint log and reads
// it through. The log must never panic and every problem must be placed.
func FuzzLoadCSV(f *testing.F) {
	f.Add(readSeed(f, "complaints.csv"))
	for _, s := range []string{
		"", "\n\n\n", complaintHeader, complaintHeader + "\n,,,,\n",
		complaintHeader + "\nC1,2026-03-02 09:05,phone,x,closed\n",
		complaintHeader + "\nC1,45000.5,phone,#N/A,closed,extra\n",
		complaintHeader + "\n\"C1,2026-03-02\n", complaintHeader + "\nC1,\"a\"b\",phone,x,closed\n",
		complaintHeader + ",投诉编号\n", "\ufeff" + complaintHeader + "\r\nC1,2026-03-02 09:05,phone,x,closed\r\n",
		"\xcd\xb6\xcb\xdf,\xca\xdc\xc0\xed\n", complaintHeader + "\nC1,2026-03-02 09:05,phone," + strings.Repeat("长", 2000) + ",closed\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"complaints.csv": string(data)})
		res, err := Load(dir, Options{Limits: fuzzLimits})
		if err != nil {
			t.Fatalf("Load of a directory holding only a CSV log: %v", err)
		}
		rows := -1
		err = ScanLog(res.Dossier, res.Config.Limits.MaxErrors, func(n int) { rows = n })
		assertPositioned(t, "ScanLog", err)
		if rows < 0 {
			t.Fatal("ScanLog did not report a row count")
		}
	})
}
