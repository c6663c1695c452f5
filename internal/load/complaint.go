package load

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/certready/certready/internal/cellsafe"
	"github.com/certready/certready/internal/dossier"
)

// complaintSetter stores one cell's text into a complaint. Setters are
// bound once per file, so a row costs no lookups by header name.
type complaintSetter func(c *dossier.Complaint, s string, cx *cellCtx) error

// cellCtx carries what a setter needs to parse a value.
type cellCtx struct {
	loc      *time.Location
	excel    bool
	date1904 bool
	// utf8OK is set when the whole row is known to be valid UTF-8 (the CSV
	// reader checks each row on its own goroutine), so the per-cell check
	// is skipped.
	utf8OK bool
	days   dayCache
	// dateCell, when set, tells whether cell col of the row is formatted
	// as a date (a workbook's number format); col is the cell a setter is
	// given.
	dateCell func(col int) bool
	col      int
}

func (cx *cellCtx) when(s string) (time.Time, error) {
	if cx.excel && len(s) > 0 && s[0] >= '0' && s[0] <= '9' && !strings.ContainsAny(s, "-/年:") {
		v, err := strconv.ParseFloat(s, 64)
		if err == nil {
			t, err := FromExcelSerial(v, cx.date1904, cx.loc)
			if err != nil {
				return t, fmt.Errorf("expected a date-time (%s), got the number %s", dateTimeLayoutsHelp, s)
			}
			return t, nil
		}
	}
	if t, ok := cx.days.parse(s, cx.loc); ok {
		return t, nil
	}
	t, _, err := ParseDateTime(s, cx.loc)
	if err != nil {
		return t, fmt.Errorf("expected a date-time (%s), got %q", dateTimeLayoutsHelp, s)
	}
	return t, nil
}

func setTime(dst func(*dossier.Complaint) *time.Time) complaintSetter {
	return func(c *dossier.Complaint, s string, cx *cellCtx) error {
		t, err := cx.when(s)
		if err != nil {
			return err
		}
		*dst(c) = t
		return nil
	}
}

func setString(dst func(*dossier.Complaint) *string) complaintSetter {
	return func(c *dossier.Complaint, s string, cx *cellCtx) error {
		if cx.dateCell != nil && cx.dateCell(cx.col) {
			s = serialText(s, cx)
		}
		*dst(c) = s
		return nil
	}
}

// serialText gives a date-formatted number in a text column the text a
// reader of the sheet sees (2025-07-03, or 2025-07-03 14:05) rather than
// the serial underneath; anything else is kept as it is.
func serialText(s string, cx *cellCtx) string {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	t, err := FromExcelSerial(v, cx.date1904, cx.loc)
	if err != nil {
		return s
	}
	switch {
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format(time.DateOnly)
	case t.Second() == 0:
		return t.Format("2006-01-02 15:04")
	}
	return t.Format(time.DateTime)
}

func setEnum(fl dossier.Field, dst func(*dossier.Complaint) *string, user map[string]string, scale string) complaintSetter {
	// The enum values are few; the canonical spelling costs one comparison
	// per value, and every other accepted spelling (the organisation's own
	// value mapping, a rating on its scale, Chinese label, case, alias) is
	// worked out once per distinct text and remembered. A log uses a
	// handful of spellings, so a short list scanned in order beats hashing
	// the text on every row.
	type spelling struct{ text, value string }
	var known []spelling
	return func(c *dossier.Complaint, s string, _ *cellCtx) error {
		for _, e := range fl.Enum {
			if s == e {
				*dst(c) = e
				return nil
			}
		}
		for _, k := range known {
			if s == k.text {
				*dst(c) = k.value
				return nil
			}
		}
		v, ok := user[valueKey(s)]
		if !ok && scale != "" {
			v, ok = scaleSatisfaction(scale, s)
		}
		if !ok {
			v = canonicalEnum(&fl, s)
		}
		for _, e := range fl.Enum {
			if v == e {
				if len(known) < 64 {
					known = append(known, spelling{strings.Clone(s), e})
				}
				*dst(c) = e
				return nil
			}
		}
		return fmt.Errorf("%s, got %q (map the CRM's values under complaints.values.%s in certready.yaml)", enumChoices(&fl, s), s, fl.Key)
	}
}

// setMapped applies the organisation's value mapping to a text field
// (channel, category) before storing it.
func setMapped(dst func(*dossier.Complaint) *string, user map[string]string) complaintSetter {
	if len(user) == 0 {
		return setString(dst)
	}
	return func(c *dossier.Complaint, s string, cx *cellCtx) error {
		if v, ok := user[valueKey(s)]; ok {
			s = v
		}
		*dst(c) = s
		return nil
	}
}

