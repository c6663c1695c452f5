package checks

import (
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// A complex complaint is one that needs investigation (7.5 assessed it so);
// 7.6 asks that every reasonable effort be made to investigate it, which a
// log shows only as a recorded plan and the steps taken.
func init() {
	Register(&Check{
		ID:          "handling.complex-investigated",
		Title:       T("Finished complex complaints record their investigation", "已办结的复杂投诉记录调查处理过程"),
		Severity:    Major,
		Requirement: []string{"R13", "R14"},
		Clauses:     []string{"7.6"},
		Principles:  []string{"4.7", "4.9"},
		Basis:       OnStandard,
		Evidence:    T("Each resolved or closed complex complaint records its handling plan and the steps taken to investigate it.", "每起已解决或已关闭的复杂投诉都记录了处理方案和调查处理步骤。"),
		Remedy:      T("Record the handling plan and the investigation steps of each complex complaint before resolving it.", "复杂投诉在办结前应记录处理方案和调查处理步骤。"),
		Doc:         T("Judged on resolved and closed complaints assessed as complex: a blank plan or blank handling steps is a violation. Open complex complaints are judged by handling.complex-plan once they run past the simple limit.", "评价评估为复杂的已解决、已关闭投诉：处理方案或处理过程为空即为违规。未结的复杂投诉在超过简单投诉时限后由 handling.complex-plan 评价。"),
		LogRule: &metrics.LogRule{
			Key:   "complex_investigated",
			Label: T("Finished complex complaints with a recorded investigation", "已办结复杂投诉记录调查过程"),
			Judge: func(c *dossier.Complaint, f *metrics.RowFacts) (bool, bool) {
				if !f.Complex || !f.Done {
					return false, false
				}
				return true, c.Plan != "" && c.Steps != ""
			},
			Needs: []string{"plan", "steps"},
		},
		Run: RunLogRule("complex_investigated", T("complex investigation", "复杂投诉调查过程"),
			"%d of %d finished complex complaints record no handling plan or no investigation steps",
			"%[2]d 起已办结的复杂投诉中有 %[1]d 起未记录处理方案或调查处理步骤"),
	})
}
