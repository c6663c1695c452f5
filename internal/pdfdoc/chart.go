package pdfdoc

import (
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
	// NaNLabel is printed for a value that is NaN (no figure), in place of
	// "n/a": e.g. "— (needs evidence)".
	NaNLabel string
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
	d.intro.open = false
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
		if c.o.NaNLabel != "" {
			return c.d.prep(c.o.NaNLabel)
		}
		return "n/a"
	}
	dec := max(c.o.Decimals, 0)
	// A value just below the target must not be printed as the target
	// ("95%" for 94.7 % against 95 %): the reader compares the label with
	// the line, and the bar's colour follows the true value. Print as many
	// more decimals as it takes for the label to fall on the value's side.
	if t := c.o.Threshold; t > 0 {
		for ; dec < c.o.Decimals+4; dec++ {
			r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', dec, 64), 64)
			if err != nil || (r < t) == (v < t) {
				break
			}
		}
	}
	return strconv.FormatFloat(v, 'f', dec, 64) + c.o.Unit
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

// hMetrics are the bar height and the gap between rows of a horizontal
// chart: the normal ones, and the compact ones used to keep a chart on the
// page its title starts on.
type hMetrics struct{ barH, rowGap float64 }

var (
	hNormal  = hMetrics{barH: 5, rowGap: 2.5}
	hCompact = hMetrics{barH: 3.6, rowGap: 1.3}
)

const hAxisH = 6.0 // tick labels under a horizontal chart

func (c *chart) horizontal() {
	d := c.d
	lh := lineHeight(chartSize)
	d.setFont(false, chartSize)
	valW := 0.0
	for _, v := range c.values {
		valW = math.Max(valW, d.measure(c.valueLabel(v)))
	}
	// The label column takes what the longest label needs, between a third
	// and two fifths of the width: labels on one line keep the chart short.
	labelW := contentW * 0.32
	for _, l := range c.labels {
		labelW = math.Max(labelW, math.Min(d.measure(d.prep(l))+3.5, contentW*0.42))
	}
	plotX := margin + labelW
	plotW := contentW - labelW - valW - 3
	topPad := 0.0
	if c.o.Threshold > 0 && c.o.ThresholdLabel != "" {
		topPad = lh + 0.5
	}
	labelLines := make([][]string, len(c.labels))
	for i, l := range c.labels {
		d.setFont(false, chartSize)
		labelLines[i] = d.wrap(l, labelW-3)
	}
	layout := ChartLayout{Title: c.title, ThresholdValue: c.o.Threshold}
	if len(c.labels) == 0 {
		d.ensure(lineHeight(chartTitle))
		layout.TitlePage = d.pdf.PageNo()
		c.drawTitle(c.titleLines(false))
		layout.Pages = []int{layout.TitlePage}
		d.charts = append(d.charts, layout)
		return
	}
	rowHeights := func(m hMetrics) ([]float64, float64) {
		hs := make([]float64, len(labelLines))
		sum := 0.0
		for i, ls := range labelLines {
			hs[i] = math.Max(float64(len(ls))*lh, m.barH) + m.rowGap
			sum += hs[i]
		}
		return hs, sum
	}
	tl := c.titleLines(false)
	head := float64(len(tl))*lineHeight(chartTitle) + 1.5 + topPad
	room := d.room()
	if d.needPage || d.fresh {
		room = bodyHeight
	}
	// Keep the chart whole with its title: on this page, compacted if need
	// be; else on the next page; only a chart taller than a page continues
	// over several, starting here if a fair share of it fits.
	m := hNormal
	rowH, sum := rowHeights(m)
	if total := head + sum + hAxisH; total > room+eps {
		_, csum := rowHeights(hCompact)
		switch {
		case head+csum+hAxisH <= room+eps:
			m = hCompact
		case total <= bodyHeight+eps:
			d.needPage = true
		case head+csum+hAxisH <= bodyHeight+eps:
			m = hCompact
			d.needPage = true
		default:
			m = hCompact
			if room < bodyHeight/3 {
				d.needPage = true
			}
		}
		rowH, sum = rowHeights(m)
	}
	layout.Height = head + sum + hAxisH
	for i := 0; i < len(rowH); {
		if i > 0 {
			tl = c.titleLines(true)
			d.newPage()
		} else {
			d.ensure(head + rowH[0] + hAxisH)
			layout.TitlePage = d.pdf.PageNo()
		}
		layout.Pages = append(layout.Pages, d.pdf.PageNo())
		c.drawTitle(tl)
		d.advance(topPad)
		// Take as many rows as fit above the axis (at least one).
		y0, h, j := d.y(), rowH[i], i+1
		for j < len(rowH) && y0+h+rowH[j]+hAxisH <= bodyBottom+eps {
			h += rowH[j]
			j++
		}
		c.hChunk(i, j, y0, h, plotX, plotW, m, labelLines, rowH, &layout)
		d.pdf.SetY(y0 + h + hAxisH)
		i = j
	}
	d.charts = append(d.charts, layout)
}

