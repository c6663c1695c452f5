package checks

import (
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

func TestLicenceBusinessPresent(t *testing.T) {
	runCases(t, "licence.business-present", []checkCase{
		{name: "a complete business licence passes"},
		{
			name:   "an organisation without a business licence is refused",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropLicences(d, "business_licence") },
			want:   []findingWant{{Severity: Major, Message: "No business licence", Record: "licence business_licence"}},
		},
		{
			name: "a dossier without a licences sheet says the sheet is missing",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Licences = nil
				d.Present["licences"] = false
			},
			want: []findingWant{{Severity: Major, Message: "no licences file or sheet"}},
		},
		{
			name: "each blank particular is a finding at its own field",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				l := licenceOfType(t, d, "business_licence")
				l.Scope, l.Established = "", dossier.Date{}
			},
			want: []findingWant{
				{Severity: Minor, Message: "lacks the business scope", Where: "licences.yaml:6:5", Record: "licence business_licence " + fixtureUSCC},
				{Severity: Minor, Message: "lacks the date of establishment", Where: "licences.yaml:8:5"},
			},
		},
	})
}

func TestLicenceValid(t *testing.T) {
	runCases(t, "licence.valid", []checkCase{
		{name: "an indefinite licence passes"},
		{
			name: "a licence valid for another year passes",
			mutate: func(d *dossier.Dossier, p *Pass) {
				licenceOfType(t, d, "business_licence").ValidUntil = dossier.Expiry{Date: fixtureAsOf.AddDate(1, 0, 0)}
			},
		},
		{
			name: "an expired licence is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").ValidUntil = dossier.Expiry{Date: day(2026, time.September, 30)}
			},
			want: []findingWant{{Severity: Major, Message: "expired on 2026-09-30", Where: "licences.yaml:5:5"}},
		},
		{
			name: "a licence expiring within the due-soon window is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").ValidUntil = dossier.Expiry{Date: day(2026, time.November, 1)}
			},
			want: []findingWant{{Severity: Observation, Message: "expires on 2026-11-01, 17 days after"}},
		},
		{
			name: "a licence without a validity date is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").ValidUntil = dossier.Expiry{}
			},
			want: []findingWant{{Severity: Minor, Message: "has no validity date"}},
		},
	})
}

func TestLicenceMatchesOrg(t *testing.T) {
	runCases(t, "licence.matches-org", []checkCase{
		{name: "a licence in the organisation's name and code passes"},
		{
			name: "full-width brackets and stray spaces do not make names differ",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.Name = "杭州示例（西湖）食品有限公司"
				l := licenceOfType(t, d, "business_licence")
				l.Name, l.Number = "杭州示例(西湖)食品有限公司 ", " "+fixtureUSCC
			},
		},
		{
			name: "a licence in another name is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").Name = "杭州另一食品有限公司"
			},
			want: []findingWant{{Severity: Major, Message: `in the name of "杭州另一食品有限公司"`, Where: "licences.yaml:4:5"}},
		},
		{
			name: "a licence number other than the USCC is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "business_licence").Number = "91330106MA2B3C4D5D"
			},
			want: []findingWant{{Severity: Major, Message: "differs from the organisation's USCC " + fixtureUSCC}},
		},
	})
}

func TestOrgUSCC(t *testing.T) {
	wrongCheck := fixtureUSCC[:17] + "0"
	runCases(t, "org.uscc", []checkCase{
		{name: "a valid USCC passes"},
		{
			name:   "a wrong check character is major and names the expected one",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.USCC = wrongCheck },
			want:   []findingWant{{Severity: Major, Message: "the check character is 0, the first 17 characters require 7", Where: "organisation.yaml:3:5"}},
		},
		{
			name:   "a USCC of the wrong length is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.USCC = fixtureUSCC[:17] },
			want:   []findingWant{{Severity: Major, Message: "must be 18 characters, got 17"}},
		},
		{
			name:   "a valid USCC written in lower case is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.USCC = "91330106ma2b3c4d5d" },
			want:   []findingWant{{Severity: Observation, Message: "record it as 91330106MA2B3C4D5D"}},
		},
		{
			name: "an organisation code alone is accepted for an entity established before 2016",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.USCC, d.Organisation.OrgCode = "", "12345678-8"
			},
		},
		{
			name: "an organisation code alone for an entity established in 2018 calls for a USCC",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.USCC, d.Organisation.OrgCode = "", "12345678-8"
				d.Organisation.Established = day(2018, time.March, 1)
			},
			want: []findingWant{{Severity: Major, Message: "established on 2018-03-01, after three-in-one registration began; a USCC is expected"}},
		},
		{
			name: "an organisation code without an establishment date calls for a USCC",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.USCC, d.Organisation.OrgCode = "", "12345678-8"
				d.Organisation.Established = dossier.Date{}
			},
			want: []findingWant{{Severity: Major, Message: "establishment date is missing"}},
		},
		{
			name: "an invalid organisation code is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.USCC, d.Organisation.OrgCode = "", "12345678-9"
			},
			want: []findingWant{{Severity: Major, Message: "not valid under GB 11714", Where: "organisation.yaml:4:5"}},
		},
		{
			name:   "neither code is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.USCC = "" },
			want:   []findingWant{{Severity: Major, Message: "Neither a unified social credit code nor an organisation code"}},
		},
	})
}

