package e2e

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// actionFile is the composite action at the repository root, as a runner
// reads it (the parts this test uses).
type actionFile struct {
	Inputs map[string]struct {
		Default  string `yaml:"default"`
		Required bool   `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID    string            `yaml:"id"`
			Name  string            `yaml:"name"`
			If    string            `yaml:"if"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Run   string            `yaml:"run"`
			Env   map[string]string `yaml:"env"`
			With  map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// actionRun is one run of the action's shell steps on this machine, with
// the GitHub environment files in a temporary directory.
type actionRun struct {
	stdout  string
	summary string
	outputs map[string]string // the action's outputs
	code    int               // exit code of the last step that ran
	failed  string            // name of the step that failed
}

// runAction executes action.yml as the runner would: the bash steps in
// order, each with its own GITHUB_OUTPUT file, ${{ }} expressions in env
// resolved from the inputs and earlier steps' outputs, GITHUB_PATH
// honoured; uses: steps (setup-go, upload-sarif) are not run here. An
// expression the test cannot evaluate fails it rather than being guessed.
func runAction(t *testing.T, root string, inputs map[string]string) actionRun {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", a.Runs.Using)
	}
	in := map[string]string{}
	for k, v := range a.Inputs {
		in[k] = v.Default
	}
	for k, v := range inputs {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("action.yml has no input %q", k)
		}
		in[k] = v
	}
	tmp := t.TempDir()
	summary := filepath.Join(tmp, "step_summary.md")
	pathFile := filepath.Join(tmp, "github_path")
	for _, f := range []string{summary, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := map[string]map[string]string{}
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			switch {
			case e == "github.action_path":
				return root
			case strings.HasPrefix(e, "inputs."):
				v, ok := in[strings.TrimPrefix(e, "inputs.")]
				if !ok {
					t.Fatalf("expression %s names no input", m)
				}
				return v
			case strings.HasPrefix(e, "steps."):
				p := strings.Split(e, ".")
				if len(p) != 4 || p[2] != "outputs" {
					t.Fatalf("unsupported expression %s", m)
				}
				return steps[p[1]][p[3]]
			}
			t.Fatalf("unsupported expression %s", m)
			return ""
		})
	}
	run := actionRun{outputs: map[string]string{}}
	var stdout bytes.Buffer
	extraPath := ""
	for i, st := range a.Runs.Steps {
		if st.Uses != "" {
			continue
		}
		if st.Shell != "bash" || st.If != "" {
			t.Fatalf("step %q: shell %q, if %q: this test runs unconditional bash steps only", st.Name, st.Shell, st.If)
		}
		out := filepath.Join(tmp, "output_"+string(rune('a'+i)))
		if err := os.WriteFile(out, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		env := append(os.Environ(),
			"GITHUB_ACTIONS=true", "GITHUB_ACTION_PATH="+root, "GITHUB_WORKSPACE="+root,
			"GITHUB_OUTPUT="+out, "GITHUB_STEP_SUMMARY="+summary, "GITHUB_PATH="+pathFile, "RUNNER_TEMP="+tmp,
			"PATH="+extraPath+os.Getenv("PATH"))
		for k, v := range st.Env {
			env = append(env, k+"="+eval(v))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		cmd := exec.CommandContext(ctx, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", st.Run)
		cmd.Dir, cmd.Env = root, env
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		run.code = cmd.ProcessState.ExitCode()
		if stderr.Len() > 0 {
			t.Logf("step %q stderr:\n%s", st.Name, stderr.String())
		}
		steps[st.ID] = readOutputs(t, out)
		if p, err := os.ReadFile(pathFile); err == nil {
			extraPath = ""
			for _, l := range strings.Split(strings.TrimSpace(string(p)), "\n") {
				if l != "" {
					extraPath = l + string(os.PathListSeparator) + extraPath
				}
			}
		}
		if err != nil {
			run.failed = st.Name
			break
		}
	}
	for k, o := range a.Outputs {
		run.outputs[k] = eval(o.Value)
	}
	s, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	run.stdout, run.summary = stdout.String(), string(s)
	return run
}

func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			t.Fatalf("%s: line %q is not name=value", path, sc.Text())
		}
		out[k] = v
	}
	return out
}

var versionInSummary = regexp.MustCompile(`certready \S+ · `)

func TestTheGitHubActionAuditsTheGappyExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds certready")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	r := runAction(t, root, map[string]string{
		"path": "examples/gappy-org.xlsx", "as-of": asOf, "output-dir": dir,
		"formats": "sarif, junit,html,codequality",
	})
	if r.failed != "Fail on findings" || r.code != 1 {
		t.Fatalf("failed at %q with %d; want the last step to fail with 1 (major findings)\n%s", r.failed, r.code, r.stdout)
	}
	want := map[string]string{"exit-code": "1", "verdict": "not_ready", "sarif": filepath.Join(dir, "certready.sarif"), "output-dir": dir}
	for k, v := range want {
		if r.outputs[k] != v {
			t.Errorf("output %s = %q, want %q", k, r.outputs[k], v)
		}
	}
	if !regexp.MustCompile(`^\d+(\.\d+)?$`).MatchString(r.outputs["score"]) {
		t.Errorf("output score = %q", r.outputs["score"])
	}
	for _, f := range []string{"certready.sarif", "certready.junit.xml", "certready.html", "certready.codequality.json", "certready.json"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("report %s not written: %v", f, err)
		}
	}
	if !strings.Contains(r.stdout, "::error file=examples/gappy-org.xlsx,line=") {
		t.Errorf("no annotation naming the workbook from the repository root in the step's output:\n%.3000s", r.stdout)
	}
	golden(t, "action_summary.en.md", []byte(versionInSummary.ReplaceAllString(r.summary, "certready VERSION · ")))

	t.Run("annotations off, Chinese, nothing fails at fail-on none", func(t *testing.T) {
		r := runAction(t, root, map[string]string{
			"path": "examples/gappy-org.xlsx", "as-of": asOf, "output-dir": t.TempDir(),
			"formats": "", "lang": "zh", "fail-on": "none", "annotations": "false",
		})
		if r.failed != "" || r.outputs["exit-code"] != "0" || r.outputs["sarif"] != "" {
			t.Errorf("failed at %q, outputs %v", r.failed, r.outputs)
		}
		if strings.Contains(r.stdout, "::error") || !strings.Contains(r.summary, "# 投诉处理认证准备度评估") {
			t.Errorf("annotations printed or summary not in Chinese:\n%.500s", r.summary)
		}
	})
	t.Run("a dossier that does not exist fails with 2 and says so in the summary", func(t *testing.T) {
		r := runAction(t, root, map[string]string{"path": "examples/no-such-dossier", "output-dir": t.TempDir()})
		if r.code != 2 || r.outputs["exit-code"] != "2" || !strings.Contains(r.summary, "could not run (exit code 2)") {
			t.Errorf("code %d outputs %v summary %q", r.code, r.outputs, r.summary)
		}
	})
}

func TestTheActionUploadsSARIFWithCodeQLv4(t *testing.T) {
	b, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, st := range a.Runs.Steps {
		if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@") {
			found = true
			if st.Uses != "github/codeql-action/upload-sarif@v4" || !strings.Contains(st.If, "inputs.upload-sarif == 'true'") || st.With["sarif_file"] != "${{ steps.audit.outputs.sarif }}" {
				t.Errorf("upload step: uses %q if %q with %v", st.Uses, st.If, st.With)
			}
		}
	}
	if !found {
		t.Error("no upload-sarif step")
	}
}

// TestTheGitLabTemplatePublishesTheReportsItWrites reads the GitLab
// template and checks that each report GitLab is told to publish is one
// the audit command writes, in the format GitLab expects there.
func TestTheGitLabTemplatePublishesTheReportsItWrites(t *testing.T) {
	b, err := os.ReadFile("../../contrib/gitlab/certready.gitlab-ci.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]struct {
		Script    []string `yaml:"script"`
		Artifacts struct {
			When    string            `yaml:"when"`
			Paths   []string          `yaml:"paths"`
			Reports map[string]string `yaml:"reports"`
		} `yaml:"artifacts"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("template: %v", err)
	}
	job, ok := doc["certready"]
	if !ok {
		t.Fatal("no certready job")
	}
	script := strings.Join(job.Script, "\n")
	want := map[string]string{"codequality": "codequality", "junit": "junit"}
	for report, format := range want {
		file := job.Artifacts.Reports[report]
		if file == "" || !strings.Contains(script, "--output "+format+"="+file) {
			t.Errorf("reports:%s is %q, not written by the script as --output %s=…", report, file, format)
		}
	}
	if job.Artifacts.When != "always" {
		t.Errorf("artifacts when %q: a failing audit must still publish its reports", job.Artifacts.When)
	}
	for _, p := range job.Artifacts.Paths {
		if !strings.Contains(script, "="+p) {
			t.Errorf("artifact %s is not written by the script", p)
		}
	}
}
