package dossier

import (
	"strings"
	"time"
)

// Meta is embedded in every record: where the record starts and where each
// of its fields was read, keyed by the field's canonical key.
type Meta struct {
	Pos    Pos            `json:"-"`
	Fields map[string]Pos `json:"-"`
}

// PosOf returns the position of a field, falling back to the record's.
func (m Meta) PosOf(key string) Pos {
	if p, ok := m.Fields[key]; ok {
		return p
	}
	return m.Pos
}

// Has reports whether the field was present in the input at all.
func (m Meta) Has(key string) bool {
	_, ok := m.Fields[key]
	return ok
}

// Organisation is the legal entity applying for certification.
type Organisation struct {
	Meta
	Name                string  `json:"name"`
	NameEN              string  `json:"name_en"`
	USCC                string  `json:"uscc"`
	OrgCode             string  `json:"org_code"`
	LegalRep            string  `json:"legal_rep"`
	LegalRepID          string  `json:"legal_rep_id"`
	LegalRepIDFile      string  `json:"legal_rep_id_file"`
	Sector              string  `json:"sector"`
	Address             string  `json:"address"`
	BusinessScope       string  `json:"business_scope"`
	Established         Date    `json:"established"`
	AnnualRevenue       float64 `json:"annual_revenue"`
	SystemLive          Date    `json:"system_live"`
	ComplaintDepartment string  `json:"complaint_department"`
	Employees           int     `json:"employees"`
	Website             string  `json:"website"`
	// Sites lists every site the system covers: certification bodies
	// plan a multi-site audit from it.
	Sites []string `json:"sites"`
}

// Licence is a business licence or a sector permit.
type Licence struct {
	Meta
	Type        string `json:"type"`
	Number      string `json:"number"`
	Name        string `json:"name"`
	Issuer      string `json:"issuer"`
	Issued      Date   `json:"issued"`
	ValidUntil  Expiry `json:"valid_until"`
	Scope       string `json:"scope"`
	Address     string `json:"address"`
	Established Date   `json:"established"`
	Evidence    string `json:"evidence"`
}

// Document is a controlled document of the complaints-handling system.
type Document struct {
	Meta
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	Kind            string   `json:"kind"`
	Version         string   `json:"version"`
	ApprovedBy      string   `json:"approved_by"`
	ApprovedOn      Date     `json:"approved_on"`
	Effective       Date     `json:"effective"`
	LastReviewed    Date     `json:"last_reviewed"`
	File            string   `json:"file"`
	Covers          []string `json:"covers"`
	ContactWithinH  float64  `json:"contact_within_h"`
	SolutionWithinH float64  `json:"solution_within_h"`
}

// CoversElement reports whether the document declares the element.
func (d *Document) CoversElement(e string) bool {
	for _, c := range d.Covers {
		if c == e {
			return true
		}
	}
	return false
}

// Category is a complaint category with its responsible department.
type Category struct {
	Meta
	Code        string `json:"code"`
	Name        string `json:"name"`
	Department  string `json:"department"`
	Description string `json:"description"`
}

// Person is a member of staff.
type Person struct {
	Meta
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Department string   `json:"department"`
	Title      string   `json:"title"`
	Handler    bool     `json:"handler"`
	Roles      []string `json:"roles"`
	Phone      string   `json:"phone"`
	Email      string   `json:"email"`
	Joined     Date     `json:"joined"`
	// CompetenceEvaluated and CompetenceEvaluation are the handler's last
	// competence evaluation: training hours show what was taught, the
	// evaluation what the handler can do.
	CompetenceEvaluated  Date   `json:"competence_evaluated"`
	CompetenceEvaluation string `json:"competence_evaluation"`
}

// HasRole reports whether the person holds the role.
func (p *Person) HasRole(r string) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Qualification is a certificate held by a person.
type Qualification struct {
	Meta
	Person     string `json:"person"`
	Name       string `json:"name"`
	Number     string `json:"number"`
	Issuer     string `json:"issuer"`
	Issued     Date   `json:"issued"`
	ValidUntil Expiry `json:"valid_until"`
	Evidence   string `json:"evidence"`
}

// Training is one training session.
type Training struct {
	Meta
	ID         string   `json:"id"`
	Date       Date     `json:"date"`
	Hours      float64  `json:"hours"`
	Topics     []string `json:"topics"`
	Trainer    string   `json:"trainer"`
	Attendees  []string `json:"attendees"`
	SignIn     string   `json:"sign_in"`
	Assessment string   `json:"assessment"`
	Scores     []string `json:"scores"`
}

// Channel is a complaint intake channel.
type Channel struct {
	Meta
	ID         string   `json:"id"`
	Type       string   `json:"type"`
	Name       string   `json:"name"`
	Contact    string   `json:"contact"`
	Hours      string   `json:"hours"`
	Published  []string `json:"published"`
	Accessible []string `json:"accessible"`
	Free       *bool    `json:"free"`
}

