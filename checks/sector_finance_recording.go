package checks

import (
	"fmt"
	"strings"
)

// The banking and insurance complaint measures (article 7, second
// paragraph) require a designated complaint reception area and audio or
// video recording equipment that records and keeps the reception and
// handling of complaints. The resources record says what the
// organisation has; the check asks for a workspace and recording
// equipment there.

// financeRecordingEquipment is the equipment that records reception and
// handling: audio ("录音") or video ("录像").
var financeRecordingEquipment = []string{"call_recording", "camera"}

func init() {
	Register(&Check{
		ID:           "sector.finance-recording",
		Title:        T("A reception area with audio or video recording of complaint reception and handling", "设立投诉接待区域并配备录音录像等设备"),
		Severity:     Major,
		Requirement:  []string{"R17"},
		Nodes:        []string{"cn-finance:F1.4"},
		Principles:   []string{"4.3"},
		Basis:        OnLaw,
		Source:       financeSource("article 7, second paragraph", "第七条第二款"),
		Jurisdiction: "cn",
		Sectors:      financeSectors,
		Evidence:     T("The resources record names the complaint reception area (workspace) and recording equipment (call_recording or camera) that records and keeps the reception and handling of complaints.", "资源记录写明投诉接待区域（工作场所）和记录并保存投诉接待处理过程的录音录像设备（通话录音或摄像设备）。"),
		Remedy:       T("Set up or designate a complaint reception area, equip it to record reception and handling by audio or video, keep the recordings, and record the workspace and the equipment (call_recording, camera) in the resources record.", "设立或指定投诉接待区域，配备录音录像等设备记录投诉接待处理过程并保存；在资源记录中登记工作场所和设备（通话录音、摄像设备）。"),
		Doc:          T("Article 7 of the banking and insurance complaint measures: the institution sets up or designates a complaint reception area and equips it with audio or video recording equipment to record and keep the reception and handling process. Judged on the resources record: the workspace must be named and the equipment must include call_recording or camera. Whether the recordings are actually kept is for the auditor to sample.", "《银行业保险业消费投诉处理管理办法》第七条：银行保险机构应当设立或者指定投诉接待区域，配备录音录像等设备记录并保存消费投诉接待处理过程。依据资源记录评价：须写明工作场所，设备须含通话录音或摄像设备。录音录像是否实际保存由审核员抽查。"),
		Run:          runSectorFinanceRecording,
	})
}

func runSectorFinanceRecording(p *Pass) {
	r := p.Dossier.Resources
	if r == nil {
		p.Reportf(p.Dossier.PlaceOf("resources"), "resources", T(
			"No resources are recorded, so neither the complaint reception area nor the audio or video recording equipment the banking and insurance complaint measures require (article 7) can be seen",
			"没有资源记录，无法看到银行业保险业消费投诉处理管理办法第七条要求的投诉接待区域和录音录像设备"))
		return
	}
	if strings.TrimSpace(r.Workspace) == "" {
		p.Reportf(r.PosOf("workspace"), "resources", T(
			"No complaint reception area is recorded (workspace); the banking and insurance complaint measures require one (article 7)",
			"未登记投诉接待区域（工作场所）；银行业保险业消费投诉处理管理办法第七条要求设立或指定投诉接待区域"))
	}
	for _, e := range r.Equipment {
		for _, want := range financeRecordingEquipment {
			if e == want {
				return
			}
		}
	}
	p.Reportf(r.PosOf("equipment"), "resources", Text{
		EN: fmt.Sprintf("No audio or video recording equipment (%s) is recorded to record and keep complaint reception and handling, as the banking and insurance complaint measures require (article 7)", strings.Join(financeRecordingEquipment, " or ")),
		ZH: fmt.Sprintf("未登记记录并保存投诉接待处理过程的录音录像设备（%s），不符合银行业保险业消费投诉处理管理办法第七条", strings.Join(labelsZH("equipment", financeRecordingEquipment), "或")),
	})
}
