package checks

import (
	"fmt"
	"strconv"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

// A figure is a number a rule judges against. ISO 10002 sets none of them:
// it asks the organisation to define its own time frames and resources.
// So each figure is taken, in this order, from the organisation's own
// procedure, from certready.yaml (a figure the organisation chose: its
// policy), or from certready's default, which is recommended practice
// from the seed articles — never presented as the standard's.

// figureSpec describes one configurable figure.
type figureSpec struct {
	key    string // thresholds key in certready.yaml
	unit   vocab.Text
	get    func(*config.Thresholds) float64
	set    func(*config.Thresholds, float64)
	basis  Basis // basis of the default: practice, or scheme for a CB rule
	source Text  // where the default comes from
	// fromDocs reads the figure from the organisation's procedures: the
	// strictest value any procedure states, and the document stating it.
	fromDocs func(*dossier.Dossier) (float64, *dossier.Document)
}

var seedPractice = T("recommended practice (Chinese certification consultancy guidance)", "推荐做法（国内认证咨询资料）")

func figureSpecs() []figureSpec {
	hours := T("h", "小时")
	months := T("months", "个月")
	wd := T("working days", "个工作日")
	return []figureSpec{
		{key: "ack_hours", unit: hours, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return t.AckHours }, set: func(t *config.Thresholds, v float64) { t.AckHours = v },
			fromDocs: procedureFigure(func(doc *dossier.Document) float64 { return doc.ContactWithinH })},
		{key: "response_hours", unit: hours, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return t.ResponseHours }, set: func(t *config.Thresholds, v float64) { t.ResponseHours = v },
			fromDocs: procedureFigure(func(doc *dossier.Document) float64 { return doc.SolutionWithinH })},
		{key: "simple_resolve_days", unit: wd, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.SimpleResolveDays) }, set: func(t *config.Thresholds, v float64) { t.SimpleResolveDays = int(v) }},
		{key: "complex_resolve_days", unit: T("calendar days", "个自然日"), basis: OnPractice,
			source: T("recommended practice (the period Chinese consumer-protection bodies commonly allow)", "推荐做法（国内消费者权益保护机构处理投诉的常见期限）"),
			get:    func(t *config.Thresholds) float64 { return float64(t.ComplexResolveDays) }, set: func(t *config.Thresholds, v float64) { t.ComplexResolveDays = int(v) }},
		{key: "training_hours", unit: hours, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return t.TrainingHours }, set: func(t *config.Thresholds, v float64) { t.TrainingHours = v }},
		{key: "budget_ratio", unit: T("of revenue", "（占营业收入）"), basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return t.BudgetRatio }, set: func(t *config.Thresholds, v float64) { t.BudgetRatio = v }},
		{key: "min_channels", unit: T("channels", "个渠道"), basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.MinChannels) }, set: func(t *config.Thresholds, v float64) { t.MinChannels = int(v) }},
		{key: "review_months", unit: months, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.ReviewMonths) }, set: func(t *config.Thresholds, v float64) { t.ReviewMonths = int(v) }},
		{key: "survey_months", unit: months, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.SurveyMonths) }, set: func(t *config.Thresholds, v float64) { t.SurveyMonths = int(v) }},
		{key: "audit_months", unit: months, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.AuditMonths) }, set: func(t *config.Thresholds, v float64) { t.AuditMonths = int(v) }},
		{key: "management_review_months", unit: months, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.ManagementReviewMon) }, set: func(t *config.Thresholds, v float64) { t.ManagementReviewMon = int(v) }},
		{key: "analysis_months", unit: months, basis: OnPractice, source: seedPractice,
			get: func(t *config.Thresholds) float64 { return float64(t.AnalysisMonths) }, set: func(t *config.Thresholds, v float64) { t.AnalysisMonths = int(v) }},
		{key: "min_operation_months", unit: months, basis: OnScheme,
			source: T("certification bodies' rule: at least 3 months of operation before application", "认证机构规则：申请前体系至少运行 3 个月"),
			get:    func(t *config.Thresholds) float64 { return float64(t.MinOperationMonths) }, set: func(t *config.Thresholds, v float64) { t.MinOperationMonths = int(v) }},
	}
}

