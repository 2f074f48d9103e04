package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A platform admin adds Urdu (right to left) and British Sign Language; a
// bad language is refused by name with what was typed kept; the Urdu right
// shows with its own language and direction, and says when it is older than
// the English, as Welsh does; BSL gives its video.
func TestAdminAddsLanguages(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	ctx := context.Background()
	mustContain(t, c.get("/admin/languages"), "English", "Cymraeg", "Add a language")

	bad := url.Values{"code": {"urdu!"}, "name": {"Urdu"}, "native_name": {"اردو"}}
	r := c.post("/admin/languages", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad language: %d", r.status)
	}
	mustContain(t, r, "Enter the language&#39;s code", "Choose which way the language is written", `value="اردو"`, `href="#code"`)
	if ls, _ := e.svc.Rights.ContentLanguages(ctx); len(ls) != 2 {
		t.Fatalf("a refused language was added: %+v", ls)
	}
	r = c.post("/admin/languages", url.Values{"code": {"ur"}, "name": {"Urdu"}, "native_name": {"اردو"}, "dir": {"rtl"}})
	if r.status != http.StatusSeeOther || r.location != "/admin/languages/ur" {
		t.Fatalf("add Urdu: %d %s", r.status, r.location)
	}
	mustContain(t, c.get(r.location), "Not translated yet", `href="/admin/rights/A8?lang=ur">Translate`)
	if r := c.post("/admin/languages", url.Values{"code": {"bfi"}, "name": {"British Sign Language"}, "native_name": {"British Sign Language"},
		"dir": {"ltr"}, "signed": {"yes"}}); r.status != http.StatusSeeOther {
		t.Fatalf("add BSL: %d", r.status)
	}

	// Translate A8 into Urdu; the form starts from the English.
	mustContain(t, c.get("/admin/rights/A8?lang=ur"), "not translated yet: the form starts from the English", `value="Right A8"`)
	f := rightForm("نجی اور خاندانی زندگی کا احترام")
	f.Set("lang", "ur")
	if r := c.post("/admin/rights/A8", f); r.status != http.StatusSeeOther {
		t.Fatalf("Urdu A8: %d %.300s", r.status, text(r.body))
	}
	// BSL needs its video.
	bsl := rightForm("Private life in BSL")
	bsl.Set("lang", "bfi")
	mustContain(t, c.post("/admin/rights/A8", bsl), "Enter the address of the video of this right")
	bsl.Set("video_url", "https://video.example.org/bsl/a8")
	if r := c.post("/admin/rights/A8", bsl); r.status != http.StatusSeeOther {
		t.Fatalf("BSL A8: %d %.300s", r.status, text(r.body))
	}

	v := e.client()
	mustContain(t, v.get("/rights/A8"), `href="/rights/A8/in/ur" hreflang="ur" lang="ur" dir="rtl">اردو</a>`, `href="/rights/A8/in/bfi"`)
	page := v.get("/rights/A8/in/ur")
	mustContain(t, page, `<div lang="ur" dir="rtl">`, "نجی اور خاندانی زندگی کا احترام")
	if strings.Contains(page.body, "older than the English") {
		t.Error("a fresh Urdu text says it is out of date")
	}
	mustContain(t, v.get("/rights/A8/in/bfi"), `href="https://video.example.org/bsl/a8"`, "Watch this right in British Sign Language (video)")
	if r := v.get("/rights/A3/in/ur"); r.status != http.StatusNotFound {
		t.Errorf("a right with no Urdu: %d", r.status)
	}
	if r := v.get("/rights/A8/in/xx"); r.status != http.StatusNotFound {
		t.Errorf("a language the library does not have: %d", r.status)
	}

	// The English moves on: the Urdu page says it is older, and its language list says so too.
	if r := c.post("/admin/rights/A8", rightForm("Respect for private and family life")); r.status != http.StatusSeeOther {
		t.Fatalf("English edit: %d", r.status)
	}
	mustContain(t, v.get("/rights/A8/in/ur"), "This translation is older than the English version")
	mustContain(t, c.get("/admin/languages/ur"), "Needs updating")
	es, _, _ := e.svc.Audit.FindAudit(ctx, lightbulb.AuditFilter{AllOrgs: true, Action: "right.language.add"})
	if len(es) != 2 || es[1].Target != "ur" && es[0].Target != "ur" {
		t.Fatalf("audit: %+v", es)
	}
}

// Every rights library page, public and admin, reads in Welsh with no
// English outside what is marked lang="en".
func TestRightsLibraryPagesInWelsh(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	if r := c.post("/admin/rights/A8", rightForm("Respect for private and family life")); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d", r.status)
	}
	for _, p := range []string{"/rights/card", "/rights/A8/easy-read", "/admin/rights", "/admin/rights/A8?lang=cy",
		"/admin/rights/A8/history?lang=en", "/admin/rights/A8/versions/1?lang=en", "/admin/languages", "/admin/languages/cy"} {
		r := c.get(p, "Accept-Language", "cy")
		if r.status != 200 {
			t.Errorf("%s in Welsh: status %d", p, r.status)
			continue
		}
		if leaks, err := englishLeaks(r.body); err != nil || len(leaks) > 0 {
			t.Errorf("%s in Welsh shows English: %q %v", p, leaks, err)
		}
	}
	mustContain(t, c.get("/admin/languages", "Accept-Language", "cy"), "Ieithoedd y llyfrgell hawliau", "Ychwanegu iaith")
	mustContain(t, c.get("/admin/rights/A8/versions/1?lang=en", "Accept-Language", "cy"), "O&#39;i chymharu â&#39;r fersiwn gyfredol")
}
