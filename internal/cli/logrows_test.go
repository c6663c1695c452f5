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
		{"one row in forty is a finding, not an input error", 1, "", ExitFindings, "1 row has a missing “Received at / 受理时间” value and is left out of the statistics (1 of 40 rows set aside in all)"},
		{"three rows in forty are over the default 5%", 3, "", ExitInput, "3 of 40 rows (7.5%) have an unreadable or missing required value, over the 5.0% allowed"},
		{"a wider share is set in certready.yaml", 3, "complaints:\n  max_problem_share: 0.1\n", ExitFindings, "3 rows have a missing “Received at / 受理时间” value"},
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

func TestRulesShowPrintsTheWorkingDayRuleInForceWithComputedExamples(t *testing.T) {
	dir := writeValidateDossier(t, map[string]string{"certready.yaml": "thresholds:\n  cutoff: \"24:00\"\n  nonworking_receipt: receipt_day\n"})
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"rules", "show", "handling.simple-3wd", "--config", dir + "/none.yaml"}, nil},
		{[]string{"rules", "show", "handling.simple-3wd", "--config", dir + "/certready.yaml"}, []string{
			"cut-off 24:00: a receipt on a working day is day 0 whatever its time; on a non-working day the receipt date itself is day 0",
			"received Wed 2026-09-30 23:30 (a working day): day 0 is Wed 2026-09-30",
			"received Sat 2026-10-03 10:00 (not a working day): day 0 is Sat 2026-10-03",
		}},
		{[]string{"rules", "show", "handling.simple-3wd"}, []string{
			"a receipt on a working day at or after 17:30 starts on the next working day",
			// After the cut-off on the eve of National Day: day 0 is the
			// first working day after the holiday, and the 10 October
			// make-up Saturday counts.
			"received Wed 2026-09-30 18:00 (a working day): day 0 is Thu 2026-10-08; a simple complaint is due by the end of Mon 2026-10-12.",
		}},
		{[]string{"rules", "show", "handling.simple-3wd", "--lang", "zh"}, []string{"周三 2026-09-30 18:00（工作日）受理：第0日为 周四 2026-10-08"}},
	} {
		code, out, stderr := validateCLI(tc.args...)
		if tc.want == nil {
			if code != ExitInput {
				t.Errorf("%v: exit %d, want %d for a missing --config file", tc.args, code, ExitInput)
			}
			continue
		}
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
}
