// Package exportmap reads a CRM's complaint export as it comes — its header
// row and the distinct values of each column, streamed, in bounded memory
// — and proposes the complaints block of certready.yaml that reads it:
// column and value mappings, header row, sheet, encoding, with a
// confidence for every line. `certready map` prints the proposal and can
// write it into a dossier's certready.yaml, keeping everything else there.
package exportmap

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/load"
	"github.com/certready/certready/internal/xlsxstream"
)

// Options bound the reading of an export.
type Options struct {
	// Sheet is the workbook sheet to read; "" picks the complaints sheet
	// by name, else the first.
	Sheet string
	// MaxDistinct is how many distinct values a column keeps (default 64);
	// a column with more is free text or ids, whose values map to nothing.
	MaxDistinct int
	// MaxUnzipBytes bounds an xlsx's inflated size (default 4 GiB).
	MaxUnzipBytes int64
}

// headerSearchRows is how far down the header row is looked for, as the
// loader does.
const headerSearchRows = 20

// maxShapes bounds the date forms kept per column.
const maxShapes = 16

// Column is what was seen in one column of the export.
type Column struct {
	Index    int
	Header   string
	NonBlank int
	// Values are the distinct trimmed values in order of first appearance,
	// at most Options.MaxDistinct; Counts counts each.
	Values []string
	Counts map[string]int
	// Many is set when the column has more distinct values than kept.
	Many bool
	// Shapes are the forms of the values with digits folded to 9
	// (2025-07-03 14:05 → 9999-99-99 99:99), at most maxShapes.
	Shapes map[string]int
	// Examples holds the first value of each shape.
	Examples map[string]string
	// ExcelDates counts cells formatted as dates in the workbook.
	ExcelDates int

	// shapes is false for columns whose header names a field that is not
	// a date-time (text, choices): their forms are never asked for.
	shapes bool
}

// Profile is what was seen in the whole export.
type Profile struct {
	Path      string
	Format    string // "csv" or "xlsx"
	Sheet     string
	Encoding  string // "utf-8" or "gb18030" (CSV)
	HeaderRow int    // as a spreadsheet numbers rows
	Rows      int    // data rows after the header, blank ones excepted
	Columns   []*Column
}

// Read profiles the export at path.
func Read(path string, o Options) (*Profile, error) {
	if o.MaxDistinct <= 0 {
		o.MaxDistinct = 64
	}
	if o.MaxUnzipBytes <= 0 {
		o.MaxUnzipBytes = 4 << 30
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return readCSV(path, o)
	case ".xlsx":
		return readXLSX(path, o)
	}
	return nil, fmt.Errorf("%s: expected a .csv or .xlsx export", path)
}

// profiler folds rows into a Profile: the first headerSearchRows are held
// until the header is chosen, then every row is folded as it comes.
type profiler struct {
	p       *Profile
	o       Options
	pending []heldRow
	header  bool
	dateCol func(col int) bool
	buf     []byte // a value's shape, reused
}

type heldRow struct {
	n     int
	cells []string
}

func (pf *profiler) row(n int, cells []string) error {
	if !pf.header {
		pf.pending = append(pf.pending, heldRow{n, append([]string(nil), cells...)})
		if len(pf.pending) < headerSearchRows {
			return nil
		}
		return pf.chooseHeader()
	}
	pf.fold(cells)
	return nil
}

// finish chooses the header of a short export.
func (pf *profiler) finish() error {
	if !pf.header {
		return pf.chooseHeader()
	}
	return nil
}

// headerScore counts the cells of a row that name a complaint field, by
// the reader's own matching, the CRM vocabulary or a variant spelling.
func headerScore(cells []string) int {
	n := 0
	for _, c := range cells {
		if _, _, ok := fieldForHeader(c, nil); ok {
			n++
		}
	}
	return n
}

