package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

// update rewrites the golden files: go test ./internal/report -update
var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// golden compares got with testdata/NAME.golden, or rewrites the file with
// -update. A difference is reported with the first differing line so a
// reviewer sees what moved without diffing by hand.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./internal/report -update if the change is intended)", path, i+1, g, w)
		}
	}
}

// Positions of each shape the loaders produce.
var (
	yamlPos  = dossier.Pos{File: "licences.yaml", Line: 4, Col: 7}
	excelPos = dossier.Pos{File: "dossier.xlsx", Sheet: "Documents", Cell: "C7"}
	csvPos   = dossier.Pos{File: "complaints.csv", Row: 12, Column: "受理时间"}
)

// fixtureCatalogue is a small fixed catalogue: the real one grows with
// every check, which would churn the SARIF golden files.
func fixtureCatalogue() []*checks.Check {
	return []*checks.Check{
		{ID: "channels.fixture-multiple", Title: checks.T("At least two intake channels", "至少两个受理渠道"), Severity: checks.Minor,
			Requirement: []string{"R8"}, Clauses: []string{"7.2"}, Principles: []string{"4.5"},
			Evidence: checks.T("A list of channels", "渠道清单"), Remedy: checks.T("Open a second channel.", "增设第二个渠道。")},
		{ID: "docs.fixture-manual", Title: checks.T("Complaints-handling manual", "投诉处理手册"), Severity: checks.Major,
			Requirement: []string{"R6"}, Clauses: []string{"5.3", "6.1"}, Principles: []string{"4.4"},
			Evidence: checks.T("A controlled manual", "受控手册"), Remedy: checks.T("Issue the manual.", "发布手册。"),
			Doc: checks.T("The manual describes the whole process.", "手册描述全部流程。")},
		{ID: "handling.fixture-ack", Title: checks.T("Acknowledged within 24 hours", "24 小时内告知"), Severity: checks.Major,
			Requirement: []string{"R14"}, Clauses: []string{"7.4"}, Principles: []string{"4.15"},
			Evidence: checks.T("Ack timestamps in the log", "台账中的告知时间"), Remedy: checks.T("Acknowledge every complaint within 24 hours.", "24 小时内告知每一件投诉。")},
		{ID: "improvement.fixture-review", Title: checks.T("Management review held", "已开展管理评审"), Severity: checks.Minor,
			Requirement: []string{"R20"}, Clauses: []string{"8.6"}, Manual: true,
			Evidence: checks.T("Review minutes", "评审记录"), Remedy: checks.T("Hold a review.", "开展评审。")},
		{ID: "org.fixture-cn-only", Title: checks.T("Business licence registered", "营业执照已登记"), Severity: checks.Major,
			Requirement: []string{"R2"}, Clauses: []string{"5.1"}, Jurisdiction: "cn",
			Evidence: checks.T("The licence", "营业执照"), Remedy: checks.T("Register.", "登记。")},
		{ID: "org.fixture-licence", Title: checks.T("Sector permit held", "持有行业许可"), Severity: checks.Major,
			Requirement: []string{"R1", "R2"}, Nodes: []string{"cn-scheme:S1.3"}, Basis: checks.OnScheme,
			Source:   checks.T("Certification bodies' eligibility rule.", "认证机构申请资格。"),
			Evidence: checks.T("A valid permit", "有效许可证"), Remedy: checks.T("Obtain the permit.", "取得许可证。")},
		{ID: "people.fixture-training", Title: checks.T("Handlers trained", "处理人员已培训"), Severity: checks.Observation,
			Requirement: []string{"R10"}, Clauses: []string{"6.4"}, Principles: []string{"4.14"},
			Evidence: checks.T("Training records", "培训记录"), Remedy: checks.T("Train the handlers.", "培训处理人员。")},
	}
}

