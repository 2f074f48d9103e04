package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// coprodEnv adds to trust A two co-production leads and an expert, and to
// council B a co-production lead, with a standard rate in trust A.
func coprodEnv(t *testing.T) *env {
	e := newEnv(t)
	addPerson(e, "coprod", e.orgA, lightbulb.RoleCoproduction)
	addPerson(e, "coprod2", e.orgA, lightbulb.RoleCoproduction)
	addPerson(e, "expertA", e.orgA, lightbulb.RoleExpert)
	addPerson(e, "coprodB", e.orgB, lightbulb.RoleCoproduction)
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	if err := e.svc.Coprod.AddRate(ctx, &lightbulb.CoprodRate{Level: "standard", Pence: 2000, StartsOn: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	return e
}

// postInvolvement posts one involvement in a month's time inviting expertA.
func postInvolvement(t *testing.T, e *env, c *client) string {
	t.Helper()
	return postInvolvementWith(t, e, c, nil)
}

// postInvolvementForm posts the involvement with more answers, or others.
func postInvolvementForm(e *env, c *client, more url.Values) resp {
	day := time.Now().AddDate(0, 1, 0)
	form := url.Values{"title": {"Easy Read guide panel"}, "activity": {"guide"}, "level": {"standard"},
		"date-day": {itoa(int64(day.Day()))}, "date-month": {itoa(int64(day.Month()))}, "date-year": {itoa(int64(day.Year()))},
		"time": {"10:00"}, "hours-hours": {"2"}, "prep-minutes": {"30"}, "follow-minutes": {"30"}, "place": {"Room 2"},
		"supporter": {itoa(e.users["coprod2"].ID)}, "experts": {itoa(e.users["expertA"].ID)}}
	for k, v := range more {
		form[k] = v
	}
	return c.post("/coproduction/involvements", form)
}

// postInvolvementWith posts the involvement with more answers and returns its id.
func postInvolvementWith(t *testing.T, e *env, c *client, more url.Values) string {
	t.Helper()
	r := postInvolvementForm(e, c, more)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/coproduction/involvements/") {
		t.Fatalf("post involvement: %d %s %s", r.status, r.location, r.body)
	}
	return strings.TrimPrefix(r.location, "/coproduction/involvements/")
}

func TestCoprodBadInputKeepsAnswers(t *testing.T) {
	e := coprodEnv(t)
	expert := e.client().signIn("expertA")
	r := expert.post("/coproduction/me/profile", url.Values{"preferred_name": {""}, "phone": {"01234 567890"}, "pay_pref": {"reduced"},
		"reduced": {"ten pounds"}, "consents": {"credit"}, "topics": {"restraint"}})
	mustContain(t, r, "There is a problem", `href="#preferred_name"`, "Enter the name you would like us to use",
		"Lower amount: enter an amount in pounds, such as 12.50", `value="01234 567890"`)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `value="credit" checked`) {
		t.Fatalf("refused profile: status %d, or the ticked consent was lost", r.status)
	}
	lead := e.client().signIn("coprod")
	r = lead.post("/coproduction/settings", url.Values{"second_above": {"lots"}})
	mustContain(t, r, "There is a problem", `href="#second_above"`, "Second approver above: enter an amount in pounds", `value="lots"`)
	r = lead.post("/coproduction/involvements", url.Values{"title": {"Panel"}, "hours-hours": {"30"}, "date-day": {"31"}, "date-month": {"2"}, "date-year": {"2030"}})
	mustContain(t, r, "There is a problem", "How long the session lasts: enter from 0 to 16 hours", "Day of the session: enter a real date",
		`value="Panel"`)
}

