package checks

import (
	"testing"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// chanField points at a field of the fixture channel at index i.
func chanField(i int, key string) func(*dossier.Dossier) dossier.Pos {
	return func(d *dossier.Dossier) dossier.Pos { return d.Channels[i].PosOf(key) }
}

func TestChannelsMultiple(t *testing.T) {
	docsTable(t, "channels.multiple", []docsCase{
		{name: "a phone hotline and an e-mail address are two kinds of channel"},
		{name: "two hotlines are one kind of channel", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Channels[1].Type = "phone"
		}, want: []docsWant{{sev: Observation, msg: "1 distinct channel type (phone); at least 2 recommended (recommended practice). Typical channels not offered: email, web/app, in person", record: "channels"}}},
		{name: "an empty channel list is an observation", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels = nil },
			want: []docsWant{{sev: Observation, msg: "0 distinct channel types (none: the channels list is empty)"}}},
		{name: "a dossier without a channels sheet says so", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Channels, d.Present["channels"] = nil, false
		}, want: []docsWant{{sev: Observation, msg: "(none: the dossier has no channels file or sheet)"}}},
		{name: "a configured minimum of three is not met by two kinds", tune: func(th *config.Thresholds) { th.MinChannels = 3 },
			want: []docsWant{{sev: Major, msg: "2 distinct channel types (email, phone); at least 3 required by your own policy. Typical channels not offered: web/app, in person"}}},
		{name: "a configured minimum of three is met by adding a suggestion box", tune: func(th *config.Thresholds) { th.MinChannels = 3 },
			edit: func(t *testing.T, d *dossier.Dossier) {
				d.Channels = append(d.Channels, dossier.Channel{ID: "box", Type: "box", Published: []string{"store"}})
			}},
	})
}

func TestChannelsPublished(t *testing.T) {
	docsTable(t, "channels.published", []docsCase{
		{name: "every channel published passes"},
		{name: "one unpublished channel is minor", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels[1].Published = nil },
			want: []docsWant{{sev: Minor, msg: "Channel mail (email) is not recorded as published", record: "channel mail", field: chanField(1, "published")}}},
		{name: "no channel published at all is major for each", edit: func(t *testing.T, d *dossier.Dossier) {
			d.Channels[0].Published, d.Channels[1].Published = nil, nil
		}, want: []docsWant{{sev: Major, msg: "Channel hotline"}, {sev: Major, msg: "Channel mail"}}},
		{name: "no channels leaves nothing to publish", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels = nil }},
	})
}

func TestChannelsFree(t *testing.T) {
	docsTable(t, "channels.free", []docsCase{
		{name: "channels declared free pass"},
		{name: "a channel that charges is major", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels[0].Free = bptr(false) },
			want: []docsWant{{sev: Major, msg: "Channel hotline charges the complainant", record: "channel hotline", field: chanField(0, "free")}}},
		{name: "an undeclared channel is an observation asking for the declaration", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels[1].Free = nil },
			want: []docsWant{{sev: Observation, msg: "Channel mail does not declare whether complaining through it is free", field: chanField(1, "free")}}},
	})
}

func TestChannelsAccessible(t *testing.T) {
	docsTable(t, "channels.accessible", []docsCase{
		{name: "one channel with an accessible format passes"},
		{name: "no accessible format is an observation", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels[0].Accessible = nil },
			want: []docsWant{{sev: Observation, msg: "None of the 2 channels offers an accessible format", record: "channels"}}},
		{name: "no channels is left to channels.multiple", edit: func(t *testing.T, d *dossier.Dossier) { d.Channels = nil }},
	})
}
