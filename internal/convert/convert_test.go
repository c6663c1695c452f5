package convert

import (
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

func TestComplaintFieldsCovered(t *testing.T) {
	keys := map[string]bool{}
	for _, fl := range dossier.ComplaintFields() {
		keys[fl.Key] = true
		if complaintFields[fl.Key] == nil {
			t.Errorf("complaint column %s is not converted", fl.Key)
		}
	}
	for k := range complaintFields {
		if !keys[k] {
			t.Errorf("converter reads %s, which is no complaint column", k)
		}
	}
}

func TestComplaintRecordKeepsValuesAndDropsAbsentOnes(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	c := &dossier.Complaint{
		Pos: dossier.Pos{File: "log.csv", Row: 3}, ID: "C1", Description: "'=x",
		ReceivedAt: time.Date(2026, 7, 3, 6, 5, 9, 0, time.UTC), Charge: 12.5, Rehandled: true,
		DecisionCommunicatedAt: time.Date(2026, 7, 4, 8, 30, 0, 0, time.UTC), RecourseOffered: dossier.No,
	}
	rec := ComplaintRecord(c, loc)
	for key, want := range map[string]string{
		"id": "C1", "received_at": "2026-07-03 14:05:09", "charge": "12.5", "rehandled": "yes", "updates": "0",
		"decision_communicated_at": "2026-07-04 16:30", "recourse_offered": "no",
		// the loader already removed the neutralising quote of a CSV cell;
		// the record keeps the text as loaded (the writer quotes it again)
		"description": "'=x",
	} {
		if rec[key].Text != want {
			t.Errorf("%s = %q, want %q", key, rec[key].Text, want)
		}
	}
	for _, absent := range []string{"closed_at", "channel", "satisfaction", "escalated"} {
		if _, ok := rec[absent]; ok {
			t.Errorf("%s is present although the complaint has none", absent)
		}
	}
}

func TestFromDossierKeepsPresenceOfEmptyTypes(t *testing.T) {
	d := &dossier.Dossier{
		Present: map[string]bool{"reviews": true, "people": true},
		People:  []dossier.Person{{Meta: dossier.Meta{Fields: map[string]dossier.Pos{"id": {}, "name": {}, "handler": {}}}, ID: "P1", Name: "李娜", Department: "ignored: not present"}},
	}
	data, sum, err := FromDossier(d)
	if err != nil {
		t.Fatal(err)
	}
	if recs, ok := data.Records["reviews"]; !ok || len(recs) != 0 {
		t.Errorf("an empty but present reviews type became %v (present %v)", recs, ok)
	}
	if _, ok := data.Records["surveys"]; ok {
		t.Errorf("an absent type was converted")
	}
	p := data.Records["people"][0]
	if p["id"].Text != "P1" || p["handler"].Text != "no" {
		t.Errorf("person: %v", p)
	}
	if _, ok := p["department"]; ok {
		t.Errorf("a field absent from the input was written: %v", p)
	}
	if sum.Records["people"] != 1 || data.Complaints != nil {
		t.Errorf("summary %+v, complaints %v", sum, data.Complaints != nil)
	}
}
