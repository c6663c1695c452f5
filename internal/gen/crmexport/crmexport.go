// Package crmexport generates a complaint export the way a Chinese CRM
// writes one, not the way certready's template does: its own headers on
// row 2 under a title row, a blank row, mixed date forms, U+3000 and NBSP
// padding, numeric phones, satisfaction as words or 1–5, 是否升级 as
// 是/否/blank, a customer USCC column (some codes invalid), duplicate ids,
// rows missing a required value, cells with newlines, a column nobody
// maps, its own words for "done" (已办结 and 已解决 as well as 已结案), the
// time the decision was communicated and whether recourse was offered
// (已告知/未告知), and no plan, update-count or re-handled columns at all.
//
// Every row is also returned as Truth — what was planted, in plain Go
// values — so a test can count what each rule must flag without reading
// the files back through certready.
package crmexport

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Truth is one planted row.
type Truth struct {
	Row int    // as a spreadsheet numbers it
	ID  string // "" never; duplicates happen
	// Received is zero when the cell is left blank (an incomplete row).
	Received      time.Time
	Channel       string // as certready should read it (trimmed)
	Category      string
	Complex       bool
	Risk          string // low, medium, high
	Description   string
	FirstResponse time.Time
	Steps         string
	Escalated     string // "yes", "no" or "" (blank)
	Resolved      time.Time
	Closed        time.Time
	// Status is the canonical status, "" when the cell is left blank.
	Status       string
	Handler      string
	RootCause    string
	Corrective   string
	FollowUp     time.Time
	Satisfaction string // canonical value or ""
	USCC         string // normalised (trimmed, upper-case) or ""
	USCCValid    bool
	// Decided is when the decision was communicated, zero when blank;
	// Recourse is "yes", "no" or "" (blank).
	Decided  time.Time
	Recourse string
}

// Header is the export's header row, in the CRM's words.
var Header = []string{"工单编号", "受理日期", "来源渠道", "问题分类", "复杂程度", "风险等级", "投诉描述", "客户姓名", "联系电话",
	"首次响应时间", "处理结果", "是否升级", "解决时间", "结案时间", "告知时间", "工单状态", "处理人", "根本原因分析", "整改措施", "回访时间",
	"满意度", "是否告知救济渠道", "客户统一社会信用代码", "备注"}

// Title is the first row, above the header.
const Title = "甬城优选超市 客诉工单导出（2026年1月–11月）"

// Channels and Categories are what the CRM writes, which the dossier
// declares as they are.
var (
	Channels   = []string{"电话", "微信", "官网", "门店"}
	Categories = []string{"商品质量", "服务态度", "配送", "价格"}
)

var statusWords = map[string][]string{
	"closed":      {"已结案", "已结案", "已关闭"},
	"resolved":    {"已办结", "已解决"},
	"open":        {"已受理", "待处理"},
	"in_progress": {"处理中", "跟进中"},
	"withdrawn":   {"已撤销"},
}

var satWords = map[string]string{"very_satisfied": "非常满意", "satisfied": "满意", "neutral": "一般", "dissatisfied": "不满意", "very_dissatisfied": "非常不满意"}
var satDigits = map[string]string{"very_satisfied": "5", "satisfied": "4", "neutral": "3", "dissatisfied": "2", "very_dissatisfied": "1"}

// cst is the CRM's wall clock.
var cst = time.FixedZone("CST", 8*3600)

// Export is a generated export: its rows as cells, and the truth of each.
type Export struct {
	Rows  [][]string // title, header, data and blank rows, as a spreadsheet shows them
	Truth []Truth
	// Phone marks the column whose digits the xlsx stores as numbers.
	Phone int
}

