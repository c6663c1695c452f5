package load

import (
	"strings"
	"testing"
	"time"

	"github.com/certready/certready/internal/dossier"
)

// readLog loads a dossier holding complaints.csv and certready.yaml and
// returns its rows and the problems reported on them.
func readLog(t *testing.T, cfg, csv string) ([]dossier.Complaint, []string, error) {
	t.Helper()
	dir := dossierDir(t, map[string]string{"certready.yaml": cfg, "complaints.csv": csv})
	res, err := Load(dir, Options{})
	if err != nil {
		return nil, nil, err
	}
	var rows []dossier.Complaint
	var probs []string
	err = res.Dossier.Complaints.(dossier.RowScanner).Scan(func(c *dossier.Complaint) error {
		rows = append(rows, *c)
		return nil
	}, func(e error) error {
		probs = append(probs, e.Error())
		return nil
	})
	return rows, probs, err
}

const valuesHeader = "投诉编号,受理时间,投诉渠道,工单状态,满意度,是否升级,客户统一社会信用代码\n"

func TestValueMappingsScalesAndYesNoWordsReadACRMsOwnVocabulary(t *testing.T) {
	cfg := "complaints:\n  values:\n    status: {已结案: closed, 已受理: 待处理}\n    escalated: {已升级: 是}\n    channel: {400热线: phone}\n  satisfaction_scale: 1-5\n"
	csv := valuesHeader +
		"C1,2026-03-02 09:05,\u3000400热线,已结案,5,已升级, 91330106058361271y\u3000\n" +
		"C2,2026-03-02 09:05,phone\u00a0,已受理,2,否,\n" +
		"C3,2026-03-02 09:05,\u200bphone,已关闭,不满意,,\n"
	rows, probs, err := readLog(t, cfg, csv)
	if err != nil || len(probs) > 0 {
		t.Fatalf("err %v, problems %v", err, probs)
	}
	want := []struct {
		status, sat, channel, uscc string
		esc                        dossier.Tristate
	}{
		{"closed", "very_satisfied", "phone", "91330106058361271Y", dossier.Yes},
		{"open", "dissatisfied", "phone", "", dossier.No},
		{"closed", "dissatisfied", "phone", "", dossier.Unknown},
	}
	for i, w := range want {
		c := rows[i]
		if c.Status != w.status || c.Satisfaction != w.sat || c.Channel != w.channel || c.CustomerUSCC != w.uscc || c.Escalated != w.esc {
			t.Errorf("row %d read as %q %q %q %q %v, want %+v", i+1, c.Status, c.Satisfaction, c.Channel, c.CustomerUSCC, c.Escalated, w)
		}
	}
}

func TestDecisionCommunicatedAndRecourseReadFromCRMHeadersAndWords(t *testing.T) {
	cfg := "complaints:\n  values:\n    status: {已办结: resolved}\n    recourse_offered: {已告知: yes, 未告知: no}\n"
	csv := "投诉编号,受理时间,投诉渠道,工单状态,结果告知时间,是否告知救济途径\n" +
		"C1,2026-03-02 09:05,phone,已办结,2026-03-03 16:40,已告知\n" +
		"C2,2026-03-02 09:05,phone,已办结,,未告知\n" +
		"C3,2026-03-02 09:05,phone,处理中,,\n"
	rows, probs, err := readLog(t, cfg, csv)
	if err != nil || len(probs) > 0 || len(rows) != 3 {
		t.Fatalf("err %v, problems %v, %d rows", err, probs, len(rows))
	}
	want := []struct {
		status   string
		decided  string
		recourse dossier.Tristate
	}{
		{"resolved", "2026-03-03 16:40", dossier.Yes},
		{"resolved", "", dossier.No},
		{"in_progress", "", dossier.Unknown},
	}
	for i, w := range want {
		c := rows[i]
		got := ""
		if !c.DecisionCommunicatedAt.IsZero() {
			got = c.DecisionCommunicatedAt.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04")
		}
		if c.Status != w.status || got != w.decided || c.RecourseOffered != w.recourse {
			t.Errorf("row %d read as %q %q %v, want %+v", i+1, c.Status, got, c.RecourseOffered, w)
		}
	}
}

func TestAnUnknownValueListsKeysAndChineseLabelsWithASuggestion(t *testing.T) {
	_, probs, err := readLog(t, "", valuesHeader+"C1,2026-03-02 09:05,phone,closd,,,\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 1 {
		t.Fatalf("want one problem, got %v", probs)
	}
	for _, s := range []string{"open (待处理)", "closed (已关闭)", "did you mean closed (已关闭)?", "complaints.values.status", `column "工单状态"`} {
		if !strings.Contains(probs[0], s) {
			t.Errorf("problem lacks %q: %s", s, probs[0])
		}
	}
}

