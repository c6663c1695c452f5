package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/testtool"
)

func TestHTMLOutputMatchesGoldenFiles(t *testing.T) {
	golden(t, "html_en.html", render(t, "html", sampleResult(true, false), Options{Lang: "en", Standard: "gbt19012"}))
	golden(t, "html_zh_baseline.html", render(t, "html", sampleResult(false, true), Options{Lang: "zh", Standard: "iso10002"}))
}

func TestHTMLIsTheSameBytesForTheSameResult(t *testing.T) {
	a := render(t, "html", sampleResult(true, false), Options{Lang: "zh"})
	b := render(t, "html", sampleResult(true, false), Options{Lang: "zh"})
	if !bytes.Equal(a, b) {
		t.Error("two renders of one Result differ")
	}
}

func TestHTMLEscapesWhatTheRecordsSay(t *testing.T) {
	r := sampleResult(true, false)
	r.Organisation.Name = `<img src=x onerror=alert(1)>`
	r.Findings[0].Message.EN = `</script><script>alert("x")</script>`
	r.Findings[0].Rows = append(r.Findings[0].Rows, r.Findings[2].Rows[0])
	r.Findings[0].Rows[0].ID = `"><b>C-1`
	r.KPIs.ByChannel[0].Key = `<svg onload=alert(1)>`
	out := string(render(t, "html", r, Options{Lang: "en"}))
	for _, bad := range []string{`<img src=x`, `<script>alert`, `"><b>C-1`, `<svg onload`} {
		if strings.Contains(out, bad) {
			t.Errorf("record text %q reached the page as markup", bad)
		}
	}
	for _, want := range []string{`&lt;img src=x onerror=alert(1)&gt;`, `&lt;/script&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`, `&lt;svg onload=alert(1)&gt;`} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks the escaped text %s", want)
		}
	}
}

// TestHTMLLoadsNothingFromOutside: a report mailed to a client must open
// offline and must not tell anyone that it was opened.
func TestHTMLLoadsNothingFromOutside(t *testing.T) {
	out := string(render(t, "html", sampleResult(true, false), Options{Lang: "en"}))
	for _, re := range []string{`(?i)<link\b`, `(?i)\bsrc\s*=`, `(?i)href="[^#"]`, `(?i)url\(`, `(?i)@import`, `(?i)xlink:href`} {
		if m := regexp.MustCompile(re).FindString(out); m != "" {
			t.Errorf("page refers outside itself: %s", m)
		}
	}
	if !strings.Contains(out, `default-src 'none'`) {
		t.Error("page has no policy forbidding fetches")
	}
}

func TestHTMLIsInTheReadersLanguage(t *testing.T) {
	zh := string(render(t, "html", sampleResult(true, false), Options{Lang: "zh"}))
	for _, want := range []string{`<html lang="zh-CN">`, "投诉处理认证准备度评估", "尚不具备申请条件", "严重不符合", "食品经营许可证 JY133 已于 2026-10-01 到期。", "各渠道投诉数量", "申请材料清单"} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh page lacks %q", want)
		}
	}
	// The page's visible text, tags, script and code (check ids) aside, has
	// no English word of the fixed UI.
	text := regexp.MustCompile(`(?s)<script>.*?</script>|<style>.*?</style>|<code[^>]*>[^<]*</code>|<[^>]*>`).ReplaceAllString(zh, " ")
	for _, en := range []string{"Findings", "Severity", "Verdict", "Score", "Remedy", "Evidence", "Complaints", "major", "minor", "observation", "Search", "All"} {
		if regexp.MustCompile(`\b` + en + `\b`).MatchString(text) {
			t.Errorf("zh page shows the English word %q", en)
		}
	}
}

// ---- in a real browser ----

// browserDOM opens the page in headless Chromium, lets its script run and
// returns the DOM as the browser left it. query is appended to the URL
// (e.g. "?severity=major"). SCREENSHOT_DIR, when set, also receives a
// screenshot of the page for a person to look at.
func browserDOM(t *testing.T, chromium, page, query string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000"}
	url := "file://" + filepath.ToSlash(page) + query
	out, err := exec.CommandContext(ctx, chromium, append(args, "--dump-dom", url)...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("chromium --dump-dom %s: %v\n%s", url, err, stderr)
	}
	if dir := os.Getenv("SCREENSHOT_DIR"); dir != "" {
		shot := filepath.Join(dir, strings.TrimSuffix(filepath.Base(page), ".html")+strings.NewReplacer("?", "_", "=", "-", "&", "_").Replace(query)+".png")
		if b, err := exec.CommandContext(ctx, chromium, append(args, "--window-size=1280,3000", "--screenshot="+shot, url)...).CombinedOutput(); err != nil {
			t.Logf("screenshot: %v\n%s", err, b)
		}
	}
	return string(out)
}

var (
	domRow    = regexp.MustCompile(`<tr class="finding[^"]*" data-severity="([a-z]+)" data-clauses="([^"]*)" data-basis="[a-z]*" data-state="([a-z]+)"( hidden="")?>`)
	domCount  = regexp.MustCompile(`data-count="([a-z_]+)"><b>(\d+)</b>`)
	domOption = regexp.MustCompile(`<option value="([a-z]+)" data-rows="(\d+)" data-open="(\d+)">`)
	domShown  = regexp.MustCompile(`<span id="shown" data-total="(\d+)" data-shown="(\d+)">(\d+)</span>`)
)

type domFinding struct {
	severity, clauses, state string
	hidden                   bool
}

func domFindings(dom string) []domFinding {
	var out []domFinding
	for _, m := range domRow.FindAllStringSubmatch(dom, -1) {
		out = append(out, domFinding{m[1], m[2], m[3], m[4] != ""})
	}
	return out
}

