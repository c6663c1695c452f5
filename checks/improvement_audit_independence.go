package checks

import (
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// 8.5: an audit of the complaints-handling process is objective only when
// its auditor does not audit their own work. Who is responsible for the
// audited activity is read from the records: the people of the audited
// departments and, when the audit covers complaints handling, the
// complaint department and everyone who handles complaints or manages
// their handling. An audit failing this does not count as the internal
// audit a certification body needs before application (see
// EarliestApplication): the records win over the declaration.
func init() {
	Register(&Check{
		ID:          "improvement.audit-independence",
		Title:       T("Internal auditors do not audit their own work", "内审员不审核自己的工作"),
		Severity:    Major,
		Requirement: []string{"R20"},
		Clauses:     []string{"8.5"},
		Nodes:       []string{"cn-scheme:S2.2"},
		Principles:  []string{"4.7"},
		Basis:       OnStandard,
		Evidence:    T("Each internal audit names its lead auditor by person id, and the auditor is neither in an audited department nor, when the audit covers complaints handling, a complaint handler, the complaint manager or a member of the complaint department.", "每次内部审核以人员编号登记审核组长，且审核组长不属于受审核部门；审核投诉处理过程时，审核组长也不是投诉处理人员、投诉管理负责人或投诉管理部门成员。"),
		Remedy:      T("Have the audit led by someone independent of the audited activity (for example a trained internal auditor from another department, or an external auditor) and record the auditor's person id.", "由独立于受审核活动的人员（如其他部门经培训的内审员或外部审核员）担任审核组长，并登记其人员编号。"),
		Doc:         T("Judges every internal audit dated on or before the as-of date that covers complaints handling or names audited departments. The auditor field is read as a person id, else as a name that exactly one person has. Major when the auditor is responsible for the audited activity: a member of an audited department (departments compared without bracketed suffixes, so 客户服务部（投诉管理中心） is 客户服务部), or, for an audit covering complaints handling, a member of the organisation's complaint department, a complaint handler or the complaint manager; such an audit does not count towards the earliest application date. Minor when no auditor is named or the auditor is not in the people records, since independence cannot then be judged.", "评价评估日及之前、覆盖投诉处理或登记了受审核部门的每次内部审核。“审核组长”先按人员编号查找，否则按姓名查找（须唯一）。审核组长对受审核活动负有责任时为严重不符合：属于受审核部门（部门名称比较时忽略括号内的补充说明，如“客户服务部（投诉管理中心）”视为“客户服务部”），或在审核投诉处理过程时属于投诉管理部门、是投诉处理人员或投诉管理负责人；此类审核不计入最早可申请日期。未登记审核组长或人员表中查不到该人时为轻微不符合，因无法判断独立性。"),
		Run:         runAuditIndependence,
	})
}

// personFor finds the person a record names: by person id, else by a name
// exactly one person has.
func personFor(d *dossier.Dossier, ref string) *dossier.Person {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil
	}
	if p := d.PersonByID(ref); p != nil {
		return p
	}
	var found *dossier.Person
	for i := range d.People {
		if strings.TrimSpace(d.People[i].Name) == ref {
			if found != nil {
				return nil
			}
			found = &d.People[i]
		}
	}
	return found
}

// deptKey compares department names: trimmed, without a bracketed
// suffix ("客户服务部（投诉管理中心）" is "客户服务部").
func deptKey(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "(（"); i > 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// auditConflict says why the auditor of a is responsible for the audited
// activity; the zero Text when they are not, or cannot be identified.
func auditConflict(d *dossier.Dossier, a *dossier.Audit) (*dossier.Person, Text) {
	p := personFor(d, a.Auditor)
	if p == nil {
		return nil, Text{}
	}
	dept := deptKey(p.Department)
	for _, ad := range a.AuditedDepartments {
		if dept != "" && deptKey(ad) == dept {
			return p, Tf("belongs to the audited department %s", "属于受审核部门 %s", strings.TrimSpace(ad))
		}
	}
	if !a.CoversComplaints {
		return p, Text{}
	}
	if o := d.Organisation; o != nil && dept != "" && deptKey(o.ComplaintDepartment) == dept {
		return p, Tf("belongs to the complaint department %s", "属于投诉管理部门 %s", strings.TrimSpace(o.ComplaintDepartment))
	}
	for _, r := range []string{"complaint_manager", "handler"} {
		if p.HasRole(r) {
			return p, T("holds the role "+r+" in complaints handling", "在投诉处理中担任"+labelZH("role", r))
		}
	}
	if p.Handler {
		return p, T("is a complaint handler", "是投诉处理人员")
	}
	return p, Text{}
}

// auditIndependent reports whether an audit may count as the internal
// audit: false only when its auditor is shown to audit their own work.
func auditIndependent(d *dossier.Dossier, a *dossier.Audit) bool {
	_, why := auditConflict(d, a)
	return why.EN == ""
}

func runAuditIndependence(p *Pass) {
	d := p.Dossier
	for i := range d.Audits {
		a := &d.Audits[i]
		if a.Date.After(p.AsOf) || (!a.CoversComplaints && len(a.AuditedDepartments) == 0) {
			continue
		}
		rec := "audit " + a.ID
		if strings.TrimSpace(a.Auditor) == "" {
			p.Report(Finding{Pos: a.PosOf("auditor"), Record: rec, Severity: Minor, Message: Tf(
				"Internal audit %s of %s names no auditor, so its independence from the audited activity cannot be judged",
				"内部审核 %s（%s）未登记审核组长，无法判断其是否独立于受审核活动", a.ID, a.Date)})
			continue
		}
		who, why := auditConflict(d, a)
		switch {
		case who == nil:
			p.Report(Finding{Pos: a.PosOf("auditor"), Record: rec, Severity: Minor, Message: Tf(
				"The auditor of internal audit %s is not found in the people records by person id or name, so independence cannot be judged",
				"人员表中按人员编号或姓名均查不到内部审核 %s 的审核组长，无法判断其独立性", a.ID)})
		case why.EN != "":
			p.Report(Finding{Pos: a.PosOf("auditor"), Record: rec, Message: T(
				"Internal audit "+a.ID+" of "+a.Date.String()+" was led by "+who.ID+", who "+why.EN+": an auditor may not audit their own work, so this audit does not count as the internal audit before application",
				"内部审核 "+a.ID+"（"+a.Date.String()+"）的审核组长 "+who.ID+" "+why.ZH+"：审核员不得审核自己的工作，因此该审核不能作为申请前的内部审核")})
		}
	}
}
