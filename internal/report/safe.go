package report

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/certready/certready/internal/cellsafe"
)

// SafeCell neutralises text a spreadsheet would read as a formula. A
// finding message quotes what the client typed into their own records, so a
// record reading "=HYPERLINK(...)" must not become a live formula on the
// consultant's machine. Following the OWASP advice on CSV injection, text
// starting with =, +, -, @, a tab or a carriage return gets a leading single
// quote. It is the rule every writer of certready uses (cellsafe.Escape),
// and the loader removes it again (cellsafe.Unescape).
func SafeCell(s string) string { return cellsafe.Escape(s) }

// utf8BOM lets Excel, which otherwise guesses a legacy code page for CSV,
// open Chinese text correctly.
const utf8BOM = "\uFEFF"

// WriteCSV writes rows as CSV for spreadsheets: a UTF-8 byte-order mark,
// then every cell through SafeCell, CRLF line ends as RFC 4180 asks.
func WriteCSV(w io.Writer, rows [][]string) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rec := []string{}
	for _, row := range rows {
		rec = rec[:0]
		for _, c := range row {
			rec = append(rec, SafeCell(c))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}
