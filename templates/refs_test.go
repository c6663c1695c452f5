package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
)

func zhTemplate(t *testing.T) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, Examples(), WorkbookOptions{Lang: LangZH, Template: true}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func validationOf(t *testing.T, f *excelize.File, rt *dossier.RecordType, key string) *excelize.DataValidation {
	t.Helper()
	sheet := SheetName(rt, LangZH)
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, fl := range rt.Fields {
		if fl.Key != key {
			continue
		}
		col := colName(i + 1)
		for _, dv := range dvs {
			if strings.HasPrefix(dv.Sqref, col+"2:") {
				return dv
			}
		}
	}
	t.Fatalf("%s has no validation on %s", sheet, key)
	return nil
}

func recordType(name string) *dossier.RecordType {
	for _, rt := range dossier.Types() {
		if rt.Name == name {
			return &rt
		}
	}
	return nil
}

// The complaint log's channel and category columns offer what the
// Channels and Categories sheets declare.
func TestTheComplaintSheetOffersTheDeclaredChannelsAndCategories(t *testing.T) {
	f, _ := zhTemplate(t)
	for key, src := range map[string]string{"channel": "channels", "category": "categories"} {
		dv := validationOf(t, f, recordType("complaints"), key)
		sheet := SheetName(recordType(src), LangZH)
		if dv.Type != "list" || !strings.Contains(dv.Formula1, sheet+"'!$A$2:$A$") {
			t.Errorf("%s: validation %s %q, want a list over %s!A", key, dv.Type, dv.Formula1, sheet)
		}
	}
}

// Every multi-value field with a vocabulary has a dropdown in the
// sheet's language, and a cell may still hold several items.
func TestMultiValueFieldsHaveChineseDropdowns(t *testing.T) {
	f, _ := zhTemplate(t)
	for _, c := range []struct{ rt, key, label string }{
		{"documents", "covers", "投诉处理方针"}, {"people", "roles", "投诉处理人员"},
		{"training", "topics", "投诉处理技巧"}, {"resources", "equipment", "通话录音"},
	} {
		rt := recordType(c.rt)
		if rt.Single {
			continue // a single-record sheet validates its value cells one by one
		}
		dv := validationOf(t, f, rt, c.key)
		items := dv.Formula1
		if strings.Contains(items, "!$") {
			col := strings.Split(strings.Split(items, "!$")[1], "$")[0]
			vals, _ := f.GetCols(ListsSheet)
			items = strings.Join(vals[colIndex(t, col)], ",")
		}
		if dv.Type != "list" || !strings.Contains(items, c.label) || dv.ErrorStyle == nil || *dv.ErrorStyle != "information" {
			t.Errorf("%s.%s: %s %q style %v", c.rt, c.key, dv.Type, items, dv.ErrorStyle)
		}
	}
}

func colIndex(t *testing.T, col string) int {
	n, err := excelize.ColumnNameToNumber(col)
	if err != nil {
		t.Fatal(err)
	}
	return n - 1
}

// The instructions list exactly the covers elements the checks read, in
// Chinese first in a Chinese workbook; elements typed as their Chinese
// labels load as the codes.
func TestCoversElementsAreListedAndReadInChinese(t *testing.T) {
	f, book := zhTemplate(t)
	rows, err := f.GetRows(InstructionsZH)
	if err != nil {
		t.Fatal(err)
	}
	allowed := ""
	for _, r := range rows {
		if len(r) > 4 && strings.Contains(r[1], "涵盖要素") {
			allowed = r[4]
		}
	}
	for _, e := range dossier.CoverElements {
		if !strings.Contains(allowed, dossier.EnumLabelsZH["element"][e]+"（"+e+"）") {
			t.Errorf("instructions lack %s: %q", e, allowed)
		}
	}
	if strings.Contains(allowed, "commitment") {
		t.Errorf("instructions offer commitment, which no check reads: %q", allowed)
	}
	// The example document's covers are written as labels and load as codes.
	docs := recordType("documents")
	docRows, _ := f.GetRows(SheetName(docs, LangZH))
	for i, fl := range docs.Fields {
		if fl.Key == "covers" && (len(docRows) < 2 || !strings.Contains(docRows[1][i], "投诉处理方针")) {
			t.Fatalf("the example covers cell is not in Chinese: %v", docRows)
		}
	}
	p := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(p, book, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(p, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dossier.Documents) == 0 || !slices.Contains(res.Dossier.Documents[0].Covers, "policy") {
		t.Fatalf("covers read as %v", res.Dossier.Documents)
	}
}
