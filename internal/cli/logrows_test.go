package cli

import (
	"fmt"
	"strings"
	"testing"
)

// logWithBlankReceipts is a complaint log of n rows, the first bad of
// which have no receipt time.
func logWithBlankReceipts(n, bad int) string {
	var b strings.Builder
	b.WriteString("投诉编号,受理时间,投诉渠道,投诉内容,状态\n")
	for i := range n {
		recv := "2026-10-02 09:05"
		if i < bad {
			recv = ""
		}
		fmt.Fprintf(&b, "C%03d,%s,phone,过期,closed\n", i, recv)
	}
	return b.String()
}

func TestAuditSetsUnreadableRowsAsideAndRefusesALogOverTheShare(t *testing.T) {
	for _, tc := range []struct {
		name     string
		bad      int
		cfg      string
		wantCode int
		want     string
	}{
		{"one row in forty is a finding, not an input error", 1, "", ExitFindings, "1 rows have a missing received_at value and are left out of the statistics (1 of 40 rows set aside in all)"},
		{"three rows in forty are over the default 5%", 3, "", ExitInput, "3 of 40 rows (7.5%) have an unreadable or missing required value, over the 5.0% allowed"},
		{"a wider share is set in certready.yaml", 3, "complaints:\n  max_problem_share: 0.1\n", ExitFindings, "3 rows have a missing received_at value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"complaints.csv": logWithBlankReceipts(40, tc.bad)}
			if tc.cfg != "" {
				files["certready.yaml"] = tc.cfg
			}
			dir := writeValidateDossier(t, files)
			code, out, stderr := validateCLI("audit", dir, "--as-of", "2026-11-23", "--format", "json")
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d\n%s", code, tc.wantCode, stderr)
			}
			if !strings.Contains(out+stderr, tc.want) {
				t.Errorf("output lacks %q:\n%s%s", tc.want, out, stderr)
			}
		})
	}
}
