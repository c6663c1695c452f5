package pdfdoc

import (
	"fmt"
	"math"
	"strconv"
)

// BarOpts are the optional bar chart settings.
type BarOpts struct {
	// Horizontal draws one bar per row with its label on the left, which
	// suits long labels such as clause titles; otherwise bars are vertical.
	Horizontal bool
	// Max is the value at the end of the axis (e.g. 100 for percentages).
	// 0 derives a round number from the data. Longer bars are clipped to
	// the axis but keep their true value label.
	Max float64
	// Threshold, when > 0, is drawn as a dashed reference line (e.g. the
	// pass mark), labelled with ThresholdLabel.
	Threshold      float64
	ThresholdLabel string
	// Unit is appended to value labels and axis ticks, e.g. "%".
	Unit string
	// Decimals is the number of decimals of value labels.
	Decimals int
	// Height is the plot height in mm of a vertical chart; 0 means 60.
	Height float64
	// Color, if set, picks each bar's colour (e.g. red below the threshold).
	Color func(i int, v float64) Color
}

const (
	chartSize  = 8.5 // pt, labels and ticks
	chartTitle = 11.0
)

// BarChart draws a bar chart with fpdf primitives: bars, axis with ticks,
// value labels and an optional threshold line. NaN values are drawn as
// "n/a" without a bar. A horizontal chart too long for a page continues on
// the next one, with its title marked as continued.
func (d *Doc) BarChart(title string, labels []string, values []float64, o BarOpts) {
	if len(labels) != len(values) {
		d.pdf.SetErrorf("pdfdoc: bar chart %q has %d labels but %d values", title, len(labels), len(values))
		return
	}
	o.Unit = d.prep(o.Unit) // drawn verbatim in every label
	axisMax, step := chartScale(values, o.Max)
	c := chart{d: d, title: title, labels: labels, values: values, o: o, max: axisMax, step: step}
	if o.Horizontal {
		c.horizontal()
	} else {
		c.vertical()
	}
	d.gap(paragraphGap + 2)
}

type chart struct {
	d         *Doc
	title     string
	labels    []string
	values    []float64
	o         BarOpts
	max, step float64
}

// chartScale returns the axis maximum and tick step: the caller's Max split
// in five, or a 1-2-2.5-5 step covering the data in about five ticks.
func chartScale(values []float64, fixed float64) (float64, float64) {
	if fixed > 0 {
		return fixed, fixed / 5
	}
	hi := 0.0
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			hi = math.Max(hi, v)
		}
	}
	if hi <= 0 {
		return 1, 0.2
	}
	raw := hi / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return step * math.Ceil(hi/step-1e-9), step
}

func (c *chart) ticks() []float64 {
	n := int(math.Round(c.max / c.step))
	ts := make([]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		ts = append(ts, float64(i)*c.step)
	}
	return ts
}

func (c *chart) tickLabel(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64) + c.o.Unit
}

func (c *chart) valueLabel(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	return fmt.Sprintf("%.*f", max(c.o.Decimals, 0), v) + c.o.Unit
}

// frac is the bar length as a fraction of the axis, clipped to [0, 1].
func (c *chart) frac(v float64) float64 {
	if math.IsNaN(v) || v <= 0 {
		return 0
	}
	return math.Min(v/c.max, 1)
}

func (c *chart) color(i int) Color {
	if c.o.Color != nil {
		return c.o.Color(i, c.values[i])
	}
	return colBar
}

// titleLines wraps the title, marked as continued on later pages.
func (c *chart) titleLines(cont bool) []string {
	t := c.title
	if cont {
		t += c.d.tr(" (continued)", "（续）")
	}
	if t == "" {
		return nil
	}
	c.d.setFont(true, chartTitle)
	return c.d.wrap(t, contentW)
}

func (c *chart) drawTitle(lines []string) {
	d := c.d
	d.setFont(true, chartTitle)
	d.setTextColor(colText)
	for _, ln := range lines {
		d.text(margin, d.y(), lineHeight(chartTitle), ln)
		d.advance(lineHeight(chartTitle))
	}
	if len(lines) > 0 {
		d.advance(1.5)
	}
}

