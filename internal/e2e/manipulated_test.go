package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/certready/certready/internal/audit"
)

// copyDossier copies a directory dossier so a test can manipulate it.
func copyDossier(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// edit rewrites one file of a dossier, failing when the text to replace is
// absent (so a changed example cannot turn a case into a no-op).
func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	p := filepath.Join(dir, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestManipulatedDossiersAreNeverReady alters copies of the ready example
// the ways a verdict could be gamed, and asserts each is not ready and
// names the finding that explains why.
func TestManipulatedDossiersAreNeverReady(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, dir string)
		check  string // the check whose open finding explains the verdict
		says   string // part of that finding's message
		waits  string // or: what the eligibility date waits for
	}{
		{
			name: "every controlled document an empty file",
			change: func(t *testing.T, dir string) {
				ds, _ := os.ReadDir(filepath.Join(dir, "docs"))
				for _, d := range ds {
					if err := os.Truncate(filepath.Join(dir, "docs", d.Name()), 0); err != nil {
						t.Fatal(err)
					}
				}
			},
			check: "docs.control", says: "is empty (0 bytes), a placeholder",
		},
		{
			name: "a management review that does not cover complaints handling, waived",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "reviews.yaml", "covers_complaints: yes", "covers_complaints: no")
				f, err := os.OpenFile(filepath.Join(dir, "certready.yaml"), os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if _, err := f.WriteString("waivers:\n  - check: improvement.management-review\n    justification: the board looked at complaints informally\n"); err != nil {
					t.Fatal(err)
				}
			},
			check: "improvement.management-review", says: "does not cover the complaints-handling process",
			waits: "a management review covering complaints handling",
		},
		{
			name:   "no management review at all",
			change: func(t *testing.T, dir string) { writeFile(t, dir, "reviews.yaml", "[]\n") },
			check:  "improvement.management-review", says: "No management review", waits: "a management review",
		},
		{
			name:   "a management review dated before the system went live",
			change: func(t *testing.T, dir string) { edit(t, dir, "reviews.yaml", "date: 2026-09-08", "date: 2026-01-08") },
			waits:  "a management review covering complaints handling, held after the system went live",
		},
		{
			name: "a complaint log two rows long while months of operation are claimed",
			change: func(t *testing.T, dir string) {
				b, err := os.ReadFile(filepath.Join(dir, "complaints.csv"))
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.SplitAfter(string(b), "\n")
				writeFile(t, dir, "complaints.csv", strings.Join(lines[:4], "")) // title, header, two rows
			},
			check: "handling.log-covers-operation", says: "fewer than the 3 a certification body needs",
		},
		{
			name: "every complaint carrying the same id",
			change: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "complaints.csv")
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				out := regexp.MustCompile(`(?m)^C2026-\d{4},`).ReplaceAllString(string(b), "C2026-0001,")
				if out == string(b) {
					t.Fatal("no complaint id replaced")
				}
				writeFile(t, dir, "complaints.csv", out)
			},
			check: "handling.unique-ids", says: "repeat the id of an earlier row",
		},
		{
			name:   "an internal audit of complaints handling led by the complaint manager",
			change: func(t *testing.T, dir string) { edit(t, dir, "audits.yaml", "auditor: P07", "auditor: P03") },
			check:  "improvement.audit-independence", says: "was led by P03, who belongs to the",
			waits: "by an auditor independent of the audited activity",
		},
		{
			name: "a management review with no inputs",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "reviews.yaml", "inputs: [context_changes, process_performance, audit_results, customer_feedback, improvement_opportunities, corrective_actions, resources]", "inputs: []")
			},
			check: "improvement.review-substance", says: "records no inputs",
			waits: "with its inputs and outputs recorded",
		},
		{
			name: "a management review that records no outputs and raised no action",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "reviews.yaml", "outputs: [process_improvement, resource_needs, changes, product_improvement]", "outputs: []")
				edit(t, dir, "actions.yaml", "source: MR-2026-1", "source: AR-2026Q3")
			},
			check: "improvement.review-substance", says: "records no outputs and no action comes from it",
			waits: "with its inputs and outputs recorded",
		},
		{
			name:   "no monitoring of the process reported to top management",
			change: func(t *testing.T, dir string) { writeFile(t, dir, "monitoring.yaml", "[]\n") },
			check:  "improvement.monitoring", says: "not shown to be monitored against its objectives",
		},
		{
			name: "dissatisfied complainants' complaints closed without recourse offered",
			change: func(t *testing.T, dir string) {
				// Every satisfied complainant becomes dissatisfied; the
				// recourse column stays blank and the complaints closed.
				rewriteLog(t, dir, func(col func(string) int, row []string) {
					if row[col("满意度")] == "满意" {
						row[col("满意度")], row[col("顾客最终反馈")], row[col("已告知救济途径")] = "不满意", "不接受处理结果", ""
					}
				})
			},
			check: "handling.recourse-offered", says: "complaints finished with the complainant dissatisfied record no recourse offered",
		},
		{
			name: "finished complaints with no decision communicated",
			change: func(t *testing.T, dir string) {
				rewriteLog(t, dir, func(col func(string) int, row []string) { row[col("处理决定告知时间")] = "" })
			},
			check: "handling.decision-communicated", says: "finished complaints record no time the decision was communicated",
		},
		{
			name: "every procedure a Markdown file holding only template headings",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "docs/QP-01.md", "# 投诉处理控制程序\n\n## 1 目的\n\n## 2 适用范围\n\n## 3 职责\n\n## 4 工作程序\n\n### 4.1 投诉接收\n\n### 4.2 处理时限\n\n## 5 相关记录\n")
			},
			check: "docs.control", says: "template left unfilled: its section headings have nothing written under them",
		},
		{
			name: "every procedure a Markdown file still holding fill-in markers",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "docs/QP-01.md", "# 投诉处理控制程序\n\n## 1 目的\n\n规范【请填写公司名称】的投诉处理。\n\n## 2 时限\n\n受理后 [fill in] 小时内联系投诉人。\n")
			},
			check: "docs.control", says: `line 5 still holds the fill-in marker "【请填写公司名称】"`,
		},
		{
			name: "a procedure claiming escalation and time limits whose text mentions neither",
			change: func(t *testing.T, dir string) {
				writeFile(t, dir, "docs/QP-01.md", "# 投诉处理控制程序\n\n"+
					"## 1. 投诉接收\n\n客服中心通过热线、小程序、门店和电子邮件受理投诉，收到后登记。\n\n"+
					"## 2. 分类与评估\n\n投诉按产品质量、服务态度等类别分类，受理人初步评估其复杂程度和风险等级。\n\n"+
					"## 3. 处理与执行\n\n处理人制定处理措施，由责任部门执行。\n\n"+
					"## 4. 回访与关闭\n\n处理完毕后回访顾客，结案关闭。投诉人个人信息严格保密。\n")
			},
			check: "docs.covers-text", says: "Document QP-01 claims to cover time_limits, escalation, but its text (docs/QP-01.md) never mentions them",
		},
		{
			name: "the quality manual a blank PDF",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "documents.yaml", "file: docs/QM-01.md", "file: docs/QM-01.pdf")
				writeFile(t, dir, "docs/QM-01.pdf", blankPDF)
			},
			check: "docs.control", says: "has neither text nor images, a blank placeholder",
		},
		{
			name:   "no organisation chart",
			change: func(t *testing.T, dir string) { edit(t, dir, "documents.yaml", "kind: org_chart", "kind: other") },
			check:  "docs.org-chart", says: "No organisation chart is registered",
		},
		{
			name: "an organisation chart registered over an empty file",
			change: func(t *testing.T, dir string) {
				if err := os.Truncate(filepath.Join(dir, "docs", "OC-01.md"), 0); err != nil {
					t.Fatal(err)
				}
			},
			check: "docs.control", says: "OC-01",
		},
		{
			name:   "no register of applicable laws",
			change: func(t *testing.T, dir string) { edit(t, dir, "documents.yaml", "kind: law_register", "kind: other") },
			check:  "docs.law-register", says: "No register of applicable laws",
		},
		{
			name: "a register of laws that omits the consumer-protection law",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "documents.yaml", "covers: [consumer_protection_law, personal_information_protection_law", "covers: [personal_information_protection_law")
			},
			check: "docs.law-register", says: "does not name: consumer_protection_law",
		},
		{
			name:   "no headcount declared",
			change: func(t *testing.T, dir string) { edit(t, dir, "organisation.yaml", "employees: 420\n", "") },
			check:  "org.sites-headcount", says: "number of employees is not given",
		},
		{
			name: "the decision and recourse columns declared not tracked instead of kept",
			change: func(t *testing.T, dir string) {
				edit(t, dir, "certready.yaml", "jurisdiction: cn\n", "jurisdiction: cn\ncomplaints:\n  not_tracked: [decision_communicated_at, recourse_offered]\n")
			},
			check: "handling.not-tracked", says: "is not tracked by the CRM (complaints.not_tracked); not assessed: handling.recourse-offered",
		},
		{
			name:   "the business licence file is an empty placeholder",
			change: func(t *testing.T, dir string) { truncateEvidence(t, dir, "business") },
			check:  "materials.checklist", says: "missing",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyDossier(t, examples["ready"])
			c.change(t, dir)
			_, out, errs := run(t, "audit", dir, "--as-of", asOf, "--format", "json", "--fail-on", "none")
			var r audit.Result
			if err := json.Unmarshal(out, &r); err != nil {
				t.Fatalf("audit: %v: %s", err, errs)
			}
			if r.Verdict == audit.Ready || r.Verdict == audit.ReadyMinor {
				t.Fatalf("verdict %s for a dossier an auditor would not accept", r.Verdict)
			}
			if c.check != "" {
				found := false
				for _, f := range r.Findings {
					if f.Check == c.check && f.State == "open" && strings.Contains(f.Message.EN, c.says) {
						found = true
					}
				}
				if !found {
					t.Errorf("no open %s finding saying %q", c.check, c.says)
				}
			}
			if c.waits != "" {
				found := false
				for _, w := range r.EligibleWaits {
					found = found || strings.Contains(w.EN, c.waits)
				}
				if !found || r.EligibleFrom != "" {
					t.Errorf("eligible_from %q, waits %v; want no date, waiting for %q", r.EligibleFrom, r.EligibleWaits, c.waits)
				}
			}
		})
	}
}

// rewriteLog rewrites every data row of the ready example's complaints.csv
// (a title line, then the Chinese header) through change, which finds a
// column by its header with col; it fails when the log has no data rows or
// lacks a header change asks for.
func rewriteLog(t *testing.T, dir string, change func(col func(string) int, row []string)) {
	t.Helper()
	p := filepath.Join(dir, "complaints.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("complaints.csv: %v (%d rows)", err, len(rows))
	}
	h := map[string]int{}
	for i, name := range rows[1] {
		h[name] = i
	}
	col := func(name string) int {
		i, ok := h[name]
		if !ok {
			t.Fatalf("complaints.csv has no column %q", name)
		}
		return i
	}
	for _, row := range rows[2:] {
		change(col, row)
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "complaints.csv", out.String())
}

// blankPDF is a one-page PDF with nothing on the page.
const blankPDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
	"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// truncateEvidence empties the evidence files whose name contains part.
func truncateEvidence(t *testing.T, dir, part string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(filepath.Join(dir, "evidence"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(d.Name(), part) {
			n++
			return os.Truncate(p, 0)
		}
		return err
	})
	if err != nil || n == 0 {
		t.Fatalf("no evidence file named like %q (%v)", part, err)
	}
}
