package xlsxstream

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Scanner reads one sheet with Rows and, when that meets something
// outside its subset (ErrUnsupported), goes on with excelize's row
// iterator from the row after the last one it yielded: every row comes
// once, each as excelize would give it, fast when possible. It is what a
// loader uses instead of excelize's Rows + Columns(Options{RawCellValue:
// true}):
//
//	sc, err := xlsxstream.OpenScanner(path, xlsxstream.Options{MaxUnzipBytes: max}, pick)
//	if err != nil { ... }
//	defer sc.Close()
//	for sc.Next() {
//		n, cells := sc.Row()
//		...
//	}
//	if err := sc.Err(); err != nil { ... }
type Scanner struct {
	path  string
	opt   Options
	sheet string
	d1904 bool

	book     *Book
	borrowed bool // the Book is the caller's, closed by the caller
	rows     *Rows

	// The excelize fallback, once taken.
	fallback error // why it was taken
	xf       *excelize.File
	xrows    *excelize.Rows
	tmp      string // excelize's directory for unpacked sheets, removed by Close
	xrow     int    // the row number excelize's iterator is at
	skip     int    // rows up to this one were yielded by the fast reader

	rowNum int
	cells  []string
	err    error
}

// OpenScanner opens the workbook at path and the sheet that pick chooses
// among its sheet names. A workbook the fast reader cannot open is opened
// with excelize instead; one refused by a size limit is refused
// (ErrTooLarge), as excelize would refuse it. pick may return a name
// that is not there: the error names it.
func OpenScanner(path string, opt Options, pick func(sheets []string) string) (*Scanner, error) {
	sc := &Scanner{path: path, opt: opt.withDefaults()}
	b, err := Open(path, opt)
	switch {
	case err == nil:
		sc.book = b
		sc.d1904 = b.Date1904()
		sc.sheet = pick(b.Sheets())
		if sc.rows, err = b.Rows(sc.sheet); err != nil {
			b.Close()
			return nil, err
		}
		return sc, nil
	case errors.Is(err, ErrUnsupported):
		sc.fallback = err
		if err := sc.openExcelize(pick); err != nil {
			sc.Close()
			return nil, err
		}
		return sc, nil
	}
	return nil, err
}

// Scanner reads one sheet of an open Book, falling back to excelize (on
// the workbook at path) as OpenScanner does. The Book stays open when the
// Scanner is closed, so one Book, its shared strings read once, serves
// every sheet of a workbook.
func (b *Book) Scanner(path, sheet string) (*Scanner, error) {
	rows, err := b.Rows(sheet)
	if err != nil {
		return nil, err
	}
	return &Scanner{path: path, opt: b.opt, sheet: rows.sheet, d1904: b.date1904, book: b, borrowed: true, rows: rows}, nil
}

// openExcelize opens the workbook with excelize, with the same limits:
// sheets larger than 64 MB are unpacked to a directory of the Scanner's
// own, which Close removes.
func (sc *Scanner) openExcelize(pick func([]string) string) error {
	if err := CheckParts(sc.path, sc.opt.MaxUnzipBytes); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "certready-xlsx-")
	if err != nil {
		return err
	}
	sc.tmp = tmp
	f, err := excelize.OpenFile(sc.path, excelize.Options{
		UnzipSizeLimit:    sc.opt.MaxUnzipBytes,
		UnzipXMLSizeLimit: min(64<<20, sc.opt.MaxUnzipBytes),
		TmpDir:            tmp,
	})
	if err != nil {
		return err
	}
	sc.xf = f
	if pick != nil {
		if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
			sc.d1904 = *p.Date1904
		}
		sc.sheet = pick(f.GetSheetList())
	}
	sc.xrows, err = f.Rows(sc.sheet)
	return err
}

// CheckParts inflates every part of the package at path once, discarding
// the bytes, and returns the first CRC or size mismatch (or any read
// error). excelize reads parts without reporting such errors, so a
// truncated or corrupted sheet would be read as if whole; this runs before
// anything is handed to it. At most maxUnzip bytes are inflated in all.
func CheckParts(path string, maxUnzip int64) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	if maxUnzip <= 0 {
		maxUnzip = DefaultMaxUnzipBytes
	}
	// The shared strings cap Book applies (see Book.load), so that
	// excelize, which reads the whole table before the first row, is not
	// handed ten million items either.
	var sheetBytes uint64
	for _, f := range zr.File {
		if strings.HasPrefix(strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/")), "xl/worksheets/") {
			sheetBytes += f.UncompressedSize64
		}
	}
	maxItems := int64(max(minSharedStrings, min(sheetBytes/16, 1<<40)))
	var total int64
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		var w io.Writer = io.Discard
		var items *itemCounter
		if strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), sstPart) {
			items = &itemCounter{}
			w = items
		}
		n, err := io.Copy(w, io.LimitReader(rc, maxUnzip-total+1))
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if total += n; total > maxUnzip {
			return fmt.Errorf("%w: the parts inflate to more than %d bytes", ErrTooLarge, maxUnzip)
		}
		if items != nil && items.n > maxItems {
			return fmt.Errorf("%s: %w: the shared strings table holds more than %d items, more than the sheets' cells could refer to", f.Name, ErrTooLarge, maxItems)
		}
	}
	return nil
}

