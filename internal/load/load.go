// Package load reads a dossier — a directory of YAML files, one Excel
// workbook, and a complaint log in CSV, xlsx or YAML — into the typed model,
// validating every record against its JSON Schema and keeping the position
// of every value. Bad input yields every problem found, each positioned;
// nothing panics and nothing is written.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/infile"
)

// Options tune a load.
type Options struct {
	// ConfigPath overrides where certready.yaml is read from.
	ConfigPath string
	// Limits caps input sizes; nil means config.DefaultLimits. They come
	// from whoever runs certready, never from the dossier's own
	// certready.yaml.
	Limits *config.Limits
}

// Result is a loaded dossier and the configuration that applies to it.
type Result struct {
	Dossier *dossier.Dossier
	Config  *config.Config
}

// ConfigPathFor returns where the configuration of a dossier is looked
// for: certready.yaml inside a directory, or <book>.certready.yaml beside a
// workbook (so several workbooks can share a folder).
func ConfigPathFor(path string, isDir bool) string {
	if isDir {
		return filepath.Join(path, config.FileName)
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + "." + config.FileName
}

// Load reads the dossier at path (a directory or an .xlsx workbook).
func Load(path string, o Options) (*Result, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	isDir := st.IsDir()
	if !isDir && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return nil, fmt.Errorf("%s: expected a dossier directory or an .xlsx workbook", path)
	}
	cfgPath, optional := o.ConfigPath, false
	if cfgPath == "" {
		cfgPath, optional = ConfigPathFor(path, isDir), true
	}
	cfg, err := config.Load(cfgPath, optional)
	if err != nil {
		return nil, err
	}
	cfg.Limits = config.DefaultLimits()
	if o.Limits != nil {
		cfg.Limits = *o.Limits
	}
	if !isDir {
		// A workbook is opened by name by the zip readers: check first that
		// it is a regular file, so a FIFO cannot block the run.
		if err := infile.Check(path, cfg.Limits.MaxUnzipBytes, "CERTREADY_MAX_UNZIP_BYTES"); err != nil {
			return nil, fmt.Errorf("dossier: %w", err)
		}
	}
	loc, err := cfg.Location()
	if err != nil {
		return nil, err
	}
	root := path
	if !isDir {
		root = filepath.Dir(path)
	}
	ev, err := newEvidenceIndex(root, cfg.Limits.MaxEvidenceMiB<<20)
	if err != nil {
		return nil, fmt.Errorf("dossier: %w", err)
	}
	ev.text = textLimits(cfg.Limits.MaxUnzipBytes)
	val, err := newValidator()
	if err != nil {
		return nil, err
	}
	errs := &errorList{max: cfg.Limits.MaxErrors}
	l := &loader{path: path, isDir: isDir, cfg: cfg, val: val, errs: errs,
		norm: &normaliser{loc: loc, errs: errs, ev: ev},
		d:    &dossier.Dossier{Root: root, Source: path, Location: loc, Present: map[string]bool{}, Places: map[string]dossier.Pos{}}}
	if err := l.run(); err != nil {
		return nil, err
	}
	l.d.Evidence = ev.files
	if err := errs.err(); err != nil {
		// The partial dossier lets validate go on to scan the complaint log.
		return &Result{Dossier: l.d, Config: cfg}, err
	}
	return &Result{Dossier: l.d, Config: cfg}, nil
}

type loader struct {
	path  string
	isDir bool
	cfg   *config.Config
	val   *validator
	errs  *errorList
	norm  *normaliser
	d     *dossier.Dossier
}

func (l *loader) run() error {
	var src recordSource
	if l.isDir {
		src = &dirSource{dir: l.path, maxBytes: l.cfg.Limits.MaxYAMLBytes, maxNodes: l.cfg.Limits.MaxYAMLNodes}
	} else {
		wb, err := newWorkbookSource(l.path, l.cfg)
		if err != nil {
			return err
		}
		defer wb.close()
		src = wb
	}
	total := 0
	for _, rt := range dossier.Types() {
		l.d.Places[rt.Name] = src.place(&rt)
		if rt.Name == "complaints" {
			continue
		}
		recs, present, err := src.records(&rt, l.errs)
		if err != nil {
			l.errs.addErr(err)
			continue
		}
		if !present {
			continue
		}
		// The cap on one record list holds for all of them together, or
		// fifteen full sheets would cost fifteen times the memory.
		if total += len(recs); total > maxSheetRows {
			l.errs.add(src.place(&rt), fmt.Errorf("the dossier holds more than %d records besides the complaint log; refused", maxSheetRows))
			return nil
		}
		l.d.Present[rt.Name] = true
		l.keepHeaders(rt.Name, recs)
		for i := range recs {
			l.typed(&rt, &recs[i])
		}
	}
	// A bad complaint log is one more input problem: keep the others.
	if err := l.complaints(src); err != nil {
		l.errs.addErr(err)
	}
	switch log := l.d.Complaints.(type) {
	case *xlsxLog:
		l.d.Places["complaints"] = dossier.Pos{File: log.display, Sheet: log.sheet}
	case nil:
	default:
		l.d.Places["complaints"] = dossier.Pos{File: log.Path()}
	}
	return nil
}

