package checks

import (
	"fmt"
	"github.com/certready/certready/internal/config"
	"strings"

	"github.com/certready/certready/internal/dossier"
)

// The documented system (R6–R9): quality manual, procedures, work
// instructions, forms, and the control of all of them. Content checks read
// the `covers` list a document declares; they do not look at its file, so a
// document whose file is missing still counts for content and the missing
// file is reported once, by docs.control.

func init() {
	Register(
		&Check{
			ID:          "docs.manual",
			Title:       T("Quality manual states policy, scope, structure and responsibilities, approved and in force", "质量手册明确方针、范围、组织结构和职责，已批准并生效"),
			Severity:    Major,
			Requirement: []string{"R6"},
			Clauses:     []string{"5.3", "5.4"},
			Nodes:       []string{"cn-scheme:S3.1"},
			Basis:       OnScheme,
			Source:      T("Certification bodies' application materials: the quality manual.", "认证机构申请材料：质量手册。"),
			Principles:  []string{"4.2", "4.12"},
			Evidence:    T("A quality manual (document kind manual) that sets out the complaints-handling policy, the scope of the system, the organisation structure and the responsibilities, with approver, approval date and an effective date on or before the as-of date.", "一份质量手册（文件类型“手册”），阐明投诉处理方针、体系范围、组织结构和职责分工，有批准人、批准日期，生效日期不晚于评估基准日。"),
			Remedy:      T("Write or complete the quality manual, list the elements it covers in {{documents.covers}} (policy; scope; organisation_structure; responsibilities), have top management approve it and put it into effect.", "编制或补全质量手册，在“涵盖要素”中列明所含要素（“投诉处理方针”、“体系范围”、“组织结构”、“职责分工”），由最高管理者批准并发布生效。"),
			Doc:         T("Looks at every document of kind manual. The four elements may be spread over several manuals; the policy may also be issued as a separate document of kind policy, which the manual then references. Each manual must name who approved it and when, and be effective on or before the as-of date. A missing manual file is reported by docs.control, not here.", "检查所有文件类型为“手册”的文件。四个要素可分布在多份手册中；方针也可单独发布为文件类型为“方针”的文件，由手册引用。每份手册须有批准人和批准日期，且生效日期不晚于基准日。手册文件缺失由 docs.control 报告。"),
			Run:         runDocsManual,
		},
		&Check{
			ID:          "docs.procedures",
			Title:       T("Complaints-handling procedure covers the whole process", "投诉处理程序覆盖全过程"),
			Severity:    Major,
			Requirement: []string{"R7"},
			Clauses:     []string{"6.3", "7.2", "7.5", "7.6", "7.7", "7.9"},
			Basis:       OnStandard,
			Principles:  []string{"4.2", "4.4"},
			Evidence:    T("One or more procedures (document kind procedure) that together cover receipt, classification, assessment, action, execution, follow-up and closing of complaints, their time limits and complaint categories.", "一份或多份程序文件（文件类型“程序文件”），合起来覆盖投诉的接收、分类、评估、处理措施制定、执行、回访跟踪和关闭，以及处理时限和投诉类别。"),
			Remedy:      T("Extend the procedure to the missing steps and list them in its {{documents.covers}}.", "在程序文件中补充缺少的环节，并在“涵盖要素”中列明。"),
			Doc:         T("The union of the `covers` of all documents of kind procedure must contain receipt, classification, assessment, action, execution, follow_up, closing, time_limits and categories. The manual does not stand in for a procedure.", "所有文件类型为“程序文件”的文件的“涵盖要素”合并后须包含接收、分类、评估、处理措施制定、措施执行、回访跟踪、关闭、处理时限、投诉类别及责任部门。质量手册不能代替程序文件。"),
			Run:         runDocsProcedures,
		},
		&Check{
			ID:          "docs.time-limits",
			Title:       T("Procedure sets contact and initial-solution time limits", "程序规定联系和初步解决时限"),
			Severity:    Major,
			Requirement: []string{"R7"},
			Clauses:     []string{"7.4", "4.15"},
			Basis:       OnStandard,
			Principles:  []string{"4.6", "4.15"},
			Evidence:    T("A procedure stating the organisation's own limits: how soon the complainant is contacted ({{documents.contact_within_h}}) and how soon an initial solution is given ({{documents.solution_within_h}}).", "程序文件规定组织自身的时限：多久联系投诉人（{{documents.contact_within_h}}）、多久给出初步解决方案（{{documents.solution_within_h}}）。"),
			Remedy:      T("State both time limits in the procedure and record them in {{documents.contact_within_h}} and {{documents.solution_within_h}}; consider the recommended 24 h and 48 h.", "在程序文件中规定两个时限，并填写{{documents.contact_within_h}}和{{documents.solution_within_h}}两栏；可参考推荐的 24 小时和 48 小时。"),
			Doc:         T("ISO 10002 asks the organisation to define its time frames (7.1, 6.3) and sets no figure. At least one document of kind procedure must state each limit (a value above zero); the strictest limit stated is the one the complaint log is measured against (handling.ack-24h, handling.feedback-48h). A procedure looser than a figure certready.yaml sets as policy is a minor finding; looser than recommended practice (24 h, 48 h) only an observation.", "ISO 10002 要求组织确定处理时限（7.1、6.3），未规定具体数值。至少一份程序文件须规定每个时限（大于零）；投诉台账按所规定的最严时限衡量（handling.ack-24h、handling.feedback-48h）。程序文件宽于 certready.yaml 设为贵组织规定的数值为轻微不符合；仅宽于推荐做法（24 小时、48 小时）为观察项。"),
			Run:         runDocsTimeLimits,
		},
		&Check{
			ID:          "docs.categories",
			Title:       T("Complaint categories with a responsible department", "投诉类别及责任部门"),
			Severity:    Observation,
			Requirement: []string{"R7"},
			Clauses:     []string{"7.5"},
			Basis:       OnPractice,
			Source:      T("Chinese certification consultancy guidance (R7).", "国内认证咨询资料（R7）。"),
			Principles:  []string{"4.12"},
			Evidence:    T("A list of complaint categories (product quality, service attitude, …), each with the department responsible for handling it.", "投诉类别清单（产品质量、服务态度等），每个类别有负责处理的部门。"),
			Remedy:      T("Define the complaint categories and name the responsible department for each.", "确定投诉类别，并为每个类别指定责任部门。"),
			Doc:         T("No categories at all is major; a category without a department is minor.", "未定义任何类别为严重不符合；类别缺少责任部门为轻微不符合。"),
			Run:         runDocsCategories,
		},
		&Check{
			ID:          "docs.work-instructions",
			Title:       T("Work instructions for root-cause analysis, communication and forms", "原因分析、沟通和表单填写的作业指导书"),
			Severity:    Observation,
			Requirement: []string{"R8"},
			Clauses:     []string{"7.6", "7.1"},
			Basis:       OnPractice,
			Source:      T("Chinese certification consultancy guidance (R8).", "国内认证咨询资料（R8）。"),
			Principles:  []string{"4.14", "4.9"},
			Evidence:    T("Work instructions (document kind instruction) on root-cause methods (fishbone diagram, 5 Why), communication norms with complainants and the rules for filling in complaint forms.", "作业指导书（文件类型“作业指导书”），涵盖原因分析方法（鱼骨图、5Why）、与顾客沟通的语言规范和技巧、各类投诉记录表格的填写规范。"),
			Remedy:      T("Write the missing work instructions and list root_cause_methods, communication_norms and form_rules in their {{documents.covers}}.", "编制缺少的作业指导书，并在“涵盖要素”中列明“原因分析方法”、“沟通规范”、“表格填写规范”。"),
			Doc:         T("No document of kind instruction is major; instructions that leave out one of the three elements are minor.", "没有文件类型为“作业指导书”的文件为严重不符合；作业指导书缺少三个要素之一为轻微不符合。"),
			Run:         runDocsWorkInstructions,
		},
		&Check{
			ID:          "docs.forms",
			Title:       T("Complaint forms: intake register, handling record, follow-up record, analysis report", "投诉表单：受理登记表、处理过程记录表、回访记录表、数据分析报表"),
			Severity:    Major,
			Requirement: []string{"R9"},
			Clauses:     []string{"7.3", "8.1"},
			Nodes:       []string{"cn-scheme:S3.1"},
			Basis:       OnScheme,
			Source:      T("Certification bodies' application materials: intake register, handling, follow-up and analysis records.", "认证机构申请材料：投诉受理登记、处理记录、回访记录和分析报告。"),
			Principles:  []string{"4.9"},
			Evidence:    T("Forms or record templates (document kind form or record) for the complaint intake register, the handling record, the follow-up record and the complaint analysis report; these are also application materials.", "表单或记录模板（文件类型“表单”或“记录”）：投诉受理登记表、投诉处理过程记录表、客户回访记录表、投诉数据分析报表；这些也是认证申请材料。"),
			Remedy:      T("Add the missing forms to the document register and list them in {{documents.covers}} (intake_register; handling_record; follow_up_record; analysis_report).", "将缺少的表单加入文件清单，并在“涵盖要素”中列明（“投诉受理登记表”、“投诉处理过程记录表”、“客户回访记录表”、“投诉数据分析报表”）。"),
			Doc:         T("The union of the `covers` of documents of kind form or record must contain the four forms.", "文件类型为“表单”或“记录”的文件的“涵盖要素”合并后须包含四种表单。"),
			Run:         runDocsForms,
		},
		&Check{
			ID:          "docs.control",
			Title:       T("Documents are controlled: id, version, approval, effective date, periodic review, file", "文件受控：编号、版本、批准、生效日期、定期评审、文件"),
			Severity:    Major,
			Requirement: []string{"R9"},
			Clauses:     []string{"6.3", "4.9"},
			Nodes:       []string{"cn-scheme:S3.1"},
			Basis:       OnScheme,
			Source:      T("Certification bodies' stage-1 document review: controlled, approved, current documents.", "认证机构第一阶段文件审核：文件受控、经批准且现行有效。"),
			Principles:  []string{"4.9"},
			Evidence:    T("For every document of the system: a unique id, a version, approver and approval date, an effective date not after the as-of date, a review within the review period, and the file itself in the dossier.", "体系的每份文件：唯一编号、版本、批准人和批准日期、不晚于基准日的生效日期、在评审周期内评审过，且文件本身在资料包中。"),
			Remedy:      T("Complete the document register, review overdue documents, and put each referenced file in the dossier.", "补全文件清单，评审已超期的文件，并将引用的文件放入资料包。"),
			Doc:         T("Every document needs an id (major if missing), a unique one (minor if repeated) and a `file` that exists in the dossier (major, reported at the `file` field). A file that is empty, a PDF with neither text nor images, or a template left unfilled (a fill-in marker such as 【请填写】, [fill in …], TODO, XXX, ××× or {{…}}, or a Markdown or .docx file whose section headings have nothing under them) is a placeholder and counts as missing (major); forms and records are meant to be filled in, so fill-in blanks do not count against them. Documents of the system itself (kinds manual, procedure, instruction, form, policy, org_chart, job_description, law_register, retention_rules, process_chart) are also controlled: a version (minor), approver and approval date (major), an effective date (minor if missing, or if after the as-of date), and a review within thresholds.review_months of the as-of date, counting the approval as a review (minor when overdue, observation when it falls due within thresholds.due_soon_days). Reports, minutes, records and external documents are records, not revised documents, so only id and file apply to them. A document whose file is missing still counts for the content checks.", "每份文件须有编号（缺失为严重不符合）、编号唯一（重复为轻微不符合），且“文件路径”指向资料包中存在的文件（严重不符合，定位到该字段）。空文件、既无文字也无图像的 PDF、未填写完成的模板（含【请填写】、[fill in …]、TODO、XXX、×××、{{…}} 等待填写标记，或 Markdown、.docx 文件中各章节标题下没有内容）均属占位文件，按缺失处理（严重不符合）；表单和记录本就供使用者填写，填写空位不计。体系文件本身（手册、程序文件、作业指导书、表单、方针，以及组织机构图、岗位职责说明、法律法规清单、记录保存规定、投诉处理流程图）还须受控：版本（轻微）、批准人和批准日期（严重）、生效日期（缺失或晚于基准日为轻微）、在 thresholds.review_months 个月内评审过，批准视同评审（超期为轻微，在 thresholds.due_soon_days 天内到期为观察项）。报告、纪要、记录和外来文件属于记录，不修订，只检查编号和文件。文件缺失的文件仍计入内容检查。"),
			Run:         runDocsControl,
		},
	)
}