func (pf *profiler) chooseHeader() error {
	best, bestScore := -1, 0
	for i, r := range pf.pending {
		s := headerScore(r.cells)
		if s >= 3 {
			best = i
			break
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return fmt.Errorf("%s: no header row in the first %d rows names a complaint field (such as 投诉编号, 受理时间, 投诉渠道, 状态)", pf.p.Path, headerSearchRows)
	}
	h := pf.pending[best]
	pf.p.HeaderRow = h.n
	kinds := map[string]dossier.Kind{}
	for _, f := range dossier.ComplaintFields() {
		kinds[f.Key] = f.Kind
	}
	for i, c := range h.cells {
		col := &Column{Index: i, Header: load.TrimSpace(c), Counts: map[string]int{}, Shapes: map[string]int{}, Examples: map[string]string{}, shapes: true}
		if k, _, ok := fieldForHeader(c, nil); ok && kinds[k] != dossier.KDateTime && k != "customer_uscc" {
			col.shapes = false
		}
		pf.p.Columns = append(pf.p.Columns, col)
	}
	pf.header = true
	rest := pf.pending[best+1:]
	pf.pending = nil
	for _, r := range rest {
		pf.fold(r.cells)
	}
	return nil
}

func (pf *profiler) fold(cells []string) {
	blank := true
	for _, c := range cells {
		if load.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	pf.p.Rows++
	for i, raw := range cells {
		if i >= len(pf.p.Columns) {
			// Cells beyond the header have no column to go to.
			continue
		}
		col := pf.p.Columns[i]
		v := load.TrimSpace(raw)
		if v == "" {
			continue
		}
		col.NonBlank++
		if pf.dateCol != nil && pf.dateCol(i) {
			col.ExcelDates++
			continue
		}
		if col.shapes {
			pf.buf = shapeOf(pf.buf[:0], v)
			if n, ok := col.Shapes[string(pf.buf)]; ok {
				col.Shapes[string(pf.buf)] = n + 1
			} else if len(col.Shapes) < maxShapes {
				col.Shapes[string(pf.buf)] = 1
				col.Examples[string(pf.buf)] = strings.Clone(v)
			}
		}
		if col.Many {
			continue
		}
		if n, ok := col.Counts[v]; ok {
			col.Counts[v] = n + 1
			continue
		}
		if len(col.Values) >= pf.o.MaxDistinct {
			// Past the cap the column is free text or ids: stop keeping
			// values, so a million distinct ids cost nothing.
			col.Many = true
			col.Counts = nil
			continue
		}
		v = strings.Clone(v)
		col.Values = append(col.Values, v)
		col.Counts[v] = 1
	}
}

// shapeOf appends v's shape to b: digits folded to 9, so that date forms
// can be told apart (2025-07-03 14:05 → 9999-99-99 99:99); long values are
// all one shape.
func shapeOf(b []byte, v string) []byte {
	if len(v) > 32 {
		return append(b, "…"...)
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= '0' && c <= '9' {
			c = '9'
		}
		b = append(b, c)
	}
	return b
}

func readCSV(path string, o Options) (*Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	head, _ := br.Peek(64 << 10)
	p := &Profile{Path: path, Format: "csv", Encoding: "utf-8"}
	var r io.Reader = br
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	} else if !validPrefix(head) {
		p.Encoding = "gb18030"
		r = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	pf := &profiler{p: p, o: o}
	// A spreadsheet shows a cell's own newlines inside its row, so the
	// row of a record is its first line less the newlines inside earlier
	// records; blank lines are rows too.
	inside := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := cr.FieldPos(0)
		row := line - inside
		for _, c := range rec {
			inside += strings.Count(c, "\n")
		}
		if err := pf.row(row, rec); err != nil {
			return nil, err
		}
	}
	if err := pf.finish(); err != nil {
		return nil, err
	}
	return p, nil
}

// validPrefix reports whether b is UTF-8, allowing a rune cut at its end.
func validPrefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

func readXLSX(path string, o Options) (*Profile, error) {
	rt, _ := dossier.TypeByName("complaints")
	sc, err := xlsxstream.OpenScanner(path, xlsxstream.Options{MaxUnzipBytes: o.MaxUnzipBytes}, func(names []string) string {
		if o.Sheet != "" {
			return o.Sheet
		}
		for _, s := range names {
			n := strings.TrimSpace(s)
			if strings.EqualFold(n, rt.SheetEN) || n == rt.SheetZH || strings.EqualFold(n, rt.Name) {
				return s
			}
		}
		if len(names) == 0 {
			return ""
		}
		return names[0]
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer sc.Close()
	p := &Profile{Path: path, Format: "xlsx", Sheet: sc.Sheet()}
	pf := &profiler{p: p, o: o}
	for sc.Next() {
		n, cells := sc.Row()
		if pf.header {
			pf.dateCol = sc.DateCell
		}
		if err := pf.row(n, cells); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s!%s: %w", path, p.Sheet, err)
	}
	if err := pf.finish(); err != nil {
		return nil, err
	}
	return p, nil
}
