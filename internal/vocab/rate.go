package vocab

import (
	"math"
	"strconv"
	"strings"
)

// Every output prints a share through these functions, so the text report,
// the findings, the workbook and the PDF never disagree on a figure.

// RateValue is ok/of as a fraction rounded down to a tenth of a percent. It
// rounds down so that a rate with any miss never reads as 100% and a rate
// just under a target never reads as equal to it. 1 when of is 0.
func RateValue(ok, of int) float64 {
	if of <= 0 {
		return 1
	}
	return math.Floor(1000*float64(ok)/float64(of)+1e-9) / 1000
}

// Pct renders a fraction (0.936) as "93.6%", one decimal, without a
// trailing ".0". The fraction should come from RateValue or be a target.
func Pct(x float64) string {
	v := math.Round(x*1000) / 10
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0") + "%"
}

// Rate renders ok out of of as "93.6%", or "—" when nothing applies.
func Rate(ok, of int) string {
	if of <= 0 {
		return "—"
	}
	return Pct(RateValue(ok, of))
}

// RateOf renders ok out of of with the counts: "93.6% (163/174)".
func RateOf(ok, of int) string {
	if of <= 0 {
		return "—"
	}
	return Rate(ok, of) + " (" + strconv.Itoa(ok) + "/" + strconv.Itoa(of) + ")"
}
