package checks

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/certready/certready/internal/doctext"
	"github.com/certready/certready/internal/dossier"
)

func init() {
	Register(&Check{
		ID:          "docs.covers-text",
		Title:       T("Documents mention the elements they claim to cover", "文件正文写有其声明涵盖的要素"),
		Severity:    Major,
		Requirement: []string{"R6", "R7", "R8", "R9"},
		Clauses:     []string{"5.3", "5.4", "6.3"},
		Basis:       OnStandard,
		Principles:  []string{"4.2", "4.4"},
		Evidence:    T("Each document's text (the Markdown, text, .docx or PDF file in the dossier) actually sets out every element its register entry lists in `covers`: a procedure claiming time limits states them, one claiming escalation says who high-risk complaints go to.", "每份文件的正文（资料包中的 Markdown、文本、.docx 或 PDF 文件）确实写有其登记的“涵盖要素”中的每一项：声明涵盖处理时限的程序文件写明时限，声明涵盖升级机制的写明高风险投诉上报给谁。"),
		Remedy:      T("Write the missing sections into the document, or remove from `covers` what it does not cover and cover it in the document that does.", "在文件中补写缺少的章节；或从“涵盖要素”中删去该文件并未涵盖的要素，并在实际涵盖它的文件中写明。"),
		Doc: T("The content checks (docs.manual, docs.procedures, docs.work-instructions, docs.forms, handling.high-risk-escalated, …) trust each document's `covers`; this check holds the claim against the text. For each element a document claims, the text must contain one of the element's words, in Chinese or English (time limits: 时限, 工作日, 小时内, a figure in hours or days, time limit, within …; escalation: 升级, 上报, escalat…; the table is in checks/docs_covers_text.go). Text is compared without white space, width-folded and lower-cased. One finding per document lists the claimed elements its text never mentions: major when one of them is an element ISO 10002 expects of the policy, the responsibilities or the complaints-handling process (the manual's, procedure's and forms' elements and escalation), minor otherwise, at the document's `covers`. A scanned PDF, an encrypted, damaged or unreadable file, a format whose text is not read (.doc, images) or a text cut at the 4 MiB limit cannot be checked: a document of the system (manual, policy, procedure, instruction) with `covers` in such a file is an observation, content not verifiable, for the auditor to read. Empty files, blank PDFs and unfilled templates are reported by docs.control.",
			"内容类检查（docs.manual、docs.procedures、docs.work-instructions、docs.forms、handling.high-risk-escalated 等）以各文件的“涵盖要素”为准；本检查核对声明与正文是否一致。文件声明的每个要素，正文中须出现该要素的中文或英文关键词之一（处理时限：时限、工作日、小时内、以小时或天计的数字等；升级机制：升级、上报等；关键词表见 checks/docs_covers_text.go）。比较时忽略空白、统一全半角和大小写。每份文件一条发现，列出其声明而正文未提及的要素：其中有 ISO 10002 对方针、职责或投诉处理过程所要求的要素（手册、程序文件和表单的要素及升级机制）时为严重不符合，否则为轻微不符合，定位到该文件的“涵盖要素”。扫描版 PDF、加密、损坏或无法读取的文件、不读取正文的格式（.doc、图片）以及超过 4 MiB 被截断的正文无法核对：体系文件（手册、方针、程序文件、作业指导书）声明了涵盖要素而文件属于上述情况的，作为观察项报告“内容无法自动核对”，由审核员阅读。空文件、空白 PDF 和未填写的模板由 docs.control 报告。"),
		Run: runDocsCoversText,
	})
}