// Generate plants n data rows, reproducibly from seed; asOf is the day the
// export is taken (no receipt is later).
func Generate(n int, seed uint64, asOf time.Time) *Export {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	e := &Export{Phone: 8}
	e.Rows = append(e.Rows, []string{Title}, append([]string(nil), Header...))
	start := time.Date(2026, 1, 5, 0, 0, 0, 0, cst)
	// Receipts end 45 days before the export, so that every time limit of
	// a row is decided by the export date, except for the few open rows
	// received on the day itself.
	span := asOf.Sub(start) - 45*24*time.Hour
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	pad := func(s string) string {
		switch r.IntN(10) {
		case 0:
			return "\u3000" + s
		case 1:
			return s + "\u00a0"
		case 2:
			return "\u200b" + s + " "
		}
		return s
	}
	for i := 0; i < n; i++ {
		if i == n/3 {
			e.Rows = append(e.Rows, []string{}) // a blank row mid-export
		}
		t := Truth{Row: len(e.Rows) + 1, ID: fmt.Sprintf("GD%06d", 1000+i)}
		if i%97 == 5 && i > 0 {
			t.ID = e.Truth[len(e.Truth)-1].ID // a duplicate id
		}
		t.Received = start.Add(time.Duration(r.Int64N(int64(span)))).Truncate(time.Minute)
		t.Channel = pick(Channels)
		if i%151 == 7 {
			t.Channel = "传真" // not declared
		}
		t.Category = pick(Categories)
		if i%173 == 11 {
			t.Category = "其他问题" // not declared
		}
		t.Complex = r.IntN(6) == 0
		t.Risk = []string{"low", "low", "medium", "high"}[r.IntN(4)]
		t.Description = "顾客反映" + t.Category + "问题"
		if r.IntN(15) == 0 {
			t.Description += "\n第二行补充说明" // a cell with a newline
		}
		if r.IntN(40) == 0 {
			t.Description = ""
		}
		t.Status = []string{"closed", "closed", "closed", "resolved", "open", "in_progress", "withdrawn"}[r.IntN(7)]
		// Open rows: most are old (overdue), a few arrive on the as-of day.
		if (t.Status == "open" || t.Status == "in_progress") && r.IntN(4) == 0 {
			t.Received = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 8, r.IntN(60), 0, 0, cst)
		}
		if t.Status != "open" {
			// Within 24 h, or between 30 and 60 h: ack and feedback limits.
			if r.IntN(5) == 0 {
				t.FirstResponse = t.Received.Add(time.Duration(30+r.IntN(30)) * time.Hour)
			} else {
				t.FirstResponse = t.Received.Add(time.Duration(10+r.IntN(1000)) * time.Minute)
			}
			if r.IntN(25) != 0 {
				t.Steps = "核实情况；与顾客沟通处理方案"
			}
			if i%157 == 13 {
				// Keyed in before the receipt time: an impossible record.
				t.FirstResponse = t.Received.Add(-2 * time.Hour)
			}
		}
		if t.Status == "closed" || t.Status == "resolved" {
			// Within a day of the first response, or 20–40 days later.
			if r.IntN(8) == 0 {
				t.Resolved = t.Received.Add(time.Duration(20+r.IntN(20)) * 24 * time.Hour)
			} else {
				t.Resolved = t.FirstResponse.Add(time.Duration(r.IntN(600)) * time.Minute)
			}
			if r.IntN(30) == 0 {
				t.Resolved = time.Time{} // no resolution time
			}
		}
		if t.Status == "closed" {
			if t.Resolved.IsZero() {
				// Closed without a resolution time, within the limits.
				t.Closed = t.FirstResponse.Add(time.Duration(1+r.IntN(9)) * time.Hour)
			} else {
				t.Closed = t.Resolved.Add(time.Duration(1+r.IntN(48)) * time.Hour)
			}
		}
		if t.Status == "closed" || t.Status == "resolved" {
			// Finished: the CRM's "done" words 已办结 and 已解决 map to
			// resolved, 已结案 to closed, and either owes the follow-through.
			end := t.Closed
			if end.IsZero() {
				end = t.Resolved
			}
			if end.IsZero() {
				end = t.FirstResponse
			}
			if r.IntN(6) != 0 {
				t.RootCause = "门店" + t.Category + "管理不到位"
			}
			if r.IntN(7) != 0 {
				t.Corrective = "加强培训与巡检"
			}
			if r.IntN(5) != 0 {
				t.FollowUp = end.Add(time.Duration(2+r.IntN(70)) * time.Hour)
			}
			if r.IntN(8) != 0 {
				t.Satisfaction = []string{"very_satisfied", "satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied"}[r.IntN(6)]
			}
			if r.IntN(12) != 0 {
				t.Decided = end.Add(-time.Duration(r.IntN(60)) * time.Minute)
				if t.Decided.Before(t.Received) {
					t.Decided = t.Received.Add(time.Hour)
				}
			}
			if t.Satisfaction == "dissatisfied" || t.Satisfaction == "very_dissatisfied" {
				t.Recourse = []string{"yes", "yes", "no", ""}[r.IntN(4)]
			}
		}
		if t.Risk == "high" {
			t.Escalated = []string{"yes", "yes", "no", ""}[r.IntN(4)]
		} else if r.IntN(3) == 0 {
			t.Escalated = "no"
		}
		t.Handler = fmt.Sprintf("客服%02d", 1+r.IntN(12))
		if r.IntN(4) == 0 {
			t.USCC, t.USCCValid = uscc(r)
		}
		// Incomplete rows: a blank receipt time or status.
		switch i % 211 {
		case 17:
			t.Received = time.Time{}
		case 101:
			t.Status = ""
		}
		e.Truth = append(e.Truth, t)
		e.Rows = append(e.Rows, cells(t, r, pad))
	}
	return e
}

