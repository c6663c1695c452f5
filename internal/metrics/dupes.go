package metrics

import (
	"hash/maphash"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// idSet remembers the complaint ids seen, by a 64-bit hash. Two different
// ids colliding on 64 bits is a chance of about 3e-8 for a million rows;
// the pass accepts it.
//
// Most exports list complaints in id order. While every id is greater
// than all before it, none can repeat, so the hashes are only appended
// (sequential writes, 8 bytes a row); the first id out of order builds an
// open-addressing table from them (16 bytes a row at most) and every later
// id is looked up there. A table from the first row would cost the pass
// a cache miss a row.
type idSet struct {
	seed   maphash.Seed
	max    []byte   // the greatest id so far, while in order
	sorted bool     // every id so far was greater than all before it
	seen   []uint64 // hashes, while in order
	slots  []uint64 // the table once out of order; 0 is empty
	n      int
}

func newIDSet() *idSet { return &idSet{seed: maphash.MakeSeed(), sorted: true} }

// add reports whether id was new.
func (s *idSet) add(id string) bool {
	h := maphash.String(s.seed, id)
	if h == 0 {
		h = 1
	}
	if s.sorted {
		if len(s.seen) == 0 || id > string(s.max) {
			s.max = append(s.max[:0], id...)
			s.seen = append(s.seen, h)
			return true
		}
		s.sorted = false
		s.slots = make([]uint64, 1<<10)
		for _, x := range s.seen {
			s.insert(x)
		}
		s.seen, s.max = nil, nil
	}
	return s.insert(h)
}

// insert puts h in the table and reports whether it was new.
func (s *idSet) insert(h uint64) bool {
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

// grow doubles the table.
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
