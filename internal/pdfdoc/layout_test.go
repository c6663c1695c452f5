package pdfdoc

import (
	"fmt"
	"strings"
	"testing"
)

// labelsOnTheLine lists the value labels a chart's target line crosses.
func labelsOnTheLine(ch ChartLayout) []string {
	var out []string
	for _, b := range ch.Bars {
		for _, l := range ch.Threshold {
			thick := Box{Page: l.Page, X: l.X - 0.2, Y: l.Y - 0.2, W: l.W + 0.4, H: l.H + 0.4}
			if b.LabelBox.Overlaps(thick) {
				out = append(out, b.ValueLabel)
			}
		}
	}
	return out
}

func TestValueLabelsKeepClearOfTheTargetLine(t *testing.T) {
	months := []string{"2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"}
	values := []float64{95, 92, 89, 100, 94.7, 77}
	res := render(t, testOptions("en"), func(d *Doc) error {
		d.Section("KPIs")
		d.BarChart("On time, vertical", months, values, BarOpts{Max: 100, Unit: "%", Threshold: 95, ThresholdLabel: "target 95%", Height: 42})
		d.BarChart("On time, horizontal", months, []float64{57, 59, 61, 30, 100, 59.7}, BarOpts{Horizontal: true, Max: 100, Unit: "%", Threshold: 60, ThresholdLabel: "target 60%"})
		return nil
	})
	if len(res.Charts) != 2 {
		t.Fatalf("recorded %d charts, want 2", len(res.Charts))
	}
	for _, ch := range res.Charts {
		if len(ch.Threshold) == 0 || len(ch.Bars) != len(months) {
			t.Fatalf("chart %q recorded %d target lines and %d bars", ch.Title, len(ch.Threshold), len(ch.Bars))
		}
		if got := labelsOnTheLine(ch); len(got) > 0 {
			t.Errorf("chart %q: the target line crosses the labels %v", ch.Title, got)
		}
	}
	// A value just under the target is never printed as the target.
	for i, want := range []string{"95%", "92%", "89%", "100%", "94.7%", "77%"} {
		if got := res.Charts[0].Bars[i].ValueLabel; got != want {
			t.Errorf("value %v is labelled %q, want %q", values[i], got, want)
		}
	}
	if got := res.Charts[1].Bars[5].ValueLabel; got != "59.7%" {
		t.Errorf("59.7 against 60 is labelled %q", got)
	}
}

func clauseChart(n int) ([]string, []float64) {
	labels := make([]string, n)
	values := make([]float64, n)
	for i := range labels {
		labels[i] = fmt.Sprintf("7.%d Acknowledgement of complaint", i)
		values[i] = float64(40 + i*2)
	}
	return labels, values
}

// A chart that fits on a page is drawn on one page with its title:
// compacted where it starts when that is enough, else moved whole to the
// next page; only a chart taller than a page continues.
func TestAHorizontalChartKeepsWithItsTitle(t *testing.T) {
	labels, values := clauseChart(28)
	for _, tt := range []struct {
		name      string
		before    int // paragraphs of text before the chart
		wantPages int
		wantMoved bool
	}{
		{"compacted where it starts", 2, 1, false},
		{"moved whole to the next page", 12, 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := render(t, testOptions("en"), func(d *Doc) error {
				d.Section("Summary")
				for range tt.before {
					d.Paragraph(enPara)
				}
				d.BarChart("Readiness score per clause", labels, values, BarOpts{Horizontal: true, Max: 100, Unit: "%"})
				return nil
			})
			ch := res.Charts[0]
			if len(ch.Pages) != tt.wantPages || ch.TitlePage != ch.Pages[0] {
				t.Fatalf("the chart spreads over pages %v, title on %d", ch.Pages, ch.TitlePage)
			}
			if moved := ch.Pages[0] > 1; moved != tt.wantMoved {
				t.Errorf("chart on page %d; moved = %v, want %v", ch.Pages[0], moved, tt.wantMoved)
			}
		})
	}
	labels, values = clauseChart(60)
	res := render(t, testOptions("en"), func(d *Doc) error {
		d.Section("Summary")
		d.BarChart("Readiness score per clause", labels, values, BarOpts{Horizontal: true, Max: 100, Unit: "%"})
		return nil
	})
	if ch := res.Charts[0]; len(ch.Pages) < 2 || ch.Height <= BodyHeight {
		t.Errorf("a chart of 60 rows (%.0f mm) is on pages %v", ch.Height, ch.Pages)
	}
}

