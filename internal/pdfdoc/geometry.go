package pdfdoc

// Box is a rectangle on a page, in millimetres from the top-left corner.
type Box struct {
	Page       int
	X, Y, W, H float64
}

// Overlaps reports whether two boxes on the same page share any area.
func (b Box) Overlaps(o Box) bool {
	return b.Page == o.Page && b.X < o.X+o.W && o.X < b.X+b.W && b.Y < o.Y+o.H && o.Y < b.Y+b.H
}

// BarLayout is where one bar of a chart and its value label were drawn.
type BarLayout struct {
	Label      string  // the category label under or beside the bar
	Value      float64 // the value as given
	ValueLabel string  // the value as printed
	Color      Color
	Bar        Box // zero width or height when the value draws no bar
	LabelBox   Box // the value label's box
}

// ChartLayout records what BarChart drew, so that tests can assert layout
// facts (labels clear of the target line, colours against the target, the
// chart kept on one page when it fits) without reading them back from the
// PDF.
type ChartLayout struct {
	Title string
	// Pages are the pages the chart occupies, the title's first.
	Pages []int
	// TitlePage is the page the title was drawn on.
	TitlePage int
	Bars      []BarLayout
	// Threshold is the target line as a thin box (zero width or height),
	// one per page of the chart; nil without a threshold.
	Threshold []Box
	// ThresholdValue is BarOpts.Threshold.
	ThresholdValue float64
	// Height is the height the whole chart needs, in mm, had it one page.
	Height float64
}

// BodyHeight is the usable height of a body page in mm: a chart taller than
// this must continue on the next page.
const BodyHeight = bodyHeight

// Charts returns the layout of every chart drawn so far, in order.
func (d *Doc) Charts() []ChartLayout {
	out := make([]ChartLayout, len(d.charts))
	copy(out, d.charts)
	return out
}
