package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/testtool"
	"github.com/certready/certready/templates"
)

// writeTemplate runs `certready init --xlsx` into a temporary directory.
func writeTemplate(t *testing.T, args ...string) string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "book.xlsx")
	if code, _, errs := runCLI(t, nil, append([]string{"init", "--xlsx", book}, args...)...); code != ExitOK {
		t.Fatalf("init --xlsx: exit %d: %s", code, errs)
	}
	return book
}

// fillRow writes values into a list sheet row, finding each column by the
// template's own header so the test breaks if the layout moves.
func fillRow(t *testing.T, f *excelize.File, typeName string, row int, values map[string]any) {
	t.Helper()
	rt, _ := dossier.TypeByName(typeName)
	sheet := rt.SheetEN
	hdr, err := f.GetRows(sheet)
	if err != nil || len(hdr) == 0 {
		t.Fatalf("%s: no header row (%v)", sheet, err)
	}
	for key, v := range values {
		fl, ok := rt.Field(key)
		if !ok {
			t.Fatalf("%s has no field %s", typeName, key)
		}
		col := slices.Index(hdr[0], templates.Header(fl))
		if col < 0 {
			t.Fatalf("%s: no column %q in %v", sheet, templates.Header(fl), hdr[0])
		}
		cell, _ := excelize.CoordinatesToCellName(col+1, row)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
}

func hasFinding(r *audit.Result, check, record string) bool {
	for i := range r.Findings {
		if r.Findings[i].Check == check && (record == "" || r.Findings[i].Record == record) {
			return true
		}
	}
	return false
}

func TestInitWorkbookFilledInLoadsAndAudits(t *testing.T) {
	book := writeTemplate(t)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	// A client adds records the way Excel stores them: text, numbers, a
	// Chinese label picked from the Chinese template's dropdown, a date
	// typed as text.
	fillRow(t, f, "channels", 3, map[string]any{"id": "mail", "type": "电子邮件", "name": "投诉邮箱", "free": "是"})
	fillRow(t, f, "people", 3, map[string]any{"id": "P02", "name": "张伟", "handler": "yes", "roles": "handler; complaint_manager", "joined": "2021/03/15"})
	fillRow(t, f, "complaints", 3, map[string]any{
		"id": "C2026-0002", "received_at": "2026-08-03 09:00", "channel": "wechat", "complexity": "复杂",
		"risk": "中", "status": "处理中", "description": "=HYPERLINK(\"http://x\")", "charge": 50,
	})
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	res, err := load.Load(book, load.Options{})
	if err != nil {
		t.Fatalf("the filled-in template does not load: %v", err)
	}
	d := res.Dossier
	if len(d.Channels) != 2 || d.Channels[1].Type != "email" || d.Channels[1].Free == nil || !*d.Channels[1].Free {
		t.Errorf("channel typed 电子邮件 / 是 did not load as email, free: %+v", d.Channels)
	}
	if p := d.PersonByID("P02"); p == nil || !p.Handler || p.Joined.String() != "2021-03-15" || !p.HasRole("complaint_manager") {
		t.Errorf("person P02 did not load as written: %+v", p)
	}
	var complaints []dossier.Complaint
	if err := d.Complaints.Each(func(c *dossier.Complaint) error { complaints = append(complaints, *c); return nil }); err != nil {
		t.Fatalf("complaint log: %v", err)
	}
	if len(complaints) != 2 || complaints[1].Status != "in_progress" || complaints[1].Complexity != "complex" || complaints[1].Risk != "medium" {
		t.Fatalf("complaints did not load with canonical values: %+v", complaints)
	}

	r, err := audit.Run(d, res.Config, audit.Options{AsOf: dossier.Date{Year: 2026, Month: 11, Day: 23}, Standard: "gbt19012"})
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	for _, want := range []struct{ check, record string }{
		// The template's only licence is the business licence, but the
		// example sector is food.
		{"licence.sector-permit", ""},
		// The added complaint came in through a channel nobody declared
		// and charged the complainant.
		{"handling.channels-declared", ""},
		{"handling.free-of-charge", ""},
	} {
		if !hasFinding(r, want.check, want.record) {
			t.Errorf("no %s finding in the audit of the filled-in template", want.check)
		}
	}
	if hasFinding(r, "channels.multiple", "") {
		t.Errorf("channels.multiple reported although the filled-in template has two channels")
	}
}

func TestInitChineseWorkbookLoadsWithChineseSheetsAndLabels(t *testing.T) {
	book := writeTemplate(t, "--lang", "zh")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	sheets := f.GetSheetList()
	if sheets[0] != templates.InstructionsZH || !slices.Contains(sheets, "投诉渠道") || !slices.Contains(sheets, "组织信息") {
		t.Errorf("Chinese template sheets: %v", sheets)
	}
	v, _ := f.GetCellValue("投诉渠道", "B2")
	f.Close()
	if v != "电话" {
		t.Errorf("example channel type in the Chinese sheet is %q, want the label 电话", v)
	}
	res, err := load.Load(book, load.Options{})
	if err != nil {
		t.Fatalf("the Chinese template does not load: %v", err)
	}
	if res.Dossier.Channels[0].Type != "phone" || res.Dossier.Licences[0].ValidUntil.Indefinite != true {
		t.Errorf("Chinese labels did not load as canonical values: %+v %+v", res.Dossier.Channels[0], res.Dossier.Licences[0])
	}
}

func TestInitWorkbookHasDropdownsDateFormatsAndInstructions(t *testing.T) {
	book := writeTemplate(t)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheets[0] != templates.InstructionsEN {
		t.Errorf("first sheet is %q, want the instructions", sheets[0])
	}
	if vis, _ := f.GetSheetVisible(templates.ListsSheet); vis {
		t.Errorf("the Lists sheet is visible")
	}
	instr, _ := f.GetRows(templates.InstructionsEN)
	var text strings.Builder
	for _, r := range instr {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, want := range []string{"EXAMPLE", "示例", "Complaint id / 投诉编号 *", "phone (电话)", "Unique complaint number"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("instructions lack %q", want)
		}
	}
	for _, rt := range dossier.Types() {
		dvs, err := f.GetDataValidations(rt.SheetEN)
		if err != nil {
			t.Fatalf("%s: %v", rt.SheetEN, err)
		}
		for i, fl := range rt.Fields {
			col, _ := excelize.ColumnNumberToName(i + 1)
			target := col + "2"
			if rt.Single {
				target = "B" + strconv.Itoa(i+2)
			}
			dv := validationAt(dvs, target)
			switch fl.Kind {
			case dossier.KEnum, dossier.KBool:
				if dv == nil || dv.Type != "list" || dv.Formula1 == "" {
					t.Errorf("%s.%s (%s): no dropdown, got %+v", rt.Name, fl.Key, target, dv)
				} else if fl.Kind == dossier.KEnum && !strings.Contains(dv.Formula1, fl.Enum[len(fl.Enum)-1]) && !strings.Contains(dv.Formula1, templates.ListsSheet) {
					t.Errorf("%s.%s: dropdown %s lacks %s", rt.Name, fl.Key, dv.Formula1, fl.Enum[len(fl.Enum)-1])
				}
			case dossier.KDate, dossier.KDateTime:
				if dv == nil || dv.Type != "date" {
					t.Errorf("%s.%s (%s): no date validation, got %+v", rt.Name, fl.Key, target, dv)
				}
			}
			if !rt.Single {
				h, _ := f.GetCellValue(rt.SheetEN, col+"1")
				if h != templates.Header(&fl) || fl.Required != strings.HasSuffix(h, " *") {
					t.Errorf("%s header %s is %q", rt.Name, col, h)
				}
			}
		}
	}
	// Dates are real dates shown as yyyy-mm-dd, not text.
	raw, _ := f.GetCellValue("Licences", "E2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("Licences", "E2")
	if raw == "2021-06-01" || shown != "2021-06-01" {
		t.Errorf("Licences!E2 raw %q shown %q: want a date serial shown as 2021-06-01", raw, shown)
	}
	shown, _ = f.GetCellValue("Complaints", "B2")
	if shown != "2026-07-03 14:05" {
		t.Errorf("Complaints!B2 shows %q, want 2026-07-03 14:05", shown)
	}
	if panes, err := f.GetPanes("Licences"); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Licences header not frozen: %+v %v", panes, err)
	}
}

func validationAt(dvs []*excelize.DataValidation, cell string) *excelize.DataValidation {
	col, row, _ := excelize.CellNameToCoordinates(cell)
	for _, dv := range dvs {
		for _, ref := range strings.Fields(dv.Sqref) {
			parts := strings.SplitN(ref, ":", 2)
			c1, r1, err1 := excelize.CellNameToCoordinates(parts[0])
			c2, r2 := c1, r1
			if len(parts) == 2 {
				c2, r2, _ = excelize.CellNameToCoordinates(parts[1])
			}
			if err1 == nil && col >= c1 && col <= c2 && row >= r1 && row <= r2 {
				return dv
			}
		}
	}
	return nil
}

func TestInitWorkbookIsByteStable(t *testing.T) {
	a, _ := os.ReadFile(writeTemplate(t))
	b, _ := os.ReadFile(writeTemplate(t))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatalf("two runs of init --xlsx differ (%d and %d bytes)", len(a), len(b))
	}
	c, _ := os.ReadFile(writeTemplate(t, "--as-of", "2027-02-01"))
	if bytes.Equal(a, c) {
		t.Errorf("--as-of did not change the document properties")
	}
}