// Required elements, per the seeds' description of each document type.
func manualElements() []string {
	return []string{"policy", "scope", "organisation_structure", "responsibilities"}
}

func procedureElements() []string {
	return []string{"receipt", "classification", "assessment", "action", "execution", "follow_up", "closing", "time_limits", "categories"}
}

func instructionElements() []string {
	return []string{"root_cause_methods", "communication_norms", "form_rules"}
}

func formElements() []string {
	return []string{"intake_register", "handling_record", "follow_up_record", "analysis_report"}
}

// elementZH names a `covers` element in Chinese, so the Chinese message
// explains the key the user has to type.
func elementZH(e string) string {
	switch e {
	case "policy":
		return "投诉处理方针"
	case "scope":
		return "体系范围"
	case "organisation_structure":
		return "组织结构"
	case "responsibilities":
		return "职责分工"
	case "receipt":
		return "接收"
	case "classification":
		return "分类"
	case "assessment":
		return "评估"
	case "action":
		return "处理措施制定"
	case "execution":
		return "措施执行"
	case "follow_up":
		return "回访跟踪"
	case "closing":
		return "关闭"
	case "time_limits":
		return "处理时限"
	case "categories":
		return "投诉类别及责任部门"
	case "root_cause_methods":
		return "原因分析方法"
	case "communication_norms":
		return "沟通规范"
	case "form_rules":
		return "表格填写规范"
	case "intake_register":
		return "投诉受理登记表"
	case "handling_record":
		return "投诉处理过程记录表"
	case "follow_up_record":
		return "客户回访记录表"
	case "analysis_report":
		return "投诉数据分析报表"
	case "confidentiality":
		return "保密"
	case "objectivity":
		return "客观公正"
	case "recusal":
		return "回避制度"
	case "recourse":
		return "告知救济途径"
	case "types":
		return "投诉类型"
	case "causes":
		return "投诉原因"
	case "distribution":
		return "分布"
	case "effectiveness":
		return "处理有效性"
	}
	return labelZH("element", e)
}

