package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
)

var ciCases = []struct {
	name string
	r    func() *audit.Result
	o    Options
}{
	{"en", func() *audit.Result { return sampleResult(false, false) }, Options{Lang: "en"}},
	{"zh_baseline", func() *audit.Result { return sampleResult(false, true) }, Options{Lang: "zh", Standard: "iso10002"}},
}

func TestGitHubAnnotationsMatchGoldenFiles(t *testing.T) {
	for _, c := range ciCases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, "github_"+c.name+".txt", render(t, "github", c.r(), c.o))
		})
	}
}

func TestCodeQualityMatchesGoldenFiles(t *testing.T) {
	for _, c := range ciCases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, "codequality_"+c.name+".json", render(t, "codequality", c.r(), c.o))
		})
	}
}

func TestGitHubAnnotationsEscapeAsTheRunnerUnescapes(t *testing.T) {
	if got := githubData("50% done\r\nnext: a, b"); got != "50%25 done%0D%0Anext: a, b" {
		t.Errorf("data: %q", got)
	}
	if got := githubProperty("a:b,c%d\ne"); got != "a%3Ab%2Cc%25d%0Ae" {
		t.Errorf("property: %q", got)
	}
	r := sampleResult(false, false)
	r.Findings[0].Title.EN = "Permit: food, drink"
	r.Findings[0].Message.EN = "line one\nline two 100%"
	r.Findings[0].Pos = dossier.Pos{File: "dir,x/licences:1.yaml", Line: 4, Col: 7}
	out := string(render(t, "github", r, Options{Lang: "en"}))
	first := strings.SplitN(out, "\n", 2)[0]
	want := "::error file=dir%2Cx/licences%3A1.yaml,line=4,col=7,title=org.fixture-licence Permit%3A food%2C drink::line one%0Aline two 100%25%0A"
	if !strings.HasPrefix(first, want) {
		t.Errorf("\n got %s\nwant %s…", first, want)
	}
}

func TestGitHubAnnotationLevelsFollowSeverityAndState(t *testing.T) {
	out := string(render(t, "github", sampleResult(false, true), Options{Lang: "en"}))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var got []string
	for _, l := range lines {
		rest := strings.TrimPrefix(l, "::")
		got = append(got, rest[:strings.IndexAny(rest, " :")])
	}
	// licence major, manual major but known, ack minor, training waived
	// (left out), channels observation, then the summary notice.
	want := "error notice warning notice notice"
	if strings.Join(got, " ") != want {
		t.Errorf("levels %q, want %q", strings.Join(got, " "), want)
	}
	if !strings.Contains(lines[1], "(known from the baseline)") || strings.Contains(out, "people.fixture-training") {
		t.Errorf("known finding not marked, or waived finding shown:\n%s", out)
	}
	if !strings.Contains(lines[0], "file=licences.yaml,line=4,col=7,") || !strings.Contains(lines[1], "file=dossier.xlsx,line=7,") {
		t.Errorf("positions:\n%s\n%s", lines[0], lines[1])
	}
}

type cqIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func parseCQ(t *testing.T, b []byte) []cqIssue {
	t.Helper()
	var is []cqIssue
	if err := json.Unmarshal(b, &is); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	return is
}

func TestCodeQualityFingerprintsIdentifyFindingsNotWording(t *testing.T) {
	r := sampleResult(false, false)
	en := parseCQ(t, render(t, "codequality", r, Options{Lang: "en"}))
	zh := parseCQ(t, render(t, "codequality", r, Options{Lang: "zh"}))
	r2 := sampleResult(false, false)
	r2.Findings[0].Message.EN = "Food operation permit JY133 expired on 2026-10-02."
	reworded := parseCQ(t, render(t, "codequality", r2, Options{Lang: "en"}))
	seen := map[string]bool{}
	for i := range en {
		if en[i].Fingerprint != zh[i].Fingerprint || en[i].Fingerprint != reworded[i].Fingerprint {
			t.Errorf("%s: fingerprint changes with language or wording", en[i].CheckName)
		}
		if seen[en[i].Fingerprint] {
			t.Errorf("%s: fingerprint repeated", en[i].CheckName)
		}
		seen[en[i].Fingerprint] = true
	}
	// Two findings of one check on one record stay two issues.
	r3 := sampleResult(false, false)
	dup := r3.Findings[0]
	dup.Message.EN = "second gap on the same record"
	r3.Findings = append(r3.Findings, dup)
	is := parseCQ(t, render(t, "codequality", r3, Options{Lang: "en"}))
	if a, b := is[0].Fingerprint, is[len(is)-1].Fingerprint; a == b {
		t.Error("two findings on one record share a fingerprint")
	}
}

func TestCodeQualityOfTheGappyWorkbook(t *testing.T) {
	path := "../../examples/gappy-org.xlsx"
	r := auditExample(t, path, nil)
	is := parseCQ(t, render(t, "codequality", r, Options{Lang: "en", SourceRoot: SourceRoot(path)}))
	open := 0
	for _, f := range r.Findings {
		if f.State != "waived" {
			open++
		}
	}
	if len(is) != open {
		t.Fatalf("%d issues for %d findings", len(is), open)
	}
	sev := map[string]bool{"blocker": true, "minor": true, "info": true}
	for _, i := range is {
		if i.Location.Path != "examples/gappy-org.xlsx" || i.Location.Lines.Begin < 1 || !sev[i.Severity] || i.Description == "" || len(i.Fingerprint) != 64 {
			t.Errorf("issue %+v", i)
		}
	}
}
