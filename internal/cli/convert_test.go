package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/templates"
)

// snapshot is a dossier with every position dropped: the records as JSON
// (Meta is not serialised), which fields each record had, the complaint
// rows with times in UTC, the evidence paths and the present types.
func snapshot(t *testing.T, path string) map[string]any {
	t.Helper()
	res, err := load.Load(path, load.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	d := res.Dossier
	out := map[string]any{}
	addList := func(name string, v any) {
		rv := reflect.ValueOf(v)
		var recs []any
		for i := 0; i < rv.Len(); i++ {
			recs = append(recs, recordSnap(t, rv.Index(i).Addr().Interface()))
		}
		out[name] = recs
	}
	if d.Organisation != nil {
		out["organisation"] = recordSnap(t, d.Organisation)
	}
	if d.Resources != nil {
		out["resources"] = recordSnap(t, d.Resources)
	}
	addList("licences", d.Licences)
	addList("documents", d.Documents)
	addList("categories", d.Categories)
	addList("people", d.People)
	addList("qualifications", d.Qualifications)
	addList("training", d.Training)
	addList("channels", d.Channels)
	addList("surveys", d.Surveys)
	addList("audits", d.Audits)
	addList("reviews", d.Reviews)
	addList("actions", d.Actions)
	addList("objectives", d.Objectives)
	addList("plan", d.Plan)
	var rows []dossier.Complaint
	if d.Complaints != nil {
		err := d.Complaints.Each(func(c *dossier.Complaint) error {
			x := *c
			x.Pos = dossier.Pos{}
			for _, tp := range []*time.Time{&x.ReceivedAt, &x.AcknowledgedAt, &x.FirstResponseAt, &x.EscalatedAt, &x.ResolvedAt, &x.ClosedAt, &x.FollowUpAt} {
				if !tp.IsZero() {
					*tp = tp.UTC()
				}
			}
			rows = append(rows, x)
			return nil
		})
		if err != nil {
			t.Fatalf("complaints of %s: %v", path, err)
		}
	}
	out["complaints"] = rows
	var ev []string
	for p := range d.Evidence {
		ev = append(ev, p)
	}
	sort.Strings(ev)
	out["evidence"] = ev
	out["present"] = d.Present
	return out
}

func recordSnap(t *testing.T, v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	m := reflect.ValueOf(v).Elem().FieldByName("Meta").Interface().(dossier.Meta)
	var has []string
	for k := range m.Fields {
		has = append(has, k)
	}
	sort.Strings(has)
	return map[string]any{"json": string(b), "has": strings.Join(has, ",")}
}

func convertOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, nil, append([]string{"convert"}, args...)...)
	if code != ExitOK {
		t.Fatalf("convert %v: exit %d\n%s%s", args, code, out, errs)
	}
	return errs
}

// dirFiles reads every file of a directory.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func diffSnapshots(t *testing.T, what string, a, b map[string]any) {
	t.Helper()
	for k := range a {
		if !reflect.DeepEqual(a[k], b[k]) {
			t.Errorf("%s: %s differs:\n%v\n%v", what, k, a[k], b[k])
		}
	}
}

// filledWorkbook is the template with the values a lossy conversion would
// garble: formula-like text, a literal leading quote, list items, a date
// before the Excel serial window, seconds, an expiry date.
func filledWorkbook(t *testing.T) string {
	book := writeTemplate(t)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	fillRow(t, f, "licences", 3, map[string]any{"type": "食品经营许可证", "number": "JY13301060284517", "valid_until": "2027-05-09", "established": "1949-10-01", "scope": "-冷藏食品"})
	fillRow(t, f, "people", 3, map[string]any{"id": "P02", "name": "'=李四", "handler": "否", "roles": "auditor; trainer", "phone": "+86 13812345678"})
	fillRow(t, f, "channels", 3, map[string]any{"id": "mail", "type": "email", "published": "website; 门店", "free": "no"})
	fillRow(t, f, "complaints", 3, map[string]any{
		"id": "C2026-0002", "received_at": "2026-08-03 09:00:30", "channel": "phone", "status": "withdrawn",
		"description": "=cmd|' /C calc'!A0", "phone": "@home", "steps": "第一步\n第二步", "updates": 2, "rehandled": "yes",
	})
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return book
}

