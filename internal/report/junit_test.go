package report

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/testtool"
)

func render(t *testing.T, format string, r *audit.Result, o Options) []byte {
	t.Helper()
	f, err := Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Format(&b, r, o); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

// junitCases renders the sample in the three variants the golden files
// hold: English GB/T labels, Chinese ISO labels, and a baseline run.
var junitCases = []struct {
	name  string
	r     func() *audit.Result
	o     Options
	known bool
}{
	{"junit_en", func() *audit.Result { return sampleResult(false, false) }, Options{Lang: "en", Standard: "gbt19012"}, false},
	{"junit_zh_iso", func() *audit.Result { return sampleResult(true, false) }, Options{Lang: "zh", Standard: "iso10002"}, false},
	{"junit_baseline", func() *audit.Result { return sampleResult(false, true) }, Options{Lang: "en"}, true},
}

func TestJUnitOutputMatchesGoldenFiles(t *testing.T) {
	for _, c := range junitCases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name+".xml", render(t, "junit", c.r(), c.o))
		})
	}
}

// junitSchemas are the two schemas CI tools validate JUnit with (sources
// in testdata/README.md).
var junitSchemas = []string{"junit-10.xsd", "JUnit.xsd"}

// xmllintBoth validates a JUnit file against the Jenkins and the Ant schema.
func xmllintBoth(t *testing.T, xmllint, path string) {
	t.Helper()
	for _, xsd := range junitSchemas {
		out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", xsd), path).CombinedOutput()
		if err != nil {
			t.Errorf("%s rejects the report: %v\n%s", xsd, err, out)
		}
	}
}

func TestJUnitOutputIsValidAgainstTheJenkinsAndAntSchemas(t *testing.T) {
	xmllint := testtool.Path(t, "xmllint")
	dir := t.TempDir()
	for _, c := range junitCases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".xml")
			if err := os.WriteFile(path, render(t, "junit", c.r(), c.o), 0o644); err != nil {
				t.Fatal(err)
			}
			xmllintBoth(t, xmllint, path)
		})
	}
	t.Run("the schemas tell a bad document from a good one", func(t *testing.T) {
		path := filepath.Join(dir, "bad.xml")
		bad := strings.Replace(string(render(t, "junit", sampleResult(false, false), Options{})), "</failure>", "</failure><failure type=\"major\"></failure>", 1)
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "JUnit.xsd"), path).CombinedOutput(); err == nil {
			t.Errorf("the Ant schema accepts two failures in one test case:\n%s", out)
		}
	})
	t.Run("a control character in a message still gives a valid document", func(t *testing.T) {
		r := sampleResult(false, false)
		r.Findings[0].Message.EN = "bad\x01\x1bcell\x00 value"
		r.Findings[0].Remedy.EN = "a CDATA end ]]> inside"
		b := render(t, "junit", r, Options{})
		path := filepath.Join(dir, "control.xml")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		s := parseJUnit(t, b)
		var msg, body string
		for _, su := range s.Suites {
			for _, c := range su.Cases {
				if strings.HasPrefix(c.Name, r.Findings[0].Check+" ") && len(c.Failures) > 0 {
					msg, body = c.Failures[0].Message, c.Failures[0].Body
				}
			}
		}
		if msg != "badcell value" || !strings.Contains(body, "a CDATA end ]]> inside") {
			t.Errorf("message %q body %q", msg, body)
		}
		xmllintBoth(t, xmllint, path)
	})
}