// Complaint is one row of the complaint log. The streaming readers reuse one
// value for every row, so a consumer that keeps anything must copy it.
type Complaint struct {
	Pos Pos // the row

	ID              string
	ReceivedAt      time.Time
	Channel         string
	Category        string
	Complexity      string
	Risk            string
	Description     string
	Complainant     string
	Phone           string
	Email           string
	AcknowledgedAt  time.Time
	FirstResponseAt time.Time
	Steps           string
	Plan            string
	Updates         int
	EscalatedAt     time.Time
	// Escalated is the log's yes/no escalation column, for CRMs that keep
	// no escalation time: Yes when marked escalated, No when marked not,
	// Unknown when blank or absent.
	Escalated   Tristate
	EscalatedTo string
	// ExtensionApprovedAt is when a further extension of the handling
	// limit was approved, where a sector's rule allows one on approval.
	ExtensionApprovedAt time.Time
	CustomerUSCC        string // trimmed and upper-cased; checked by the metrics pass
	ResolvedAt          time.Time
	ClosedAt            time.Time
	Status              string
	Handler             string
	RootCause           string
	CorrectiveAction    string
	FollowUpAt          time.Time
	Satisfaction        string
	Feedback            string
	Rehandled           bool
	Charge              float64

	// DecisionCommunicatedAt is when the decision or response was
	// communicated to the complainant (7.8).
	DecisionCommunicatedAt time.Time
	// RecourseOffered says whether the complainant was told of internal
	// review and external recourse (7.9): Unknown when blank or absent.
	RecourseOffered Tristate
}

// Survey is a customer satisfaction survey.
type Survey struct {
	Meta
	ID                     string   `json:"id"`
	Date                   Date     `json:"date"`
	Method                 string   `json:"method"`
	SampleSize             int      `json:"sample_size"`
	Responses              int      `json:"responses"`
	Score                  *float64 `json:"score"`
	ComplaintHandlingScore *float64 `json:"complaint_handling_score"`
	Report                 string   `json:"report"`
}

// Audit is an internal audit.
type Audit struct {
	Meta
	ID               string `json:"id"`
	Date             Date   `json:"date"`
	Scope            string `json:"scope"`
	CoversComplaints bool   `json:"covers_complaints"`
	Auditor          string `json:"auditor"`
	// AuditedDepartments are the departments whose work was audited.
	AuditedDepartments []string `json:"audited_departments"`
	Findings           int      `json:"findings"`
	Report             string   `json:"report"`
}

// Review is a management review.
type Review struct {
	Meta
	ID               string   `json:"id"`
	Date             Date     `json:"date"`
	Chair            string   `json:"chair"`
	CoversComplaints bool     `json:"covers_complaints"`
	Inputs           []string `json:"inputs"`
	Outputs          []string `json:"outputs"`
	Minutes          string   `json:"minutes"`
}

// Action is a corrective or preventive action.
type Action struct {
	Meta
	ID          string `json:"id"`
	Source      string `json:"source"`
	Description string `json:"description"`
	Owner       string `json:"owner"`
	Due         Date   `json:"due"`
	Closed      Date   `json:"closed"`
	Status      string `json:"status"`
}

// Objective is a measurable complaints-handling objective.
type Objective struct {
	Meta
	ID        string   `json:"id"`
	Statement string   `json:"statement"`
	Metric    string   `json:"metric"`
	Target    *float64 `json:"target"`
	Unit      string   `json:"unit"`
	Actual    *float64 `json:"actual"`
	Period    string   `json:"period"`
	Owner     string   `json:"owner"`
	// ReportEveryMonths is how often the measured value is reported to
	// top management; 0 when no interval is set.
	ReportEveryMonths int `json:"report_every_months"`
}

// MonitoringReport is one report to top management on the
// complaints-handling process measured against its objectives.
type MonitoringReport struct {
	Meta
	ID         string   `json:"id"`
	Date       Date     `json:"date"`
	Period     string   `json:"period"`
	Objectives []string `json:"objectives"`
	ReportedTo string   `json:"reported_to"`
	Report     string   `json:"report"`
}

// Resources are the budget, systems, workspace and equipment.
type Resources struct {
	Meta
	Budget         float64  `json:"budget"`
	BudgetYear     int      `json:"budget_year"`
	BudgetEvidence string   `json:"budget_evidence"`
	CRM            string   `json:"crm"`
	CRMSince       Date     `json:"crm_since"`
	Workspace      string   `json:"workspace"`
	Equipment      []string `json:"equipment"`
}

// PlanStep is one step of the certification plan.
type PlanStep struct {
	Meta
	Step  string `json:"step"`
	Owner string `json:"owner"`
	Start Date   `json:"start"`
	Due   Date   `json:"due"`
	Done  Date   `json:"done"`
}

