package report

import (
	"fmt"
	"strings"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/cn"
)

// affectedLine lists a finding's complaint ids, at most max of them, with
// how many complaints the finding stands for; "" when it names none.
func affectedLine(o Options, f *audit.Finding, max int) string {
	if len(f.Rows) == 0 {
		return ""
	}
	total := f.Count
	if total < len(f.Rows) {
		total = len(f.Rows)
	}
	ids := make([]string, 0, min(max, len(f.Rows)))
	for i, row := range f.Rows {
		if i == max {
			break
		}
		ids = append(ids, cn.MaskRef(row.ID))
	}
	s := fmt.Sprintf("%s%s", L(o, fmt.Sprintf("Complaints (%d): ", total), fmt.Sprintf("涉及投诉（%d 条）：", total)), strings.Join(ids, L(o, ", ", "、")))
	if more := total - len(ids); more > 0 {
		s += L(o, fmt.Sprintf(" and %d more", more), fmt.Sprintf(" 等，另有 %d 条", more))
	}
	return s
}
