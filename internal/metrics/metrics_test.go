package metrics

import (
	"encoding/json"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// cst is China Standard Time; China has kept UTC+8 without daylight saving
// since 1991, so a fixed zone stands in for Asia/Shanghai without tzdata.
var cst = time.FixedZone("CST", 8*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

func opts(asOf string) Options {
	d, err := civil.Parse(asOf)
	if err != nil {
		panic(err)
	}
	o, err := OptionsFor(&dossier.Dossier{Location: cst}, config.Defaults(), cn.Default(), d)
	if err != nil {
		panic(err)
	}
	return o
}

func compute(t *testing.T, o Options, rows ...dossier.Complaint) *Metrics {
	t.Helper()
	for i := range rows {
		if rows[i].Pos.IsZero() {
			rows[i].Pos = dossier.Pos{File: "complaints.csv", Row: i + 2}
		}
	}
	m, err := Compute(&dossier.SliceLog{Name: "complaints.csv", Rows: rows}, o)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// full is a closed simple complaint that meets every rule.
func full(id, received string) dossier.Complaint {
	r := at(received)
	return dossier.Complaint{
		ID: id, ReceivedAt: r, Channel: "phone", Category: "quality", Complexity: "simple", Risk: "low",
		Description: "expired yoghurt", AcknowledgedAt: r.Add(time.Hour), FirstResponseAt: r.Add(2 * time.Hour),
		Steps: "checked batch; refunded", ResolvedAt: r.Add(3 * time.Hour), ClosedAt: r.Add(4 * time.Hour),
		Status: "closed", Handler: "P02", RootCause: "cold chain", CorrectiveAction: "temperature checks",
		FollowUpAt: r.Add(48 * time.Hour), Satisfaction: "satisfied", Feedback: "thanks",
	}
}

func TestSimpleResolveFollowsTheWorkingDayCalendar(t *testing.T) {
	// 2025: Sunday 28 September is a make-up working day, 1–8 October are
	// the National Day holiday and Saturday 11 October is a make-up day.
	tests := []struct {
		name               string
		received, resolved string
		late               bool
	}{
		{"a Friday receipt before the cut-off counts Sunday's make-up day and is due on Tuesday 30 September",
			"2025-09-26 16:00", "2025-09-30 23:00", false},
		{"a Friday receipt before the cut-off resolved after the holiday on 9 October is late",
			"2025-09-26 16:00", "2025-10-09 10:00", true},
		{"a Friday receipt after the 17:30 cut-off starts on Sunday's make-up day and is due on 9 October",
			"2025-09-26 18:00", "2025-10-09 10:00", false},
		{"a receipt on 30 September skips the holiday and is due on the make-up Saturday 11 October",
			"2025-09-30 09:00", "2025-10-11 17:00", false},
		{"a receipt on 30 September resolved on Monday 13 October is late",
			"2025-09-30 09:00", "2025-10-13 09:00", true},
		{"a receipt during the holiday starts on 9 October and is due on Saturday 11 October",
			"2025-10-03 11:00", "2025-10-11 20:00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := full("C1", tt.received)
			c.ResolvedAt = at(tt.resolved)
			c.ClosedAt = c.ResolvedAt
			c.FollowUpAt = c.ResolvedAt
			m := compute(t, opts("2025-12-31"), c)
			r := m.Timeliness.SimpleResolve
			if r.Applicable != 1 {
				t.Fatalf("applicable = %d, want 1", r.Applicable)
			}
			if got := r.Violations == 1; got != tt.late {
				t.Errorf("late = %v, want %v", got, tt.late)
			}
		})
	}
}

func TestTimeLimitsOnTheAsOfDate(t *testing.T) {
	// As of Monday 2025-10-13, 23:59:59 in the dossier's zone.
	asOf := opts("2025-10-13")
	tests := []struct {
		name  string
		row   func() dossier.Complaint
		check func(*Metrics) []int // applicable, violations pairs
		want  []int
	}{
		{"a row acknowledged within 24 hours meets the acknowledgement limit",
			func() dossier.Complaint { return full("A", "2025-10-10 09:00") },
			func(m *Metrics) []int { return []int{m.Timeliness.Ack.Applicable, m.Timeliness.Ack.Violations} },
			[]int{1, 0}},
		{"a row acknowledged after 25 hours violates the acknowledgement limit",
			func() dossier.Complaint {
				c := full("A", "2025-10-09 09:00")
				c.AcknowledgedAt, c.FirstResponseAt, c.ResolvedAt = at("2025-10-10 10:00"), at("2025-10-10 10:00"), at("2025-10-10 11:00")
				return c
			},
			func(m *Metrics) []int { return []int{m.Timeliness.Ack.Applicable, m.Timeliness.Ack.Violations} },
			[]int{1, 1}},
		{"an unacknowledged open row received on the as-of morning is not yet judged",
			func() dossier.Complaint {
				return dossier.Complaint{ID: "A", ReceivedAt: at("2025-10-13 09:00"), Status: "open", Complexity: "simple"}
			},
			func(m *Metrics) []int { return []int{m.Timeliness.Ack.Applicable, m.Timeliness.Response.Applicable} },
			[]int{0, 0}},
		{"an unacknowledged open row received three days earlier violates both contact limits",
			func() dossier.Complaint {
				return dossier.Complaint{ID: "A", ReceivedAt: at("2025-10-10 09:00"), Status: "open", Complexity: "simple"}
			},
			func(m *Metrics) []int { return []int{m.Timeliness.Ack.Violations, m.Timeliness.Response.Violations} },
			[]int{1, 1}},
		{"an open simple row due on the as-of day is not yet overdue",
			func() dossier.Complaint {
				// Received in the holiday: day 0 is 9 October, then 10, 11
				// (make-up Saturday) and 13 October.
				c := full("A", "2025-10-06 09:00")
				c.Status, c.ResolvedAt, c.ClosedAt = "in_progress", time.Time{}, time.Time{}
				return c
			},
			func(m *Metrics) []int { return []int{m.Risk.Overdue.Violations, m.Timeliness.SimpleResolve.Violations} },
			[]int{0, 0}},
		{"an open simple row received on 29 September is overdue on 13 October",
			func() dossier.Complaint {
				c := full("A", "2025-09-29 09:00")
				c.Status, c.ResolvedAt, c.ClosedAt = "in_progress", time.Time{}, time.Time{}
				return c
			},
			func(m *Metrics) []int { return []int{m.Risk.Overdue.Violations, m.Timeliness.SimpleResolve.Violations} },
			[]int{1, 1}},
		{"an open complex row is overdue only after the calendar-day limit",
			func() dossier.Complaint {
				c := full("A", "2025-09-20 09:00")
				c.Complexity, c.Status, c.ResolvedAt, c.ClosedAt = "complex", "in_progress", time.Time{}, time.Time{}
				c.Plan, c.Updates = "investigate supplier", 2
				return c
			},
			func(m *Metrics) []int {
				return []int{m.Risk.Overdue.Applicable, m.Risk.Overdue.Violations, m.Timeliness.ComplexPlan.Violations}
			},
			[]int{1, 0, 0}},
		{"a complex row running past the simple limit without updates lacks progress reporting",
			func() dossier.Complaint {
				c := full("A", "2025-09-01 09:00")
				c.Complexity, c.Plan, c.Updates = "complex", "investigate supplier", 0
				c.ResolvedAt, c.ClosedAt = at("2025-09-20 09:00"), at("2025-09-21 09:00")
				return c
			},
			func(m *Metrics) []int {
				return []int{m.Timeliness.ComplexPlan.Applicable, m.Timeliness.ComplexPlan.Violations, m.Timeliness.SimpleResolve.Applicable}
			},
			[]int{1, 1, 0}},
		{"a high-risk row escalated after two days violates escalation",
			func() dossier.Complaint {
				c := full("A", "2025-10-01 09:00")
				c.Risk, c.EscalatedAt = "high", at("2025-10-03 09:00")
				return c
			},
			func(m *Metrics) []int { return []int{m.Risk.Escalation.Applicable, m.Risk.Escalation.Violations} },
			[]int{1, 1}},
		{"a high-risk row escalated within the hour meets escalation",
			func() dossier.Complaint {
				c := full("A", "2025-10-01 09:00")
				c.Risk, c.EscalatedAt = "high", at("2025-10-01 09:40")
				return c
			},
			func(m *Metrics) []int { return []int{m.Risk.Escalation.Applicable, m.Risk.Escalation.Violations} },
			[]int{1, 0}},
		{"an acknowledgement before receipt marks the row inconsistent and leaves the limits unjudged",
			func() dossier.Complaint {
				c := full("A", "2025-10-01 09:00")
				c.AcknowledgedAt = at("2025-09-30 09:00")
				return c
			},
			func(m *Metrics) []int {
				return []int{m.Completeness.Inconsistent.Violations, m.Timeliness.Ack.Applicable}
			},
			[]int{1, 0}},
		{"a withdrawn complaint is not held to time limits",
			func() dossier.Complaint {
				return dossier.Complaint{ID: "A", ReceivedAt: at("2025-09-01 09:00"), Status: "withdrawn", Steps: "withdrawn by customer"}
			},
			func(m *Metrics) []int {
				return []int{m.Timeliness.Ack.Applicable, m.Timeliness.SimpleResolve.Applicable, m.Risk.Overdue.Applicable}
			},
			[]int{0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := compute(t, asOf, tt.row())
			if got := tt.check(m); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCompletenessAndFollowThroughCountMissingFields(t *testing.T) {
	noFeedback := full("C2", "2025-06-02 10:00")
	noFeedback.Feedback, noFeedback.Satisfaction = "", ""
	noRoot := full("C3", "2025-06-03 10:00")
	noRoot.RootCause, noRoot.CorrectiveAction, noRoot.FollowUpAt = "", "", time.Time{}
	unhappy := full("C4", "2025-06-04 10:00")
	unhappy.Satisfaction = "very_dissatisfied"
	rehandled := full("C5", "2025-06-05 10:00")
	rehandled.Satisfaction, rehandled.Rehandled = "dissatisfied", true
	bare := dossier.Complaint{ID: "C6", Status: "resolved"}
	charged := full("C7", "2025-06-06 10:00")
	charged.Charge = 50
	m := compute(t, opts("2025-12-31"), full("C1", "2025-06-01 10:00"), noFeedback, noRoot, unhappy, rehandled, bare, charged)

	tests := []struct {
		name string
		rule Rule
		app  int
		ids  []string
	}{
		{"rows without a receipt time are incomplete", m.Completeness.ReceivedAt, 7, []string{"C6"}},
		{"rows without a description are incomplete", m.Completeness.Description, 7, []string{"C6"}},
		{"a resolved row without resolved_at is incomplete", m.Completeness.ResolvedAt, 7, []string{"C6"}},
		{"a finished row without feedback or satisfaction lacks the customer's final word", m.Completeness.Feedback, 7, []string{"C2", "C6"}},
		{"the incomplete rule lists every row missing anything", m.Completeness.Incomplete, 7, []string{"C2", "C6"}},
		{"finished rows, resolved as well as closed, without a root cause are listed", m.FollowThrough.RootCause, 7, []string{"C3", "C6"}},
		{"finished rows without corrective action are listed", m.FollowThrough.CorrectiveAction, 7, []string{"C3", "C6"}},
		{"finished rows without a follow-up are listed", m.FollowThrough.FollowUp, 7, []string{"C3", "C6"}},
		{"finished rows without satisfaction are listed", m.FollowThrough.Satisfaction, 7, []string{"C2", "C6"}},
		{"charged complainants are listed", m.Risk.Charged, 7, []string{"C7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.rule.Applicable != tt.app {
				t.Errorf("applicable = %d, want %d", tt.rule.Applicable, tt.app)
			}
			if got := ids(tt.rule.Rows); !slices.Equal(got, tt.ids) || tt.rule.Violations != len(tt.ids) {
				t.Errorf("violations = %d %v, want %v", tt.rule.Violations, got, tt.ids)
			}
		})
	}
	if m.Risk.ChargedTotal != 50 {
		t.Errorf("charged total = %v, want 50", m.Risk.ChargedTotal)
	}
	wantSat := []Count{{"satisfied", 3}, {"dissatisfied", 1}, {"very_dissatisfied", 1}}
	if !slices.Equal(m.FollowThrough.Satisfactions, wantSat) {
		t.Errorf("satisfactions = %v, want %v", m.FollowThrough.Satisfactions, wantSat)
	}
}

func TestAResolvedComplaintOwesFollowUpOnceTheResponseLimitHasPassed(t *testing.T) {
	// As of the end of 31 December 2025, with the default 48 h limit.
	resolved := func(id, at0 string, resolvedAfter time.Duration) dossier.Complaint {
		c := full(id, at0)
		c.Status, c.ResolvedAt, c.ClosedAt = "resolved", c.ReceivedAt.Add(resolvedAfter), time.Time{}
		c.FollowUpAt, c.Satisfaction, c.Feedback = time.Time{}, "", ""
		return c
	}
	old := resolved("OLD", "2025-12-01 10:00", 3*time.Hour)     // resolved four weeks ago
	fresh := resolved("FRESH", "2025-12-31 09:00", 3*time.Hour) // resolved at noon on the as-of day
	undated := resolved("UNDATED", "2025-12-31 09:00", 0)       // resolved, no time recorded
	undated.ResolvedAt = time.Time{}
	m := compute(t, opts("2025-12-31"), old, fresh, undated)
	for name, r := range map[string]Rule{
		"follow-up": m.FollowThrough.FollowUp, "satisfaction": m.FollowThrough.Satisfaction, "final feedback": m.Completeness.Feedback,
	} {
		if got := ids(r.Rows); r.Applicable != 2 || !slices.Equal(got, []string{"OLD", "UNDATED"}) {
			t.Errorf("%s: %d judged, violations %v; want OLD and UNDATED, the fresh resolution not yet due", name, r.Applicable, got)
		}
	}
	if r := m.FollowThrough.RootCause; r.Applicable != 3 || r.Violations != 0 {
		t.Errorf("root cause judged on %d rows with %d violations, want all 3 finished rows and none", r.Applicable, r.Violations)
	}
}

func ids(rs []RowRef) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestBreakdownsAreSortedAndMonthsFollowTheDossierZone(t *testing.T) {
	a := full("C1", "2025-03-31 23:30") // 15:30 UTC: March in Shanghai
	a.ReceivedAt = a.ReceivedAt.UTC()
	b := full("C2", "2025-01-15 10:00")
	b.Channel, b.Handler, b.Status = "email", "P01", "in_progress"
	c := full("C3", "2025-03-01 10:00")
	c.Channel, c.Complexity, c.Risk = "web", "complex", "high"
	c.EscalatedAt = c.ReceivedAt
	m := compute(t, opts("2025-12-31"), a, b, c)

	tests := []struct {
		name string
		got  []Count
		want []Count
	}{
		{"months are chronological and read in the dossier's zone", m.ByMonth, []Count{{"2025-01", 1}, {"2025-03", 2}}},
		{"statuses follow the order of the status list", m.ByStatus, []Count{{"in_progress", 1}, {"closed", 2}}},
		{"channels are sorted by id", m.ByChannel, []Count{{"email", 1}, {"phone", 1}, {"web", 1}}},
		{"handlers are sorted by id", m.ByHandler, []Count{{"P01", 1}, {"P02", 2}}},
		{"complexities follow simple then complex", m.ByComplexity, []Count{{"simple", 2}, {"complex", 1}}},
		{"risk levels follow low to high", m.ByRisk, []Count{{"low", 2}, {"high", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	if m.FirstReceived.String() != "2025-01-15" || m.LastReceived.String() != "2025-03-31" || m.MonthsCovered != 2 {
		t.Errorf("span = %v..%v over %d months, want 2025-01-15..2025-03-31 over 2", m.FirstReceived, m.LastReceived, m.MonthsCovered)
	}
	if len(m.Timeliness.Monthly) != 2 || m.Timeliness.Monthly[1].Ack != 2 || m.Timeliness.Monthly[1].AckOnTime != 2 {
		t.Errorf("monthly = %+v, want March with 2 of 2 acknowledged on time", m.Timeliness.Monthly)
	}
}

func TestUndeclaredChannelsAndCategoriesAreCountedPerValue(t *testing.T) {
	o := opts("2025-12-31")
	o.Channels = []string{"phone", "email"}
	o.Categories = []string{"quality"}
	rows := []dossier.Complaint{full("C1", "2025-05-01 10:00"), full("C2", "2025-05-02 10:00"), full("C3", "2025-05-03 10:00"), full("C4", "2025-05-04 10:00")}
	rows[1].Channel = "wechat"
	rows[2].Channel = "wechat"
	rows[3].Channel, rows[3].Category = "", "billing"
	m := compute(t, o, rows...)
	u := m.UndeclaredChannels
	if u.Rule.Applicable != 3 || u.Rule.Violations != 2 || len(u.Values) != 1 || u.Values[0].Value != "wechat" || u.Values[0].N != 2 {
		t.Errorf("undeclared channels = %+v, want wechat twice among 3 rows with a channel", u)
	}
	if got := ids(u.Values[0].Rows); !slices.Equal(got, []string{"C2", "C3"}) {
		t.Errorf("wechat rows = %v, want C2 C3", got)
	}
	if c := m.UndeclaredCategories; c.Rule.Violations != 1 || c.Values[0].Value != "billing" {
		t.Errorf("undeclared categories = %+v, want billing once", c)
	}
}

func TestReceiptsOutsideTheCalendarAreCounted(t *testing.T) {
	years := cn.Default().Years()
	later := years[len(years)-1] + 1
	r := full("C2", strconv.Itoa(later)+"-03-02 10:00")
	m := compute(t, opts(strconv.Itoa(later)+"-12-31"), full("C1", strconv.Itoa(years[0])+"-03-04 10:00"), r)
	if m.Timeliness.OutsideCalendar != 1 || !slices.Equal(m.Timeliness.OutsideCalendarYears, []int{later}) {
		t.Errorf("outside calendar = %d %v, want 1 in %d", m.Timeliness.OutsideCalendar, m.Timeliness.OutsideCalendarYears, later)
	}
}

func TestListedRowsStopAtMaxListed(t *testing.T) {
	o := opts("2025-12-31")
	o.MaxListed = 3
	var rows []dossier.Complaint
	for i := range 10 {
		c := full("C"+strconv.Itoa(i), "2025-05-01 10:00")
		c.Charge = 1
		rows = append(rows, c)
	}
	m := compute(t, o, rows...)
	if r := m.Risk.Charged; r.Violations != 10 || !slices.Equal(ids(r.Rows), []string{"C0", "C1", "C2"}) {
		t.Errorf("charged = %d %v, want 10 with the first 3 listed", r.Violations, ids(r.Rows))
	}
	if m.Risk.Charged.Rows[0].Pos.Row != 2 {
		t.Errorf("first listed row position = %v, want row 2", m.Risk.Charged.Rows[0].Pos)
	}
}

func TestQuantilesAreExactByNearestRank(t *testing.T) {
	var d durations
	// 1..1000 hours in a shuffled order: the result must not depend on it.
	for i := 1; i <= 1000; i++ {
		d.add(int64((i*7919)%1000+1) * 60)
	}
	d.add(-5) // a negative duration is not a duration
	q := d.summary()
	if q.N != 1000 || q.Median != 500 || q.P90 != 900 {
		t.Fatalf("n %d, median %v h, p90 %v h; want 1000, exactly 500 and 900 (nearest rank)", q.N, q.Median, q.P90)
	}
	var odd durations
	for _, m := range []int64{10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 111} {
		odd.add(m * 6) // tenths of an hour
	}
	if q := odd.summary(); q.Median != 6 || q.P90 != 10 {
		t.Errorf("median %v, p90 %v; want 6 h (rank 6 of 11) and 10 h (rank 10 of 11)", q.Median, q.P90)
	}
	if q := (&durations{}).summary(); q.N != 0 || q.Median != 0 {
		t.Errorf("empty: %+v", q)
	}
}

func TestQuickselectAgreesWithASort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 17, 100, 1001, 50000} {
		for _, shape := range []string{"random", "sorted", "reversed", "few values"} {
			vs := make([]uint32, n)
			for i := range vs {
				switch shape {
				case "random":
					vs[i] = r.Uint32()
				case "sorted":
					vs[i] = uint32(i)
				case "reversed":
					vs[i] = uint32(n - i)
				default:
					vs[i] = uint32(r.IntN(3))
				}
			}
			want := slices.Clone(vs)
			slices.Sort(want)
			for _, k := range []int{0, n / 2, (n * 9) / 10, n - 1} {
				if got := nth(slices.Clone(vs), k); got != want[k] {
					t.Fatalf("%s n=%d: nth(%d) = %d, want %d", shape, n, k, got, want[k])
				}
			}
		}
	}
}

func TestSampleIsReproducibleAndInLogOrder(t *testing.T) {
	log := genLog(5000)
	run := func(seed uint64) []string {
		o := genOpts()
		o.SampleSize, o.SampleSeed = 30, seed
		m, err := Compute(log, o)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range m.Sample {
			out = append(out, c.ID)
		}
		return out
	}
	a, b, c := run(7), run(7), run(8)
	if len(a) != 30 {
		t.Fatalf("sample size = %d, want 30", len(a))
	}
	if !slices.Equal(a, b) {
		t.Errorf("same seed gave different samples:\n%v\n%v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("different seeds gave the same sample %v", a)
	}
	pos := func(id string) int { n, _ := strconv.Atoi(id[1:]); return n }
	if !slices.IsSortedFunc(a, func(x, y string) int { return pos(x) - pos(y) }) {
		t.Errorf("sample not in log order: %v", a)
	}
}

func TestMetricsMarshalDeterministically(t *testing.T) {
	log := genLog(3000)
	var prev []byte
	for range 3 {
		m, err := Compute(log, genOpts())
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if prev != nil && string(b) != string(prev) {
			t.Fatal("two passes over the same log marshal differently")
		}
		prev = b
	}
}

func TestComputeRejectsUnusableOptions(t *testing.T) {
	good := opts("2025-12-31")
	tests := []struct {
		name string
		edit func(*Options)
	}{
		{"a pass without a calendar is refused", func(o *Options) { o.Calendar = nil }},
		{"a pass without an as-of time is refused", func(o *Options) { o.AsOf = time.Time{} }},
		{"a zero acknowledgement limit is refused", func(o *Options) { o.AckHours = 0 }},
		{"a negative working-day limit is refused", func(o *Options) { o.SimpleResolveDays = -1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := good
			tt.edit(&o)
			if _, err := Compute(&dossier.SliceLog{}, o); err == nil {
				t.Error("no error")
			}
		})
	}
}

// genLog builds a varied log spread over 2025 whose strings are prepared
// up front, as a reader's would be, so a pass over it measures the pass.
func genLog(n int) *dossier.SliceLog {
	channels := []string{"phone", "email", "web", "in_person"}
	categories := []string{"quality", "delivery", "billing", "service", "safety"}
	statuses := []string{"closed", "closed", "closed", "resolved", "in_progress", "open", "withdrawn"}
	sats := []string{"very_satisfied", "satisfied", "satisfied", "neutral", "dissatisfied", ""}
	var handlers []string
	for i := range 20 {
		handlers = append(handlers, "P"+strconv.Itoa(i))
	}
	start := time.Date(2025, 1, 1, 8, 0, 0, 0, cst)
	rows := make([]dossier.Complaint, n)
	for i := range rows {
		r := start.Add(time.Duration(i) * (365 * 24 * time.Hour / time.Duration(n)))
		c := &rows[i]
		*c = dossier.Complaint{
			Pos: dossier.Pos{File: "complaints.csv", Row: i + 2}, ID: "C" + strconv.Itoa(i),
			ReceivedAt: r, Channel: channels[i%len(channels)], Category: categories[i%len(categories)],
			Complexity: []string{"simple", "simple", "complex"}[i%3], Risk: []string{"low", "medium", "high"}[i%3],
			Description: "product complaint", AcknowledgedAt: r.Add(time.Duration(i%40) * time.Hour),
			FirstResponseAt: r.Add(time.Duration(i%60) * time.Hour), Steps: "investigated; answered",
			Status: statuses[i%len(statuses)], Handler: handlers[i%len(handlers)], Satisfaction: sats[i%len(sats)],
			Rehandled: i%2 == 0, Plan: []string{"", "plan"}[i%2], Updates: i % 3,
		}
		if c.Status != "open" && c.Status != "in_progress" {
			c.ResolvedAt = r.Add(time.Duration(i%150) * time.Hour)
			c.ClosedAt = c.ResolvedAt.Add(time.Hour)
		}
		if i%4 != 0 {
			c.RootCause, c.CorrectiveAction, c.FollowUpAt = "cause", "action", c.ClosedAt.Add(24*time.Hour)
		}
		if i%3 == 2 && i%5 != 0 {
			c.EscalatedAt = r.Add(time.Duration(i%30) * time.Hour)
		}
		if i%997 == 0 {
			c.Charge = 10
		}
	}
	return &dossier.SliceLog{Name: "complaints.csv", Rows: rows}
}

func genOpts() Options {
	o := opts("2025-12-31")
	o.Channels = []string{"phone", "email", "web"}
	o.Categories = []string{"quality", "delivery", "billing", "service"}
	return o
}

func TestAllocationsPerRowStayNearZero(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation measurement runs two passes over 100k rows")
	}
	small, large := genLog(50_000), genLog(100_000)
	o := genOpts()
	allocs := func(log *dossier.SliceLog) float64 {
		return testing.AllocsPerRun(3, func() {
			if _, err := Compute(log, o); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(small), allocs(large)
	// The marginal cost of 50k more rows: fixed costs (breakdown keys,
	// months, listed rows) cancel out; only per-row allocations and the
	// sample's logarithmic replacements remain.
	perRow := (b - a) / 50_000
	if perRow > 0.01 {
		t.Errorf("%.4f allocations per additional row (%v for 50k rows, %v for 100k), want at most 0.01", perRow, a, b)
	}
	if total := b / 100_000; total > 0.05 {
		t.Errorf("%.4f allocations per row over 100k rows, want at most 0.05", total)
	}
}

func BenchmarkCompute(b *testing.B) {
	log := genLog(100_000)
	o := genOpts()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(log, o); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	rows := float64(b.N) * float64(len(log.Rows))
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/rows, "allocs/row")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/rows, "ns/row")
}

func TestTheIDSetFindsRepeatsInOrderAndOutOfOrder(t *testing.T) {
	s := newIDSet()
	for _, c := range []struct {
		id  string
		new bool
	}{
		{"C001", true}, {"C002", true}, {"C003", true}, // in order: only appended
		{"C003", false}, // equal to the greatest: a repeat, and the order is broken
		{"C002", false}, {"C004", true}, {"C000", true}, {"C004", false}, {"C001", false},
	} {
		if got := s.add(c.id); got != c.new {
			t.Fatalf("add(%q) = %v, want %v", c.id, got, c.new)
		}
	}
	if s.sorted || s.n != 5 {
		t.Errorf("sorted %v, %d ids in the table; want the table with 5", s.sorted, s.n)
	}
}
