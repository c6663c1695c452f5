// Package xlsxstream reads the cells of large .xlsx worksheets quickly and
// in bounded memory.
//
// excelize's row iterator decodes every cell through encoding/xml and costs
// about a minute for a million-row sheet; this package scans the inflated
// sheet XML byte by byte instead, inflating ahead in a second goroutine,
// and yields the values excelize's Rows + Columns(Options{RawCellValue:
// true}) would yield for the same file. It covers the subset of
// SpreadsheetML that Excel, LibreOffice, WPS, openpyxl and excelize write;
// whatever falls outside that subset is reported as an error wrapping
// ErrUnsupported, so that a caller can read the sheet with excelize
// instead. Workbook structure, styles and writing stay excelize's job.
package xlsxstream

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/nfp"
)

// ErrUnsupported marks a workbook or sheet this package does not read the
// way excelize would (an encoding other than UTF-8, a DTD, rows out of
// order, an element it does not know where cells are, malformed XML); the
// caller should read it with excelize.
var ErrUnsupported = errors.New("xlsxstream: unsupported workbook content")

// ErrTooLarge marks a workbook refused by a size limit of Options; falling
// back to another reader with the same limits would refuse it too.
var ErrTooLarge = errors.New("xlsxstream: over the size limit")

// Defaults for the zero Options.
const (
	DefaultMaxUnzipBytes = 4 << 30
	DefaultMaxRowBytes   = 64 << 20
	// maxSmallPart bounds the parts read whole into memory (workbook,
	// relationships, styles); Excel's are kilobytes.
	maxSmallPart = 64 << 20
	// minSharedStrings is the shared strings cap whatever the sheets'
	// size.
	minSharedStrings = 1 << 20
)

// Options bounds what a workbook may cost.
type Options struct {
	// MaxUnzipBytes caps the declared inflated size of all the parts of
	// the package together, checked before anything is inflated, as
	// excelize's UnzipSizeLimit does. Zero means DefaultMaxUnzipBytes.
	MaxUnzipBytes int64
	// MaxPartBytes caps the bytes actually inflated from any one part,
	// counted while inflating, so a part whose header lies about its size
	// cannot get past MaxUnzipBytes. Zero means MaxUnzipBytes.
	MaxPartBytes int64
	// MaxRowBytes caps the XML of one row or one shared string, the unit
	// the scanner holds in memory at once. Zero means DefaultMaxRowBytes.
	MaxRowBytes int
	// NoPrefetch inflates in the reading goroutine instead of one of its
	// own; slower on a machine with more than one core.
	NoPrefetch bool

	// chunk, when set, replaces the buffer sizes, so that tests can make
	// every unit cross a buffer boundary.
	chunk int
}

func (o Options) withDefaults() Options {
	if o.MaxUnzipBytes <= 0 {
		o.MaxUnzipBytes = DefaultMaxUnzipBytes
	}
	if o.MaxPartBytes <= 0 {
		o.MaxPartBytes = o.MaxUnzipBytes
	}
	if o.MaxRowBytes <= 0 {
		o.MaxRowBytes = DefaultMaxRowBytes
	}
	return o
}

// Book is an open workbook: its sheet list, date system, shared strings
// and number formats, read once by Open.
type Book struct {
	zr       *zip.ReadCloser
	opt      Options
	parts    map[string]*zip.File
	sheets   []sheetRef
	date1904 bool
	sst      sharedStrings
	// maxStrings caps the shared strings table; set by load.
	maxStrings int
	dateXf     []bool // by cellXfs index: the number format is a date or time
}

type sheetRef struct {
	name, part string // part is "" when the relationship leads nowhere
}

// Open reads the structure of the workbook at path. The sheets are read
// later, one at a time, by Rows.
func Open(path string, opt Options) (*Book, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	b := &Book{zr: zr, opt: opt.withDefaults()}
	if err := b.load(); err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

// Close releases the file and the shared strings. Strings returned by
// Rows stay valid: they are ordinary Go strings.
func (b *Book) Close() error {
	if b.zr == nil {
		return nil
	}
	err := b.zr.Close()
	b.zr, b.parts, b.sst = nil, nil, sharedStrings{}
	return err
}

// Sheets lists the sheet names in workbook order, as excelize's
// GetSheetList does.
func (b *Book) Sheets() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

// Date1904 reports whether date serials count from 1904-01-01 rather than
// from Excel's 1900 epoch.
func (b *Book) Date1904() bool { return b.date1904 }

// IsDateStyle reports whether the cell style (the s attribute of a cell,
// an index into the cellXfs of styles.xml) formats numbers as a date or a
// time, so that a numeric value in such a cell is a date serial.
func (b *Book) IsDateStyle(styleIndex int) bool {
	return styleIndex >= 0 && styleIndex < len(b.dateXf) && b.dateXf[styleIndex]
}

// Relationship types and namespaces, in the transitional and the strict
// spelling of OOXML.
const (
	relOfficeDocument       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relOfficeDocumentStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
	relSharedStrings        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
	relSharedStringsStrict  = "http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings"
	nsRelationships         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRelationshipsStrict   = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsMain                  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsMainStrict            = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	sstPart                 = "xl/sharedStrings.xml"
	stylesPart              = "xl/styles.xml"
)

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrUnsupported}, args...)...)
}

