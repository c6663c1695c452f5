package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/certready/certready/internal/dossier"
)

func TestInitPointsEveryYAMLFileAtASchemaItWritesBesideTheDossier(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dossier")
	if code, _, errs := runCLI(t, nil, "init", dir); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errs)
	}
	yamls, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(yamls) < len(dossier.Types()) {
		t.Fatalf("init wrote %d YAML files, want one per record type and certready.yaml", len(yamls))
	}
	for _, y := range yamls {
		f, err := os.Open(y)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Scan()
		first := sc.Text()
		f.Close()
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s starts with %q, not a schema modeline", filepath.Base(y), first)
			continue
		}
		if filepath.IsAbs(ref) || strings.Contains(ref, "://") {
			t.Errorf("%s: modeline points at %q, not at a file beside the dossier", filepath.Base(y), ref)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(ref)))
		if err != nil {
			t.Errorf("%s: modeline points at a schema init did not write: %v", filepath.Base(y), err)
			continue
		}
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		if err := c.AddResource(ref, bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", ref, err)
			continue
		}
		if _, err := c.Compile(ref); err != nil {
			t.Errorf("%s is not a valid JSON Schema: %v", ref, err)
		}
	}
	// The modelines are comments: the skeleton still loads.
	if code, out, errs := runCLI(t, nil, "validate", dir); code != ExitOK {
		t.Errorf("validate after init: exit %d\n%s%s", code, out, errs)
	}
}

func TestSchemaListsEveryNameAndPrintsEach(t *testing.T) {
	code, out, errs := runCLI(t, nil, "schema")
	if code != ExitOK {
		t.Fatalf("schema: exit %d: %s", code, errs)
	}
	var names []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		names = append(names, strings.Fields(line)[0])
	}
	for _, want := range []string{"licences", "complaints", "config", "report", "licences.yaml", "certready.yaml"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
			t.Errorf("schema list lacks %s:\n%s", want, out)
		}
	}
	for _, name := range names {
		code, out, errs := runCLI(t, nil, "schema", name)
		if code != ExitOK {
			t.Errorf("schema %s: exit %d: %s", name, code, errs)
			continue
		}
		var s struct {
			ID     string `json:"$id"`
			Schema string `json:"$schema"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil || s.Schema == "" || !strings.HasPrefix(s.ID, "https://certready.dev/schemas/") {
			t.Errorf("schema %s: not a schema with a stable $id (%v): %.200s", name, err, out)
		}
	}
	if code, _, errs := runCLI(t, nil, "schema", "nonsense"); code != ExitInput || !strings.Contains(errs, "certready schema") {
		t.Errorf("an unknown name: exit %d, %q; want 2 and a pointer to the list", code, errs)
	}
}
