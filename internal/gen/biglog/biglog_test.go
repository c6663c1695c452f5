package biglog_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/gen/biglog"
	"github.com/certready/certready/internal/load"
)

func TestNameSaysHowManyRows(t *testing.T) {
	for rows, want := range map[int]string{1_000_000: "complaints-1m", 100_000: "complaints-100k", 2_500: "complaints-2500", 7: "complaints-7"} {
		if got := biglog.Name(rows); got != want {
			t.Errorf("Name(%d) = %q, want %q", rows, got, want)
		}
	}
}

func TestTheSameSeedGivesTheSameLogAndAnotherSeedAnother(t *testing.T) {
	var a, b, c bytes.Buffer
	for _, x := range []struct {
		w    *bytes.Buffer
		seed uint64
	}{{&a, 7}, {&b, 7}, {&c, 8}} {
		if err := biglog.Generate(x.w, 200, x.seed); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two logs from seed 7 differ")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("seeds 7 and 8 gave the same log")
	}
}

// loadLog loads a dossier holding only the log at path and returns its rows.
func loadLog(t *testing.T, dir string) []dossier.Complaint {
	t.Helper()
	res, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := -1
	if err := load.ScanLog(res.Dossier, 20, func(k int) { n = k }); err != nil {
		t.Fatalf("the generated log has problems: %v", err)
	}
	var rows []dossier.Complaint
	if err := res.Dossier.Complaints.Each(func(c *dossier.Complaint) error { rows = append(rows, *c); return nil }); err != nil {
		t.Fatal(err)
	}
	if n != len(rows) {
		t.Fatalf("ScanLog counted %d rows, Each gave %d", n, len(rows))
	}
	return rows
}

func TestTheCSVAndTheWorkbookLoadCleanlyAsTheSameComplaints(t *testing.T) {
	const n = 1500
	csvDir, xlsxDir := t.TempDir(), t.TempDir()
	var buf bytes.Buffer
	if err := biglog.Generate(&buf, n, 3); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(csvDir, "complaints.csv"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := biglog.GenerateXLSX(filepath.Join(xlsxDir, "complaints.xlsx"), n, 3); err != nil {
		t.Fatal(err)
	}
	fromCSV, fromXLSX := loadLog(t, csvDir), loadLog(t, xlsxDir)
	if len(fromCSV) != n || len(fromXLSX) != n {
		t.Fatalf("rows: csv %d, xlsx %d, want %d", len(fromCSV), len(fromXLSX), n)
	}
	statuses := map[string]int{}
	for i := range fromCSV {
		c, x := fromCSV[i], fromXLSX[i]
		if f := differentField(c, x); f != "" {
			t.Fatalf("row %d differs in %s:\ncsv  %+v\nxlsx %+v", i, f, c, x)
		}
		if c.ReceivedAt.IsZero() || c.Description == "" || c.Complainant == "" || c.Phone == "" || c.Handler == "" {
			t.Fatalf("row %d lacks a field every complaint has: %+v", i, c)
		}
		if c.AcknowledgedAt.Before(c.ReceivedAt) || (!c.ResolvedAt.IsZero() && c.ResolvedAt.Before(c.FirstResponseAt)) ||
			(!c.ClosedAt.IsZero() && !c.ResolvedAt.IsZero() && c.ClosedAt.Before(c.ResolvedAt)) {
			t.Fatalf("row %d runs backwards in time: %+v", i, c)
		}
		if i > 0 && c.ReceivedAt.Before(fromCSV[i-1].ReceivedAt) {
			t.Fatalf("row %d was received before row %d", i, i-1)
		}
		statuses[c.Status]++
	}
	for _, s := range []string{"open", "in_progress", "resolved", "closed", "withdrawn"} {
		if statuses[s] == 0 {
			t.Errorf("no %s complaint in %d rows: %v", s, n, statuses)
		}
	}
	if statuses["closed"] < n/2 {
		t.Errorf("most complaints in a real log are closed: %v", statuses)
	}
}

// differentField names the first field, other than the position, in which
// two complaints differ; times compare as instants, since each load has
// its own *time.Location.
func differentField(a, b dossier.Complaint) string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		name := va.Type().Field(i).Name
		if name == "Pos" {
			continue
		}
		fa, fb := va.Field(i).Interface(), vb.Field(i).Interface()
		if ta, ok := fa.(time.Time); ok {
			if !ta.Equal(fb.(time.Time)) {
				return name
			}
			continue
		}
		if fa != fb {
			return name
		}
	}
	return ""
}

func TestTheHeaderHasEveryComplaintColumn(t *testing.T) {
	h := biglog.Header()
	fields := biglog.Fields()
	if len(h) != 29 || len(h) != len(fields) {
		t.Fatalf("%d headers for %d fields, want 29", len(h), len(fields))
	}
	for i, f := range fields {
		if h[i] != f.ZH {
			t.Errorf("column %d = %q, want %q", i+1, h[i], f.ZH)
		}
	}
}