// itemCounter counts "<si>", "<si " and "<si/" start tags in what is
// written to it, across write boundaries: the items of a shared strings
// table written without a namespace prefix, as Excel, LibreOffice, WPS
// and excelize write it.
type itemCounter struct {
	n    int64
	tail []byte
}

func (c *itemCounter) Write(p []byte) (int, error) {
	b := append(c.tail, p...)
	for i := 0; i+3 < len(b); i++ {
		if b[i] == '<' && b[i+1] == 's' && b[i+2] == 'i' && (b[i+3] == '>' || b[i+3] == ' ' || b[i+3] == '/') {
			c.n++
		}
	}
	keep := min(3, len(b))
	c.tail = append(c.tail[:0], b[len(b)-keep:]...)
	return len(p), nil
}

// Sheet is the name of the sheet being read.
func (sc *Scanner) Sheet() string { return sc.sheet }

// Date1904 reports whether date serials count from 1904.
func (sc *Scanner) Date1904() bool { return sc.d1904 }

// Fallback returns why excelize reads (some of) the sheet, or nil when the
// fast reader reads all of it.
func (sc *Scanner) Fallback() error { return sc.fallback }

// Next advances to the next row. Once excelize reads, a row number with
// no row element in the sheet may come as a row with no cells, as
// excelize's iterator yields it.
func (sc *Scanner) Next() bool {
	if sc.err != nil {
		return false
	}
	if sc.rows != nil {
		if sc.rows.Next() {
			sc.rowNum, sc.cells = sc.rows.Row()
			sc.skip = sc.rowNum
			return true
		}
		err := sc.rows.Err()
		sc.rows.Close()
		if !sc.borrowed {
			sc.book.Close()
		}
		sc.rows, sc.book = nil, nil
		if err == nil || !errors.Is(err, ErrUnsupported) {
			sc.err = err
			return false
		}
		sc.fallback = err
		if err := sc.openExcelize(nil); err != nil {
			sc.err = fmt.Errorf("reading %s with excelize after %v: %w", sc.sheet, sc.fallback, err)
			return false
		}
	}
	if sc.xrows == nil {
		return false
	}
	for sc.xrows.Next() {
		sc.xrow++
		if sc.xrow <= sc.skip {
			continue
		}
		cells, err := sc.xrows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			sc.err = fmt.Errorf("%s row %d: %w", sc.sheet, sc.xrow, err)
			return false
		}
		sc.rowNum, sc.cells = sc.xrow, cells
		return true
	}
	sc.err = sc.xrows.Error()
	return false
}

// Row returns the current row's number and cells, as Rows.Row does.
func (sc *Scanner) Row() (int, []string) { return sc.rowNum, sc.cells }

// DateCell reports whether cell col (0-based) of the current row is known
// to be formatted as a date or a time, so that a number in it is a date
// serial. It knows only while the fast reader reads: excelize's iterator
// gives no styles (and looking them up cell by cell would load the whole
// sheet), so on the fallback it reports false.
func (sc *Scanner) DateCell(col int) bool {
	if sc.rows == nil {
		return false
	}
	st := sc.rows.Styles()
	return col >= 0 && col < len(st) && sc.book.IsDateStyle(st[col])
}

// Err returns the error that stopped Next, if any.
func (sc *Scanner) Err() error { return sc.err }

// Close releases the workbook and removes excelize's unpacked sheets.
func (sc *Scanner) Close() error {
	var errs []error
	if sc.rows != nil {
		errs = append(errs, sc.rows.Close())
		sc.rows = nil
	}
	if sc.book != nil {
		if !sc.borrowed {
			errs = append(errs, sc.book.Close())
		}
		sc.book = nil
	}
	if sc.xrows != nil {
		errs = append(errs, sc.xrows.Close())
		sc.xrows = nil
	}
	if sc.xf != nil {
		errs = append(errs, sc.xf.Close())
		sc.xf = nil
	}
	if sc.tmp != "" {
		errs = append(errs, os.RemoveAll(sc.tmp))
		sc.tmp = ""
	}
	return errors.Join(errs...)
}
