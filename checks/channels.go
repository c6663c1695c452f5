package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/vocab"
)

// Intake channels (R12): several, published, free of charge, accessible.
// When the dossier lists no channel at all, only channels.multiple reports
// it; the other checks have nothing to look at and stay silent rather than
// repeat the same gap.

func init() {
	Register(
		&Check{
			ID:          "channels.multiple",
			Title:       T("Several complaint intake channels", "多渠道受理投诉"),
			Severity:    Major,
			Requirement: []string{"R12"},
			Clauses:     []string{"7.2", "4.5"},
			Basis:       OnPractice,
			Figure:      "min_channels",
			Source:      T("Chinese certification consultancy guidance (R12).", "国内认证咨询资料（R12）。"),
			Principles:  []string{"4.5"},
			Evidence:    T("At least the configured number of distinct kinds of intake channel, typically a phone hotline, an e-mail address, a web or app entry and in-person collection (service desk or suggestion box).", "不少于规定数量的不同类型投诉受理渠道，通常包括投诉热线、投诉邮箱、网站或 APP 入口、门店或网点现场受理（专人或意见箱）。"),
			Remedy:      T("Open further intake channels of different kinds and record them in the channel list.", "开通其他类型的受理渠道，并登记到投诉渠道清单。"),
			Doc:         T("Counts distinct channel types (thresholds.min_channels, 2 by default); two hotlines are one kind of channel. The message names which of the typical families (phone, email, web/app, in person) are not offered.", "按渠道类型计数（thresholds.min_channels，默认 2）；两条热线只算一种渠道。报告中列出未提供的常见渠道类别（电话、邮件、网站/APP、现场）。"),
			Run:         runChannelsMultiple,
		},
		&Check{
			ID:          "channels.published",
			Title:       T("Intake channels are published to customers", "投诉渠道向顾客公布"),
			Severity:    Minor,
			Requirement: []string{"R12"},
			Clauses:     []string{"7.1"},
			Basis:       OnStandard,
			Principles:  []string{"4.4", "4.5"},
			Evidence:    T("For each channel, where customers can find it: website, stores, receipts, packaging, contracts.", "每个渠道向顾客公布的位置：网站、门店、小票、包装、合同等。"),
			Remedy:      T("Publish each channel where customers will see it and record where in `published`.", "在顾客能看到的位置公布每个渠道，并在“公布位置”中登记。"),
			Doc:         T("A channel without a published location is minor; when no channel at all is published the findings are major, as customers have no documented way to learn how to complain.", "渠道未登记公布位置为轻微不符合；若所有渠道均未公布，则为严重不符合，因为顾客无从得知如何投诉。"),
			Run:         runChannelsPublished,
		},
		&Check{
			ID:          "channels.free",
			Title:       T("Complaining is free of charge", "投诉免费"),
			Severity:    Major,
			Requirement: []string{"R12"},
			Clauses:     []string{"4.8", "7.1"},
			Basis:       OnStandard,
			Principles:  []string{"4.8"},
			Evidence:    T("Every channel declared free of charge to the complainant (no premium-rate number, no fee).", "每个渠道均声明对投诉人免费（无收费热线、无任何费用）。"),
			Remedy:      T("Remove any charge for complaining (for example replace a premium-rate number with a free one) and record free: yes for every channel.", "取消投诉的一切收费（如将收费号码改为免费号码），并为每个渠道登记“是否免费：是”。"),
			Doc:         T("A channel declared not free is major. A channel that does not declare either way is an observation asking for the declaration.", "渠道声明收费为严重不符合；未声明是否免费为观察项，请补充声明。"),
			Run:         runChannelsFree,
		},
		&Check{
			ID:          "channels.accessible",
			Title:       T("At least one channel offers accessible formats", "至少一个渠道提供无障碍形式"),
			Severity:    Observation,
			Requirement: []string{"R12"},
			Clauses:     []string{"4.5", "7.1"},
			Basis:       OnStandard,
			Principles:  []string{"4.5"},
			Evidence:    T("Accessible formats offered through at least one channel: large print, braille, sign language, audio, easy-read, assisted filing.", "至少一个渠道提供无障碍形式：大字版、盲文、手语、语音、易读版、协助填写等。"),
			Remedy:      T("Offer the complaints process in formats people with special needs can use and record them in `accessible`.", "以有特殊需要的人士可以使用的形式提供投诉渠道，并在“无障碍形式”中登记。"),
			Doc:         T("An observation only: ISO 10002 principle 4.5 asks for the process in formats people with special needs can use, but a certification body will not refuse an application over it.", "仅为观察项：ISO 10002 原则 4.5 要求以有特殊需要的人士可以使用的形式提供投诉处理过程，但认证机构不会因此拒绝申请。"),
			Run:         runChannelsAccessible,
		},
	)
}

