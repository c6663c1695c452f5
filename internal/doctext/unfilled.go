package doctext

import (
	"regexp"
	"strings"
	"unicode"
)

// fillIn matches the markers a document template leaves where text is to
// be written. Each is a marker no finished document keeps:
//   - a bracketed instruction to fill in: 【请填写】, 【此处填写公司名称】,
//     [待补充], （待定）, <请填写>, and the English [fill in …], [insert …],
//     [enter …], <fill in>;
//   - TODO, TBD and "lorem ipsum";
//   - a run of three or more X, × or ○ standing for a name or figure
//     (XXX有限公司, ×××, ○○○);
//   - a template variable: {{name}}, ${name}.
//
// A line of underscores is not a marker: forms are meant to be filled in
// by their users, and a signature line is part of a finished document.
var fillIn = []*regexp.Regexp{
	regexp.MustCompile(`[【\[［<＜〔(（][^】\]］>＞〕)）\n]{0,20}(填写|填入|补充|待定|待完善|待编写)[^】\]］>＞〕)）\n]{0,20}[】\]］>＞〕)）]`),
	regexp.MustCompile(`(?i)[\[<]\s*(fill[ -]?in|insert|enter|to be (completed|written|defined))\b[^\]>\n]{0,60}[\]>]`),
	regexp.MustCompile(`\bTODO\b|\bTBD\b|(?i:lorem ipsum)`),
	regexp.MustCompile(`(?:^|[^A-Za-z])(?P<m>XXX+|xxx+)(?:$|[^A-Za-z])|(?P<m>[×Ｘｘ○]{3,})`),
	regexp.MustCompile(`\{\{[^{}\n]{0,60}\}\}|\$\{[^{}\n]{0,60}\}`),
}

// Unfilled tells whether text is a template left unfilled. It returns the
// first fill-in marker and its line (1-based), or, for Markdown, whether
// every section heading stands over an empty section: the skeleton of a
// document with none of its content written.
func Unfilled(text string, markdown bool) (marker string, line int, headingsOnly bool) {
	for i, l := range strings.Split(text, "\n") {
		for _, re := range fillIn {
			if m := re.FindStringSubmatch(l); m != nil {
				found := m[0]
				// A marker told by its neighbours is reported without them.
				for j, name := range re.SubexpNames() {
					if name == "m" && m[j] != "" {
						found = m[j]
					}
				}
				return strings.TrimSpace(found), i + 1, false
			}
		}
	}
	if markdown {
		return "", 0, onlyHeadings(text)
	}
	return "", 0, false
}

var mdHeading = regexp.MustCompile(`^ {0,3}(#{1,6})(\s|$)`)

// onlyHeadings reports a Markdown text whose sections are all empty. The
// sections are the headings below the title: the headings of the deepest
// level but the shallowest when the shallowest heading occurs once (the
// document's title), else all of them. Text before the first section (a
// title line, an approval line) does not make a document of a skeleton.
func onlyHeadings(text string) bool {
	type heading struct {
		level int
		body  bool // a line of content follows before the next heading
	}
	var hs []heading
	inFence := false
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
		}
		if !inFence {
			if m := mdHeading.FindStringSubmatch(l); m != nil {
				hs = append(hs, heading{level: len(m[1])})
				continue
			}
		}
		if len(hs) > 0 && isContent(t) {
			hs[len(hs)-1].body = true
		}
	}
	if len(hs) == 0 {
		return false
	}
	top, nTop := 7, 0
	for _, h := range hs {
		switch {
		case h.level < top:
			top, nTop = h.level, 1
		case h.level == top:
			nTop++
		}
	}
	sections := 0
	for _, h := range hs {
		if nTop == 1 && h.level == top && len(hs) > 1 {
			continue // the title
		}
		sections++
		if h.body {
			return false
		}
	}
	return sections > 0
}

// isContent reports a line that says something: not blank, not a
// horizontal rule or table rule, not an HTML comment.
func isContent(t string) bool {
	if t == "" || strings.HasPrefix(t, "<!--") {
		return false
	}
	return strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}
