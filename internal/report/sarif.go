package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
)

func init() { register("sarif", FormatterFunc(formatSARIF)) }

// sarifInformationURI is where a SARIF viewer sends a user asking what
// produced the log.
const sarifInformationURI = "https://github.com/certready/certready"

// sarifFingerprintKey names the partial fingerprint. It is versioned so a
// change to what Finding.Key covers can start a new series instead of
// silently re-matching old alerts.
const sarifFingerprintKey = "certreadyFindingKey/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Language           string                           `json:"language,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
	Properties         map[string]any                   `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags         []string `json:"tags"`
	Severity     string   `json:"severity"`
	Requirements []string `json:"requirements"`
	Clauses      []string `json:"clauses"`
	Principles   []string `json:"principles,omitempty"`
	Nodes        []string `json:"nodes"`
	Basis        string   `json:"basis"`
	Manual       bool     `json:"manual,omitempty"`
	Jurisdiction string   `json:"jurisdiction,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          sarifResultProps   `json:"properties"`
}

type sarifResultProps struct {
	Severity string `json:"severity"`
	State    string `json:"state"`
	// Basis is what the finding stands on; BasisNote where its figure
	// came from; Cites the requirement-tree nodes it evidences.
	Basis     string `json:"basis"`
	BasisNote string `json:"basisNote,omitempty"`
	Cites     string `json:"cites"`
	Record    string `json:"record,omitempty"`
	Count     int    `json:"count,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
	Message          *sarifText             `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int               `json:"startLine"`
	StartColumn int               `json:"startColumn,omitempty"`
	Properties  *sarifRegionProps `json:"properties,omitempty"`
}

// sarifRegionProps says what a line means in a workbook, where SARIF's
// startLine carries the worksheet row.
type sarifRegionProps struct {
	Sheet string `json:"sheet"`
	Cell  string `json:"cell,omitempty"`
	Line  string `json:"line"`
}

// sarifSrcRoot is the base that artifact URIs are relative to when the
// dossier is in a repository; GitHub code scanning resolves it to the
// checkout.
const sarifSrcRoot = "%SRCROOT%"

type sarifLogicalLocation struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName,omitempty"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

// formatSARIF writes a SARIF 2.1.0 log for code-scanning dashboards: the
// whole catalogue as rules, so a viewer can explain any check, and one
// result per finding with its place in the dossier.
func formatSARIF(w io.Writer, r *audit.Result, o Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(buildSARIF(r, o, checks.All())); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}

// buildSARIF takes the catalogue as an argument so tests can pin it: the
// real one grows with every new check.
func buildSARIF(r *audit.Result, o Options, catalogue []*checks.Check) sarifLog {
	lang := o.Lang
	drv := sarifDriver{Name: "certready", Version: r.Version, InformationURI: sarifInformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for _, c := range catalogue {
		index[c.ID] = len(drv.Rules)
		drv.Rules = append(drv.Rules, sarifRuleFor(c, o))
	}
	// A finding whose check left the catalogue (a result read back from an
	// older run) still needs a rule for ruleIndex to point at.
	for i := range r.Findings {
		f := &r.Findings[i]
		if _, ok := index[f.Check]; !ok {
			index[f.Check] = len(drv.Rules)
			drv.Rules = append(drv.Rules, sarifRuleFor(&checks.Check{
				ID: f.Check, Title: f.Title, Severity: f.Severity, Requirement: f.Requirements,
				Clauses: f.Clauses, Principles: f.Principles, Evidence: f.Evidence, Remedy: f.Remedy,
			}, o))
		}
	}
	// With a baseline every result is new or unchanged; a known finding
	// also proves one was used (for reports written before Baseline was
	// recorded).
	baseline := r.Baseline || r.Counts.Known > 0
	run := sarifRun{
		Tool:       sarifTool{Driver: drv},
		Language:   L(o, "en-US", "zh-CN"),
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
		Properties: map[string]any{
			"asOf": r.AsOf, "verdict": string(r.Verdict), "verdictLabel": r.Verdict.Label(lang),
			"score": r.Score, "standard": standardName(o), "inputDigest": r.InputDigest,
		},
	}
	if r.Organisation.Name != "" {
		run.Properties["organisation"] = r.Organisation.Name
	}
	if r.EligibleFrom != "" {
		run.Properties["eligibleFrom"] = r.EligibleFrom
	}
	run.Properties["eligibility"] = eligibilityText(o, r)
	if r.Partial {
		run.Properties["partial"] = true
		run.Properties["skipped"] = r.Skipped
	}
	if o.SourceRoot != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{sarifSrcRoot: {
			Description: &sarifText{Text: "The root of the repository holding the dossier (the directory with .git)."},
		}}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		res := sarifResult{
			RuleID:              f.Check,
			RuleIndex:           index[f.Check],
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message.In(lang)},
			PartialFingerprints: map[string]string{sarifFingerprintKey: fingerprint(f.Key())},
			Properties: sarifResultProps{Severity: f.Severity.String(), State: f.State, Record: f.Record, Count: f.Count,
				Basis: string(f.Basis), BasisNote: f.BasisNote.In(lang), Cites: cite(o, f.Nodes)},
		}
		if f.Pos.Sheet != "" {
			res.Message.Text += " (" + sheetCell(f.Pos) + ")"
		}
		if loc, ok := sarifLocationOf(o, f.Pos, ""); ok {
			res.Locations = []sarifLocation{loc}
		}
		for _, row := range f.Rows {
			if loc, ok := sarifLocationOf(o, row.Pos, row.ID); ok {
				res.RelatedLocations = append(res.RelatedLocations, loc)
			}
		}
		if baseline {
			res.BaselineState = "new"
			if f.State == "known" {
				res.BaselineState = "unchanged"
			}
		}
		if f.State == "waived" {
			s := sarifSuppression{Kind: "external", Status: "accepted"}
			if f.Waiver != nil {
				s.Justification = f.Waiver.Justification
			}
			res.Suppressions = []sarifSuppression{s}
		}
		run.Results = append(run.Results, res)
	}
	return sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
}

