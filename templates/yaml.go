package templates

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/certready/certready/internal/config"
	"github.com/certready/certready/internal/dossier"
)

// File is one file of a dossier directory, written by the caller (atomically,
// after checking it may overwrite).
type File struct {
	Name  string // relative to the directory
	Write func(w io.Writer) error
}

// DirOptions tune DirFiles.
type DirOptions struct {
	// Skeleton writes the commented fill-in form: a comment above every
	// field (headers, kind, requirement, allowed values, meaning), every
	// field listed even when empty, the complaint log as commented YAML,
	// and a certready.yaml with the default thresholds commented out.
	Skeleton bool
	// SchemaDir, when set, starts every YAML file with a
	// yaml-language-server modeline pointing at SchemaDir/<file>.schema.json
	// (relative to the dossier directory, so it works offline and moves
	// with the dossier); the caller writes the schemas there.
	SchemaDir string
}

// Modeline is the first line of a YAML file whose editor schema is
// schemaPath (relative to the file): yaml-language-server (VS Code's YAML
// extension, Neovim, Helix, …) then completes and checks the file.
func Modeline(schemaPath string) string {
	return "# yaml-language-server: $schema=" + schemaPath + "\n"
}

// ComplaintsCSV is the complaint log's file name in a converted directory;
// the loader looks for it first.
const ComplaintsCSV = "complaints.csv"

// DirFiles lists the files of d as a dossier directory: one YAML file per
// present record type, named as the loader expects, and the complaint log.
func DirFiles(d *Data, o DirOptions) []File {
	var out []File
	for _, rt := range dossier.Types() {
		rt := rt
		if rt.Name == "complaints" {
			if d.Complaints == nil {
				continue
			}
			if o.Skeleton {
				out = append(out, File{Name: rt.File, Write: func(w io.Writer) error {
					var recs []Record
					if err := d.Complaints(func(r Record) error { recs = append(recs, r); return nil }); err != nil {
						return err
					}
					_, err := w.Write(RenderYAML(&rt, recs, true))
					return err
				}})
				continue
			}
			out = append(out, File{Name: ComplaintsCSV, Write: func(w io.Writer) error { return WriteComplaintsCSV(w, d.Complaints) }})
			continue
		}
		recs, ok := d.Records[rt.Name]
		if !ok {
			continue
		}
		out = append(out, File{Name: rt.File, Write: func(w io.Writer) error {
			_, err := w.Write(RenderYAML(&rt, recs, o.Skeleton))
			return err
		}})
	}
	if o.Skeleton {
		out = append(out, File{Name: config.FileName, Write: func(w io.Writer) error {
			_, err := w.Write(ConfigSkeleton())
			return err
		}})
	}
	if o.SchemaDir != "" {
		for i := range out {
			f := &out[i]
			if !strings.HasSuffix(f.Name, ".yaml") {
				continue
			}
			write, line := f.Write, Modeline(path.Join(o.SchemaDir, f.Name+".schema.json"))
			f.Write = func(w io.Writer) error {
				if _, err := io.WriteString(w, line); err != nil {
					return err
				}
				return write(w)
			}
		}
	}
	return out
}

// RenderYAML renders the records of one record type as its YAML file: a
// mapping for a single-record type, a sequence otherwise. Keys follow the
// field table's order and values their canonical text, so the same records
// always give the same bytes.
func RenderYAML(rt *dossier.RecordType, recs []Record, skeleton bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s / %s\n# %s\n# %s\n", rt.SheetEN, rt.SheetZH, rt.DocEN, rt.DocZH)
	if skeleton {
		if rt.Single {
			b.WriteString("# The values below are EXAMPLES: replace them with your own.\n# 以下为示例值，请替换为本单位的信息。\n")
		} else {
			b.WriteString("# The record below is an EXAMPLE: replace it with your own, one \"- \" item per record.\n# 以下为示例记录，请替换为本单位的记录，每条记录以“- ”开头。\n")
		}
		if rt.Name == "complaints" {
			b.WriteString("# A large log is easier as complaints.csv (the headers of the workbook's Complaints sheet); it is read before this file.\n# 记录较多时可改用 complaints.csv（表头同工作簿“投诉记录”表），其优先于本文件读取。\n")
		}
	}
	b.WriteString("\n")
	if rt.Single {
		var rec Record
		if len(recs) > 0 {
			rec = recs[0]
		}
		if rec == nil && !skeleton {
			return b.Bytes() // present but empty: comments only
		}
		writeFields(&b, rt, rec, "", skeleton)
		return b.Bytes()
	}
	if len(recs) == 0 {
		b.WriteString("[]\n")
		return b.Bytes()
	}
	for i, rec := range recs {
		if skeleton {
			b.WriteString("-\n")
			writeFields(&b, rt, rec, "  ", skeleton && i == 0)
			continue
		}
		// "- " then the first key on the same line, the rest indented.
		var one bytes.Buffer
		writeFields(&one, rt, rec, "  ", false)
		s := one.String()
		if s == "" {
			b.WriteString("- {}\n")
			continue
		}
		b.WriteString("-" + s[1:])
	}
	return b.Bytes()
}

