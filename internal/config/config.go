// Package config reads certready.yaml: thresholds, the working-day calendar
// extension, waivers, complaint-log column mappings and presentation options.
// Every number the checks use lives in Thresholds with the seeds' figures as
// defaults, so an organisation or certification body with stricter rules
// changes a file, not the code.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
)

// FileName is the configuration file looked for in a dossier directory.
const FileName = "certready.yaml"

// MaxConfigBytes caps certready.yaml: thresholds, a calendar, waivers and
// column mappings fit in kilobytes; a larger file is not a configuration.
const MaxConfigBytes = 4 << 20

// Thresholds are the configurable figures behind the checks.
type Thresholds struct {
	MinOperationMonths  int     `yaml:"min_operation_months"`     // R4: months the system must run before applying
	AckHours            float64 `yaml:"ack_hours"`                // R7/R14: contact the complainant within
	ResponseHours       float64 `yaml:"response_hours"`           // R7/R14: progress feedback / initial solution within
	SimpleResolveDays   int     `yaml:"simple_resolve_days"`      // R14: simple complaints resolved within N working days
	Cutoff              string  `yaml:"cutoff"`                   // R14: receipts after this local time start the next working day
	TrainingHours       float64 `yaml:"training_hours"`           // R11: hours per handler
	TrainingWindowMonth int     `yaml:"training_window_months"`   // R11: training counted over this many months (0 = all)
	BudgetRatio         float64 `yaml:"budget_ratio"`             // R17: budget / annual revenue
	ReviewMonths        int     `yaml:"review_months"`            // R9: documents reviewed within
	SurveyMonths        int     `yaml:"survey_months"`            // R19
	AuditMonths         int     `yaml:"audit_months"`             // R20
	ManagementReviewMon int     `yaml:"management_review_months"` // R20
	AnalysisMonths      int     `yaml:"analysis_months"`          // R18: complaint analysis report within
	MinChannels         int     `yaml:"min_channels"`             // R12
	ComplianceRate      float64 `yaml:"compliance_rate"`          // R14: share of complaints meeting a limit below which a finding is major
	MaxListed           int     `yaml:"max_listed"`               // how many violating rows a finding lists
	DueSoonDays         int     `yaml:"due_soon_days"`            // pack: review falling due within
	ComplexResolveDays  int     `yaml:"complex_resolve_days"`     // R16: an open complex complaint is overdue after this many days
	MinHandled          int     `yaml:"min_handled_complaints"`   // R4: complaints handled to the end the log must show before applying
	MaxLogGapDays       int     `yaml:"max_log_gap_days"`         // R4: the log's last receipt at most this many days before the as-of date
	// ComplexResolveUnit counts ComplexResolveDays in "calendar" (default)
	// or "working" days.
	ComplexResolveUnit string `yaml:"complex_resolve_unit"`
	// NonWorkingReceipt says which day is day 0 for a receipt on a
	// non-working day: "next_working_day" (default) or "receipt_day".
	NonWorkingReceipt string `yaml:"nonworking_receipt"`
}

// The values of Thresholds.ComplexResolveUnit and NonWorkingReceipt.
var (
	ComplexResolveUnits = []string{"calendar", "working"}
	NonWorkingReceipts  = []string{"next_working_day", "receipt_day"}
)

// Defaults returns the seeds' figures.
func Defaults() Thresholds {
	return Thresholds{
		MinOperationMonths:  3,
		AckHours:            24,
		ResponseHours:       48,
		SimpleResolveDays:   3,
		Cutoff:              "17:30",
		TrainingHours:       24,
		BudgetRatio:         0.005,
		ReviewMonths:        12,
		SurveyMonths:        12,
		AuditMonths:         12,
		ManagementReviewMon: 12,
		AnalysisMonths:      12,
		MinChannels:         2,
		ComplianceRate:      0.95,
		MaxListed:           20,
		DueSoonDays:         30,
		ComplexResolveDays:  30,
		MinHandled:          3,
		MaxLogGapDays:       60,
		ComplexResolveUnit:  "calendar",
		NonWorkingReceipt:   "next_working_day",
	}
}

// Threshold returns a numeric threshold by its certready.yaml key, 0 for
// keys that are not numbers.
func (t Thresholds) Threshold(key string) float64 {
	switch key {
	case "ack_hours":
		return t.AckHours
	case "response_hours":
		return t.ResponseHours
	case "simple_resolve_days":
		return float64(t.SimpleResolveDays)
	case "training_hours":
		return t.TrainingHours
	case "budget_ratio":
		return t.BudgetRatio
	}
	return 0
}

