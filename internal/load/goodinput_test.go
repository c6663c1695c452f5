package load

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/civil"
	"github.com/certready/certready/internal/dossier"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// logRows loads path, reads its complaint log and returns copies of the
// rows, failing the test on any problem.
func logRows(t *testing.T, path string) (*Result, []dossier.Complaint) {
	t.Helper()
	res, err := Load(path, Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var rows []dossier.Complaint
	if res.Dossier.Complaints != nil {
		if err := res.Dossier.Complaints.Each(func(c *dossier.Complaint) error {
			rows = append(rows, *c)
			return nil
		}); err != nil {
			t.Fatalf("reading the log: %v", err)
		}
	}
	return res, rows
}

func TestAnEmptyDossierDirectoryIsValidInputWithNoRecords(t *testing.T) {
	dir := t.TempDir()
	before := snapshot(t, dir)
	res, rows, probs := loadAndScan(t, dir)
	if len(probs) > 0 {
		t.Fatalf("an empty dossier is valid input (the audit reports what is missing); got:%s", describeProblems(probs))
	}
	d := res.Dossier
	if d.Organisation != nil || d.Resources != nil || len(d.Licences)+len(d.Documents)+len(d.People)+len(d.Channels) != 0 {
		t.Errorf("records appeared from nowhere: %+v", d)
	}
	if len(d.Present) != 0 {
		t.Errorf("Present = %v, want no record type present", d.Present)
	}
	if d.Complaints != nil || rows != 0 {
		t.Errorf("complaint log = %v with %d rows, want none", d.Complaints, rows)
	}
	if res.Config.Thresholds.AckHours != 24 {
		t.Errorf("without certready.yaml the default thresholds apply; ack_hours = %v", res.Config.Thresholds.AckHours)
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("loading wrote into the dossier: %s", after)
	}
}

func TestEvidenceInsideTheDossierIsHashedWhereItIsReferenced(t *testing.T) {
	const pdf = "%PDF-1.4 business licence scan"
	dir := dossierDir(t, map[string]string{
		"licences.yaml":         licencesWithEvidence("evidence/./licence.pdf"),
		"evidence/licence.pdf":  pdf,
		"evidence/unlisted.pdf": "not referenced",
	})
	res, _, probs := loadAndScan(t, dir)
	if len(probs) > 0 {
		t.Fatalf("problems:%s", describeProblems(probs))
	}
	sum := sha256.Sum256([]byte(pdf))
	e := res.Dossier.Evidence["evidence/licence.pdf"]
	if e == nil || !e.Exists || e.Size != int64(len(pdf)) || e.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("evidence = %+v, want the cleaned path with its size and SHA-256", e)
	}
	if want := (dossier.Pos{File: filepath.Join(dir, "licences.yaml"), Line: 4, Col: 13}); e.RefPos != want {
		t.Errorf("RefPos = %v, want %v", e.RefPos, want)
	}
	if _, ok := res.Dossier.Evidence["evidence/unlisted.pdf"]; ok {
		t.Error("a file nobody references was indexed")
	}
}

