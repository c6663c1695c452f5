package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/testtool"
)

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// validateSARIF checks a log against the OASIS SARIF 2.1.0 schema (errata
// 01) shipped in testdata, with formats such as uri asserted.
func validateSARIF(t *testing.T, b []byte) {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			sarifSchemaErr = err
			return
		}
		defer f.Close()
		c := jsonschema.NewCompiler()
		c.AssertFormat = true
		if err := c.AddResource("sarif-schema-2.1.0.json", f); err != nil {
			sarifSchemaErr = err
			return
		}
		sarifSchema, sarifSchemaErr = c.Compile("sarif-schema-2.1.0.json")
	})
	if sarifSchemaErr != nil {
		t.Fatal(sarifSchemaErr)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sarifSchema.Validate(v); err != nil {
		t.Fatalf("SARIF schema rejects the log: %#v", err)
	}
}

func fixtureSARIF(t *testing.T, r *audit.Result, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(buildSARIF(r, o, fixtureCatalogue())); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var sarifCases = []struct {
	name string
	r    func() *audit.Result
	o    Options
}{
	{"sarif_en", func() *audit.Result { return sampleResult(false, false) }, Options{Lang: "en"}},
	{"sarif_zh_baseline", func() *audit.Result { return sampleResult(true, true) }, Options{Lang: "zh", Standard: "iso10002"}},
	{"sarif_srcroot", func() *audit.Result { return sampleResult(false, false) }, Options{Lang: "en", SourceRoot: "."}},
}

func TestSARIFOutputMatchesGoldenFiles(t *testing.T) {
	for _, c := range sarifCases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name+".json", fixtureSARIF(t, c.r(), c.o))
		})
	}
}

func TestSARIFOutputIsValidAgainstTheOfficialSchema(t *testing.T) {
	for _, c := range sarifCases {
		t.Run(c.name+" with the fixture catalogue", func(t *testing.T) {
			validateSARIF(t, fixtureSARIF(t, c.r(), c.o))
		})
		t.Run(c.name+" through the registered formatter and the real catalogue", func(t *testing.T) {
			validateSARIF(t, render(t, "sarif", c.r(), c.o))
		})
	}
	t.Run("an empty result", func(t *testing.T) {
		validateSARIF(t, render(t, "sarif", &audit.Result{Findings: []audit.Finding{}}, Options{}))
	})
}

// sarifDoc is the part of a log the assertions read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Help struct {
						Text string `json:"text"`
					} `json:"help"`
					Properties struct {
						Tags []string `json:"tags"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations           []json.RawMessage `json:"locations"`
			RelatedLocations    []json.RawMessage `json:"relatedLocations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			BaselineState       string            `json:"baselineState"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
	} `json:"runs"`
}

func parseSARIF(t *testing.T, b []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

func TestSARIFListsTheWholeCatalogueAsRules(t *testing.T) {
	d := parseSARIF(t, render(t, "sarif", sampleResult(false, false), Options{}))
	rules := d.Runs[0].Tool.Driver.Rules
	all := checks.All()
	if len(all) == 0 {
		t.Fatal("empty catalogue")
	}
	for i, c := range all {
		if rules[i].ID != c.ID {
			t.Fatalf("rule %d is %s, want %s", i, rules[i].ID, c.ID)
		}
		if want := sarifLevel(c.Severity); rules[i].DefaultConfiguration.Level != want {
			t.Errorf("%s: level %s, want %s", c.ID, rules[i].DefaultConfiguration.Level, want)
		}
		// Field placeholders read as the fill-in workbook's headers.
		if rem, ev := checks.ResolveFields(c.Remedy, nil).EN, checks.ResolveFields(c.Evidence, nil).EN; !strings.Contains(rules[i].Help.Text, rem) || !strings.Contains(rules[i].Help.Text, ev) {
			t.Errorf("%s: help lacks evidence or remedy: %q", c.ID, rules[i].Help.Text)
		}
		first := c.NodeRefs()[0].Cite("gbt19012", "en")
		if !containsStr(rules[i].Properties.Tags, c.Requirement[0]) || !containsStr(rules[i].Properties.Tags, first) || !containsStr(rules[i].Properties.Tags, "basis:"+string(c.Basis)) {
			t.Errorf("%s: tags %q lack the requirement, the node %s or the basis", c.ID, rules[i].Properties.Tags, first)
		}
	}
	// The fixture checks are not in the real catalogue: each finding still
	// gets a rule of its own after the catalogue's.
	if got, want := len(rules), len(all)+5; got != want {
		t.Errorf("%d rules, want %d (catalogue plus one per foreign check)", got, want)
	}
	for _, res := range d.Runs[0].Results {
		if rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule %d (%s)", res.RuleID, res.RuleIndex, rules[res.RuleIndex].ID)
		}
	}
}

