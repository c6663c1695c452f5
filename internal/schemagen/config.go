package schemagen

import (
	"reflect"
	"strings"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/templates"
)

// configDocs describe the keys of certready.yaml other than the thresholds
// (whose descriptions are the ones the init skeleton prints), by their path.
var configDocs = map[string]string{
	"":                         "certready configuration: thresholds, working-day calendar, waivers, complaint-log mapping, presentation / certready 配置：阈值、工作日历、豁免、投诉记录映射、呈现",
	"jurisdiction":             "Jurisdiction whose rules apply / 适用的法域",
	"sector":                   "Sector whose rules of law apply, replacing organisation.sector for that purpose (e.g. finance) / 适用行业法规所依据的行业，覆盖组织信息中的行业",
	"timezone":                 "IANA time zone of times written without one / 未注明时区的时间所用时区",
	"lang":                     "Language of reports / 报告语言",
	"standard":                 "Clause labels: iso10002 or gbt19012 (same clause numbers) / 条款标注",
	"thresholds":               "Figures behind the checks; each defaults to the value init's skeleton shows / 检查所用阈值",
	"calendar":                 "A year's statutory holidays and make-up working days, from the State Council's notice; a year here replaces the embedded one entirely or adds a missing year / 按国务院办公厅通知补充或整体替换某年度节假日安排",
	"calendar.*.source":        "The notice the dates come from / 日期所依据的通知",
	"calendar.*.holidays":      "Days off, weekend days inside a holiday period included: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD / 放假日期（含假期内的周末），单日或区间",
	"calendar.*.workdays":      "Weekend days the notice makes working days (调休上班): YYYY-MM-DD or a range / 调休上班的周末",
	"sector_permits":           "Permit types a sector must hold, by sector / 各行业须持有的许可证类型",
	"waivers":                  "Findings accepted deliberately, each with a reason and an expiry / 经批准接受的发现",
	"waivers[].check":          "Check ID (or prefix ending in . or *) the waiver covers / 豁免的检查编号",
	"waivers[].record":         "Only findings whose record contains this / 仅豁免记录中含此文字的发现",
	"waivers[].justification":  "Why the finding is accepted / 接受的理由",
	"waivers[].approver":       "Who approved the waiver / 批准人",
	"waivers[].expires":        "Last day the waiver applies, YYYY-MM-DD / 豁免截止日期",
	"complaints":               "Where the complaint log is and how to read it / 投诉记录的位置和读取方式",
	"complaints.file":          "Log file relative to the dossier (default complaints.csv, .xlsx or .yaml) / 投诉记录文件",
	"complaints.sheet":         "Sheet of an xlsx log / xlsx 工作表名",
	"complaints.header_row":    "1-based header row; 0 detects it / 表头所在行，0 为自动识别",
	"complaints.encoding":      "Text encoding of a CSV log / CSV 编码",
	"complaints.columns":       "Source header → certready field key, for foreign CRM exports / 源表头到字段键的映射",
	"branding":                 "What the evidence pack's cover shows / 证据包封面信息",
	"branding.logo":            "Logo image file relative to the dossier / 标志图片",
	"branding.client":          "Client name / 客户名称",
	"branding.confidentiality": "Confidentiality marking / 保密标识",
	"branding.doc_number":      "Document number / 文件编号",
	"branding.doc_version":     "Document version / 文件版本",
	"limits":                   "Input size limits, checked before parsing / 输入大小限制",
	"limits.max_yaml_bytes":    "Largest YAML file read, in bytes / YAML 文件大小上限（字节）",
	"limits.max_cell_bytes":    "Largest spreadsheet cell, in bytes / 单元格大小上限（字节）",
	"limits.max_unzip_bytes":   "Largest uncompressed workbook, in bytes / 工作簿解压后大小上限（字节）",
	"limits.max_errors":        "Errors reported before giving up / 报告的错误数上限",
	"limits.max_yaml_nodes":    "Largest YAML document in nodes, aliases expanded / YAML 节点数上限",
	"limits.max_evidence_mib":  "Largest evidence file, in MiB / 证据文件大小上限（MiB）",
}

// configConstraints narrow a key beyond its Go type: the values the
// configuration's validation accepts.
var configConstraints = map[string]obj{
	"lang":                {"enum": []string{"en", "zh"}},
	"standard":            {"enum": []string{"iso10002", "gbt19012"}},
	"jurisdiction":        {"enum": []string{"cn"}},
	"thresholds.cutoff":   {"pattern": `^([01][0-9]|2[0-3]):[0-5][0-9]$`},
	"complaints.encoding": {"enum": []string{"utf-8", "utf8", "gb18030", "gbk", "gb2312"}},
	"waivers[].expires":   {"format": "date"},
	"calendar.*.holidays": {"items": obj{"type": "string", "pattern": dateOrRange}},
	"calendar.*.workdays": {"items": obj{"type": "string", "pattern": dateOrRange}},
}

// dateOrRange is a date or an inclusive range of dates, as the calendar
// block accepts them.
const dateOrRange = `^[0-9]{4}-[0-9]{2}-[0-9]{2}(\.\.[0-9]{4}-[0-9]{2}-[0-9]{2})?$`

// ConfigSchema returns the JSON Schema (draft 2020-12) of certready.yaml,
// derived from config.Config by reflection so that a key added there
// appears here; unknown keys are refused, as the loader refuses them.
func ConfigSchema() []byte {
	s := typeSchema(reflect.TypeOf(config.Config{}), "")
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = BaseURL + ConfigName + ".schema.json"
	s["title"] = config.FileName
	if w, ok := s["properties"].(obj)["waivers"].(obj); ok {
		w["items"].(obj)["required"] = []string{"check", "justification"}
	}
	return encode(s)
}

// ConfigName is the schema name of certready.yaml.
const ConfigName = "config"

func typeSchema(t reflect.Type, path string) obj {
	s := obj{}
	if d := configDoc(path); d != "" {
		s["description"] = d
	}
	switch t.Kind() {
	case reflect.Struct:
		props := obj{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if key == "" || key == "-" {
				continue
			}
			props[key] = typeSchema(f.Type, join(path, key))
		}
		s["type"] = "object"
		s["additionalProperties"] = false
		s["properties"] = props
	case reflect.Map:
		s["type"] = "object"
		if t.Key().Kind() == reflect.Int {
			s["propertyNames"] = obj{"pattern": "^[0-9]{4}$"}
		}
		s["additionalProperties"] = typeSchema(t.Elem(), join(path, "*"))
	case reflect.Slice:
		s["type"] = "array"
		s["items"] = typeSchema(t.Elem(), path+"[]")
	case reflect.String:
		s["type"] = "string"
	case reflect.Int, reflect.Int64:
		s["type"] = "integer"
		s["minimum"] = 0
	case reflect.Float64:
		s["type"] = "number"
		s["minimum"] = 0
	case reflect.Bool:
		s["type"] = "boolean"
	}
	for k, v := range configConstraints[path] {
		s[k] = v
	}
	// A key written with nothing after it ("thresholds:" above commented
	// lines, as in init's skeleton) is null, which leaves the default.
	if path != "" {
		s["type"] = []any{s["type"], "null"}
		if e, ok := s["enum"].([]string); ok {
			vals := []any{}
			for _, v := range e {
				vals = append(vals, v)
			}
			s["enum"] = append(vals, nil)
		}
	}
	return s
}

func configDoc(path string) string {
	if k, ok := strings.CutPrefix(path, "thresholds."); ok && !strings.Contains(k, ".") {
		if d := templates.ThresholdDoc(k); d != "" {
			return d
		}
	}
	return configDocs[path]
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
