package checks

// The banking and insurance complaint measures require that the decision,
// when told, name the complainant's recourse: review by the superior
// institution, mediation, arbitration, litigation. The check asks for it
// in the procedure that governs how decisions are told.
func init() {
	Register(&Check{
		ID:           "sector.finance-recourse",
		Title:        T("Decisions tell the complainant the recourse channels", "告知处理决定时告知救济途径"),
		Severity:     Major,
		Requirement:  []string{"R13"},
		Nodes:        []string{"cn-finance:F1.3"},
		Principles:   []string{"4.4"},
		Basis:        OnLaw,
		Source:       financeSource("article 19", "第十九条"),
		Jurisdiction: "cn",
		Sectors:      financeSectors,
		Evidence:     T("The complaints procedure (or manual, policy or work instruction) requires the decision notice to tell the complainant the recourse channels: applying to the superior institution for review, mediation, arbitration and litigation (covers: recourse).", "投诉处理程序（或手册、方针、作业指导书）要求在告知处理决定时告知投诉人申请核查、调解、仲裁、诉讼等救济途径（涵盖要素：告知救济途径）。"),
		Remedy:       T("Add the recourse channels to the decision notice template and to the procedure step that tells the decision; list recourse in the document's covers.", "在处理决定告知书模板和程序中告知决定的环节写明救济途径；并在该文件的涵盖要素中列明告知救济途径。"),
		Run:          runSectorFinanceRecourse,
	})
}

func runSectorFinanceRecourse(p *Pass) {
	if documentCovering(p.Dossier, "recourse") {
		return
	}
	p.Reportf(p.Dossier.PlaceOf("documents"), "documents", T(
		"No manual, policy, procedure or work instruction requires the decision to tell the complainant the recourse channels (review, mediation, arbitration, litigation) as the banking and insurance complaint measures do (covers: recourse)",
		"没有手册、方针、程序文件或作业指导书要求在告知处理决定时告知申请核查、调解、仲裁、诉讼等救济途径，不符合银行业保险业消费投诉处理管理办法（涵盖要素：告知救济途径）"))
}
