// Package metrics folds the complaint log into accumulators in one
// streaming pass; the handling checks read the result.
package metrics

import "github.com/certready/certready/internal/dossier"

// RowRef points at one complaint-log row.
type RowRef struct {
	ID  string      `json:"id"`
	Pos dossier.Pos `json:"pos"`
}

// Metrics is the result of the metrics pass.
type Metrics struct {
	Total int
}
