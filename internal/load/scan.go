package load

import (
	"errors"

	"github.com/certready/certready/internal/dossier"
)

// scanner is implemented by the streaming logs: Scan goes on past bad rows.
type scanner interface {
	Scan(fn func(*dossier.Complaint) error, onErr func(error) error) error
}

// ScanLog reads the whole complaint log once to find every bad row (up to
// max), reporting the row count to rows. Validation uses it; the audit
// stops at the first bad row instead.
func ScanLog(d *dossier.Dossier, max int, rows func(int)) error {
	if d.Complaints == nil {
		rows(0)
		return nil
	}
	errs := &errorList{max: max}
	n := 0
	count := func(*dossier.Complaint) error { n++; return nil }
	var err error
	if s, ok := d.Complaints.(scanner); ok {
		err = s.Scan(count, func(e error) error { errs.addErr(e); return nil })
	} else {
		err = d.Complaints.Each(count)
	}
	rows(n)
	if err != nil {
		errs.addErr(err)
	}
	return errs.err()
}

// LogSummary is what reading the whole complaint log found, grouped for a
// person: problems by field and kind with counts and first positions,
// instead of one line per cell.
type LogSummary struct {
	Rows        int                     `json:"rows"`
	ProblemRows int                     `json:"problem_rows"`
	Groups      []ProblemGroup          `json:"groups"`
	Ignored     []dossier.IgnoredColumn `json:"ignored_columns"`
}

// ProblemGroup is one field's problems of one kind.
type ProblemGroup struct {
	Field string `json:"field"`
	Kind  string `json:"kind"`
	N     int    `json:"n"`
	// Example is the first problem's message.
	Example string        `json:"example"`
	First   []dossier.Pos `json:"first"`
}

// SummariseLog reads the complaint log once and groups its row problems,
// keeping the first positions of each group. The error is for a log that
// cannot be read at all (no header, malformed CSV, not a workbook).
func SummariseLog(d *dossier.Dossier, first int) (*LogSummary, error) {
	s := &LogSummary{Groups: []ProblemGroup{}, Ignored: []dossier.IgnoredColumn{}}
	if d.Complaints == nil {
		return s, nil
	}
	idx := map[[2]string]int{}
	bad := false
	onErr := func(err error) error {
		bad = true
		var field, kind, msg = "", "unreadable", err.Error()
		var pos dossier.Pos
		var pe *dossier.PosError
		if errors.As(err, &pe) {
			pos, msg = pe.Pos, pe.Err.Error()
		}
		var fe *dossier.FieldError
		if errors.As(err, &fe) {
			field, kind, msg = fe.Field, fe.Kind, fe.Err.Error()
		}
		k := [2]string{field, kind}
		i, ok := idx[k]
		if !ok {
			i = len(s.Groups)
			idx[k] = i
			s.Groups = append(s.Groups, ProblemGroup{Field: field, Kind: kind, Example: msg})
		}
		g := &s.Groups[i]
		g.N++
		if len(g.First) < first {
			g.First = append(g.First, pos)
		}
		return nil
	}
	row := func(*dossier.Complaint) error {
		s.Rows++
		if bad {
			s.ProblemRows++
			bad = false
		}
		return nil
	}
	var err error
	if sc, ok := d.Complaints.(dossier.RowScanner); ok {
		err = sc.Scan(row, onErr)
	} else {
		err = d.Complaints.Each(row)
	}
	if cr, ok := d.Complaints.(dossier.ColumnReporter); ok {
		s.Ignored = append(s.Ignored, cr.IgnoredColumns()...)
	}
	return s, err
}