// elementList renders missing elements in both languages.
func elementList(es []string) Text {
	zh := make([]string, len(es))
	for i, e := range es {
		zh[i] = elementZH(e)
	}
	return T(strings.Join(es, ", "), strings.Join(zh, "、"))
}

// isSystemDocument tells the documents an organisation issues, revises and
// reviews (the controlled documents of ISO 10002 6.3) from records and
// external documents, which are dated once and never revised.
func isSystemDocument(kind string) bool {
	switch kind {
	case "manual", "procedure", "instruction", "form", "policy",
		"org_chart", "job_description", "law_register", "retention_rules", "process_chart":
		return true
	}
	return false
}

// docName is how a message names a document: its id, else its title.
func docName(doc *dossier.Document) string {
	switch {
	case doc.ID != "":
		return doc.ID
	case doc.Title != "":
		return fmt.Sprintf("%q", doc.Title)
	}
	return "(no id)"
}

// docRecord identifies a document for waivers and run-to-run diffs.
func docRecord(doc *dossier.Document) string { return "document " + docName(doc) }

// docsRecord identifies a set of documents: the single one, or their ids.
func docsRecord(docs []*dossier.Document) string {
	if len(docs) == 1 {
		return docRecord(docs[0])
	}
	names := make([]string, len(docs))
	for i, doc := range docs {
		names[i] = docName(doc)
	}
	return "documents " + strings.Join(names, ",")
}