// Evidence is what the loader learned about one referenced evidence file.
// Checks read this instead of the file system.
type Evidence struct {
	Path   string `json:"path"` // dossier-relative, slash-separated
	Exists bool   `json:"exists"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256,omitempty"`
	// RefPos is where the file was first referenced.
	RefPos Pos `json:"-"`

	// What the loader read inside a text-bearing file (Markdown, text,
	// .docx, PDF), so checks can tell a document from a placeholder and
	// see what it mentions. Zero for other formats.
	Content ContentKind `json:"-"`
	// Text is the file's text (ContentText, ContentTemplate), cut at the
	// loader's limit when TextCut.
	Text    string `json:"-"`
	TextCut bool   `json:"-"`
	// Marker is the fill-in marker of a ContentTemplate file and MarkerLine
	// its line; "" when the file holds only section headings.
	Marker     string `json:"-"`
	MarkerLine int    `json:"-"`
	// Unreadable says why a ContentUnreadable file could not be read:
	// "encrypted", "damaged", "too-large" or "no-text-map" (text in fonts
	// with no mapping to characters).
	Unreadable string `json:"-"`
}

// ContentKind is what a text-bearing evidence file was found to hold.
type ContentKind uint8

// The ContentKind values.
const (
	// ContentNotRead: a format the loader does not read (an image, a
	// legacy .doc) or a reference it did not open.
	ContentNotRead ContentKind = iota
	// ContentText: the file has text.
	ContentText
	// ContentScan: images and no text, a scan; real evidence whose
	// content cannot be checked by machine.
	ContentScan
	// ContentBlank: neither text nor images.
	ContentBlank
	// ContentTemplate: a template left unfilled (a fill-in marker, or
	// section headings with nothing under them).
	ContentTemplate
	// ContentUnreadable: encrypted, damaged or past a limit.
	ContentUnreadable
)

// Placeholder reports a file that stands in for evidence without being
// it: empty, a blank PDF, or a template left unfilled.
func (e *Evidence) Placeholder() bool {
	return e.Exists && (e.Size == 0 || e.Content == ContentBlank || e.Content == ContentTemplate)
}

// Tristate is a yes/no value that may be unknown.
type Tristate uint8

// The Tristate values.
const (
	Unknown Tristate = iota
	No
	Yes
)

// RowScanner is a complaint log that goes on past bad rows: onErr gets
// each problem of a row (a *PosError, its Err a *FieldError when one value
// is at fault) before fn gets the row itself, so a consumer can set the
// row aside. Scan stops only when fn or onErr returns an error or the file
// cannot be read on.
type RowScanner interface {
	Scan(fn func(*Complaint) error, onErr func(error) error) error
}

