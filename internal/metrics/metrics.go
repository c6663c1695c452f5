// Package metrics folds the complaint log into accumulators in one
// streaming pass; the handling checks read the result.
//
// A log can run to a million rows, so the pass keeps counters, at most
// MaxListed example rows per rule and a few bytes a row (the durations
// behind the exact quantiles, the hash set of ids), never the rows
// themselves; the common path allocates nothing per row.
package metrics

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// RowRef points at one complaint-log row.
type RowRef struct {
	ID  string      `json:"id"`
	Pos dossier.Pos `json:"pos"`
}

// DefaultComplexResolveDays is the calendar-day limit after which an open
// complex complaint counts as overdue. The seeds set no figure for complex
// complaints beyond "a plan and progress updates until resolved"; thirty
// calendar days is the period Chinese consumer-protection bodies commonly
// allow for handling a complaint, so an open complex case older than that
// is one an auditor will ask about.
const DefaultComplexResolveDays = 30

// DefaultSampleSize is how many complaints the evidence pack shows the
// auditor when the caller sets no size.
const DefaultSampleSize = 25

// The status values of dossier.Statuses the pass distinguishes.
const (
	statusOpen       = "open"
	statusInProgress = "in_progress"
	statusResolved   = "resolved"
	statusClosed     = "closed"
	statusWithdrawn  = "withdrawn"
)

// Options are the limits and context of one metrics pass.
type Options struct {
	// Calendar counts working days for the simple-complaint limit.
	Calendar *cn.Calendar
	// Location is the dossier's zone: months and working days are civil
	// dates there.
	Location *time.Location
	// AsOf is the end of the as-of day: a missing timestamp is a violation
	// only once its limit has passed by then. A working-day deadline,
	// which ends with its day, is past only from the next day on, so a
	// complaint due today is not yet overdue.
	AsOf time.Time

	AckHours          float64       // acknowledge (contact) within
	ResponseHours     float64       // progress feedback within
	SimpleResolveDays int           // simple complaints resolved within N working days
	Cutoff            time.Duration // receipts from this time of day count from the next working day
	// ComplexResolveDays is the calendar-day limit for an open complex
	// complaint; 0 means DefaultComplexResolveDays.
	ComplexResolveDays int
	// ComplexWorkingDays counts ComplexResolveDays as working days.
	ComplexWorkingDays bool
	// StartRule says which day is day 0 for a receipt on a non-working day.
	StartRule cn.StartRule

	// MaxListed is how many violating rows each rule keeps.
	MaxListed int
	// SampleSize rows are kept for the auditor's sample, chosen by a
	// reservoir seeded with SampleSeed so a run can be reproduced.
	SampleSize int
	SampleSeed uint64

	// Rules are the log rules the checks of the run declare; each is
	// tallied in Metrics.Rules under its key.
	Rules []LogRule

	// Channels and Categories are the ids the dossier declares; a row
	// using any other value is counted as undeclared.
	Channels   []string
	Categories []string

	// MaxProblemShare is the share of unreadable rows above which the log
	// is refused; 0 means config.DefaultMaxProblemShare, a negative value
	// none at all.
	MaxProblemShare float64
	// NotTracked are fields the log does not keep; the rules needing them
	// are not judged.
	NotTracked []string
}

// OptionsFor builds the options for a dossier from the configured
// thresholds; asOf is the as-of date, whose end is the pass's "now".
func OptionsFor(d *dossier.Dossier, th config.Thresholds, cal *cn.Calendar, asOf dossier.Date) (Options, error) {
	cut, err := th.CutoffDuration()
	if err != nil {
		return Options{}, fmt.Errorf("metrics options: %w", err)
	}
	loc := d.Location
	if loc == nil {
		loc = time.UTC
	}
	o := Options{
		Calendar:           cal,
		Location:           loc,
		AsOf:               asOf.In(loc).Add(24*time.Hour - time.Nanosecond),
		AckHours:           th.AckHours,
		ResponseHours:      th.ResponseHours,
		SimpleResolveDays:  th.SimpleResolveDays,
		Cutoff:             cut,
		MaxListed:          th.MaxListed,
		ComplexResolveDays: th.ComplexResolveDays,
		ComplexWorkingDays: th.ComplexResolveUnit == "working",
		SampleSize:         DefaultSampleSize,
	}
	if th.NonWorkingReceipt == "receipt_day" {
		o.StartRule = cn.ReceiptDay
	}
	for _, c := range d.Channels {
		o.Channels = append(o.Channels, c.ID)
	}
	for _, c := range d.Categories {
		o.Categories = append(o.Categories, c.Code)
	}
	return o, nil
}

