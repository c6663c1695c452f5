package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

type hook struct {
	ID            string `yaml:"id"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames bool   `yaml:"pass_filenames"`
}

func TestThePreCommitHookValidatesTheDossierFilesAndNothingElse(t *testing.T) {
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	if err := yaml.Unmarshal(b, &hooks); err != nil || len(hooks) != 1 {
		t.Fatalf("%v, %d hooks", err, len(hooks))
	}
	h := hooks[0]
	if h.ID != "certready-validate" || h.Entry != "certready validate" || h.Language != "golang" || !h.PassFilenames {
		t.Errorf("hook %+v", h)
	}
	re, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatal(err)
	}
	match := []string{config.FileName, "books/client.certready.yaml", "client.xlsx", "dossier/complaints.csv"}
	for _, rt := range dossier.Types() {
		match = append(match, "org/dossier/"+rt.File)
	}
	for _, p := range match {
		if !re.MatchString(p) {
			t.Errorf("the hook skips %s", p)
		}
	}
	for _, p := range []string{".github/workflows/ci.yml", ".pre-commit-config.yaml", "dossier/.certready/schemas/licences.yaml.schema.json", "dossier/evidence/licence.pdf", "mkdocs.yaml", "people.yaml.bak"} {
		if re.MatchString(p) {
			t.Errorf("the hook would validate %s", p)
		}
	}
}

func TestValidateTakesChangedFilesAndValidatesEachDossierOnce(t *testing.T) {
	// In English whatever the examples' own language, for the wording below.
	code, out, errs := runCLI(t, nil, "validate", "--lang", "en",
		"../../examples/ready-org/licences.yaml", "../../examples/ready-org/people.yaml", "../../examples/gappy-org.certready.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if n := strings.Count(out, ": valid ("); n != 2 || !strings.Contains(out, "examples/ready-org: valid") || !strings.Contains(out, "gappy-org.xlsx: valid") {
		t.Errorf("want ready-org and gappy-org.xlsx validated once each:\n%s", out)
	}

	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "licences.yaml"), []byte("- id: L1\n  type: no_such_type\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, nil, "validate", "--lang", "en", "../../examples/ready-org/licences.yaml", filepath.Join(bad, "licences.yaml"))
	if code != ExitInput || !strings.Contains(out, "examples/ready-org: valid") || !strings.Contains(out, "licences.yaml:2") {
		t.Errorf("exit %d, want 2 with the good dossier valid and the bad one's problem positioned:\n%s", code, out)
	}
}