// setBool reads a yes/no cell through the value mapping, then the usual
// spellings (是/否, Y/N, true/false, 1/0).
func setBool(set func(*dossier.Complaint, bool), user map[string]string) complaintSetter {
	return func(c *dossier.Complaint, s string, _ *cellCtx) error {
		if v, ok := user[valueKey(s)]; ok {
			s = v
		}
		b, ok := ParseBool(s)
		if !ok {
			return fmt.Errorf("expected yes or no (是/否, Y/N, true/false, 1/0), got %q (map the CRM's words under complaints.values in certready.yaml)", s)
		}
		set(c, b)
		return nil
	}
}

// complaintSetters binds every complaint field key to its setter.
func complaintSetters(sp *logSpec) map[string]complaintSetter {
	if sp == nil {
		sp = &logSpec{}
	}
	vals := sp.values
	fields := map[string]dossier.Field{}
	for _, f := range dossier.ComplaintFields() {
		fields[f.Key] = f
	}
	return map[string]complaintSetter{
		"id":                setString(func(c *dossier.Complaint) *string { return &c.ID }),
		"received_at":       setTime(func(c *dossier.Complaint) *time.Time { return &c.ReceivedAt }),
		"channel":           setMapped(func(c *dossier.Complaint) *string { return &c.Channel }, vals["channel"]),
		"category":          setMapped(func(c *dossier.Complaint) *string { return &c.Category }, vals["category"]),
		"complexity":        setEnum(fields["complexity"], func(c *dossier.Complaint) *string { return &c.Complexity }, vals["complexity"], ""),
		"risk":              setEnum(fields["risk"], func(c *dossier.Complaint) *string { return &c.Risk }, vals["risk"], ""),
		"description":       setString(func(c *dossier.Complaint) *string { return &c.Description }),
		"complainant":       setString(func(c *dossier.Complaint) *string { return &c.Complainant }),
		"phone":             setString(func(c *dossier.Complaint) *string { return &c.Phone }),
		"email":             setString(func(c *dossier.Complaint) *string { return &c.Email }),
		"acknowledged_at":   setTime(func(c *dossier.Complaint) *time.Time { return &c.AcknowledgedAt }),
		"first_response_at": setTime(func(c *dossier.Complaint) *time.Time { return &c.FirstResponseAt }),
		"steps":             setString(func(c *dossier.Complaint) *string { return &c.Steps }),
		"plan":              setString(func(c *dossier.Complaint) *string { return &c.Plan }),
		"updates": func(c *dossier.Complaint, s string, _ *cellCtx) error {
			n, err := strconv.Atoi(strings.TrimSuffix(s, ".0"))
			if err != nil || n < 0 {
				return fmt.Errorf("expected a whole number, got %q", s)
			}
			c.Updates = n
			return nil
		},
		"escalated_at":          setTime(func(c *dossier.Complaint) *time.Time { return &c.EscalatedAt }),
		"escalated_to":          setString(func(c *dossier.Complaint) *string { return &c.EscalatedTo }),
		"extension_approved_at": setTime(func(c *dossier.Complaint) *time.Time { return &c.ExtensionApprovedAt }),
		"resolved_at":           setTime(func(c *dossier.Complaint) *time.Time { return &c.ResolvedAt }),
		"closed_at":             setTime(func(c *dossier.Complaint) *time.Time { return &c.ClosedAt }),
		"status":                setEnum(fields["status"], func(c *dossier.Complaint) *string { return &c.Status }, vals["status"], ""),
		"handler":               setMapped(func(c *dossier.Complaint) *string { return &c.Handler }, vals["handler"]),
		"root_cause":            setString(func(c *dossier.Complaint) *string { return &c.RootCause }),
		"corrective_action":     setString(func(c *dossier.Complaint) *string { return &c.CorrectiveAction }),
		"follow_up_at":          setTime(func(c *dossier.Complaint) *time.Time { return &c.FollowUpAt }),
		"satisfaction":          setEnum(fields["satisfaction"], func(c *dossier.Complaint) *string { return &c.Satisfaction }, vals["satisfaction"], sp.scale),
		"feedback":              setString(func(c *dossier.Complaint) *string { return &c.Feedback }),
		"rehandled":             setBool(func(c *dossier.Complaint, b bool) { c.Rehandled = b }, vals["rehandled"]),
		"escalated": setBool(func(c *dossier.Complaint, b bool) {
			c.Escalated = dossier.No
			if b {
				c.Escalated = dossier.Yes
			}
		}, vals["escalated"]),
		"customer_uscc": func(c *dossier.Complaint, s string, _ *cellCtx) error {
			c.CustomerUSCC = strings.ToUpper(s)
			return nil
		},
		"charge": func(c *dossier.Complaint, s string, _ *cellCtx) error {
			v, err := strconv.ParseFloat(s, 64)
			// NaN passes v < 0 and would be silently no charge; +Inf, or a
			// sum of huge amounts overflowing to it, would break the JSON
			// report: no complaint is charged a quadrillion.
			if err != nil || v < 0 || math.IsNaN(v) || v > maxCharge {
				return fmt.Errorf("expected an amount from 0 to %g, got %q", float64(maxCharge), s)
			}
			c.Charge = v
			return nil
		},
		"decision_communicated_at": setTime(func(c *dossier.Complaint) *time.Time { return &c.DecisionCommunicatedAt }),
		"recourse_offered": setBool(func(c *dossier.Complaint, b bool) {
			c.RecourseOffered = dossier.No
			if b {
				c.RecourseOffered = dossier.Yes
			}
		}, vals["recourse_offered"]),
	}
}

