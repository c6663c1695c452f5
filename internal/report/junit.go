package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

func init() { register("junit", FormatterFunc(formatJUnit)) }

// The JUnit XML shape read by GitLab, Jenkins and the GitHub test
// reporters. It is valid against both schemas tools validate with: the
// Jenkins xUnit junit-10.xsd and the stricter Apache Ant JUnit.xsd. Ant's
// rules shape it: <testsuites> carries no attributes (readers add up the
// suites), every suite has package, id, hostname and a timestamp, then
// properties, its test cases, system-out and system-err in that order; a
// test case holds at most one of skipped or failure and no output of its
// own, so notes about a case go to its suite's system-out.
type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Package    string          `xml:"package,attr"`
	ID         int             `xml:"id,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr"`
	Hostname   string          `xml:"hostname,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
	SystemOut  string          `xml:"system-out"`
	SystemErr  string          `xml:"system-err"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Skipped   *junitMessage `xml:"skipped"`
	Failure   *junitMessage `xml:"failure"`
}

// junitMessage's body is CDATA so that its lines stay lines for a person
// opening the file; xmlSafe has removed what CDATA cannot hold.
type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",cdata"`
}

// junitHost is the hostname Ant's schema requires; the schema's own advice
// for an unknown host, and a real one would make the file differ between
// machines and name the machine.
const junitHost = "localhost"

// formatJUnit writes one test suite per clause and one test case per check
// citing it, so a CI dashboard shows readiness clause by clause. A check
// citing two clauses appears in both suites: each clause's pass rate is
// then what the auditor would see for that clause. A check with open or
// baseline-known findings fails with one <failure>: common report actions
// show only the first failure of a case, so all the check's findings are
// joined in its body, worst first in the engine's order, and its type is
// the worst severity. Waived and not-applicable checks are skipped.
// Durations are zero: the audit is not a timed test run, and a real clock
// would break byte-stable output; the timestamp is the as-of date.
func formatJUnit(w io.Writer, r *audit.Result, o Options) error {
	doc := junitDoc(r, o)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	return nil
}

func junitDoc(r *audit.Result, o Options) junitSuites {
	lang := o.Lang
	byCheck := map[string][]*audit.Finding{}
	for i := range r.Findings {
		f := &r.Findings[i]
		byCheck[f.Check] = append(byCheck[f.Check], f)
	}
	var doc junitSuites
	// Ant's schema requires a timestamp; a Result without an as-of date
	// (never one from audit) gets the epoch rather than the clock.
	stamp := "1970-01-01T00:00:00"
	if r.AsOf != "" {
		stamp = r.AsOf + "T00:00:00"
	}
	// Ant's <testsuites> may carry no attribute, so a partial audit says so
	// in a property of every suite.
	props := func(node vocab.NodeRef) []junitProperty {
		ps := []junitProperty{{"node", node.ID}, {"standard", standardName(o)}, {"as_of", r.AsOf}, {"verdict", string(r.Verdict)}}
		if r.Partial {
			ps = append(ps, junitProperty{"partial_audit", partialLine(o, r)})
		}
		return ps
	}
	for _, node := range resultNodes(r) {
		s := junitSuite{
			Name: nodeHeading(o, node), Package: "certready", ID: len(doc.Suites),
			Time: "0", Timestamp: stamp, Hostname: junitHost, Properties: props(node),
		}
		var notes []string
		for i := range r.Checks {
			cr := &r.Checks[i]
			if !citesNode(cr.Nodes, node.ID) {
				continue
			}
			tc := junitCase{Name: cr.ID + " " + cr.Title.In(lang), Classname: checkFamily(cr.ID), Time: "0"}
			var waived, failing []*audit.Finding
			for _, f := range byCheck[cr.ID] {
				switch f.State {
				case "waived":
					waived = append(waived, f)
				default: // open, known
					failing = append(failing, f)
				}
			}
			tc.Failure = junitFailure(r, failing, o)
			switch cr.Status {
			case audit.NotApplicable:
				tc.Skipped = &junitMessage{Message: notApplicableText(cr.ID, r.Jurisdiction, o)}
			case audit.Waived:
				if tc.Failure == nil {
					tc.Skipped = &junitMessage{Message: xmlSafe(waivedText(waived, o))}
				}
			case audit.NeedsEvidence:
				notes = append(notes, cr.ID+": "+L(o, "Needs evidence: ", "待提供证据：")+cr.Evidence.In(lang))
			}
			if len(waived) > 0 && tc.Skipped == nil {
				notes = append(notes, cr.ID+": "+waivedText(waived, o))
			}
			s.Tests++
			if tc.Failure != nil {
				s.Failures++
			} else if tc.Skipped != nil {
				s.Skipped++
			}
			s.Cases = append(s.Cases, tc)
		}
		if len(notes) > 0 {
			s.SystemOut = xmlSafe(strings.Join(notes, "\n") + "\n")
		}
		doc.Suites = append(doc.Suites, s)
	}
	// A requirement no check assessed is a skipped case, so a CI report
	// shows what was never looked at.
	for _, tc := range r.Coverage {
		for _, n := range tc.Nodes {
			if n.Status != audit.NodeNotAssessed {
				continue
			}
			s := junitSuite{
				Name: nodeHeading(o, n.NodeRef), Package: "certready", ID: len(doc.Suites),
				Time: "0", Timestamp: stamp, Hostname: junitHost, Properties: props(n.NodeRef), Tests: 1, Skipped: 1,
				Cases: []junitCase{{Name: n.ID + " " + L(o, "not assessed", "未评价"), Classname: "coverage", Time: "0",
					Skipped: &junitMessage{Message: xmlSafe(n.Why.In(lang))}}},
			}
			doc.Suites = append(doc.Suites, s)
		}
	}
	return doc
}

// citesNode reports whether refs include the node id.
func citesNode(refs []vocab.NodeRef, id string) bool {
	for _, n := range refs {
		if n.ID == id {
			return true
		}
	}
	return false
}

// resultNodes lists the nodes the run's checks cite, in the order
// findings are grouped: the standard's clauses, then the scheme's nodes.
func resultNodes(r *audit.Result) []vocab.NodeRef {
	var out []vocab.NodeRef
	seen := map[string]bool{}
	for _, cr := range r.Checks {
		for _, n := range cr.Nodes {
			if !seen[n.ID] {
				seen[n.ID] = true
				out = append(out, n)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return nodeLess(out[i], out[j]) })
	return out
}

// junitFailure joins a check's failing findings into the one failure its
// test case may hold: the message is the first finding's, with a count of
// the others; the body gives each finding in full.
func junitFailure(r *audit.Result, fs []*audit.Finding, o Options) *junitMessage {
	if len(fs) == 0 {
		return nil
	}
	worst := fs[0].Severity
	for _, f := range fs {
		if f.Severity > worst {
			worst = f.Severity
		}
	}
	msg := fs[0].Message.In(o.Lang)
	if len(fs) > 1 {
		msg += L(o, " (and "+vocab.Count(len(fs)-1, "more finding", "more findings")+")", fmt.Sprintf("（另有 %d 项发现）", len(fs)-1))
	}
	var body strings.Builder
	for i, f := range fs {
		if len(fs) > 1 {
			if i > 0 {
				body.WriteString("\n")
			}
			fmt.Fprintf(&body, "%d/%d %s: %s\n", i+1, len(fs), f.Severity.Label(o.Lang), f.Message.In(o.Lang))
		}
		body.WriteString(failureBody(r, f, o))
	}
	return &junitMessage{Message: xmlSafe(msg), Type: worst.String(), Body: xmlSafe(body.String())}
}

// checkFamily is the part of a check ID before the first dot ("handling"
// for "handling.ack-24h"): the file of checks it belongs to.
func checkFamily(id string) string {
	if i := strings.IndexByte(id, '.'); i > 0 {
		return id[:i]
	}
	return id
}

// failureBody says where the gap is and what closes it, in the order a
// person fixing it needs: place, state, rows, evidence, remedy.
func failureBody(r *audit.Result, f *audit.Finding, o Options) string {
	lang := o.Lang
	var b strings.Builder
	line := func(label, v string) {
		if v != "" {
			b.WriteString(label)
			b.WriteString(v)
			b.WriteString("\n")
		}
	}
	line(L(o, "Where: ", "位置："), f.Where)
	line(L(o, "Record: ", "记录："), r.FindingRecord(f, lang))
	if f.State == "known" {
		line(L(o, "State: ", "状态："), L(o, "known from the baseline", "基线中已存在"))
	}
	if f.Count > 1 {
		line(L(o, "Count: ", "数量："), fmt.Sprint(f.Count))
	}
	for _, row := range f.Rows {
		line("  - ", strings.TrimSpace(row.ID+" "+row.Pos.String()))
	}
	line(L(o, "Requirements: ", "要求："), strings.Join(vocab.RequirementLegend(o.Lang, f.Requirements), L(o, "; ", "；")))
	line(L(o, "Cites: ", "依据条款："), cite(o, f.Nodes))
	line(L(o, "Basis: ", "依据："), basisText(o, f.Basis, f.BasisNote))
	line(L(o, "Evidence expected: ", "应有证据："), f.Evidence.In(lang))
	line(L(o, "Remedy: ", "整改建议："), f.Remedy.In(lang))
	return b.String()
}

func waivedText(fs []*audit.Finding, o Options) string {
	var js []string
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Waiver != nil && !seen[f.Waiver.Justification] {
			seen[f.Waiver.Justification] = true
			js = append(js, f.Waiver.Justification)
		}
	}
	s := L(o, "waived ("+vocab.Count(len(fs), "finding")+")", fmt.Sprintf("已豁免（%d 项发现）", len(fs)))
	if len(fs) == 1 {
		s = L(o, "waived (1 finding)", "已豁免（1 项发现）")
	}
	if len(js) > 0 {
		s += L(o, ": ", "：") + strings.Join(js, "; ")
	}
	return s
}

func notApplicableText(id, jurisdiction string, o Options) string {
	c, ok := checks.ByID(id)
	if ok && len(c.Sectors) > 0 && (c.Jurisdiction == "" || c.Jurisdiction == jurisdiction) {
		names := make([]string, len(c.Sectors))
		for i, sec := range c.Sectors {
			names[i] = sec
			if zh := dossier.EnumLabelsZH["sector"][sec]; o.Lang == "zh" && zh != "" {
				names[i] = zh
			}
		}
		return fmt.Sprintf(L(o, "not applicable: applies only to the sector %s", "不适用：仅适用于行业 %s"), strings.Join(names, L(o, ", ", "、")))
	}
	if ok && c.Jurisdiction != "" {
		return fmt.Sprintf(L(o, "not applicable: applies only in jurisdiction %q (this dossier: %q)", "不适用：仅适用于司法辖区 %q（本档案：%q）"), c.Jurisdiction, jurisdiction)
	}
	return L(o, "not applicable", "不适用")
}

func containsStr(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// xmlSafe drops the characters XML 1.0 cannot carry (most C0 controls),
// which a spreadsheet cell quoted into a message may contain; encoding/xml
// would otherwise turn each into U+FFFD.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, s)
}
