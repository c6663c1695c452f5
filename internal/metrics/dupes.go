package metrics

import (
	"hash/maphash"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// idSet remembers the complaint ids seen, by a 64-bit hash in an
// open-addressing table: 16 bytes a row at most for a million-row log,
// against some 60 for a map of strings. Two different ids colliding on 64
// bits is a chance of about 3e-8 for a million rows; the pass accepts it.
type idSet struct {
	seed  maphash.Seed
	slots []uint64 // 0 is empty
	n     int
}

func newIDSet() *idSet { return &idSet{seed: maphash.MakeSeed(), slots: make([]uint64, 1024)} }

// add reports whether id was new.
func (s *idSet) add(id string) bool {
	h := maphash.String(s.seed, id)
	if h == 0 {
		h = 1
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			s.n++
			return true
		case h:
			return false
		}
	}
}

func (s *idSet) grow() {
	old := s.slots
	s.slots = make([]uint64, 2*len(old))
	mask := uint64(len(s.slots) - 1)
	for _, h := range old {
		if h == 0 {
			continue
		}
		i := h & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = h
	}
}

// duplicate reports whether the row's id (trimmed) was seen on an earlier
// row. The first occurrence is kept; each later one is counted in
// Metrics.Duplicates with its position and left out of every statistic,
// since counting one complaint twice would inflate every rate.
func (p *pass) duplicate(c *dossier.Complaint) bool {
	id := strings.TrimSpace(c.ID)
	if id == "" {
		return false
	}
	if p.ids.add(id) {
		p.m.Duplicates.pass()
		return false
	}
	p.m.Duplicates.fail(c, p)
	return true
}
