package pack

import (
	"regexp"
	"strings"

	"github.com/certready/certready/internal/vocab"
)

// The catalogue's texts are written once for every output, and the
// Markdown report renders their inline Markdown; the PDF cannot mix fonts
// within a line, so it drops the markup and keeps what it meant. Only the
// catalogue's own texts pass through here, never record data: a masked
// name such as 陈** must stay as it is.
var (
	codeSpan = regexp.MustCompile("`([^`\n]+)`")
	// A bold span opens at the start or after a space or an opening
	// bracket or quote, never right after a character, which is how a
	// masked name's asterisks follow its first character.
	boldSpan = regexp.MustCompile(`(^|[\s(（“"'])\*\*([^\s*](?:[^*\n]*[^\s*])?)\*\*`)
	mdLink   = regexp.MustCompile(`\[([^\]\n]+)\]\(([^)\s]+)\)`)
)

// plain renders inline Markdown as plain text: a code span becomes the
// quoted name (“covers”), bold loses its asterisks, a link shows its text
// and address.
func plain(s string) string {
	if !strings.ContainsAny(s, "`*[") {
		return s
	}
	s = codeSpan.ReplaceAllString(s, "“$1”")
	s = strings.ReplaceAll(s, "`", "")
	s = boldSpan.ReplaceAllString(s, "$1$2")
	s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
		sub := mdLink.FindStringSubmatch(m)
		if sub[1] == sub[2] {
			return sub[2]
		}
		return sub[1] + " (" + sub[2] + ")"
	})
	return s
}

// txt is a catalogue text in the pack's language, as plain text.
func (p *packer) txt(t vocab.Text) string { return plain(t.In(p.o.Lang)) }
