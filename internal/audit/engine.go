package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

// Options select what an audit runs and how its result is judged.
type Options struct {
	AsOf     dossier.Date
	Standard string          // iso10002 or gbt19012 (labels only)
	FailOn   checks.Severity // exit 1 at or above this
	Only     []string        // run only these check IDs (or ID prefixes ending in ".")
	Skip     []string        // skip these check IDs (or prefixes)
	Version  string
	// SampleSize and SampleSeed choose the auditor's complaint sample; a
	// zero seed derives one from the input digest.
	SampleSize int
	SampleSeed uint64
	// Baseline holds the keys of findings known from an earlier run; they
	// are reported as known and never fail the run.
	Baseline map[string]bool
	// BaselineLegacy says the baseline's keys are LegacyKeys (check and
	// record), read from a report written before findings had IDs.
	BaselineLegacy bool
}

// Run audits a loaded dossier.
func Run(d *dossier.Dossier, cfg *config.Config, o Options) (*Result, error) {
	cal, err := calendarFor(cfg)
	if err != nil {
		return nil, err
	}
	selected, err := selectChecks(o.Only, o.Skip)
	if err != nil {
		return nil, err
	}
	if err := checkWaivers(cfg.Waivers); err != nil {
		return nil, err
	}
	// The full digest reads every input byte, the complaint log included;
	// it runs beside the metrics pass rather than before it. A log that
	// hashes itself while the pass reads it is not read twice: the digest
	// waits for the pass to get its sum.
	type digestResult struct {
		sum string
		err error
	}
	digestDone := make(chan digestResult, 1)
	passDone := make(chan struct{})
	var logLine func(string) (string, error)
	if lh, ok := d.Complaints.(dossier.LogHasher); ok {
		logLine = func(p string) (string, error) {
			<-passDone
			if sum, ok := lh.FileSHA256(); ok {
				return hex.EncodeToString(sum), nil
			}
			return fileSHA256(p)
		}
	}
	go func() {
		s, err := digest(d, logLine)
		digestDone <- digestResult{s, err}
	}()
	// The log is measured against the organisation's own limits where its
	// procedures state them, certready.yaml's otherwise.
	th, figs := checks.ResolveFigures(d, cfg)
	mcfg := *cfg
	mcfg.Thresholds = th
	// Only the log rules of checks that apply are evaluated: a sector's
	// rule adds no tally to another sector's report.
	sector := checks.SectorOf(d, cfg)
	var applicable []*checks.Check
	for _, c := range selected {
		if c.AppliesTo(cfg.Jurisdiction, sector) {
			applicable = append(applicable, c)
		}
	}
	m, err := runMetrics(d, &mcfg, cal, o, checks.LogRules(applicable))
	close(passDone)
	if err != nil {
		<-digestDone
		return nil, err
	}
	dr := <-digestDone
	if dr.err != nil {
		return nil, dr.err
	}
	digest := dr.sum
	r := &Result{
		Tool: "certready", Version: o.Version, Dossier: d.Source, InputDigest: digest,
		AsOf: o.AsOf.String(), Standard: o.Standard, Jurisdiction: cfg.Jurisdiction, FailOn: o.FailOn,
		KPIs: m, Figures: figs, Baseline: o.Baseline != nil, Findings: []Finding{}, Notes: []checks.Text{}, Waivers: []Waiver{}, Materials: []Material{},
	}
	r.Names = breakdownNames(d)
	if org := d.Organisation; org != nil {
		r.Organisation = Organisation{Name: org.Name, NameEN: org.NameEN, USCC: strings.ToUpper(strings.TrimSpace(org.USCC)), Sector: org.Sector}
	}
	pass := checks.NewPass(d, m, cfg, cal, o.AsOf)
	for _, c := range selected {
		cr := CheckResult{ID: c.ID, Title: c.Title, Severity: c.Severity, Requirements: c.Requirement, Clauses: strs(c.Clauses), Principles: strs(c.Principles),
			Nodes: c.NodeRefs(), Basis: c.Basis, Source: c.Source, Evidence: checks.ResolveFields(c.Evidence, d)}
		if !c.AppliesTo(cfg.Jurisdiction, sector) {
			cr.Status = NotApplicable
			r.Checks = append(r.Checks, cr)
			continue
		}
		fs := pass.Run(c)
		for _, f := range fs {
			r.Findings = append(r.Findings, toFinding(f, d))
		}
		cr.Findings = len(fs)
		r.Checks = append(r.Checks, cr)
	}
	for _, mt := range pass.Materials() {
		r.Materials = append(r.Materials, Material{ID: mt.ID, Title: mt.Title, Status: mt.Status, Refs: mt.Refs, Note: mt.Note, Optional: mt.Optional, owners: mt.Owners})
	}
	r.Notes = append(r.Notes, pass.Notes()...)
	// Every working-day deadline of the log depends on the calendar, so a
	// receipt in a year it lacks is noted here, once for all of them.
	if m != nil && m.Timeliness.OutsideCalendar > 0 {
		n := m.Timeliness.OutsideCalendar
		years := strings.Trim(fmt.Sprint(m.Timeliness.OutsideCalendarYears), "[]")
		r.Notes = append(r.Notes, checks.T(
			fmt.Sprintf("%s %s received in years without a State Council holiday notice in the calendar (%s); %s working-day deadlines assume Monday to Friday and are provisional. Add the year under calendar: in certready.yaml.",
				vocab.Count(n, "complaint"), vocab.Verb(n, "was", "were"), years, vocab.Verb(n, "its", "their")),
			fmt.Sprintf("%d 起投诉的受理年份（%s）日历中尚无国务院节假日安排通知，其工作日时限按周一至周五推算，结果为暂定。请在 certready.yaml 的 calendar 中补充该年份。",
				n, years)))
	}
	for _, p := range []func(*Result, *config.Config, Options){assignIDs, referMaterials, applyWaivers, applyBaseline, sortFindings, judgeChecks, score, principles, coverage} {
		p(r, cfg, o)
	}
	e := checks.EarliestApplication(d, m, th)
	if !e.From.IsZero() {
		r.EligibleFrom = e.From.String()
		r.Eligible = !e.From.After(o.AsOf)
	}
	r.EligibleWaits = e.Waits
	if len(selected) < len(checks.All()) {
		r.Partial = true
		in := map[string]bool{}
		for _, c := range selected {
			in[c.ID] = true
		}
		for _, c := range checks.All() {
			if !in[c.ID] {
				r.Skipped = append(r.Skipped, c.ID)
			}
		}
		r.Notes = append([]checks.Text{checks.T(
			fmt.Sprintf("Partial audit: %d of %d checks %s skipped (--only/--skip), so no verdict is given.", len(r.Skipped), len(checks.All()), vocab.Verb(len(r.Skipped), "was", "were")),
			fmt.Sprintf("部分评估：%d/%d 项检查被跳过（--only/--skip），因此不作结论。", len(r.Skipped), len(checks.All())))}, r.Notes...)
	}
	r.Verdict = verdict(r)
	return r, nil
}