// docNames lists the documents for a message.
func docNames(docs []*dossier.Document) string {
	names := make([]string, len(docs))
	for i, doc := range docs {
		names[i] = docName(doc)
	}
	return strings.Join(names, ", ")
}

// whyNone explains why a record type has no records, telling a sheet or
// file that was never supplied from one that lists nothing, since the
// remedies differ.
func whyNone(d *dossier.Dossier, name string) Text {
	zh := name
	if rt, ok := dossier.TypeByName(name); ok {
		zh = rt.SheetZH
	}
	if !d.Present[name] {
		return T("the dossier has no "+name+" file or sheet", "资料中没有“"+zh+"”文件或工作表")
	}
	return T("the "+name+" list is empty", "“"+zh+"”中没有登记")
}

// noDocsOfKind says that no document is of the kinds, and why.
func noDocsOfKind(d *dossier.Dossier, what Text, kinds ...string) Text {
	if len(d.Documents) == 0 {
		why := whyNone(d, "documents")
		return T(what.EN+": "+why.EN, what.ZH+"："+why.ZH)
	}
	return T(
		fmt.Sprintf("%s: %s of kind %s", what.EN, noneOf(len(d.Documents), "document", "is not", "is"), strings.Join(kinds, " or ")),
		fmt.Sprintf("%s：%d 份文件中没有文件类型为“%s”的文件", what.ZH, len(d.Documents), strings.Join(labelsZH("document", kinds), "”或“")))
}

