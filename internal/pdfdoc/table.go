package pdfdoc

import (
	"fmt"
	"math"
)

// Align is the horizontal alignment of text in a table column.
type Align int

// Alignments. The zero value is left-aligned.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Column describes a table column.
type Column struct {
	Header string
	// Width is a fraction of the content width when 0 < Width <= 1, a width
	// in mm when Width > 1, and an equal share of what is left when 0.
	// Widths that add up to more than the content width are scaled down.
	Width float64
	Align Align
}

// RowStyle customises one table row, e.g. to colour findings by severity.
// Nil colours keep the defaults.
type RowStyle struct {
	Fill *Color
	Text *Color
	Bold bool
}

// TableOpts are the optional table settings.
type TableOpts struct {
	// Zebra shades every other row, which helps follow wide rows.
	Zebra bool
	// RowStyle, if set, is called for every row; its Fill wins over Zebra.
	RowStyle func(i int, row []string) RowStyle
	// FontSize in points; 0 means 9.
	FontSize float64
}

// Table draws a table. Cells wrap with Wrap; a row is as tall as its tallest
// cell; a row that does not fit moves to the next page, where the header row
// is repeated; a single row taller than a page is split across pages rather
// than clipped. A row with more cells than there are columns is an error
// (its data would be lost); missing cells are drawn empty.
func (d *Doc) Table(cols []Column, rows [][]string, opts TableOpts) {
	if len(cols) == 0 {
		d.pdf.SetErrorf("pdfdoc: table without columns")
		return
	}
	for i, r := range rows {
		if len(r) > len(cols) {
			d.pdf.SetErrorf("pdfdoc: table row %d has %d cells but there are %d columns", i, len(r), len(cols))
			return
		}
	}
	size := opts.FontSize
	if size <= 0 {
		size = tableSize
	}
	g := grid{
		header:  make([]string, len(cols)),
		size:    size,
		borders: true,
		zebra:   opts.Zebra,
		style:   opts.RowStyle,
		pad:     1.3,
	}
	for i, w := range columnWidths(cols, contentW) {
		g.cols = append(g.cols, gridCol{w: w, align: cols[i].Align})
		g.header[i] = cols[i].Header
	}
	d.drawGrid(g, rows)
	d.gap(paragraphGap + 1)
}

// columnWidths resolves Column.Width into millimetres summing to at most
// total.
func columnWidths(cols []Column, total float64) []float64 {
	ws := make([]float64, len(cols))
	fixed, shares := 0.0, 0
	for i, c := range cols {
		switch {
		case c.Width > 1:
			ws[i] = c.Width
		case c.Width > 0:
			ws[i] = c.Width * total
		default:
			shares++
			continue
		}
		fixed += ws[i]
	}
	if shares > 0 {
		each := math.Max(total-fixed, 0) / float64(shares)
		if each < 10 { // leave flexible columns usable, then scale all down
			each = 10
		}
		for i, c := range cols {
			if c.Width <= 0 {
				ws[i] = each
				fixed += each
			}
		}
	}
	if fixed > total {
		for i := range ws {
			ws[i] *= total / fixed
		}
	}
	return ws
}

// grid is the engine behind Table and KeyValues.
type grid struct {
	cols    []gridCol
	header  []string // nil: no header row
	size    float64
	borders bool // cell borders (tables)
	rules   bool // a hairline under each row (key/value lists)
	zebra   bool
	style   func(int, []string) RowStyle
	pad     float64
}

type gridCol struct {
	w     float64
	align Align
	bold  bool
}

