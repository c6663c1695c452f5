package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
)

// examplesDir is the committed examples directory, from this package.
var examplesDir = filepath.Join("..", "..", "..", "examples")

// handWritten are the files under examples/ the generator does not write.
var handWritten = map[string]bool{"README.md": true}

func TestCommittedExamplesAreWhatTheGeneratorWrites(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(tmp); err != nil {
		t.Fatal(err)
	}
	fresh := readTree(t, tmp)
	committed := readTree(t, examplesDir)
	for name, want := range fresh {
		got, ok := committed[name]
		switch {
		case !ok:
			t.Errorf("examples/%s is generated but not committed; run go run ./internal/gen/examples", name)
		case !bytes.Equal(got, want):
			t.Errorf("examples/%s differs from a fresh generation; run go run ./internal/gen/examples", name)
		}
	}
	for name := range committed {
		if _, ok := fresh[name]; !ok && !handWritten[name] {
			t.Errorf("examples/%s is committed but no longer generated; delete it", name)
		}
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	a, err := build()
	if err != nil {
		t.Fatal(err)
	}
	b, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("two runs wrote %d and %d files", len(a), len(b))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// loadExample loads a committed example and reads its whole complaint log,
// failing on any input error.
func loadExample(t *testing.T, path string) (*dossier.Dossier, []dossier.Complaint) {
	t.Helper()
	res, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	if err := load.ScanLog(res.Dossier, 50, func(int) {}); err != nil {
		t.Fatalf("complaint log of %s: %v", path, err)
	}
	var rows []dossier.Complaint
	if err := res.Dossier.Complaints.Each(func(c *dossier.Complaint) error {
		rows = append(rows, *c)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return res.Dossier, rows
}

func TestExamplesLoadWithoutErrors(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		minRows int
	}{
		{"the ready organisation's directory loads with its CSV log", filepath.Join(examplesDir, "ready-org"), 240},
		{"the gappy organisation's workbook loads with its log sheet", filepath.Join(examplesDir, "gappy-org.xlsx"), 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rows := loadExample(t, tt.path)
			if len(rows) < tt.minRows {
				t.Errorf("complaint log has %d rows, want at least %d", len(rows), tt.minRows)
			}
			for _, rt := range dossier.Types() {
				if !d.Present[rt.Name] {
					t.Errorf("record type %s is missing", rt.Name)
				}
			}
		})
	}
}

func TestReadyOrgIsConsistent(t *testing.T) {
	d, rows := loadExample(t, filepath.Join(examplesDir, "ready-org"))
	if r := cn.ValidateUSCC(d.Organisation.USCC); !r.Valid || len(r.Warnings) > 0 {
		t.Errorf("USCC %s: problems %v, warnings %v", d.Organisation.USCC, r.Problems, r.Warnings)
	}
	for path, ev := range d.Evidence {
		if !ev.Exists {
			t.Errorf("evidence %s is referenced but missing", path)
		}
	}
	declared := func(ids []string) map[string]bool {
		m := map[string]bool{}
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	var chans, cats, people []string
	for _, c := range d.Channels {
		chans = append(chans, c.ID)
	}
	for _, c := range d.Categories {
		cats = append(cats, c.Code)
	}
	for _, p := range d.People {
		if p.Handler {
			people = append(people, p.ID)
		}
	}
	ch, ca, hs := declared(chans), declared(cats), declared(people)
	asOfEnd := asOf.In(d.Location).AddDate(0, 0, 1)
	statuses := map[string]int{}
	for _, c := range rows {
		statuses[c.Status]++
		if !ch[c.Channel] || !ca[c.Category] || !hs[c.Handler] {
			t.Errorf("%s uses an undeclared channel %q, category %q or handler %q", c.ID, c.Channel, c.Category, c.Handler)
		}
		for _, at := range []time.Time{c.ReceivedAt, c.AcknowledgedAt, c.FirstResponseAt, c.ResolvedAt, c.ClosedAt, c.FollowUpAt, c.DecisionCommunicatedAt} {
			if !at.Before(asOfEnd) {
				t.Errorf("%s has a time %s after the as-of date", c.ID, at)
			}
		}
		if c.Risk == "high" && (c.EscalatedAt.IsZero() || c.EscalatedAt.Sub(c.ReceivedAt) > 3*time.Hour) {
			t.Errorf("%s is high-risk but not escalated within hours", c.ID)
		}
		finished := c.Status == "closed" || c.Status == "resolved"
		if finished && (c.Satisfaction == "dissatisfied" || c.Satisfaction == "very_dissatisfied") && c.RecourseOffered != dossier.Yes {
			t.Errorf("%s: finished with a dissatisfied complainant not told of recourse", c.ID)
		}
		if finished && (c.DecisionCommunicatedAt.IsZero() || c.DecisionCommunicatedAt.Before(c.ResolvedAt)) {
			t.Errorf("%s: finished without the decision communicated after resolution (%s)", c.ID, c.DecisionCommunicatedAt)
		}
		if c.Status == "closed" && (c.RootCause == "" || c.CorrectiveAction == "" || c.FollowUpAt.IsZero()) {
			t.Errorf("%s is closed without root cause, action or follow-up", c.ID)
		}
	}
	if statuses["closed"] < len(rows)*9/10 || statuses["in_progress"] == 0 {
		t.Errorf("statuses %v: want mostly closed and a few in progress", statuses)
	}
}

func TestGappyOrgPlantsItsGaps(t *testing.T) {
	d, rows := loadExample(t, filepath.Join(examplesDir, "gappy-org.xlsx"))
	r := cn.ValidateUSCC(d.Organisation.USCC)
	if len(r.Problems) != 1 || r.Problems[0].Code != "check" {
		t.Errorf("USCC %s: want only a check-character problem, got %v", d.Organisation.USCC, r.Problems)
	}
	var missing []string
	for path, ev := range d.Evidence {
		if !ev.Exists {
			missing = append(missing, path)
		}
	}
	if len(missing) != 1 || missing[0] != gappyMissingFile {
		t.Errorf("missing evidence %v, want only %s", missing, gappyMissingFile)
	}
	if len(d.Reviews) != 0 {
		t.Errorf("%d management reviews, want none", len(d.Reviews))
	}
	byID := map[string]dossier.Complaint{}
	for _, c := range rows {
		byID[c.ID] = c
	}
	tests := []struct {
		name string
		id   string
		ok   func(c dossier.Complaint) bool
	}{
		{"a high-risk complaint is not escalated", gappyNotEscalated, func(c dossier.Complaint) bool { return c.Risk == "high" && c.EscalatedAt.IsZero() }},
		{"a dissatisfied complainant's complaint is closed without recourse offered", gappyNoRecourse, func(c dossier.Complaint) bool {
			return c.Status == "closed" && c.Satisfaction == "dissatisfied" && c.RecourseOffered == dossier.No
		}},
		{"a closed complaint records no communication of the decision", "YW2026-0007", func(c dossier.Complaint) bool {
			return c.Status == "closed" && c.DecisionCommunicatedAt.IsZero()
		}},
		{"a simple complaint is still in progress", gappyOverdue, func(c dossier.Complaint) bool {
			return c.Status == "in_progress" && c.Complexity == "simple" && c.ResolvedAt.IsZero()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := byID[tt.id]
			if !ok || !tt.ok(c) {
				t.Errorf("row %s does not carry the gap: %+v", tt.id, c)
			}
		})
	}
}

func TestGappyLogMixesExcelDatesAndText(t *testing.T) {
	f, err := excelize.OpenFile(filepath.Join(examplesDir, "gappy-org.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("投诉记录", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, text := 0, 0
	for _, row := range rows[2:] { // title and header rows first
		switch v := row[1]; {
		case strings.Contains(v, "/"):
			text++
		case v != "" && !strings.ContainsAny(v, "-:"):
			serial++
		}
	}
	if serial == 0 || text == 0 {
		t.Errorf("received_at holds %d Excel serials and %d text dates; want both", serial, text)
	}
}
