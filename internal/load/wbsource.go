package load

import (
	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// workbookSource reads the record sheets of one workbook; it holds the file
// open for the whole load and must be closed on every path, since excelize
// unpacks large sheets to temporary files.
type workbookSource struct {
	f       *excelize.File
	closeF  func() error
	display string
	maxCell int
	d1904   bool
}

func newWorkbookSource(path string, cfg *config.Config) (*workbookSource, error) {
	f, closeF, err := openWorkbook(path, path, cfg.Limits.MaxUnzipBytes)
	if err != nil {
		return nil, err
	}
	return &workbookSource{f: f, closeF: closeF, display: path, maxCell: cfg.Limits.MaxCellBytes, d1904: date1904(f)}, nil
}

func (s *workbookSource) close() { _ = s.closeF() }

func (s *workbookSource) place(rt *dossier.RecordType) dossier.Pos {
	if sheet := findSheet(s.f, rt); sheet != "" {
		return dossier.Pos{File: s.display, Sheet: sheet}
	}
	return dossier.Pos{File: s.display, Sheet: rt.SheetEN}
}

func (s *workbookSource) records(rt *dossier.RecordType, errs *errorList) ([]rawRecord, bool, error) {
	sheet := findSheet(s.f, rt)
	if sheet == "" {
		return nil, false, nil
	}
	recs, err := sheetRecords(s.f, s.display, sheet, rt, s.maxCell, s.d1904, errs)
	return recs, true, err
}
