package load

import (
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
