package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/diff"
)

func init() { register(newDiffCmd) }

func newDiffCmd(env Env) *cobra.Command {
	var format, lang, failOn string
	cmd := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "Compare two JSON audit reports: fixed, new, regressed, score movement per clause",
		Long: `diff compares two reports written by ` + "`certready audit --format json`" + `.
Findings are matched by their ids (check and the record's own identity:
document id, person id, licence number, complaint-log rule), so reordering
rows or renaming the workbook changes nothing. Reports written before
findings had ids are matched by check and record, with a warning.

Exit 1 when a new finding is at or above --fail-on (default major), 0
otherwise; 2 on a usage or input error.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			old, err := readResult(args[0])
			if err != nil {
				return err
			}
			new, err := readResult(args[1])
			if err != nil {
				return err
			}
			threshold, err := checks.ParseSeverity(failOn)
			if err != nil {
				return usageErr("--fail-on: %v", err)
			}
			d := diff.Compare(old, new, lang)
			if d.Legacy {
				fmt.Fprintln(env.Err, "certready: warning: a report has no finding ids (written by an older certready); findings are matched by check and record only")
			}
			switch format {
			case "json":
				enc := json.NewEncoder(env.Out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				err = enc.Encode(d)
			case "text", "markdown":
				// The reports quote the dossiers (messages, positions):
				// their control characters are shown escaped, line by line.
				var buf bytes.Buffer
				if err = d.WriteText(&buf, format == "markdown"); err == nil {
					_, err = io.WriteString(env.Out, safeLines(buf.String()))
				}
			default:
				return usageErr("--format: expected text, markdown or json, got %q", format)
			}
			if err != nil {
				return err
			}
			if code := d.ExitCode(threshold); code != 0 {
				return &ExitError{Code: code}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, markdown or json")
	cmd.Flags().StringVar(&lang, "lang", "en", "language of finding messages: en or zh")
	cmd.Flags().StringVar(&failOn, "fail-on", "major", "exit 1 on a new finding at or above: major, minor, observation or none")
	return cmd
}

func readResult(path string) (*audit.Result, error) {
	b, err := readInput("diff", path, maxReportBytes)
	if err != nil {
		return nil, err
	}
	var r audit.Result
	if err := json.Unmarshal(b, &r); err != nil || r.Tool != "certready" {
		return nil, usageErr("%s: not a certready JSON report%s", path, errSuffix(err))
	}
	return &r, nil
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprintf(" (%v)", err)
}