// parsed JUnit, as a CI reader sees it.
type jSuites struct {
	Suites []struct {
		Name      string `xml:"name,attr"`
		Tests     int    `xml:"tests,attr"`
		Failures  int    `xml:"failures,attr"`
		Skipped   int    `xml:"skipped,attr"`
		SystemOut string `xml:"system-out"`
		Cases     []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Skipped   *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			Failures []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, b []byte) jSuites {
	t.Helper()
	var s jSuites
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	return s
}

func TestJUnitHasOneSuitePerNodeAndOneCasePerCheckCitingIt(t *testing.T) {
	r := sampleResult(false, false)
	s := parseJUnit(t, render(t, "junit", r, Options{Lang: "en"}))
	var names []string
	cases := 0
	for _, su := range s.Suites {
		names = append(names, su.Name)
		cases += len(su.Cases)
	}
	want := []string{
		"GB/T 19012-2019 5.1 Context of the organization", "GB/T 19012-2019 5.3 Policy",
		"GB/T 19012-2019 6.1 General", "GB/T 19012-2019 6.4 Resources",
		"GB/T 19012-2019 7.2 Receipt of complaint", "GB/T 19012-2019 7.4 Acknowledgement of complaint",
		"GB/T 19012-2019 8.6 Management review of the complaints-handling process",
		"CB scheme S1.3 Sector permits for regulated activities",
		// a requirement no check assessed is listed too, as a skipped case
		"GB/T 19012-2019 8.4 Monitoring of the complaints-handling process",
	}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("suites:\n got %q\nwant %q", names, want)
	}
	citations := 1 // the node not assessed
	for _, cr := range r.Checks {
		citations += len(cr.Nodes)
	}
	tests := 0
	for _, su := range s.Suites {
		tests += su.Tests
	}
	if cases != citations || tests != citations {
		t.Errorf("%d test cases, tests=%d; want one per check and cited node, and one per node not assessed (%d)", cases, tests, citations)
	}
}

func TestJUnitCountsAgreeWithTheCasesTheyCount(t *testing.T) {
	for _, c := range junitCases {
		t.Run(c.name, func(t *testing.T) {
			s := parseJUnit(t, render(t, "junit", c.r(), c.o))
			for _, su := range s.Suites {
				fail, skip := 0, 0
				for _, tc := range su.Cases {
					if len(tc.Failures) > 1 || len(tc.Failures) == 1 && tc.Skipped != nil {
						t.Errorf("%s: %d failures (skipped %v) in one case", tc.Name, len(tc.Failures), tc.Skipped != nil)
					}
					if len(tc.Failures) > 0 {
						fail++
					}
					if tc.Skipped != nil {
						skip++
					}
				}
				if su.Tests != len(su.Cases) || su.Failures != fail || su.Skipped != skip {
					t.Errorf("%s: tests=%d failures=%d skipped=%d, counted %d/%d/%d", su.Name, su.Tests, su.Failures, su.Skipped, len(su.Cases), fail, skip)
				}
			}
		})
	}
}

func TestJUnitJoinsAChecksFindingsInOneFailure(t *testing.T) {
	r := sampleResult(false, false)
	second := r.Findings[0]
	second.Severity = checks.Minor
	second.Message = checks.T("Second permit JY200 expired.", "第二个许可证 JY200 已过期。")
	r.Findings = append(r.Findings, second)
	s := parseJUnit(t, render(t, "junit", r, Options{Lang: "en"}))
	var tc = s.Suites[0].Cases[0]
	for _, su := range s.Suites {
		for _, c := range su.Cases {
			if strings.HasPrefix(c.Name, "org.fixture-licence") {
				tc = c
			}
		}
	}
	if !strings.HasPrefix(tc.Name, "org.fixture-licence") || len(tc.Failures) != 1 {
		t.Fatalf("%s: %d failures", tc.Name, len(tc.Failures))
	}
	f := tc.Failures[0]
	if f.Type != "major" || f.Message != "Food operation permit JY133 expired on 2026-10-01. (and 1 more finding)" {
		t.Errorf("type %q message %q", f.Type, f.Message)
	}
	for _, want := range []string{"1/2 major: Food operation permit JY133", "2/2 minor: Second permit JY200 expired.", "Where: licences.yaml:4:7"} {
		if !strings.Contains(f.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, f.Body)
		}
	}
}

