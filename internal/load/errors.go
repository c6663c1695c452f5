package load

import (
	"fmt"
	"sort"
	"strings"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

// Errors is every input problem found, each with its position. Loading
// goes on after the first problem so a person fixes a file once, not once
// per error.
type Errors struct {
	List []*dossier.PosError
	// Dropped counts problems beyond the configured maximum.
	Dropped int
}

func (e *Errors) Error() string {
	var b strings.Builder
	for i, x := range e.List {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(x.Error())
	}
	if e.Dropped > 0 {
		fmt.Fprintf(&b, "\n… and %s", vocab.Count(e.Dropped, "more problem", "more problems"))
	}
	return b.String()
}

type errorList struct {
	max  int
	errs Errors
}

func (l *errorList) add(p dossier.Pos, err error) {
	if l.max > 0 && len(l.errs.List) >= l.max {
		l.errs.Dropped++
		return
	}
	l.errs.List = append(l.errs.List, &dossier.PosError{Pos: p, Err: err})
}

func (l *errorList) addErr(err error) {
	if pe, ok := err.(*dossier.PosError); ok {
		l.add(pe.Pos, pe.Err)
		return
	}
	l.add(dossier.Pos{}, err)
}

func (l *errorList) empty() bool { return len(l.errs.List) == 0 && l.errs.Dropped == 0 }

// err returns the collected errors in file and position order, or nil.
func (l *errorList) err() error {
	if l.empty() {
		return nil
	}
	sort.SliceStable(l.errs.List, func(i, j int) bool {
		a, b := l.errs.List[i].Pos, l.errs.List[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return a.Col < b.Col
	})
	e := l.errs
	return &e
}
