package cn

import "github.com/certready/certready/internal/civil"

// Date is the civil date the calendar declares holidays in; it is the
// dossier's date type too.
type Date = civil.Date