// procedureFigure reads a limit from the procedures: the strictest value
// stated (above zero) and the procedure stating it.
func procedureFigure(v func(*dossier.Document) float64) func(*dossier.Dossier) (float64, *dossier.Document) {
	return func(d *dossier.Dossier) (float64, *dossier.Document) {
		var best float64
		var from *dossier.Document
		for _, doc := range docsOfKind(d, "procedure") {
			if x := v(doc); x > 0 && (from == nil || x < best) {
				best, from = x, doc
			}
		}
		return best, from
	}
}

// Figures are the figures in force for one audit, by thresholds key.
type Figures map[string]Figure

// ResolveFigures works out every figure in force and where it comes from,
// and returns the thresholds with the organisation's own figures applied,
// so the complaint log is measured against the organisation's limits.
func ResolveFigures(d *dossier.Dossier, cfg *config.Config) (config.Thresholds, Figures) {
	th := cfg.Thresholds
	defaults := config.Defaults()
	figs := Figures{}
	for _, s := range figureSpecs() {
		// A figure set in certready.yaml, or one that differs from the
		// default however it was set, is the organisation's choice.
		declared := cfg.Declared[s.key] || s.get(&th) != s.get(&defaults)
		v := s.get(&th)
		var doc *dossier.Document
		if s.fromDocs != nil && d != nil {
			var dv float64
			if dv, doc = s.fromDocs(d); doc != nil {
				v = dv
				s.set(&th, v)
			}
		}
		num := fmtFigure(s.key, v)
		f := Figure{Value: v, Basis: s.basis}
		switch {
		case doc != nil:
			f.Basis = OnPolicy
			f.Source = T(fmt.Sprintf("your procedure %s sets %s %s", docName(doc), num, s.unit.EN),
				fmt.Sprintf("贵组织程序文件 %s 规定 %s %s", docName(doc), num, s.unit.ZH))
		case declared:
			f.Basis = OnPolicy
			f.Source = T(fmt.Sprintf("certready.yaml sets %s %s as your policy (thresholds.%s)", num, s.unit.EN, s.key),
				fmt.Sprintf("certready.yaml 将 %s %s 设为贵组织规定（thresholds.%s）", num, s.unit.ZH, s.key))
		default:
			f.Source = T(fmt.Sprintf("%s: %s %s", s.source.EN, num, s.unit.EN), fmt.Sprintf("%s：%s %s", s.source.ZH, num, s.unit.ZH))
		}
		figs[s.key] = f
	}
	return th, figs
}

// fmtFigure prints a figure the way people write it: a budget share as a
// percentage, anything else as a plain number.
func fmtFigure(key string, v float64) string {
	if key == "budget_ratio" {
		return strconv.FormatFloat(v*100, 'f', -1, 64) + "%"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Fig returns the figure in force for a thresholds key, worked out from
// the dossier and configuration as they are now. Unknown keys are a
// programming error: the figure table lists every key a check may judge by.
func (p *Pass) Fig(key string) Figure {
	_, figs := ResolveFigures(p.Dossier, p.Config)
	f, ok := figs[key]
	if !ok {
		panic("checks: no figure " + key)
	}
	return f
}

// ReportFig reports a finding judged against a figure: its basis and note
// are the figure's, so a default figure yields an observation saying it is
// recommended practice, and the organisation's own figure a finding at the
// check's severity saying whose limit it is.
func (p *Pass) ReportFig(key string, f Finding) {
	fig := p.Fig(key)
	f.Basis = fig.Basis
	f.BasisNote = fig.Source
	p.Report(f)
}
