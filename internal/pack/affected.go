package pack

import (
	"fmt"
	"strings"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/cn"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/pdfdoc"
)

// Appendix A lists, per finding, every complaint the audit recorded for
// it, so a reader of the PDF alone can pull each file the finding is
// about; the gap register quotes the first few and points here.

func (p *packer) secAffected() string {
	return p.tr("Appendix A Affected complaints per finding", "附录 A 各发现项涉及的投诉")
}

// affectedPerRow is how many complaint ids share one table row: a long
// list continues on further rows rather than one cell spanning pages.
const affectedPerRow = 40

// affectedFindings are the findings that name complaint rows, in the gap
// register's order.
func (p *packer) affectedFindings() (fs []audit.Finding) {
	for _, f := range p.r.Findings {
		if len(f.Rows) > 0 {
			fs = append(fs, f)
		}
	}
	return fs
}

func (p *packer) affected() {
	d := p.doc
	d.Section(p.secAffected())
	fs := p.affectedFindings()
	if len(fs) == 0 {
		d.Paragraph(p.tr("No finding concerns individual complaint records.", "没有发现项涉及具体的投诉记录。"))
		return
	}
	d.Paragraph(p.tr("Every complaint record the audit found behind each finding, by complaint id as the log records it (an id that is itself a phone number, e-mail address or ID number is masked). Findings appear in the order of the gap register.",
		"各发现项所涉及的全部投诉记录，按投诉记录中的投诉编号列出（编号本身为电话、电子邮箱或身份证号的已脱敏）。发现项的顺序与差距清单一致。"))
	var rows [][]string
	short := false
	for _, f := range fs {
		total := max(f.Count, len(f.Rows))
		head := []string{f.Check + "\n" + f.Severity.Label(p.o.Lang), p.tr(fmt.Sprintf("%d", total), fmt.Sprintf("%d 条", total))}
		for start := 0; start < len(f.Rows); start += affectedPerRow {
			end := min(start+affectedPerRow, len(f.Rows))
			ids := make([]string, 0, end-start)
			for _, r := range f.Rows[start:end] {
				ids = append(ids, cn.MaskRef(r.ID))
			}
			cell := strings.Join(ids, p.tr(", ", "、"))
			if end == len(f.Rows) && total > len(f.Rows) {
				short = true
				cell += p.tr(fmt.Sprintf("\n(%d more not listed)", total-len(f.Rows)), fmt.Sprintf("\n（另有 %d 条未列出）", total-len(f.Rows)))
			}
			if start == 0 {
				rows = append(rows, append(head, cell))
			} else {
				rows = append(rows, []string{"", "", cell})
			}
		}
	}
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Check
	}
	d.Table([]pdfdoc.Column{
		{Header: p.tr("Check / severity", "检查项 / 严重程度"), Width: p.fitWidth(ids, sizeTable, 24, 48)},
		{Header: p.tr("Complaints", "投诉数"), Width: 16, Align: pdfdoc.AlignRight},
		{Header: p.tr("Complaint ids", "投诉编号"), Width: 0},
	}, rows, pdfdoc.TableOpts{FontSize: sizeTable})
	if short {
		d.Note(p.tr(fmt.Sprintf("The audit keeps at most %d complaint ids per finding; the counts are complete.", p.maxListed()),
			fmt.Sprintf("本次评估每个发现项最多记录 %d 个投诉编号；条数为完整统计。", p.maxListed())))
	}
}

// maxListed is the cap on complaint ids per finding in this run.
func (p *packer) maxListed() int {
	if p.r.KPIs != nil {
		return p.r.KPIs.Limits.MaxListed
	}
	return 0
}

// enumLabel is an enum value in the pack's language: the label a Chinese
// workbook's dropdown shows, or the value in English.
func (p *packer) enumLabel(set, v string) string {
	if p.o.Lang == "zh" {
		if l, ok := dossier.EnumLabelsZH[set][v]; ok {
			return l
		}
	}
	return v
}

func (p *packer) enumLabels(set string, vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = p.enumLabel(set, v)
	}
	return out
}
