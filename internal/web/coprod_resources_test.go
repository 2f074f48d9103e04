package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// upload posts a form with one file, as the browser's multipart form does.
func upload(c *client, path string, fields url.Values, field, name string, file []byte) resp {
	form := map[string]string{}
	for k := range fields {
		form[k] = fields.Get(k)
	}
	return postFile(c, path, form, field, name, file)
}

// docx is the smallest ZIP a Word document's bytes are recognised by.
func docx(t *testing.T) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte("<w:document/>"))
	_ = z.Close()
	return buf.Bytes()
}

func TestCoprodResources(t *testing.T) {
	e := coprodEnv(t)
	lead, expert := e.client().signIn("coprod"), e.client().signIn("expertA")
	guide := url.Values{"title": {"Restraint: what to expect"}, "kind": {"guide"}, "lang": {"en"}, "note": {"Written with the RITES panel"}}
	r := upload(lead, "/coproduction/resources", guide, "file", "guide.exe", []byte("MZ\x90\x00 a program"))
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a program as a resource: %d", r.status)
	}
	mustContain(t, r, "There is a problem", `href="#file"`, "The file must be a PDF, a Word or OpenDocument text file", `value="Restraint: what to expect"`,
		"Written with the RITES panel", `value="guide" checked`)
	r = upload(lead, "/coproduction/resources", guide, "file", "guide.docx", docx(t))
	if r.status != http.StatusSeeOther {
		t.Fatalf("a Word guide: %d %s", r.status, r.body)
	}
	gid := strings.TrimPrefix(r.location, "/coproduction/resources/")
	easy := url.Values{"title": {"Restraint: Easy Read"}, "kind": {"easy_read"}, "lang": {"en"}, "source": {gid}}
	if r := upload(lead, "/coproduction/resources", easy, "file", "easy.pdf", []byte("%PDF-1.4 easy read")); r.status != http.StatusSeeOther {
		t.Fatalf("the Easy Read version: %d %s", r.status, r.body)
	}
	welsh := url.Values{"title": {"Ataliaeth: beth i'w ddisgwyl"}, "kind": {"translation"}, "lang": {"en"}, "source": {gid}}
	r = upload(lead, "/coproduction/resources", welsh, "file", "cy.pdf", []byte("%PDF-1.4 cy"))
	mustContain(t, r, "There is a problem", "A translation must be in a different language from its original", "Ataliaeth: beth i&#39;w ddisgwyl")
	welsh.Set("lang", "cy")
	r = upload(lead, "/coproduction/resources", welsh, "file", "cy.pdf", []byte("%PDF-1.4 cy"))
	wid := strings.TrimPrefix(r.location, "/coproduction/resources/")
	// A second version of the guide: the translation now lags.
	if r := upload(lead, "/coproduction/resources/"+gid+"/versions", url.Values{"note": {"After the panel"}}, "file", "g2.pdf", []byte("%PDF-1.4 v2")); r.status != http.StatusSeeOther {
		t.Fatalf("a second version: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction/resources"), "Behind its original", "Follows Restraint: what to expect")
	mustContain(t, lead.get("/coproduction/resources/"+wid), "The original has changed since: it is at version 2.")
	r = upload(lead, "/coproduction/resources/"+wid+"/versions", url.Values{"follows": {"9"}, "note": {"Caught up"}}, "file", "cy2.pdf", []byte("%PDF-1.4 cy2"))
	mustContain(t, r, "There is a problem", `href="#follows"`, "Choose a version of the original from the list", "Caught up")
	upload(lead, "/coproduction/resources/"+wid+"/versions", url.Values{"follows": {"2"}}, "file", "cy2.pdf", []byte("%PDF-1.4 cy2"))
	if page := lead.get("/coproduction/resources/" + wid); strings.Contains(page.body, "The original has changed since") {
		t.Fatal("the translation caught up but still lags")
	}
	got := lead.get("/coproduction/resources/" + gid + "/versions/1")
	if got.status != http.StatusOK || got.header.Get("Content-Type") != lightbulb.TypeDOCX || !strings.Contains(got.header.Get("Content-Disposition"), ".docx") {
		t.Fatalf("the Word file: %d %q %q", got.status, got.header.Get("Content-Type"), got.header.Get("Content-Disposition"))
	}
	// Credits: only with the expert's consent, and only while it lasts.
	r = lead.post("/coproduction/resources/"+gid+"/credits", url.Values{"expert": {itoa(e.users["expertA"].ID)}})
	mustContain(t, r, "There is a problem", "This expert has not agreed to be credited by name")
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}, "consents": {"credit"}})
	if r := lead.post("/coproduction/resources/"+gid+"/credits", url.Values{"expert": {itoa(e.users["expertA"].ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("credit: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction/resources/"+gid), "Co-produced with", "Esther")
	mustContain(t, expert.get("/coproduction/me"), "Resources you co-produced", "Restraint: what to expect", "Your name is shown on them")
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}})
	mustContain(t, lead.get("/coproduction/resources/"+gid), "Nobody is credited by name yet.")
	mustContain(t, expert.get("/coproduction/me/export"), "coproduction_credits")

	// Who may reach them: co-production leads of trust A only.
	routes := []route{{"GET", "/coproduction/resources", nil}, {"GET", "/coproduction/resources/" + gid, nil},
		{"POST", "/coproduction/resources", url.Values{"title": {"Taken over"}, "kind": {"guide"}, "lang": {"en"}}},
		{"POST", "/coproduction/resources/" + gid + "/versions", url.Values{"note": {"Taken over"}}},
		{"POST", "/coproduction/resources/" + gid + "/credits", url.Values{"expert": {itoa(e.users["expertA"].ID)}}},
		{"GET", "/coproduction/resources/" + gid + "/versions/1", nil}}
	expectRoutes(t, "visitor", e.client(), routes, http.StatusSeeOther)
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB", "platform", "expertA"} {
		expectRoutes(t, key, e.client().signIn(key), routes, http.StatusForbidden)
	}
	b := e.client().signIn("coprodB")
	expectRoutes(t, "coprodB", b, routes[3:], http.StatusNotFound)
	expectRoutes(t, "coprodB", b, []route{routes[1]}, http.StatusNotFound)
	mustContain(t, b.get("/coproduction/resources"), "There are no resources yet.")
	all, _ := e.svc.Coprod.Resources(lightbulb.WithOrg(context.Background(), e.orgA.ID))
	if len(all) != 3 || all[0].Latest != 2 {
		t.Fatalf("an outsider changed trust A's resources: %+v", all[0])
	}
}
