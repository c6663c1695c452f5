package metrics

import (
	"slices"
	"strings"
)

// Count is one line of a breakdown.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// OtherKey collects rows whose value arrived after a breakdown reached
// MaxKeys distinct values.
const OtherKey = "(other)"

// MaxKeys bounds the distinct values a breakdown keeps. Channels, statuses
// and categories are a handful; handler ids a few hundred; the bound only
// matters for a free-text column mapped by mistake, where it keeps memory
// constant instead of growing with the log.
const MaxKeys = 10_000

// smallTally is how many distinct values a tally scans before it hashes.
const smallTally = 8

// tally counts rows per value. A lookup with the row's string does not
// allocate; only a value seen for the first time is copied, so that it
// does not pin the reader's line buffer.
type tally struct {
	idx   map[string]int
	keys  []string
	n     []int
	other int
}

func newTally() *tally { return &tally{idx: make(map[string]int)} }

func (t *tally) add(k string) {
	// Most breakdowns (status, channel, risk) have a few values, and a
	// scan of a few short strings is cheaper than hashing the row's text.
	if len(t.keys) <= smallTally {
		for i, key := range t.keys {
			if key == k {
				t.n[i]++
				return
			}
		}
	} else if i, ok := t.idx[k]; ok {
		t.n[i]++
		return
	}
	if len(t.keys) >= MaxKeys {
		t.other++
		return
	}
	k = strings.Clone(k)
	t.idx[k] = len(t.keys)
	t.keys = append(t.keys, k)
	t.n = append(t.n, 1)
}

// sorted returns the counts ordered by key, or by the position of the key
// in order when given (unknown keys follow, sorted), with OtherKey last.
func (t *tally) sorted(order []string) []Count {
	out := make([]Count, 0, len(t.keys)+1)
	for i, k := range t.keys {
		out = append(out, Count{Key: k, N: t.n[i]})
	}
	rank := func(k string) int {
		if i := slices.Index(order, k); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortFunc(out, func(a, b Count) int {
		if ra, rb := rank(a.Key), rank(b.Key); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Key, b.Key)
	})
	if t.other > 0 {
		out = append(out, Count{Key: OtherKey, N: t.other})
	}
	return out
}
