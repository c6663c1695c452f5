package load

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/xlsxstream"
)

// Caps on a record sheet (every sheet but the complaint log, which
// streams into the metrics without being held) and on a YAML record list.
// Records are held in memory and validated one by one (some 3 KB and 80 µs
// each): fifty thousand of a kind keeps a run within 300 MB and seconds,
// and no organisation keeps that many documents, people or training
// sessions in its complaints-handling records. No record type has a
// hundred fields.
const (
	maxSheetRows    = 50_000
	maxSheetColumns = 256
)

// workbookSource reads the record sheets of one workbook, each streamed
// row by row by xlsxstream (excelize only for the sheets it cannot read),
// all from one open Book so the shared strings are read once. It must be
// closed on every path.
type workbookSource struct {
	path, display string
	book          *xlsxstream.Book
	sheets        []string
	maxCell       int
	maxUnzip      int64
	d1904         bool
}

func newWorkbookSource(path string, cfg *config.Config) (*workbookSource, error) {
	// The zip check and excelize's open give the messages people know
	// ("not an Excel .xlsx workbook", "refused: … CERTREADY_MAX_UNZIP_BYTES");
	// excelize is closed again at once when xlsxstream can read the book.
	b, err := xlsxstream.Open(path, xlsxstream.Options{MaxUnzipBytes: cfg.Limits.MaxUnzipBytes})
	switch {
	case err == nil:
		return &workbookSource{path: path, display: path, book: b, sheets: b.Sheets(), maxCell: cfg.Limits.MaxCellBytes, maxUnzip: cfg.Limits.MaxUnzipBytes, d1904: b.Date1904()}, nil
	case errors.Is(err, xlsxstream.ErrTooLarge):
		return nil, tooLarge(path, err)
	}
	if errors.Is(err, xlsxstream.ErrUnsupported) && strings.Contains(err.Error(), "sharedStrings") {
		// excelize reads a broken shared-strings part as no strings at
		// all, and every text cell comes out empty ("organisation record
		// is missing required name"): name the part instead.
		if derr := checkXMLPart(path, "xl/sharedStrings.xml"); derr != nil {
			return nil, dossier.Errorf(dossier.Pos{File: path}, "damaged workbook: its shared strings (xl/sharedStrings.xml, the text of the cells) are not well-formed XML: %v; open and save it again in Excel, or restore a good copy", derr)
		}
	}
	f, closeF, xerr := openWorkbook(path, path, cfg.Limits.MaxUnzipBytes)
	if xerr != nil {
		return nil, workbookErr(path, xerr, err)
	}
	defer closeF()
	if !errors.Is(err, xlsxstream.ErrUnsupported) {
		// excelize opened what the fast reader calls broken (a damaged
		// shared-strings part, a missing workbook part): say what is wrong
		// rather than read the sheets as empty.
		return nil, dossier.Errorf(dossier.Pos{File: path}, "damaged workbook: %w", err)
	}
	return &workbookSource{path: path, display: path, sheets: f.GetSheetList(), maxCell: cfg.Limits.MaxCellBytes, maxUnzip: cfg.Limits.MaxUnzipBytes, d1904: date1904(f)}, nil
}

// workbookErr words a workbook that cannot be opened: a zip that is not a
// workbook says so, rather than excelize's bare "EOF".
func workbookErr(path string, xerr, fast error) error {
	var xe *excelizeOpenError
	if !errors.As(xerr, &xe) {
		return xerr // already worded: not a zip, refused, damaged
	}
	if fast != nil && (strings.Contains(fast.Error(), "no workbook part") || strings.Contains(fast.Error(), "_rels/.rels")) {
		return dossier.Errorf(dossier.Pos{File: path}, "not an Excel .xlsx workbook: a zip archive without a readable workbook part (%v)", fast)
	}
	return xerr
}

// checkXMLPart reads one part of the package as XML tokens, in bounded
// memory, and returns the first syntax or read error (a CRC mismatch
// included).
func checkXMLPart(path, part string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.EqualFold(strings.ReplaceAll(f.Name, "\\", "/"), part) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		dec := xml.NewDecoder(rc)
		dec.Strict = true
		for {
			if _, err := dec.RawToken(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *workbookSource) close() {
	if s.book != nil {
		_ = s.book.Close()
	}
}

func (s *workbookSource) place(rt *dossier.RecordType) dossier.Pos {
	if sheet := findSheetName(s.sheets, rt); sheet != "" {
		return dossier.Pos{File: s.display, Sheet: sheet}
	}
	return dossier.Pos{File: s.display, Sheet: rt.SheetEN}
}

func (s *workbookSource) records(rt *dossier.RecordType, errs *errorList) ([]rawRecord, bool, error) {
	sheet := findSheetName(s.sheets, rt)
	if sheet == "" {
		return nil, false, nil
	}
	var (
		sc  *xlsxstream.Scanner
		err error
	)
	if s.book != nil {
		sc, err = s.book.Scanner(s.path, sheet)
	} else {
		sc, err = xlsxstream.OpenScanner(s.path, xlsxstream.Options{MaxUnzipBytes: s.maxUnzip}, func([]string) string { return sheet })
	}
	if err != nil {
		return nil, true, dossier.Errorf(dossier.Pos{File: s.display, Sheet: sheet}, "%w", err)
	}
	defer sc.Close()
	recs, err := sheetRecords(sc, s.display, sheet, rt, s.maxCell, s.d1904, errs)
	return recs, true, err
}

// rowSource is a sheet read row by row: xlsxstream.Scanner.
type rowSource interface {
	Next() bool
	Row() (int, []string)
	Err() error
}

var _ rowSource = (*xlsxstream.Scanner)(nil)