func TestMappingsNamingNoFieldAreRefusedWithTheValidKeys(t *testing.T) {
	for _, tc := range []struct{ cfg, want string }{
		{"complaints:\n  columns: {客户代码: customer_usc}\n", "did you mean customer_uscc (客户统一社会信用代码)?"},
		{"complaints:\n  values:\n    staus: {已结案: closed}\n", "did you mean status (状态)?"},
		{"complaints:\n  values:\n    status: {已结案: clsed}\n", "did you mean closed (已关闭)?"},
		{"complaints:\n  not_tracked: [plan, updatez]\n", "did you mean updates (进度通报次数)?"},
		{"complaints:\n  satisfaction_scale: 1-6\n", "expected one of 1-5, 1-10, percent, stars"},
		{"complaints:\n  not_tracked: [received_at]\n", "received_at is required"},
	} {
		_, _, err := readLog(t, tc.cfg, valuesHeader)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want an error containing %q", tc.cfg, err, tc.want)
		}
		if err != nil && strings.Contains(tc.want, "did you mean") && !strings.Contains(err.Error(), "expected one of") {
			t.Errorf("%q: the error does not list the valid choices: %v", tc.cfg, err)
		}
	}
}

func TestCSVRowsAreCountedAsASpreadsheetShowsThem(t *testing.T) {
	// Title on row 1, header on row 2, a cell with two newlines on row 3,
	// a blank row 4, then rows 5 and 6.
	csv := "导出标题\n" + valuesHeader +
		"C1,2026-03-02 09:05,phone,closed,\"一\n二\n三\",,\n" +
		"\n" +
		"C2,2026-03-02 09:05,phone,closed,,,\n" +
		"C3,,phone,closed,,,\n"
	rows, probs, err := readLog(t, "", csv)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].Pos.Row != 3 || rows[1].Pos.Row != 5 || rows[2].Pos.Row != 6 {
		t.Errorf("rows at %v, want 3, 5 and 6", rows)
	}
	if len(probs) != 2 || !strings.Contains(probs[1], `row 6, column "受理时间": received_at: required`) {
		t.Errorf("problems %v, want the blank receipt time at row 6 (and the unreadable satisfaction at row 3)", probs)
	}
}

func TestTrimSpaceAllTrimsEveryKindOfSpaceAndNothingElse(t *testing.T) {
	for in, want := range map[string]string{
		"\u3000电话\u3000": "电话", "\u00a0phone\u00a0": "phone", "\u200b质量\ufeff": "质量", " \t投诉\r\n": "投诉",
		"电话": "电话", "已结案": "已结案", "a b": "a b", "（一）": "（一）", "\u3000": "", "中\u3000": "中", "x\u200b": "x",
	} {
		if got := trimSpaceAll(in); got != want {
			t.Errorf("trimSpaceAll(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVRowsStayExactAcrossBlocksTypedInParallel(t *testing.T) {
	// Enough rows for many blocks, with newlines inside cells and blank
	// rows scattered through, so every block's rows depend on the ones
	// before it.
	var b strings.Builder
	b.WriteString("标题\n" + valuesHeader)
	row := 3
	want := map[string]int{}
	for i := range 20000 {
		id := "C" + strings.Repeat("0", 5-len(itoa(i))) + itoa(i)
		desc := "正常"
		if i%7 == 0 {
			desc = "\"第一行\n第二行\r\n第三行\""
		}
		want[id] = row
		b.WriteString(id + ",2026-03-02 09:05,phone,closed," + desc + strings.Repeat(",", 2) + strings.Repeat("x", 40) + "\n")
		row++
		if i%500 == 0 {
			b.WriteString("\n")
			row++
		}
	}
	rows, probs, err := readLog(t, "", b.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 20000 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, c := range rows {
		if c.Pos.Row != want[c.ID] {
			t.Fatalf("%s at row %d, want %d", c.ID, c.Pos.Row, want[c.ID])
		}
	}
	if len(probs) != 20000 || !strings.Contains(probs[19999], "row "+itoa(want["C19999"])+",") {
		t.Errorf("%d problems, the last %q; want one per row (the unreadable satisfaction 正常 or x…) at its row", len(probs), probs[len(probs)-1])
	}
}

func TestChoicesOfEveryRecordTypeAreReadWithoutUnicodeSpaces(t *testing.T) {
	dir := dossierDir(t, map[string]string{"channels.yaml": "- id: hotline\n  type: \"\u200b电话\ufeff\"\n  name: 客服热线\n"})
	res, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Dossier.Channels; len(c) != 1 || c[0].ID != "hotline" || c[0].Type != "phone" {
		t.Errorf("channels %+v, want hotline of type phone", c)
	}
}