// maxCharge bounds one complaint's charge so that the sum over a log of
// millions of rows stays finite and exact to the cent.
const maxCharge = 1e12

// headerIndex maps header text (English, Chinese, alias or canonical key,
// case-insensitive) to canonical keys for one record type.
func headerIndex(fields []dossier.Field, mapping map[string]string) map[string]string {
	idx := map[string]string{}
	for _, f := range fields {
		for _, h := range append([]string{f.Key, f.EN, f.ZH}, f.Aliases...) {
			idx[normHeader(h)] = f.Key
		}
	}
	for from, to := range mapping {
		idx[normHeader(from)] = to
	}
	return idx
}

// normHeader folds case, spaces and the "*" marking required columns.
func normHeader(h string) string {
	h = trimSpaceAll(strings.TrimSuffix(trimSpaceAll(h), "*"))
	h = strings.ReplaceAll(h, "\n", " ")
	// Template headers read "Received at / 受理时间": either half matches.
	return strings.ToLower(h)
}

// matchHeader returns the canonical key of a header cell, trying the
// bilingual "English / 中文" form the template writes.
func matchHeader(idx map[string]string, h string) (string, bool) {
	n := normHeader(h)
	if k, ok := idx[n]; ok {
		return k, true
	}
	if i := strings.Index(n, " / "); i >= 0 {
		if k, ok := idx[strings.TrimSpace(n[:i])]; ok {
			return k, true
		}
		if k, ok := idx[strings.TrimSpace(n[i+3:])]; ok {
			return k, true
		}
	}
	return "", false
}

// complaintBinding is a header row bound to setters.
type complaintBinding struct {
	setters  []complaintSetter // by column; nil = ignored column
	keys     []string
	headers  []string
	required []int // columns of required fields
	// ignored are the non-blank headers no field takes, by column index.
	ignored []ignoredHeader
}

type ignoredHeader struct {
	col    int
	header string
	likely string // the field it probably is, or ""
}

var errNoHeader = errors.New("no header row found")

// sourceHeaders maps each bound field to the header text it was read from.
func (b *complaintBinding) sourceHeaders() map[string]string {
	out := map[string]string{}
	for i, k := range b.keys {
		if k != "" && i < len(b.headers) {
			out[k] = b.headers[i]
		}
	}
	return out
}

