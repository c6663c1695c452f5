package cli

import (
	"fmt"
	"strings"
	"testing"
)

func TestRulesTreePrintsEveryClauseWithBothTitlesAndItsChecks(t *testing.T) {
	code, out, errs := runCLI(t, nil, "rules", "tree")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for top, n := range map[string]int{"4": 15, "5": 4, "6": 4, "7": 9, "8": 7} {
		for i := 1; i <= n; i++ {
			if !strings.Contains(out, fmt.Sprintf("GB/T 19012-2019 %s.%d ", top, i)) {
				t.Errorf("clause %s.%d missing from the tree", top, i)
			}
		}
	}
	for _, want := range []string{
		"7.4 Acknowledgement of complaint / 投诉的告知", "checks: docs.time-limits, handling.ack-24h",
		"8.4 Monitoring of the complaints-handling process", "not assessed: No check yet",
		"CB scheme S1.1 Valid business licence matching the applicant / 营业执照有效且与申请组织一致",
		"checks: licence.business-present, licence.matches-org, licence.valid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("tree lacks %q", want)
		}
	}
}

func TestRulesTreeRefusesAnUnknownTree(t *testing.T) {
	code, _, errs := runCLI(t, nil, "rules", "tree", "--standard", "iso9001")
	if code != ExitInput || !strings.Contains(errs, "cn-scheme") {
		t.Fatalf("exit %d, stderr %q: want a usage error listing the trees", code, errs)
	}
}

func TestRulesShowPrintsTheNodesAndBasis(t *testing.T) {
	code, out, _ := runCLI(t, nil, "rules", "show", "licence.valid")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"evidences:    CB scheme S1.1", "basis:        scheme"} {
		if !strings.Contains(out, want) {
			t.Errorf("rules show lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ISO 10002:2018 5.1") {
		t.Errorf("a licence check is shown under a clause of the standard:\n%s", out)
	}
}

func TestRulesShowCitesTheRegulationOfASectorRule(t *testing.T) {
	code, out, _ := runCLI(t, nil, "rules", "show", "sector.finance-decision-limit")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"basis:        law", "CBIRC Order No. 3 of 2020", "sectors:      finance",
		"within 15 days of receipt", "extended to 30 days", "a further 30 days when approved"} {
		if !strings.Contains(out, want) {
			t.Errorf("rules show lacks %q:\n%s", want, out)
		}
	}
}

func TestRulesTreePrintsASectorTreeWithItsSourcesAndChecks(t *testing.T) {
	code, out, errs := runCLI(t, nil, "rules", "tree", "--standard", "cn-finance")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"sectors: finance", "Banking & insurance complaint measures F1.1",
		"checks: sector.finance-decision-limit", "checks: sector.finance-recusal", "checks: sector.finance-recourse",
		"Article 18.", "Article 17:", "Article 19:", "checks: sector.finance-recording"} {
		if !strings.Contains(out, want) {
			t.Errorf("tree lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, nil, "rules", "tree", "--standard", "cn-samr")
	if code != ExitOK || !strings.Contains(out, "Order No. 121") || strings.Contains(out, "checks:") {
		t.Errorf("the 12315 tree should cite Order No. 121 and list no checks (exit %d):\n%s", code, out)
	}
}
