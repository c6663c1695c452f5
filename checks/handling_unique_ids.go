package checks

import "fmt"

// 7.2 and 7.3: each complaint gets a unique identifier on receipt, and is
// tracked under it. A log where ids repeat cannot be traced, and would
// count one complaint twice, so later occurrences are left out of every
// statistic and listed here.
func init() {
	Register(&Check{
		ID:          "handling.unique-ids",
		Title:       T("Each complaint has a unique identifier", "每起投诉有唯一编号"),
		Severity:    Major,
		Requirement: []string{"R13"},
		Clauses:     []string{"7.2", "7.3"},
		Principles:  []string{"4.9"},
		Basis:       OnStandard,
		Evidence:    T("Every row of the complaint log carries an identifier no other row has.", "投诉台账每行的编号都与其他行不同。"),
		Remedy:      T("Give each complaint its own identifier on receipt; merge or renumber the repeated rows in the CRM and re-export.", "受理时为每起投诉分配唯一编号；在系统中合并或重新编号重复的记录后重新导出。"),
		Doc:         T("Ids are compared trimmed. The first row with an id stands for the complaint; every later row with the same id is listed with its position and left out of all other figures.", "编号去除首尾空白后比较。同一编号的第一行代表该投诉，此后每一行同编号记录均列出位置，且不计入任何其他统计。"),
		Run:         runHandlingUniqueIDs,
	})
}

func runHandlingUniqueIDs(p *Pass) {
	m := p.Metrics
	if m == nil || m.Duplicates.Violations == 0 {
		return
	}
	r := m.Duplicates
	pos := p.Dossier.PlaceOf("complaints")
	if len(r.Rows) > 0 {
		pos = r.Rows[0].Pos
	}
	// Any repeated id is major: the log cannot be traced complaint by
	// complaint, whatever the share.
	record, label := logRecord(T("duplicate ids", "编号重复"))
	p.Report(Finding{Pos: pos, Record: record, RecordLabel: label, Rows: r.Rows, Count: r.Violations, Message: T(
		fmt.Sprintf("%d of %d rows with an id repeat the id of an earlier row; the repeats are left out of every figure", r.Violations, r.Applicable),
		fmt.Sprintf("%d 行有编号的记录中有 %d 行与前面某行编号重复；重复行不计入任何统计", r.Applicable, r.Violations))})
}