// bindComplaintHeader binds a header row, refusing duplicates and a header
// that lacks a required column. Headers no field takes are kept, with the
// field each probably means, so that nothing is dropped in silence.
func bindComplaintHeader(row []string, sp *logSpec) (*complaintBinding, error) {
	if sp == nil {
		sp = &logSpec{}
	}
	fields := dossier.ComplaintFields()
	idx := headerIndex(fields, sp.mapping)
	setters := complaintSetters(sp)
	b := &complaintBinding{setters: make([]complaintSetter, len(row)), keys: make([]string, len(row)), headers: row}
	seen := map[string]int{}
	var unknown []int
	for i, h := range row {
		k, ok := matchHeader(idx, h)
		if !ok {
			if trimSpaceAll(h) != "" && !sp.ignore[normHeader(h)] {
				unknown = append(unknown, i)
			}
			continue
		}
		if j, dup := seen[k]; dup {
			return nil, fmt.Errorf("columns %d (%q) and %d (%q) both map to %s", j+1, row[j], i+1, h, k)
		}
		seen[k] = i
		s, ok := setters[k]
		if !ok {
			return nil, fmt.Errorf("column %q maps to unknown field %q; %s", h, k, fieldChoices(fields, k))
		}
		b.setters[i], b.keys[i] = s, k
	}
	for _, i := range unknown {
		ig := ignoredHeader{col: i, header: row[i]}
		var cands []string
		for _, f := range fields {
			if _, bound := seen[f.Key]; bound {
				continue
			}
			cands = append(cands, f.ZH, f.EN)
			cands = append(cands, f.Aliases...)
		}
		if g := suggest(normHeader(row[i]), cands); g != "" {
			for _, f := range fields {
				if g == f.ZH || g == f.EN || slices.Contains(f.Aliases, g) {
					ig.likely = f.Key
					break
				}
			}
		}
		b.ignored = append(b.ignored, ig)
	}
	var missing []string
	for _, f := range fields {
		if f.Required {
			if i, ok := seen[f.Key]; ok {
				b.required = append(b.required, i)
			} else {
				missing = append(missing, fmt.Sprintf("%s (%s / %s)", f.Key, f.EN, f.ZH))
			}
		}
	}
	if len(missing) > 0 {
		msg := fmt.Sprintf("the complaint log has no column for %s", strings.Join(missing, ", "))
		for _, ig := range b.ignored {
			if ig.likely != "" {
				msg += fmt.Sprintf("; column %q may be %s (map it under complaints.columns)", ig.header, ig.likely)
			}
		}
		return nil, errors.New(msg)
	}
	return b, nil
}

// ignoredColumns positions the binding's ignored headers; at gives a
// column's header cell.
func (b *complaintBinding) ignoredColumns(at func(col int) dossier.Pos) []dossier.IgnoredColumn {
	out := make([]dossier.IgnoredColumn, 0, len(b.ignored))
	for _, ig := range b.ignored {
		out = append(out, dossier.IgnoredColumn{Header: trimSpaceAll(ig.header), Pos: at(ig.col), Likely: ig.likely})
	}
	return out
}

// headerScore counts the cells of a row that are known complaint headers;
// the header row is the first with at least three.
func headerScore(row []string, sp *logSpec) int {
	var mapping map[string]string
	if sp != nil {
		mapping = sp.mapping
	}
	idx := headerIndex(dossier.ComplaintFields(), mapping)
	n := 0
	for _, h := range row {
		if _, ok := matchHeader(idx, h); ok {
			n++
		}
	}
	return n
}

// excelErrors are the error values a formula cell can hold.
var excelErrors = map[string]bool{"#N/A": true, "#REF!": true, "#VALUE!": true, "#DIV/0!": true, "#NAME?": true, "#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true}

// fill parses one row into c (reset first). where(i) gives a column's
// position for errors; onErr decides whether to go on. Every error is a
// *dossier.PosError around a *dossier.FieldError, so a reader of the
// problems can group them by field and kind.
func (b *complaintBinding) fill(c *dossier.Complaint, row []string, cx *cellCtx, maxCell int, where func(i int) dossier.Pos, onErr func(error) error) error {
	*c = dossier.Complaint{}
	problem := func(i int, kind string, err error) error {
		return onErr(&dossier.PosError{Pos: where(i), Err: &dossier.FieldError{Field: b.keys[i], Kind: kind, Err: err}})
	}
	for i, s := range row {
		if i >= len(b.setters) || b.setters[i] == nil {
			continue
		}
		if len(s) > maxCell {
			if err := problem(i, "too-large", fmt.Errorf("cell is %d bytes, over the %d-byte limit (CERTREADY_MAX_CELL_BYTES)", len(s), maxCell)); err != nil {
				return err
			}
			continue
		}
		if s == "" {
			continue
		}
		if s[0] == '\'' {
			s = cellsafe.Unescape(s) // undo the formula guard of certready's writers
		}
		if s = trimSpaceAll(s); s == "" {
			continue
		}
		if s[0] == '#' && excelErrors[s] {
			if err := problem(i, "excel-error", fmt.Errorf("the cell holds the Excel error %s; replace it with a value", s)); err != nil {
				return err
			}
			continue
		}
		if !cx.excel && !cx.utf8OK && !utf8.ValidString(s) {
			if err := problem(i, "not-utf8", errors.New("text is not UTF-8; if the file is GB18030, set complaints.encoding: gb18030 in certready.yaml")); err != nil {
				return err
			}
			continue
		}
		cx.col = i
		if err := b.setters[i](c, s, cx); err != nil {
			if err := problem(i, "unreadable", err); err != nil {
				return err
			}
		}
	}
	for _, i := range b.required {
		if i >= len(row) || trimSpaceAll(row[i]) == "" {
			if err := problem(i, "missing", errors.New("required, but the cell is blank")); err != nil {
				return err
			}
		}
	}
	return nil
}
