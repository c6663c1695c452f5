package cli

import (
	"fmt"

	"github.com/certready/certready/internal/convert"
	"github.com/certready/certready/internal/dossier"
)

// exampleWarnings words the records that are still the template's
// examples, in lang, each at its position.
func exampleWarnings(d *dossier.Dossier, lang string) []validateProblem {
	left, err := convert.Leftovers(d)
	if err != nil {
		return nil // the records were read; a projection failure is not the user's
	}
	out := make([]validateProblem, 0, len(left))
	for _, l := range left {
		rt, _ := dossier.TypeByName(l.Type)
		msg := fmt.Sprintf("warning: this %s record is still the template's example; replace it with your own or delete it (certready audits it as yours)", rt.SheetEN)
		if lang == "zh" {
			msg = fmt.Sprintf("警告：这条%s记录仍是模板中的示例，请替换为本单位的记录或删除（否则会被当作本单位记录审核）", rt.SheetZH)
		}
		out = append(out, validateProblem{Where: l.Pos.String(), Pos: l.Pos, Message: msg})
	}
	return out
}