func (b *Book) load() error {
	var total int64
	b.parts = make(map[string]*zip.File, len(b.zr.File))
	for _, f := range b.zr.File {
		size := int64(f.UncompressedSize64)
		if size < 0 || size > b.opt.MaxUnzipBytes || total+size > b.opt.MaxUnzipBytes {
			return fmt.Errorf("%w: the parts inflate to more than %d bytes", ErrTooLarge, b.opt.MaxUnzipBytes)
		}
		total += size
		// excelize's names: backslashes as slashes, and the content
		// types and shared strings found whatever their case.
		name := strings.ReplaceAll(f.Name, "\\", "/")
		switch strings.ToLower(name) {
		case "[content_types].xml":
			name = "[Content_Types].xml"
		case strings.ToLower(sstPart):
			name = sstPart
		}
		b.parts[name] = f
	}

	var rootRels xRels
	if err := b.decodeSmall("_rels/.rels", &rootRels); err != nil {
		return err
	}
	wbPath := ""
	for _, r := range rootRels.Rel {
		if r.Type == relOfficeDocument || r.Type == relOfficeDocumentStrict {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	if wbPath == "" || b.parts[wbPath] == nil {
		return unsupported("no workbook part in the package")
	}
	var wb xWorkbook
	if err := b.decodeSmall(wbPath, &wb); err != nil {
		return err
	}
	if wb.XMLName.Space != nsMain {
		return unsupported("%s is not a SpreadsheetML workbook", wbPath)
	}
	if wb.WorkbookPr != nil && wb.WorkbookPr.Date1904 != nil {
		v, err := strconv.ParseBool(strings.TrimSpace(*wb.WorkbookPr.Date1904))
		if err != nil {
			return unsupported("workbookPr date1904=%q", *wb.WorkbookPr.Date1904)
		}
		b.date1904 = v
	}
	wbDir := path.Dir(wbPath)
	relsPath := strings.TrimPrefix(wbDir+"/_rels/"+path.Base(wbPath)+".rels", "./")
	var rels xRels
	if b.parts[relsPath] != nil {
		if err := b.decodeSmall(relsPath, &rels); err != nil {
			return err
		}
	}
	target := func(t string) string {
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(path.Clean(t), "/")
		}
		return strings.TrimPrefix(path.Clean(wbDir+"/"+t), "/")
	}
	for _, s := range wb.Sheets {
		ref := sheetRef{name: s.Name}
		for _, r := range rels.Rel {
			if r.ID == s.RID {
				if p := target(r.Target); b.parts[p] != nil {
					ref.part = p
				}
			}
		}
		b.sheets = append(b.sheets, ref)
	}
	// excelize reads the shared strings from their usual path whatever the
	// relationships say; a workbook that keeps them elsewhere would read
	// differently here than there, so leave it to excelize.
	for _, r := range rels.Rel {
		if (r.Type == relSharedStrings || r.Type == relSharedStringsStrict) && !strings.EqualFold(target(r.Target), sstPart) {
			return unsupported("shared strings at %s", target(r.Target))
		}
	}
	if f := b.parts[sstPart]; f != nil {
		// A shared string is only of use to a cell that refers to it, and
		// a cell referring to one takes at least 16 bytes of sheet XML: a
		// table larger than the sheets could use is refused before it is
		// read, whatever its own size (ten million empty items zip to a
		// few hundred kilobytes and would cost minutes and gigabytes).
		var sheetBytes uint64
		for _, s := range b.sheets {
			if s.part != "" {
				sheetBytes += b.parts[s.part].UncompressedSize64
			}
		}
		b.maxStrings = int(max(minSharedStrings, min(sheetBytes/16, 1<<40)))
		if err := b.readSharedStrings(f); err != nil {
			return fmt.Errorf("%s: %w", sstPart, err)
		}
	}
	return b.readStyles()
}

// openPart opens a part for reading, counting what it inflates.
func (b *Book) openPart(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	return &limitReader{rc: rc, left: b.opt.MaxPartBytes, name: f.Name}, nil
}

// limitReader fails once a part inflates past the limit.
type limitReader struct {
	rc   io.ReadCloser
	left int64
	name string
}

func (l *limitReader) Read(p []byte) (int, error) {
	n, err := l.rc.Read(p)
	if l.left -= int64(n); l.left < 0 {
		return 0, fmt.Errorf("%w: %s inflates past the limit", ErrTooLarge, l.name)
	}
	return n, err
}

func (l *limitReader) Close() error { return l.rc.Close() }

// decodeSmall decodes a small part with encoding/xml, as excelize does,
// after mapping strict OOXML namespaces to the transitional ones.
func (b *Book) decodeSmall(name string, v any) error {
	f := b.parts[name]
	if f == nil {
		return unsupported("no %s in the package", name)
	}
	if f.UncompressedSize64 > maxSmallPart {
		return unsupported("%s is %d bytes", name, f.UncompressedSize64)
	}
	rc, err := b.openPart(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxSmallPart+1))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxSmallPart {
		return unsupported("%s is over %d bytes", name, maxSmallPart)
	}
	if bytes.Contains(data, []byte("purl.oclc.org")) {
		data = bytes.ReplaceAll(data, []byte(nsRelationshipsStrict), []byte(nsRelationships))
		data = bytes.ReplaceAll(data, []byte(nsMainStrict), []byte(nsMain))
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	// No CharsetReader: a part in another encoding than UTF-8 fails here
	// and is left to excelize, which converts it.
	if err := dec.Decode(v); err != nil && err != io.EOF {
		return unsupported("%s: %v", name, err)
	}
	return nil
}

type xRels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xWorkbook struct {
	XMLName    xml.Name
	WorkbookPr *struct {
		Date1904 *string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name    string `xml:"name,attr"`
		SheetID int    `xml:"sheetId,attr,omitempty"`
		RID     string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

type xStyles struct {
	NumFmts []struct {
		ID           int    `xml:"numFmtId,attr"`
		FormatCode   string `xml:"formatCode,attr"`
		FormatCode16 string `xml:"formatCode16,attr"`
	} `xml:"numFmts>numFmt"`
	CellXfs []struct {
		NumFmtID *int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// readStyles works out, for each cell format, whether it shows a date or a
// time. A missing or unreadable styles part only means no cell is known to
// be a date: excelize reads the values the same way without it.
func (b *Book) readStyles() error {
	if b.parts[stylesPart] == nil {
		return nil
	}
	var st xStyles
	if err := b.decodeSmall(stylesPart, &st); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return err
		}
		return nil
	}
	custom := map[int]string{}
	for i := len(st.NumFmts) - 1; i >= 0; i-- { // the first one wins, as in excelize
		f := st.NumFmts[i]
		if f.FormatCode16 != "" {
			custom[f.ID] = f.FormatCode16
		} else {
			custom[f.ID] = f.FormatCode
		}
	}
	b.dateXf = make([]bool, len(st.CellXfs))
	for i, xf := range st.CellXfs {
		id := 0
		if xf.NumFmtID != nil {
			id = *xf.NumFmtID
		}
		if code, ok := custom[id]; ok {
			b.dateXf[i] = IsDateFormat(code)
		} else {
			b.dateXf[i] = isBuiltInDate(id)
		}
	}
	return nil
}

// isBuiltInDate reports whether a built-in number format id is a date or a
// time: 14–22 and 45–47 in every locale, and the ids that East Asian
// locales (zh-CN among them) and Thai give to their date formats.
func isBuiltInDate(id int) bool {
	return 14 <= id && id <= 22 || 27 <= id && id <= 36 || 45 <= id && id <= 47 ||
		50 <= id && id <= 58 || 71 <= id && id <= 81
}

// IsDateFormat reports whether a number format code shows a number as a
// date or a time: its first section has date or time tokens (y, m, d, h,
// s, AM/PM, [h] …) once quoted text, escapes, colours and locale tags are
// set aside. It tokenizes with the parser excelize formats cells with.
func IsDateFormat(code string) bool {
	p := nfp.NumberFormatParser()
	sections := p.Parse(code)
	if len(sections) == 0 {
		return false
	}
	for _, t := range sections[0].Items {
		if t.TType == nfp.TokenTypeDateTimes || t.TType == nfp.TokenTypeElapsedDateTimes {
			return true
		}
	}
	return false
}
