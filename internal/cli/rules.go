package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/certready/certready/checks"
	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
	"github.com/certready/certready/internal/reqtree"
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
				fmt.Fprintf(env.Out, "%-34s %-11s %-9s %-8s %-12s %s\n", c.ID, c.Severity, c.Basis, strings.Join(c.Requirement, ","), nodeNums(c), c.Title.In(lang))
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
	var treeID, standard string
	tree := &cobra.Command{
		Use:   "tree",
		Short: "Print a requirement tree (the standard's clauses, the CB scheme) with the checks on each node",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ids := []string{checks.ISOTree, checks.SchemeTree}
			if treeID != "all" {
				if _, ok := checks.Trees().Tree(treeID); !ok {
					var known []string
					for _, t := range checks.Trees().Trees() {
						known = append(known, t.ID)
					}
					return usageErr("no requirement tree %q (want all, %s)", treeID, strings.Join(known, ", "))
				}
				ids = []string{treeID}
			}
			for i, id := range ids {
				if i > 0 {
					fmt.Fprintln(env.Out)
				}
				t, _ := checks.Trees().Tree(id)
				printTree(env, t, standard, lang)
			}
			return nil
		},
	}
	var treeIDs []string
	for _, t := range checks.Trees().Trees() {
		treeIDs = append(treeIDs, t.ID)
	}
	tree.Flags().StringVar(&treeID, "standard", "all", "which tree: all (the standard and the CB scheme) or one of "+strings.Join(treeIDs, ", "))
	tree.Flags().StringVar(&standard, "label", "gbt19012", "clause label: iso10002 or gbt19012")
	show.Flags().StringVar(&cfgPath, "config", config.FileName, "certready.yaml whose thresholds and calendar are in force (default: ./certready.yaml if present, else the defaults)")
	for _, c := range []*cobra.Command{list, show, tree} {
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
	cmd.AddCommand(list, show, tree, score)
	return cmd
}

func showCheck(env Env, c *checks.Check, lang string) {
	w := env.Out
	fmt.Fprintf(w, "%s — %s\n", c.ID, c.Title.In(lang))
	fmt.Fprintf(w, "  %s / %s\n", c.Title.EN, c.Title.ZH)
	fmt.Fprintf(w, "severity:     %s\n", c.Severity)
	fmt.Fprintf(w, "requirements: %s\n", strings.Join(c.Requirement, ", "))
	for _, n := range c.NodeRefs() {
		fmt.Fprintf(w, "evidences:    %s %s\n", n.Cite("iso10002", lang), n.Title.In(lang))
	}
	fmt.Fprintf(w, "basis:        %s — %s\n", c.Basis, c.Basis.Label(lang))
	if c.Source.EN != "" {
		fmt.Fprintf(w, "  %s\n  %s\n", c.Source.EN, c.Source.ZH)
	}
	if c.Figure != "" {
		d := config.Defaults()
		fmt.Fprintf(w, "figure:       thresholds.%s — taken from the organisation's procedure where it states one, else certready.yaml, else the default %g as recommended practice (at most an observation)\n",
			c.Figure, d.Threshold(c.Figure))
	}
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
	if len(c.Sectors) > 0 {
		fmt.Fprintf(w, "sectors:      %s — applies only to organisations of these sectors (organisation.sector, or sector in certready.yaml)\n", strings.Join(c.Sectors, ", "))
	}
	for _, n := range c.NodeRefs() {
		if t, ok := checks.Trees().Tree(n.Tree); ok && t.Kind == reqtree.KindSector {
			node, _ := t.Node(n.Num)
			fmt.Fprintf(w, "cites:        %s\n  %s\n", t.Source.In(lang), node.Note.In(lang))
		}
	}
	if c.Manual {
		fmt.Fprintln(w, "manual:       yes — when nothing is found wrong the status is \"needs evidence\", never \"pass\"")
	}
	// Without a dossier, fields are named by the fill-in workbook's headers.
	ev, rem, doc := checks.ResolveFields(c.Evidence, nil), checks.ResolveFields(c.Remedy, nil), checks.ResolveFields(c.Doc, nil)
	fmt.Fprintf(w, "\nevidence expected:\n  %s\n  %s\n", ev.EN, ev.ZH)
	fmt.Fprintf(w, "\nremedy:\n  %s\n  %s\n", rem.EN, rem.ZH)
	if doc.EN != "" {
		fmt.Fprintf(w, "\nhow it is checked:\n  %s\n", doc.EN)
		if doc.ZH != "" {
			fmt.Fprintf(w, "  %s\n", doc.ZH)
		}
	}
}

// nodeNums is a check's nodes as a short list: clause numbers, then other
// trees' node ids.
func nodeNums(c *checks.Check) string {
	var out []string
	for _, n := range c.NodeRefs() {
		if n.Tree == checks.ISOTree {
			out = append(out, n.Num)
		} else {
			out = append(out, n.ID)
		}
	}
	return strings.Join(out, ",")
}

// printTree prints a requirement tree: each node indented under its
// parent, with its title in lang and the other language, and the checks
// assessing it, or why none does.
func printTree(env Env, t *reqtree.Tree, standard, lang string) {
	w := env.Out
	fmt.Fprintf(w, "%s — %s\n", t.Title.In(lang), t.Source.In(lang))
	if len(t.Sectors) > 0 {
		names := make([]string, len(t.Sectors))
		for i, s := range t.Sectors {
			names[i] = s
			if zh := dossier.EnumLabelsZH["sector"][s]; lang == "zh" && zh != "" {
				names[i] = zh
			}
		}
		if lang == "zh" {
			fmt.Fprintf(w, "适用行业：%s\n", strings.Join(names, "、"))
		} else {
			fmt.Fprintf(w, "sectors: %s\n", strings.Join(names, ", "))
		}
	}
	other := "zh"
	if lang == "zh" {
		other = "en"
	}
	for i := range t.Nodes {
		n := &t.Nodes[i]
		indent := strings.Repeat("  ", t.Depth(n))
		label := t.Ref(n).Cite(standard, lang)
		fmt.Fprintf(w, "%s%s %s / %s\n", indent, label, n.Title.In(lang), n.Title.In(other))
		if t.Kind == reqtree.KindSector && n.Note.In(lang) != "" {
			// A rule of law is read with its source text.
			fmt.Fprintf(w, "%s    %s\n", indent, n.Note.In(lang))
		}
		if !n.Assessable {
			continue
		}
		id := t.ID + ":" + n.Num
		var ids []string
		for _, c := range checks.All() {
			if c.Covers(id) {
				ids = append(ids, c.ID)
			}
		}
		if len(ids) == 0 {
			why := n.NotAssessed.In(lang)
			fmt.Fprintf(w, "%s    not assessed: %s\n", indent, why)
			continue
		}
		fmt.Fprintf(w, "%s    checks: %s\n", indent, strings.Join(ids, ", "))
	}
}
