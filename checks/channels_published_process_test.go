package checks

import (
	"testing"

	"github.com/certready/certready/internal/dossier"
)

func TestChannelsPublishedProcess(t *testing.T) {
	runCases(t, "channels.published-process", []checkCase{
		{name: "a published process with its flow chart passes"},
		{
			name:   "no published process is minor",
			mutate: func(d *dossier.Dossier, _ *Pass) { dropDocuments(d, "PC-01") },
			want:   []findingWant{{Severity: Minor, Message: "not on file as published", Record: "document kind process_chart"}},
		},
	})
}