func TestSARIFResultsCarrySeverityStateAndFingerprint(t *testing.T) {
	r := sampleResult(false, true)
	d := parseSARIF(t, fixtureSARIF(t, r, Options{Lang: "en"}))
	res := d.Runs[0].Results
	if len(res) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(res), len(r.Findings))
	}
	byCheck := map[string]int{}
	for i, x := range res {
		byCheck[x.RuleID] = i
		f := r.Findings[i]
		sum := sha256.Sum256([]byte(f.Key()))
		if x.PartialFingerprints[sarifFingerprintKey] != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: fingerprint %q is not the SHA-256 of its key", x.RuleID, x.PartialFingerprints)
		}
	}
	tests := []struct {
		name, check, level, baseline string
		suppressed                   bool
	}{
		{"a major finding is an error, new against the baseline", "org.fixture-licence", "error", "new", false},
		{"a baseline-known finding is unchanged", "docs.fixture-manual", "error", "unchanged", false},
		{"a minor finding is a warning", "handling.fixture-ack", "warning", "new", false},
		{"a waived observation is a suppressed note", "people.fixture-training", "note", "new", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := res[byCheck[tt.check]]
			if x.Level != tt.level || x.BaselineState != tt.baseline || (len(x.Suppressions) > 0) != tt.suppressed {
				t.Errorf("level %s baseline %q suppressions %+v", x.Level, x.BaselineState, x.Suppressions)
			}
			if tt.suppressed && (x.Suppressions[0].Kind != "external" || x.Suppressions[0].Justification != "Trainer booked for January") {
				t.Errorf("suppression %+v", x.Suppressions[0])
			}
		})
	}
	t.Run("without a baseline no result has a baseline state", func(t *testing.T) {
		for _, x := range parseSARIF(t, fixtureSARIF(t, sampleResult(false, false), Options{})).Runs[0].Results {
			if x.BaselineState != "" {
				t.Errorf("%s: baselineState %q", x.RuleID, x.BaselineState)
			}
		}
	})
	t.Run("rewording a message keeps the fingerprint", func(t *testing.T) {
		r2 := sampleResult(false, true)
		r2.Findings[0].Message = checks.T("Reworded.", "改写。")
		x := parseSARIF(t, fixtureSARIF(t, r2, Options{})).Runs[0].Results[0]
		if x.PartialFingerprints[sarifFingerprintKey] != res[0].PartialFingerprints[sarifFingerprintKey] {
			t.Error("fingerprint follows the wording")
		}
	})
}

