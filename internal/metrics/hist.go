package metrics

import (
	"math"
	"slices"
)

// durations keeps every duration in whole minutes so that the median and
// the 90th percentile are exact, not read from histogram buckets: 4 bytes
// a row (a uint32 of minutes reaches 8,000 years; longer is clamped), so
// both distributions of a million-row log cost 8 MB. The result does not
// depend on row order.
type durations struct {
	mins []uint32
}

func (d *durations) add(minutes int64) {
	if minutes < 0 {
		return
	}
	d.mins = append(d.mins, uint32(min(minutes, math.MaxUint32)))
}

// quantile returns the q-quantile in minutes by nearest rank: the smallest
// value with at least q of the values at or below it. Sorted values are
// expected.
func quantile(sorted []uint32, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	rank := int(math.Ceil(q * float64(n)))
	rank = max(1, min(rank, n))
	return float64(sorted[rank-1])
}

// Quantiles summarises a duration distribution in hours.
type Quantiles struct {
	N      int     `json:"n"`
	Median float64 `json:"median_hours"`
	P90    float64 `json:"p90_hours"`
}

// summary sorts the durations once and reads the quantiles; the memory is
// released, as the pass is over.
func (d *durations) summary() Quantiles {
	slices.Sort(d.mins)
	q := Quantiles{
		N:      len(d.mins),
		Median: round1(quantile(d.mins, 0.5) / 60),
		P90:    round1(quantile(d.mins, 0.9) / 60),
	}
	d.mins = nil
	return q
}

func round1(x float64) float64 {
	if x < 0 {
		return -round1(-x)
	}
	return float64(int64(x*10+0.5)) / 10
}
