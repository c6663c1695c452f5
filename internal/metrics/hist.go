package metrics

import "math/bits"

// The duration histogram is log-linear, as in HDR histograms: values below
// 2^subBits minutes get a bucket each, larger ones share 2^(subBits-1)
// buckets per power of two. Quantiles are then exact to within about 3%
// whatever the spread of the data, with a fixed array instead of the
// million durations a sort would need, and the result does not depend on
// row order.
const (
	subBits    = 6
	subCount   = 1 << subBits // exact buckets for 0..63 minutes
	halfCount  = subCount / 2 // buckets per further power of two
	maxShift   = 30           // values up to 2^36 minutes (130,000 years)
	histBucket = subCount + maxShift*halfCount
)

// hist counts non-negative durations in whole minutes.
type hist struct {
	counts [histBucket]uint64
	n      uint64
}

func bucketOf(v uint64) int {
	if v < subCount {
		return int(v)
	}
	shift := bits.Len64(v) - subBits
	if shift > maxShift {
		return histBucket - 1
	}
	return subCount + (shift-1)*halfCount + int(v>>uint(shift)) - halfCount
}

// bucketRange returns the smallest value of bucket i and its width.
func bucketRange(i int) (lo, width uint64) {
	if i < subCount {
		return uint64(i), 1
	}
	shift := uint((i-subCount)/halfCount + 1)
	m := uint64((i-subCount)%halfCount + halfCount)
	return m << shift, 1 << shift
}

func (h *hist) add(minutes int64) {
	if minutes < 0 {
		return
	}
	h.counts[bucketOf(uint64(minutes))]++
	h.n++
}

// quantile returns the q-quantile in minutes (nearest rank), reported as
// the middle of the bucket holding it.
func (h *hist) quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := uint64(q*float64(h.n) + 0.999999999)
	if rank < 1 {
		rank = 1
	}
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			lo, w := bucketRange(i)
			return float64(lo) + float64(w-1)/2
		}
	}
	return 0
}

// Quantiles summarises a duration distribution in hours.
type Quantiles struct {
	N      int     `json:"n"`
	Median float64 `json:"median_hours"`
	P90    float64 `json:"p90_hours"`
}

func (h *hist) summary() Quantiles {
	return Quantiles{
		N:      int(h.n),
		Median: round1(h.quantile(0.5) / 60),
		P90:    round1(h.quantile(0.9) / 60),
	}
}

func round1(x float64) float64 {
	if x < 0 {
		return -round1(-x)
	}
	return float64(int64(x*10+0.5)) / 10
}
