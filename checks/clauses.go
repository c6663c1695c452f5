package checks

import "github.com/certready/certready/internal/vocab"

// Clause is a clause of ISO 10002:2018, numbered identically in
// GB/T 19012-2019.
type Clause struct {
	Num   string
	Title Text
}

// Clauses lists the assessable clauses of the standard in document order,
// read from the ISO 10002 requirement tree.
func Clauses() []Clause {
	t, _ := trees.Tree(ISOTree)
	var out []Clause
	for _, n := range t.Assessable() {
		out = append(out, Clause{Num: n.Num, Title: n.Title})
	}
	return out
}

// Principle is one of the fourteen guiding principles of clause 4.
type Principle struct {
	Num   string
	Title Text
}

// Principles lists the fourteen guiding principles (clauses 4.2–4.15).
func Principles() []Principle {
	var out []Principle
	for _, c := range Clauses() {
		if len(c.Num) >= 3 && c.Num[:2] == "4." {
			out = append(out, Principle(c))
		}
	}
	return out
}

// ClauseTitle returns the title of a clause number.
func ClauseTitle(num string) Text {
	t, _ := trees.Tree(ISOTree)
	if n, ok := t.Node(num); ok {
		return n.Title
	}
	return Text{}
}

// StandardLabel renders a clause as "ISO 10002:2018 7.4" or
// "GB/T 19012-2019 7.4".
func StandardLabel(standard, num string) string { return vocab.StandardLabel(standard, num) }