// CutoffDuration parses Cutoff ("17:30") as a time of day. "24:00" is the
// end of the day: a receipt on a working day is day 0 whatever its time.
func (t Thresholds) CutoffDuration() (time.Duration, error) {
	if t.Cutoff == "24:00" {
		return 24 * time.Hour, nil
	}
	c, err := time.Parse("15:04", t.Cutoff)
	if err != nil {
		return 0, fmt.Errorf("thresholds.cutoff: expected HH:MM (00:00 to 24:00), got %q", t.Cutoff)
	}
	return time.Duration(c.Hour())*time.Hour + time.Duration(c.Minute())*time.Minute, nil
}

// finite refuses a threshold that is not a finite number: YAML reads .nan
// and .inf as floats, and a NaN limit makes every comparison false, so a
// check would silently pass everything.
func (t Thresholds) finite() error {
	for _, f := range []struct {
		key string
		v   float64
	}{{"ack_hours", t.AckHours}, {"response_hours", t.ResponseHours}, {"training_hours", t.TrainingHours}, {"budget_ratio", t.BudgetRatio}, {"compliance_rate", t.ComplianceRate}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return fmt.Errorf("%s: expected a finite number, got %v", f.key, f.v)
		}
	}
	return nil
}

// YearCalendar lists a year's statutory holidays and make-up working days,
// as the State Council's notice for that year announces them. A year given
// here replaces the embedded year of the same number entirely (a notice is
// a whole) or adds a year the embedded calendar lacks. Each entry is a date
// (YYYY-MM-DD) or an inclusive range (YYYY-MM-DD..YYYY-MM-DD).
type YearCalendar struct {
	Source   string   `yaml:"source"` // the notice the dates come from, shown where the calendar is cited
	Holidays []string `yaml:"holidays"`
	Workdays []string `yaml:"workdays"`
}

// Waiver accepts a finding deliberately, with a reason and an expiry.
type Waiver struct {
	Check         string `yaml:"check"`
	Record        string `yaml:"record"` // optional: only findings whose record/where contains this
	Justification string `yaml:"justification"`
	Approver      string `yaml:"approver"`
	Expires       string `yaml:"expires"`
	Line, Col     int    `yaml:"-"`
}

// ComplaintSource says where the complaint log is and how to read it.
type ComplaintSource struct {
	File      string            `yaml:"file"`       // relative to the dossier; default complaints.csv/.xlsx/.yaml
	Sheet     string            `yaml:"sheet"`      // for xlsx
	HeaderRow int               `yaml:"header_row"` // 1-based; 0 = detect
	Encoding  string            `yaml:"encoding"`   // utf-8 (default) or gb18030
	Columns   map[string]string `yaml:"columns"`    // source header -> canonical key
	// Values maps a field's values as the CRM writes them to certready's
	// (per field: status: {已结案: closed}); the target may be the English
	// key or its Chinese label. Yes/no fields map to yes or no.
	Values map[string]map[string]string `yaml:"values"`
	// SatisfactionScale reads numeric satisfaction ratings: "1-5", "1-10",
	// "percent" or "stars" (★ counted out of five). Empty: none.
	SatisfactionScale string `yaml:"satisfaction_scale"`
	// NotTracked lists fields the CRM does not keep: the checks that need
	// them say "not assessed" once instead of failing every row.
	NotTracked []string `yaml:"not_tracked"`
	// Ignore lists source headers deliberately left unread, so they are
	// not reported as ignored columns.
	Ignore []string `yaml:"ignore"`
	// MaxProblemShare is the share of rows with an unreadable or missing
	// required value above which the log is refused as unusable (exit 2);
	// below it such rows are findings and left out of the statistics.
	MaxProblemShare float64 `yaml:"max_problem_share"`
}

// DefaultMaxProblemShare is the share of unreadable rows a complaint log
// may hold and still be audited: past one row in twenty the statistics no
// longer describe the log.
const DefaultMaxProblemShare = 0.05

// Branding is shown on the evidence pack.
type Branding struct {
	Logo            string `yaml:"logo"`
	Client          string `yaml:"client"`
	Confidentiality string `yaml:"confidentiality"`
	DocNumber       string `yaml:"doc_number"`
	DocVersion      string `yaml:"doc_version"`
}

// Limits cap input sizes before parsing, so a hostile file is refused
// cheaply. They protect the machine of the person running certready, so
// that person sets them (LimitsFromEnv), never the dossier being audited:
// a dossier that could raise them could switch its own defences off.
type Limits struct {
	MaxYAMLBytes   int64 `yaml:"max_yaml_bytes"`
	MaxCellBytes   int   `yaml:"max_cell_bytes"`
	MaxUnzipBytes  int64 `yaml:"max_unzip_bytes"`
	MaxErrors      int   `yaml:"max_errors"`
	MaxYAMLNodes   int   `yaml:"max_yaml_nodes"`
	MaxEvidenceMiB int64 `yaml:"max_evidence_mib"`
}

