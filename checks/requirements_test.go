package checks

import (
	"testing"

	"github.com/certready/certready/internal/vocab"
)

// Every R-number a check cites has a title an output can print beside it.
func TestEveryRequirementACheckCitesHasATitle(t *testing.T) {
	for _, c := range All() {
		for _, r := range c.Requirement {
			if tt := vocab.RequirementTitle(r); tt.EN == "" || tt.ZH == "" {
				t.Errorf("%s cites %s, which has no title in vocab.RequirementTitle", c.ID, r)
			}
		}
	}
}