// referMaterials gives each gap of the materials checklist one finding. A
// checklist item whose gap another check reports as its own (an expired
// permit is licence.sector-permit's, a missing plan file docs.control's)
// refers to that finding, and the checklist's copy is dropped, so the gap
// is counted once, at the severity of the check that judges it. When the
// owner reported nothing (it was skipped, or judged the records
// differently) the checklist's finding stands.
func referMaterials(r *Result, _ *config.Config, _ Options) {
	dropped := map[string]bool{}
	for i := range r.Materials {
		m := &r.Materials[i]
		own := -1
		for j := range r.Findings {
			if f := &r.Findings[j]; f.Check == materialsCheck && f.Record == m.ID {
				own = j
				break
			}
		}
		if own < 0 {
			continue
		}
		for j := range r.Findings {
			if f := &r.Findings[j]; ownsGap(f, m.owners) {
				m.Findings = append(m.Findings, f.ID)
			}
		}
		if len(m.Findings) == 0 {
			m.Findings = []string{r.Findings[own].ID}
			continue
		}
		dropped[r.Findings[own].ID] = true
		var by []string
		for _, id := range m.Findings {
			if c, _, _ := strings.Cut(id, "|"); !slices.Contains(by, c) {
				by = append(by, c)
			}
		}
		see := strings.Join(by, ", ")
		m.Note = checks.Text{
			EN: strings.TrimSpace(m.Note.EN + " — reported by " + see),
			ZH: strings.TrimSpace(m.Note.ZH + "——由 " + see + " 报告"),
		}
	}
	if len(dropped) == 0 {
		return
	}
	keep := r.Findings[:0]
	for _, f := range r.Findings {
		if !dropped[f.ID] {
			keep = append(keep, f)
		}
	}
	r.Findings = keep
	for i := range r.Checks {
		if r.Checks[i].ID == materialsCheck {
			r.Checks[i].Findings -= len(dropped)
		}
	}
}