func TestSARIFPlacesEachPositionShape(t *testing.T) {
	tests := []struct {
		name string
		pos  dossier.Pos
		want string
	}{
		{"a YAML position has a line and column", yamlPos,
			`{"physicalLocation":{"artifactLocation":{"uri":"licences.yaml"},"region":{"startLine":4,"startColumn":7}}}`},
		{"a CSV position has the row as its line and names the column", csvPos,
			`{"physicalLocation":{"artifactLocation":{"uri":"complaints.csv"},"region":{"startLine":12}},"message":{"text":"column \"受理时间\""}}`},
		{"an Excel position names the workbook and the sheet and cell as a logical location", excelPos,
			`{"physicalLocation":{"artifactLocation":{"uri":"dossier.xlsx"},"region":{"startLine":7,"properties":{"sheet":"Documents","cell":"C7","line":"the worksheet row of the cell"}}},"logicalLocations":[{"name":"Documents!C7","fullyQualifiedName":"dossier.xlsx!Documents!C7","kind":"element"}],"message":{"text":"Documents!C7"}}`},
		{"a whole sheet is placed on its header row", dossier.Pos{File: "dossier.xlsx", Sheet: "Reviews"},
			`{"physicalLocation":{"artifactLocation":{"uri":"dossier.xlsx"},"region":{"startLine":1,"properties":{"sheet":"Reviews","line":"the whole sheet: its header row"}}},"logicalLocations":[{"name":"Reviews","fullyQualifiedName":"dossier.xlsx!Reviews","kind":"element"}],"message":{"text":"Reviews"}}`},
		{"a Windows path uses forward slashes and a Chinese name is percent-encoded", dossier.Pos{File: `证据\执照 2026.yaml`, Line: 2},
			`{"physicalLocation":{"artifactLocation":{"uri":"%E8%AF%81%E6%8D%AE/%E6%89%A7%E7%85%A7%202026.yaml"},"region":{"startLine":2}}}`},
		{"an absolute path becomes a file URI", dossier.Pos{File: "/srv/dossiers/acme/organisation.yaml", Line: 1},
			`{"physicalLocation":{"artifactLocation":{"uri":"file:///srv/dossiers/acme/organisation.yaml"},"region":{"startLine":1}}}`},
		{"a Windows drive path becomes a file URI", dossier.Pos{File: `C:\dossiers\acme\organisation.yaml`, Line: 1},
			`{"physicalLocation":{"artifactLocation":{"uri":"file:///C:/dossiers/acme/organisation.yaml"},"region":{"startLine":1}}}`},
		{"a file without a line has no region", dossier.Pos{File: "complaints.csv"},
			`{"physicalLocation":{"artifactLocation":{"uri":"complaints.csv"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if filepath.Separator != '\\' {
				tt.pos.File = strings.ReplaceAll(tt.pos.File, `\`, "/")
			}
			loc, ok := sarifLocationOf(Options{}, tt.pos, "")
			if !ok {
				t.Fatal("no location")
			}
			b, _ := json.Marshal(loc)
			if string(b) != tt.want {
				t.Errorf("\n got %s\nwant %s", b, tt.want)
			}
		})
	}
	t.Run("no position gives no location", func(t *testing.T) {
		if _, ok := sarifLocationOf(Options{}, dossier.Pos{}, ""); ok {
			t.Error("a location for the zero position")
		}
	})
	t.Run("an Excel finding names its sheet and cell in the message", func(t *testing.T) {
		d := parseSARIF(t, fixtureSARIF(t, sampleResult(false, false), Options{}))
		for _, x := range d.Runs[0].Results {
			if x.RuleID == "docs.fixture-manual" && !strings.HasSuffix(x.Message.Text, "(Documents!C7)") {
				t.Errorf("message %q", x.Message.Text)
			}
			if x.RuleID == "handling.fixture-ack" && len(x.RelatedLocations) != 2 {
				t.Errorf("%d related locations for 2 rows", len(x.RelatedLocations))
			}
		}
	})
}

func TestSARIFPathsAreRelativeToTheRepositoryRoot(t *testing.T) {
	tests := []struct {
		name, root string
		pos        dossier.Pos
		want       string
	}{
		{"a dossier below the working directory", ".", dossier.Pos{File: "dossiers/acme/licences.yaml", Line: 3},
			`{"uri":"dossiers/acme/licences.yaml","uriBaseId":"%SRCROOT%"}`},
		{"certready run in a subdirectory of the repository", "../..", dossier.Pos{File: "../../examples/gappy-org.xlsx", Sheet: "Documents", Cell: "C7"},
			`{"uri":"examples/gappy-org.xlsx","uriBaseId":"%SRCROOT%"}`},
		{"an absolute root and path", "/work/repo", dossier.Pos{File: "/work/repo/dossier/组织.yaml", Line: 1},
			`{"uri":"dossier/%E7%BB%84%E7%BB%87.yaml","uriBaseId":"%SRCROOT%"}`},
		{"a file outside the repository keeps its own path", "repo", dossier.Pos{File: "elsewhere/x.yaml", Line: 1},
			`{"uri":"elsewhere/x.yaml"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, ok := sarifLocationOf(Options{SourceRoot: tt.root}, tt.pos, "")
			if !ok {
				t.Fatal("no location")
			}
			b, _ := json.Marshal(loc.PhysicalLocation.ArtifactLocation)
			if string(b) != tt.want {
				t.Errorf("\n got %s\nwant %s", b, tt.want)
			}
		})
	}
}

