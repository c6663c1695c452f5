package xlsxstream

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// propertyCases is how many seeds each generator runs in go test:
// CERTREADY_XLSX_CASES, or 100 (25 under the race detector, 10 with
// -short).
func propertyCases(t *testing.T) int {
	if s := os.Getenv("CERTREADY_XLSX_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CERTREADY_XLSX_CASES=%q is not a count", s)
		}
		return n
	}
	if testing.Short() {
		return 10
	}
	if raceEnabled {
		return 25
	}
	return 100
}

type generator func(*rand.Rand, string) (map[int]bool, error)

var generators = []struct {
	name string
	gen  generator
	// api: the cells were written by excelize, so its GetCellStyle and
	// GetStyle describe them (it rewrites rows and cells of hand-made XML
	// when it loads a sheet whole, so there they do not).
	api bool
}{
	{"written through excelize's API", genAPIWorkbook, true},
	{"written as raw XML", genXMLWorkbook, false},
}

// expectDate tells from excelize's description of a style whether it is
// a date format, by the table the generators draw from; excelize adds
// built-in date and duration formats of its own for time values.
func expectDate(t testing.TB, f *excelize.File, id int) bool {
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("style %d: %v", id, err)
	}
	for _, sp := range styleSpecs {
		if st.CustomNumFmt != nil && sp.custom == *st.CustomNumFmt || st.CustomNumFmt == nil && sp.custom == "" && sp.builtin == st.NumFmt {
			return sp.date
		}
	}
	if st.CustomNumFmt == nil {
		switch st.NumFmt {
		case 0:
			return false
		case 14, 17, 20, 21, 22, 45, 46, 47: // m/d/yy, mmm-yy, h:mm, h:mm:ss, m/d/yy h:mm, mm:ss, [h]:mm:ss, mm:ss.0
			return true
		}
	}
	t.Fatalf("style %d has a number format the generators do not make: %d %v", id, st.NumFmt, st.CustomNumFmt)
	return false
}

// checkSeed generates one workbook and asserts the two readers agree on
// every sheet, that the date system agrees, and that the style of every
// cell read is the one excelize reports and is a date style exactly when
// the generator made it one.
func checkSeed(t testing.TB, gen generator, api bool, seed uint64) int {
	path := filepath.Join(t.TempDir(), "case.xlsx")
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	dateStyle, err := gen(rng, path)
	if err != nil {
		t.Fatalf("seed %d: generating: %v", seed, err)
	}
	b, got := assertSame(t, path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := 0
	for name, d := range got {
		for r, row := range d.rows {
			for c, v := range row {
				st := d.styles[r][c]
				date := dateStyle[st]
				if api {
					date = expectDate(t, f, st)
				}
				if b.IsDateStyle(st) != date {
					t.Fatalf("seed %d: %s row %d col %d: style %d: IsDateStyle %v, generated as date %v", seed, name, r+1, c+1, st, b.IsDateStyle(st), date)
				}
				if v == "" || st == 0 || !api {
					continue
				}
				cells++
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				want, err := f.GetCellStyle(name, ref)
				if err != nil {
					t.Fatal(err)
				}
				if want != st {
					t.Fatalf("seed %d: %s!%s: excelize says style %d, stream %d", seed, name, ref, want, st)
				}
			}
		}
	}
	return cells
}

func TestReadsGeneratedWorkbooksAsExcelizeDoes(t *testing.T) {
	n := propertyCases(t)
	for _, g := range generators {
		t.Run(g.name, func(t *testing.T) {
			styled := 0
			for seed := uint64(1); seed <= uint64(n); seed++ {
				styled += checkSeed(t, g.gen, g.api, seed)
			}
			if styled == 0 && g.api {
				t.Fatalf("%d workbooks and not one styled cell checked", n)
			}
		})
	}
}

// FuzzReadsGeneratedWorkbooksAsExcelizeDoes runs the property on as many
// seeds as the fuzzing time allows (make fuzz).
func FuzzReadsGeneratedWorkbooksAsExcelizeDoes(f *testing.F) {
	for seed := uint64(1000); seed < 1010; seed++ {
		f.Add(seed, seed%2 == 0)
	}
	f.Fuzz(func(t *testing.T, seed uint64, raw bool) {
		g := generators[0]
		if raw {
			g = generators[1]
		}
		checkSeed(t, g.gen, g.api, seed)
	})
}