// Limits records the figures a pass measured against, so that a message
// quoting a threshold quotes the one actually applied.
type Limits struct {
	AsOf               string  `json:"as_of"`
	AckHours           float64 `json:"ack_hours"`
	ResponseHours      float64 `json:"response_hours"`
	SimpleResolveDays  int     `json:"simple_resolve_days"`
	Cutoff             string  `json:"cutoff"`
	ComplexResolveDays int     `json:"complex_resolve_days"`
	ComplexResolveUnit string  `json:"complex_resolve_unit,omitempty"`
	NonWorkingReceipt  string  `json:"nonworking_receipt,omitempty"`
	MaxListed          int     `json:"max_listed"`
}

// Rule tallies one requirement over the rows it applies to.
type Rule struct {
	// Applicable rows are those the requirement could be judged on.
	Applicable int `json:"applicable"`
	// Violations among them.
	Violations int `json:"violations"`
	// Rows are the first violating rows, in log order.
	Rows []RowRef `json:"rows,omitempty"`
}

// Rate is the share of applicable rows that comply; 1 when none apply, so
// that an empty rule never reads as a failure.
func (r Rule) Rate() float64 {
	if r.Applicable == 0 {
		return 1
	}
	return float64(r.Applicable-r.Violations) / float64(r.Applicable)
}

func (r *Rule) pass() { r.Applicable++ }

func (r *Rule) fail(c *dossier.Complaint, p *pass) {
	r.Applicable++
	r.Violations++
	if len(r.Rows) < p.max {
		r.Rows = append(r.Rows, p.ref(c))
	}
}

func (r *Rule) judge(ok bool, c *dossier.Complaint, p *pass) {
	if ok {
		r.pass()
	} else {
		r.fail(c, p)
	}
}

// Completeness is R13: every record holds what happened.
type Completeness struct {
	ReceivedAt  Rule `json:"received_at"`
	Channel     Rule `json:"channel"`
	Description Rule `json:"description"`
	// Steps applies to every row past "open": a complaint just received
	// has no handling steps yet.
	Steps Rule `json:"steps"`
	// ResolvedAt applies to finished rows (resolved or closed).
	ResolvedAt Rule `json:"resolved_at"`
	// Feedback applies to finished rows (resolved or closed): the
	// customer's final word, either as feedback text or as a satisfaction
	// rating. Which status a CRM's "done" word maps to is the CRM's
	// vocabulary, not a stage of handling, so both count as finished; a
	// resolved row is judged once ResponseHours have passed since its
	// resolution, as FollowThrough's follow-up is.
	Feedback Rule `json:"feedback"`
	// Incomplete counts rows missing any of the above.
	Incomplete Rule `json:"incomplete"`
	// Inconsistent counts rows whose timestamps cannot be right: an
	// acknowledgement, response, escalation, resolution, communication
	// of the decision, closing or follow-up before receipt, or a receipt
	// after the as-of date.
	Inconsistent Rule `json:"inconsistent"`
}

// MonthRates are one month's on-time counts, by month of receipt, for the
// KPI charts.
type MonthRates struct {
	Month            string `json:"month"` // YYYY-MM in the dossier's zone
	Received         int    `json:"received"`
	Ack              int    `json:"ack"`
	AckOnTime        int    `json:"ack_on_time"`
	Response         int    `json:"response"`
	ResponseOnTime   int    `json:"response_on_time"`
	Resolution       int    `json:"resolution"`
	ResolutionOnTime int    `json:"resolution_on_time"`
}

