package checks

import (
	"fmt"

	"github.com/certready/certready/internal/dossier"
)

// org.compliance-declaration: the applicant's declaration that it has had
// no major violation of law and no major quality incident. Certification
// bodies' application forms ask for the applicant's record with regulators
// (the latest state quality inspection, administrative penalties) before
// they accept an application.

var orgComplianceDeclaration = &Check{
	ID:          "org.compliance-declaration",
	Title:       T("Declaration of no major violation or quality incident", "无重大违法违规及质量事故声明"),
	Severity:    Minor,
	Requirement: []string{"R1", "R22"},
	Nodes:       []string{"cn-scheme:S3.9"},
	Basis:       OnScheme,
	Source: T("Certification bodies' management-system application requirements ask for the applicant's record with regulators: the latest state product-quality inspection (quality-system application), no administrative penalty in the past year (Shanghai Quality Technology Certification Center, certification rules 2021). Not confirmed as a written requirement of complaints-handling certification specifically.",
		"认证机构的管理体系认证申请要求提供申请组织的监管记录：最近一次国家产品质量监督检查情况（质量体系认证申请）、近一年未受行政处罚的证明（上海质量技术认证中心《管理体系认证程序规则》2021 版）。尚未确认为投诉处理管理体系认证的书面要求。"),
	Evidence: T("A declaration signed by the legal representative or top management (document kind declaration) that the organisation has had no major violation of law or regulation and no major quality incident, dated within the last 12 months, with its file in the dossier.",
		"由法定代表人或最高管理者签署的声明（文件类型“守法声明”），声明组织未发生重大违法违规行为及重大质量事故，日期在近 12 个月内，文件在资料包中。"),
	Remedy: T("Have the legal representative sign the declaration, register it as a document of kind declaration with its date, and file it.",
		"由法定代表人签署声明，登记为“守法声明”类文件并填写日期，归档。"),
	Doc: T("Minor when no document of kind declaration is registered, or when the latest one is undated or dated more than 12 months before the as-of date. A missing or empty file is docs.control's finding.",
		"未登记“守法声明”类文件，或最近一份声明未注明日期或早于基准日 12 个月以上，为轻微不符合。文件缺失或为空由 docs.control 报告。"),
	Run: runComplianceDeclaration,
}

func init() { Register(orgComplianceDeclaration) }

func runComplianceDeclaration(p *Pass) {
	if _, ok := requireKind(p, "document kind declaration", T(
		"No declaration of no major violation or quality incident is registered (no document of kind declaration)",
		"未登记无重大违法违规及质量事故声明（没有“守法声明”类文件）"), "declaration"); !ok {
		return
	}
	docs := docsOfKind(p.Dossier, "declaration")
	var latest *dossier.Document
	var latestDate dossier.Date
	for _, doc := range docs {
		if dt := signedOn(doc); !dt.IsZero() && !dt.After(p.AsOf) && (latest == nil || dt.After(latestDate)) {
			latest, latestDate = doc, dt
		}
	}
	switch {
	case latest == nil:
		p.Reportf(docs[0].PosOf("approved_on"), docsRecord(docs), Tf(
			"The declaration %s is undated, so it cannot be shown to be recent",
			"声明 %s 未注明日期，无法证明为近期声明", docNames(docs)))
	case latestDate.Before(p.AsOf.AddDate(-1, 0, 0)):
		p.Reportf(latest.PosOf("approved_on"), docRecord(latest), Text{
			EN: fmt.Sprintf("The latest declaration %s is dated %s, more than 12 months before %s", docName(latest), latestDate, p.AsOf),
			ZH: fmt.Sprintf("最近一份声明 %s 日期为 %s，早于 %s 前 12 个月", docName(latest), latestDate, p.AsOf),
		})
	}
}

// signedOn is the date a declaration was made: its approval, else its
// effective date.
func signedOn(doc *dossier.Document) dossier.Date {
	if !doc.ApprovedOn.IsZero() {
		return doc.ApprovedOn
	}
	return doc.Effective
}