// pageReady fails the test unless the page's script ran to its end and
// recorded no error.
func pageReady(t *testing.T, dom string) {
	t.Helper()
	if m := regexp.MustCompile(`data-js-errors="([^"]*)"`).FindStringSubmatch(dom); m != nil {
		t.Fatalf("the page reported errors: %s", m[1])
	}
	if !strings.Contains(dom, `data-ready="true"`) {
		t.Fatalf("the page's script did not finish:\n%.2000s", dom)
	}
}

// browserCases are the pages the browser test opens: the fixture Result,
// and the real audit of the gappy example workbook.
func browserCases(t *testing.T) map[string]*audit.Result {
	return map[string]*audit.Result{
		"fixture": sampleResult(true, false),
		"gappy":   auditExample(t, "../../examples/gappy-org.xlsx", nil),
	}
}

func TestHTMLInHeadlessChromium(t *testing.T) {
	chromium := testtool.Path(t, "chromium")
	dir := t.TempDir()
	for name, r := range browserCases(t) {
		// The counts the page must show are the JSON report's.
		var js struct {
			Counts   map[string]int `json:"counts"`
			Findings []struct {
				Severity string `json:"severity"`
				State    string `json:"state"`
			} `json:"findings"`
		}
		if err := json.Unmarshal(render(t, "json", r, Options{}), &js); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "zh"} {
			page := filepath.Join(dir, name+"_"+lang+".html")
			if err := os.WriteFile(page, render(t, "html", r, Options{Lang: lang}), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run(name+" "+lang+" renders without errors and shows the JSON report's counts", func(t *testing.T) {
				dom := browserDOM(t, chromium, page, "")
				pageReady(t, dom)
				if lang == "zh" && !strings.Contains(dom, "投诉处理认证准备度评估") || lang == "en" && !strings.Contains(dom, "Complaints-handling readiness") {
					t.Errorf("%s page lacks its title", lang)
				}
				shown := map[string]int{}
				for _, m := range domCount.FindAllStringSubmatch(dom, -1) {
					shown[m[1]], _ = strconv.Atoi(m[2])
				}
				for _, k := range []string{"major", "minor", "observation", "waived", "known", "needs_evidence"} {
					if shown[k] != js.Counts[k] {
						t.Errorf("page shows %d %s, JSON report %d", shown[k], k, js.Counts[k])
					}
				}
				// The script counts rows per severity; open ones must
				// equal the JSON counts, all of them the JSON findings.
				opts := map[string][2]int{}
				for _, m := range domOption.FindAllStringSubmatch(dom, -1) {
					rows, _ := strconv.Atoi(m[2])
					open, _ := strconv.Atoi(m[3])
					opts[m[1]] = [2]int{rows, open}
				}
				for _, sev := range []string{"major", "minor", "observation"} {
					all := 0
					for _, f := range js.Findings {
						if f.Severity == sev {
							all++
						}
					}
					if opts[sev] != [2]int{all, js.Counts[sev]} {
						t.Errorf("severity filter %s counts %v rows/open, JSON report %d/%d", sev, opts[sev], all, js.Counts[sev])
					}
				}
				rows := domFindings(dom)
				if len(rows) != len(js.Findings) {
					t.Fatalf("table has %d rows, JSON report %d findings", len(rows), len(js.Findings))
				}
				for _, row := range rows {
					if row.hidden {
						t.Errorf("without a filter a row is hidden: %+v", row)
					}
				}
			})
			t.Run(name+" "+lang+" filtering by severity hides the other rows", func(t *testing.T) {
				for _, sev := range []string{"major", "minor", "observation"} {
					dom := browserDOM(t, chromium, page, "?severity="+sev)
					pageReady(t, dom)
					visible := 0
					for _, row := range domFindings(dom) {
						if row.hidden == (row.severity == sev) {
							t.Errorf("?severity=%s: a %s row has hidden=%v", sev, row.severity, row.hidden)
						}
						if !row.hidden {
							visible++
						}
					}
					m := domShown.FindStringSubmatch(dom)
					if m == nil || m[2] != strconv.Itoa(visible) || m[3] != m[2] {
						t.Errorf("?severity=%s: status %q, %d rows visible", sev, m, visible)
					}
				}
			})
		}
	}
	t.Run("clause filter and search combine", func(t *testing.T) {
		page := filepath.Join(dir, "fixture_en.html")
		dom := browserDOM(t, chromium, page, "?clauses=7.4&q=c-019")
		pageReady(t, dom)
		var visible []domFinding
		for _, row := range domFindings(dom) {
			if !row.hidden {
				visible = append(visible, row)
			}
		}
		if len(visible) != 1 || visible[0].clauses != "7.4" {
			t.Errorf("clause 7.4 and search c-019 show %+v, want the one acknowledgement finding", visible)
		}
		dom = browserDOM(t, chromium, page, "?q=no-such-text")
		for _, row := range domFindings(dom) {
			if !row.hidden {
				t.Errorf("a search matching nothing shows %+v", row)
			}
		}
	})
	t.Run("a script error is caught by the test", func(t *testing.T) {
		r := sampleResult(false, false)
		b := render(t, "html", r, Options{Lang: "en"})
		b = bytes.Replace(b, []byte(`root.setAttribute("data-ready", "true");`), []byte(`undefinedFunction();`), 1)
		page := filepath.Join(dir, "broken.html")
		if err := os.WriteFile(page, b, 0o644); err != nil {
			t.Fatal(err)
		}
		dom := browserDOM(t, chromium, page, "")
		if !strings.Contains(dom, "data-js-errors=") || !strings.Contains(dom, "undefinedFunction") {
			t.Errorf("an uncaught error left no trace in the DOM:\n%.1500s", dom)
		}
	})
}
