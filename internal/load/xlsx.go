package load

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/cellsafe"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/xlsxstream"
)

// openWorkbook opens an xlsx with explicit decompression limits: excelize's
// defaults admit ~16 GB of inflated XML, so a 1 MB zip bomb would take
// minutes and gigabytes before failing. UnzipXMLSizeLimit decides when a
// sheet is unpacked to a temporary file instead of memory; excelize refuses
// to open anything when it exceeds UnzipSizeLimit, so it is capped by it.
// The temporary files go to a directory of their own, removed by close:
// when excelize fails part-way it returns no File to close, and the sheets
// it already unpacked would otherwise stay on disk.
func openWorkbook(path, display string, maxUnzip int64) (f *excelize.File, closeBook func() error, err error) {
	// A renamed text file is not a zip: say so plainly rather than let the
	// zip reader's "not a valid zip file" stand alone.
	if zr, err := zip.OpenReader(path); err != nil {
		return nil, nil, dossier.Errorf(dossier.Pos{File: display}, "not an Excel .xlsx workbook (%w)", err)
	} else {
		zr.Close()
	}
	// excelize drops the zip reader's CRC and size errors: check every
	// part first, so a corrupted sheet is an error and not data.
	if err := xlsxstream.CheckParts(path, maxUnzip); err != nil {
		if errors.Is(err, xlsxstream.ErrTooLarge) {
			return nil, nil, tooLarge(display, err)
		}
		return nil, nil, dossier.Errorf(dossier.Pos{File: display}, "damaged workbook: %w", err)
	}
	tmp, err := os.MkdirTemp("", "certready-xlsx-")
	if err != nil {
		return nil, nil, err
	}
	f, err = excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit:    maxUnzip,
		UnzipXMLSizeLimit: min(64<<20, maxUnzip),
		TmpDir:            tmp,
	})
	if err != nil {
		_ = os.RemoveAll(tmp)
		// excelize has no sentinel for this error, only its text.
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, nil, dossier.Errorf(dossier.Pos{File: display}, "refused: %w (CERTREADY_MAX_UNZIP_BYTES)", err)
		}
		return nil, nil, dossier.Errorf(dossier.Pos{File: display}, "%w", &excelizeOpenError{err})
	}
	return f, func() error {
		err := f.Close()
		if rerr := os.RemoveAll(tmp); err == nil {
			err = rerr
		}
		return err
	}, nil
}

// excelizeOpenError is excelize's own reason for not opening a workbook,
// often as bare as "EOF"; newWorkbookSource words it when it can.
type excelizeOpenError struct{ err error }

func (e *excelizeOpenError) Error() string { return e.err.Error() }
func (e *excelizeOpenError) Unwrap() error { return e.err }

// date1904 reports whether the workbook counts dates from 1904.
func date1904(f *excelize.File) bool {
	props, err := f.GetWorkbookProps()
	return err == nil && props.Date1904 != nil && *props.Date1904
}

