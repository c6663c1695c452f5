package checks

import (
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// Stage-1 document review: the certification body reads the internal audit
// report and asks who audited and whether they were trained to. The
// evidence is an internal-auditor certificate (内审员证书, issued after an
// internal-auditor course) on the qualifications sheet, or a training
// session on internal auditing the auditor attended before the audit.
func init() {
	Register(&Check{
		ID:          "improvement.auditor-qualification",
		Title:       T("The internal auditor is qualified", "内审员具备资格"),
		Severity:    Minor,
		Requirement: []string{"R20"},
		Nodes:       []string{"cn-scheme:S2.2"},
		Principles:  []string{"4.14"},
		Basis:       OnScheme,
		Source:      T("Certification bodies' stage-1 document review: the submitted materials, the internal audit among them, are checked for completeness and conformity before the on-site audit; an internal auditor's training is evidenced by an internal-auditor certificate, issued after an internal-auditor course and examination.", "认证机构第一阶段文件审核：在现场审核前检查申请材料（包括内部审核）是否完整、符合要求；内审员的培训以内审员证书为证，该证书在完成内审员培训并考核合格后颁发。"),
		Evidence:    T("For the lead auditor of each internal audit covering complaints handling: an internal-auditor certificate on the qualifications sheet valid on the audit date, or a training session on internal auditing (topic internal_audit) attended before the audit, with its sign-in sheet.", "覆盖投诉处理的每次内部审核的审核组长：在资质证书表中有审核日有效的内审员证书，或在审核前参加过内审员培训（培训内容为“内审员培训”）并有签到表。"),
		Remedy:      T("Have the auditor trained as an internal auditor (an ISO 10002 / GB/T 19012 internal-auditor course) and add the certificate to the qualifications sheet, or choose a qualified auditor for the next audit.", "安排审核员参加内审员培训（ISO 10002 / GB/T 19012 内审员课程），并将证书登记在资质证书表中；或在下次审核时选派具备资格的审核员。"),
		Doc:         T("Judges the internal audits covering complaints handling dated on or before the as-of date whose auditor is found in the people records (improvement.audit-independence reports an auditor who is not). A qualification counts when its name mentions internal audit or auditor (内审, 内部审核, 审核员, internal audit, auditor) and it was issued by the audit date and not expired on it; a training session counts when its topics include internal_audit and the auditor attended it on or before the audit date. Training on the standard alone is not internal-auditor training.", "评价评估日及之前、覆盖投诉处理且审核组长可在人员表中查到的内部审核（查不到时由 improvement.audit-independence 报告）。资质证书名称含“内审”“内部审核”“审核员”或英文“internal audit”“auditor”，且在审核日已颁发、未过期，即予认可；培训内容含“内审员培训”且审核员在审核日或之前参加的培训亦予认可。仅参加标准培训不视为内审员培训。"),
		Run:         runAuditorQualification,
	})
}

// auditorCertificateWords mark a qualification as an internal-auditor one.
var auditorCertificateWords = []string{"内审", "内部审核", "审核员", "internal audit", "auditor"}

func auditorQualified(d *dossier.Dossier, person string, on dossier.Date) bool {
	for i := range d.Qualifications {
		q := &d.Qualifications[i]
		if strings.TrimSpace(q.Person) != person || (!q.Issued.IsZero() && q.Issued.After(on)) || !q.ValidUntil.ValidOn(on) {
			continue
		}
		name := strings.ToLower(q.Name)
		for _, w := range auditorCertificateWords {
			if strings.Contains(name, w) {
				return true
			}
		}
	}
	for i := range d.Training {
		t := &d.Training[i]
		if !t.Date.After(on) && t.Attended(person) {
			for _, topic := range t.Topics {
				if topic == "internal_audit" {
					return true
				}
			}
		}
	}
	return false
}

func runAuditorQualification(p *Pass) {
	d := p.Dossier
	for i := range d.Audits {
		a := &d.Audits[i]
		if !a.CoversComplaints || a.Date.After(p.AsOf) {
			continue
		}
		who := personFor(d, a.Auditor)
		if who == nil || auditorQualified(d, who.ID, a.Date) {
			continue
		}
		p.Report(Finding{Pos: a.PosOf("auditor"), Record: "audit " + a.ID, Message: Tf(
			"The auditor %s of internal audit %s holds no internal-auditor certificate valid on %s and attended no internal-audit training before it",
			"审核组长 %s（内部审核 %s）在 %s 没有有效的内审员证书，审核前也未参加内审员培训", who.ID, a.ID, a.Date)})
	}
}