func TestConvertRoundTripLosesNothing(t *testing.T) {
	book := filledWorkbook(t)
	tmp := t.TempDir()
	dir1, book2, dir2 := filepath.Join(tmp, "dir1"), filepath.Join(tmp, "book2.xlsx"), filepath.Join(tmp, "dir2")
	notes := convertOK(t, book, dir1)
	if !strings.Contains(notes, "evidence files are not copied") {
		t.Errorf("convert did not say evidence files are not copied: %q", notes)
	}
	convertOK(t, dir1, book2)
	convertOK(t, book2, dir2)

	a, b := dirFiles(t, dir1), dirFiles(t, dir2)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("directories hold %d and %d files", len(a), len(b))
	}
	for name, content := range a {
		if !bytes.Equal(content, b[name]) {
			t.Errorf("%s differs after workbook → dir → workbook → dir:\n%s\n---\n%s", name, content, b[name])
		}
	}
	// The loader reads a workbook's cells as they are, so the dossiers
	// compared are the two directories'; what the workbook held is checked
	// value by value below.
	diffSnapshots(t, "dir vs dir", snapshot(t, dir1), snapshot(t, dir2))

	res, err := load.Load(dir2, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Dossier
	// In a workbook a leading apostrophe before a formula character is the
	// neutralising escape (Excel itself never stores one), so '=李四 is =李四.
	if p := d.PersonByID("P02"); p == nil || p.Name != "=李四" || p.Phone != "+86 13812345678" || p.Handler || !p.HasRole("trainer") {
		t.Errorf("person P02 after the round trip: %+v", p)
	}
	if l := d.Licences[1]; l.Type != "food_operation" || l.Established.String() != "1949-10-01" || l.Scope != "-冷藏食品" || l.ValidUntil.Date.String() != "2027-05-09" {
		t.Errorf("licence after the round trip: %+v", l)
	}
	if c := d.Channels[1]; !reflect.DeepEqual(c.Published, []string{"website", "门店"}) || c.Free == nil || *c.Free {
		t.Errorf("channel after the round trip: %+v", c)
	}
	var rows []dossier.Complaint
	_ = d.Complaints.Each(func(c *dossier.Complaint) error { rows = append(rows, *c); return nil })
	// complaints.csv holds the neutralised text and the loader reads CSV
	// cells as written, so the escape is removed here as convert does.
	if len(rows) != 2 || templates.UnsafeCell(rows[1].Description) != "=cmd|' /C calc'!A0" || templates.UnsafeCell(rows[1].Phone) != "@home" || rows[1].ReceivedAt.Second() != 30 ||
		rows[1].Steps != "第一步\n第二步" || rows[1].Updates != 2 || !rows[1].Rehandled || rows[1].Status != "withdrawn" {
		t.Errorf("complaints after the round trip: %+v", rows)
	}
}

func TestConvertKeepsALiteralLeadingQuoteFromYAML(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	people := "- id: P01\n  name: \"'=李四\"\n  handler: true\n  phone: \"+86 13812345678\"\n  title: \"'plain\"\n"
	if err := os.WriteFile(filepath.Join(src, "people.yaml"), []byte(people), 0o644); err != nil {
		t.Fatal(err)
	}
	book, back := filepath.Join(tmp, "book.xlsx"), filepath.Join(tmp, "back")
	convertOK(t, src, book)
	convertOK(t, book, back)
	diffSnapshots(t, "YAML vs YAML through a workbook", snapshot(t, src), snapshot(t, back))
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("People")
	if len(rows) < 2 || !contains(rows[1], "''=李四") || !contains(rows[1], "'plain") || !contains(rows[1], "'+86 13812345678") {
		t.Errorf("People row in the workbook: %v", rows)
	}
}

