package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// export is a subject access export as JSON.
type export struct {
	About  string `json:"about"`
	Person struct {
		Emails []string `json:"email_addresses"`
	} `json:"person"`
	Sections []struct {
		Section string           `json:"section"`
		About   string           `json:"about"`
		Records []map[string]any `json:"records"`
	} `json:"sections"`
}

func readExport(t *testing.T, body string) *export {
	t.Helper()
	var x export
	if err := json.Unmarshal([]byte(body), &x); err != nil {
		t.Fatalf("export is not JSON: %v\n%.300s", err, body)
	}
	if x.About == "" || len(x.Sections) == 0 {
		t.Fatalf("export has no explanation or sections: %.300s", body)
	}
	return &x
}

func (x *export) section(name string) []map[string]any {
	for _, s := range x.Sections {
		if s.Section == name {
			return s.Records
		}
	}
	return nil
}

func TestFindAPerson(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	id := itoa(e.users["staffA"].ID)
	mustContain(t, c.get("/admin"), `href="/admin/find-person"`)
	mustContain(t, c.get("/admin/find-person"), "Find a person", `name="q"`)
	if r := c.get("/admin/find-person?q=st"); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "at least 3 characters") {
		t.Fatalf("a two-letter search: %d %.300s", r.status, text(r.body))
	}
	r := c.get("/admin/find-person?q=STAFFA")
	mustContain(t, r, "staffa@example.org", `href="/admin/users/`+id+`"`)
	if strings.Contains(r.body, "staffb@example.org") {
		t.Error("a search for staffA finds staffB")
	}
	mustContain(t, c.get("/admin/find-person?q=nobody-at-all"), "No one matches")
	mustContain(t, c.get("/admin/find-person?q=staffa", "Accept-Language", "cy"), "Dod o hyd i berson", "Cyfrif")
}

func TestSubjectAccessAndErasureByEmail(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	const who = "outsider@example.org"
	if err := e.svc.Mail.SendMail(ctx, &lightbulb.Mail{To: who, Subject: "Your place", Body: "Dear Olwen Outsider"}); err != nil {
		t.Fatal(err)
	}
	c := e.client().signIn("platform")
	q := url.Values{"email": {who}}.Encode()
	mustContain(t, c.get("/admin/find-person/email?"+q), who, "Emails Lightbulb sent to you, with their text.")
	// An address with an account goes to the account.
	if r := c.get("/admin/find-person/email?email=staffA@example.org"); r.status != http.StatusSeeOther || r.location != "/admin/users/"+itoa(e.users["staffA"].ID) {
		t.Fatalf("an account's address: %d %q", r.status, r.location)
	}

	x := readExport(t, c.get("/admin/find-person/email/export?"+q).body)
	if m := x.section("emails"); len(m) != 1 || m[0]["body"] != "Dear Olwen Outsider" || len(x.Person.Emails) != 1 {
		t.Fatalf("export by email: %+v", x)
	}
	cy := readExport(t, c.get("/admin/find-person/email/export?"+q, "Accept-Language", "cy").body)
	if cy.About == x.About || cy.Sections[0].About == x.Sections[0].About {
		t.Error("the Welsh export explains itself in English")
	}

	mustContain(t, c.post("/admin/find-person/email/erase", url.Values{"email": {who}}), "Confirm that you want to erase")
	if r := c.post("/admin/find-person/email/erase", url.Values{"email": {who}, "confirm": {"yes"}}); r.status != http.StatusSeeOther {
		t.Fatalf("erase by email: %d %.300s", r.status, text(r.body))
	}
	ms, err := e.svc.Mail.FindMail(ctx, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.Contains(m.To+m.Body, "utsider") {
			t.Fatalf("the outbox still holds the erased person: %+v", m)
		}
	}
}

// TestRegisterSectionsHaveWelsh fails when a section of the personal-data
// register has no Welsh explanation for exports asked for in Welsh.
func TestRegisterSectionsHaveWelsh(t *testing.T) {
	e := newEnv(t)
	n := 0
	for _, tb := range e.svc.Privacy.Register() {
		if tb.Section == "" {
			continue
		}
		n++
		if !i18n.Has("cy", tb.About) {
			t.Errorf("section %s: no Welsh for %q", tb.Section, tb.About)
		}
	}
	if n < 20 {
		t.Fatalf("only %d sections in the register", n)
	}
}

func TestAnEmailWithNothingHeld(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	mustContain(t, c.get("/admin/find-person/email?email=nobody%40example.org"), "Lightbulb holds nothing about this person.")
	mustContain(t, c.get("/admin/find-person/email?email=nobody%40example.org", "Accept-Language", "cy"), "Nid yw Lightbulb yn cadw dim am y person hwn.")
	if r := c.get("/admin/find-person/email?email=not-an-address"); r.status != http.StatusNotFound {
		t.Errorf("an address with no @: %d", r.status)
	}
}

func TestExportStartsWithTheAccount(t *testing.T) {
	e := newEnv(t)
	e.client().signIn("staffA")
	c := e.client().signIn("platform")
	x := readExport(t, c.get("/admin/users/"+itoa(e.users["staffA"].ID)+"/export").body)
	if x.Sections[0].Section != "account" || len(x.Sections[1].Records) == 0 || len(x.Sections[len(x.Sections)-1].Records) != 0 {
		t.Fatalf("sections are not the account, then what is held, then what is not: %+v", x.Sections)
	}
}