func TestInitDirWritesSkeletonThatLoads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dossier")
	if code, _, errs := runCLI(t, nil, "init", dir); code != ExitOK {
		t.Fatalf("init DIR: exit %d: %s", code, errs)
	}
	res, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatalf("the skeleton does not load: %v", err)
	}
	for _, rt := range dossier.Types() {
		if !res.Dossier.Present[rt.Name] {
			t.Errorf("skeleton has no %s", rt.File)
		}
	}
	if res.Config.Path == "" || res.Config.Thresholds != config.Defaults() {
		t.Errorf("certready.yaml was not read or changes a default: %+v", res.Config.Thresholds)
	}
	lic, _ := os.ReadFile(filepath.Join(dir, "licences.yaml"))
	for _, want := range []string{"# Type / 证照类型", "REQUIRED / 必填", "food_operation (食品经营许可证)", "type: business_licence"} {
		if !strings.Contains(string(lic), want) {
			t.Errorf("licences.yaml lacks %q", want)
		}
	}
	// A second run refuses to overwrite and leaves the files alone.
	if err := os.WriteFile(filepath.Join(dir, "people.yaml"), []byte("[]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, nil, "init", dir); code != ExitInput || !strings.Contains(errs, "--force") {
		t.Errorf("init over existing files: exit %d, %q; want 2 naming --force", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "people.yaml")); string(b) != "[]\n" {
		t.Errorf("a refused init changed people.yaml")
	}
	if code, _, errs := runCLI(t, nil, "init", dir, "--force"); code != ExitOK {
		t.Errorf("init --force: exit %d: %s", code, errs)
	}
	if code, _, _ := runCLI(t, nil, "init"); code != ExitInput {
		t.Errorf("init with neither DIR nor --xlsx: exit %d, want 2", code)
	}
}

func TestInitWorkbookOpensInLibreOffice(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	book := writeTemplate(t)
	out := t.TempDir()
	// Filter options: comma, quote, UTF-8, from line 1, cells as shown,
	// every sheet to its own file (-1).
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(t.TempDir()),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, book)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	read := func(sheet string) [][]string {
		b, err := os.ReadFile(filepath.Join(out, "book-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s sheet: %v", sheet, err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		return rows
	}
	lic := read("Licences")
	if len(lic) < 2 || lic[0][0] != "Type / 证照类型 *" || lic[1][0] != "business_licence" || lic[1][4] != "2021-06-01" {
		t.Errorf("Licences as LibreOffice reads it: %v", lic)
	}
	comp := read("Complaints")
	if len(comp) < 2 || comp[1][1] != "2026-07-03 14:05" {
		t.Errorf("Complaints as LibreOffice reads it: %v", comp)
	}
}
