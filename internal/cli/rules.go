package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/config"
)

func init() { register(newRulesCmd) }

func newRulesCmd(env Env) *cobra.Command {
	var lang, cfgPath string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List and explain the checks (printed from the catalogue itself)",
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List every check with its severity, requirements and clauses",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, c := range checks.All() {
				fmt.Fprintf(env.Out, "%-34s %-11s %-8s %-12s %s\n", c.ID, c.Severity, strings.Join(c.Requirement, ","), strings.Join(c.Clauses, ","), c.Title.In(lang))
			}
			return nil
		},
	}
	show := &cobra.Command{
		Use:   "show ID",
		Short: "Explain one check: what it verifies, the evidence expected and the remedy",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, ok := checks.ByID(args[0])
			if !ok {
				return usageErr("no check %q%s (see certready rules list)", args[0], audit.CheckSuggestion(args[0]))
			}
			showCheck(env, c, lang)
			if workingDayChecks[c.ID] {
				cfg, err := config.Load(cfgPath, cfgPath == config.FileName)
				if err != nil {
					return err
				}
				cal, err := audit.CalendarFor(cfg)
				if err != nil {
					return err
				}
				return showWorkingDayRule(env.Out, cfg, cal, lang)
			}
			return nil
		},
	}
	show.Flags().StringVar(&cfgPath, "config", config.FileName, "certready.yaml whose thresholds and calendar are in force (default: ./certready.yaml if present, else the defaults)")
	for _, c := range []*cobra.Command{list, show} {
		c.Flags().StringVar(&lang, "lang", "en", "en or zh")
	}
	score := &cobra.Command{
		Use:   "score",
		Short: "Explain how readiness scores and the verdict are computed",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(env.Out, audit.ScoreFormula)
			fmt.Fprintln(env.Out, "Verdict: not ready with any open major finding or before the earliest eligible application date; ready with minor gaps when only minor findings are open; ready otherwise (observations allowed).")
			return nil
		},
	}
	cmd.AddCommand(list, show, score)
	return cmd
}

func showCheck(env Env, c *checks.Check, lang string) {
	w := env.Out
	fmt.Fprintf(w, "%s — %s\n", c.ID, c.Title.In(lang))
	fmt.Fprintf(w, "  %s / %s\n", c.Title.EN, c.Title.ZH)
	fmt.Fprintf(w, "severity:     %s\n", c.Severity)
	fmt.Fprintf(w, "requirements: %s\n", strings.Join(c.Requirement, ", "))
	fmt.Fprintf(w, "clauses:      ISO 10002:2018 / GB/T 19012-2019 %s\n", strings.Join(c.Clauses, ", "))
	if len(c.Principles) > 0 {
		var ps []string
		for _, p := range c.Principles {
			ps = append(ps, p+" "+checks.ClauseTitle(p).In(lang))
		}
		fmt.Fprintf(w, "principles:   %s\n", strings.Join(ps, "; "))
	}
	if c.Jurisdiction != "" {
		fmt.Fprintf(w, "jurisdiction: %s\n", c.Jurisdiction)
	}
	if c.Manual {
		fmt.Fprintln(w, "manual:       yes — when nothing is found wrong the status is \"needs evidence\", never \"pass\"")
	}
	fmt.Fprintf(w, "\nevidence expected:\n  %s\n  %s\n", c.Evidence.EN, c.Evidence.ZH)
	fmt.Fprintf(w, "\nremedy:\n  %s\n  %s\n", c.Remedy.EN, c.Remedy.ZH)
	if c.Doc.EN != "" {
		fmt.Fprintf(w, "\nhow it is checked:\n  %s\n", c.Doc.EN)
		if c.Doc.ZH != "" {
			fmt.Fprintf(w, "  %s\n", c.Doc.ZH)
		}
	}
}