func (c *chart) hChunk(from, to int, y0, h, plotX, plotW float64, m hMetrics, labelLines [][]string, rowH []float64, layout *ChartLayout) {
	d := c.d
	page := d.pdf.PageNo()
	lh := lineHeight(chartSize)
	// Grid first so that bars are drawn over it.
	for _, t := range c.ticks() {
		x := plotX + t/c.max*plotW
		d.pdf.SetLineWidth(0.1)
		d.setDrawColor(Color{225, 225, 225})
		d.pdf.Line(x, y0, x, y0+h)
	}
	xt := -1.0 // the target line's x, if any
	if c.o.Threshold > 0 {
		xt = plotX + math.Min(c.o.Threshold/c.max, 1)*plotW
	}
	d.setFont(false, chartSize)
	y := y0
	for i := from; i < to; i++ {
		inner := rowH[i] - m.rowGap
		ly := y + m.rowGap/2 + (inner-float64(len(labelLines[i]))*lh)/2
		d.setTextColor(colText)
		for k, ln := range labelLines[i] {
			d.text(margin, ly+float64(k)*lh, lh, ln)
		}
		by := y + m.rowGap/2 + (inner-m.barH)/2
		w := c.frac(c.values[i]) * plotW
		col := c.color(i)
		if w > 0 {
			d.setFillColor(col)
			d.pdf.Rect(plotX, by, w, m.barH, "F")
		}
		d.setTextColor(colMuted)
		s := c.valueLabel(c.values[i])
		sw := d.measure(s)
		lx := plotX + w + 1.5
		// A label the target line would cross goes beyond the line.
		if xt >= 0 && lx-0.6 < xt && xt < lx+sw+0.6 {
			lx = xt + 1.2
		}
		d.text(lx, by, m.barH, s)
		layout.Bars = append(layout.Bars, BarLayout{
			Label: c.labels[i], Value: c.values[i], ValueLabel: s, Color: col,
			Bar:      Box{Page: page, X: plotX, Y: by, W: w, H: m.barH},
			LabelBox: Box{Page: page, X: lx, Y: by + m.barH/2 - chartSize*ptToMM/2, W: sw, H: chartSize * ptToMM},
		})
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
	if xt >= 0 {
		c.dashed(xt, y0-1, xt, y0+h)
		layout.Threshold = append(layout.Threshold, Box{Page: page, X: xt, Y: y0 - 1, H: h + 1})
		if c.o.ThresholdLabel != "" {
			d.setFont(false, chartSize)
			d.setTextColor(colThresh)
			s := d.prep(c.o.ThresholdLabel)
			sx := xt + 1
			if sx+d.measure(s) > pageW-margin {
				sx = xt - 1 - d.measure(s)
			}
			d.text(sx, y0-lh-0.5, lh, s)
		}
	}
}

// chartLabelFloor is the smallest size (pt) a category label under a
// vertical bar shrinks to so that its words fit the bar's slot unbroken.
const chartLabelFloor = 6.0

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
	labelSize := make([]float64, n)
	labelH := 0.0
	for i, l := range c.labels {
		// A word too wide for the slot shrinks (to a floor) rather than
		// breaking: "food_safe/ty" reads as two words.
		labelSize[i] = math.Max(d.fitSize(l, slotW-1, chartSize, false), chartLabelFloor)
		d.setFont(false, labelSize[i])
		labelLines[i] = d.wrap(l, slotW-1)
		labelH = math.Max(labelH, float64(len(labelLines[i]))*lh)
	}
	d.setFont(false, chartSize)
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
	page := d.pdf.PageNo()
	layout := ChartLayout{Title: c.title, TitlePage: page, Pages: []int{page}, ThresholdValue: c.o.Threshold, Height: fixed + plotH}
	c.drawTitle(tl)
	if n == 0 {
		d.charts = append(d.charts, layout)
		return
	}
	y0 := d.y() + topPad // top of the plot
	yb := y0 + plotH     // baseline
	yt := -1.0           // the target line's y, if any
	if c.o.Threshold > 0 {
		yt = yb - math.Min(c.o.Threshold/c.max, 1)*plotH
	}
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
	glyphH := chartSize * ptToMM // the height the digits of a label take
	for i := range c.values {
		cx := plotX + (float64(i)+0.5)*slotW
		h := c.frac(c.values[i]) * plotH
		col := c.color(i)
		if h > 0 {
			d.setFillColor(col)
			d.pdf.Rect(cx-barW/2, yb-h, barW, h, "F")
		}
		d.setFont(false, chartSize)
		d.setTextColor(colMuted)
		s := c.valueLabel(c.values[i])
		top := yb - h - lh - 0.3 // the label's line box, just above the bar
		// The glyphs sit in the middle of the line box; a target line
		// through them (a bar just under the target) moves the label
		// above the line.
		gTop := top + (lh-glyphH)/2
		if yt >= 0 && gTop-0.5 < yt && yt < gTop+glyphH+0.5 {
			top = yt - 0.6 - glyphH - (lh-glyphH)/2
			gTop = top + (lh-glyphH)/2
		}
		sw := d.measure(s)
		d.text(cx-sw/2, top, lh, s)
		layout.Bars = append(layout.Bars, BarLayout{
			Label: c.labels[i], Value: c.values[i], ValueLabel: s, Color: col,
			Bar:      Box{Page: page, X: cx - barW/2, Y: yb - h, W: barW, H: h},
			LabelBox: Box{Page: page, X: cx - sw/2, Y: gTop, W: sw, H: glyphH},
		})
		d.setTextColor(colText)
		for k, ln := range labelLines[i] {
			d.setFont(false, labelSize[i])
			d.text(cx-d.measure(ln)/2, yb+2+float64(k)*lh, lh, ln)
		}
	}
	d.setFont(false, chartSize)
	d.pdf.SetLineWidth(0.3)
	d.setDrawColor(colMuted)
	d.pdf.Line(plotX, y0, plotX, yb)
	d.pdf.Line(plotX, yb, plotX+plotW, yb)
	if yt >= 0 {
		c.dashed(plotX, yt, plotX+plotW, yt)
		layout.Threshold = []Box{{Page: page, X: plotX, Y: yt, W: plotW}}
		if thrLabel != "" {
			d.setFont(false, chartSize)
			d.setTextColor(colThresh)
			d.text(plotX+plotW+2, yt-lh/2, lh, thrLabel)
		}
	}
	d.charts = append(d.charts, layout)
	d.pdf.SetY(yb + 2 + labelH)
	d.fresh = false
}
