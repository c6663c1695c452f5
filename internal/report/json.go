package report

import (
	"encoding/json"
	"io"

	"github.com/certready/certready/internal/audit"
)

func init() { register("json", FormatterFunc(formatJSON)) }

// formatJSON writes the Result as indented JSON with both languages of
// every message; its shape is schemas/report.schema.json.
func formatJSON(w io.Writer, r *audit.Result, _ Options) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
