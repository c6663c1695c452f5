package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/gen/crmexport"
)

// A CRM export as it comes, with only the certready.yaml that `certready
// map` writes, audits without an input error, gives the same findings as
// xlsx and as CSV, and flags exactly the rows an independent count of the
// planted defects names.

var exportAsOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

const exportRows = 700

// writeExportDossier makes a dossier around one export file; certready.yaml
// holds a comment and a threshold that map must keep.
func writeExportDossier(t *testing.T, name string, data []byte) string {
	t.Helper()
	dir := t.TempDir()
	var ch, cat strings.Builder
	for _, c := range crmexport.Channels {
		fmt.Fprintf(&ch, "- id: %s\n  type: other\n  name: %s\n", c, c)
	}
	for _, c := range crmexport.Categories {
		fmt.Fprintf(&cat, "- code: %s\n  name: %s\n  department: 客服部\n", c, c)
	}
	files := map[string]string{
		"organisation.yaml": "name: 甬城优选超市有限公司\nuscc: 91330106058361271Y\nsector: retail\nsystem_live: 2026-01-01\n",
		"channels.yaml":     ch.String(),
		"categories.yaml":   cat.String(),
		"certready.yaml":    "# kept by certready map\nthresholds:\n  max_listed: 5000 # list every row\n",
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "export"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "export", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// mapAndAudit runs map --write, then audit, and returns the findings.
func mapAndAudit(t *testing.T, dir, export string) []audit.Finding {
	t.Helper()
	code, out, stderr := run(t, "map", filepath.Join(dir, "export", export), "--dossier", dir, "--write")
	if code != 0 {
		t.Fatalf("map exit %d: %s%s", code, out, stderr)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "certready.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{"# kept by certready map", "max_listed: 5000 # list every row", "file: export/" + export} {
		if !strings.Contains(string(cfg), keep) {
			t.Errorf("certready.yaml after map lacks %q:\n%s", keep, cfg)
		}
	}
	code, out, stderr = run(t, "audit", dir, "--as-of", "2026-11-23", "--format", "json")
	if code != 0 && code != 1 {
		t.Fatalf("audit exit %d, want 0 or 1:\n%s\n%s\ncertready.yaml:\n%s", code, stderr, out, cfg)
	}
	var r audit.Result
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	var fs []audit.Finding
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Check, "handling.") {
			fs = append(fs, f)
		}
	}
	return fs
}