// keepHeaders records the sheet's header text of each field (the first
// seen), which messages name the field by.
func (l *loader) keepHeaders(recordType string, recs []rawRecord) {
	for i := range recs {
		for _, f := range recs[i].Fields {
			if f.Header == "" {
				continue
			}
			if l.d.Headers == nil {
				l.d.Headers = map[string]map[string]string{}
			}
			hs := l.d.Headers[recordType]
			if hs == nil {
				hs = map[string]string{}
				l.d.Headers[recordType] = hs
			}
			if _, ok := hs[f.Key]; !ok {
				hs[f.Key] = f.Header
			}
		}
	}
}

// typed normalises, validates and decodes one record into the dossier.
func (l *loader) typed(rt *dossier.RecordType, rr *rawRecord) {
	obj, pos, ok := l.norm.record(rt, rr)
	if !l.val.check(rt, obj, rr.Pos, pos, l.errs) || !ok {
		return
	}
	meta := dossier.Meta{Pos: rr.Pos, Fields: pos}
	var err error
	switch rt.Name {
	case "organisation":
		v := &dossier.Organisation{Meta: meta}
		err = decodeInto(obj, v)
		l.d.Organisation = v
	case "resources":
		v := &dossier.Resources{Meta: meta}
		err = decodeInto(obj, v)
		l.d.Resources = v
	case "licences":
		err = appendDecoded(&l.d.Licences, obj, func(v *dossier.Licence) { v.Meta = meta })
	case "documents":
		err = appendDecoded(&l.d.Documents, obj, func(v *dossier.Document) { v.Meta = meta })
	case "categories":
		err = appendDecoded(&l.d.Categories, obj, func(v *dossier.Category) { v.Meta = meta })
	case "people":
		err = appendDecoded(&l.d.People, obj, func(v *dossier.Person) { v.Meta = meta })
	case "qualifications":
		err = appendDecoded(&l.d.Qualifications, obj, func(v *dossier.Qualification) { v.Meta = meta })
	case "training":
		err = appendDecoded(&l.d.Training, obj, func(v *dossier.Training) { v.Meta = meta })
	case "channels":
		err = appendDecoded(&l.d.Channels, obj, func(v *dossier.Channel) { v.Meta = meta })
	case "surveys":
		err = appendDecoded(&l.d.Surveys, obj, func(v *dossier.Survey) { v.Meta = meta })
	case "audits":
		err = appendDecoded(&l.d.Audits, obj, func(v *dossier.Audit) { v.Meta = meta })
	case "reviews":
		err = appendDecoded(&l.d.Reviews, obj, func(v *dossier.Review) { v.Meta = meta })
	case "actions":
		err = appendDecoded(&l.d.Actions, obj, func(v *dossier.Action) { v.Meta = meta })
	case "objectives":
		err = appendDecoded(&l.d.Objectives, obj, func(v *dossier.Objective) { v.Meta = meta })
	case "plan":
		err = appendDecoded(&l.d.Plan, obj, func(v *dossier.PlanStep) { v.Meta = meta })
	case "monitoring":
		err = appendDecoded(&l.d.Monitoring, obj, func(v *dossier.MonitoringReport) { v.Meta = meta })
	default:
		err = fmt.Errorf("no model for record type %s", rt.Name)
	}
	if err != nil {
		l.errs.add(rr.Pos, fmt.Errorf("%s: %w", rt.Name, err))
	}
}

func appendDecoded[T any](dst *[]T, obj map[string]any, set func(*T)) error {
	var v T
	if err := decodeInto(obj, &v); err != nil {
		return err
	}
	set(&v)
	*dst = append(*dst, v)
	return nil
}

// recordSource yields the raw records of one record type; present is false
// when the file or sheet does not exist at all.
type recordSource interface {
	records(rt *dossier.RecordType, errs *errorList) (recs []rawRecord, present bool, err error)
	// place is where the records of rt are, or would be.
	place(rt *dossier.RecordType) dossier.Pos
}

// dirSource reads <dir>/<type>.yaml (or .yml).
type dirSource struct {
	dir      string
	maxBytes int64
	maxNodes int
}

func (s *dirSource) find(base string) (string, bool) {
	for _, ext := range []string{".yaml", ".yml"} {
		p := filepath.Join(s.dir, base+ext)
		// Something other than a regular file under a record file's name
		// (a FIFO, a directory) is found, and refused when read, rather
		// than taken for a missing file.
		if _, err := os.Lstat(p); err == nil {
			return p, true
		}
	}
	return "", false
}

func (s *dirSource) place(rt *dossier.RecordType) dossier.Pos {
	if rt.Name == "complaints" {
		return dossier.Pos{File: filepath.Join(s.dir, "complaints.csv")}
	}
	if p, ok := s.find(strings.TrimSuffix(rt.File, ".yaml")); ok {
		return dossier.Pos{File: p}
	}
	return dossier.Pos{File: filepath.Join(s.dir, rt.File)}
}