func (c *chart) dashed(x1, y1, x2, y2 float64) {
	d := c.d
	d.setDrawColor(colThresh)
	d.pdf.SetLineWidth(0.4)
	d.pdf.SetDashPattern([]float64{1.6, 1.0}, 0)
	d.pdf.Line(x1, y1, x2, y2)
	d.pdf.SetDashPattern([]float64{}, 0)
}

func (c *chart) horizontal() {
	d := c.d
	lh := lineHeight(chartSize)
	d.setFont(false, chartSize)
	valW := 0.0
	for _, v := range c.values {
		valW = math.Max(valW, d.measure(c.valueLabel(v)))
	}
	labelW := contentW * 0.32
	plotX := margin + labelW
	plotW := contentW - labelW - valW - 3
	const barH, rowGap, axisH = 5.0, 2.5, 6.0
	topPad := 0.0
	if c.o.Threshold > 0 && c.o.ThresholdLabel != "" {
		topPad = lh + 0.5
	}
	labelLines := make([][]string, len(c.labels))
	rowH := make([]float64, len(c.labels))
	for i, l := range c.labels {
		labelLines[i] = d.wrap(l, labelW-3)
		rowH[i] = math.Max(float64(len(labelLines[i]))*lh, barH) + rowGap
	}
	if len(c.labels) == 0 {
		d.ensure(lineHeight(chartTitle))
		c.drawTitle(c.titleLines(false))
		return
	}
	for i := 0; i < len(rowH); {
		tl := c.titleLines(i > 0)
		head := float64(len(tl))*lineHeight(chartTitle) + 1.5 + topPad
		if i > 0 {
			d.newPage()
		} else {
			d.ensure(head + rowH[0] + axisH)
		}
		c.drawTitle(tl)
		d.advance(topPad)
		// Take as many rows as fit above the axis (at least one).
		y0, h, j := d.y(), rowH[i], i+1
		for j < len(rowH) && y0+h+rowH[j]+axisH <= bodyBottom+eps {
			h += rowH[j]
			j++
		}
		c.hChunk(i, j, y0, h, plotX, plotW, labelLines, rowH)
		d.pdf.SetY(y0 + h + axisH)
		i = j
	}
}

func (c *chart) hChunk(from, to int, y0, h, plotX, plotW float64, labelLines [][]string, rowH []float64) {
	d := c.d
	lh := lineHeight(chartSize)
	const barH, rowGap = 5.0, 2.5
	// Grid first so that bars are drawn over it.
	for _, t := range c.ticks() {
		x := plotX + t/c.max*plotW
		d.pdf.SetLineWidth(0.1)
		d.setDrawColor(Color{225, 225, 225})
		d.pdf.Line(x, y0, x, y0+h)
	}
	d.setFont(false, chartSize)
	y := y0
	for i := from; i < to; i++ {
		inner := rowH[i] - rowGap
		ly := y + rowGap/2 + (inner-float64(len(labelLines[i]))*lh)/2
		d.setTextColor(colText)
		for k, ln := range labelLines[i] {
			d.text(margin, ly+float64(k)*lh, lh, ln)
		}
		by := y + rowGap/2 + (inner-barH)/2
		w := c.frac(c.values[i]) * plotW
		if w > 0 {
			d.setFillColor(c.color(i))
			d.pdf.Rect(plotX, by, w, barH, "F")
		}
		d.setTextColor(colMuted)
		d.text(plotX+w+1.5, by, barH, c.valueLabel(c.values[i]))
		y += rowH[i]
	}
	// Axes and ticks.
	d.pdf.SetLineWidth(0.3)
	d.setDrawColor(colMuted)
	d.pdf.Line(plotX, y0, plotX, y0+h)
	d.pdf.Line(plotX, y0+h, plotX+plotW, y0+h)
	d.setTextColor(colMuted)
	for _, t := range c.ticks() {
		x := plotX + t/c.max*plotW
		d.pdf.Line(x, y0+h, x, y0+h+1)
		s := c.tickLabel(t)
		d.text(x-d.measure(s)/2, y0+h+1.2, lh, s)
	}
	if c.o.Threshold > 0 {
		x := plotX + math.Min(c.o.Threshold/c.max, 1)*plotW
		c.dashed(x, y0-1, x, y0+h)
		if c.o.ThresholdLabel != "" {
			d.setFont(false, chartSize)
			d.setTextColor(colThresh)
			s := d.prep(c.o.ThresholdLabel)
			sx := x + 1
			if sx+d.measure(s) > pageW-margin {
				sx = x - 1 - d.measure(s)
			}
			d.text(sx, y0-lh-0.5, lh, s)
		}
	}
}