func TestCoprodJourney(t *testing.T) {
	e := coprodEnv(t)
	lead, expert := e.client().signIn("coprod"), e.client().signIn("expertA")
	if r := expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}, "captions": {"prefer_not"}}); r.status != http.StatusSeeOther {
		t.Fatalf("profile: %d %s", r.status, r.body)
	}
	postInvolvement(t, e, lead)
	recs, err := e.svc.Coprod.MyRecords(lightbulb.WithOrg(context.Background(), e.orgA.ID), e.users["expertA"].ID)
	if err != nil || len(recs.Invites) != 1 {
		t.Fatalf("invites: %v %+v", err, recs)
	}
	inv := "/coproduction/me/invitations/" + itoa(recs.Invites[0].ID)
	mustContain(t, expert.get(inv), "Being paid can affect benefits", "£60.00")
	mustContain(t, expert.post(inv, url.Values{"answer": {"yes"}}), "Confirm that you have read about payment and benefits")
	if r := expert.post(inv, url.Values{"answer": {"yes"}, "understood": {"yes"}}); r.status != http.StatusSeeOther {
		t.Fatalf("accept: %d", r.status)
	}
	claimForm := map[string]string{"hours-hours": "3", "expenses": "4.50", "expenses_note": "=Bus fare"}
	r := claimUpload(t, expert, inv+"/claim", claimForm, "ticket.txt", []byte("not a receipt"))
	mustContain(t, r, "There is a problem", `href="#receipt"`, "The receipt must be a photo (JPEG or PNG) or a PDF", `value="=Bus fare"`)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	if r := claimUpload(t, expert, inv+"/claim", claimForm, "ticket.png", png); r.status != http.StatusSeeOther {
		t.Fatalf("claim: %d %s", r.status, r.body)
	}
	recs, _ = e.svc.Coprod.MyRecords(lightbulb.WithOrg(context.Background(), e.orgA.ID), e.users["expertA"].ID)
	claim := itoa(recs.Claims[0].ID)
	receipt := "/coproduction/receipts/" + itoa(recs.Claims[0].ReceiptID)
	if got := expert.get(receipt); got.status != http.StatusOK || got.header.Get("Content-Type") != "image/png" || !bytes.Equal([]byte(got.body), png) {
		t.Fatalf("the expert's own receipt: %d %q", got.status, got.header.Get("Content-Type"))
	}
	mustContain(t, lead.get("/coproduction"), `href="`+receipt+`"`)
	mustContain(t, lead.get("/coproduction"), "Waiting for approval")
	lead.post("/coproduction/claims/"+claim+"/approve", url.Values{})
	mustContain(t, lead.get("/coproduction"), "Approved, not yet paid")
	day := time.Now()
	lead.post("/coproduction/claims/"+claim+"/paid", url.Values{"paid_on-day": {itoa(int64(day.Day()))}, "paid_on-month": {itoa(int64(day.Month()))}, "paid_on-year": {itoa(int64(day.Year()))}})
	csv := lead.get("/coproduction/claims.csv?from=2020-01-01&to=2100-01-01")
	mustContain(t, csv, "Esther", "£64.50", "'=Bus fare", "Paid")
	mustContain(t, expert.get("/coproduction/me"), "£64.50", "Paid")
	mustContain(t, lead.get("/coproduction/indicators"), "Claims paid within 20 working days", "100% (1 of 1)", "3:00", "£64.50")
	mustContain(t, lead.get("/coproduction/indicators?from=2020-01-01&to=2100-01-01"), "1 experts took part; 0 of them chose to share")
	r = lead.get("/coproduction/indicators?from=2026-13-01&to=2026-01-01")
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad period: %d", r.status)
	}
	mustContain(t, r, "There is a problem", "From: enter a date like 2026-04-01", `value="2026-13-01"`)

	// Quoting: only with consent, and only once the expert says yes to the words.
	words := url.Values{"quote_expert": {itoa(e.users["expertA"].ID)}, "words": {"Being asked, not told."}, "use_for": {"public"}}
	r = lead.post("/coproduction/quotes", words)
	mustContain(t, r, "There is a problem", `href="#use_for"`, "This expert has not agreed to be quoted there", "Being asked, not told.")
	words.Set("use_for", "internal")
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}, "consents": {"quote_internal"}})
	if r := lead.post("/coproduction/quotes", words); r.status != http.StatusSeeOther {
		t.Fatalf("ask to quote: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction"), "Waiting for their answer")
	quotes, _ := e.svc.Coprod.MyQuotes(lightbulb.WithOrg(context.Background(), e.orgA.ID), e.users["expertA"].ID)
	mustContain(t, expert.get("/coproduction/me"), "Being asked, not told.", "Yes, use these words")
	expert.post("/coproduction/me/quotes/"+itoa(quotes[0].ID), url.Values{"answer": {"yes"}})
	mustContain(t, lead.get("/coproduction"), "Approved these words")
	lead.post("/coproduction/room", url.Values{"room_note": {"Nobody under 25 yet."}})
	x := expert.get("/coproduction/me/export")
	mustContain(t, x, "coproduction_profile", "coproduction_claims", "Being asked, not told.")

	// A lead records time for an expert; someone else approves it.
	second := postInvolvement(t, e, lead)
	recs, _ = e.svc.Coprod.MyRecords(lightbulb.WithOrg(context.Background(), e.orgA.ID), e.users["expertA"].ID)
	var inv2 *lightbulb.Invite
	for _, in := range recs.Invites {
		if itoa(in.InvolvementID) == second {
			inv2 = in
		}
	}
	expert.post("/coproduction/me/invitations/"+itoa(inv2.ID), url.Values{"answer": {"yes"}, "understood": {"yes"}})
	r = lead.post("/coproduction/involvements/"+second+"/claims", url.Values{"invite": {itoa(inv2.ID)}, "hours-hours": {"x"}})
	mustContain(t, r, "There is a problem", "Time they spent: enter hours and minutes as numbers")
	if r := lead.post("/coproduction/involvements/"+second+"/claims", url.Values{"invite": {itoa(inv2.ID)}, "hours-hours": {"2"}}); r.status != http.StatusSeeOther {
		t.Fatalf("record for an expert: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction/involvements/"+second), "2:00, £40.00: Waiting for approval")
	mustContain(t, lead.get("/coproduction"), "Nobody under 25 yet.", "Last changed by")
}

