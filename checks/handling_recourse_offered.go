package checks

import (
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// 7.9 does not ask that a complaint be handled again until the complainant
// is satisfied. When the complainant does not accept the decision, the
// complaint stays open, or the complainant is told of the internal and
// external recourse still available (internal review; in China the 12315
// platform, mediation, arbitration, the courts) and the organisation keeps
// track of it. A finished complaint whose complainant is recorded as
// dissatisfied is therefore judged on one thing: whether recourse was
// offered. The satisfaction rating is the log's record of non-acceptance;
// an open complaint is still being handled and is not judged.
func init() {
	Register(&Check{
		ID:          "handling.recourse-offered",
		Title:       T("Complainants who do not accept the decision are told of recourse", "对不接受处理决定的投诉人告知救济途径"),
		Severity:    Major,
		Requirement: []string{"R15"},
		Clauses:     []string{"7.9"},
		Principles:  []string{"4.4", "4.11"},
		Basis:       OnStandard,
		Evidence:    T("Every complaint finished with the complainant dissatisfied or very dissatisfied records that the complainant was told of internal review and external recourse (12315, mediation, arbitration, courts); otherwise the complaint is still open.", "投诉人不满意或非常不满意而办结的投诉，均记录了已告知投诉人内部复核及外部救济途径（12315、调解、仲裁、诉讼）；否则该投诉仍应处于未结状态。"),
		Remedy:      T("Keep the complaint open, or tell the complainant of internal review and the external channels (12315, mediation, arbitration, courts) and record it (yes in {{complaints.recourse_offered}}).", "将该投诉保持未结，或告知投诉人内部复核及外部救济渠道（12315、调解、仲裁、诉讼），并在{{complaints.recourse_offered}}中登记“是”。"),
		Doc:         T("Judged on finished complaints (status resolved or closed, after the mapping of complaints.values.status) whose satisfaction is dissatisfied or very dissatisfied: recourse_offered other than yes is a violation. Open and in-progress complaints are still being handled and are not judged. This replaces the former handling.rehandle-dissatisfied, which read 7.9 as handling a complaint again until the complainant is satisfied; the standard asks instead that the complaint stay open or that the complainant be told of recourse. Not assessed when complaints.not_tracked lists recourse_offered or satisfaction.", "评价满意度为不满意或非常不满意的已办结投诉（经 complaints.values.status 映射后状态为已解决或已关闭）：“已告知救济途径”不为“是”即为违规。未结和处理中的投诉仍在处理，不评价。本检查取代原 handling.rehandle-dissatisfied：原检查将 7.9 理解为反复处理直至投诉人满意，而标准要求的是投诉保持未结，或告知投诉人可用的救济途径。complaints.not_tracked 列出 recourse_offered 或 satisfaction 时不评估。"),
		LogRule: &metrics.LogRule{
			Key:   "recourse_offered",
			Label: T("Dissatisfied complainants of finished complaints told of recourse", "不满意而办结的投诉已告知救济途径"),
			Judge: func(c *dossier.Complaint, f *metrics.RowFacts) (bool, bool) {
				if !f.Done || (c.Satisfaction != "dissatisfied" && c.Satisfaction != "very_dissatisfied") {
					return false, false
				}
				return true, c.RecourseOffered == dossier.Yes
			},
			Needs: []string{"recourse_offered", "satisfaction"},
		},
		Run: RunLogRule("recourse_offered", T("recourse offered", "救济途径告知"),
			"%d of %d complaints finished with the complainant dissatisfied record no recourse offered (internal review, 12315, mediation, arbitration, courts) and are not kept open",
			"%[2]d 起投诉人不满意而办结的投诉中有 %[1]d 起未记录已告知救济途径（内部复核、12315、调解、仲裁、诉讼），也未保持未结"),
	})
}
