package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
)

func init() { register("codequality", FormatterFunc(formatCodeQuality)) }

// codeQualityIssue is one entry of a GitLab Code Quality report (the
// subset of the Code Climate issue format GitLab reads).
type codeQualityIssue struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
}

// formatCodeQuality writes a GitLab Code Quality report, which GitLab shows
// in the merge request widget and diff. Open and baseline-known findings
// are issues; waived ones are left out. GitLab compares the source and
// target branch reports by fingerprint, so the fingerprint is built from
// what identifies the finding — the check and the record, or the place
// when the finding has no record — never from the wording, which changes
// with --lang and with figures in the message; equal keys are told apart
// by their order. A finding without a file (a dossier-wide gap) is placed
// on the dossier itself, line 1: GitLab needs a path.
func formatCodeQuality(w io.Writer, r *audit.Result, o Options) error {
	lang := o.Lang
	issues := []codeQualityIssue{}
	seen := map[string]int{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.State == "waived" {
			continue
		}
		id := f.Record
		if id == "" {
			id = f.Where
		}
		key := f.Check + "|" + id
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "|" + strconv.Itoa(n)
		}
		path, line := r.Dossier, 1
		if f.Pos.File != "" {
			path = f.Pos.File
			if l, _ := posLine(f.Pos); l > 0 {
				line = l
			}
		}
		desc := f.Message.In(lang)
		if f.Where != "" {
			desc += L(o, " (", "（") + f.Where + L(o, ")", "）")
		}
		issues = append(issues, codeQualityIssue{
			Description: desc,
			CheckName:   f.Check,
			Fingerprint: fingerprint("certready/codequality/v1|" + key),
			Severity:    codeQualitySeverity(f.Severity),
			Location:    codeQualityLocation{Path: ciPath(o, path), Lines: codeQualityLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(issues); err != nil {
		return fmt.Errorf("codequality: %w", err)
	}
	return nil
}

// codeQualitySeverity maps the auditor's grades onto GitLab's five: a
// major nonconformity blocks the certificate, so it is a blocker; a minor
// one is minor; an observation is info. critical and major are not used:
// there is no grade between "blocks certification" and "minor".
func codeQualitySeverity(s checks.Severity) string {
	switch s {
	case checks.Major:
		return "blocker"
	case checks.Minor:
		return "minor"
	}
	return "info"
}
