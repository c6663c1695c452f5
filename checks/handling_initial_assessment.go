package checks

import (
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// 7.5 asks that every complaint be assessed on receipt (severity, safety,
// complexity, impact, need for immediate action). A blank complexity or
// risk is no assessment: the time-limit rules still treat a blank as
// simple and low so that no complaint escapes them, but the missing
// assessment itself is reported here.
func init() {
	Register(&Check{
		ID:          "handling.initial-assessment",
		Title:       T("Every complaint is assessed on receipt", "每起投诉受理后均经初步评估"),
		Severity:    Major,
		Requirement: []string{"R13", "R16"},
		Clauses:     []string{"7.5"},
		Principles:  []string{"4.6", "4.9"},
		Basis:       OnStandard,
		Evidence:    T("Each complaint in the log records its initial assessment: complexity (simple or complex) and risk level.", "台账中每起投诉都记录了初步评估结果：复杂程度（简单或复杂）和风险等级。"),
		Remedy:      T("Assess every complaint on receipt and record its complexity and risk level; make both fields mandatory in the CRM.", "受理时评估每起投诉并记录复杂程度和风险等级；在系统中将这两个字段设为必填。"),
		Doc:         T("Judged on every complaint not withdrawn: a blank complexity or a blank risk level is a violation. The time limits go on treating a blank as simple and low risk, so a missing assessment never exempts a complaint from them.", "评价所有未撤回的投诉：复杂程度或风险等级为空即为违规。时限规则仍将空值按简单、低风险处理，因此缺少评估不会使投诉免于时限评价。"),
		LogRule: &metrics.LogRule{
			Key:   "initial_assessment",
			Label: T("Complaints with an initial assessment (complexity and risk)", "已初步评估（复杂程度和风险等级）的投诉"),
			Judge: func(c *dossier.Complaint, f *metrics.RowFacts) (bool, bool) {
				if f.Withdrawn {
					return false, false
				}
				return true, c.Complexity != "" && c.Risk != ""
			},
			Needs: []string{"complexity", "risk"},
		},
		Run: RunLogRule("initial_assessment", T("initial assessment", "初步评估"),
			"%d of %d complaints record no initial assessment (complexity or risk level blank)",
			"%[2]d 起投诉中有 %[1]d 起未记录初步评估（复杂程度或风险等级为空）"),
	})
}
