package exportmap

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestWriteReplacesTheComplaintsBlockAndKeepsEverythingElse(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "crm", "导出.csv")
	if err := os.MkdirAll(filepath.Dir(export), 0o755); err != nil {
		t.Fatal(err)
	}
	csv := "客诉导出\n工单编号,受理日期,来源渠道,工单状态,满意度,根本原因分析,坐席备注\n" +
		"G1,2026-03-02 09:05,电话,已结案,5,温控,x\nG2,2026/3/3 9:05,电话,已受理,1,,y\n"
	if err := os.WriteFile(export, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := "# our settings\nlang: zh # Chinese reports\ncomplaints:\n  file: old.csv\n  columns: {旧: id}\nthresholds:\n  ack_hours: 12\n"
	if err := os.WriteFile(filepath.Join(dir, "certready.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Read(export, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pr := Propose(p)
	rel, err := RelPath(dir, export)
	if err != nil || rel != "crm/导出.csv" {
		t.Fatalf("RelPath = %q, %v", rel, err)
	}
	if err := pr.Write(dir, rel); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "certready.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, s := range []string{"# our settings", "lang: zh # Chinese reports", "ack_hours: 12", "file: crm/导出.csv", "header_row: 2",
		"工单编号: id # high", "根本原因分析: root_cause # medium", "已结案: closed # high", "已受理: open # high", "satisfaction_scale: 1-5"} {
		if !strings.Contains(got, s) {
			t.Errorf("certready.yaml lacks %q:\n%s", s, got)
		}
	}
	if strings.Contains(got, "old.csv") || strings.Contains(got, "旧") {
		t.Errorf("the old complaints block survived:\n%s", got)
	}
	if len(pr.Unmapped) != 1 || pr.Unmapped[0] != "坐席备注" {
		t.Errorf("unmapped %v, want the one remark column", pr.Unmapped)
	}
	if _, err := RelPath(dir, filepath.Join(filepath.Dir(dir), "elsewhere.csv")); err == nil {
		t.Error("an export outside the dossier was given a relative path")
	}
}

func TestAGB18030ExportIsDetectedAndItsHeadersRead(t *testing.T) {
	utf := "工单编号,受理日期,来源渠道,工单状态\nG1,2026-03-02 09:05,电话,已结案\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(utf)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "gb.csv")
	if err := os.WriteFile(p, []byte(gb), 0o644); err != nil {
		t.Fatal(err)
	}
	prof, err := Read(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pr := Propose(prof)
	if pr.Encoding != "gb18030" || pr.HeaderRow != 1 || len(pr.Columns) != 4 || pr.Columns[3].Field != "status" {
		t.Errorf("encoding %q, header row %d, columns %+v", pr.Encoding, pr.HeaderRow, pr.Columns)
	}
}

func TestWriteKeepsAFileOfCommentsOnly(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "log.csv")
	if err := os.WriteFile(export, []byte("投诉编号,受理时间,投诉渠道,状态\nC1,2026-03-02 09:05,phone,closed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "certready.yaml"), []byte("# 由质量部维护\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Read(export, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := Propose(p).Write(dir, "log.csv"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "certready.yaml"))
	if !strings.HasPrefix(string(b), "# 由质量部维护\ncomplaints:\n") || !strings.Contains(string(b), "file: log.csv") {
		t.Errorf("certready.yaml:\n%s", b)
	}
}

func TestMapProposesTheDecisionAndRecourseColumnsAndTheDoneWords(t *testing.T) {
	p := filepath.Join(t.TempDir(), "log.csv")
	export := "工单编号,受理日期,来源渠道,工单状态,告知时间,是否告知救济渠道\n" +
		"G1,2026-03-02 09:05,电话,已办结,2026-03-03 10:00,已告知\n" +
		"G2,2026-03-02 09:05,电话,已结案,2026-03-03 10:00,未告知\n"
	if err := os.WriteFile(p, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	prof, err := Read(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pr := Propose(prof)
	fields := map[string]string{}
	for _, c := range pr.Columns {
		fields[c.Header] = c.Field
	}
	if fields["告知时间"] != "decision_communicated_at" || fields["是否告知救济渠道"] != "recourse_offered" {
		t.Errorf("columns %+v", pr.Columns)
	}
	values := map[string]string{}
	for _, v := range pr.Values {
		values[v.Field+":"+v.From] = v.To
	}
	for k, want := range map[string]string{"status:已办结": "resolved", "status:已结案": "closed", "recourse_offered:已告知": "yes", "recourse_offered:未告知": "no"} {
		if values[k] != want {
			t.Errorf("%s maps to %q, want %q (values %+v)", k, values[k], want, pr.Values)
		}
	}
	// No column fills plan or rehandled: plan leaves checks unassessed,
	// rehandled (no check reads it since 7.9 is judged on recourse) none.
	if !slices.Contains(pr.NotTracked, "plan") || slices.Contains(pr.NotTracked, "rehandled") || slices.Contains(pr.NotTracked, "recourse_offered") {
		t.Errorf("not tracked %v: want plan, and neither rehandled nor recourse_offered (a column)", pr.NotTracked)
	}
}