// coverVerb agrees "does not cover" with the number of documents.
func coverVerb(n int) Text {
	if n == 1 {
		return T("does not cover", "未涵盖")
	}
	return T("together do not cover", "合计未涵盖")
}

// reportUncovered reports the elements of want that docs leave out, in one
// finding at the first document's `covers`.
func reportUncovered(p *Pass, docs []*dossier.Document, want []string, one, many Text, sev Severity) {
	missing := uncovered(docs, want)
	if len(missing) == 0 {
		return
	}
	list, verb, what := elementList(missing), coverVerb(len(docs)), one
	if len(docs) > 1 {
		what = many
	}
	p.Report(Finding{
		Pos:      docs[0].PosOf("covers"),
		Record:   docsRecord(docs),
		Severity: sev,
		Count:    len(missing),
		Message: T(
			fmt.Sprintf("%s %s %s: %s", what.EN, docNames(docs), verb.EN, list.EN),
			fmt.Sprintf("%s %s %s：%s", what.ZH, docNames(docs), verb.ZH, list.ZH)),
	})
}

func runDocsManual(p *Pass) {
	d := p.Dossier
	manuals := docsOfKind(d, "manual")
	if len(manuals) == 0 {
		p.Reportf(d.PlaceOf("documents"), "documents", noDocsOfKind(d, T("No quality manual", "没有质量手册"), "manual"))
		return
	}
	// A policy issued as its own document satisfies the manual's policy
	// element: the manual references it rather than repeating it.
	covering := append(append([]*dossier.Document(nil), manuals...), docsOfKind(d, "policy")...)
	if missing := uncovered(covering, manualElements()); len(missing) > 0 {
		list, verb := elementList(missing), coverVerb(len(manuals))
		p.Report(Finding{
			Pos:    manuals[0].PosOf("covers"),
			Record: docsRecord(manuals),
			Count:  len(missing),
			Message: T(
				fmt.Sprintf("Quality manual %s %s: %s", docNames(manuals), verb.EN, list.EN),
				fmt.Sprintf("质量手册 %s %s：%s", docNames(manuals), verb.ZH, list.ZH)),
		})
	}
	for _, m := range manuals {
		var absent []string
		if m.ApprovedBy == "" {
			absent = append(absent, "approved_by")
		}
		if m.ApprovedOn.IsZero() {
			absent = append(absent, "approved_on")
		}
		switch {
		case len(absent) > 0:
			names := p.Fields("documents", absent)
			p.Reportf(m.PosOf(absent[0]), docRecord(m), Text{
				EN: fmt.Sprintf("Quality manual %s is not evidenced as approved: %s missing", docName(m), strings.Join(names.EN, ", ")),
				ZH: fmt.Sprintf("质量手册 %s 无批准证据：缺少%s", docName(m), strings.Join(names.ZH, "、"))})
		case m.ApprovedOn.After(p.AsOf):
			p.Reportf(m.PosOf("approved_on"), docRecord(m), Tf(
				"Quality manual %s is approved on %s, after the as-of date %s",
				"质量手册 %s 批准日期 %s 晚于基准日 %s", docName(m), m.ApprovedOn, p.AsOf))
		}
		switch {
		case m.Effective.IsZero():
			p.Reportf(m.PosOf("effective"), docRecord(m), Tf(
				"Quality manual %s has no effective date, so it is not shown to be in force",
				"质量手册 %s 没有生效日期，无法证明已实施", docName(m)))
		case m.Effective.After(p.AsOf):
			p.Reportf(m.PosOf("effective"), docRecord(m), Tf(
				"Quality manual %s takes effect on %s, after the as-of date %s: not yet in force",
				"质量手册 %s 于 %s 生效，晚于基准日 %s：尚未实施", docName(m), m.Effective, p.AsOf))
		}
	}
}

