package convert

import (
	"errors"
	"slices"
	"time"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/templates"
)

// Leftover is a record that still holds the fill-in template's example
// values: `init` writes one per sheet, and certready would audit it as the
// organisation's own record until it is replaced or deleted.
type Leftover struct {
	Type string      // record type, e.g. "people"
	Pos  dossier.Pos // the record's row or cell
}

// exampleShare is how much of an example a record must still hold to be
// taken for it: most of it, so a record the client typed over (keeping,
// say, the example's id P01) is the client's.
const exampleShare = 0.8

// Leftovers finds the records that are still the template's examples: the
// record's identifying field and most of the example's values unchanged.
// Only the log's first row is compared, where the template puts its
// example, so a large log is not read again.
func Leftovers(d *dossier.Dossier) ([]Leftover, error) {
	data, _, err := FromDossier(d)
	if err != nil {
		return nil, err
	}
	ex := templates.Examples()
	var out []Leftover
	for _, rt := range dossier.Types() {
		if rt.Name == "complaints" {
			continue
		}
		want := ex.Records[rt.Name]
		if len(want) == 0 {
			continue
		}
		for i, rec := range data.Records[rt.Name] {
			if isExample(&rt, rec, want[0]) {
				out = append(out, Leftover{Type: rt.Name, Pos: recordPos(d, rt.Name, i)})
			}
		}
	}
	if d.Complaints != nil && ex.Complaints != nil {
		var want templates.Record
		_ = ex.Complaints(func(r templates.Record) error { want = r; return nil })
		rt, _ := dossier.TypeByName("complaints")
		loc := d.Location
		if loc == nil {
			loc = time.UTC
		}
		errFirst := errors.New("first row read")
		// A broken log is reported by the read that validates it; here it
		// only means there is no first row to compare.
		_ = d.Complaints.Each(func(c *dossier.Complaint) error {
			if isExample(&rt, ComplaintRecord(c, loc), want) {
				out = append(out, Leftover{Type: "complaints", Pos: c.Pos})
			}
			return errFirst
		})
	}
	return out, nil
}

// isExample compares a record with the example of its type: the first
// field the example fills (the record's id or name) must match, and at
// least exampleShare of the example's values.
func isExample(rt *dossier.RecordType, rec, example templates.Record) bool {
	filled, same, idChecked := 0, 0, false
	for _, fl := range rt.Fields {
		want, ok := example[fl.Key]
		if !ok {
			continue
		}
		filled++
		got, has := rec[fl.Key]
		eq := has && got.Text == want.Text && slices.Equal(got.List, want.List)
		if !idChecked {
			idChecked = true
			if !eq {
				return false
			}
		}
		if eq {
			same++
		}
	}
	return filled > 0 && float64(same) >= exampleShare*float64(filled)
}

// recordPos is where record i of a type was read.
func recordPos(d *dossier.Dossier, name string, i int) dossier.Pos {
	switch name {
	case "organisation":
		return d.Organisation.Pos
	case "resources":
		return d.Resources.Pos
	case "licences":
		return d.Licences[i].Pos
	case "documents":
		return d.Documents[i].Pos
	case "categories":
		return d.Categories[i].Pos
	case "people":
		return d.People[i].Pos
	case "qualifications":
		return d.Qualifications[i].Pos
	case "training":
		return d.Training[i].Pos
	case "channels":
		return d.Channels[i].Pos
	case "surveys":
		return d.Surveys[i].Pos
	case "audits":
		return d.Audits[i].Pos
	case "reviews":
		return d.Reviews[i].Pos
	case "actions":
		return d.Actions[i].Pos
	case "objectives":
		return d.Objectives[i].Pos
	case "plan":
		return d.Plan[i].Pos
	case "monitoring":
		return d.Monitoring[i].Pos
	}
	return dossier.Pos{}
}
