// Package templates writes what `certready init` and `certready convert`
// produce: the fill-in workbook a consultant sends to a client (an
// instructions sheet, one sheet per record type with bilingual headers,
// dropdowns, date formats and an example row), commented YAML skeleton
// files, and the plain workbook and YAML directory forms of a dossier.
//
// Everything is driven by dossier.Types(), the field table, so a field added
// there appears in the template, the skeleton and the converted files
// without a change here. Content arrives in a neutral form (Data: records of
// canonical text values), so the template's example rows and a converted
// dossier go through the same writers.
package templates