// Timeliness is R14.
type Timeliness struct {
	// Ack: contact within AckHours. The earliest of acknowledged_at,
	// first_response_at and resolved_at counts, since a response or a
	// resolution is itself contact. A row without any is a violation once
	// its limit has passed on the as-of date.
	Ack Rule `json:"ack"`
	// Response: progress feedback within ResponseHours; the earlier of
	// first_response_at and resolved_at counts.
	Response Rule `json:"response"`
	// SimpleResolve: simple complaints (and unclassified ones, which get
	// the default limit) resolved within SimpleResolveDays working days;
	// resolved_at counts, or closed_at when resolved_at is blank.
	SimpleResolve Rule `json:"simple_resolve"`
	// ComplexPlan: complex complaints that took (or are taking) longer
	// than the simple limit, judged on having a plan and at least one
	// progress update.
	ComplexPlan Rule `json:"complex_plan"`

	Monthly []MonthRates `json:"monthly"`

	HoursToAck     Quantiles `json:"hours_to_ack"`
	HoursToResolve Quantiles `json:"hours_to_resolve"`

	// OutsideCalendar counts receipts in years the working-day calendar
	// has no State Council notice for; their deadlines assume Monday to
	// Friday working and are provisional.
	OutsideCalendar      int   `json:"outside_calendar"`
	OutsideCalendarYears []int `json:"outside_calendar_years,omitempty"`
}

// FollowThrough is R15, over finished rows: those whose status (after the
// mapping of complaints.values.status) is resolved or closed, as RowFacts.Done
// has it. A CRM that writes its one "done" word as resolved is judged as
// one that writes it as closed. Root cause and corrective action are due
// on finishing; follow-up and satisfaction on closing, or on a resolved
// row once ResponseHours have passed since its resolution (the step after
// resolution cannot be expected within the hour).
type FollowThrough struct {
	RootCause        Rule `json:"root_cause"`
	CorrectiveAction Rule `json:"corrective_action"`
	FollowUp         Rule `json:"follow_up"`
	Satisfaction     Rule `json:"satisfaction"`
	// Satisfactions is the distribution of ratings over all rows, in the
	// order of dossier.Satisfactions.
	Satisfactions []Count `json:"satisfactions"`
}

// Risk is R16 and the free-of-charge rule of R12.
type Risk struct {
	// Escalation: high-risk rows escalated within AckHours of receipt.
	Escalation Rule `json:"escalation"`
	// Overdue: open and in-progress rows past their limit on the as-of
	// date — the working-day deadline for simple complaints,
	// ComplexResolveDays calendar days for complex ones.
	Overdue Rule `json:"overdue"`
	// Charged: rows where the complainant was charged.
	Charged      Rule    `json:"charged"`
	ChargedTotal float64 `json:"charged_total"`
}

// MaxUndeclared bounds the distinct undeclared values kept with example
// rows; further ones are only counted.
const MaxUndeclared = 50

// UndeclaredValue is one value used in the log but not declared.
type UndeclaredValue struct {
	Value string   `json:"value"`
	N     int      `json:"n"`
	Rows  []RowRef `json:"rows,omitempty"`
}

// Undeclared tallies log values missing from the dossier's declarations.
type Undeclared struct {
	// Rule applies to rows with a non-blank value.
	Rule   Rule              `json:"rule"`
	Values []UndeclaredValue `json:"values,omitempty"`
	// Other counts rows whose undeclared value came after MaxUndeclared
	// distinct ones.
	Other int `json:"other,omitempty"`

	idx map[string]int
}

// Metrics is the result of the metrics pass. Breakdowns are sorted slices,
// so anything printed from them is byte-stable between runs.
type Metrics struct {
	Source string `json:"source"`
	Limits Limits `json:"limits"`

	Total         int          `json:"total"`
	FirstReceived dossier.Date `json:"first_received"`
	LastReceived  dossier.Date `json:"last_received"`
	// MonthsCovered counts calendar months with at least one receipt.
	MonthsCovered int `json:"months_covered"`

	ByStatus     []Count `json:"by_status"`
	ByMonth      []Count `json:"by_month"`
	ByChannel    []Count `json:"by_channel"`
	ByCategory   []Count `json:"by_category"`
	ByHandler    []Count `json:"by_handler"`
	ByComplexity []Count `json:"by_complexity"`
	ByRisk       []Count `json:"by_risk"`

	Completeness  Completeness  `json:"completeness"`
	Timeliness    Timeliness    `json:"timeliness"`
	FollowThrough FollowThrough `json:"follow_through"`
	Risk          Risk          `json:"risk"`

	// Duplicates applies to rows with an id; a violation is a row whose id
	// an earlier row already had. Such rows are left out of every other
	// figure: the first occurrence stands for the complaint.
	Duplicates Rule `json:"duplicates"`

	// Rules are the tallies of the log rules the checks declared, in the
	// order declared, each with its label.
	Rules []KPI `json:"rules,omitempty"`

	UndeclaredChannels   Undeclared `json:"undeclared_channels"`
	UndeclaredCategories Undeclared `json:"undeclared_categories"`

	// Sample is a reproducible random sample of whole rows for the
	// auditor. It holds personal data, so it is left out of JSON output;
	// the evidence pack masks it before printing.
	Sample []dossier.Complaint `json:"-"`

	// Reading is what reading the log itself showed: unreadable rows,
	// ignored columns, fields not tracked.
	Reading Reading `json:"reading"`
}