func TestCSVLogsInTheShapesRealExportsTake(t *testing.T) {
	const rows = "C1,2026-03-02 09:05,phone,酸奶已过期，要求退款,closed\nC2,2026/03/03 14:30,web,配送延误,open\n"
	for _, tc := range []struct {
		name      string
		files     map[string]string
		wantRows  []int // file line of each row
		wantDescr string
	}{
		{
			name:      "a plain UTF-8 file loads",
			files:     map[string]string{"complaints.csv": complaintHeader + "\n" + rows},
			wantRows:  []int{2, 3},
			wantDescr: "酸奶已过期，要求退款",
		},
		{
			name:      "a UTF-8 file with a byte-order mark loads as if it had none",
			files:     map[string]string{"complaints.csv": "\ufeff" + complaintHeader + "\n" + rows},
			wantRows:  []int{2, 3},
			wantDescr: "酸奶已过期，要求退款",
		},
		{
			name: "a GB18030 file loads its Chinese text intact when complaints.encoding says so",
			files: map[string]string{
				"certready.yaml": "complaints:\n  encoding: gb18030\n",
				// 𠮷 is outside GBK: only GB18030's four-byte form encodes it.
				"complaints.csv": gbk(t, complaintHeader+"\nC1,2026-03-02 09:05,phone,𠮷野家外卖少送一份，顾客要求补发,closed\nC2,2026/03/03 14:30,web,配送延误,open\n"),
			},
			wantRows:  []int{2, 3},
			wantDescr: "𠮷野家外卖少送一份，顾客要求补发",
		},
		{
			name: "title rows above the header and blank rows between records are skipped",
			files: map[string]string{"complaints.csv": "杭州示例食品有限公司 客户投诉台账\n导出时间：2026-03-31,,,,\n\n" +
				complaintHeader + "\n,,,,\nC1,2026-03-02 09:05,phone,酸奶已过期，要求退款,closed\n\n , ,,,\nC2,2026/03/03 14:30,web,配送延误,open\n"},
			wantRows:  []int{6, 9},
			wantDescr: "酸奶已过期，要求退款",
		},
		{
			name: "a foreign CRM export loads through the column mapping in certready.yaml",
			files: map[string]string{
				"certready.yaml": "complaints:\n  columns: {受理日期: received_at, 工单编号: id, 问题描述: description}\n",
				"complaints.csv": "工单编号,受理日期,渠道,问题描述,处理状态\n" + rows,
			},
			wantRows:  []int{2, 3},
			wantDescr: "酸奶已过期，要求退款",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := logRows(t, dossierDir(t, tc.files))
			if len(got) != len(tc.wantRows) {
				t.Fatalf("%d rows, want %d: %+v", len(got), len(tc.wantRows), got)
			}
			for i, line := range tc.wantRows {
				if got[i].Pos.Row != line {
					t.Errorf("row %d at line %d, want %d", i, got[i].Pos.Row, line)
				}
			}
			c := got[0]
			if c.ID != "C1" || c.Channel != "phone" || c.Status != "closed" || c.Description != tc.wantDescr {
				t.Errorf("first row = %q %q %q %q, want C1 phone closed %q", c.ID, c.Channel, c.Status, c.Description, tc.wantDescr)
			}
			if want := time.Date(2026, 3, 2, 9, 5, 0, 0, shanghai); !c.ReceivedAt.Equal(want) {
				t.Errorf("received_at = %v, want %v", c.ReceivedAt, want)
			}
			if want := time.Date(2026, 3, 3, 14, 30, 0, 0, shanghai); !got[1].ReceivedAt.Equal(want) {
				t.Errorf("second received_at = %v, want %v", got[1].ReceivedAt, want)
			}
		})
	}
}

func TestAForeignCRMExportIsRefusedWithoutItsColumnMapping(t *testing.T) {
	dir := dossierDir(t, map[string]string{"complaints.csv": "工单编号,受理日期,渠道,处理状态,问题描述\nC1,2026-03-02 09:05,phone,closed,x\n"})
	_, _, probs := loadAndScan(t, dir)
	if !hasProblem(probs, dossier.Pos{File: filepath.Join(dir, "complaints.csv")}, "no header row found") {
		t.Errorf("want the unmapped export refused for its header; got:%s", describeProblems(probs))
	}
}