// materialsCheck is the check that records the materials checklist.
const materialsCheck = "materials.checklist"

// ownsGap reports whether f is one of the findings refs designate.
func ownsGap(f *Finding, refs []checks.FindingRef) bool {
	for _, ref := range refs {
		if f.Check == ref.Check && (ref.Record == "" || f.Record == ref.Record) && (ref.Pos.IsZero() || f.Pos == ref.Pos) {
			return true
		}
	}
	return false
}

func calendarFor(cfg *config.Config) (*cn.Calendar, error) {
	cal := cn.Default()
	if len(cfg.Calendar) == 0 {
		return cal, nil
	}
	extra := map[int]cn.YearData{}
	for y, yc := range cfg.Calendar {
		yd := cn.YearData{Source: yc.Source}
		for _, s := range yc.Holidays {
			ds, err := cn.ParseDateOrRange(s)
			if err != nil {
				return nil, fmt.Errorf("%s: calendar.%d.holidays: %w", cfg.Path, y, err)
			}
			yd.Holidays = append(yd.Holidays, ds...)
		}
		for _, s := range yc.Workdays {
			ds, err := cn.ParseDateOrRange(s)
			if err != nil {
				return nil, fmt.Errorf("%s: calendar.%d.workdays: %w", cfg.Path, y, err)
			}
			yd.Workdays = append(yd.Workdays, ds...)
		}
		extra[y] = yd
	}
	c, err := cal.With(extra)
	if err != nil {
		return nil, fmt.Errorf("%s: calendar: %w", cfg.Path, err)
	}
	return c, nil
}

func matches(id string, pats []string) bool {
	for _, p := range pats {
		if id == p || (strings.HasSuffix(p, ".") && strings.HasPrefix(id, p)) || (strings.HasSuffix(p, "*") && strings.HasPrefix(id, strings.TrimSuffix(p, "*"))) {
			return true
		}
	}
	return false
}

