package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/testtool"
)

func openXLSX(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a workbook excelize can open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// dumpXLSX describes a workbook's structure for a golden file: sheets,
// frozen panes, autofilter, validations and the first rows' values. Bytes
// would change with any excelize upgrade; this changes only with the
// register itself.
func dumpXLSX(t *testing.T, f *excelize.File, rows int) []byte {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "sheets: %s\n", strings.Join(f.GetSheetList(), " | "))
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "props: title=%q creator=%q created=%s modified=%s language=%s\n", props.Title, props.Creator, props.Created, props.Modified, props.Language)
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "defined name: %s scope=%s refers to %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sh)
		p, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "panes: freeze=%v ySplit=%d topLeft=%s\n", p.Freeze, p.YSplit, p.TopLeftCell)
		dvs, err := f.GetDataValidations(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			fmt.Fprintf(&b, "validation %s: type=%s operator=%s formula1=%s formula2=%s\n", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2)
		}
		rs, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rs {
			if i == rows {
				fmt.Fprintf(&b, "… %d more rows\n", len(rs)-rows)
				break
			}
			fmt.Fprintf(&b, "%d: %q\n", i+1, r)
		}
	}
	return []byte(b.String())
}

func TestXLSXStructureMatchesGoldenFiles(t *testing.T) {
	tests := []struct {
		name string
		r    *audit.Result
		o    Options
	}{
		{"xlsx_en_kpis", sampleResult(true, false), Options{Lang: "en"}},
		{"xlsx_zh_no_kpis", sampleResult(false, true), Options{Lang: "zh", Standard: "iso10002"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := openXLSX(t, render(t, "xlsx", tt.r, tt.o))
			golden(t, tt.name+".txt", dumpXLSX(t, f, 30))
		})
	}
}

func TestXLSXSameResultGivesTheSameBytes(t *testing.T) {
	for _, kpis := range []bool{false, true} {
		a := render(t, "xlsx", sampleResult(kpis, false), Options{Lang: "zh"})
		time.Sleep(1100 * time.Millisecond) // a clock-stamped part would now differ
		b := render(t, "xlsx", sampleResult(kpis, false), Options{Lang: "zh"})
		if !bytes.Equal(a, b) {
			t.Fatalf("kpis=%v: two renders differ (%d and %d bytes)", kpis, len(a), len(b))
		}
	}
	f := openXLSX(t, render(t, "xlsx", sampleResult(false, false), Options{}))
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != "2026-11-23T00:00:00Z" || p.Modified != p.Created {
		t.Errorf("document dates %s / %s, want the as-of date", p.Created, p.Modified)
	}
}

func TestXLSXNeutralisesFormulaText(t *testing.T) {
	f := openXLSX(t, render(t, "xlsx", sampleResult(false, false), Options{Lang: "en"}))
	sheet := "Gap register"
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
				t.Errorf("%s holds a formula: %s", cell, formula)
			}
			if strings.HasPrefix(v, "=") {
				t.Errorf("%s starts with '=': %q", cell, v)
			}
			if strings.HasPrefix(v, `'=HYPERLINK("http://evil.example"`) {
				found = true
			}
		}
	}
	if !found {
		t.Error("the HYPERLINK message is missing or not quoted")
	}
}

