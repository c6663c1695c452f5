package pack

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
)

// A reader holding only the PDF can trace every finding to its complaints:
// the appendix lists every complaint id each finding recorded (those quoted
// in the register and those beyond), an id that is a phone number is
// masked, and the pack names no file its reader lacks.
func TestThePackListsEveryAffectedComplaintWithoutTheBundle(t *testing.T) {
	f := audited(t, "../../examples/gappy-org.xlsx")
	r := *f.in.Result
	r.Findings = append([]audit.Finding(nil), r.Findings...)
	var listed []string
	for i := range r.Findings {
		for _, row := range r.Findings[i].Rows {
			listed = append(listed, row.ID)
		}
	}
	if len(listed) < 20 {
		t.Fatalf("only %d complaint ids behind the findings: the example no longer exercises the appendix", len(listed))
	}
	// A CRM that files complaints under the caller's number.
	r.Findings[0].Rows = append(r.Findings[0].Rows, metrics.RowRef{ID: "13812345678"})
	f.in.Result = &r
	for _, lang := range []string{"en", "zh"} {
		text := pdfText(t, f.render(t, lang, nil).PDF)
		appendix := text[strings.LastIndex(text, map[string]string{"en": "Appendix A Affected complaints", "zh": "附录 A 各发现项涉及的投诉"}[lang]):]
		for _, id := range listed {
			if !strings.Contains(appendix, id) {
				t.Errorf("%s: appendix lacks complaint %s", lang, id)
			}
		}
		if !strings.Contains(appendix, "138****5678") || strings.Contains(text, "13812345678") {
			t.Errorf("%s: a phone number used as a complaint id is not masked", lang)
		}
		for _, file := range []string{"report.json", "MANIFEST.json", "BUNDLE.zip", "提交包.zip"} {
			if strings.Contains(text, file) {
				t.Errorf("%s: a pack without a bundle mentions %s", lang, file)
			}
		}
	}
	text := pdfText(t, f.render(t, "en", func(o *Options) { o.Bundle = true }).PDF)
	if !strings.Contains(text, "MANIFEST.json") {
		t.Error("a pack written with its bundle no longer says where the hashes are")
	}
}

// The sample shows the fields the handling findings judge.
func TestTheSampleShowsTheFieldsTheFindingsJudge(t *testing.T) {
	f := withSample(audited(t, "../audit/testdata/mini"))
	m := *f.in.Result.KPIs
	loc := f.in.Dossier.Location
	if loc == nil {
		loc = time.UTC
	}
	at := func(h, mi int) time.Time { return time.Date(2026, 7, 3, h, mi, 0, 0, loc) }
	m.Sample = []dossier.Complaint{{ID: "C-1", ReceivedAt: at(9, 0), AcknowledgedAt: at(9, 41), FirstResponseAt: at(15, 2), ResolvedAt: at(17, 30),
		Status: "closed", RootCause: "冷链断档", CorrectiveAction: "增设温控报警", Satisfaction: "dissatisfied", FollowUpAt: at(18, 5)}}
	r := *f.in.Result
	r.KPIs = &m
	f.in.Result = &r
	for lang, want := range map[string][]string{
		"en": {"Contacted", "Feedback", "Root cause", "Corrective action", "Satisfaction", "09:41", "15:02", "17:30", "18:05", "冷链断档", "增设温控报警", "dissatisfied", "closed"},
		"zh": {"首次联系", "进度反馈", "根本原因", "纠正预防措施", "满意度", "不满意", "已关闭"},
	} {
		text := pdfText(t, f.render(t, lang, nil).PDF)
		flat := regexp.MustCompile(`\s+`).ReplaceAllString(text, " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: sample lacks %q", lang, w)
			}
		}
	}
}