func TestCoprodIsolation(t *testing.T) {
	e := coprodEnv(t)
	id := postInvolvement(t, e, e.client().signIn("coprod"))
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	recs, _ := e.svc.Coprod.MyRecords(ctx, e.users["expertA"].ID)
	invite := itoa(recs.Invites[0].ID)
	if err := e.svc.Coprod.RequestFollowUp(ctx, e.users["expertA"].ID); err != nil {
		t.Fatal(err)
	}
	home, _ := e.svc.Coprod.Home(ctx)
	fu := itoa(home.FollowUps[0].ID)
	leadOnly := []route{
		{"GET", "/coproduction", nil}, {"GET", "/coproduction/involvements/new", nil},
		{"POST", "/coproduction/involvements", url.Values{"title": {"Taken over"}}},
		{"GET", "/coproduction/involvements/" + id, nil}, {"GET", "/coproduction/rates", nil},
		{"POST", "/coproduction/involvements/" + id + "/claims", url.Values{"invite": {invite}, "hours-hours": {"1"}}},
		{"POST", "/coproduction/involvements/" + id + "/offers", url.Values{"invite": {invite}}},
		{"GET", "/coproduction/indicators", nil}, {"GET", "/coproduction/checks", nil},
		{"POST", "/coproduction/checks", url.Values{"expert": {itoa(e.users["expertA"].ID)}, "kind": {"dbs"},
			"checked_on-day": {"1"}, "checked_on-month": {"1"}, "checked_on-year": {"2025"},
			"expires_on-day": {"1"}, "expires_on-month": {"1"}, "expires_on-year": {"2028"}}},
		{"POST", "/coproduction/quotes", url.Values{"quote_expert": {itoa(e.users["expertA"].ID)}, "words": {"x"}, "use_for": {"internal"}}},
		{"POST", "/coproduction/room", url.Values{"room_note": {"Taken over"}}},
		{"POST", "/coproduction/settings", url.Values{"second_above": {"1"}}},
		{"POST", "/coproduction/rates", url.Values{"level": {"standard"}, "pence": {"1"}}},
		{"POST", "/coproduction/claims/1/approve", nil}, {"POST", "/coproduction/claims/1/paid", nil},
		{"GET", "/coproduction/claims.csv?from=2020-01-01&to=2100-01-01", nil},
		{"GET", "/coproduction/follow-ups/" + fu, nil}, {"POST", "/coproduction/follow-ups/" + fu, url.Values{"method": {"call"}, "outcome": {"fine"}}},
	}
	expertOnly := []route{
		{"GET", "/coproduction/me", nil}, {"GET", "/coproduction/me/profile", nil}, {"GET", "/coproduction/me/export", nil},
		{"POST", "/coproduction/me/profile", url.Values{"preferred_name": {"Taken over"}, "pay_pref": {"none"}}},
		{"POST", "/coproduction/me/follow-up", nil},
		{"POST", "/coproduction/me/opportunities/" + id, nil},
		{"POST", "/coproduction/me/quotes/1", url.Values{"answer": {"yes"}}},
		{"GET", "/coproduction/me/invitations/" + invite, nil},
		{"POST", "/coproduction/me/invitations/" + invite, url.Values{"answer": {"no"}}},
		{"POST", "/coproduction/me/invitations/" + invite + "/claim", url.Values{"hours-hours": {"1"}}},
	}
	all := append(append([]route{}, leadOnly...), expertOnly...)
	expectRoutes(t, "visitor", e.client(), all, http.StatusSeeOther)
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB", "platform"} {
		expectRoutes(t, key, e.client().signIn(key), all, http.StatusForbidden)
	}
	expectRoutes(t, "expertA", e.client().signIn("expertA"), leadOnly, http.StatusForbidden)
	expectRoutes(t, "coprod", e.client().signIn("coprod"), expertOnly, http.StatusForbidden)
	// A receipt: only co-production leads and the expert whose claim it is.
	ctxA := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	_ = e.svc.Coprod.Respond(ctxA, recs.Invites[0].ID, e.users["expertA"].ID, true, true)
	c := &lightbulb.Claim{Minutes: 60, RecordedBy: e.users["coprod"].ID, Receipt: &lightbulb.Receipt{Name: "r.pdf", Type: "application/pdf", Data: []byte("%PDF-1.4")}}
	if err := e.svc.Coprod.RecordClaim(ctxA, recs.Invites[0].ID, c); err != nil {
		t.Fatal(err)
	}
	rc := route{"GET", "/coproduction/receipts/" + itoa(c.ReceiptID), nil}
	expectRoutes(t, "visitor", e.client(), []route{rc}, http.StatusSeeOther)
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB", "platform"} {
		expectRoutes(t, key, e.client().signIn(key), []route{rc}, http.StatusForbidden)
	}
	expectRoutes(t, "coprodB", e.client().signIn("coprodB"), []route{rc}, http.StatusNotFound)
	// Council B's lead sees none of trust A's records.
	b := e.client().signIn("coprodB")
	expectRoutes(t, "coprodB", b, []route{{"GET", "/coproduction/involvements/" + id, nil}, {"GET", "/coproduction/follow-ups/" + fu, nil},
		{"POST", "/coproduction/involvements/" + id + "/offers", url.Values{"invite": {invite}}}}, http.StatusNotFound)
	mustContain(t, b.get("/coproduction"), "You have not posted an involvement yet.")
	// Nothing changed.
	after, _ := e.svc.Coprod.MyRecords(ctx, e.users["expertA"].ID)
	if after.Invites[0].State != lightbulb.InviteAccepted || after.Profile.Known || after.FollowUps[0].Done() || len(after.Claims) != 1 ||
		len(after.Checks) != 0 {
		t.Fatalf("an outsider changed co-production records: %+v", after)
	}
}

// claimUpload posts a claim with a receipt file, as the browser's
// multipart form does.
func claimUpload(t *testing.T, c *client, path string, fields map[string]string, name string, file []byte) resp {
	t.Helper()
	return postFile(c, path, fields, "receipt", name, file)
}

// postFile posts fields and one file in field, as the browser's multipart
// form does.
func postFile(c *client, path string, fields map[string]string, field, name string, file []byte) resp {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile(field, name)
	_, _ = fw.Write(file)
	_ = mw.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}