// expected counts, from the planted truth alone, the rows each complaint
// rule must flag, keyed by check and the finding's record.
func expected(ex *crmexport.Export) map[string][]crmexport.Truth {
	want := map[string][]crmexport.Truth{}
	add := func(k string, t crmexport.Truth) { want[k] = append(want[k], t) }
	asOfEnd := exportAsOf.Add(24*time.Hour - time.Nanosecond)
	earliest := func(ts ...time.Time) time.Time {
		var out time.Time
		for _, x := range ts {
			if !x.IsZero() && (out.IsZero() || x.Before(out)) {
				out = x
			}
		}
		return out
	}
	// limit is "done by recv+h": a recorded time is compared, a missing
	// one counts once the limit has passed by the end of the as-of day.
	late := func(at, recv time.Time, h time.Duration) (judged, bad bool) {
		if !at.IsZero() {
			return true, at.Sub(recv) > h
		}
		if asOfEnd.After(recv.Add(h)) {
			return true, true
		}
		return false, false
	}
	seen := map[string]bool{}
	for _, t := range ex.Truth {
		if t.Received.IsZero() {
			add("handling.log-rows-readable|complaint log: missing received_at", t)
			continue
		}
		if t.Status == "" {
			add("handling.log-rows-readable|complaint log: missing status", t)
			continue
		}
		// A readable row repeating an earlier readable row's id is listed
		// and left out of every other figure.
		if id := strings.TrimSpace(t.ID); seen[id] {
			add("handling.unique-ids|complaint log: duplicate ids", t)
			continue
		} else {
			seen[id] = true
		}
		// Finished is the status model's resolved or closed, whatever
		// word the CRM wrote; a resolved complaint owes its follow-up
		// once 48 h have passed since its resolution.
		closed := t.Status == "closed"
		done := closed || t.Status == "resolved"
		due := closed || (done && (t.Resolved.IsZero() || asOfEnd.Sub(t.Resolved) > 48*time.Hour))
		open := t.Status == "open" || t.Status == "in_progress"
		missing := t.Description == "" || (t.Status != "open" && t.Steps == "") ||
			(done && t.Resolved.IsZero()) || (due && t.Satisfaction == "")
		if missing {
			add("handling.records-complete|complaint log: missing fields", t)
		}
		if done {
			if t.RootCause == "" {
				add("handling.root-cause|complaint log: root cause", t)
			}
			if t.Corrective == "" {
				add("handling.corrective-action|complaint log: corrective action", t)
			}
			if t.Decided.IsZero() {
				add("handling.decision-communicated|complaint log: decision communicated", t)
			}
			if (t.Satisfaction == "dissatisfied" || t.Satisfaction == "very_dissatisfied") && t.Recourse != "yes" {
				add("handling.recourse-offered|complaint log: recourse offered", t)
			}
		}
		if due {
			if t.FollowUp.IsZero() {
				add("handling.follow-up|complaint log: follow-up", t)
			}
			if t.Satisfaction == "" {
				add("handling.follow-up|complaint log: satisfaction", t)
			}
		}
		if t.Channel == "传真" {
			add("handling.channels-declared|channel 传真", t)
		}
		if t.Category == "其他问题" {
			add("handling.categories-declared|category 其他问题", t)
		}
		if t.USCC != "" && !t.USCCValid {
			add("handling.customer-uscc|complaint log: customer USCC", t)
		}
		if t.Risk == "high" && t.Status != "withdrawn" && t.Escalated != "yes" {
			add("handling.high-risk-escalated|complaint log: high-risk escalation", t)
		}
		consistent := true
		for _, x := range []time.Time{t.FirstResponse, t.Resolved, t.Closed, t.FollowUp, t.Decided} {
			if !x.IsZero() && x.Before(t.Received) {
				consistent = false
			}
		}
		if !consistent {
			add("handling.records-complete|complaint log: inconsistent times", t)
		}
		if t.Status == "withdrawn" || !consistent {
			continue // time limits are judged on plausible records only
		}
		if j, bad := late(earliest(t.FirstResponse, t.Resolved), t.Received, 24*time.Hour); j && bad {
			add("handling.ack-24h|complaint log: acknowledgement", t)
		}
		if j, bad := late(earliest(t.FirstResponse, t.Resolved), t.Received, 48*time.Hour); j && bad {
			add("handling.feedback-48h|complaint log: progress feedback", t)
		}
		// A high-risk row never escalated is handling.high-risk-escalated's
		// gap (above); the export keeps no escalation times, so
		// handling.escalation has no escalation to time.
		// Working-day limits: the export is made so that no limit is
		// close. Resolved within 70 h is always within 3 working days,
		// 20 days or more never; open rows are 45 days old or received on
		// the as-of day.
		end := t.Resolved
		if end.IsZero() {
			end = t.Closed
		}
		fresh := t.Received.After(exportAsOf)
		if !t.Complex {
			if (!end.IsZero() && end.Sub(t.Received) > 20*24*time.Hour) || (end.IsZero() && !fresh) {
				add("handling.simple-3wd|complaint log: simple resolution", t)
			}
		}
		if open && !fresh {
			add("handling.overdue-open|complaint log: overdue", t)
		}
	}
	return want
}

type flagged struct {
	check, record, severity string
	count                   int
	ids                     []string
	rows                    []int
}