func TestLicenceSectorPermit(t *testing.T) {
	runCases(t, "licence.sector-permit", []checkCase{
		{name: "a food business with a valid food permit passes"},
		{
			name:   "a food business without a permit is refused",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropLicences(d, "food_operation") },
			want:   []findingWant{{Severity: Major, Message: "food sector requires a permit of type food_operation, food_production", Record: "organisation sector food"}},
		},
		{
			name: "an expired permit is major",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "food_operation").ValidUntil = dossier.Expiry{Date: day(2026, time.June, 30)}
			},
			want: []findingWant{{Severity: Major, Message: "Sector permit JY13301060012345 expired on 2026-06-30", Record: "licence food_operation JY13301060012345"}},
		},
		{
			name: "one valid permit outweighs an expired one",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				old := *licenceOfType(t, d, "food_operation")
				old.Number, old.ValidUntil = "JY13301060000001", dossier.Expiry{Date: day(2024, time.January, 9)}
				d.Licences = append(d.Licences, old)
			},
		},
		{
			name: "a permit expiring soon is an observation",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				licenceOfType(t, d, "food_operation").ValidUntil = dossier.Expiry{Date: day(2026, time.October, 20)}
			},
			want: []findingWant{{Severity: Observation, Message: "expires on 2026-10-20, 5 days after"}},
		},
		{
			name: "an unregulated sector needs no permit",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				d.Organisation.Sector = "retail"
				dropLicences(d, "food_operation")
			},
		},
		{
			name: "a sector made regulated in the configuration needs its permit",
			mutate: func(d *dossier.Dossier, p *Pass) {
				d.Organisation.Sector = "telecom"
				p.Config.SectorPermits["telecom"] = []string{"other"}
			},
			want: []findingWant{{Severity: Major, Message: "telecom sector requires a permit of type other"}},
		},
	})
}

func TestOrgOperationMonths(t *testing.T) {
	noAuditOrReview := func(d *dossier.Dossier) { d.Audits, d.Reviews = nil, nil }
	runCases(t, "org.operation-months", []checkCase{
		{name: "seven months of operation pass"},
		{
			name:   "exactly three months on the as-of date pass",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.AsOf = day(2026, time.June, 1) },
		},
		{
			name: "three months from a month end are reached on the shorter month's last day",
			mutate: func(d *dossier.Dossier, p *Pass) {
				d.Organisation.SystemLive = day(2025, time.November, 30)
				p.AsOf = day(2026, time.February, 28)
			},
		},
		{
			name: "too short an operation is major and gives the earliest application date",
			mutate: func(d *dossier.Dossier, p *Pass) {
				noAuditOrReview(d)
				p.AsOf = day(2026, time.May, 15)
			},
			want: []findingWant{{Severity: Major, Message: "reached on 2026-06-01, 17 days after the as-of date 2026-05-15. Earliest eligible application date: not yet, it also needs an internal audit covering complaints handling", Where: "organisation.yaml:11:5"}},
		},
		{
			name:   "a later management review moves the earliest application date",
			mutate: func(_ *dossier.Dossier, p *Pass) { p.AsOf = day(2026, time.May, 15) },
			want:   []findingWant{{Severity: Major, Message: "Earliest eligible application date: 2026-09-10 (set by the first internal audit or management review"}},
		},
		{
			name: "a stricter threshold is honoured",
			mutate: func(_ *dossier.Dossier, p *Pass) {
				p.Config.Thresholds.MinOperationMonths = 12
			},
			want: []findingWant{{Severity: Major, Message: "12 months of operation are needed and are reached on 2027-03-01"}},
		},
		{
			name:   "an unknown go-live date is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.SystemLive = dossier.Date{} },
			want:   []findingWant{{Severity: Major, Message: "({{organisation.system_live}}) is not given"}},
		},
	})
}

