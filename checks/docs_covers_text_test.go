package checks

import (
	"regexp"
	"strings"
	"testing"

	"github.com/certready/certready/internal/dossier"
)

// withText gives a document of the fixture a file holding text.
func withText(t *testing.T, d *dossier.Dossier, id, text string) *dossier.Document {
	t.Helper()
	for i := range d.Documents {
		if doc := &d.Documents[i]; doc.ID == id {
			d.Evidence[doc.File].Content, d.Evidence[doc.File].Text = dossier.ContentText, text
			return doc
		}
	}
	t.Fatalf("no document %s", id)
	return nil
}

func TestADocumentIsHeldToWhatItsTextMentions(t *testing.T) {
	d := readyDossier()
	withText(t, d, "PR-01", "投诉处理程序\n客服中心受理（接收）并登记投诉，按类别分类，初步评估后制定处理措施并执行，回访后结案关闭。投诉人个人信息保密，处理客观公正。")
	withText(t, d, "PF-01", "企业简介：公司成立于2012年，主营鲜食产品与配送服务，门店分布于杭州市场。")
	withText(t, d, "WI-01", "原因分析采用鱼骨图和5 Why；与顾客沟通使用规范用语；表单填写要求见附件。")
	requireFindings(t, "docs.covers-text", newFixturePass(d).Run(mustCheck(t, "docs.covers-text")),
		findingWant{Severity: Major, Record: "document PR-01", Where: "documents.yaml:25:5",
			Message: "Document PR-01 claims to cover time_limits, escalation, but its text (docs/PR-01.pdf) never mentions them: no word such as 时限/时间要求/time limit/time frame; 升级/上报/escalat"},
		findingWant{Severity: Minor, Record: "document PF-01", Message: "claims to cover culture, but its text"})
}

func TestAProcedureThatStatesItsLimitsAndEscalationPasses(t *testing.T) {
	d := readyDossier()
	withText(t, d, "PR-01", "Complaints are received and logged, classified by category, assessed, an action is decided and implemented, "+
		"followed up and closed. Time limits: acknowledge within 24 hours, initial solution within 2 working days. "+
		"High-risk complaints are escalated to the general manager. Personal data is kept confidential; handling is impartial.")
	requireFindings(t, "docs.covers-text", newFixturePass(d).Run(mustCheck(t, "docs.covers-text")))
}

func TestADocumentWhoseTextCannotBeReadIsAnObservation(t *testing.T) {
	d := readyDossier()
	d.Evidence["docs/QM-01.pdf"].Content = dossier.ContentScan
	d.Evidence["docs/PR-01.pdf"].Content, d.Evidence["docs/PR-01.pdf"].Unreadable = dossier.ContentUnreadable, "encrypted"
	// A scanned form is not the auditor's first read: no observation.
	d.Evidence["docs/F-01.pdf"].Content = dossier.ContentScan
	requireFindings(t, "docs.covers-text", newFixturePass(d).Run(mustCheck(t, "docs.covers-text")),
		findingWant{Severity: Observation, Record: "document QM-01", Message: "content not verifiable, it is a scan, images with no text layer"},
		findingWant{Severity: Observation, Record: "document PR-01", Message: "content not verifiable, it is password-protected"})
}

func TestPlaceholderDocumentsCountAsMissing(t *testing.T) {
	d := readyDossier()
	d.Evidence["docs/QM-01.pdf"].Content = dossier.ContentBlank
	withText(t, d, "PR-01", "# 投诉处理程序\n## 1 目的\n## 2 范围\n")
	d.Evidence["docs/PR-01.pdf"].Content = dossier.ContentTemplate
	withText(t, d, "WI-01", "由【请填写部门】负责")
	d.Evidence["docs/WI-01.pdf"].Content, d.Evidence["docs/WI-01.pdf"].Marker, d.Evidence["docs/WI-01.pdf"].MarkerLine = dossier.ContentTemplate, "【请填写部门】", 1
	// A form is meant to be filled in.
	d.Evidence["docs/F-01.pdf"].Content, d.Evidence["docs/F-01.pdf"].Marker = dossier.ContentTemplate, "XXX"
	requireFindings(t, "docs.control", newFixturePass(d).Run(mustCheck(t, "docs.control")),
		findingWant{Severity: Major, Record: "document QM-01", Message: "has neither text nor images, a blank placeholder"},
		findingWant{Severity: Major, Record: "document PR-01", Message: "its section headings have nothing written under them"},
		findingWant{Severity: Major, Record: "document WI-01", Message: `line 1 still holds the fill-in marker "【请填写部门】"`})
	if evidenceExists(d, "docs/QM-01.pdf") || !docFiled(d, &d.Documents[3]) {
		t.Error("a blank PDF counts as present, or a form with blanks as missing")
	}
}

// Every element the template offers has words to look for, and a document
// that names an element by its Chinese label or its key mentions it.
func TestEveryCoverElementHasWordsItsOwnNamesMatch(t *testing.T) {
	for _, e := range dossier.CoverElements {
		w, ok := coverWords[e]
		if !ok || len(w.zh) == 0 || len(w.en) == 0 {
			t.Errorf("%s has no Chinese or no English words", e)
			continue
		}
		for _, name := range []string{dossier.EnumLabelsZH["element"][e], strings.ReplaceAll(e, "_", " ")} {
			if m, _ := mentionedIn(normText(name), e); !m {
				t.Errorf("a document naming %q does not mention %s", name, e)
			}
		}
	}
	for _, p := range coverWords["time_limits"].patterns {
		regexp.MustCompile(p)
	}
	for text, want := range map[string]bool{"受理后２４小时内联系": true, "3个工作日办结": true, "reply within 5 days": true,
		"Respond in 48 h.": true, "本程序规定投诉的接收": false, "We answer promptly": false} {
		if m, _ := mentionedIn(normText(text), "time_limits"); m != want {
			t.Errorf("%q mentions time limits: %v, want %v", text, m, want)
		}
	}
}
