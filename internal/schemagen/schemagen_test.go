package schemagen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/certready/certready/internal/dossier"
)

var update = flag.Bool("update", false, "rewrite schemas/*.schema.json")

func TestTheCommittedConfigSchemaMatchesTheConfigType(t *testing.T) {
	path := filepath.Join("..", "..", "schemas", ConfigName+".schema.json")
	want := ConfigSchema()
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/schemagen -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./internal/schemagen -update", path)
	}
}

func TestCommittedSchemasMatchTheFieldTable(t *testing.T) {
	for _, rt := range dossier.Types() {
		path := filepath.Join("..", "..", "schemas", rt.Name+".schema.json")
		want := Schema(rt)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/schemagen -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test ./internal/schemagen -update", path)
		}
	}
}
