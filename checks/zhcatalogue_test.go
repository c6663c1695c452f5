package checks

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/certready/certready/internal/dossier"
)

// The Chinese title, evidence, remedy and doc of every check use no
// internal key or enum value: whichever check fires, its Chinese texts
// reach a Chinese reader as they are (field placeholders resolved). A doc
// may say what to list under complaints.not_tracked in certready.yaml: the
// keys typed there are the words the reader types.
func TestChineseTextsOfTheCatalogueUseNoInternalWords(t *testing.T) {
	bad := map[string]bool{}
	for _, vs := range [][]string{dossier.Sectors, dossier.LicenceTypes, dossier.DocumentKinds, dossier.ChannelTypes,
		dossier.Complexities, dossier.RiskLevels, dossier.Statuses, dossier.Satisfactions, dossier.PersonRoles,
		dossier.TrainingTopics, dossier.Equipment, dossier.ActionStatuses, dossier.CoverElements} {
		for _, v := range vs {
			bad[v] = true
		}
	}
	for _, rt := range dossier.Types() {
		for _, f := range rt.Fields {
			if strings.Contains(f.Key, "_") {
				bad[f.Key] = true
			}
		}
	}
	word := regexp.MustCompile(`[A-Za-z][A-Za-z0-9_]*`)
	dotted := regexp.MustCompile(`[A-Za-z0-9_-]*[./][A-Za-z0-9_./-]*`)
	english := regexp.MustCompile(`英文(“[^”]*”)+`)
	notTracked := regexp.MustCompile(`complaints\.not_tracked[^。；]*`)
	for _, c := range All() {
		found := map[string]bool{}
		for _, tx := range []Text{c.Title, c.Evidence, c.Remedy, c.Doc} {
			zh := notTracked.ReplaceAllString(ResolveFields(tx, nil).ZH, "")
			// A token holding a '.' or '/' is a check id, a configuration
			// key or a path: a proper name, not a code in place of a word.
			zh = dotted.ReplaceAllString(zh, "")
			// English words the rule looks for in the reader's own text
			// (a certificate's name) are quoted after 英文.
			zh = english.ReplaceAllString(zh, "")
			for _, w := range word.FindAllString(zh, -1) {
				if bad[w] {
					found[w] = true
				}
			}
		}
		if len(found) > 0 {
			ws := make([]string, 0, len(found))
			for w := range found {
				ws = append(ws, w)
			}
			sort.Strings(ws)
			t.Errorf("%s: Chinese texts use internal words %v", c.ID, ws)
		}
	}
}