func sarifRuleFor(c *checks.Check, o Options) sarifRule {
	lang := o.Lang
	var tags, nodes []string
	for _, n := range c.NodeRefs() {
		tags = append(tags, n.Cite(o.Standard, lang))
		nodes = append(nodes, n.ID)
	}
	tags = append(tags, c.Requirement...)
	if c.Basis != "" {
		tags = append(tags, "basis:"+string(c.Basis))
	}
	full := checks.ResolveFields(c.Doc, nil).In(lang)
	if full == "" {
		full = c.Title.In(lang)
	}
	ev, rem := checks.ResolveFields(c.Evidence, nil).In(lang), checks.ResolveFields(c.Remedy, nil).In(lang)
	return sarifRule{
		ID:               c.ID,
		Name:             ruleName(c.ID),
		ShortDescription: sarifText{Text: c.Title.In(lang)},
		FullDescription:  sarifText{Text: full},
		Help: sarifHelp{
			Text:     L(o, "Evidence expected: ", "应有证据：") + ev + "\n" + L(o, "Remedy: ", "整改建议：") + rem,
			Markdown: "**" + L(o, "Evidence expected", "应有证据") + "**: " + ev + "\n\n**" + L(o, "Remedy", "整改建议") + "**: " + rem,
		},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(c.Severity)},
		Properties: sarifRuleProps{
			Tags: tags, Severity: c.Severity.String(), Requirements: nonNil(c.Requirement), Clauses: nonNil(c.Clauses),
			Principles: c.Principles, Nodes: nonNil(nodes), Basis: string(c.Basis), Manual: c.Manual, Jurisdiction: c.Jurisdiction,
		},
	}
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// sarifLevel maps auditors' grades onto SARIF levels: a major
// nonconformity blocks certification like an error blocks a build.
func sarifLevel(s checks.Severity) string {
	switch s {
	case checks.Major:
		return "error"
	case checks.Minor:
		return "warning"
	}
	return "note"
}

// ruleName turns "handling.ack-24h" into "HandlingAck24h": SARIF wants a
// rule name that reads as an identifier.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func fingerprint(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

func sheetCell(p dossier.Pos) string {
	if p.Cell == "" {
		return p.Sheet
	}
	return p.Sheet + "!" + p.Cell
}

// artifactURI makes a dossier path a URI: a relative path (the usual case,
// relative to where certready ran, so to a repository root in CI) stays a
// relative reference, an absolute one becomes a file: URI. Slashes are
// forward, and spaces and Chinese file names are percent-encoded, which a
// URI cannot carry raw.
func artifactURI(file string) string {
	p := filepath.ToSlash(file)
	u := url.URL{Path: p}
	switch {
	case strings.HasPrefix(p, "/"):
		u.Scheme = "file"
	case len(p) >= 3 && p[1] == ':' && p[2] == '/' && unicode.IsLetter(rune(p[0])):
		u.Scheme, u.Path = "file", "/"+p
	}
	return u.String()
}

// sarifLocationOf places a position: a line and column in YAML, a line
// (the CSV row) in CSV, and for a workbook the worksheet row as the line
// (code scanning shows nothing without one), with the sheet and cell in
// the region's properties and as a logical location, since cells are not
// lines. Inside a repository the URI is relative to its root.
func sarifLocationOf(o Options, p dossier.Pos, label string) (sarifLocation, bool) {
	if p.File == "" {
		return sarifLocation{}, false
	}
	art := sarifArtifactLocation{URI: artifactURI(p.File)}
	if rel, ok := repoPath(o, p.File); ok {
		art = sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: sarifSrcRoot}
	}
	loc := sarifLocation{PhysicalLocation: &sarifPhysicalLocation{ArtifactLocation: art}}
	var msg []string
	if label != "" {
		msg = append(msg, label)
	}
	switch {
	case p.Sheet != "":
		sc := sheetCell(p)
		line, _ := posLine(p)
		props := &sarifRegionProps{Sheet: p.Sheet, Cell: p.Cell, Line: "the worksheet row of the cell"}
		if p.Cell == "" || cellRow(p.Cell) == 0 {
			props.Line = "the whole sheet: its header row"
		}
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line, Properties: props}
		loc.LogicalLocations = []sarifLogicalLocation{{Name: sc, FullyQualifiedName: p.File + "!" + sc, Kind: "element"}}
		msg = append(msg, sc)
	case p.Row > 0:
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: p.Row}
		if p.Column != "" {
			msg = append(msg, fmt.Sprintf("column %q", p.Column))
		}
	case p.Line > 0:
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Col}
	}
	if len(msg) > 0 {
		loc.Message = &sarifText{Text: strings.Join(msg, " ")}
	}
	return loc, true
}
