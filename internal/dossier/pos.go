// Package dossier holds the typed model of an organisation's records: the
// facts an ISO 10002 / GB/T 19012 audit is run over. Every record and every
// field that can be wrong carries the position it was read from, so that a
// finding or an input error can point a person at the exact cell or line.
package dossier

import (
	"fmt"
	"strconv"
)

// Pos is where a value came from. Exactly one of the three shapes is used:
// YAML (File, Line, Col), Excel (File, Sheet, Cell) or CSV (File, Row, Column).
type Pos struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Col    int    `json:"column,omitempty"`
	Sheet  string `json:"sheet,omitempty"`
	Cell   string `json:"cell,omitempty"`
	Row    int    `json:"row,omitempty"`
	Column string `json:"csv_column,omitempty"`
}

// IsZero reports whether p names no place at all.
func (p Pos) IsZero() bool { return p == Pos{} }

// String renders the position the way each tool's users expect to read it:
// file:line:col for YAML, book.xlsx!Sheet!C12 for Excel, and
// file.csv:row 12, column "受理时间" for CSV.
func (p Pos) String() string {
	switch {
	case p.Sheet != "":
		if p.Cell == "" {
			return p.File + "!" + p.Sheet
		}
		return p.File + "!" + p.Sheet + "!" + p.Cell
	case p.Row > 0:
		s := p.File + ":row " + strconv.Itoa(p.Row)
		if p.Column != "" {
			s += ", column " + strconv.Quote(p.Column)
		}
		return s
	case p.Line > 0:
		if p.Col > 0 {
			return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
		}
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// PosError is an input error tied to a place in the dossier.
type PosError struct {
	Pos Pos
	Err error
}

func (e *PosError) Error() string {
	if e.Pos.IsZero() {
		return e.Err.Error()
	}
	return e.Pos.String() + ": " + e.Err.Error()
}

func (e *PosError) Unwrap() error { return e.Err }

// Errorf builds a PosError; %w in format wraps as usual.
func Errorf(p Pos, format string, args ...any) error {
	return &PosError{Pos: p, Err: fmt.Errorf(format, args...)}
}