// sampleResult is a Result with a finding of every severity and state and
// positions of every shape; kpis adds complaint metrics. known marks one
// finding as present in a baseline.
func sampleResult(kpis, known bool) *audit.Result {
	cat := map[string]*checks.Check{}
	for _, c := range fixtureCatalogue() {
		cat[c.ID] = c
	}
	mk := func(id string, sev checks.Severity, pos dossier.Pos, record string, msg checks.Text) audit.Finding {
		c := cat[id]
		basis := c.Basis
		if basis == "" {
			basis = checks.OnStandard
		}
		clauses := c.Clauses
		if clauses == nil {
			clauses = []string{}
		}
		return audit.Finding{Check: id, Title: c.Title, Severity: sev, Requirements: c.Requirement, Clauses: clauses,
			Principles: c.Principles, Nodes: c.NodeRefs(), Basis: basis, Message: msg, Where: pos.String(), Pos: pos, Record: record,
			Evidence: c.Evidence, Remedy: c.Remedy, State: "open"}
	}
	waiver := &audit.Waiver{Check: "people.fixture-training", Justification: "Trainer booked for January", Approver: "Li Wei", Expires: "2027-01-31", State: "active", Applied: 1}
	fs := []audit.Finding{
		mk("org.fixture-licence", checks.Major, yamlPos, "licence food_operation JY133", checks.T("Food operation permit JY133 expired on 2026-10-01.", "食品经营许可证 JY133 已于 2026-10-01 到期。")),
		mk("docs.fixture-manual", checks.Major, excelPos, "document QM-01", checks.T("Manual QM-01 has no approval date.", "手册 QM-01 无批准日期。")),
		mk("handling.fixture-ack", checks.Minor, dossier.Pos{File: "complaints.csv"}, "", checks.T("3 of 40 complaints were acknowledged after 24 hours.", "40 件投诉中有 3 件超过 24 小时告知。")),
		mk("people.fixture-training", checks.Observation, dossier.Pos{File: "people.yaml", Line: 9, Col: 3}, "person P03", checks.T("P03 has 16 of 24 training hours.", "P03 培训 16 学时，应为 24 学时。")),
		mk("channels.fixture-multiple", checks.Observation, dossier.Pos{}, "", checks.T("=HYPERLINK(\"http://evil.example\",\"click\") is the only channel.", "=HYPERLINK(\"http://evil.example\",\"click\") 是唯一渠道。")),
	}
	fs[2].Rows = []metrics.RowRef{{ID: "C-007", Pos: csvPos}, {ID: "C-019", Pos: dossier.Pos{File: "complaints.csv", Row: 24, Column: "受理时间"}}}
	fs[2].Count = 3
	fs[2].Basis, fs[2].BasisNote = checks.OnPolicy, checks.T("your procedure QP-01 sets 24 h", "贵组织程序文件 QP-01 规定 24 小时")
	fs[3].Basis, fs[3].BasisNote = checks.OnPractice, checks.T("recommended practice: 24 h", "推荐做法：24 小时")
	fs[3].State, fs[3].Waiver = "waived", waiver
	if known {
		fs[1].State = "known"
	}
	res := func(id string, st audit.Status, n int) audit.CheckResult {
		c := cat[id]
		basis := c.Basis
		if basis == "" {
			basis = checks.OnStandard
		}
		return audit.CheckResult{ID: id, Title: c.Title, Severity: c.Severity, Requirements: c.Requirement, Clauses: c.Clauses,
			Principles: c.Principles, Nodes: c.NodeRefs(), Basis: basis, Source: c.Source, Status: st, Findings: n, Evidence: c.Evidence}
	}
	r := &audit.Result{
		Tool: "certready", Version: "0.9.0-test", Dossier: "examples/gaps", InputDigest: "sha256:0f1e2d", AsOf: "2026-11-23",
		Standard: "gbt19012", Jurisdiction: "hk",
		Organisation: audit.Organisation{Name: "杭州示例餐饮管理有限公司", USCC: "91330100MA27XXXX1Y", Sector: "catering"},
		Verdict:      audit.NotReady, Score: 61.5, EligibleFrom: "2026-12-01",
		Counts: audit.Counts{Major: 2, Minor: 1, Observation: 1, Waived: 1, NeedsEvidence: 1},
		Clauses: []audit.ClauseScore{
			{Clause: "5.1", Title: checks.ClauseTitle("5.1"), Score: audit.ScoreOf(0), Checks: 1, Failed: 1},
			{Clause: "5.2", Title: checks.ClauseTitle("5.2"), Checks: 1}, // its one check awaits evidence: no score
			{Clause: "7.4", Title: checks.ClauseTitle("7.4"), Score: audit.ScoreOf(50), Checks: 1, Failed: 1},
		},
		Findings: fs,
		Checks: []audit.CheckResult{
			res("channels.fixture-multiple", audit.Fail, 1),
			res("docs.fixture-manual", audit.Fail, 1),
			res("handling.fixture-ack", audit.Fail, 1),
			res("improvement.fixture-review", audit.NeedsEvidence, 0),
			res("org.fixture-cn-only", audit.NotApplicable, 0),
			res("org.fixture-licence", audit.Fail, 1),
			res("people.fixture-training", audit.Waived, 1),
		},
		Materials: []audit.Material{
			{ID: "licence", Title: checks.T("Business licence", "营业执照"), Status: checks.MaterialPresent, Refs: []string{"evidence/licence.pdf"}},
			{ID: "manual", Title: checks.T("Complaints-handling manual", "投诉处理手册"), Status: checks.MaterialMissing, Note: checks.T("Not yet issued", "尚未发布")},
			{ID: "permit", Title: checks.T("Food operation permit", "食品经营许可证"), Status: checks.MaterialExpired, Refs: []string{"JY133"}, Optional: true},
		},
		Principles: []audit.PrincipleRow{
			{Principle: "4.5", Title: checks.ClauseTitle("4.5"), Checks: []string{"channels.fixture-multiple"}, State: "gaps"},
			{Principle: "4.14", Title: checks.ClauseTitle("4.14"), Checks: []string{"people.fixture-training"}, State: "met"},
			{Principle: "4.7", Title: checks.ClauseTitle("4.7"), Checks: []string{}, State: "not_evidenced"},
		},
		Coverage: sampleCoverage(),
		Waivers:  []audit.Waiver{*waiver},
		Notes:    []checks.Text{checks.T("2 complaints fall outside the calendar.", "2 件投诉超出工作日历范围。")},
		FailOn:   checks.Major,
	}
	if known {
		r.Counts.Major, r.Counts.Known = 1, 1
	}
	if kpis {
		r.KPIs = sampleKPIs()
	}
	return r
}