func summarise(t *testing.T, fs []audit.Finding) map[string]flagged {
	t.Helper()
	out := map[string]flagged{}
	for _, f := range fs {
		k := f.Check + "|" + f.Record
		fl := flagged{check: f.Check, record: f.Record, severity: f.Severity.String(), count: f.Count}
		for _, r := range f.Rows {
			fl.ids = append(fl.ids, r.ID)
			n := r.Pos.Row
			if r.Pos.Cell != "" {
				n, _ = strconv.Atoi(strings.TrimLeft(r.Pos.Cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
			}
			fl.rows = append(fl.rows, n)
		}
		if _, dup := out[k]; dup {
			t.Errorf("two findings of %s", k)
		}
		out[k] = fl
	}
	return out
}

func TestAMessyCRMExportMappedByMapAuditsAlikeAsXLSXAndCSVAndFlagsThePlantedRows(t *testing.T) {
	ex := crmexport.Generate(exportRows, 7, exportAsOf)
	book, err := ex.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]flagged{}
	for name, data := range map[string][]byte{"工单导出.csv": ex.CSV(), "工单导出.xlsx": book} {
		dir := writeExportDossier(t, name, data)
		got[filepath.Ext(name)] = summarise(t, mapAndAudit(t, dir, name))
	}
	csv, xlsx := got[".csv"], got[".xlsx"]
	for k, c := range csv {
		x, ok := xlsx[k]
		switch {
		case !ok:
			t.Errorf("%s: a finding from the CSV only", k)
		case c.severity != x.severity || c.count != x.count || !slices.Equal(c.ids, x.ids) || !slices.Equal(c.rows, x.rows):
			t.Errorf("%s differs:\ncsv  %s %d %v rows %v\nxlsx %s %d %v rows %v", k, c.severity, c.count, c.ids, c.rows, x.severity, x.count, x.ids, x.rows)
		}
	}
	for k := range xlsx {
		if _, ok := csv[k]; !ok {
			t.Errorf("%s: a finding from the xlsx only", k)
		}
	}

	want := expected(ex)
	// The export's "done" words include 已办结 and 已解决, which map to
	// resolved: the follow-through and the 7.8/7.9 rules must reach those
	// rows, not only the 已结案 ones.
	for _, k := range []string{"handling.root-cause|complaint log: root cause", "handling.follow-up|complaint log: follow-up",
		"handling.decision-communicated|complaint log: decision communicated", "handling.recourse-offered|complaint log: recourse offered"} {
		resolved := 0
		for _, tr := range want[k] {
			if tr.Status == "resolved" {
				resolved++
			}
		}
		if resolved == 0 {
			t.Errorf("%s: the export plants no resolved row for it; the test would not show the status model", k)
		}
	}
	for k, ts := range want {
		f, ok := csv[k]
		if !ok {
			t.Errorf("%s: no finding, want %d rows", k, len(ts))
			continue
		}
		var ids []string
		var rows []int
		for _, tr := range ts {
			ids = append(ids, tr.ID)
			rows = append(rows, tr.Row)
		}
		if !slices.Equal(f.ids, ids) || !slices.Equal(f.rows, rows) {
			t.Errorf("%s flags\n %v rows %v\nwant\n %v rows %v", k, f.ids, f.rows, ids, rows)
		}
		if f.count != len(ts) {
			t.Errorf("%s counts %d, want %d", k, f.count, len(ts))
		}
	}
	// Every other complaint finding is one the count expects none of:
	// a field the export lacks is one not-tracked finding, never a rule
	// failing on every row; it costs what the rules it leaves unassessed
	// would (plan and updates: the complex-plan rule of 7.6, major).
	for k, f := range csv {
		if _, ok := want[k]; ok || f.record == "escalation mechanism" {
			continue // the dossier has no documents: not the log's doing
		}
		if f.check != "handling.not-tracked" {
			t.Errorf("unexpected finding %s (%s, %d rows)", k, f.severity, f.count)
		} else if want := notTrackedSeverity(strings.TrimPrefix(k, "handling.not-tracked|complaint log: not tracked ")); f.severity != want {
			t.Errorf("%s is %s, want %s", k, f.severity, want)
		}
	}
	for _, field := range []string{"plan", "updates"} {
		if _, ok := csv["handling.not-tracked|complaint log: not tracked "+field]; !ok {
			t.Errorf("no not-tracked observation for %s", field)
		}
	}
}

// notTrackedSeverity is what the export's untracked fields cost: plan and
// updates leave the complex-plan rule (7.6, major) unassessed; the others
// only rules that are observations themselves.
func notTrackedSeverity(field string) string {
	switch field {
	case "plan", "updates":
		return "major"
	}
	return "observation"
}