func TestSourceRootIsTheDirectoryHoldingGit(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "repo", "dossiers", "acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	// a worktree's .git is a file
	if err := os.WriteFile(filepath.Join(dir, "repo", ".git"), []byte("gitdir: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "repo", "dossiers", "acme", "book.xlsx")
	if err := os.WriteFile(book, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{book, filepath.Join(dir, "repo", "dossiers", "acme")} {
		if got := SourceRoot(p); got != filepath.Join(dir, "repo") {
			t.Errorf("SourceRoot(%s) = %q", p, got)
		}
	}
	if got := SourceRoot(filepath.Join(dir, "nowhere")); got != "" {
		t.Errorf("outside any repository: %q", got)
	}
	// relative in, relative out: this package sits two levels below the root
	if got := SourceRoot("../../examples/gappy-org.xlsx"); got != filepath.Join("..", "..") {
		t.Errorf("SourceRoot of the example = %q, want ../..", got)
	}
}

func TestEverySARIFResultForTheGappyWorkbookHasALine(t *testing.T) {
	path := "../../examples/gappy-org.xlsx"
	r := auditExample(t, path, nil)
	o := Options{Lang: "en", SourceRoot: SourceRoot(path)}
	b := render(t, "sarif", r, o)
	validateSARIF(t, b)
	var d struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs[0].Results) != len(r.Findings) || len(r.Findings) < 10 {
		t.Fatalf("%d results for %d findings", len(d.Runs[0].Results), len(r.Findings))
	}
	for i, res := range d.Runs[0].Results {
		if len(res.Locations) != 1 {
			t.Errorf("%s: %d locations", res.RuleID, len(res.Locations))
			continue
		}
		pl := res.Locations[0].PhysicalLocation
		if pl.Region == nil || pl.Region.StartLine < 1 {
			t.Errorf("%s (%s): no region.startLine", res.RuleID, r.Findings[i].Where)
		}
		if pl.ArtifactLocation.URI != "examples/gappy-org.xlsx" || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: artifact %+v, want examples/gappy-org.xlsx under %%SRCROOT%%", res.RuleID, pl.ArtifactLocation)
		}
		if cell := r.Findings[i].Pos.Cell; cell != "" && pl.Region != nil && pl.Region.StartLine != cellRow(cell) {
			t.Errorf("%s: line %d for cell %s", res.RuleID, pl.Region.StartLine, cell)
		}
	}
}

func TestRuleNamesReadAsIdentifiers(t *testing.T) {
	for id, want := range map[string]string{"handling.ack-24h": "HandlingAck24h", "org.uscc": "OrgUscc", "docs.time-limits": "DocsTimeLimits"} {
		if got := ruleName(id); got != want {
			t.Errorf("ruleName(%q) = %q, want %q", id, got, want)
		}
	}
}

// auditExample runs the real engine over a shipped example dossier, so the
// formats are checked on what the catalogue actually reports.
func auditExample(t *testing.T, path string, baseline map[string]bool) *audit.Result {
	t.Helper()
	res, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	asOf, _ := civil.Parse("2026-11-23")
	r, err := audit.Run(res.Dossier, res.Config, audit.Options{AsOf: asOf, Standard: "gbt19012", FailOn: checks.Major, Version: "test", Baseline: baseline})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFormatsOfARealAuditAreValid(t *testing.T) {
	for _, ex := range []string{"../../examples/gappy-org.xlsx", "../../examples/ready-org", "../audit/testdata/mini"} {
		t.Run(ex, func(t *testing.T) {
			r := auditExample(t, ex, nil)
			if len(r.Findings) > 0 {
				// a second run with half the findings as a baseline
				base := map[string]bool{}
				for i := 0; i < len(r.Findings); i += 2 {
					base[r.Findings[i].Key()] = true
				}
				r = auditExample(t, ex, base)
			}
			for _, lang := range []string{"en", "zh"} {
				o := Options{Lang: lang}
				validateSARIF(t, render(t, "sarif", r, o))
				d := parseSARIF(t, render(t, "sarif", r, o))
				if len(d.Runs[0].Results) != len(r.Findings) {
					t.Errorf("%d results for %d findings", len(d.Runs[0].Results), len(r.Findings))
				}
				parseJUnit(t, render(t, "junit", r, o))
				f := openXLSX(t, render(t, "xlsx", r, o))
				rows, err := f.GetRows(f.GetSheetList()[0])
				if err != nil || len(rows) != len(r.Findings)+1 {
					t.Errorf("gap register has %d rows for %d findings (%v)", len(rows), len(r.Findings), err)
				}
			}
			if xmllint, ok := testtool.Find(t, "xmllint"); ok {
				p := filepath.Join(t.TempDir(), "j.xml")
				if err := os.WriteFile(p, render(t, "junit", r, Options{Lang: "zh"}), 0o644); err != nil {
					t.Fatal(err)
				}
				xmllintBoth(t, xmllint, p)
			}
		})
	}
}