// coverWords are the words that show a document mentions an element: the
// Chinese terms a procedure or manual uses, then English stems. Matching is
// on text without white space, hyphens or underscores, width-folded and
// lower-cased; a pattern (for figures)
// is a regular expression over that form. Words are written as a reader
// would and normalised when compiled. The list leans generous: a word that also
// occurs elsewhere only lets a document pass, while a missing synonym
// would report a document that does cover the element.
var coverWords = map[string]struct {
	zh, en   []string
	patterns []string
}{
	"policy":                 {zh: []string{"方针", "政策", "宗旨"}, en: []string{"policy", "policies"}},
	"scope":                  {zh: []string{"范围", "适用于"}, en: []string{"scope", "applies to", "apply to"}},
	"organisation_structure": {zh: []string{"组织结构", "组织架构", "组织机构", "机构设置", "组织图"}, en: []string{"organisation structure", "organization structure", "organisational structure", "organizational structure", "organisation chart", "organization chart", "org chart"}},
	"responsibilities":       {zh: []string{"职责", "责任", "权限", "分工", "负责"}, en: []string{"responsib", "authorit"}},
	"receipt":                {zh: []string{"接收", "受理", "接待", "登记", "收到"}, en: []string{"receipt", "receiv", "intake"}},
	"classification":         {zh: []string{"分类", "类别", "归类", "分级"}, en: []string{"classif", "categori"}},
	"assessment":             {zh: []string{"评估", "评价", "研判", "判定", "初步判断"}, en: []string{"assess", "evaluat"}},
	"action":                 {zh: []string{"措施", "处理方案", "解决方案", "整改", "处置"}, en: []string{"action", "remed", "resolution", "resolv"}},
	"execution":              {zh: []string{"执行", "实施", "落实", "办理"}, en: []string{"execut", "implement", "carry out", "carried out"}},
	"follow_up":              {zh: []string{"回访", "跟踪", "跟进"}, en: []string{"follow-up", "follows up", "followed up"}},
	"closing":                {zh: []string{"关闭", "结案", "办结", "完结", "归档"}, en: []string{"clos"}},
	"time_limits": {zh: []string{"时限", "时间要求", "期限", "工作日内", "小时内"}, en: []string{"time limit", "time frame", "deadline"},
		patterns: []string{`\d+个?(小时|工作日|日|天|分钟)`, `within\d`, `\d+(h|hours?|(working|business|calendar)?days?|minutes?)([^a-z]|$)`}},
	"categories":                          {zh: []string{"类别", "类型", "分类"}, en: []string{"categor", "types of", "complaint type"}},
	"escalation":                          {zh: []string{"升级", "上报", "逐级", "提级", "报告上级"}, en: []string{"escalat"}},
	"root_cause_methods":                  {zh: []string{"原因分析", "根本原因", "根因", "鱼骨", "因果图", "五个为什么"}, en: []string{"root cause", "fishbone", "Ishikawa", "5 Why", "five whys"}},
	"communication_norms":                 {zh: []string{"沟通", "话术", "用语", "礼仪"}, en: []string{"communicat", "etiquette", "script"}},
	"form_rules":                          {zh: []string{"填写", "填表", "表单", "表格", "记录要求"}, en: []string{"fill in", "filling in", "form"}},
	"intake_register":                     {zh: []string{"受理登记", "登记表", "受理表", "登记簿", "台账"}, en: []string{"intake", "register", "log"}},
	"handling_record":                     {zh: []string{"处理记录", "处理过程记录", "处理单", "处理表"}, en: []string{"handling record", "case record", "handling log"}},
	"follow_up_record":                    {zh: []string{"回访记录", "回访表", "回访单"}, en: []string{"follow-up record", "follow-up log"}},
	"analysis_report":                     {zh: []string{"分析报告", "分析报表", "数据分析", "统计分析"}, en: []string{"analysis", "analyses", "report"}},
	"types":                               {zh: []string{"类型", "类别", "分类"}, en: []string{"type", "categor"}},
	"causes":                              {zh: []string{"原因", "成因"}, en: []string{"cause", "reason"}},
	"distribution":                        {zh: []string{"分布", "占比", "比例", "趋势", "渠道", "月度"}, en: []string{"distribution", "breakdown", "share", "trend", "by channel", "by month"}},
	"effectiveness":                       {zh: []string{"有效性", "成效", "效果", "满意度"}, en: []string{"effective", "satisfaction"}},
	"confidentiality":                     {zh: []string{"保密", "个人信息", "隐私"}, en: []string{"confidential", "privacy", "personal data", "personal information"}},
	"objectivity":                         {zh: []string{"客观", "公正", "公平", "回避"}, en: []string{"objectiv", "impartial", "fair", "conflict of interest"}},
	"commitment":                          {zh: []string{"承诺"}, en: []string{"commit"}},
	"consumer_protection_law":             {zh: []string{"消费者权益保护法", "消保法"}, en: []string{"consumer protection", "consumer rights"}},
	"product_quality_law":                 {zh: []string{"产品质量法"}, en: []string{"product quality law"}},
	"personal_information_protection_law": {zh: []string{"个人信息保护法"}, en: []string{"personal information protection", "PIPL"}},
	"complaint_measures":                  {zh: []string{"投诉举报处理", "投诉处理办法", "12315"}, en: []string{"complaint measures", "complaint handling measures", "complaints and reports", "12315"}},
	"sector_law":                          {zh: []string{"食品安全法", "药品管理法", "商业银行法", "保险法", "电信条例", "旅游法", "行业法规", "行业法律法规", "行业规定"}, en: []string{"food safety law", "drug administration law", "banking law", "insurance law", "sector law", "sector regulation"}},
	"record_retention":                    {zh: []string{"保存期限", "保存期", "保管期限", "留存", "归档保存"}, en: []string{"retention", "retain", "kept for"}},
	"recusal":                             {zh: []string{"回避", "利害关系"}, en: []string{"recus", "conflict of interest", "conflicted"}},
	"recourse":                            {zh: []string{"救济", "申请核查", "调解", "仲裁", "诉讼", "12315"}, en: []string{"recourse", "mediation", "arbitration", "court", "appeal"}},
	"history":                             {zh: []string{"历史", "历程", "沿革", "成立", "创立"}, en: []string{"history", "founded", "established"}},
	"products_services":                   {zh: []string{"产品", "服务"}, en: []string{"product", "service"}},
	"markets":                             {zh: []string{"市场", "客户群", "门店", "区域", "销售网络"}, en: []string{"market", "customers"}},
	"culture":                             {zh: []string{"文化", "价值观", "使命", "愿景"}, en: []string{"culture", "values", "mission", "vision"}},
}