func (c *chart) vertical() {
	d := c.d
	n := len(c.labels)
	lh := lineHeight(chartSize)
	d.setFont(false, chartSize)
	tickW := 0.0
	for _, t := range c.ticks() {
		tickW = math.Max(tickW, d.measure(c.tickLabel(t)))
	}
	// The threshold label goes to the right of the plot, where no bar or
	// value label can collide with it.
	thrLabel, thrW := "", 0.0
	if c.o.Threshold > 0 && c.o.ThresholdLabel != "" {
		thrLabel = d.prep(c.o.ThresholdLabel)
		thrW = math.Min(d.measure(thrLabel)+2, contentW/4)
		thrLabel = d.fit(thrLabel, thrW-2)
	}
	plotX := margin + tickW + 3
	plotW := contentW - tickW - 3 - thrW
	slotW := plotW / float64(max(n, 1))
	barW := math.Min(slotW*0.6, 18)
	labelLines := make([][]string, n)
	labelH := 0.0
	for i, l := range c.labels {
		labelLines[i] = d.wrap(l, slotW-1)
		labelH = math.Max(labelH, float64(len(labelLines[i]))*lh)
	}
	tl := c.titleLines(false)
	head := float64(len(tl))*lineHeight(chartTitle) + 1.5
	topPad := lh + 1 // value labels of full-height bars, threshold label
	plotH := c.o.Height
	if plotH <= 0 {
		plotH = 60
	}
	fixed := head + topPad + 2 + labelH
	plotH = math.Max(math.Min(plotH, bodyHeight-fixed), 20)
	d.ensure(fixed + plotH)
	c.drawTitle(tl)
	if n == 0 {
		return
	}
	y0 := d.y() + topPad // top of the plot
	yb := y0 + plotH     // baseline
	d.setFont(false, chartSize)
	for _, t := range c.ticks() {
		y := yb - t/c.max*plotH
		d.pdf.SetLineWidth(0.1)
		d.setDrawColor(Color{225, 225, 225})
		d.pdf.Line(plotX, y, plotX+plotW, y)
		d.setTextColor(colMuted)
		s := c.tickLabel(t)
		d.text(plotX-1.5-d.measure(s), y-lh/2, lh, s)
	}
	for i := range c.values {
		cx := plotX + (float64(i)+0.5)*slotW
		h := c.frac(c.values[i]) * plotH
		if h > 0 {
			d.setFillColor(c.color(i))
			d.pdf.Rect(cx-barW/2, yb-h, barW, h, "F")
		}
		d.setTextColor(colMuted)
		s := c.valueLabel(c.values[i])
		d.text(cx-d.measure(s)/2, yb-h-lh-0.3, lh, s)
		d.setTextColor(colText)
		for k, ln := range labelLines[i] {
			d.text(cx-d.measure(ln)/2, yb+2+float64(k)*lh, lh, ln)
		}
	}
	d.pdf.SetLineWidth(0.3)
	d.setDrawColor(colMuted)
	d.pdf.Line(plotX, y0, plotX, yb)
	d.pdf.Line(plotX, yb, plotX+plotW, yb)
	if c.o.Threshold > 0 {
		y := yb - math.Min(c.o.Threshold/c.max, 1)*plotH
		c.dashed(plotX, y, plotX+plotW, y)
		if thrLabel != "" {
			d.setFont(false, chartSize)
			d.setTextColor(colThresh)
			d.text(plotX+plotW+2, y-lh/2, lh, thrLabel)
		}
	}
	d.pdf.SetY(yb + 2 + labelH)
	d.fresh = false
}
