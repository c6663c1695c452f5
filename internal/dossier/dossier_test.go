package dossier

import (
	"encoding/json"
	"testing"

	"github.com/certready/certready/internal/civil"
)

func TestPosStringsReadAsEachToolsUsersExpect(t *testing.T) {
	for want, p := range map[string]Pos{
		"licences.yaml:3:7":             {File: "licences.yaml", Line: 3, Col: 7},
		"book.xlsx!证照!F3":               {File: "book.xlsx", Sheet: "证照", Cell: "F3"},
		`log.csv:row 12, column "受理时间"`: {File: "log.csv", Row: 12, Column: "受理时间"},
		"organisation.yaml":             {File: "organisation.yaml"},
	} {
		if got := p.String(); got != want {
			t.Errorf("%+v: got %q, want %q", p, got, want)
		}
	}
}

func TestExpiryReadsIndefiniteInBothLanguages(t *testing.T) {
	asOf, _ := civil.Parse("2026-11-23")
	for in, valid := range map[string]bool{`"长期"`: true, `"indefinite"`: true, `"2026-11-23"`: true, `"2026-11-22"`: false} {
		var e Expiry
		if err := json.Unmarshal([]byte(in), &e); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if e.ValidOn(asOf) != valid {
			t.Errorf("%s valid on %s = %v, want %v", in, asOf, !valid, valid)
		}
	}
	var e Expiry
	if err := json.Unmarshal([]byte(`"2026-02-30"`), &e); err == nil {
		t.Error("an impossible date must not parse")
	}
}
