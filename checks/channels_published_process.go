package checks

// channels.published-process: the complaints-handling process as customers
// see it — how to complain, what happens next, how long it takes — with a
// flow chart. Channels being published (channels.published) says where to
// complain; this says what the process is.

var channelsPublishedProcess = &Check{
	ID:          "channels.published-process",
	Title:       T("Complaints-handling process and flow chart published", "投诉处理流程及流程图已公开"),
	Severity:    Minor,
	Requirement: []string{"R12", "R22"},
	Clauses:     []string{"7.1"},
	Nodes:       []string{"cn-scheme:S3.8"},
	Basis:       OnStandard,
	Principles:  []string{"4.4", "4.5"},
	Evidence: T("The complaints-handling process as published to customers, with its flow chart (document kind process_chart): how and where to complain, the steps, the time frames and how the complainant is kept informed, with its file in the dossier.",
		"向顾客公开的投诉处理流程及流程图（文件类型“投诉处理流程及流程图”）：如何、在哪里投诉，处理步骤、时限以及如何告知投诉人进展，文件在资料包中。"),
	Remedy: T("Publish the complaints-handling process and its flow chart (website, stores, receipts), register the published version as a document of kind process_chart and file it.",
		"公开投诉处理流程及流程图（网站、门店、票据等），将公开版本登记为“投诉处理流程及流程图”类文件并归档。"),
	Doc: T("ISO 10002 7.1 asks that information about the complaints-handling process be made readily available to customers. Minor when no document of kind process_chart is registered; a missing or empty file is docs.control's finding.",
		"ISO 10002 7.1 要求向顾客提供易于获取的投诉处理过程信息。未登记“投诉处理流程及流程图”类文件为轻微不符合；文件缺失或为空由 docs.control 报告。"),
	Run: func(p *Pass) {
		requireKind(p, "document kind process_chart", T(
			"The complaints-handling process is not on file as published (no document of kind process_chart with its flow chart)",
			"没有在案的对外公开投诉处理流程（没有“投诉处理流程及流程图”类文件）"), "process_chart")
	},
}

func init() { Register(channelsPublishedProcess) }