func TestConvertNeutralisesFormulasInCSVAndWorkbook(t *testing.T) {
	book := filledWorkbook(t)
	tmp := t.TempDir()
	dir, book2 := filepath.Join(tmp, "dir"), filepath.Join(tmp, "book2.xlsx")
	convertOK(t, book, dir)
	convertOK(t, dir, book2)
	csvBytes, err := os.ReadFile(filepath.Join(dir, "complaints.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(csvBytes, []byte("\uFEFF")) {
		t.Errorf("complaints.csv has no UTF-8 byte-order mark")
	}
	for _, want := range []string{"'=cmd|' /C calc'!A0", "'@home"} {
		if !bytes.Contains(csvBytes, []byte(want)) {
			t.Errorf("complaints.csv lacks the neutralised %s:\n%s", want, csvBytes)
		}
	}
	f, err := excelize.OpenFile(book2)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cells []string
	for _, sheet := range []string{"Complaints", "People", "Licences"} {
		rows, _ := f.GetRows(sheet)
		for _, r := range rows {
			cells = append(cells, r...)
		}
	}
	for _, r := range [][]string{cells} {
		cells = append(cells, r...)
	}
	for _, want := range []string{"'=cmd|' /C calc'!A0", "'@home", "'=李四", "'+86 13812345678", "'-冷藏食品"} {
		if !contains(cells, want) {
			t.Errorf("converted workbook lacks the neutralised cell %q", want)
		}
	}
	for _, c := range cells {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Errorf("converted workbook has a live formula-like cell %q", c)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestConvertExamplesBothWays(t *testing.T) {
	tmp := t.TempDir()
	// The gappy workbook keeps its configuration beside it.
	gDir, gBook := filepath.Join(tmp, "gappy"), filepath.Join(tmp, "gappy.xlsx")
	convertOK(t, "../../examples/gappy-org.xlsx", gDir)
	if _, err := os.Stat(filepath.Join(gDir, "certready.yaml")); err != nil {
		t.Errorf("the workbook's configuration was not copied: %v", err)
	}
	convertOK(t, gDir, gBook)
	if _, err := os.Stat(filepath.Join(tmp, "gappy.certready.yaml")); err != nil {
		t.Errorf("the directory's configuration was not copied beside the workbook: %v", err)
	}
	orig := snapshot(t, "../../examples/gappy-org.xlsx")
	diffSnapshots(t, "gappy workbook vs dir", orig, snapshot(t, gDir))
	diffSnapshots(t, "gappy workbook vs converted workbook", orig, snapshot(t, gBook))

	rBook, rDir := filepath.Join(tmp, "ready.xlsx"), filepath.Join(tmp, "ready")
	convertOK(t, "../../examples/ready-org", rBook, "--lang", "zh")
	convertOK(t, rBook, rDir)
	diffSnapshots(t, "ready dir vs Chinese workbook", snapshot(t, "../../examples/ready-org"), snapshot(t, rBook))
	diffSnapshots(t, "ready dir vs dir", snapshot(t, "../../examples/ready-org"), snapshot(t, rDir))
}

func TestConvertRefusesToOverwriteOrToConvertBadInput(t *testing.T) {
	tmp := t.TempDir()
	dst := filepath.Join(tmp, "out")
	convertOK(t, miniDossier, dst)
	if code, _, errs := runCLI(t, nil, "convert", miniDossier, dst); code != ExitInput || !strings.Contains(errs, "--force") {
		t.Errorf("convert over existing files: exit %d, %q", code, errs)
	}
	convertOK(t, miniDossier, dst, "--force")

	bad := filepath.Join(tmp, "bad")
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "licences.yaml"), []byte("- type: business_licence\n  valid_until: 2026-02-30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "bad.xlsx")
	if code, _, errs := runCLI(t, nil, "convert", bad, out); code != ExitInput || !strings.Contains(errs, "licences.yaml") {
		t.Errorf("convert of a dossier with input errors: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("convert wrote %s from a dossier with input errors", out)
	}
}
