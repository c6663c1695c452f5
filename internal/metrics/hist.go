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
// value with at least q of the values at or below it. It reorders vs.
func quantile(vs []uint32, q float64) float64 {
	n := len(vs)
	if n == 0 {
		return 0
	}
	rank := int(math.Ceil(q * float64(n)))
	rank = max(1, min(rank, n))
	return float64(nth(vs, rank-1))
}

// nth returns the k-th smallest value (from 0), partially ordering vs
// (quickselect): linear time on average, where a full sort of a million
// durations would cost the pass a tenth of its time. The pivot is the
// median of three, so sorted and reversed logs are no worst case.
func nth(vs []uint32, k int) uint32 {
	lo, hi := 0, len(vs)-1
	for hi-lo > 16 {
		mid := lo + (hi-lo)/2
		if vs[mid] < vs[lo] {
			vs[mid], vs[lo] = vs[lo], vs[mid]
		}
		if vs[hi] < vs[lo] {
			vs[hi], vs[lo] = vs[lo], vs[hi]
		}
		if vs[hi] < vs[mid] {
			vs[hi], vs[mid] = vs[mid], vs[hi]
		}
		p := vs[mid]
		i, j := lo, hi
		for i <= j {
			for vs[i] < p {
				i++
			}
			for vs[j] > p {
				j--
			}
			if i <= j {
				vs[i], vs[j] = vs[j], vs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return vs[k]
		}
	}
	slices.Sort(vs[lo : hi+1])
	return vs[k]
}

// Quantiles summarises a duration distribution in hours.
type Quantiles struct {
	N      int     `json:"n"`
	Median float64 `json:"median_hours"`
	P90    float64 `json:"p90_hours"`
}

// summary reads the quantiles; the memory is released, as the pass is
// over.
func (d *durations) summary() Quantiles {
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