// Config is the whole of certready.yaml.
type Config struct {
	Jurisdiction string `yaml:"jurisdiction"`
	// Sector, when set, replaces the organisation record's sector for
	// choosing the sector rules of law (checks with Sectors); the
	// organisation record stays as it is.
	Sector        string               `yaml:"sector"`
	Timezone      string               `yaml:"timezone"`
	Lang          string               `yaml:"lang"`
	Standard      string               `yaml:"standard"`
	Thresholds    Thresholds           `yaml:"thresholds"`
	Calendar      map[int]YearCalendar `yaml:"calendar"`
	SectorPermits map[string][]string  `yaml:"sector_permits"`
	Waivers       []Waiver             `yaml:"waivers"`
	Complaints    ComplaintSource      `yaml:"complaints"`
	Branding      Branding             `yaml:"branding"`
	Limits        Limits               `yaml:"-"`      // set by the runner: DefaultLimits, LimitsFromEnv
	LimitsKey     yaml.Node            `yaml:"limits"` // an older file's limits section: read, ignored, noted
	Notes         []string             `yaml:"-"`      // warnings about the file that do not stop the run
	Path          string               `yaml:"-"`      // the file it came from, "" for defaults
	// Declared holds the thresholds keys the file sets itself. A figure
	// the organisation chose is its policy; a default is only recommended
	// practice, and findings say which.
	Declared map[string]bool `yaml:"-"`
}

// DefaultLimits are the input caps when the environment sets none.
func DefaultLimits() Limits {
	return Limits{
		MaxYAMLBytes:   32 << 20,
		MaxCellBytes:   1 << 20,
		MaxUnzipBytes:  4 << 30,
		MaxErrors:      200,
		MaxYAMLNodes:   1_000_000,
		MaxEvidenceMiB: 512,
	}
}

// limitVars are the environment variables that set Limits, each with the
// largest value accepted (beyond it a value is a typo, or an attempt to
// switch the defence off).
var limitVars = []struct {
	name string
	max  int64
	set  func(*Limits, int64)
}{
	{"CERTREADY_MAX_YAML_BYTES", 1 << 30, func(l *Limits, v int64) { l.MaxYAMLBytes = v }},
	{"CERTREADY_MAX_YAML_NODES", 100_000_000, func(l *Limits, v int64) { l.MaxYAMLNodes = int(v) }},
	{"CERTREADY_MAX_CELL_BYTES", 64 << 20, func(l *Limits, v int64) { l.MaxCellBytes = int(v) }},
	{"CERTREADY_MAX_UNZIP_BYTES", 64 << 30, func(l *Limits, v int64) { l.MaxUnzipBytes = v }},
	{"CERTREADY_MAX_ERRORS", 1_000_000, func(l *Limits, v int64) { l.MaxErrors = int(v) }},
	{"CERTREADY_MAX_EVIDENCE_MIB", 1 << 20, func(l *Limits, v int64) { l.MaxEvidenceMiB = v }},
}

// LimitVarNames lists the environment variables LimitsFromEnv reads.
func LimitVarNames() []string {
	out := make([]string, len(limitVars))
	for i, v := range limitVars {
		out[i] = v.name
	}
	return out
}

// LimitsFromEnv returns DefaultLimits with whatever the environment sets;
// a value that is not a whole number from 1 to its maximum is an error
// naming the variable.
func LimitsFromEnv(getenv func(string) string) (Limits, error) {
	l := DefaultLimits()
	for _, v := range limitVars {
		s := getenv(v.name)
		if s == "" {
			continue
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 || n > v.max {
			return l, fmt.Errorf("%s: expected a whole number from 1 to %d, got %q", v.name, v.max, s)
		}
		v.set(&l, n)
	}
	return l, nil
}

// Default returns the configuration used when no certready.yaml exists.
func Default() *Config {
	return &Config{
		Jurisdiction: "cn",
		Timezone:     "Asia/Shanghai",
		Lang:         "en",
		Standard:     "gbt19012",
		Thresholds:   Defaults(),
		SectorPermits: map[string][]string{
			"food":    {"food_operation", "food_production"},
			"medical": {"medical_practice"},
			"finance": {"financial"},
			"drug":    {"drug_operation"},
		},
		Complaints: ComplaintSource{MaxProblemShare: DefaultMaxProblemShare},
		Limits:     DefaultLimits(),
	}
}

// Location loads the configured time zone.
func (c *Config) Location() (*time.Location, error) {
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return nil, fmt.Errorf("%s: timezone %q: %w", c.Path, c.Timezone, err)
	}
	return loc, nil
}