// findSheetName returns the sheet named with the record type's English or
// Chinese name (case-insensitive), or "".
func findSheetName(names []string, rt *dossier.RecordType) string {
	for _, s := range names {
		n := strings.TrimSpace(s)
		if strings.EqualFold(n, rt.SheetEN) || n == rt.SheetZH || strings.EqualFold(n, rt.Name) {
			return s
		}
	}
	return ""
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// sheetRecords reads a record sheet, streamed, into raw records. List
// sheets have a header row (detected among the first 10 rows, or the first
// row holding two known headers); single-record sheets are two columns,
// field | value. A sheet over maxSheetRows rows, or with a value beyond
// column maxSheetColumns, is refused at the cell that crosses the cap.
func sheetRecords(rows rowSource, display, sheet string, rt *dossier.RecordType, maxCell int, d1904 bool, errs *errorList) ([]rawRecord, error) {
	pos := func(col, row int) dossier.Pos {
		return dossier.Pos{File: display, Sheet: sheet, Cell: cellName(col, row)}
	}
	idx := headerIndex(rt.Fields, nil)
	cell := func(rec *rawRecord, key, header string, col, row int, v string) {
		at := pos(col, row)
		if len(v) > maxCell {
			errs.add(at, fmt.Errorf("cell is %d bytes, over the %d-byte limit (CERTREADY_MAX_CELL_BYTES)", len(v), maxCell))
			return
		}
		if excelErrors[strings.TrimSpace(v)] {
			errs.add(at, fmt.Errorf("%s: the cell holds the Excel error %s; replace it with a value", key, strings.TrimSpace(v)))
			return
		}
		// certready's own writers quote formula-like text (cellsafe);
		// reading it back removes exactly that quote.
		v = cellsafe.Unescape(v)
		t := strings.TrimSpace(v)
		rec.Fields = append(rec.Fields, rawField{Key: key, Header: header, Pos: at, Text: v, Excel: true, Date1904: d1904,
			Number: t != "" && (t[0] >= '0' && t[0] <= '9') && !strings.ContainsAny(t, "-/年: ")})
	}
	// next yields the rows within the caps.
	next := func() (int, []string, bool, error) {
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return 0, nil, false, dossier.Errorf(dossier.Pos{File: display, Sheet: sheet}, "%w", err)
			}
			return 0, nil, false, nil
		}
		rn, row := rows.Row()
		if rn > maxSheetRows {
			return 0, nil, false, dossier.Errorf(pos(1, rn), "the %s sheet has more than %d rows; a record sheet holds at most that many", rt.Name, maxSheetRows)
		}
		if len(row) > maxSheetColumns {
			for c := len(row) - 1; c >= maxSheetColumns; c-- {
				if strings.TrimSpace(row[c]) != "" {
					return 0, nil, false, dossier.Errorf(pos(c+1, rn), "a value in column %s, beyond column %s: a record sheet has at most %d columns", columnName(c+1), columnName(maxSheetColumns), maxSheetColumns)
				}
			}
			row = row[:maxSheetColumns]
		}
		return rn, row, true, nil
	}
	if rt.Single {
		rec := rawRecord{Pos: pos(1, 1)}
		seen := map[string]string{}
		for {
			rn, row, ok, err := next()
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
			if len(row) == 0 || strings.TrimSpace(row[0]) == "" {
				continue
			}
			k, ok := matchHeader(idx, row[0])
			if !ok {
				if rn == 1 {
					continue // a "Field | Value" heading row
				}
				errs.add(pos(1, rn), errors.New(unknownField(row[0], rt)))
				continue
			}
			if prev, dup := seen[k]; dup {
				errs.add(pos(1, rn), fmt.Errorf("field %s appears twice (also at %s)", k, prev))
				continue
			}
			seen[k] = cellName(1, rn)
			v := ""
			if len(row) > 1 {
				v = row[1]
			}
			cell(&rec, k, row[0], 2, rn, v)
		}
		return []rawRecord{rec}, nil
	}
	// The header is looked for in the first 10 rows, which are kept; the
	// rest stream.
	type heldRow struct {
		n     int
		cells []string
	}
	var head []heldRow
	hdr := -1
	var after []heldRow // rows read past the header while looking for it
	for hdr < 0 {
		rn, row, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if rn > 10 {
			after = append(after, heldRow{rn, slices.Clone(row)})
			break
		}
		head = append(head, heldRow{rn, slices.Clone(row)})
		n := 0
		for _, h := range row {
			if _, ok := matchHeader(idx, h); ok {
				n++
			}
		}
		if n >= 2 || (n >= 1 && len(rt.Fields) <= 2) {
			hdr = len(head) - 1
		}
	}
	if hdr < 0 {
		if len(head) == 0 && len(after) == 0 {
			return nil, nil // an empty sheet: no records
		}
		return nil, dossier.Errorf(dossier.Pos{File: display, Sheet: sheet, Cell: "A1"},
			"no header row in the first 10 rows: expected column headers such as %s", headerHint(rt))
	}
	hrow, hn := head[hdr].cells, head[hdr].n
	keys := make([]string, len(hrow))
	seen := map[string]int{}
	for c, h := range hrow {
		if strings.TrimSpace(h) == "" {
			continue
		}
		k, ok := matchHeader(idx, h)
		if !ok {
			errs.add(pos(c+1, hn), fmt.Errorf("unknown column %q in %s (expected: %s)", h, rt.Name, headerHint(rt)))
			continue
		}
		if prev, dup := seen[k]; dup {
			errs.add(pos(c+1, hn), fmt.Errorf("duplicate column %q: %s is already in column %s", h, k, cellName(prev+1, hn)))
			continue
		}
		seen[k] = c
		keys[c] = k
	}
	var out []rawRecord
	record := func(rn int, row []string) {
		if blank(row) {
			return
		}
		rec := rawRecord{Pos: pos(1, rn)}
		for c, v := range row {
			if c >= len(keys) || keys[c] == "" {
				if strings.TrimSpace(v) != "" && c >= len(keys) {
					errs.add(pos(c+1, rn), fmt.Errorf("value in a column with no header"))
				}
				continue
			}
			cell(&rec, keys[c], hrow[c], c+1, rn, v)
		}
		out = append(out, rec)
	}
	for _, r := range head[hdr+1:] {
		record(r.n, r.cells)
	}
	for _, r := range after {
		record(r.n, r.cells)
	}
	for {
		rn, row, ok, err := next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		record(rn, row)
	}
	return out, nil
}

// columnName is the letters of a 1-based column number.
func columnName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

func headerHint(rt *dossier.RecordType) string {
	var parts []string
	for i, f := range rt.Fields {
		if i == 4 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, f.EN+" / "+f.ZH)
	}
	return strings.Join(parts, ", ")
}

