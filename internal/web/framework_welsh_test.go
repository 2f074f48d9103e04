package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
)

// welshForm is a full Welsh edit of a statement.
func welshForm(text string) url.Values {
	return url.Values{"lang": {"cy"}, "theme_cy": {"Gwybod am yr hawliau"}, "text_cy": {text}, "good_cy": {"Da"},
		"red_cy": {"Coch"}, "amber_cy": {"Ambr"}, "green_cy": {"Gwyrdd"}}
}

// mustNotShowUnmarked fails when any of the English texts is on the page
// outside lang="en", where a screen reader would read it as Welsh.
func mustNotShowUnmarked(t *testing.T, page string, english ...string) {
	t.Helper()
	// The title bar cannot mark a language: what it says is not checked.
	if i, j := strings.Index(page, "<title>"), strings.Index(page, "</title>"); i > 0 && j > i {
		page = page[:i] + page[j+len("</title>"):]
	}
	texts, err := textOutsideEnglish(page)
	if err != nil {
		t.Fatal(err)
	}
	all := html.UnescapeString(strings.Join(texts, "\n"))
	for _, en := range english {
		if strings.Contains(all, en) {
			t.Errorf("the Welsh page shows %q outside lang=\"en\"", en)
		}
	}
	if leaks, _ := englishLeaks(page); len(leaks) > 0 {
		t.Errorf("the Welsh page shows interface English: %q", leaks)
	}
}

// The shipped framework reads in Welsh; an English edit makes a Welsh page
// say the Welsh is older and show the new English, marked as English; a
// Welsh edit, refused until every part is there, brings it up to date; a
// statement with no Welsh shows its English marked as English.
func TestFrameworkInWelsh(t *testing.T) {
	e, _ := reviewEnv(t)
	lead, admin := e.client().signIn("leadA"), e.client().signIn("platform")
	kr1 := content.Framework()[0]
	cy := func() resp {
		t.Helper()
		rv := startReview(t, lead, "Ward W", "1 1 2026", "31 3 2026")
		lead.get(rv) // shows the flash that says it started
		return lead.get(rv+"/agree", "Accept-Language", "cy")
	}
	r := cy()
	mustContain(t, r, "Gwybod am yr hawliau", "Gall staff ddweud pa hawliau dynol", "Cynnwys pobl a chydgynhyrchu")
	mustNotShowUnmarked(t, r.body, kr1.Text, kr1.Good, kr1.Theme)

	english := url.Values{"text": {"Staff can name the rights at stake in their work."}, "good": {kr1.Good}, "red": {kr1.Red},
		"amber": {kr1.Amber}, "green": {kr1.Green}, "rights": {"A8"}, "principles": kr1.Principles}
	if r := admin.post("/admin/framework/KR1", english); r.status != http.StatusSeeOther {
		t.Fatalf("English edit: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, admin.get("/admin/framework"), "Needs updating")
	mustContain(t, admin.get("/admin/framework/KR1?lang=cy", "Accept-Language", "cy"), "Mae&#39;r testun Saesneg wedi newid", "Saesneg:")
	r = cy()
	mustContain(t, r, "Mae&#39;r cyfieithiad Cymraeg hwn yn hŷn na&#39;r Saesneg", `<span lang="en">Staff can name the rights at stake in their work.</span>`)
	mustNotShowUnmarked(t, r.body, "Staff can name the rights")

	bad := welshForm("  ")
	bad.Del("good_cy")
	r = admin.post("/admin/framework/KR1", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("half a Welsh edit: %d", r.status)
	}
	mustContain(t, r, "Enter the statement in Welsh", `href="#text_cy"`, "Enter what good looks like in Welsh", `href="#good_cy"`)
	if r := lead.post("/admin/framework/KR1", welshForm("Wedi'i herwgipio")); r.status != http.StatusForbidden {
		t.Fatalf("a lead edits the Welsh: %d", r.status)
	}
	if r := admin.post("/admin/framework/KR1", welshForm("Gall staff enwi'r hawliau sydd yn y fantol.")); r.status != http.StatusSeeOther {
		t.Fatalf("Welsh edit: %d %.300s", r.status, text(r.body))
	}
	if strings.Contains(admin.get("/admin/framework").body, "Needs updating") {
		t.Error("the framework still says the Welsh needs updating")
	}
	r = cy()
	mustContain(t, r, "Gall staff enwi&#39;r hawliau sydd yn y fantol.")
	if strings.Contains(r.body, "yn hŷn na") {
		t.Error("the Welsh page still says the Welsh is older than the English")
	}
	es, _, _ := e.svc.Audit.FindAudit(context.Background(), lightbulb.AuditFilter{AllOrgs: true, Action: "framework.translate"})
	if len(es) != 1 || es[0].Target != "KR1" {
		t.Fatalf("audit: %+v", es)
	}

	// A statement nobody has translated shows its English, marked.
	if _, err := e.db.Writer().ExecContext(context.Background(), `UPDATE review_statements SET text_cy = '' WHERE code = 'KR2'`); err != nil {
		t.Fatal(err)
	}
	r = cy()
	mustContain(t, r, `<span lang="en">`+html.EscapeString(content.Framework()[1].Text)+`</span>`)
}

// The framework's pages in Welsh show no interface English, and their
// English content is marked as English.
func TestFrameworkAdminPagesInWelsh(t *testing.T) {
	e, _ := reviewEnv(t)
	admin := e.client().signIn("platform")
	kr1 := content.Framework()[0]
	for _, p := range []string{"/admin/framework", "/admin/framework/KR1", "/admin/framework/KR1?lang=cy"} {
		r := admin.get(p, "Accept-Language", "cy")
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", p, r.status)
		}
		mustNotShowUnmarked(t, r.body, kr1.Text, kr1.Theme)
	}
	r := admin.get("/admin/framework/KR1?lang=cy", "Accept-Language", "cy")
	mustContain(t, r, `lang="cy"`, "Gall staff ddweud pa hawliau dynol", "Golygu Cymraeg datganiad KR1")
	if slices.Contains(strings.Fields(r.body), "Needs") {
		t.Error("the shipped Welsh shows as needing updating")
	}
}
