package audit

import (
	"testing"

	"github.com/certready/certready/checks"
)

func TestRecordLabelsReadInChinese(t *testing.T) {
	r := &Result{Materials: []Material{{ID: "staff_list", Title: checks.T("Complaint staff list", "投诉处理人员名单及资质")}},
		Findings: []Finding{{Check: "handling.channels-declared", Record: "channel phone"}}}
	for in, want := range map[string]string{
		"staff_list":                  "投诉处理人员名单及资质",
		"person P05":                  "人员 P05",
		"licence food_operation JY1":  "证照 食品经营许可证 JY1",
		"complaint log":               "投诉记录",
		"documents":                   "体系文件",
		"training T01":                "培训 T01",
		"document kind declaration":   "“守法声明”类文件",
		"docs/QM-01.md":               "docs/QM-01.md",
		"organisation sector finance": "组织信息：行业 金融",
		"role top_management":         "角色 最高管理者",
		"people handler":              "人员：投诉处理人员",
		"channel phone":               "渠道值“phone”",
		"channel hotline":             "渠道 hotline",
	} {
		if got := r.RecordLabel(in, "zh"); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
		if got := r.RecordLabel(in, "en"); got != in {
			t.Errorf("%q in English: %q", in, got)
		}
	}
}

func TestAFindingsOwnRecordLabelIsWhatAChineseReaderReads(t *testing.T) {
	r := &Result{}
	labelled := &Finding{Record: "complaint log: overdue", RecordLabel: checks.T("complaint log: overdue", "投诉记录：超期未结")}
	if got := r.FindingRecord(labelled, "zh"); got != "投诉记录：超期未结" {
		t.Errorf("labelled finding in Chinese: %q", got)
	}
	if got := r.FindingRecord(labelled, "en"); got != "complaint log: overdue" {
		t.Errorf("labelled finding in English: %q", got)
	}
	// A finding without a label of its own is worded from its record kind.
	if got := r.FindingRecord(&Finding{Record: "person P05"}, "zh"); got != "人员 P05" {
		t.Errorf("unlabelled finding in Chinese: %q", got)
	}
}