// xlsxLog streams the complaint-log sheet of a workbook with excelize's
// row iterator and raw cell values (formatting dates inside excelize made
// reads four times slower).
type xlsxLog struct {
	path, display, sheet string
	headerRow            int
	spec                 *logSpec
	loc                  *time.Location
	maxCell              int
	maxUnzip             int64
	ignored              []dossier.IgnoredColumn
	headers              map[string]string
}

// IgnoredColumns implements dossier.ColumnReporter.
func (l *xlsxLog) IgnoredColumns() []dossier.IgnoredColumn { return l.ignored }

// SourceHeaders implements dossier.HeaderReporter.
func (l *xlsxLog) SourceHeaders() map[string]string { return l.headers }

func (l *xlsxLog) Source() string { return l.display + "!" + l.sheet }

// Path is the workbook on disk.
func (l *xlsxLog) Path() string { return l.path }

func (l *xlsxLog) Each(fn func(*dossier.Complaint) error) error {
	return l.Scan(fn, func(err error) error { return err })
}

// Scan is Each that reports bad rows to onErr and goes on when it returns nil.
func (l *xlsxLog) Scan(fn func(*dossier.Complaint) error, onErr func(error) error) (err error) {
	// The log sheet is streamed by xlsxstream, which parses the sheet XML
	// itself (≈20× faster than excelize's row iterator on a 1M-row log) and
	// hands over to excelize, row for row, for anything it does not read.
	rt, _ := dossier.TypeByName("complaints")
	rows, err := xlsxstream.OpenScanner(l.path, xlsxstream.Options{MaxUnzipBytes: l.maxUnzip}, func(names []string) string {
		if l.sheet != "" {
			return l.sheet
		}
		if s := findSheetName(names, &rt); s != "" || len(names) == 0 {
			return s
		}
		return names[0]
	})
	switch {
	case errors.Is(err, zip.ErrFormat):
		return dossier.Errorf(dossier.Pos{File: l.display}, "not an Excel .xlsx workbook (%w)", err)
	case errors.Is(err, xlsxstream.ErrTooLarge) || err != nil && strings.Contains(err.Error(), "unzip size exceeds"):
		return tooLarge(l.display, err)
	case err != nil:
		return dossier.Errorf(dossier.Pos{File: l.display}, "%w", err)
	}
	defer func() {
		if cerr := rows.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	sheet := rows.Sheet()
	var (
		bind *complaintBinding
		c    dossier.Complaint
		cx   = cellCtx{loc: l.loc, excel: true, date1904: rows.Date1904(), dateCell: rows.DateCell}
		rn   int
	)
	colNames := []string{}
	where := func(i int) dossier.Pos {
		for len(colNames) <= i {
			n, _ := excelize.ColumnNumberToName(len(colNames) + 1)
			colNames = append(colNames, n)
		}
		return dossier.Pos{File: l.display, Sheet: sheet, Cell: colNames[i] + itoa(rn)}
	}
	for rows.Next() {
		var row []string
		rn, row = rows.Row()
		if bind == nil {
			if (l.headerRow > 0 && rn < l.headerRow) || (l.headerRow == 0 && headerScore(row, l.spec) < 3) {
				if rn >= 20 && l.headerRow == 0 {
					return dossier.Errorf(dossier.Pos{File: l.display, Sheet: sheet, Cell: "A1"}, "%v in the first 20 rows: expected columns such as 投诉编号/Complaint id, 受理时间/Received at, 投诉渠道/Channel", errNoHeader)
				}
				continue
			}
			b, err := bindComplaintHeader(row, l.spec)
			if err != nil {
				return dossier.Errorf(dossier.Pos{File: l.display, Sheet: sheet, Cell: "A" + itoa(rn)}, "header: %w", err)
			}
			bind = b
			l.headers = b.sourceHeaders()
			l.ignored = b.ignoredColumns(func(col int) dossier.Pos {
				return dossier.Pos{File: l.display, Sheet: sheet, Cell: cellName(col+1, rn)}
			})
			continue
		}
		if blank(row) {
			continue
		}
		if err := bind.fill(&c, row, &cx, l.maxCell, where, onErr); err != nil {
			return err
		}
		c.Pos = dossier.Pos{File: l.display, Sheet: sheet, Cell: "A" + itoa(rn)}
		if err := fn(&c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s!%s: %w", l.display, sheet, err)
	}
	if bind == nil {
		return dossier.Errorf(dossier.Pos{File: l.display, Sheet: sheet}, "%v: the sheet is empty or has no recognisable header", errNoHeader)
	}
	return nil
}

// tooLarge words a workbook refused by a size cap, naming the setting
// that raises it when there is one.
func tooLarge(display string, err error) error {
	if strings.Contains(err.Error(), "shared strings") {
		return dossier.Errorf(dossier.Pos{File: display}, "refused: %w", err)
	}
	return dossier.Errorf(dossier.Pos{File: display}, "refused: %w (CERTREADY_MAX_UNZIP_BYTES)", err)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}