func TestJUnitReportsEachCheckOutcomeAsCIReadersExpect(t *testing.T) {
	s := parseJUnit(t, render(t, "junit", sampleResult(false, true), Options{Lang: "en"}))
	find := func(prefix string) (string, int) {
		for i, su := range s.Suites {
			for j, tc := range su.Cases {
				if strings.HasPrefix(tc.Name, prefix+" ") {
					return su.Name, i*1000 + j
				}
			}
		}
		t.Fatalf("no test case for %s", prefix)
		return "", 0
	}
	get := func(id string) (cls string, fails []string, types []string, bodies []string, skipped string, out string) {
		_, k := find(id)
		su := s.Suites[k/1000]
		tc := su.Cases[k%1000]
		for _, f := range tc.Failures {
			fails = append(fails, f.Message)
			types = append(types, f.Type)
			bodies = append(bodies, f.Body)
		}
		if tc.Skipped != nil {
			skipped = tc.Skipped.Message
		}
		return tc.Classname, fails, types, bodies, skipped, su.SystemOut
	}
	tests := []struct {
		name  string
		check func(t *testing.T)
	}{
		{"an open major finding is a failure typed major, with where, evidence and remedy in its body", func(t *testing.T) {
			cls, fails, types, bodies, skipped, _ := get("org.fixture-licence")
			if cls != "org" || len(fails) != 1 || types[0] != "major" || skipped != "" {
				t.Fatalf("classname %q failures %q types %q skipped %q", cls, fails, types, skipped)
			}
			if !strings.HasPrefix(fails[0], "Food operation permit JY133 expired") {
				t.Errorf("message %q", fails[0])
			}
			for _, want := range []string{"Where: licences.yaml:4:7", "Evidence expected: A valid permit", "Remedy: Obtain the permit."} {
				if !strings.Contains(bodies[0], want) {
					t.Errorf("body lacks %q:\n%s", want, bodies[0])
				}
			}
		}},
		{"a baseline-known finding is still a failure and says it is known", func(t *testing.T) {
			_, fails, _, bodies, _, _ := get("docs.fixture-manual")
			if len(fails) != 1 || !strings.Contains(bodies[0], "known from the baseline") {
				t.Errorf("failures %q bodies %q", fails, bodies)
			}
		}},
		{"complaint-log rows are listed in the failure body", func(t *testing.T) {
			_, _, _, bodies, _, _ := get("handling.fixture-ack")
			if !strings.Contains(bodies[0], `C-007 complaints.csv:row 12, column "受理时间"`) {
				t.Errorf("body %q", bodies[0])
			}
		}},
		{"a waived check is skipped with the justification", func(t *testing.T) {
			_, fails, _, _, skipped, _ := get("people.fixture-training")
			if len(fails) != 0 || !strings.Contains(skipped, "Trainer booked for January") {
				t.Errorf("failures %q skipped %q", fails, skipped)
			}
		}},
		{"a check outside the jurisdiction is skipped as not applicable", func(t *testing.T) {
			_, fails, _, _, skipped, _ := get("org.fixture-cn-only")
			if len(fails) != 0 || !strings.HasPrefix(skipped, "not applicable") {
				t.Errorf("failures %q skipped %q", fails, skipped)
			}
		}},
		{"a manual check passes and its suite names the evidence an auditor needs", func(t *testing.T) {
			_, fails, _, _, skipped, out := get("improvement.fixture-review")
			if len(fails) != 0 || skipped != "" || out != "improvement.fixture-review: Needs evidence: Review minutes\n" {
				t.Errorf("failures %q skipped %q system-out %q", fails, skipped, out)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.check)
	}
}

func TestJUnitUsesTheChosenLanguageAndStandard(t *testing.T) {
	b := string(render(t, "junit", sampleResult(false, false), Options{Lang: "zh", Standard: "iso10002"}))
	for _, want := range []string{`name="ISO 10002:2018 7.4 投诉的告知"`, `message="食品经营许可证 JY133 已于 2026-10-01 到期。"`, "整改建议：取得许可证。"} {
		if !strings.Contains(b, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if strings.Contains(b, "GB/T") {
		t.Error("ISO labels asked for, GB/T found")
	}
}

func TestJUnitOfACleanRunHasNoFailures(t *testing.T) {
	r := &audit.Result{AsOf: "2026-11-23", Findings: []audit.Finding{}, Checks: []audit.CheckResult{
		{ID: "org.x", Title: checks.T("X", "X"), Clauses: []string{"5.1"}, Nodes: (&checks.Check{Clauses: []string{"5.1"}}).NodeRefs(), Status: audit.Pass},
	}}
	s := parseJUnit(t, render(t, "junit", r, Options{}))
	if len(s.Suites) != 1 || s.Suites[0].Tests != 1 || s.Suites[0].Failures != 0 || len(s.Suites[0].Cases[0].Failures) != 0 {
		t.Errorf("clean run: %+v", s)
	}
}