// The running header shrinks, then shortens the title, and cuts only a
// name that cannot fit even so.
func TestTheRunningHeaderFitsWhole(t *testing.T) {
	o := testOptions("en")
	o.Org = "Shanghai Pudong Jinqiao Harmony Property Management Service Co., Ltd. (上海浦东金桥和谐物业管理服务有限公司)"
	o.Title, o.ShortTitle = "Complaints-handling certification readiness — evidence pack", "Evidence pack"
	d, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	s, size := d.headerText()
	d.setFont(false, size)
	if strings.Contains(s, "…") || !strings.HasPrefix(s, o.Org) || d.measure(s) > contentW+eps {
		t.Errorf("header %q at %v pt is cut or too wide (%.1f mm)", s, size, d.measure(s))
	}
	o.Org = strings.Repeat("Harmony Property ", 30)
	d, _ = New(o)
	s, _ = d.headerText()
	if d.measure(d.fit(s, contentW)) > contentW+eps {
		t.Errorf("an absurd name still overflows the header")
	}
}

// A date in a column narrower than the date at the table's size is drawn
// smaller, on one line; a word too long even at the floor is broken.
func TestANarrowColumnShrinksTheCellRatherThanSplitADate(t *testing.T) {
	d, err := New(testOptions("en"))
	if err != nil {
		t.Fatal(err)
	}
	w := 16 - 2*1.3
	if n := len(d.Wrap("2026-04-03", w, 9, false)); n < 2 {
		t.Fatalf("the date fits %v mm at 9 pt; the test needs a narrower column", w)
	}
	size := d.fitSize("2026-04-03 14:53", w, 9, false)
	if size >= 9 || size < 9*minShrink {
		t.Fatalf("fitSize = %v, want below 9 and at least %v", size, 9*minShrink)
	}
	if got := d.Wrap("2026-04-03 14:53", w, size, false); len(got) != 2 || got[0] != "2026-04-03" {
		t.Errorf("at %v pt the cell wraps as %q", size, got)
	}
	if size := d.fitSize(strings.Repeat("x", 60), w, 9, false); size > 9*minShrink+0.25 {
		t.Errorf("a 60-letter word shrinks only to %v", size)
	}
}

// A subsection's heading and short introduction never end a page while
// its table starts the next: whatever the text before them, they land on
// the table's page.
func TestASubsectionStaysWithItsTable(t *testing.T) {
	moved := 0
	for space := 0.0; space <= 45; space += 5 {
		res := render(t, testOptions("en"), func(d *Doc) error {
			d.Section("Register")
			for range 10 {
				d.Paragraph(enPara)
			}
			d.Spacer(space)
			d.Subsection("Evidence files")
			d.Paragraph("Every file the records reference.")
			rows := make([][]string, 6)
			for i := range rows {
				rows[i] = []string{fmt.Sprintf("file-%d.pdf\nsigned\nscanned\nfiled\nkept", i), "a description of the file"}
			}
			d.Table([]Column{{Header: "TABLEHEAD", Width: 40}, {Header: "About"}}, rows, TableOpts{})
			return nil
		})
		e := res.TOC[len(res.TOC)-1]
		pages := pdfPages(t, res.PDF)
		table := 0
		for i, p := range pages {
			if strings.Contains(p, "TABLEHEAD") {
				table = i + 1
				break
			}
		}
		if e.Page != table {
			t.Errorf("%v mm more text: the subsection is on page %d, its table starts page %d", space, e.Page, table)
		}
		if e.Page > 1 && e.y < bodyTop+1 {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no case moved the subsection to a new page; the test proves nothing")
	}
}