// writeFields writes one record's fields at indent. In a skeleton every
// field is written (an empty one as "key:", which reads as absent) under a
// comment describing it.
func writeFields(b *bytes.Buffer, rt *dossier.RecordType, rec Record, indent string, comments bool) {
	for i := range rt.Fields {
		fl := &rt.Fields[i]
		v, ok := rec[fl.Key]
		if !ok && !comments {
			continue
		}
		if comments {
			for _, line := range fieldComment(fl) {
				b.WriteString(indent + "# " + line + "\n")
			}
		}
		switch {
		case !ok:
			b.WriteString(indent + fl.Key + ":\n")
		case fl.Kind == dossier.KList:
			if len(v.List) == 0 {
				b.WriteString(indent + fl.Key + ": []\n")
				continue
			}
			b.WriteString(indent + fl.Key + ":\n")
			for _, it := range v.List {
				b.WriteString(indent + "  - " + quoteString(it) + "\n")
			}
		default:
			b.WriteString(indent + fl.Key + ": " + yamlScalar(fl, v.Text) + "\n")
		}
	}
}

// fieldComment describes a field for the skeleton.
func fieldComment(fl *dossier.Field) []string {
	req := "optional / 选填"
	if fl.Required {
		req = "REQUIRED / 必填"
	}
	lines := []string{fmt.Sprintf("%s / %s — %s — %s", fl.EN, fl.ZH, KindText(fl.Kind), req)}
	if a := allowedText(fl, LangEN); a != "" {
		lines = append(lines, "Allowed / 可选值: "+a)
	}
	return append(lines, fl.DocEN+" / "+fl.DocZH)
}

var plainDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$`)

// yamlScalar renders a canonical value: numbers, booleans and dates plain,
// everything else as a YAML string, quoted when a plain scalar would read
// as something else.
func yamlScalar(fl *dossier.Field, s string) string {
	switch fl.Kind {
	case dossier.KInt, dossier.KNumber:
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
	case dossier.KBool:
		if b, ok := parseBool(s); ok {
			return strconv.FormatBool(b)
		}
	case dossier.KDate, dossier.KDateTime, dossier.KExpiry:
		if plainDate.MatchString(s) || s == Indefinite {
			return s
		}
	}
	return quoteString(s)
}

// yaml11Bools are read as booleans by YAML 1.1 tools; quoting them keeps a
// text field text for every reader, not only yaml.v3.
var yaml11Bools = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true, "true": true, "false": true}

// quoteString renders s as a one-line YAML string.
func quoteString(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r") || yaml11Bools[strings.ToLower(s)] {
		n.Style = yaml.DoubleQuotedStyle
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		return strconv.Quote(s) // a JSON string is valid YAML
	}
	str := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(str, "\n") {
		return strconv.Quote(s)
	}
	return str
}

// WriteComplaintsCSV writes the complaint log as CSV for spreadsheets and
// the loader: a UTF-8 byte-order mark (Excel otherwise guesses a legacy
// code page and garbles Chinese), bilingual headers, CRLF line ends, every
// cell through SafeCell. Values are canonical text; enum values stay in
// their English spelling so the file reads the same in any locale.
func WriteComplaintsCSV(w io.Writer, each func(func(Record) error) error) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("complaints csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	fields := dossier.ComplaintFields()
	row := make([]string, len(fields))
	for i := range fields {
		row[i] = SafeCell(Header(&fields[i]))
	}
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("complaints csv: %w", err)
	}
	err := each(func(rec Record) error {
		for i := range fields {
			v := rec[fields[i].Key]
			if fields[i].Kind == dossier.KList {
				row[i] = SafeCell(strings.Join(v.List, ListSeparator))
			} else {
				row[i] = SafeCell(v.Text)
			}
		}
		return cw.Write(row)
	})
	if err != nil {
		return fmt.Errorf("complaints csv: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("complaints csv: %w", err)
	}
	return nil
}