func runDocsProcedures(p *Pass) {
	d := p.Dossier
	procs := docsOfKind(d, "procedure")
	if len(procs) == 0 {
		p.Reportf(d.PlaceOf("documents"), "documents", noDocsOfKind(d, T("No complaints-handling procedure", "没有投诉处理程序文件"), "procedure"))
		return
	}
	reportUncovered(p, procs, procedureElements(), T("Procedure", "程序文件"), T("Procedures", "程序文件"), None)
}

func runDocsTimeLimits(p *Pass) {
	d := p.Dossier
	procs := docsOfKind(d, "procedure")
	limits := []struct {
		key, figure string
		en, zh      string
		value       func(*dossier.Document) float64
	}{
		{"contact_within_h", "ack_hours", "to contact the complainant", "联系投诉人",
			func(doc *dossier.Document) float64 { return doc.ContactWithinH }},
		{"solution_within_h", "response_hours", "to give an initial solution", "给出初步解决方案",
			func(doc *dossier.Document) float64 { return doc.SolutionWithinH }},
	}
	for _, l := range limits {
		stated := 0
		// A procedure looser than a figure the organisation set in
		// certready.yaml contradicts its own policy; looser than the
		// default it is only short of recommended practice.
		ref := Figure{Value: config.Defaults().Threshold(l.figure), Basis: OnPractice,
			Source: Tf("recommended practice: %g h", "推荐做法：%g 小时", config.Defaults().Threshold(l.figure))}
		if v := p.T().Threshold(l.figure); p.Config.Declared[l.figure] || v != config.Defaults().Threshold(l.figure) {
			ref = Figure{Value: v, Basis: OnPolicy, Source: Tf("certready.yaml sets %g h as your policy (thresholds.%s)", "certready.yaml 将 %g 小时设为贵组织规定（thresholds.%s）", v, l.figure)}
		}
		for _, doc := range procs {
			v := l.value(doc)
			if v <= 0 {
				continue
			}
			stated++
			if v > ref.Value {
				p.Report(Finding{Pos: doc.PosOf(l.key), Record: docRecord(doc), Facet: l.key, Basis: ref.Basis, BasisNote: ref.Source, Severity: Minor, Message: T(
					fmt.Sprintf("Procedure %s allows %g h "+l.en+"; %s. The complaint log is measured against the procedure's %g h", docName(doc), v, ref.Source.EN, v),
					fmt.Sprintf("程序文件 %s 规定 %g 小时内"+l.zh+"；%s。投诉台账按程序文件规定的 %g 小时衡量", docName(doc), v, ref.Source.ZH, v))})
			}
		}
		if stated > 0 {
			continue
		}
		pos, rec := d.PlaceOf("documents"), "documents"
		if len(procs) > 0 {
			pos, rec = procs[0].PosOf(l.key), docsRecord(procs)
		}
		name := p.Field("documents", l.key)
		p.Report(Finding{Pos: pos, Record: rec, Facet: l.key, Message: Text{
			EN: fmt.Sprintf("No procedure states its own time limit "+l.en+" (%s). ISO 10002 asks the organisation to set and make known its time frames; it sets no figure, and until the procedure states one the log is judged against recommended practice (%g h)", name.EN, ref.Value),
			ZH: fmt.Sprintf("没有程序文件规定"+l.zh+"的时限（%s）。ISO 10002 要求组织自行确定并公布处理时限，标准本身未规定数值；在程序文件规定之前，台账按推荐做法（%g 小时）衡量", name.ZH, ref.Value)}})
	}
}