// sampleCoverage is a two-tree coverage with a node of every status.
func sampleCoverage() []audit.TreeCoverage {
	ref := func(id string) vocab.NodeRef {
		t, n, err := checks.Trees().Resolve(id)
		if err != nil {
			panic(err)
		}
		return t.Ref(n)
	}
	iso, _ := checks.Trees().Tree(checks.ISOTree)
	scheme, _ := checks.Trees().Tree(checks.SchemeTree)
	return []audit.TreeCoverage{
		{Tree: iso.ID, Kind: string(iso.Kind), Title: iso.Title, Counts: audit.CoverageCounts{Assessable: 4, Pass: 1, Findings: 1, NeedsEvidence: 1, NotAssessed: 1},
			Nodes: []audit.NodeCoverage{
				{NodeRef: ref("iso10002:6.4"), Depth: 1, Status: audit.NodePass, Checks: []string{"people.fixture-training"}},
				{NodeRef: ref("iso10002:7.4"), Depth: 1, Status: audit.NodeFindings, Checks: []string{"handling.fixture-ack"}, Findings: 1},
				{NodeRef: ref("iso10002:8.4"), Depth: 1, Status: audit.NodeNotAssessed, Checks: []string{}, Why: checks.T("No check yet.", "尚无检查。")},
				{NodeRef: ref("iso10002:8.6"), Depth: 1, Status: audit.NodeNeedsEvidence, Checks: []string{"improvement.fixture-review"}},
			}},
		{Tree: scheme.ID, Kind: string(scheme.Kind), Title: scheme.Title, Counts: audit.CoverageCounts{Assessable: 1, Findings: 1},
			Nodes: []audit.NodeCoverage{{NodeRef: ref("cn-scheme:S1.3"), Depth: 1, Status: audit.NodeFindings, Checks: []string{"org.fixture-licence"}, Findings: 1}}},
	}
}

func sampleKPIs() *metrics.Metrics {
	m := &metrics.Metrics{
		Source:        "complaints.csv",
		Limits:        metrics.Limits{AsOf: "2026-11-23", AckHours: 24, ResponseHours: 48, SimpleResolveDays: 3, Cutoff: "17:30", ComplexResolveDays: 30, MaxListed: 20},
		Total:         40,
		FirstReceived: dossier.Date{Year: 2026, Month: 8, Day: 3},
		LastReceived:  dossier.Date{Year: 2026, Month: 10, Day: 28},
		MonthsCovered: 3,
		ByMonth:       []metrics.Count{{Key: "2026-08", N: 12}, {Key: "2026-09", N: 15}, {Key: "2026-10", N: 13}},
		ByChannel:     []metrics.Count{{Key: "hotline", N: 25}, {Key: "wechat", N: 15}},
		ByCategory:    []metrics.Count{{Key: "food_quality", N: 30}, {Key: "service", N: 10}},
	}
	m.Timeliness.Ack = metrics.Rule{Applicable: 40, Violations: 3}
	m.Timeliness.Response = metrics.Rule{Applicable: 38, Violations: 1}
	m.Timeliness.SimpleResolve = metrics.Rule{Applicable: 30, Violations: 0}
	m.Risk.Overdue = metrics.Rule{Applicable: 2, Violations: 1}
	m.Timeliness.Monthly = []metrics.MonthRates{
		{Month: "2026-08", Received: 12, Ack: 12, AckOnTime: 11, Response: 12, ResponseOnTime: 12, Resolution: 10, ResolutionOnTime: 10},
		{Month: "2026-09", Received: 15, Ack: 15, AckOnTime: 14, Response: 14, ResponseOnTime: 13, Resolution: 12, ResolutionOnTime: 11},
		{Month: "2026-10", Received: 13, Ack: 13, AckOnTime: 12, Response: 12, ResponseOnTime: 12, Resolution: 0, ResolutionOnTime: 0},
	}
	return m
}