func (d *Doc) drawGrid(g grid, rows [][]string) {
	lh := lineHeight(g.size)

	var headLines [][]string
	var headSizes []float64
	headH := 0.0
	if g.header != nil {
		n := 1
		for i, c := range g.cols {
			headSizes = append(headSizes, d.fitSize(g.header[i], c.w-2*g.pad, g.size, true))
			ls := d.wrap(g.header[i], c.w-2*g.pad)
			headLines = append(headLines, ls)
			n = max(n, len(ls))
		}
		headH = float64(n)*lh + 2*g.pad
	}
	drawHeader := func() {
		if g.header == nil {
			return
		}
		x, y := margin, d.y()
		d.pdf.SetLineWidth(0.2)
		d.setDrawColor(colBorder)
		d.setFillColor(colHeadBg)
		d.setTextColor(colText)
		for i, c := range g.cols {
			d.setFont(true, headSizes[i])
			d.pdf.Rect(x, y, c.w, headH, "FD")
			for j, ln := range headLines[i] {
				d.textAligned(x+g.pad, y+g.pad+float64(j)*lh, c.w-2*g.pad, lh, ln, c.align)
			}
			x += c.w
		}
		d.advance(headH)
	}

	// Wrap every row once, in the font it will be drawn in.
	// A cell whose word, date or identifier is wider than its column is
	// drawn smaller (to a floor) rather than broken inside the word; the
	// line pitch stays the row's, so rows keep one rhythm.
	type prepared struct {
		lines [][]string
		sizes []float64
		style RowStyle
	}
	preps := make([]prepared, len(rows))
	for i, row := range rows {
		if g.style != nil {
			preps[i].style = g.style(i, row)
		}
		for j, c := range g.cols {
			cell := ""
			if j < len(row) {
				cell = row[j]
			}
			bold := c.bold || preps[i].style.Bold
			size := d.fitSize(cell, c.w-2*g.pad, g.size, bold)
			preps[i].sizes = append(preps[i].sizes, size)
			preps[i].lines = append(preps[i].lines, d.wrap(cell, c.w-2*g.pad))
		}
	}
	tallest := func(lines [][]string) int {
		n := 1
		for _, ls := range lines {
			n = max(n, len(ls))
		}
		return n
	}

	// Keep the header with the first row; if that row is taller than a page
	// it is split anyway, so a few of its lines are enough.
	first := 2*g.pad + lh
	if len(rows) > 0 {
		first = float64(tallest(preps[0].lines))*lh + 2*g.pad
	}
	if first > bodyHeight-headH {
		first = 3*lh + 2*g.pad
	}
	d.keepIntro(headH + first)
	d.ensure(headH + first)
	drawHeader()
	rowsOnPage := 0
	nextPage := func() {
		d.newPage()
		drawHeader()
		rowsOnPage = 0
	}

	for i, p := range preps {
		rest := p.lines
		for {
			n := tallest(rest)
			need := float64(n)*lh + 2*g.pad
			if need <= d.room()+eps {
				d.drawRow(g, i, p.style, rest, p.sizes, n)
				rowsOnPage++
				break
			}
			if need <= bodyHeight-headH+eps && rowsOnPage > 0 {
				nextPage() // it fits on a fresh page: move it whole
				continue
			}
			// Taller than a page (or nothing else on this page): split.
			k := int((d.room() - 2*g.pad + eps) / lh)
			if k < 1 || (k < 2 && rowsOnPage > 0) {
				nextPage()
				continue
			}
			part := make([][]string, len(rest))
			next := make([][]string, len(rest))
			for j, ls := range rest {
				c := min(k, len(ls))
				part[j], next[j] = ls[:c], ls[c:]
			}
			d.drawRow(g, i, p.style, part, p.sizes, k)
			rest = next
			nextPage()
		}
	}
}

// drawRow draws n lines of each cell (a whole row or one slice of a split
// row) at the current position, each cell at its size.
func (d *Doc) drawRow(g grid, i int, st RowStyle, lines [][]string, sizes []float64, n int) {
	lh := lineHeight(g.size)
	h := float64(n)*lh + 2*g.pad
	x, y := margin, d.y()
	var fill *Color
	switch {
	case st.Fill != nil:
		fill = st.Fill
	case g.zebra && i%2 == 1:
		fill = &colZebra
	}
	text := colText
	if st.Text != nil {
		text = *st.Text
	}
	d.pdf.SetLineWidth(0.2)
	d.setDrawColor(colBorder)
	for j, c := range g.cols {
		style := ""
		if fill != nil {
			d.setFillColor(*fill)
			style = "F"
		}
		if g.borders {
			style += "D"
		}
		if style != "" {
			d.pdf.Rect(x, y, c.w, h, style)
		}
		d.setFont(c.bold || st.Bold, sizes[j])
		d.setTextColor(text)
		for k, ln := range lines[j] {
			d.textAligned(x+g.pad, y+g.pad+float64(k)*lh, c.w-2*g.pad, lh, ln, c.align)
		}
		x += c.w
	}
	if g.rules {
		d.hline(margin, x, y+h, Color{215, 215, 215}, 0.15)
	}
	d.advance(h)
}

// String implements fmt.Stringer for readable test failures.
func (a Align) String() string {
	switch a {
	case AlignLeft:
		return "left"
	case AlignCenter:
		return "center"
	case AlignRight:
		return "right"
	}
	return fmt.Sprintf("Align(%d)", int(a))
}
