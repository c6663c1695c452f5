package checks

import (
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// 8.6: a management review of the complaints-handling process is judged by
// what went in and what came out, not by its date alone. A review that
// records no inputs, or no decision at all, is a meeting, not a review: it
// does not count as the management review a certification body needs
// before application (see EarliestApplication).
func init() {
	Register(&Check{
		ID:          "improvement.review-substance",
		Title:       T("Management review inputs and outputs are recorded", "管理评审的输入和输出有记录"),
		Severity:    Major,
		Requirement: []string{"R20"},
		Clauses:     []string{"8.6"},
		Nodes:       []string{"cn-scheme:S2.3"},
		Principles:  []string{"4.2", "4.13"},
		Basis:       OnStandard,
		Evidence:    T("Minutes of each management review of the complaints-handling process listing what was reviewed — follow-up of actions from previous reviews, changes in internal and external issues, the performance of the process against its objectives, audit results, customer feedback and satisfaction, opportunities for improvement — and what was decided: improvements to the process, resource needs and changes.", "每次投诉处理管理评审的纪要列明评审了什么——以往管理评审措施的落实情况、内外部因素的变化、投诉处理绩效及目标实现情况、审核结果、顾客反馈和满意度、改进机会——以及作出的决定：投诉处理过程的改进、资源需求和体系变更。"),
		Remedy:      T("Record the review's inputs and outputs in `inputs` and `outputs` (and in the minutes); cover the missing ones at the next review, or hold a complete review before applying.", "在“评审输入”“评审输出”中登记评审的输入和输出（并写入纪要）；在下次评审中补充缺少的内容，或在申请前召开一次完整的管理评审。"),
		Doc:         T("Judges every review covering complaints handling dated within thresholds.management_review_months before the as-of date. Inputs are read from `inputs`: previous_actions, context_changes, process_performance, audit_results, customer_feedback and improvement_opportunities are expected (previous_actions only when an earlier review is on record; complaint_analysis and objectives are read as process_performance, survey_results as customer_feedback). Outputs are read from `outputs`: process_improvement, resource_needs and changes are expected; an action whose source is the review counts as a process_improvement decision. A review with no inputs, or with neither outputs nor actions, is major and does not count towards the earliest application date; each missing input or output otherwise is minor, listed by name.", "评价基准日前 thresholds.management_review_months 个月内每次涵盖投诉处理的评审。输入从“评审输入”读取，应包括“以往管理评审措施的落实情况”“内外部因素的变化”“投诉处理绩效及目标实现情况”“审核结果”“顾客反馈和满意度”“改进机会”（“以往管理评审措施的落实情况”仅在此前已有评审记录时要求；投诉分析和目标视为“投诉处理绩效及目标实现情况”，满意度调查结果视为“顾客反馈和满意度”）。输出从“评审输出”读取，应包括“投诉处理过程的改进”“资源需求”“体系变更”；来源为该评审的纠正措施视为“投诉处理过程的改进”决定。没有任何输入、或既无输出也无措施的评审为严重不符合，且不计入最早可申请日期；其他缺少的输入或输出为轻微不符合，逐项列出。"),
		Run:         runReviewSubstance,
	})
}

// reviewInputSynonyms reads the input names dossiers already use as the
// inputs they evidence.
var reviewInputSynonyms = map[string]string{
	"complaint_analysis": "process_performance", "objectives": "process_performance", "kpi": "process_performance",
	"survey_results": "customer_feedback", "satisfaction": "customer_feedback",
}

// requiredReviewInputs and requiredReviewOutputs are what a review of the
// complaints-handling process is expected to take in and decide.
var (
	requiredReviewInputs  = []string{"previous_actions", "context_changes", "process_performance", "audit_results", "customer_feedback", "improvement_opportunities"}
	requiredReviewOutputs = []string{"process_improvement", "resource_needs", "changes"}
)

// reviewActions lists the actions whose source is the review.
func reviewActions(d *dossier.Dossier, r *dossier.Review) []string {
	var ids []string
	for i := range d.Actions {
		if a := &d.Actions[i]; r.ID != "" && strings.TrimSpace(a.Source) == r.ID {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// reviewCounts reports whether a review has the substance to count as the
// management review: some inputs, and outputs or actions decided.
func reviewCounts(d *dossier.Dossier, r *dossier.Review) bool {
	return len(nonBlank(r.Inputs)) > 0 && (len(nonBlank(r.Outputs)) > 0 || len(reviewActions(d, r)) > 0)
}

func nonBlank(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// missingTerms lists the wanted terms not in have (after synonyms).
func missingTerms(have []string, want []string, synonyms map[string]string) []string {
	got := map[string]bool{}
	for _, h := range have {
		h = strings.TrimSpace(h)
		got[h] = true
		if s, ok := synonyms[h]; ok {
			got[s] = true
		}
	}
	var miss []string
	for _, w := range want {
		if !got[w] {
			miss = append(miss, w)
		}
	}
	return miss
}

func runReviewSubstance(p *Pass) {
	d := p.Dossier
	months := p.T().ManagementReviewMon
	for i := range d.Reviews {
		r := &d.Reviews[i]
		if !r.CoversComplaints || !withinMonths(r.Date, p.AsOf, months) {
			continue
		}
		rec := "review " + r.ID
		actions := reviewActions(d, r)
		if len(nonBlank(r.Inputs)) == 0 {
			p.Report(Finding{Pos: r.PosOf("inputs"), Record: rec, Facet: "inputs", Message: Tf(
				"Management review %s of %s records no inputs, so it does not show what was reviewed and does not count as the management review before application",
				"管理评审 %s（%s）没有登记任何评审输入，无法表明评审了什么，因此不能作为申请前的管理评审", r.ID, r.Date)})
		} else {
			want := requiredReviewInputs
			if !earlierReview(d, r) {
				want = want[1:] // a first review has no previous review to follow up
			}
			if miss := missingTerms(r.Inputs, want, reviewInputSynonyms); len(miss) > 0 {
				p.Report(Finding{Pos: r.PosOf("inputs"), Record: rec, Facet: "inputs", Severity: Minor, Message: T(
					"Management review "+r.ID+" of "+r.Date.String()+" lacks these inputs: "+strings.Join(miss, ", "),
					"管理评审 "+r.ID+"（"+r.Date.String()+"）缺少以下评审输入："+strings.Join(labelsZH("review_input", miss), "、"))})
			}
		}
		outputs := nonBlank(r.Outputs)
		switch {
		case len(outputs) == 0 && len(actions) == 0:
			p.Report(Finding{Pos: r.PosOf("outputs"), Record: rec, Facet: "outputs", Message: Tf(
				"Management review %s of %s records no outputs and no action comes from it: no decision on improvement, resources or changes is on record, so it does not count as the management review before application",
				"管理评审 %s（%s）没有登记评审输出，也没有来源于该评审的措施：没有关于改进、资源或变更的决定记录，因此不能作为申请前的管理评审", r.ID, r.Date)})
		default:
			have := outputs
			if len(actions) > 0 {
				have = append(have, "process_improvement")
			}
			if miss := missingTerms(have, requiredReviewOutputs, nil); len(miss) > 0 {
				p.Report(Finding{Pos: r.PosOf("outputs"), Record: rec, Facet: "outputs", Severity: Minor, Message: T(
					"Management review "+r.ID+" of "+r.Date.String()+" records no decision on: "+strings.Join(miss, ", "),
					"管理评审 "+r.ID+"（"+r.Date.String()+"）缺少以下评审输出："+strings.Join(labelsZH("review_output", miss), "、"))})
			}
		}
	}
}

// earlierReview reports whether a review covering complaints handling was
// held before r.
func earlierReview(d *dossier.Dossier, r *dossier.Review) bool {
	for i := range d.Reviews {
		o := &d.Reviews[i]
		if o != r && o.CoversComplaints && !o.Date.IsZero() && o.Date.Before(r.Date) {
			return true
		}
	}
	return false
}