func TestEarliestApplication(t *testing.T) {
	th := config.Defaults()
	cases := []struct {
		name   string
		mutate func(*dossier.Dossier)
		log    *metrics.Metrics
		want   dossier.Date
		waits  []string
	}{
		{name: "is the management review when it comes last", want: day(2026, time.September, 10)},
		{name: "waits for an audit and a review when neither is recorded", mutate: func(d *dossier.Dossier) { d.Audits, d.Reviews = nil, nil },
			waits: []string{"an internal audit covering complaints handling", "a management review covering complaints handling"}},
		{name: "is the first audit covering complaints when it comes last", mutate: func(d *dossier.Dossier) {
			d.Reviews[0].Date = day(2026, time.June, 2)
			later := d.Audits[0]
			later.ID, later.Date = "IA-2026-2", day(2026, time.December, 1)
			d.Audits = append(d.Audits, later)
		}, want: day(2026, time.August, 20)},
		{name: "waits for audits and reviews that cover complaints", mutate: func(d *dossier.Dossier) {
			d.Audits[0].CoversComplaints, d.Reviews[0].CoversComplaints = false, false
		}, waits: []string{"internal audit", "management review"}},
		{name: "does not count a review held before the system went live", mutate: func(d *dossier.Dossier) {
			d.Reviews[0].Date = day(2026, time.February, 1)
		}, waits: []string{"management review"}},
		{name: "counts operation from the first complaint when the log starts after the declared go-live",
			mutate: func(d *dossier.Dossier) {
				d.Audits[0].Date, d.Reviews[0].Date = day(2026, time.March, 5), day(2026, time.March, 6)
			},
			log: &metrics.Metrics{FirstReceived: day(2026, time.July, 6)}, want: day(2026, time.October, 6)},
		{name: "waits for a go-live date", mutate: func(d *dossier.Dossier) { d.Organisation.SystemLive = dossier.Date{} }, waits: []string{"Complaint system live since"}},
		{name: "waits for an organisation record", mutate: func(d *dossier.Dossier) { d.Organisation = nil }, waits: []string{"Complaint system live since"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readyDossier()
			if c.mutate != nil {
				c.mutate(d)
			}
			e := EarliestApplication(d, c.log, th)
			if e.From != c.want {
				t.Errorf("date %v, want %v (waits %v)", e.From, c.want, e.Waits)
			}
			if len(e.Waits) != len(c.waits) && !(len(c.waits) == 1 && len(e.Waits) >= 1) {
				t.Errorf("waits for %v, want %v", e.Waits, c.waits)
			}
			for _, w := range c.waits {
				found := false
				for _, got := range e.Waits {
					found = found || strings.Contains(got.EN, w)
				}
				if !found {
					t.Errorf("waits for %v, want it to name %q", e.Waits, w)
				}
			}
		})
	}
}

func TestOrgLegalRep(t *testing.T) {
	const invalidID = "330106198001010022" // check character should be 1
	runCases(t, "org.legal-rep", []checkCase{
		{name: "a named representative with an ID copy passes"},
		{
			name:   "a valid ID number passes",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.LegalRepID = "330106198001010021" },
		},
		{
			name:   "an unnamed representative is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.LegalRep = "" },
			want:   []findingWant{{Severity: Major, Message: "legal representative is not named", Where: "organisation.yaml:5:5"}},
		},
		{
			name:   "no ID copy is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.LegalRepIDFile = "" },
			want:   []findingWant{{Severity: Major, Message: "No copy of the legal representative's ID"}},
		},
		{
			name:   "an ID copy missing from the dossier is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { delete(d.Evidence, d.Organisation.LegalRepIDFile) },
			want:   []findingWant{{Severity: Major, Message: "evidence/legal-rep-id.pdf is missing from the dossier or empty"}},
		},
		{
			name:   "an invalid ID number is minor and shown masked",
			mutate: func(d *dossier.Dossier, _ *Pass) { d.Organisation.LegalRepID = invalidID },
			want:   []findingWant{{Severity: Minor, Message: "ID number 3****************2 is not a valid GB 11643 resident ID (check)"}},
		},
		{
			name: "outside China the ID number is not judged against GB 11643",
			mutate: func(d *dossier.Dossier, p *Pass) {
				d.Organisation.LegalRepID = invalidID
				p.Config.Jurisdiction = "other"
			},
		},
	})

	t.Run("no message prints the ID number or the name", func(t *testing.T) {
		d := readyDossier()
		d.Organisation.LegalRepID = invalidID
		fs := runCheck(t, "org.legal-rep", d)
		if len(fs) != 1 {
			t.Fatalf("want one finding, got:\n%s", dumpFindings(fs))
		}
		for _, s := range []string{fs[0].Message.EN, fs[0].Message.ZH} {
			if strings.Contains(s, invalidID) || strings.Contains(s, invalidID[6:14]) || strings.Contains(s, d.Organisation.LegalRep) {
				t.Errorf("message leaks personal data: %s", s)
			}
		}
	})
}

func TestOrgProfile(t *testing.T) {
	runCases(t, "org.profile", []checkCase{
		{name: "a profile covering every element passes"},
		{
			name:   "no profile is major",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "PF-01") },
			want:   []findingWant{{Severity: Major, Message: "No company profile"}},
		},
		{
			name: "a profile lacking markets and culture is minor and lists them",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				documentByID(t, d, "PF-01").Covers = []string{"history", "products_services"}
			},
			want: []findingWant{{Severity: Minor, Message: "PF-01 does not cover: markets, culture", Record: "document PF-01"}},
		},
		{
			name: "elements may be spread over two profile documents",
			mutate: func(d *dossier.Dossier, _ *Pass) {
				pf := documentByID(t, d, "PF-01")
				second := *pf
				second.ID, second.Covers = "PF-02", []string{"markets", "culture"}
				pf.Covers = []string{"history", "products_services"}
				d.Documents = append(d.Documents, second)
			},
		},
	})
}
