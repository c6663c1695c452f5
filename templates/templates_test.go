package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
)

func TestQuotedYAMLStringsReadBackUnchanged(t *testing.T) {
	for _, s := range []string{"yes", "No", "123", "2026-01-01", "a: b", "#x", "", "长期", "line1\nline2", "- x", "'=x", "=x", " lead", "null", "~", "a #b", "@x", "tab\there", `"q"`} {
		var m map[string]string
		if err := yaml.Unmarshal([]byte("k: "+quoteString(s)), &m); err != nil {
			t.Errorf("%q rendered as %s: %v", s, quoteString(s), err)
			continue
		}
		if m["k"] != s || strings.Contains(quoteString(s), "\n") {
			t.Errorf("%q rendered as %s reads back as %q", s, quoteString(s), m["k"])
		}
	}
}

func TestConfigSkeletonCoversEveryThresholdAtItsDefault(t *testing.T) {
	ty := reflect.TypeOf(config.Thresholds{})
	for i := 0; i < ty.NumField(); i++ {
		key := strings.Split(ty.Field(i).Tag.Get("yaml"), ",")[0]
		if thresholdDocs[key] == "" {
			t.Errorf("threshold %s has no description in the certready.yaml skeleton", key)
		}
		if !bytes.Contains(ConfigSkeleton(), []byte("# "+key+": ")) {
			t.Errorf("threshold %s is missing from the skeleton", key)
		}
	}
	p := filepath.Join(t.TempDir(), "certready.yaml")
	if err := os.WriteFile(p, ConfigSkeleton(), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(p, false)
	if err != nil {
		t.Fatalf("the skeleton does not load: %v", err)
	}
	if c.Thresholds != config.Defaults() {
		t.Errorf("the skeleton changes the defaults: %+v", c.Thresholds)
	}
}

// TestChineseLabelsLoad writes every enum value of every record type as
// its Chinese dropdown label and loads the workbook: each must come back
// as its canonical value, so the label table cannot drift from the
// loader's aliases unnoticed.
func TestChineseLabelsLoad(t *testing.T) {
	ex := Examples()
	for _, rt := range dossier.Types() {
		var enums []dossier.Field
		n := 0
		for _, fl := range rt.Fields {
			if fl.Kind == dossier.KEnum {
				enums = append(enums, fl)
				n = max(n, len(fl.Enum))
			}
		}
		if len(enums) == 0 {
			continue
		}
		// One record per enum value; a single-record type gets a workbook
		// per value.
		var books [][]Record
		var base Record
		if rt.Name == "complaints" {
			_ = ex.Complaints(func(r Record) error { base = r; return nil })
		} else {
			base = ex.Records[rt.Name][0]
		}
		var recs []Record
		for i := 0; i < n; i++ {
			r := Record{}
			for k, v := range base {
				r[k] = v
			}
			for _, fl := range enums {
				r[fl.Key] = Value{Text: fl.Enum[i%len(fl.Enum)]}
			}
			recs = append(recs, r)
			if rt.Single {
				books = append(books, []Record{r})
			}
		}
		if !rt.Single {
			books = [][]Record{recs}
		}
		for _, recs := range books {
			d := &Data{Records: map[string][]Record{}}
			if rt.Name == "complaints" {
				d.Complaints = func(fn func(Record) error) error {
					for _, r := range recs {
						if err := fn(r); err != nil {
							return err
						}
					}
					return nil
				}
			} else {
				d.Records[rt.Name] = recs
			}
			got := loadEnums(t, d, &rt, enums)
			for i, r := range recs {
				for _, fl := range enums {
					if got[i][fl.Key] != r[fl.Key].Text {
						t.Errorf("%s.%s: label %q loaded as %q, want %q", rt.Name, fl.Key,
							EnumLabel(&fl, r[fl.Key].Text, LangZH), got[i][fl.Key], r[fl.Key].Text)
					}
				}
			}
		}
	}
}

// loadEnums writes d as a Chinese workbook, loads it and returns the enum
// fields of each record of rt as the typed model holds them.
func loadEnums(t *testing.T, d *Data, rt *dossier.RecordType, enums []dossier.Field) []map[string]string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "labels.xlsx")
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, d, WorkbookOptions{Lang: LangZH}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := load.Load(p, load.Options{})
	if err != nil {
		t.Fatalf("%s with Chinese labels does not load: %v", rt.Name, err)
	}
	var out []map[string]string
	collect := func(v any) {
		m := map[string]string{}
		rv := reflect.ValueOf(v).Elem()
		for _, fl := range enums {
			for i := 0; i < rv.NumField(); i++ {
				tag := rv.Type().Field(i).Tag.Get("json")
				if tag == fl.Key || (tag == "" && strings.EqualFold(strings.ReplaceAll(fl.Key, "_", ""), rv.Type().Field(i).Name)) {
					m[fl.Key] = rv.Field(i).String()
				}
			}
		}
		out = append(out, m)
	}
	dd := res.Dossier
	switch rt.Name {
	case "complaints":
		_ = dd.Complaints.Each(func(c *dossier.Complaint) error { x := *c; collect(&x); return nil })
	case "organisation":
		collect(dd.Organisation)
	case "licences":
		for i := range dd.Licences {
			collect(&dd.Licences[i])
		}
	case "documents":
		for i := range dd.Documents {
			collect(&dd.Documents[i])
		}
	case "channels":
		for i := range dd.Channels {
			collect(&dd.Channels[i])
		}
	case "actions":
		for i := range dd.Actions {
			collect(&dd.Actions[i])
		}
	default:
		t.Fatalf("record type %s has enum fields this test does not read", rt.Name)
	}
	return out
}

func TestLongDropdownListsReferenceTheListsSheet(t *testing.T) {
	b, err := newBook(WorkbookOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.f.Close()
	long := make([]string, 40)
	for i := range long {
		long[i] = strings.Repeat("x", 8) + string(rune('a'+i%26))
	}
	dv := excelize.NewDataValidation(true)
	if err := b.dropdown(dv, "long", long); err != nil {
		t.Fatal(err)
	}
	if dv.Formula1 != "Lists!$A$2:$A$41" {
		t.Errorf("a %d-item list is validated by %q, want the Lists range", len(long), dv.Formula1)
	}
	short := excelize.NewDataValidation(true)
	if err := b.dropdown(short, "short", []string{"yes", "no"}); err != nil {
		t.Fatal(err)
	}
	if short.Formula1 != `"yes,no"` {
		t.Errorf("a short list is validated by %q, want it inline", short.Formula1)
	}
	if _, err := b.f.NewSheet(ListsSheet); err != nil {
		t.Fatal(err)
	}
	if err := b.writeLists(); err != nil {
		t.Fatal(err)
	}
	if v, _ := b.f.GetCellValue(ListsSheet, "A41"); v != long[39] {
		t.Errorf("Lists!A41 = %q, want %q", v, long[39])
	}
}

func TestDatesOutsideTheSerialWindowAreWrittenAsText(t *testing.T) {
	if v := dateCell("1949-10-01"); v != "1949-10-01" {
		t.Errorf("1949-10-01 written as %v, want text the loader reads", v)
	}
	if v, ok := dateCell("2026-03-01").(float64); !ok || v != 46082 {
		t.Errorf("2026-03-01 written as %v, want the serial 46082", dateCell("2026-03-01"))
	}
}
