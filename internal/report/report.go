// Package report renders an audit Result in each output format. One
// Formatter per format, chosen by name through Get; formatters never
// compute findings, they only present the Result.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/certready/certready/internal/audit"
	"github.com/certready/certready/internal/vocab"
)

// Options shape human-readable output.
type Options struct {
	Lang     string // en or zh
	Standard string // iso10002 or gbt19012: which label clauses carry
	Color    bool   // ANSI colour (only on a TTY and never with NO_COLOR)
	// SourceRoot is the repository root (see SourceRoot) in the terms the
	// positions use; CI formats name files relative to it. Empty: paths
	// stay as the dossier gives them.
	SourceRoot string
}

// Formatter writes a Result in one format.
type Formatter interface {
	Format(w io.Writer, r *audit.Result, o Options) error
}

// FormatterFunc adapts a function to Formatter.
type FormatterFunc func(w io.Writer, r *audit.Result, o Options) error

// Format calls f.
func (f FormatterFunc) Format(w io.Writer, r *audit.Result, o Options) error { return f(w, r, o) }

var formatters = map[string]Formatter{}

// register is called from each format's file at init.
func register(name string, f Formatter) { formatters[name] = f }

// Get returns the formatter for a format name.
func Get(name string) (Formatter, error) {
	f, ok := formatters[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
	}
	return f, nil
}

// Names lists the format names.
func Names() []string {
	var out []string
	for n := range formatters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// clauseLabel renders clauses with the chosen standard's name.
func clauseLabel(o Options, cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	name := "GB/T 19012-2019"
	if o.Standard == "iso10002" {
		name = "ISO 10002:2018"
	}
	return name + " " + strings.Join(cs, ", ")
}

// nounFor is the noun after a count n: in English the singular for 1 and
// the plural otherwise (vocab.Noun), in Chinese the one form.
func nounFor(o Options, n int, one, many, zh string) string {
	if o.Lang == "zh" {
		return zh
	}
	return vocab.Noun(n, one, many)
}

// requirementsWithTitles is a finding's R-numbers each with its title, one
// per line: "R22 Application materials checklist".
func requirementsWithTitles(o Options, rs []string) string {
	return strings.Join(vocab.RequirementLegend(o.Lang, rs), "\n")
}

// L picks the language of a fixed UI string.
func L(o Options, en, zh string) string {
	if o.Lang == "zh" {
		return zh
	}
	return en
}

func statusLabel(o Options, s string) string {
	zh := map[string]string{
		"present": "已具备", "missing": "缺失", "expired": "已过期", "not_applicable": "不适用",
		"met": "满足", "gaps": "存在差距", "needs_evidence": "待提供证据", "not_evidenced": "无检查覆盖",
		"pass": "通过", "fail": "不通过", "waived": "已豁免", "open": "未关闭", "known": "已知",
		"active": "有效", "unused": "未使用",
	}
	if o.Lang == "zh" {
		if v, ok := zh[s]; ok {
			return v
		}
	}
	return strings.ReplaceAll(s, "_", " ")
}