// coverRegexps are coverWords compiled, one expression per element.
var coverRegexps = func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for e, w := range coverWords {
		alts := slices.Clone(w.patterns)
		for _, s := range append(slices.Clone(w.zh), w.en...) {
			alts = append(alts, regexp.QuoteMeta(normText(s)))
		}
		out[e] = regexp.MustCompile(strings.Join(alts, "|"))
	}
	return out
}()

// normText is text as coverWords are matched against it.
func normText(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '_' || r == '‐' || r == '–' {
			return -1
		}
		return r
	}, s)
}

// mentionedIn reports whether normalised text mentions the element; ok is
// false for an element with no words to look for.
func mentionedIn(norm, element string) (mentioned, ok bool) {
	re, ok := coverRegexps[element]
	if !ok {
		return false, false
	}
	return re.MatchString(norm), true
}

// majorElements are the elements ISO 10002 expects of the policy, the
// responsibilities and the complaints-handling process itself.
func majorElements() []string {
	return slices.Concat(manualElements(), procedureElements(), formElements(), []string{"escalation"})
}

// readDocKinds are the documents of the system whose content the auditor
// reads first: when their text cannot be read by machine, say so.
var readDocKinds = []string{"manual", "policy", "procedure", "instruction"}

func runDocsCoversText(p *Pass) {
	d := p.Dossier
	for i := range d.Documents {
		doc := &d.Documents[i]
		if len(doc.Covers) == 0 {
			continue
		}
		ev := d.EvidenceFor(doc.File)
		if ev == nil || !ev.Exists || ev.Size == 0 || ev.Content == dossier.ContentBlank ||
			(ev.Content == dossier.ContentTemplate && !isFormKind(doc.Kind)) {
			continue // no document to read: docs.control reports it
		}
		if ev.Content == dossier.ContentNotRead && doctext.Readable(doc.File) {
			continue // a dossier built in code, not loaded: nothing was read
		}
		if ev.Content != dossier.ContentText && ev.Content != dossier.ContentTemplate {
			if slices.Contains(readDocKinds, doc.Kind) {
				reportUnverifiable(p, doc, whyUnreadable(ev))
			}
			continue
		}
		norm := normText(ev.Text)
		var absent []string
		for _, e := range doc.Covers {
			if m, ok := mentionedIn(norm, e); ok && !m && !slices.Contains(absent, e) {
				absent = append(absent, e)
			}
		}
		if len(absent) == 0 {
			continue
		}
		if ev.TextCut {
			if slices.Contains(readDocKinds, doc.Kind) {
				reportUnverifiable(p, doc, T("its text goes past the 4 MiB read", "正文超过读取上限 4 MiB"))
			}
			continue
		}
		sev := Minor
		for _, e := range absent {
			if slices.Contains(majorElements(), e) {
				sev = Major
			}
		}
		list := elementList(absent)
		var zhWords, enWords []string
		for _, e := range absent {
			w := coverWords[e]
			zhWords = append(zhWords, strings.Join(w.zh[:min(3, len(w.zh))], "/"))
			enWords = append(enWords, strings.Join(slices.Concat(w.zh[:min(2, len(w.zh))], w.en[:min(2, len(w.en))]), "/"))
		}
		p.Report(Finding{
			Pos: doc.PosOf("covers"), Record: docRecord(doc), Severity: sev, Count: len(absent),
			Message: Text{
				EN: fmt.Sprintf("Document %s claims to cover %s, but its text (%s) never mentions %s: no word such as %s",
					docName(doc), list.EN, doc.File, pronoun(len(absent)), strings.Join(enWords, "; ")),
				ZH: fmt.Sprintf("文件 %s 声明涵盖%s，但正文（%s）未提及%s：没有出现“%s”等字样",
					docName(doc), list.ZH, doc.File, pronounZH(len(absent)), strings.Join(zhWords, "”“"))},
		})
	}
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func pronounZH(n int) string {
	if n == 1 {
		return "该要素"
	}
	return "这些要素"
}

// isFormKind tells forms and record templates, which are meant to be
// filled in by their users: fill-in blanks do not make them placeholders.
func isFormKind(kind string) bool { return kind == "form" || kind == "record" }

// whyUnreadable says why a file's text could not be checked.
func whyUnreadable(ev *dossier.Evidence) Text {
	switch {
	case ev.Content == dossier.ContentScan:
		return T("it is a scan, images with no text layer", "该文件为扫描件，只有图像、没有文字层")
	case ev.Unreadable == "encrypted":
		return T("it is password-protected", "该文件设有密码保护")
	case ev.Unreadable == "too-large":
		return T("it is too large to read for text", "该文件过大，未读取正文")
	case ev.Unreadable == "no-text-map":
		return T("its fonts carry no mapping to characters", "其字体没有到字符的映射，文字无法读取")
	case ev.Unreadable != "":
		return T("it is damaged or not in the format its name says", "该文件已损坏或与扩展名不符")
	}
	return T("its format is not one whose text is read (Markdown, text, .docx, PDF)", "其格式不在读取正文的范围内（Markdown、文本、.docx、PDF）")
}

func reportUnverifiable(p *Pass, doc *dossier.Document, why Text) {
	list := elementList(doc.Covers)
	p.Report(Finding{
		Pos: doc.PosOf("file"), Record: docRecord(doc), Facet: "unverifiable", Severity: Observation,
		Message: Text{
			EN: fmt.Sprintf("Document %s: content not verifiable, %s (%s); the auditor reads it to confirm it covers %s", docName(doc), why.EN, doc.File, list.EN),
			ZH: fmt.Sprintf("文件 %s：内容无法自动核对，%s（%s）；须由审核员阅读，确认其涵盖%s", docName(doc), why.ZH, doc.File, list.ZH)},
	})
}
