package metrics

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// reservoir keeps a uniform random sample of k rows (Vitter's algorithm R)
// in O(k) memory. The generator is PCG seeded from the configured seed, so
// the same log and seed give the auditor the same sample on every run.
type reservoir struct {
	k    int
	seen int
	rng  *rand.Rand
	rows []dossier.Complaint
	seq  []int // row number of each kept row, to return them in log order
}

func newReservoir(k int, seed uint64) *reservoir {
	if k < 0 {
		k = 0
	}
	return &reservoir{
		k:    k,
		rng:  rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		rows: make([]dossier.Complaint, 0, k),
		seq:  make([]int, 0, k),
	}
}

func (r *reservoir) offer(c *dossier.Complaint) {
	r.seen++
	if r.k == 0 {
		return
	}
	if len(r.rows) < r.k {
		r.rows = append(r.rows, cloneComplaint(c))
		r.seq = append(r.seq, r.seen)
		return
	}
	if j := r.rng.IntN(r.seen); j < r.k {
		r.rows[j] = cloneComplaint(c)
		r.seq[j] = r.seen
	}
}

// sample returns the kept rows in the order they appear in the log.
func (r *reservoir) sample() []dossier.Complaint {
	idx := make([]int, len(r.rows))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return r.seq[a] - r.seq[b] })
	out := make([]dossier.Complaint, len(idx))
	for i, j := range idx {
		out[i] = r.rows[j]
	}
	return out
}

// cloneComplaint copies a row with its own strings: the reader reuses the
// row value, and its strings may share one buffer per line. All of a
// row's text goes into one allocation.
func cloneComplaint(c *dossier.Complaint) dossier.Complaint {
	x := *c
	fields := [...]*string{
		&x.ID, &x.Channel, &x.Category, &x.Complexity, &x.Risk, &x.Description,
		&x.Complainant, &x.Phone, &x.Email, &x.Steps, &x.Plan, &x.EscalatedTo,
		&x.Status, &x.Handler, &x.RootCause, &x.CorrectiveAction, &x.Satisfaction, &x.Feedback,
		&x.Pos.File, &x.Pos.Sheet, &x.Pos.Cell, &x.Pos.Column,
	}
	n := 0
	for _, s := range fields {
		n += len(*s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range fields {
		b.WriteString(*s)
	}
	all, off := b.String(), 0
	for _, s := range fields {
		l := len(*s)
		*s = all[off : off+l]
		off += l
	}
	return x
}