// monthAcc accumulates one month; months are keyed year*12+month-1 so a
// row costs an integer map lookup and no string.
type monthAcc struct {
	MonthRates
	key int
}

// dayKey caches a working-day deadline: it depends only on the civil date
// of receipt and on which side of the cut-off it falls.
type dayKey struct {
	d     dossier.Date
	after bool
}

type deadline struct {
	t     time.Time
	known bool
}

// maxDeadlineCache bounds the deadline cache; ten years of receipt days
// fit, and a log beyond that is computed uncached rather than growing.
const maxDeadlineCache = 8192

type pass struct {
	o       Options
	m       *Metrics
	today   time.Time // start of the as-of day
	max     int
	ack     time.Duration
	resp    time.Duration
	complex int

	status, channel, category, handler, complexity, risk, satisfaction *tally

	months      map[int]*monthAcc
	channels    map[string]struct{}
	categories  map[string]struct{}
	deadlines   map[dayKey]deadline
	ackHist     durations
	resolveHist durations
	outsideYrs  map[int]struct{}
	lastYear    int
	lastKnown   bool
	sample      *reservoir
	posStrings  map[string]string
	rules       []Rule // one per Options.Rules
	ruleOff     []bool // rules that need a field not tracked
	ids         *idSet
	facts       RowFacts

	pending  []pendingProblem // problems of the row about to arrive
	pendingN int
	groups   map[string]int
	usccOK   map[string]bool
	skip     skipRules
}

// ref copies a row's identity for keeping. The file, sheet and column of a
// position repeat on every row, so they are interned rather than copied.
func (p *pass) ref(c *dossier.Complaint) RowRef {
	pos := c.Pos
	pos.File, pos.Sheet, pos.Column = p.intern(pos.File), p.intern(pos.Sheet), p.intern(pos.Column)
	pos.Cell = strings.Clone(pos.Cell)
	return RowRef{ID: strings.Clone(c.ID), Pos: pos}
}

func (p *pass) intern(s string) string {
	if v, ok := p.posStrings[s]; ok {
		return v
	}
	if len(p.posStrings) >= MaxKeys {
		return strings.Clone(s)
	}
	v := strings.Clone(s)
	p.posStrings[v] = v
	return v
}

