package checks

// The banking and insurance complaint measures require a recusal system:
// a complaint is verified by staff with no direct interest in the matter
// complained of. The log does not say who was complained about, so the
// check asks for the system itself in the controlled documents.
func init() {
	Register(&Check{
		ID:           "sector.finance-recusal",
		Title:        T("A recusal system keeps conflicted staff off a complaint", "建立消费投诉处理回避制度"),
		Severity:     Major,
		Requirement:  []string{"R7"},
		Nodes:        []string{"cn-finance:F1.2"},
		Principles:   []string{"4.7"},
		Basis:        OnLaw,
		Source:       financeSource("article 17", "第十七条"),
		Jurisdiction: "cn",
		Sectors:      financeSectors,
		Evidence:     T("The complaints procedure (or manual, policy or work instruction) sets up recusal: whoever has a direct interest in the matter complained of does not verify or decide the complaint (covers: recusal).", "投诉处理程序（或手册、方针、作业指导书）建立回避制度：与被投诉事项有直接利益关系的人员不得核实或处理该投诉（涵盖要素：回避制度）。"),
		Remedy:       T("Write recusal into the complaints procedure: who counts as having a direct interest, who appoints the verifier instead, how the appointment is recorded; list recusal in the document's covers.", "在投诉处理程序中写明回避制度：何为与被投诉事项有直接利益关系、由谁另行指定核实人员、如何记录指定；并在该文件的涵盖要素中列明回避制度。"),
		Run:          runSectorFinanceRecusal,
	})
}

func runSectorFinanceRecusal(p *Pass) {
	if documentCovering(p.Dossier, "recusal") {
		return
	}
	p.Reportf(p.Dossier.PlaceOf("documents"), "documents", T(
		"No manual, policy, procedure or work instruction sets up the recusal system the banking and insurance complaint measures require (covers: recusal)",
		"没有手册、方针、程序文件或作业指导书建立银行业保险业消费投诉处理管理办法要求的回避制度（涵盖要素：回避制度）"))
}
