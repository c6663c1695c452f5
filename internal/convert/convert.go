// Package convert turns a dossier from one form into the other: an Excel
// workbook into a directory of YAML files (with the complaint log as
// complaints.csv) and back.
//
// Conversion reads through load.Load, the typed model every check sees, and
// projects each record onto a neutral form (templates.Data: field key to
// canonical text) that the template writers already write. Going through
// the typed model means a converted dossier holds exactly what the audit
// saw in the original: the same normalisation of dates, enums, numbers and
// evidence paths, and nothing the loader would have rejected. Meta.Has
// tells which fields were present, so an absent field stays absent rather
// than becoming a zero. The one place the model cannot tell absent from
// zero is the complaint log (updates, charge, rehandled are plain values),
// so those three columns are always written.
package convert

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/atomicfile"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/templates"
)

// Options tune a conversion.
type Options struct {
	// Lang is the language of a workbook's sheet names and dropdown labels.
	Lang string
	// Force overwrites files the conversion writes.
	Force bool
	// ConfigPath overrides where the source's certready.yaml is read.
	ConfigPath string
	// Date goes into a workbook's document properties (zero: fixed).
	Date time.Time
	// Limits caps the source's input sizes; nil means the defaults.
	Limits *config.Limits
}

// Summary says what a conversion wrote and what the user must know.
type Summary struct {
	Records    map[string]int // per record type
	Complaints int
	Files      []string // written, in order
	// Evidence lists the evidence paths the records reference: kept as
	// written, the files themselves are not copied.
	Evidence []string
	Notes    []string
}

// ErrExists is returned when a target exists and Force is not set.
var ErrExists = errors.New("already exists (use --force to overwrite)")

// IsWorkbook reports whether a destination names a workbook.
func IsWorkbook(path string) bool { return strings.EqualFold(filepath.Ext(path), ".xlsx") }

// Run converts the dossier at src to dst: a workbook when dst ends in
// .xlsx, a directory otherwise. Nothing is written unless the source loads
// without a single input error (a partial conversion would lose data
// silently) and every target may be written.
func Run(src, dst string, o Options) (*Summary, error) {
	if same(src, dst) {
		return nil, fmt.Errorf("convert: source and destination are the same (%s)", src)
	}
	res, err := load.Load(src, load.Options{ConfigPath: o.ConfigPath, Limits: o.Limits})
	if err != nil {
		return nil, err
	}
	if err := load.ScanLog(res.Dossier, res.Config.Limits.MaxErrors, func(int) {}); err != nil {
		return nil, err
	}
	data, sum, err := FromDossier(res.Dossier)
	if err != nil {
		return nil, err
	}
	cfg, cfgNote, err := configBytes(res.Config)
	if err != nil {
		return nil, err
	}
	if cfgNote != "" {
		sum.Notes = append(sum.Notes, cfgNote)
	}
	toBook := IsWorkbook(dst)
	type target struct {
		path  string
		write func(io.Writer) error
	}
	var targets []target
	if toBook {
		for _, rt := range dossier.Types() {
			if recs, ok := data.Records[rt.Name]; ok && rt.Single && len(recs) == 0 {
				// A workbook cannot hold an empty single-record sheet: the
				// loader would read it as a record missing its required fields.
				delete(data.Records, rt.Name)
				sum.Notes = append(sum.Notes, fmt.Sprintf("%s: the source's %s is present but empty; the workbook has no %s sheet", rt.Name, rt.File, rt.SheetEN))
			}
		}
		sum.Notes = append(sum.Notes, splitNotes(data)...)
		targets = append(targets, target{dst, func(w io.Writer) error {
			return templates.WriteWorkbook(w, data, templates.WorkbookOptions{Lang: o.Lang, Date: o.Date})
		}})
	} else {
		for _, f := range templates.DirFiles(data, templates.DirOptions{}) {
			targets = append(targets, target{filepath.Join(dst, f.Name), f.Write})
		}
	}
	if cfg != nil {
		targets = append(targets, target{load.ConfigPathFor(dst, !toBook), func(w io.Writer) error {
			_, err := w.Write(cfg)
			return err
		}})
	}
	if !toBook {
		if err := os.MkdirAll(dst, 0o755); err != nil {
			return nil, fmt.Errorf("convert: %w", err)
		}
		written := map[string]bool{}
		for _, t := range targets {
			written[filepath.Base(t.path)] = true
		}
		if stale := staleFiles(dst, written); len(stale) > 0 {
			return nil, fmt.Errorf("convert: %s holds %s, which the loader would read along with the converted files; remove it or convert into an empty directory", dst, strings.Join(stale, ", "))
		}
	}
	if !o.Force {
		for _, t := range targets {
			if _, err := os.Lstat(t.path); err == nil {
				return nil, fmt.Errorf("convert: %s %w", t.path, ErrExists)
			}
		}
	}
	for _, t := range targets {
		if err := atomicfile.Write(t.path, t.write); err != nil {
			return nil, err
		}
		sum.Files = append(sum.Files, t.path)
	}
	if len(sum.Evidence) > 0 {
		from, to := res.Dossier.Root, dst
		if toBook {
			to = filepath.Dir(dst)
		}
		sum.Notes = append(sum.Notes, fmt.Sprintf("evidence files are not copied: %d paths are kept as written, relative to the dossier; copy them from %s to %s", len(sum.Evidence), from, to))
	}
	return sum, nil
}

