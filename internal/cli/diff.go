package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"

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
			if lang != "en" && lang != "zh" {
				return usageErr("--lang: expected en or zh, got %q", lang)
			}
			tr := func(en, zh string) string {
				if lang == "zh" {
					return zh
				}
				return en
			}
			old, err := readResult(args[0], lang)
			if err != nil {
				return err
			}
			new, err := readResult(args[1], lang)
			if err != nil {
				return err
			}
			threshold, err := checks.ParseSeverity(failOn)
			if err != nil {
				return usageErr(tr("--fail-on: expected major, minor, observation or none, got %q", "--fail-on：应为 major、minor、observation 或 none，实际为 %q"), failOn)
			}
			d := diff.Compare(old, new, lang)
			if d.Legacy {
				fmt.Fprintln(env.Err, tr("certready: warning: a report has no finding ids (written by an older certready); findings are matched by check and record only",
					"certready：警告：有一份报告的发现项没有编号（由较早版本的 certready 生成），只能按检查项和记录匹配"))
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
				return usageErr(tr("--format: expected text, markdown or json, got %q", "--format：应为 text、markdown 或 json，实际为 %q"), format)
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

func readResult(path, lang string) (*audit.Result, error) {
	b, err := readInput("diff", path, maxReportBytes)
	if err != nil {
		if lang == "zh" && errors.Is(err, fs.ErrNotExist) {
			return nil, usageErr("diff：找不到文件 %s", path)
		}
		return nil, err
	}
	var r audit.Result
	if err := json.Unmarshal(b, &r); err != nil || r.Tool != "certready" {
		if lang == "zh" {
			// The parser's own words are English and name Go types: the
			// reader needs only to know the file is not a report.
			return nil, usageErr("%s：不是 certready 生成的 JSON 报告（请用 certready audit --format json 生成）", path)
		}
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