// FieldError is a problem with one value of a row.
type FieldError struct {
	Field string // canonical key
	// Kind groups problems for a summary: "missing", "unreadable",
	// "excel-error", "not-utf8" or "too-large".
	Kind string
	Err  error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

func (e *FieldError) Unwrap() error { return e.Err }

// IgnoredColumn is a header of the complaint log that no field takes.
type IgnoredColumn struct {
	Header string `json:"header"`
	Pos    Pos    `json:"pos"`
	// Likely is the field the header probably means (a variant spelling),
	// "" when none is close.
	Likely string `json:"likely,omitempty"`
}

// ColumnReporter is a complaint log that knows, once read, which of its
// columns no field takes.
type ColumnReporter interface {
	IgnoredColumns() []IgnoredColumn
}

// ComplaintLog streams the complaint log. Each calls fn once per row with a
// value reused between calls; it stops at the first error fn returns.
type ComplaintLog interface {
	Each(fn func(*Complaint) error) error
	// Source names the file (and sheet) the log comes from.
	Source() string
	// Path is the file on disk the log is read from.
	Path() string
}

// LogHasher is a complaint log that hashes its file while Each reads it,
// so the input digest need not read a large log a second time.
type LogHasher interface {
	// FileSHA256 is the SHA-256 of the file's bytes from the last Each that
	// read it to the end; ok is false when none has.
	FileSHA256() (sum []byte, ok bool)
}

// Dossier is everything known about one organisation.
type Dossier struct {
	// Root is the dossier directory evidence paths are relative to.
	Root string
	// Source is the directory or workbook the dossier was loaded from.
	Source string
	// Location is the zone times without one are read in.
	Location *time.Location

	Organisation   *Organisation
	Licences       []Licence
	Documents      []Document
	Categories     []Category
	People         []Person
	Qualifications []Qualification
	Training       []Training
	Channels       []Channel
	Surveys        []Survey
	Audits         []Audit
	Reviews        []Review
	Actions        []Action
	Objectives     []Objective
	Monitoring     []MonitoringReport
	Resources      *Resources
	Plan           []PlanStep

	// Complaints is nil when the dossier has no complaint log.
	Complaints ComplaintLog

	// Evidence maps a dossier-relative path to what was found there.
	Evidence map[string]*Evidence

	// Present lists the record types that were present in the input, so a
	// check can tell "no records" from "the sheet or file is missing".
	Present map[string]bool

	// Headers maps a record type to the header text each field was read
	// from in a workbook sheet (key → header as written), so a message can
	// name a field as the reader's sheet does (see FieldName).
	Headers map[string]map[string]string

	// Places maps each record type to where its records are or belong:
	// its YAML file (even when absent, so a finding can say which file to
	// create) or its workbook sheet.
	Places map[string]Pos
}

// PlaceOf is where a finding about a record type as a whole points: its
// file or sheet, else the dossier itself. It never returns a zero Pos, so
// no finding is left without a place.
func (d *Dossier) PlaceOf(recordType string) Pos {
	if p, ok := d.Places[recordType]; ok {
		return p
	}
	// A dossier built in code rather than loaded has no Places: the first
	// record, or the log, still says which file or sheet the type is in.
	if p := d.firstPos(recordType); !p.IsZero() {
		return Pos{File: p.File, Sheet: p.Sheet}
	}
	return Pos{File: d.Source}
}

func (d *Dossier) firstPos(recordType string) Pos {
	first := func(n int, at func(int) Pos) Pos {
		if n == 0 {
			return Pos{}
		}
		return at(0)
	}
	switch recordType {
	case "organisation":
		if d.Organisation != nil {
			return d.Organisation.Pos
		}
	case "resources":
		if d.Resources != nil {
			return d.Resources.Pos
		}
	case "complaints":
		if d.Complaints != nil {
			return Pos{File: d.Complaints.Path()}
		}
	case "licences":
		return first(len(d.Licences), func(i int) Pos { return d.Licences[i].Pos })
	case "documents":
		return first(len(d.Documents), func(i int) Pos { return d.Documents[i].Pos })
	case "categories":
		return first(len(d.Categories), func(i int) Pos { return d.Categories[i].Pos })
	case "people":
		return first(len(d.People), func(i int) Pos { return d.People[i].Pos })
	case "qualifications":
		return first(len(d.Qualifications), func(i int) Pos { return d.Qualifications[i].Pos })
	case "training":
		return first(len(d.Training), func(i int) Pos { return d.Training[i].Pos })
	case "channels":
		return first(len(d.Channels), func(i int) Pos { return d.Channels[i].Pos })
	case "surveys":
		return first(len(d.Surveys), func(i int) Pos { return d.Surveys[i].Pos })
	case "audits":
		return first(len(d.Audits), func(i int) Pos { return d.Audits[i].Pos })
	case "reviews":
		return first(len(d.Reviews), func(i int) Pos { return d.Reviews[i].Pos })
	case "actions":
		return first(len(d.Actions), func(i int) Pos { return d.Actions[i].Pos })
	case "objectives":
		return first(len(d.Objectives), func(i int) Pos { return d.Objectives[i].Pos })
	case "plan":
		return first(len(d.Plan), func(i int) Pos { return d.Plan[i].Pos })
	case "monitoring":
		return first(len(d.Monitoring), func(i int) Pos { return d.Monitoring[i].Pos })
	}
	return Pos{}
}

// PersonByID returns the person with the given id.
func (d *Dossier) PersonByID(id string) *Person {
	for i := range d.People {
		if d.People[i].ID == id {
			return &d.People[i]
		}
	}
	return nil
}

// EvidenceFor returns what is known about a referenced evidence path; nil
// when the path is empty.
func (d *Dossier) EvidenceFor(path string) *Evidence {
	if path == "" {
		return nil
	}
	if e, ok := d.Evidence[path]; ok {
		return e
	}
	return &Evidence{Path: path}
}

// Attended reports whether the person with the given id attended.
func (t *Training) Attended(id string) bool {
	for _, a := range t.Attendees {
		if strings.TrimSpace(a) == id {
			return true
		}
	}
	return false
}

// SessionsCounted returns the training sessions that count on asOf: held
// by then, and within the last windowMonths months when windowMonths > 0.
// The training checks and the evidence pack's training matrix both use it,
// so the pack shows exactly the hours the checks judged.
func (d *Dossier) SessionsCounted(asOf Date, windowMonths int) []*Training {
	var from Date
	if windowMonths > 0 {
		from = asOf.AddDate(0, -windowMonths, 0)
	}
	var out []*Training
	for i := range d.Training {
		s := &d.Training[i]
		if s.Date.After(asOf) || (!from.IsZero() && s.Date.Before(from)) {
			continue
		}
		out = append(out, s)
	}
	return out
}
