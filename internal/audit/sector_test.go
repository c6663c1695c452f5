package audit

import (
	"slices"
	"testing"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/load"
)

// The bank in testdata/bank declares its sector in Chinese (金融); the
// banking and insurance rules of law apply to it and judge its log: B-002
// decided on day 20, B-005 extended by an approval given after the 30 days
// had run out, B-006 undecided for months.
func TestTheBankingAndInsuranceRulesJudgeABank(t *testing.T) {
	res, err := load.Load("testdata/bank", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, res, Options{FailOn: checks.Major})
	status := map[string]Status{}
	for _, cr := range r.Checks {
		status[cr.ID] = cr.Status
	}
	for id, want := range map[string]Status{"sector.finance-decision-limit": Fail, "sector.finance-recourse": Fail, "sector.finance-recusal": Pass, "sector.finance-recording": Fail} {
		if status[id] != want {
			t.Errorf("%s: %s, want %s", id, status[id], want)
		}
	}
	var late []string
	for _, f := range r.Findings {
		if f.Check == "sector.finance-decision-limit" {
			if f.Basis != checks.OnLaw || f.Severity != checks.Major {
				t.Errorf("decision limit finding: basis %s, severity %s; want law, major", f.Basis, f.Severity)
			}
			for _, row := range f.Rows {
				late = append(late, row.ID)
			}
		}
	}
	if want := []string{"B-002", "B-005", "B-006"}; !slices.Equal(late, want) {
		t.Errorf("late complaints %v, want %v", late, want)
	}
	if !hasRule(r, "finance_decision_limit") {
		t.Error("the bank's KPIs lack the banking and insurance decision limit")
	}
}

// A sector's rules stay out of another sector's report: not applicable,
// no tally in the KPIs; sector in certready.yaml overrides the record.
func TestSectorRulesApplyOnlyToTheirSector(t *testing.T) {
	res, err := load.Load("testdata/bank", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res.Config.Sector = "other"
	r := run(t, res, Options{FailOn: checks.Major})
	for _, cr := range r.Checks {
		if len(cr.ID) > 7 && cr.ID[:7] == "sector." && cr.Status != NotApplicable {
			t.Errorf("%s is %s for a sector-other organisation, want not applicable", cr.ID, cr.Status)
		}
	}
	if hasRule(r, "finance_decision_limit") {
		t.Error("a non-finance organisation's KPIs carry the banking and insurance decision limit")
	}
	food, err := load.Load("../../examples/ready-org", load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	food.Config.Sector = "finance"
	if r := run(t, food, Options{FailOn: checks.Major}); !hasRule(r, "finance_decision_limit") {
		t.Error("sector: finance in certready.yaml did not bring in the banking and insurance rules")
	}
}

func hasRule(r *Result, key string) bool {
	if r.KPIs == nil {
		return false
	}
	for _, k := range r.KPIs.Rules {
		if k.Key == key {
			return true
		}
	}
	return false
}
