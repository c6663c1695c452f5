package templates

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/certready/certready/internal/dossier"
)

// declaredRefs are the complaint-log columns whose values are declared on
// another sheet of the workbook: a complaint's channel is a channel id of
// the Channels sheet, its category a code of the Categories sheet. Their
// dropdowns list what that sheet declares, so the log uses the same words.
var declaredRefs = map[string]struct{ recordType, key string }{
	"channel":  {"channels", "id"},
	"category": {"categories", "code"},
}

// refRows bounds the declared rows a dropdown offers; a few hundred
// channels or categories is more than any organisation has.
const refRows = 500

// refValidate adds the dropdown of a complaint column declared elsewhere;
// false when the column is not one of those. It warns rather than stops: a
// value not declared yet is reported by the audit, not refused here.
func (b *book) refValidate(sheet, sqref string, rt *dossier.RecordType, fl *dossier.Field) (bool, error) {
	ref, ok := declaredRefs[fl.Key]
	if rt.Name != "complaints" || !ok {
		return false, nil
	}
	var src *dossier.RecordType
	types := dossier.Types()
	for i := range types {
		if types[i].Name == ref.recordType {
			src = &types[i]
		}
	}
	col := 0
	for i := 0; src != nil && i < len(src.Fields); i++ {
		if src.Fields[i].Key == ref.key {
			col = i + 1
		}
	}
	if col == 0 {
		return false, fmt.Errorf("workbook: no %s column %s", ref.recordType, ref.key)
	}
	name := SheetName(src, b.lang)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	c := colName(col)
	dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", strings.ReplaceAll(name, "'", "''"), c, c, refRows+1))
	dv.SetError(excelize.DataValidationErrorStyleWarning, truncUTF16(fl.EN+" / "+fl.ZH, 32),
		truncUTF16(fmt.Sprintf("Not declared on the %s sheet: add it there. / 未在“%s”表中登记，请先登记。", src.SheetEN, src.SheetZH), 255))
	prompt := fmt.Sprintf("Pick one declared on the %s sheet. / 从“%s”表已登记的项目中选择。", src.SheetEN, src.SheetZH)
	dv.SetInput(truncUTF16(fl.EN+" / "+fl.ZH, 32), truncUTF16(prompt, 255))
	if err := b.f.AddDataValidation(sheet, dv); err != nil {
		return false, fmt.Errorf("workbook %s: %w", sheet, err)
	}
	return true, nil
}
