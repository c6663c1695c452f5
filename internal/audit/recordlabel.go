package audit

import (
	"strings"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/metrics"
	"github.com/certready/certready/internal/vocab"
)

// A finding's Record is its identity ("person P05", "licence food_operation
// JY…", "complaint log: overdue", "staff_list"): stable across runs and
// languages, which is what a waiver and a diff need, and English, which a
// Chinese reader should not meet. FindingRecord is how outputs print it:
// the finding's own label where the check words its record (an aspect of
// the complaint log is the check's), else RecordLabel, from the record
// kinds every check shares.

var recordKindsZH = []struct{ prefix, zh string }{
	{"plan step ", "认证计划步骤 "}, {"documents ", "文件 "}, {"document ", "文件 "}, {"person ", "人员 "},
	{"licence ", "证照 "}, {"survey ", "满意度调查 "}, {"audit ", "内部审核 "}, {"review ", "管理评审 "},
	{"training ", "培训 "}, {"action ", "纠正措施 "}, {"objective ", "目标 "}, {"channel ", "渠道 "},
	{"category ", "投诉类别 "},
}

const complaintLogPrefix = "complaint log"

// KeyLabel is a key of a KPI breakdown ("channel" or "category") as a
// reader of lang reads it: the overflow and blank buckets by their names;
// a key the organisation declared with a name by that name in Chinese and
// as "key name" in English; an undeclared channel type by its Chinese
// label; anything else as it is.
func (r *Result) KeyLabel(kind, key, lang string) string {
	switch key {
	case metrics.OtherKey:
		return vocab.T("(other)", "（其他）").In(lang)
	case "":
		return vocab.T("(blank)", "（空）").In(lang)
	}
	if name := r.Names[kind][key]; name != "" && name != key {
		if lang == "zh" {
			return name
		}
		return key + " " + name
	}
	if lang == "zh" {
		if l, ok := dossier.EnumLabelsZH[kind][key]; ok {
			return l
		}
	}
	return key
}

// FindingRecord is f's record as a reader of lang reads it: the label the
// check gave it, when it gave one, else RecordLabel of its identity.
func (r *Result) FindingRecord(f *Finding, lang string) string {
	if lang == "zh" && f.RecordLabel.ZH != "" {
		return f.RecordLabel.ZH
	}
	return r.RecordLabel(f.Record, lang)
}

// enumRecords are the records named by an enum value: the organisation's
// sector, a role nobody holds, the people marked as handlers.
var enumRecords = []struct{ prefix, set, zh string }{
	{"organisation sector ", "sector", "组织信息：行业 "}, {"role ", "role", "角色 "}, {"people ", "role", "人员："},
}

func enumRecordZH(record string) (string, bool) {
	for _, e := range enumRecords {
		if v, ok := strings.CutPrefix(record, e.prefix); ok {
			if l, ok := dossier.EnumLabelsZH[e.set][v]; ok {
				return e.zh + l, true
			}
		}
	}
	return "", false
}

// undeclared reports whether a channel or category key is one the log
// uses without the dossier declaring it: the declared-ness rule found it.
func (r *Result) undeclared(kind, key string) bool {
	check := map[string]string{"channel": "handling.channels-declared", "category": "handling.categories-declared"}[kind]
	for _, f := range r.Findings {
		if f.Check == check && f.Record == kind+" "+key {
			return true
		}
	}
	return false
}

// RecordLabel is a finding's record (or a material's reference) as a
// reader of lang reads it: as is in English; in Chinese, the record kind
// by its sheet's name, enum values by their labels and a materials item by
// its title. Ids, numbers and file paths stay as they are.
func (r *Result) RecordLabel(record, lang string) string {
	if lang != "zh" || record == "" {
		return record
	}
	for _, m := range r.Materials {
		if m.ID == record {
			return m.Title.ZH
		}
	}
	if rest, ok := strings.CutPrefix(record, complaintLogPrefix); ok {
		// An aspect of the log is the check's to word, on the finding
		// (FindingRecord); only the log as a whole is named here.
		if aspect := strings.TrimPrefix(rest, ": "); aspect != "" {
			return "投诉记录：" + aspect
		}
		return "投诉记录"
	}
	if kind, ok := strings.CutPrefix(record, "document kind "); ok {
		// A document the register lacks altogether: named by its kind.
		if l, ok := dossier.EnumLabelsZH["document"][kind]; ok {
			kind = l
		}
		return "“" + kind + "”类文件"
	}
	if rt, ok := dossier.TypeByName(record); ok {
		return rt.SheetZH
	}
	if zh, ok := enumRecordZH(record); ok {
		return zh
	}
	for _, kind := range []string{"channel", "category"} {
		// A key the log uses but the dossier does not declare is the
		// log's own value: quoted as such, never read as a code.
		if key, ok := strings.CutPrefix(record, kind+" "); ok && r.undeclared(kind, key) {
			return map[string]string{"channel": "渠道", "category": "投诉类别"}[kind] + "值“" + key + "”"
		}
	}
	for _, k := range recordKindsZH {
		if rest, ok := strings.CutPrefix(record, k.prefix); ok {
			if k.prefix == "licence " {
				typ, num, _ := strings.Cut(rest, " ")
				if l, ok := dossier.EnumLabelsZH["licence"][typ]; ok {
					typ = l
				}
				return strings.TrimSpace(k.zh + typ + " " + num)
			}
			return k.zh + rest
		}
	}
	return record
}
