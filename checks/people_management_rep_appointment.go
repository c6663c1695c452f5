package checks

import "fmt"

// people.management-rep-appointment: the written appointment of the
// management representative, signed by top management. The role in the
// people sheet (people.management-rep) says who it is; the appointment is
// what shows top management made it.

var peopleManagementRepAppointment = &Check{
	ID:          "people.management-rep-appointment",
	Title:       T("Management representative appointed in writing by top management", "管理者代表由最高管理者书面任命"),
	Severity:    Minor,
	Requirement: []string{"R10", "R22"},
	Clauses:     []string{"5.4"},
	Nodes:       []string{"cn-scheme:S3.4"},
	Basis:       OnStandard,
	Principles:  []string{"4.12"},
	Evidence: T("An appointment letter (document kind appointment) naming the complaints-handling management representative and their responsibilities and authority, approved by a person with the top_management role, with its file in the dossier.",
		"管理者代表任命书（文件类型“任命书”），写明投诉处理管理者代表及其职责和权限，由最高管理者批准，文件在资料包中。"),
	Remedy: T("Have top management sign the appointment of the management representative, register it as a document of kind appointment with approved_by, and file it.",
		"由最高管理者签发管理者代表任命书，登记为“任命书”类文件并填写批准人，归档。"),
	Doc: T("ISO 10002 5.4: top management appoints a complaints-handling management representative. Minor when no document of kind appointment is registered, or when none is approved by a person with the top_management role (checked only when someone holds that role; people.top-commitment reports its absence). A missing or empty file is docs.control's finding.",
		"ISO 10002 5.4：最高管理者任命投诉处理管理者代表。未登记“任命书”类文件，或任命书均非由最高管理者角色的人员批准，为轻微不符合（仅在有人担任最高管理者角色时检查批准人；无此角色由 people.top-commitment 报告）。文件缺失或为空由 docs.control 报告。"),
	Run: runManagementRepAppointment,
}

func init() { Register(peopleManagementRepAppointment) }

func runManagementRepAppointment(p *Pass) {
	d := p.Dossier
	if _, ok := requireKind(p, "document kind appointment", T(
		"No appointment of the management representative is registered (no document of kind appointment)",
		"未登记管理者代表任命书（没有“任命书”类文件）"), "appointment"); !ok {
		return
	}
	top := peopleWithRole(d, roleTopManagement)
	if len(top) == 0 {
		return
	}
	docs := docsOfKind(d, "appointment")
	for _, doc := range docs {
		if isPerson(doc.ApprovedBy, top) {
			return
		}
	}
	doc := docs[0]
	p.Reportf(doc.PosOf("approved_by"), docRecord(doc), Text{
		EN: fmt.Sprintf("The appointment %s is not approved by top management (approved by %q); ISO 10002 5.4 has top management appoint the representative", docNames(docs), doc.ApprovedBy),
		ZH: fmt.Sprintf("任命书 %s 未经最高管理者批准（批准人“%s”）；ISO 10002 5.4 规定由最高管理者任命管理者代表", docNames(docs), doc.ApprovedBy),
	})
}