func runDocsCategories(p *Pass) {
	d := p.Dossier
	if len(d.Categories) == 0 {
		why := whyNone(d, "categories")
		p.Reportf(d.PlaceOf("categories"), "categories", T(
			"No complaint categories are defined ("+why.EN+"), so complaints cannot be classified or routed to a responsible department",
			"未定义投诉类别（"+why.ZH+"），投诉无法分类，也无法分派到责任部门"))
		return
	}
	for i := range d.Categories {
		c := &d.Categories[i]
		if strings.TrimSpace(c.Department) != "" {
			continue
		}
		name := c.Code
		if c.Name != "" {
			name += " (" + c.Name + ")"
		}
		p.Report(Finding{
			Pos:      c.PosOf("department"),
			Record:   "category " + c.Code,
			Severity: Minor,
			Message: Tf("Complaint category %s has no responsible department",
				"投诉类别 %s 未指定责任部门", name),
		})
	}
}

func runDocsWorkInstructions(p *Pass) {
	d := p.Dossier
	instrs := docsOfKind(d, "instruction")
	if len(instrs) == 0 {
		p.Reportf(d.PlaceOf("documents"), "documents", noDocsOfKind(d, T("No work instructions", "没有作业指导书"), "instruction"))
		return
	}
	reportUncovered(p, instrs, instructionElements(), T("Work instruction", "作业指导书"), T("Work instructions", "作业指导书"), Minor)
}

func runDocsForms(p *Pass) {
	d := p.Dossier
	forms := docsOfKind(d, "form", "record")
	if len(forms) == 0 {
		p.Reportf(d.PlaceOf("documents"), "documents", noDocsOfKind(d, T("No complaint forms", "没有投诉表单"), "form", "record"))
		return
	}
	reportUncovered(p, forms, formElements(), T("Form", "表单"), T("Forms", "表单"), None)
}