func (s *dirSource) records(rt *dossier.RecordType, _ *errorList) ([]rawRecord, bool, error) {
	p, ok := s.find(strings.TrimSuffix(rt.File, ".yaml"))
	if !ok {
		return nil, false, nil
	}
	b, err := readCapped(p, s.maxBytes)
	if err != nil {
		return nil, true, &dossier.PosError{Pos: dossier.Pos{File: p}, Err: err}
	}
	r := &yamlReader{file: p, budget: s.maxNodes}
	root, err := r.parse(b)
	if err != nil || root == nil {
		return nil, true, err
	}
	recs, err := r.records(rt, root)
	return recs, true, err
}

// complaints finds and prepares the complaint log without reading it all:
// CSV and xlsx logs stream when the audit runs; YAML logs are small and
// are validated now.
func (l *loader) complaints(src recordSource) error {
	cs := l.cfg.Complaints
	maxCell := l.cfg.Limits.MaxCellBytes
	spec, err := newLogSpec(cs)
	if err != nil {
		return &dossier.PosError{Pos: dossier.Pos{File: l.cfg.Path}, Err: err}
	}
	// Chinese labels are accepted in not_tracked; the metrics pass reads
	// the canonical keys.
	l.cfg.Complaints.NotTracked = sortedKeys(spec.notTracked)
	file := cs.File
	if file == "" && l.isDir {
		for _, name := range []string{"complaints.csv", "complaints.xlsx", "complaints.yaml", "complaints.yml"} {
			if _, err := os.Stat(filepath.Join(l.path, name)); err == nil {
				file = name
				break
			}
		}
	}
	if file == "" && !l.isDir {
		// The log is a sheet of the workbook itself.
		wb := src.(*workbookSource)
		rt, _ := dossier.TypeByName("complaints")
		sheet := cs.Sheet
		if sheet == "" {
			sheet = findSheetName(wb.sheets, &rt)
		}
		if sheet == "" {
			return nil
		}
		l.d.Present["complaints"] = true
		l.d.Complaints = &xlsxLog{path: l.path, display: l.path, sheet: sheet, headerRow: cs.HeaderRow, spec: spec, loc: l.d.Location, maxCell: maxCell, maxUnzip: l.cfg.Limits.MaxUnzipBytes}
		return nil
	}
	if file == "" {
		return nil
	}
	rel, err := cleanRel(file)
	if err != nil {
		return fmt.Errorf("complaints.file: %w", err)
	}
	p := filepath.Join(l.d.Root, filepath.FromSlash(rel))
	if _, err := ResolveEvidence(l.d.Root, rel); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("complaint log %s: %w", p, err)
		}
		return fmt.Errorf("complaints.file: %w", err)
	}
	l.d.Present["complaints"] = true
	switch strings.ToLower(filepath.Ext(p)) {
	case ".csv", ".txt":
		l.d.Complaints = &csvLog{path: p, display: p, encoding: cs.Encoding, headerRow: cs.HeaderRow, spec: spec, loc: l.d.Location, maxCell: maxCell}
	case ".xlsx":
		l.d.Complaints = &xlsxLog{path: p, display: p, sheet: cs.Sheet, headerRow: cs.HeaderRow, spec: spec, loc: l.d.Location, maxCell: maxCell, maxUnzip: l.cfg.Limits.MaxUnzipBytes}
	case ".yaml", ".yml":
		return l.yamlComplaints(p, spec)
	default:
		return fmt.Errorf("complaint log %s: expected .csv, .xlsx or .yaml", p)
	}
	return nil
}

func (l *loader) yamlComplaints(p string, spec *logSpec) error {
	b, err := readCapped(p, l.cfg.Limits.MaxYAMLBytes)
	if err != nil {
		return &dossier.PosError{Pos: dossier.Pos{File: p}, Err: err}
	}
	r := &yamlReader{file: p, budget: l.cfg.Limits.MaxYAMLNodes}
	root, err := r.parse(b)
	if err != nil {
		return err
	}
	log := &dossier.SliceLog{Name: p}
	l.d.Complaints = log
	if root == nil {
		return nil
	}
	rt, _ := dossier.TypeByName("complaints")
	recs, err := r.records(&rt, root)
	if err != nil {
		return err
	}
	setters := complaintSetters(spec)
	cx := &cellCtx{loc: l.d.Location}
	for i := range recs {
		rr := &recs[i]
		obj, pos, ok := l.norm.record(&rt, rr)
		if !l.val.check(&rt, obj, rr.Pos, pos, l.errs) || !ok {
			continue
		}
		c := dossier.Complaint{Pos: rr.Pos}
		for _, f := range rr.Fields {
			if trimSpaceAll(f.Text) == "" {
				continue
			}
			if err := setters[f.Key](&c, trimSpaceAll(f.Text), cx); err != nil {
				l.errs.add(f.Pos, fmt.Errorf("%s: %w", f.Key, err))
			}
		}
		log.Rows = append(log.Rows, c)
	}
	return nil
}