// Compute runs the metrics pass over the log.
func Compute(log dossier.ComplaintLog, o Options) (*Metrics, error) {
	if log == nil {
		return nil, errors.New("metrics: no complaint log")
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	p := newPass(o)
	p.m.Source = log.Source()
	var err error
	if s, ok := log.(dossier.RowScanner); ok {
		// Rows with problems are set aside, not allowed to end the pass.
		err = s.Scan(func(c *dossier.Complaint) error {
			p.m.Reading.Rows++
			if p.pendingN > 0 {
				p.problemRow(c)
				return nil
			}
			return p.row(c)
		}, p.problem)
	} else {
		err = log.Each(func(c *dossier.Complaint) error {
			p.m.Reading.Rows++
			return p.row(c)
		})
	}
	if err != nil {
		return nil, fmt.Errorf("metrics over %s: %w", log.Source(), err)
	}
	if err := p.tooManyProblems(); err != nil {
		return nil, &dossier.PosError{Pos: dossier.Pos{File: log.Path()}, Err: err}
	}
	if cr, ok := log.(dossier.ColumnReporter); ok {
		p.m.Reading.Ignored = cr.IgnoredColumns()
	}
	return p.finish(), nil
}

func (o *Options) check() error {
	var errs []error
	if o.Calendar == nil {
		errs = append(errs, errors.New("no working-day calendar"))
	}
	if o.AsOf.IsZero() {
		errs = append(errs, errors.New("no as-of time"))
	}
	if !(o.AckHours > 0) || !(o.ResponseHours > 0) || math.IsInf(o.AckHours, 0) || math.IsInf(o.ResponseHours, 0) {
		errs = append(errs, fmt.Errorf("ack and response limits must be positive hours, got %v and %v", o.AckHours, o.ResponseHours))
	}
	if o.SimpleResolveDays < 0 || o.ComplexResolveDays < 0 {
		errs = append(errs, fmt.Errorf("resolution limits cannot be negative, got %d working and %d calendar days", o.SimpleResolveDays, o.ComplexResolveDays))
	}
	if len(errs) > 0 {
		return fmt.Errorf("metrics options: %w", errors.Join(errs...))
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.ComplexResolveDays == 0 {
		o.ComplexResolveDays = DefaultComplexResolveDays
	}
	if o.MaxListed < 0 {
		o.MaxListed = 0
	}
	if o.Cutoff <= 0 {
		o.Cutoff = cn.DefaultCutoff
	}
	if o.MaxProblemShare == 0 {
		o.MaxProblemShare = config.DefaultMaxProblemShare
	}
	return nil
}

func hours(h float64) time.Duration { return time.Duration(h * float64(time.Hour)) }

func set(ids []string) map[string]struct{} {
	s := make(map[string]struct{}, len(ids))
	for _, id := range ids {
		s[id] = struct{}{}
	}
	return s
}

func newPass(o Options) *pass {
	cut := o.Cutoff
	p := &pass{
		o:     o,
		today: civil.Of(o.AsOf.In(o.Location)).In(o.Location),
		m: &Metrics{Limits: Limits{
			AsOf:               civil.Of(o.AsOf.In(o.Location)).String(),
			AckHours:           o.AckHours,
			ResponseHours:      o.ResponseHours,
			SimpleResolveDays:  o.SimpleResolveDays,
			Cutoff:             fmt.Sprintf("%02d:%02d", int(cut.Hours()), int(cut.Minutes())%60),
			ComplexResolveDays: o.ComplexResolveDays,
			ComplexResolveUnit: map[bool]string{false: "calendar", true: "working"}[o.ComplexWorkingDays],
			NonWorkingReceipt:  map[cn.StartRule]string{cn.NextWorkingDay: "next_working_day", cn.ReceiptDay: "receipt_day"}[o.StartRule],
			MaxListed:          o.MaxListed,
		}},
		max:          o.MaxListed,
		ack:          hours(o.AckHours),
		resp:         hours(o.ResponseHours),
		complex:      o.ComplexResolveDays,
		status:       newTally(),
		channel:      newTally(),
		category:     newTally(),
		handler:      newTally(),
		complexity:   newTally(),
		risk:         newTally(),
		satisfaction: newTally(),
		months:       make(map[int]*monthAcc),
		channels:     set(o.Channels),
		categories:   set(o.Categories),
		deadlines:    make(map[dayKey]deadline),
		outsideYrs:   make(map[int]struct{}),
		lastYear:     math.MinInt,
		sample:       newReservoir(o.SampleSize, o.SampleSeed),
		posStrings:   make(map[string]string),
		rules:        make([]Rule, len(o.Rules)),
		ruleOff:      rulesOff(o.Rules, o.NotTracked),
		ids:          newIDSet(),
		groups:       make(map[string]int),
		usccOK:       make(map[string]bool),
	}
	p.notTracked(o.NotTracked)
	return p
}

// earliest returns the earliest non-zero time, or zero.
func earliest(ts ...time.Time) time.Time {
	var out time.Time
	for _, t := range ts {
		if !t.IsZero() && (out.IsZero() || t.Before(out)) {
			out = t
		}
	}
	return out
}

func (p *pass) deadline(recv time.Time) deadline {
	y, mo, d := recv.Date()
	h, mi, s := recv.Clock()
	tod := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second + time.Duration(recv.Nanosecond())
	k := dayKey{dossier.Date{Year: y, Month: mo, Day: d}, tod >= p.o.Cutoff}
	if v, ok := p.deadlines[k]; ok {
		return v
	}
	t, known := p.o.Calendar.DeadlineBy(recv, p.o.SimpleResolveDays, p.o.Cutoff, p.o.StartRule)
	v := deadline{t, known}
	if len(p.deadlines) < maxDeadlineCache {
		p.deadlines[k] = v
	}
	return v
}

func (p *pass) month(y int, m time.Month) *monthAcc {
	k := y*12 + int(m) - 1
	if a, ok := p.months[k]; ok {
		return a
	}
	a := &monthAcc{key: k}
	p.months[k] = a
	return a
}

func (p *pass) knownYear(y int) bool {
	if y != p.lastYear {
		p.lastYear, p.lastKnown = y, p.o.Calendar.Known(y)
	}
	return p.lastKnown
}

func (p *pass) row(c *dossier.Complaint) error {
	if p.duplicate(c) {
		return nil
	}
	m := p.m
	m.Total++
	p.sample.offer(c)

	p.status.add(c.Status)
	p.channel.add(c.Channel)
	p.category.add(c.Category)
	p.handler.add(c.Handler)
	p.complexity.add(c.Complexity)
	p.risk.add(c.Risk)
	if c.Satisfaction != "" {
		p.satisfaction.add(c.Satisfaction)
	}

	closed := c.Status == statusClosed
	done := closed || c.Status == statusResolved
	open := c.Status == statusOpen || c.Status == statusInProgress
	withdrawn := c.Status == statusWithdrawn
	complex := c.Complexity == "complex"
	// A finished complaint owes its follow-up and the customer's final
	// word once closed, or once resolved and the organisation's response
	// limit has passed since: a complaint resolved an hour before the
	// as-of time cannot have been followed up yet. Without a resolution
	// time nothing shows it is not yet due.
	due := closed || (done && (c.ResolvedAt.IsZero() || p.o.AsOf.Sub(c.ResolvedAt) > p.resp))

	// One RowFacts reused for every row: the rules' Judge functions are
	// opaque to escape analysis, and a fresh one would cost an allocation
	// per row.
	facts := &p.facts
	if len(p.o.Rules) > 0 {
		*facts = RowFacts{AsOf: p.o.AsOf, Today: p.today, AckHours: p.o.AckHours, ResponseHours: p.o.ResponseHours}
	}

	// R13: completeness.
	cp := &m.Completeness
	recv := c.ReceivedAt
	hasRecv := !recv.IsZero()
	missing := false
	judge := func(r *Rule, ok bool) {
		r.judge(ok, c, p)
		missing = missing || !ok
	}
	sk := &p.skip
	judge(&cp.ReceivedAt, hasRecv)
	judge(&cp.Channel, c.Channel != "")
	if !sk.description {
		judge(&cp.Description, c.Description != "")
	}
	if c.Status != statusOpen && !sk.steps {
		judge(&cp.Steps, c.Steps != "")
	}
	if done && !sk.resolvedAt {
		judge(&cp.ResolvedAt, !c.ResolvedAt.IsZero())
	}
	if due && !sk.feedback {
		judge(&cp.Feedback, c.Feedback != "" || c.Satisfaction != "")
	}
	cp.Incomplete.judge(!missing, c, p)

	if hasRecv {
		recv = recv.In(p.o.Location)
		day := civil.Of(recv)
		if m.FirstReceived.IsZero() || day.Before(m.FirstReceived) {
			m.FirstReceived = day
		}
		if day.After(m.LastReceived) {
			m.LastReceived = day
		}
		p.month(day.Year, day.Month).Received++
		if !p.knownYear(day.Year) {
			m.Timeliness.OutsideCalendar++
			p.outsideYrs[day.Year] = struct{}{}
		}
		consistent := !recv.After(p.o.AsOf)
		for _, t := range [...]time.Time{c.AcknowledgedAt, c.FirstResponseAt, c.EscalatedAt, c.ResolvedAt, c.ClosedAt, c.FollowUpAt, c.DecisionCommunicatedAt} {
			if !t.IsZero() && t.Before(recv) {
				consistent = false
			}
		}
		cp.Inconsistent.judge(consistent, c, p)
		if consistent && !withdrawn {
			p.timeliness(c, recv, day, open, complex)
		}
		if len(p.o.Rules) > 0 && consistent {
			facts.Received, facts.SimpleDue = recv, p.deadline(recv).t
		}
	}
	if len(p.o.Rules) > 0 {
		facts.Open, facts.Done, facts.Closed, facts.Withdrawn, facts.Complex = open, done, closed, withdrawn, complex
		p.judgeRules(c, facts)
	}

	// R15: follow-through on finished complaints.
	ft := &m.FollowThrough
	if done {
		if !sk.rootCause {
			ft.RootCause.judge(c.RootCause != "", c, p)
		}
		if !sk.corrective {
			ft.CorrectiveAction.judge(c.CorrectiveAction != "", c, p)
		}
		if due && !sk.followUp {
			ft.FollowUp.judge(!c.FollowUpAt.IsZero(), c, p)
		}
		if due && !sk.satisfaction {
			ft.Satisfaction.judge(c.Satisfaction != "", c, p)
		}
	}
	if c.CustomerUSCC != "" {
		p.customerUSCC(c)
	}

	// R12: complaining is free of charge.
	m.Risk.Charged.judge(!(c.Charge > 0), c, p)
	if c.Charge > 0 {
		m.Risk.ChargedTotal += c.Charge
	}

	if c.Channel != "" {
		p.undeclared(&m.UndeclaredChannels, p.channels, c.Channel, c)
	}
	if c.Category != "" {
		p.undeclared(&m.UndeclaredCategories, p.categories, c.Category, c)
	}
	return nil
}

// timeliness judges the time limits of a row with a plausible receipt.
func (p *pass) timeliness(c *dossier.Complaint, recv time.Time, day dossier.Date, open, complex bool) {
	m, asOf, today := p.m, p.o.AsOf, p.today
	tl := &m.Timeliness
	mon := p.month(day.Year, day.Month)

	// limit judges "done by lim": a recorded time is compared with the
	// limit; a missing one is a violation only once the limit has passed
	// by now (the as-of time for hour limits, the start of the as-of day
	// for deadlines that end with their day).
	limit := func(r *Rule, at, lim, now time.Time) (judged, ok bool) {
		switch {
		case !at.IsZero():
			ok = !at.After(lim)
		case now.After(lim):
			ok = false
		default:
			return false, false
		}
		r.judge(ok, c, p)
		return true, ok
	}

	ack := earliest(c.AcknowledgedAt, c.FirstResponseAt, c.ResolvedAt)
	if j, ok := limit(&tl.Ack, ack, recv.Add(p.ack), asOf); j {
		mon.Ack++
		if ok {
			mon.AckOnTime++
		}
	}
	if !ack.IsZero() {
		p.ackHist.add(int64(ack.Sub(recv) / time.Minute))
	}

	resp := earliest(c.FirstResponseAt, c.ResolvedAt)
	// Without a response time the rule cannot be judged.
	if !p.skip.response {
		if j, ok := limit(&tl.Response, resp, recv.Add(p.resp), asOf); j {
			mon.Response++
			if ok {
				mon.ResponseOnTime++
			}
		}
	}

	end := c.ResolvedAt
	if end.IsZero() {
		end = c.ClosedAt
	}
	if !c.ResolvedAt.IsZero() {
		p.resolveHist.add(int64(c.ResolvedAt.Sub(recv) / time.Minute))
	}
	simpleDue := p.deadline(recv)
	if !complex {
		if j, ok := limit(&tl.SimpleResolve, end, simpleDue.t, today); j {
			mon.Resolution++
			if ok {
				mon.ResolutionOnTime++
			}
		}
	} else {
		long := (!end.IsZero() && end.After(simpleDue.t)) || (end.IsZero() && today.After(simpleDue.t))
		if long && !p.skip.complexPlan {
			tl.ComplexPlan.judge(c.Plan != "" && c.Updates > 0, c, p)
		}
	}

	// R16: escalation of high-risk complaints, and nothing left open past
	// its limit.
	rk := &m.Risk
	switch {
	case c.Risk != "high" || p.skip.escalation:
	case c.EscalatedAt.IsZero() && c.Escalated == dossier.Yes:
		// Marked escalated in a log that keeps no escalation time: it
		// counts as escalated, on time as far as the log can tell.
		rk.Escalation.pass()
	case c.EscalatedAt.IsZero() && (c.Escalated == dossier.No || (c.Escalated != dossier.Yes && strings.TrimSpace(c.EscalatedTo) == "")):
		// Never escalated at all: that gap is the high_risk_escalated log
		// rule's (handling.high-risk-escalated); how fast is judged only
		// where an escalation happened, so one row is not one gap twice.
	default:
		limit(&rk.Escalation, c.EscalatedAt, recv.Add(p.ack), asOf)
	}
	if open {
		due := simpleDue.t
		if complex && p.o.ComplexWorkingDays {
			due, _ = p.o.Calendar.DeadlineBy(recv, p.complex, p.o.Cutoff, p.o.StartRule)
		} else if complex {
			due = time.Date(day.Year, day.Month, day.Day+p.complex, 23, 59, 59, 999_999_999, p.o.Location)
		}
		rk.Overdue.judge(!today.After(due), c, p)
	}
}

func (p *pass) undeclared(u *Undeclared, declared map[string]struct{}, v string, c *dossier.Complaint) {
	if _, ok := declared[v]; ok {
		u.Rule.pass()
		return
	}
	u.Rule.fail(c, p)
	if u.idx == nil {
		u.idx = make(map[string]int)
	}
	i, ok := u.idx[v]
	if !ok {
		if len(u.Values) >= MaxUndeclared {
			u.Other++
			return
		}
		i = len(u.Values)
		v = strings.Clone(v)
		u.idx[v] = i
		u.Values = append(u.Values, UndeclaredValue{Value: v})
	}
	uv := &u.Values[i]
	uv.N++
	if len(uv.Rows) < p.max {
		uv.Rows = append(uv.Rows, p.ref(c))
	}
}

func (p *pass) finish() *Metrics {
	m := p.m
	m.ByStatus = p.status.sorted(dossier.Statuses)
	m.ByChannel = p.channel.sorted(nil)
	m.ByCategory = p.category.sorted(nil)
	m.ByHandler = p.handler.sorted(nil)
	m.ByComplexity = p.complexity.sorted(dossier.Complexities)
	m.ByRisk = p.risk.sorted(dossier.RiskLevels)
	m.FollowThrough.Satisfactions = p.satisfaction.sorted(dossier.Satisfactions)

	months := make([]*monthAcc, 0, len(p.months))
	for _, a := range p.months {
		months = append(months, a)
	}
	slices.SortFunc(months, func(a, b *monthAcc) int { return a.key - b.key })
	// Empty lists rather than nil, so JSON shows [] for a log without
	// receipt times instead of null.
	m.ByMonth = make([]Count, 0, len(months))
	m.Timeliness.Monthly = make([]MonthRates, 0, len(months))
	for _, a := range months {
		a.Month = fmt.Sprintf("%04d-%02d", a.key/12, a.key%12+1)
		m.ByMonth = append(m.ByMonth, Count{Key: a.Month, N: a.Received})
		m.Timeliness.Monthly = append(m.Timeliness.Monthly, a.MonthRates)
	}
	m.MonthsCovered = len(months)

	if len(p.o.Rules) > 0 {
		m.Rules = make([]KPI, len(p.o.Rules))
		for i, lr := range p.o.Rules {
			m.Rules[i] = KPI{Key: lr.Key, Label: lr.Label, Rule: p.rules[i]}
		}
	}
	m.Timeliness.HoursToAck = p.ackHist.summary()
	m.Timeliness.HoursToResolve = p.resolveHist.summary()
	for y := range p.outsideYrs {
		m.Timeliness.OutsideCalendarYears = append(m.Timeliness.OutsideCalendarYears, y)
	}
	slices.Sort(m.Timeliness.OutsideCalendarYears)

	for _, u := range []*Undeclared{&m.UndeclaredChannels, &m.UndeclaredCategories} {
		slices.SortFunc(u.Values, func(a, b UndeclaredValue) int { return strings.Compare(a.Value, b.Value) })
		u.idx = nil
	}
	m.Sample = p.sample.sample()
	return m
}