// channelRecord identifies a channel for waivers and diffs.
func channelRecord(c *dossier.Channel) string { return "channel " + c.ID }

// channelFamily groups the channel types the seeds name as the typical
// set, so that web and app, or a service desk and a suggestion box, count
// as the same family in the message.
func channelFamily(t string) string {
	switch t {
	case "web", "app":
		return "web/app"
	case "in_person", "box":
		return "in person"
	}
	return t
}

func channelFamilyZH(f string) string {
	switch f {
	case "phone":
		return "电话"
	case "email":
		return "邮件"
	case "web/app":
		return "网站/APP"
	case "in person":
		return "现场"
	}
	return f
}

func runChannelsMultiple(p *Pass) {
	d := p.Dossier
	types := map[string]bool{}
	families := map[string]bool{}
	for i := range d.Channels {
		if t := d.Channels[i].Type; t != "" {
			types[t] = true
			families[channelFamily(t)] = true
		}
	}
	want := p.T().MinChannels
	if len(types) >= want {
		return
	}
	var lackEN, lackZH []string
	for _, f := range []string{"phone", "email", "web/app", "in person"} {
		if !families[f] {
			lackEN = append(lackEN, f)
			lackZH = append(lackZH, channelFamilyZH(f))
		}
	}
	got := make([]string, 0, len(types))
	for t := range types {
		got = append(got, t)
	}
	sort.Strings(got)
	have, haveZH := strings.Join(got, ", "), strings.Join(labelsZH("channel", got), "、")
	if len(got) == 0 {
		why := whyNone(d, "channels")
		have, haveZH = "none: "+why.EN, "无："+why.ZH
	}
	expects := vocab.Expects(p.Fig("min_channels").Basis)
	p.Report(Finding{
		Pos:    d.PlaceOf("channels"),
		Record: "channels",
		Message: T(
			fmt.Sprintf("%s (%s); at least %d %s. Typical channels not offered: %s",
				vocab.Count(len(types), "distinct channel type"), have, want, expects.EN, strings.Join(lackEN, ", ")),
			fmt.Sprintf("仅有 %d 种渠道类型（%s）；%s至少 %d 种。未提供的常见渠道：%s",
				len(types), haveZH, expects.ZH, want, strings.Join(lackZH, "、"))),
	})
}

func runChannelsPublished(p *Pass) {
	d := p.Dossier
	var unpublished []*dossier.Channel
	for i := range d.Channels {
		if len(d.Channels[i].Published) == 0 {
			unpublished = append(unpublished, &d.Channels[i])
		}
	}
	sev := None // the check's default
	if len(unpublished) == len(d.Channels) {
		sev = Major
	}
	for _, c := range unpublished {
		p.Report(Finding{
			Pos:      c.PosOf("published"),
			Record:   channelRecord(c),
			Severity: sev,
			Message: Text{
				EN: fmt.Sprintf("Channel %s (%s) is not recorded as published anywhere customers can find it", c.ID, c.Type),
				ZH: fmt.Sprintf("渠道 %s（%s）未登记向顾客公布的位置", c.ID, labelZH("channel", c.Type)),
			},
		})
	}
}

func runChannelsFree(p *Pass) {
	d := p.Dossier
	for i := range d.Channels {
		c := &d.Channels[i]
		switch {
		case c.Free == nil:
			p.Report(Finding{
				Pos:      c.PosOf("free"),
				Record:   channelRecord(c),
				Severity: Observation,
				Message: Tf("Channel %s does not declare whether complaining through it is free; declare free: yes",
					"渠道 %s 未声明是否免费；请登记“是否免费：是”", c.ID),
			})
		case !*c.Free:
			p.Reportf(c.PosOf("free"), channelRecord(c), Tf(
				"Channel %s charges the complainant; complaining must be free of charge",
				"渠道 %s 向投诉人收费；投诉必须免费", c.ID))
		}
	}
}

func runChannelsAccessible(p *Pass) {
	d := p.Dossier
	if len(d.Channels) == 0 {
		return
	}
	for i := range d.Channels {
		if len(d.Channels[i].Accessible) > 0 {
			return
		}
	}
	p.Reportf(d.PlaceOf("channels"), "channels", T(
		capitalise(noneOf(len(d.Channels), "channel", "does not offer", "offers"))+" an accessible format (large print, sign language, audio, assisted filing, …)",
		fmt.Sprintf("%d 个渠道均未提供无障碍形式（大字版、手语、语音、协助填写等）", len(d.Channels))))
}