// selectChecks applies --only and --skip; a name matching no check is a
// usage error, since a typo would otherwise silently run nothing.
func selectChecks(only, skip []string) ([]*checks.Check, error) {
	all := checks.All()
	for _, p := range append(append([]string{}, only...), skip...) {
		found := false
		for _, c := range all {
			if matches(c.ID, []string{p}) {
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("no check matches %q%s (see certready rules list)", p, CheckSuggestion(p))
		}
	}
	var out []*checks.Check
	for _, c := range all {
		if len(only) > 0 && !matches(c.ID, only) {
			continue
		}
		if matches(c.ID, skip) {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

func checkWaivers(ws []config.Waiver) error {
	for i, w := range ws {
		if _, ok := checks.ByID(w.Check); !ok {
			return fmt.Errorf("certready.yaml:%d:%d: waivers[%d]: no check %q (see certready rules list)", w.Line, w.Col, i, w.Check)
		}
	}
	return nil
}

// toFinding turns a check's finding into the reported one; field names in
// its texts are resolved to the names d's input uses.
func toFinding(f checks.Finding, d *dossier.Dossier) Finding {
	c := f.Check
	remedy := c.Remedy
	if !f.Remedy.IsZero() {
		remedy = f.Remedy // written for this finding's condition
	}
	return Finding{
		Check: c.ID, Title: c.Title, Severity: f.Severity, Requirements: c.Requirement, Clauses: strs(c.Clauses),
		Principles: strs(c.Principles), Nodes: c.NodeRefs(), Basis: f.Basis, BasisNote: f.BasisNote, Message: checks.ResolveFields(f.Message, d), Where: f.Pos.String(), Pos: f.Pos, Record: f.Record, RecordLabel: f.RecordLabel,
		Evidence: checks.ResolveFields(c.Evidence, d), Remedy: checks.ResolveFields(remedy, d), Rows: f.Rows, Count: f.Count, State: "open", facet: f.Facet,
	}
}

// Waivable reports whether a finding on basis b may be waived. A waiver is
// the organisation accepting a gap against its own policy or against
// recommended practice, or an auditor's reasoned exclusion of a clause of
// the standard; a certification body's prerequisite and a legal duty are
// not the organisation's to accept.
func Waivable(b vocab.Basis) bool { return b != vocab.Scheme && b != vocab.Law }

// applyWaivers marks waived findings. An expired waiver no longer applies;
// both expired and unused waivers are listed so they get cleaned up.
func applyWaivers(r *Result, cfg *config.Config, o Options) {
	for _, w := range cfg.Waivers {
		rw := Waiver{Check: w.Check, Record: w.Record, Justification: w.Justification, Approver: w.Approver, Expires: w.Expires}
		expired := false
		if w.Expires != "" {
			if e, err := civil.Parse(w.Expires); err == nil && e.Before(o.AsOf) {
				expired = true
			}
		}
		refused := 0
		for i := range r.Findings {
			f := &r.Findings[i]
			if f.Check != w.Check || f.State != "open" {
				continue
			}
			if w.Record != "" && !strings.Contains(f.Record, w.Record) && !strings.Contains(f.Where, w.Record) {
				continue
			}
			if !Waivable(f.Basis) {
				// A certification body's prerequisite or a legal duty is
				// not the organisation's to waive: the finding stays open.
				refused++
				continue
			}
			if expired {
				rw.Applied++ // counted so an expired waiver that still matches reads "expired", not "unused"
				continue
			}
			f.State = "waived"
			wc := rw
			f.Waiver = &wc
			rw.Applied++
		}
		switch {
		case refused > 0 && rw.Applied == 0:
			rw.State = "refused"
			r.Notes = append(r.Notes, checks.Tf("The waiver of %s was not applied: its findings stand on the certification body's scheme or on law, which no waiver can set aside.",
				"%s 的豁免未生效：相关发现项依据认证机构规则或法律法规，不能豁免。", w.Check))
		case expired:
			rw.State = "expired"
			r.Notes = append(r.Notes, checks.Tf("The waiver of %s expired on %s and no longer applies.", "%s 的豁免已于 %s 到期，不再适用。", w.Check, w.Expires))
		case rw.Applied == 0:
			rw.State = "unused"
			r.Notes = append(r.Notes, checks.Tf("The waiver of %s matched no finding; remove it from certready.yaml.", "%s 的豁免未匹配任何发现项，请从 certready.yaml 中删除。", w.Check))
		default:
			rw.State = "active"
		}
		r.Waivers = append(r.Waivers, rw)
	}
}

func applyBaseline(r *Result, _ *config.Config, o Options) {
	if o.Baseline == nil {
		return
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		k := f.Key()
		if o.BaselineLegacy {
			k = f.LegacyKey()
		}
		if f.State == "open" && o.Baseline[k] {
			f.State = "known"
		}
	}
}

func clauseKey(c string) string {
	var a, b int
	fmt.Sscanf(c, "%d.%d", &a, &b)
	return fmt.Sprintf("%03d.%03d", a, b)
}

func firstClause(cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	return clauseKey(cs[0])
}

// sortFindings orders findings by severity, clause, check and position, so
// output is stable and the worst comes first.
func sortFindings(r *Result, _ *config.Config, _ Options) {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := &r.Findings[i], &r.Findings[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if ca, cb := firstClause(a.Clauses), firstClause(b.Clauses); ca != cb {
			return ca < cb
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		if a.Where != b.Where {
			return a.Where < b.Where
		}
		return a.Message.EN < b.Message.EN
	})
}

func judgeChecks(r *Result, _ *config.Config, _ Options) {
	open := map[string]int{}
	waived := map[string]int{}
	for _, f := range r.Findings {
		switch f.State {
		case "open":
			open[f.Check]++
			switch f.Severity {
			case checks.Major:
				r.Counts.Major++
			case checks.Minor:
				r.Counts.Minor++
			case checks.Observation:
				r.Counts.Observation++
			}
		case "waived":
			waived[f.Check]++
			r.Counts.Waived++
		case "known":
			open[f.Check]++
			r.Counts.Known++
		}
	}
	for i := range r.Checks {
		cr := &r.Checks[i]
		if cr.Status == NotApplicable {
			continue
		}
		c, _ := checks.ByID(cr.ID)
		switch {
		case open[cr.ID] > 0:
			cr.Status = Fail
		case waived[cr.ID] > 0:
			cr.Status = Waived
		case c.Manual:
			cr.Status = NeedsEvidence
			r.Counts.NeedsEvidence++
		default:
			cr.Status = Pass
		}
	}
}

// weight is a check's weight in scores: what a major gap would cost.
func weight(s checks.Severity) float64 {
	switch s {
	case checks.Major:
		return 3
	case checks.Minor:
		return 2
	}
	return 1
}

// credit is the share of a check's weight it earns given its worst open
// finding: nothing with a major gap, half with a minor one, most of it
// with only observations.
func credit(worst checks.Severity) float64 {
	switch worst {
	case checks.Major:
		return 0
	case checks.Minor:
		return 0.5
	case checks.Observation:
		return 0.9
	}
	return 1
}

// ScoreFormula documents the readiness score for people.
const ScoreFormula = `Each applicable check has a weight by its default severity (major 3, minor 2, observation 1). It earns all of it when it passes or is waived, 0.9 of it when its worst open finding is an observation, 0.5 for a minor finding and nothing for a major one. A clause's score is the earned share of the weights of the checks citing it, in percent; the overall score is the same share over all checks (each check counted once). A check that needs evidence an auditor must see earns nothing yet: the score counts what the records prove, and score_awaiting_evidence is the share such checks would add once the evidence is shown.`

func score(r *Result, _ *config.Config, _ Options) {
	worst := map[string]checks.Severity{}
	for _, f := range r.Findings {
		if f.State == "open" || f.State == "known" {
			if f.Severity > worst[f.Check] {
				worst[f.Check] = f.Severity
			}
		}
	}
	type acc struct {
		w, e, pending float64
		n, failed     int
		judged        int // checks the records could judge (not awaiting evidence)
	}
	per := map[string]*acc{}
	var tot acc
	for _, cr := range r.Checks {
		if cr.Status == NotApplicable {
			continue
		}
		w := weight(cr.Severity)
		e := w * credit(worst[cr.ID])
		if cr.Status == NeedsEvidence {
			// Nothing in the records proves it: no credit until an
			// auditor has seen the evidence.
			tot.pending += e
			e = 0
		}
		tot.w += w
		tot.e += e
		for _, cl := range servedNodes(cr) {
			a := per[cl]
			if a == nil {
				a = &acc{}
				per[cl] = a
			}
			a.w += w
			a.e += e
			a.n++
			if cr.Status != NeedsEvidence {
				a.judged++
			}
			if cr.Status == Fail {
				a.failed++
			}
		}
	}
	if tot.w > 0 {
		r.Score = round1(100 * tot.e / tot.w)
		r.ScoreAwaiting = round1(100 * tot.pending / tot.w)
	}
	for _, c := range checks.Clauses() {
		a := per[c.Num]
		if a == nil {
			continue
		}
		cs := ClauseScore{Clause: c.Num, Title: c.Title, Checks: a.n, Failed: a.failed}
		if a.judged > 0 {
			cs.Score = ScoreOf(round1(100 * a.e / a.w))
		}
		r.Clauses = append(r.Clauses, cs)
	}
}

func round1(x float64) float64 {
	return float64(int64(x*10+0.5)) / 10
}

func principles(r *Result, _ *config.Config, _ Options) {
	for _, p := range checks.Principles() {
		row := PrincipleRow{Principle: p.Num, Title: p.Title, Checks: []string{}}
		state := ""
		for _, cr := range r.Checks {
			if cr.Status == NotApplicable || !contains(servedNodes(cr), p.Num) {
				continue
			}
			row.Checks = append(row.Checks, cr.ID)
			switch {
			case cr.Status == Fail:
				state = "gaps"
			case cr.Status == NeedsEvidence && state != "gaps":
				state = "needs_evidence"
			case state == "":
				state = "met"
			}
		}
		if state == "" {
			state = "not_evidenced"
		}
		row.State = state
		r.Principles = append(r.Principles, row)
	}
}

// servedNodes are the clauses a check counts towards: the clauses it
// cites and the guiding principles (clause 4) it serves. The clause scores
// and the principles matrix both select checks through it, so the score of
// 4.5 and the state of principle 4.5 speak of the same checks and cannot
// disagree.
func servedNodes(cr CheckResult) []string {
	out := append([]string(nil), cr.Clauses...)
	for _, p := range cr.Principles {
		if !contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func verdict(r *Result) Verdict {
	switch {
	case r.Partial:
		return Partial
	case r.Counts.Major > 0 || !r.Eligible:
		return NotReady
	case r.Counts.Minor > 0:
		return ReadyMinor
	}
	return Ready
}

// InputDigest is a SHA-256 over the dossier's own files (YAML, workbook,
// CSV, configuration, the complaint log wherever it lives, evidence), by
// relative path and content, so a pack can state exactly which input it
// describes.
func InputDigest(d *dossier.Dossier) (string, error) { return digest(d, nil) }

// DefaultSeed is the complaint-sample seed used when none is given: derived
// from the digest of every input except the complaint log's content, for
// which only its name and size count. The same input always draws the same
// sample, and the full digest (which reads the whole log) can be computed
// while the log is being audited instead of before.
func DefaultSeed(d *dossier.Dossier) (uint64, error) {
	s, err := digest(d, func(p string) (string, error) {
		fi, err := os.Stat(p)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("size %d", fi.Size()), nil
	})
	if err != nil {
		return 0, err
	}
	return SeedFrom(s), nil
}

// digest hashes the inputs, each file as its name and SHA-256. logLine,
// when given, stands in for the SHA-256 of the complaint log when that is
// a file of its own.
func digest(d *dossier.Dossier, logLine func(path string) (string, error)) (string, error) {
	st, err := os.Stat(d.Source)
	if err != nil {
		return "", err
	}
	base := d.Root
	var files []string
	if st.IsDir() {
		base = d.Source
		entries, err := os.ReadDir(d.Source)
		if err != nil {
			return "", err
		}
		for _, e := range entries {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".yaml", ".yml", ".csv", ".xlsx":
				if e.Type().IsRegular() {
					files = append(files, e.Name())
				}
			}
		}
	} else {
		files = append(files, filepath.Base(d.Source))
		cfg := strings.TrimSuffix(filepath.Base(d.Source), filepath.Ext(d.Source)) + "." + config.FileName
		if _, err := os.Stat(filepath.Join(d.Root, cfg)); err == nil {
			files = append(files, cfg)
		}
	}
	logRel := ""
	if d.Complaints != nil {
		if rel, err := filepath.Rel(base, d.Complaints.Path()); err == nil && !strings.HasPrefix(rel, "..") {
			logRel = filepath.ToSlash(rel)
			if !slices.Contains(files, logRel) {
				files = append(files, logRel)
			}
		}
	}
	sort.Strings(files)
	embedded := !st.IsDir() && logRel == filepath.Base(d.Source)
	h := sha256.New()
	for _, f := range files {
		p := filepath.Join(base, filepath.FromSlash(f))
		var line string
		if logLine != nil && f == logRel && !embedded {
			line, err = logLine(p)
		} else {
			line, err = fileSHA256(p)
		}
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s  %s\n", f, line)
	}
	var ev []string
	for p, e := range d.Evidence {
		ev = append(ev, p+"  "+e.SHA256)
	}
	sort.Strings(ev)
	for _, line := range ev {
		fmt.Fprintln(h, line)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// runMetrics makes the pass over the complaint log, if there is one, with
// the configured thresholds and the sample seed given or derived.
func runMetrics(d *dossier.Dossier, cfg *config.Config, cal *cn.Calendar, o Options, rules []metrics.LogRule) (*metrics.Metrics, error) {
	if d.Complaints == nil {
		return nil, nil
	}
	mo, err := metrics.OptionsFor(d, cfg.Thresholds, cal, o.AsOf)
	if err != nil {
		return nil, err
	}
	if o.SampleSize > 0 {
		mo.SampleSize = o.SampleSize
	}
	mo.SampleSeed = o.SampleSeed
	mo.Rules = rules
	mo.MaxProblemShare = cfg.Complaints.MaxProblemShare
	if mo.MaxProblemShare == 0 {
		mo.MaxProblemShare = -1 // set to 0 in certready.yaml: no unreadable row is tolerated
	}
	mo.NotTracked = cfg.Complaints.NotTracked
	if mo.SampleSeed == 0 {
		if mo.SampleSeed, err = DefaultSeed(d); err != nil {
			return nil, err
		}
	}
	return metrics.Compute(d.Complaints, mo)
}

// fileSHA256 is the hex SHA-256 of a file's bytes.
func fileSHA256(p string) (string, error) {
	fh, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer fh.Close()
	// A buffer up to 1 MiB for a log of hundreds of megabytes; the many
	// small files of a dossier get one their size.
	size := int64(1 << 20)
	if fi, err := fh.Stat(); err == nil {
		size = min(max(fi.Size(), 512), size)
	}
	sum := sha256.New()
	if _, err := io.CopyBuffer(sum, struct{ io.Reader }{fh}, make([]byte, size)); err != nil {
		return "", err
	}
	return hex.EncodeToString(sum.Sum(nil)), nil
}

// SeedFrom derives the default complaint-sample seed from the input
// digest (its first 64 bits), so the same input always draws the same
// sample and a report can print the seed it used.
func SeedFrom(digest string) uint64 {
	if len(digest) > 16 {
		digest = digest[:16]
	}
	s, err := strconv.ParseUint(digest, 16, 64)
	if err != nil || s == 0 {
		return 1
	}
	return s
}

// strs keeps an empty list a list in JSON: a check of the CB scheme cites
// no clause of the standard, and says so with [], not null.
func strs(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// breakdownNames are the declared names of channels and categories, by the
// id or code the complaint log uses for them; nil when none has a name.
func breakdownNames(d *dossier.Dossier) map[string]map[string]string {
	out := map[string]map[string]string{}
	add := func(kind, key, name string) {
		if key == "" || name == "" || name == key {
			return
		}
		if out[kind] == nil {
			out[kind] = map[string]string{}
		}
		if _, dup := out[kind][key]; !dup {
			out[kind][key] = name
		}
	}
	for _, c := range d.Channels {
		add("channel", c.ID, c.Name)
	}
	for _, c := range d.Categories {
		add("category", c.Code, c.Name)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