// Load reads path over the defaults. A missing file is not an error when
// optional is true; an unknown key always is, since a typo in a threshold
// name would otherwise silently keep the default.
//
// The file is an input like any other: a FIFO, a device or a file over
// MaxConfigBytes is refused before it is read.
func Load(path string, optional bool) (*Config, error) {
	c := Default()
	b, err := infile.ReadFile(path, MaxConfigBytes, "")
	if err != nil {
		if optional && errors.Is(err, os.ErrNotExist) {
			return c, nil
		}
		return nil, fmt.Errorf("reading config: %w", err)
	}
	c.Path = path
	if err := c.decode(b); err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return c, nil
}

func (c *Config) decode(b []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return fmt.Errorf(" %w", err)
	}
	if err := checkKeys(&root); err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf(" %w", err)
	}
	if k := c.LimitsKey; k.Kind != 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("%s:%d:%d: limits: ignored: input limits protect the machine running certready and are set there (environment variables %s), not by the dossier", c.Path, k.Line, k.Column, strings.Join(LimitVarNames(), ", ")))
		c.LimitsKey = yaml.Node{}
	}
	// A second, node-level parse keeps the line of each waiver so an input
	// error can point at it.
	if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "thresholds" && m.Content[i+1].Kind == yaml.MappingNode {
				t := m.Content[i+1]
				c.Declared = map[string]bool{}
				for j := 0; j+1 < len(t.Content); j += 2 {
					c.Declared[t.Content[j].Value] = true
				}
			}
			if m.Content[i].Value == "waivers" && m.Content[i+1].Kind == yaml.SequenceNode {
				for j, w := range m.Content[i+1].Content {
					if j < len(c.Waivers) {
						c.Waivers[j].Line, c.Waivers[j].Col = w.Line, w.Column
					}
				}
			}
		}
	}
	return placed(&root, c.validate())
}

// placed puts the line and column of the value a validation error names
// (" thresholds.cutoff: expected …") in front of it, so that every error
// about the file points into it; an error already placed, or about a key
// the file does not set, is returned as it is.
func placed(root *yaml.Node, err error) error {
	if err == nil || !strings.HasPrefix(err.Error(), " ") {
		return err
	}
	path, _, ok := strings.Cut(err.Error()[1:], ": ")
	if !ok || len(root.Content) != 1 {
		return err
	}
	n := root.Content[0]
	for _, key := range strings.Split(path, ".") {
		var next *yaml.Node
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					next = n.Content[i+1]
				}
			}
		}
		if next == nil {
			return err
		}
		n = next
	}
	return fmt.Errorf("%d:%d:%w", n.Line, n.Column, err)
}

func (c *Config) validate() error {
	if err := c.Thresholds.finite(); err != nil {
		return fmt.Errorf(" thresholds.%w", err)
	}
	if _, err := c.Thresholds.CutoffDuration(); err != nil {
		return fmt.Errorf(" %w", err)
	}
	if !slices.Contains(ComplexResolveUnits, c.Thresholds.ComplexResolveUnit) {
		return fmt.Errorf(" thresholds.complex_resolve_unit: expected calendar or working, got %q", c.Thresholds.ComplexResolveUnit)
	}
	if !slices.Contains(NonWorkingReceipts, c.Thresholds.NonWorkingReceipt) {
		return fmt.Errorf(" thresholds.nonworking_receipt: expected next_working_day (the next working day is day 0) or receipt_day (the receipt date is day 0), got %q", c.Thresholds.NonWorkingReceipt)
	}
	switch c.Lang {
	case "en", "zh":
	default:
		return fmt.Errorf(" lang: expected en or zh, got %q", c.Lang)
	}
	switch c.Standard {
	case "iso10002", "gbt19012":
	default:
		return fmt.Errorf(" standard: expected iso10002 or gbt19012, got %q", c.Standard)
	}
	if s := strings.TrimSpace(c.Sector); s != "" {
		// The sector is written as the organisation record takes it: the
		// code or its Chinese label.
		for code, zh := range dossier.EnumLabelsZH["sector"] {
			if s == zh {
				s = code
			}
		}
		if !slices.Contains(dossier.Sectors, s) {
			return fmt.Errorf(" sector: expected one of %s, got %q", strings.Join(dossier.Sectors, ", "), c.Sector)
		}
		c.Sector = s
	}
	for i, w := range c.Waivers {
		where := fmt.Sprintf("%d:%d: waivers[%d]", w.Line, w.Col, i)
		if w.Check == "" {
			return fmt.Errorf("%s: check is required", where)
		}
		if w.Justification == "" {
			return fmt.Errorf("%s: justification is required for a waiver of %s", where, w.Check)
		}
		if w.Expires != "" {
			if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
				return fmt.Errorf("%s: expires: expected YYYY-MM-DD, got %q", where, w.Expires)
			}
		}
	}
	return nil
}