// TestAChineseWorkbookReadsDateCellsAndDateText builds the workbook a
// Chinese client fills in: Chinese sheet names and headers, dates entered
// as real Excel dates and as text, in both Excel date systems.
func TestAChineseWorkbookReadsDateCellsAndDateText(t *testing.T) {
	established := time.Date(2012, 5, 18, 0, 0, 0, 0, time.UTC)
	issued := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	received := time.Date(2026, 3, 2, 9, 5, 0, 0, time.UTC) // Excel keeps wall-clock time without a zone
	for _, date1904 := range []bool{false, true} {
		name := "the 1900 date system"
		if date1904 {
			name = "the 1904 date system"
		}
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "示例公司.xlsx")
			book(t, p, []string{"组织信息", "证照", "投诉记录"}, func(f *excelize.File) {
				if date1904 {
					if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
						t.Fatal(err)
					}
				}
				// excelize stores a time.Time as a serial number in the book's
				// date system with a date style: a real Excel date cell.
				setRows(t, f, "组织信息", [][]any{
					{"字段", "内容"},
					{"单位名称", "杭州示例食品有限公司"},
					{"成立日期", established},
					{"投诉处理体系运行日期", "2026年3月1日"},
				})
				setRows(t, f, "证照", [][]any{
					{"证照类型", "证照编号", "发证日期", "有效期至"},
					{"营业执照", "91330106MA2B3C4D5E", issued, "长期"},
					{"食品经营许可证", "JY13301060012345", "2021/06/01", "2026年6月30日"},
				})
				setRows(t, f, "投诉记录", [][]any{
					{"投诉编号", "受理时间", "投诉渠道", "投诉内容", "状态"},
					{"C1", received, "电话", "酸奶已过期", "已关闭"},
					{"C2", "2026/03/02 09:05", "网站", "配送延误", "处理中"},
				})
			})
			res, rows := logRows(t, p)
			d := res.Dossier
			for _, sheet := range []string{"organisation", "licences", "complaints"} {
				if !d.Present[sheet] {
					t.Errorf("sheet for %s not found among the Chinese sheet names", sheet)
				}
			}
			if d.Organisation == nil || d.Organisation.Name != "杭州示例食品有限公司" {
				t.Fatalf("organisation = %+v", d.Organisation)
			}
			if got := d.Organisation.Established; got != civil.Of(established) {
				t.Errorf("established from a date cell = %v, want 2012-05-18", got)
			}
			if got := d.Organisation.SystemLive; got != (dossier.Date{Year: 2026, Month: 3, Day: 1}) {
				t.Errorf("system_live from 2026年3月1日 = %v", got)
			}
			if len(d.Licences) != 2 {
				t.Fatalf("licences = %+v", d.Licences)
			}
			l0, l1 := d.Licences[0], d.Licences[1]
			if l0.Type != "business_licence" || l0.Issued != civil.Of(issued) || !l0.ValidUntil.Indefinite {
				t.Errorf("licence from date cells = %s %v %+v", l0.Type, l0.Issued, l0.ValidUntil)
			}
			if l1.Type != "food_operation" || l1.Issued != civil.Of(issued) || l1.ValidUntil.Date != (dossier.Date{Year: 2026, Month: 6, Day: 30}) {
				t.Errorf("licence from date text = %s %v %+v", l1.Type, l1.Issued, l1.ValidUntil)
			}
			if want := (dossier.Pos{File: p, Sheet: "证照", Cell: "C2"}); l0.PosOf("issued") != want {
				t.Errorf("issued read at %v, want %v", l0.PosOf("issued"), want)
			}
			if len(rows) != 2 {
				t.Fatalf("complaints = %+v", rows)
			}
			want := time.Date(2026, 3, 2, 9, 5, 0, 0, shanghai)
			for i, c := range rows {
				if !c.ReceivedAt.Equal(want) {
					t.Errorf("complaint %s received_at = %v, want %v", c.ID, c.ReceivedAt, want)
				}
				if wantPos := (dossier.Pos{File: p, Sheet: "投诉记录", Cell: "A" + itoa(i+2)}); c.Pos != wantPos {
					t.Errorf("complaint %s at %v, want %v", c.ID, c.Pos, wantPos)
				}
			}
			if rows[0].Channel != "电话" || rows[0].Status != "closed" || rows[1].Status != "in_progress" {
				t.Errorf("Chinese status labels not mapped: %q %q %q", rows[0].Channel, rows[0].Status, rows[1].Status)
			}
		})
	}
}

// A number formatted as a date in a text column (a handler's note, an id)
// reads as the date the sheet shows, not as its serial; an unformatted
// number stays a number, and date columns read serials either way.
func TestADateFormattedNumberInATextColumnReadsAsTheDateItShows(t *testing.T) {
	p := filepath.Join(t.TempDir(), "log.xlsx")
	book(t, p, []string{"投诉记录"}, func(f *excelize.File) {
		setRows(t, f, "投诉记录", [][]any{
			{"投诉编号", "受理时间", "投诉渠道", "投诉内容", "状态", "处理过程及结果", "处理方案"},
			{"C1", 45841.5868055556, "电话", 45841, "已关闭", 45841.5868055556, 45841},
		})
		custom := "yyyy/m/d h:mm"
		dt, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		if err != nil {
			t.Fatal(err)
		}
		d, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // built-in m/d/yyyy
		if err != nil {
			t.Fatal(err)
		}
		for cell, style := range map[string]int{"B2": dt, "F2": dt, "G2": d} {
			if err := f.SetCellStyle("投诉记录", cell, cell, style); err != nil {
				t.Fatal(err)
			}
		}
	})
	_, rows := logRows(t, p)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	c := rows[0]
	if got := c.ReceivedAt.Format("2006-01-02 15:04"); got != "2025-07-03 14:05" {
		t.Errorf("received_at %v, want 2025-07-03 14:05 wall-clock", got)
	}
	if c.Steps != "2025-07-03 14:05" || c.Plan != "2025-07-03" {
		t.Errorf("date-formatted numbers in text columns: steps %q, plan %q", c.Steps, c.Plan)
	}
	if c.Description != "45841" {
		t.Errorf("an unformatted number in a text column: %q", c.Description)
	}
}