func same(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// staleFiles lists dossier files in dir the conversion would not write:
// left in place they would be loaded with the new files (an old
// surveys.yaml when the source has no surveys, a complaints.yaml behind the
// new complaints.csv).
func staleFiles(dir string, written map[string]bool) []string {
	var names []string
	for _, rt := range dossier.Types() {
		base := strings.TrimSuffix(rt.File, ".yaml")
		names = append(names, base+".yaml", base+".yml")
	}
	names = append(names, "complaints.csv", "complaints.xlsx")
	var out []string
	for _, n := range names {
		if written[n] {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// configBytes returns the source's certready.yaml for the destination: as
// written, except that a complaints section (which file, sheet, header row
// and column mapping the log used) no longer applies once the log is
// rewritten with canonical headers in the canonical place, so it is
// dropped. No source configuration gives no file.
func configBytes(cfg *config.Config) ([]byte, string, error) {
	if cfg.Path == "" {
		return nil, "", nil
	}
	b, err := os.ReadFile(cfg.Path)
	if err != nil {
		return nil, "", fmt.Errorf("convert: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		// config.Load has accepted the file already: copy what is there.
		return b, "", nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "complaints" {
			continue
		}
		m.Content = append(m.Content[:i], m.Content[i+2:]...)
		var out bytes.Buffer
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			return nil, "", fmt.Errorf("convert: %s: %w", cfg.Path, err)
		}
		return out.Bytes(), fmt.Sprintf("%s: the complaints section (file, sheet, columns) was dropped: the converted log uses the standard place and headers", cfg.Path), nil
	}
	return b, "", nil
}

// splitNotes warns about list items a workbook cell cannot hold: the
// loader splits cells on ; , 、 and new lines, so such an item would come
// back as several.
func splitNotes(d *templates.Data) []string {
	var out []string
	for _, rt := range dossier.Types() {
		for i, rec := range d.Records[rt.Name] {
			for _, fl := range rt.Fields {
				for _, it := range rec[fl.Key].List {
					if templates.SplitsInCell(it) {
						out = append(out, fmt.Sprintf("%s record %d, %s: the item %q contains a list separator and will read back as several items", rt.Name, i+1, fl.Key, it))
					}
				}
			}
		}
	}
	return out
}

// FromDossier projects a loaded dossier onto the writers' neutral form.
func FromDossier(d *dossier.Dossier) (*templates.Data, *Summary, error) {
	data := &templates.Data{Records: map[string][]templates.Record{}}
	sum := &Summary{Records: map[string]int{}}
	add := func(name string, recs []templates.Record, err error) error {
		if err != nil {
			return err
		}
		if d.Present[name] {
			data.Records[name] = recs
			sum.Records[name] = len(recs)
		}
		return nil
	}
	single := func(name string, v any, m *dossier.Meta) ([]templates.Record, error) {
		if m == nil {
			return []templates.Record{}, nil
		}
		r, err := project(name, v, *m)
		if err != nil {
			return nil, err
		}
		return []templates.Record{r}, nil
	}
	var orgMeta, resMeta *dossier.Meta
	if d.Organisation != nil {
		orgMeta = &d.Organisation.Meta
	}
	if d.Resources != nil {
		resMeta = &d.Resources.Meta
	}
	steps := []struct {
		name string
		fn   func() ([]templates.Record, error)
	}{
		{"organisation", func() ([]templates.Record, error) { return single("organisation", d.Organisation, orgMeta) }},
		{"licences", func() ([]templates.Record, error) { return list("licences", d.Licences) }},
		{"documents", func() ([]templates.Record, error) { return list("documents", d.Documents) }},
		{"categories", func() ([]templates.Record, error) { return list("categories", d.Categories) }},
		{"people", func() ([]templates.Record, error) { return list("people", d.People) }},
		{"qualifications", func() ([]templates.Record, error) { return list("qualifications", d.Qualifications) }},
		{"training", func() ([]templates.Record, error) { return list("training", d.Training) }},
		{"channels", func() ([]templates.Record, error) { return list("channels", d.Channels) }},
		{"surveys", func() ([]templates.Record, error) { return list("surveys", d.Surveys) }},
		{"audits", func() ([]templates.Record, error) { return list("audits", d.Audits) }},
		{"reviews", func() ([]templates.Record, error) { return list("reviews", d.Reviews) }},
		{"actions", func() ([]templates.Record, error) { return list("actions", d.Actions) }},
		{"objectives", func() ([]templates.Record, error) { return list("objectives", d.Objectives) }},
		{"monitoring", func() ([]templates.Record, error) { return list("monitoring", d.Monitoring) }},
		{"resources", func() ([]templates.Record, error) { return single("resources", d.Resources, resMeta) }},
		{"plan", func() ([]templates.Record, error) { return list("plan", d.Plan) }},
	}
	for _, s := range steps {
		recs, err := s.fn()
		if err := add(s.name, recs, err); err != nil {
			return nil, nil, err
		}
	}
	for _, rt := range dossier.Types() {
		if _, done := sum.Records[rt.Name]; !done && rt.Name != "complaints" && d.Present[rt.Name] {
			return nil, nil, fmt.Errorf("convert: record type %s has no conversion", rt.Name)
		}
	}
	if d.Complaints != nil {
		loc := d.Location
		if loc == nil {
			loc = time.UTC
		}
		log := d.Complaints
		data.Complaints = func(fn func(templates.Record) error) error {
			return log.Each(func(c *dossier.Complaint) error { return fn(ComplaintRecord(c, loc)) })
		}
		if err := log.Each(func(*dossier.Complaint) error { sum.Complaints++; return nil }); err != nil {
			return nil, nil, err
		}
	}
	for p := range d.Evidence {
		sum.Evidence = append(sum.Evidence, p)
	}
	sort.Strings(sum.Evidence)
	return data, sum, nil
}

func list[T any](name string, recs []T) ([]templates.Record, error) {
	out := make([]templates.Record, 0, len(recs))
	for i := range recs {
		r, err := project(name, &recs[i], metaOf(&recs[i]))
		if err != nil {
			return nil, fmt.Errorf("convert: %s record %d: %w", name, i+1, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// metaOf returns the dossier.Meta every list record embeds; reflection
// because a type parameter cannot name an embedded field.
func metaOf(v any) dossier.Meta {
	f := reflect.ValueOf(v).Elem().FieldByName("Meta")
	if f.IsValid() {
		if m, ok := f.Interface().(dossier.Meta); ok {
			return m
		}
	}
	return dossier.Meta{}
}

// project reads a typed record's present fields through its JSON form,
// whose keys are the field table's keys.
func project(name string, v any, m dossier.Meta) (templates.Record, error) {
	rt, _ := dossier.TypeByName(name)
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, err
	}
	rec := templates.Record{}
	for _, fl := range rt.Fields {
		if !m.Has(fl.Key) {
			continue
		}
		raw, ok := obj[fl.Key]
		if !ok {
			return nil, fmt.Errorf("field %s has no counterpart in the typed model", fl.Key)
		}
		var val templates.Value
		switch x := raw.(type) {
		case nil:
			continue
		case string:
			val.Text = x
		case json.Number:
			val.Text = x.String()
		case bool:
			val.Text = templates.BoolText(x)
		case []any:
			val.List = make([]string, 0, len(x))
			for _, it := range x {
				s, _ := it.(string)
				val.List = append(val.List, s)
			}
		default:
			return nil, fmt.Errorf("field %s: unexpected %T", fl.Key, raw)
		}
		rec[fl.Key] = val
	}
	return rec, nil
}

// complaintFields reads each complaint column from the typed row; ok is
// false when the value is absent. TestComplaintFieldsCovered fails when a
// column of dossier.ComplaintFields has no entry.
var complaintFields = map[string]func(c *dossier.Complaint, loc *time.Location) (string, bool){
	"id":                str(func(c *dossier.Complaint) string { return c.ID }),
	"received_at":       tm(func(c *dossier.Complaint) time.Time { return c.ReceivedAt }),
	"channel":           str(func(c *dossier.Complaint) string { return c.Channel }),
	"category":          str(func(c *dossier.Complaint) string { return c.Category }),
	"complexity":        str(func(c *dossier.Complaint) string { return c.Complexity }),
	"risk":              str(func(c *dossier.Complaint) string { return c.Risk }),
	"description":       str(func(c *dossier.Complaint) string { return c.Description }),
	"complainant":       str(func(c *dossier.Complaint) string { return c.Complainant }),
	"phone":             str(func(c *dossier.Complaint) string { return c.Phone }),
	"email":             str(func(c *dossier.Complaint) string { return c.Email }),
	"acknowledged_at":   tm(func(c *dossier.Complaint) time.Time { return c.AcknowledgedAt }),
	"first_response_at": tm(func(c *dossier.Complaint) time.Time { return c.FirstResponseAt }),
	"steps":             str(func(c *dossier.Complaint) string { return c.Steps }),
	"plan":              str(func(c *dossier.Complaint) string { return c.Plan }),
	// The model holds 0 for "not given" too; writing it keeps an explicit
	// 0 from the source, and reads back as the same 0.
	"updates":               func(c *dossier.Complaint, _ *time.Location) (string, bool) { return strconv.Itoa(c.Updates), true },
	"escalated_at":          tm(func(c *dossier.Complaint) time.Time { return c.EscalatedAt }),
	"escalated_to":          str(func(c *dossier.Complaint) string { return c.EscalatedTo }),
	"extension_approved_at": tm(func(c *dossier.Complaint) time.Time { return c.ExtensionApprovedAt }),
	"escalated": func(c *dossier.Complaint, _ *time.Location) (string, bool) {
		// Unknown stays blank rather than become "no".
		return templates.BoolText(c.Escalated == dossier.Yes), c.Escalated != dossier.Unknown
	},
	"customer_uscc":     str(func(c *dossier.Complaint) string { return c.CustomerUSCC }),
	"resolved_at":       tm(func(c *dossier.Complaint) time.Time { return c.ResolvedAt }),
	"closed_at":         tm(func(c *dossier.Complaint) time.Time { return c.ClosedAt }),
	"status":            str(func(c *dossier.Complaint) string { return c.Status }),
	"handler":           str(func(c *dossier.Complaint) string { return c.Handler }),
	"root_cause":        str(func(c *dossier.Complaint) string { return c.RootCause }),
	"corrective_action": str(func(c *dossier.Complaint) string { return c.CorrectiveAction }),
	"follow_up_at":      tm(func(c *dossier.Complaint) time.Time { return c.FollowUpAt }),
	"satisfaction":      str(func(c *dossier.Complaint) string { return c.Satisfaction }),
	"feedback":          str(func(c *dossier.Complaint) string { return c.Feedback }),
	"rehandled": func(c *dossier.Complaint, _ *time.Location) (string, bool) {
		return templates.BoolText(c.Rehandled), true
	},
	"charge": func(c *dossier.Complaint, _ *time.Location) (string, bool) {
		return strconv.FormatFloat(c.Charge, 'f', -1, 64), true
	},
	"decision_communicated_at": tm(func(c *dossier.Complaint) time.Time { return c.DecisionCommunicatedAt }),
	"recourse_offered": func(c *dossier.Complaint, _ *time.Location) (string, bool) {
		// Unknown stays blank rather than become "no".
		return templates.BoolText(c.RecourseOffered == dossier.Yes), c.RecourseOffered != dossier.Unknown
	},
}

func str(get func(*dossier.Complaint) string) func(*dossier.Complaint, *time.Location) (string, bool) {
	return func(c *dossier.Complaint, _ *time.Location) (string, bool) {
		s := get(c)
		return s, s != ""
	}
}

func tm(get func(*dossier.Complaint) time.Time) func(*dossier.Complaint, *time.Location) (string, bool) {
	return func(c *dossier.Complaint, loc *time.Location) (string, bool) {
		t := get(c)
		if t.IsZero() {
			return "", false
		}
		return templates.FormatDateTime(t, loc), true
	}
}

// ComplaintRecord projects one complaint row onto the neutral form, times
// in the dossier's zone.
func ComplaintRecord(c *dossier.Complaint, loc *time.Location) templates.Record {
	rec := make(templates.Record, len(complaintFields))
	for key, get := range complaintFields {
		if s, ok := get(c, loc); ok {
			rec[key] = templates.Value{Text: s}
		}
	}
	return rec
}