func runDocsControl(p *Pass) {
	d := p.Dossier
	t := p.T()
	seen := map[string]int{}
	for i := range d.Documents {
		doc := &d.Documents[i]
		rec, name := docRecord(doc), docName(doc)
		if doc.ID == "" {
			p.Reportf(doc.PosOf("id"), rec, Tf(
				"Document %s has no id, so it cannot be referenced or controlled",
				"文件 %s 没有编号，无法引用和受控", name))
		} else if n := seen[doc.ID]; n > 0 {
			p.Report(Finding{Pos: doc.PosOf("id"), Record: rec, Severity: Minor, Message: Tf(
				"Document id %s is used by more than one document",
				"文件编号 %s 被多份文件使用", doc.ID)})
		}
		seen[doc.ID]++

		switch ev := d.EvidenceFor(doc.File); {
		case ev == nil:
			p.Reportf(doc.PosOf("file"), rec, Tf(
				"Document %s names no file; the document itself must be in the dossier",
				"文件 %s 未填写文件路径；文件本身须放入资料包", name))
		case !ev.Exists:
			p.Reportf(doc.PosOf("file"), rec, Tf(
				"Document %s: file %s is missing from the dossier",
				"文件 %s：资料包中找不到 %s", name, doc.File))
		case ev.Size == 0:
			// A zero-byte file is a placeholder: the register claims a
			// document that does not exist in substance.
			p.Reportf(doc.PosOf("file"), rec, Tf(
				"Document %s: file %s is empty (0 bytes), a placeholder rather than the document",
				"文件 %s：%s 为空文件（0 字节），只是占位，并非文件本身", name, doc.File))
		case ev.Content == dossier.ContentBlank:
			p.Reportf(doc.PosOf("file"), rec, Tf(
				"Document %s: file %s has neither text nor images, a blank placeholder rather than the document",
				"文件 %s：%s 既无文字也无图像，是空白占位文件，并非文件本身", name, doc.File))
		case ev.Content == dossier.ContentTemplate && !isFormKind(doc.Kind) && ev.Marker != "":
			p.Reportf(doc.PosOf("file"), rec, Tf(
				"Document %s: file %s is a template left unfilled: line %d still holds the fill-in marker %q",
				"文件 %s：%s 是未填写完成的模板：第 %d 行仍有待填写标记“%s”", name, doc.File, ev.MarkerLine, ev.Marker))
		case ev.Content == dossier.ContentTemplate && !isFormKind(doc.Kind):
			p.Reportf(doc.PosOf("file"), rec, Tf(
				"Document %s: file %s is a template left unfilled: its section headings have nothing written under them",
				"文件 %s：%s 是未填写的模板：各章节标题下没有任何内容", name, doc.File))
		}

		if !isSystemDocument(doc.Kind) {
			continue
		}
		if doc.Version == "" {
			p.Report(Finding{Pos: doc.PosOf("version"), Record: rec, Severity: Minor, Message: Tf(
				"Document %s has no version", "文件 %s 没有版本号", name)})
		}
		var absent []string
		if doc.ApprovedBy == "" {
			absent = append(absent, "approved_by")
		}
		if doc.ApprovedOn.IsZero() {
			absent = append(absent, "approved_on")
		}
		if len(absent) > 0 {
			names := p.Fields("documents", absent)
			p.Reportf(doc.PosOf(absent[0]), rec, Text{
				EN: fmt.Sprintf("Document %s is not evidenced as approved: %s missing", name, strings.Join(names.EN, ", ")),
				ZH: fmt.Sprintf("文件 %s 无批准证据：缺少%s", name, strings.Join(names.ZH, "、"))})
		}
		switch {
		case doc.Effective.IsZero():
			p.Report(Finding{Pos: doc.PosOf("effective"), Record: rec, Severity: Minor, Message: Tf(
				"Document %s has no effective date", "文件 %s 没有生效日期", name)})
		case doc.Effective.After(p.AsOf):
			p.Report(Finding{Pos: doc.PosOf("effective"), Record: rec, Severity: Minor, Message: Tf(
				"Document %s takes effect on %s, after the as-of date %s",
				"文件 %s 于 %s 生效，晚于基准日 %s", name, doc.Effective, p.AsOf)})
		}
		docsReviewDue(p, doc, t.ReviewMonths, t.DueSoonDays)
	}
}

// docsReviewDue reports a periodic review that is overdue or falls due soon.
// Approval counts as a review; dates after the as-of date are ignored as
// they cannot have happened yet.
func docsReviewDue(p *Pass, doc *dossier.Document, months, soonDays int) {
	var last dossier.Date
	key := "last_reviewed"
	for _, c := range []struct {
		key  string
		date dossier.Date
	}{{"last_reviewed", doc.LastReviewed}, {"approved_on", doc.ApprovedOn}} {
		if !c.date.IsZero() && !c.date.After(p.AsOf) && c.date.After(last) {
			last, key = c.date, c.key
		}
	}
	if last.IsZero() {
		return // nothing to count from; the missing approval is reported
	}
	due := last.AddDate(0, months, 0)
	rec, name := docRecord(doc), docName(doc)
	switch {
	case due.Before(p.AsOf):
		p.ReportFig("review_months", Finding{Pos: doc.PosOf(key), Record: rec, Severity: Minor, Message: Tf(
			"Document %s was last reviewed or approved on %s; its review was due by %s (every %d months)",
			"文件 %s 最近评审或批准于 %s，应在 %s 前再次评审（每 %d 个月）", name, last, due, months)})
	case p.AsOf.DaysUntil(due) <= soonDays:
		p.Report(Finding{Pos: doc.PosOf(key), Record: rec, Severity: Observation, Message: Tf(
			"Document %s falls due for review on %s, within %d days",
			"文件 %s 将于 %s 到期评审（%d 天内）", name, due, soonDays)})
	}
}