func TestXLSXGapRegisterIsReadyToWorkIn(t *testing.T) {
	r := sampleResult(false, false)
	f := openXLSX(t, render(t, "xlsx", r, Options{Lang: "en"}))
	sheet := "Gap register"
	tests := []struct {
		name  string
		check func(t *testing.T)
	}{
		{"the register is the first and active sheet", func(t *testing.T) {
			if f.GetSheetList()[0] != sheet || f.GetActiveSheetIndex() != 0 {
				t.Errorf("sheets %q active %d", f.GetSheetList(), f.GetActiveSheetIndex())
			}
		}},
		{"one row per finding under the header", func(t *testing.T) {
			rows, _ := f.GetRows(sheet)
			if len(rows) != len(r.Findings)+1 || rows[0][0] != "Check" || rows[0][10] != "Status" {
				t.Errorf("%d rows, header %q", len(rows), rows[0])
			}
		}},
		{"status has the four-state dropdown and due date a date rule", func(t *testing.T) {
			dvs, _ := f.GetDataValidations(sheet)
			got := map[string]string{}
			for _, dv := range dvs {
				got[dv.Sqref] = dv.Type + " " + dv.Formula1
			}
			if got["K2:K500"] != `list "open,in progress,done,accepted"` {
				t.Errorf("status validation %q", got["K2:K500"])
			}
			if !strings.HasPrefix(got["J2:J500"], "date ") {
				t.Errorf("due-date validation %q", got["J2:J500"])
			}
		}},
		{"a waived finding is already accepted", func(t *testing.T) {
			for i, fd := range r.Findings {
				v, _ := f.GetCellValue(sheet, fmt.Sprintf("K%d", i+2))
				if want := map[bool]string{true: "accepted", false: ""}[fd.State == "waived"]; v != want {
					t.Errorf("row %d (%s): status %q, want %q", i+2, fd.State, v, want)
				}
			}
		}},
		{"the severity cell of a major finding is filled red", func(t *testing.T) {
			id, _ := f.GetCellStyle(sheet, "B2")
			st, err := f.GetStyle(id)
			if err != nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
				t.Errorf("style %+v %v", st, err)
			}
		}},
		{"the header is frozen and filtered", func(t *testing.T) {
			p, _ := f.GetPanes(sheet)
			if !p.Freeze || p.YSplit != 1 {
				t.Errorf("panes %+v", p)
			}
			ok := false
			for _, dn := range f.GetDefinedName() {
				ok = ok || dn.Name == "_xlnm._FilterDatabase" && strings.Contains(dn.RefersTo, "$A$1:$K$6")
			}
			if !ok {
				t.Errorf("no autofilter over A1:K6: %+v", f.GetDefinedName())
			}
		}},
		{"the finding column is wide and wraps", func(t *testing.T) {
			w, _ := f.GetColWidth(sheet, "E")
			id, _ := f.GetCellStyle(sheet, "E2")
			st, _ := f.GetStyle(id)
			if w < 50 || st.Alignment == nil || !st.Alignment.WrapText {
				t.Errorf("width %v alignment %+v", w, st.Alignment)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.check)
	}
}

func TestXLSXHasAKPISheetOnlyWithAComplaintLog(t *testing.T) {
	for _, c := range []struct {
		kpis bool
		lang string
		want string
	}{{true, "en", "Complaint KPIs"}, {false, "en", ""}, {true, "zh", "投诉指标"}} {
		f := openXLSX(t, render(t, "xlsx", sampleResult(c.kpis, false), Options{Lang: c.lang}))
		has := ""
		for _, s := range f.GetSheetList() {
			if s == "Complaint KPIs" || s == "投诉指标" {
				has = s
			}
		}
		if has != c.want {
			t.Errorf("kpis=%v lang=%s: KPI sheet %q, want %q", c.kpis, c.lang, has, c.want)
		}
	}
}

// LibreOffice opens the gap register as a real spreadsheet application
// would; make test installs it (libreoffice-calc-nogui), and CI requires it.
func TestLibreOfficeReadsTheGapRegister(t *testing.T) {
	soffice := testtool.Path(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "gaps.xlsx")
	if err := os.WriteFile(in, render(t, "xlsx", sampleResult(true, false), Options{Lang: "en"}), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "gaps.csv"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	want := "Check,Severity,Clause / basis,Requirement,Finding,Where,Evidence expected,Remediation,Owner,Due date,Status"
	if strings.TrimRight(first, "\r") != want {
		t.Errorf("first row %q, want %q", first, want)
	}
	if !strings.Contains(string(b), `'=HYPERLINK(`) {
		t.Error("the formula text did not survive as quoted text")
	}
}

func TestAnEmptyResultRendersInEveryNewFormat(t *testing.T) {
	r := &audit.Result{Findings: []audit.Finding{}}
	for _, format := range []string{"junit", "sarif", "xlsx", "html", "github", "codequality"} {
		t.Run(format, func(t *testing.T) {
			b := render(t, format, r, Options{})
			switch format {
			case "junit":
				if s := parseJUnit(t, b); len(s.Suites) != 0 {
					t.Errorf("empty result gives %+v", s)
				}
			case "sarif":
				if d := parseSARIF(t, b); len(d.Runs[0].Results) != 0 {
					t.Errorf("%d results", len(d.Runs[0].Results))
				}
			case "html":
				if !bytes.Contains(b, []byte("No findings.")) {
					t.Error("empty HTML report does not say there are no findings")
				}
			case "github":
				if n := bytes.Count(b, []byte("\n")); n != 1 || !bytes.HasPrefix(b, []byte("::notice ")) {
					t.Errorf("want the summary notice only, got:\n%s", b)
				}
			case "codequality":
				if string(b) != "[]\n" {
					t.Errorf("want an empty array, got %s", b)
				}
			case "xlsx":
				f := openXLSX(t, b)
				rows, _ := f.GetRows("Gap register")
				if len(rows) != 1 {
					t.Errorf("%d rows, want the header only", len(rows))
				}
			}
		})
	}
}