// cells writes a row as the CRM does: its words, several date forms,
// padding.
func cells(t Truth, r *rand.Rand, pad func(string) string) []string {
	when := func(x time.Time) string {
		if x.IsZero() {
			return ""
		}
		switch r.IntN(4) {
		case 0:
			return x.Format("2006/1/2 15:04")
		case 1:
			return x.Format("2006年1月2日 15:04")
		case 2:
			return x.Format("2006-01-02 15:04:05")
		}
		return x.Format("2006-01-02 15:04")
	}
	status := ""
	if t.Status != "" {
		ws := statusWords[t.Status]
		status = ws[r.IntN(len(ws))]
	}
	sat := ""
	if t.Satisfaction != "" {
		if r.IntN(2) == 0 {
			sat = satWords[t.Satisfaction]
		} else {
			sat = satDigits[t.Satisfaction]
		}
	}
	esc := map[string]string{"yes": "是", "no": "否", "": ""}[t.Escalated]
	recourse := map[string]string{"yes": "已告知", "no": "未告知", "": ""}[t.Recourse]
	complexity := "简单"
	if t.Complex {
		complexity = "复杂"
	}
	risk := map[string]string{"low": "低", "medium": "中", "high": "高"}[t.Risk]
	usccCell := t.USCC
	if usccCell != "" && r.IntN(3) == 0 {
		usccCell = " " + strings.ToLower(usccCell) + "\u3000"
	}
	return []string{
		t.ID, when(t.Received), pad(t.Channel), pad(t.Category), complexity, pad(risk), t.Description,
		"顾客" + strconv.Itoa(r.IntN(900)), "13" + strconv.Itoa(100000000+r.IntN(899999999)),
		when(t.FirstResponse), t.Steps, esc, when(t.Resolved), when(t.Closed), when(t.Decided), pad(status), t.Handler,
		t.RootCause, t.Corrective, when(t.FollowUp), sat, recourse, usccCell, "备注" + strconv.Itoa(r.IntN(3)),
	}
}

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// uscc makes a credit code, one in three with a wrong check character.
func uscc(r *rand.Rand) (string, bool) {
	b := []byte("91330200")
	for len(b) < 17 {
		b = append(b, usccAlphabet[r.IntN(len(usccAlphabet))])
	}
	sum := 0
	for i, c := range b {
		sum += strings.IndexByte(usccAlphabet, c) * usccWeights[i]
	}
	check := usccAlphabet[(31-sum%31)%31]
	valid := r.IntN(3) != 0
	if !valid {
		check = usccAlphabet[(strings.IndexByte(usccAlphabet, check)+1)%31]
	}
	return string(append(b, check)), valid
}

// CSV renders the export as the CRM's CSV: UTF-8 with a byte-order mark,
// CRLF line ends.
func (e *Export) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, row := range e.Rows {
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// dateColumns are the columns holding date-times, and layouts the forms
// cells writes them in.
var (
	dateColumns = columns("受理日期", "首次响应时间", "解决时间", "结案时间", "告知时间", "回访时间")
	layouts     = []string{"2006/1/2 15:04", "2006年1月2日 15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"}
)

// columns returns the indices of the named header columns.
func columns(names ...string) map[int]bool {
	out := map[int]bool{}
	for _, n := range names {
		out[slices.Index(Header, n)] = true
	}
	return out
}

// serial is the Excel serial of a wall-clock time (days since 1899-12-30).
func serial(t time.Time) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return wall.Sub(base).Hours() / 24
}

// XLSX renders the export as a workbook whose one sheet is 工单明细; phone
// numbers and 1–5 ratings are stored as numbers, and every third row's
// date-times as date-formatted serials, as CRMs do.
func (e *Export) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "工单明细"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 22})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	sat := slices.Index(Header, "满意度")
	for i, row := range e.Rows {
		vals := make([]any, len(row))
		for j, c := range row {
			vals[j] = c
			if (j == e.Phone || j == sat) && i >= 2 {
				if n, err := strconv.Atoi(c); err == nil {
					vals[j] = n
				}
			}
			if dateColumns[j] && i >= 2 && i%3 == 0 && c != "" {
				for _, l := range layouts {
					if t, err := time.ParseInLocation(l, c, cst); err == nil {
						vals[j] = excelize.Cell{StyleID: dateStyle, Value: serial(t)}
						break
					}
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, vals); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
