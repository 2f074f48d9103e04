package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// commEnv is a commissioner (icb) and trust A, its provider, with leads in
// trust A and council B, and rights enough for the starter library.
func commEnv(t *testing.T) (*env, *lightbulb.Organisation) {
	t.Helper()
	e, icb := reviewEnv(t)
	for _, c := range []string{"A2", "A4", "A5", "A6", "A9", "A10", "A14", "P1A1"} {
		sqldbtest.MustRight(t, e.db, c, lightbulb.Qualified)
	}
	return e, icb
}

// contractWithReturn has the commissioner publish principles, load the
// starter library, record a contract with trust A carrying one requirement,
// and trust A's lead answer it; it returns the contract's path id and the
// contract requirement's id.
func contractWithReturn(t *testing.T, e *env) (com, lead *client, id, cr string) {
	t.Helper()
	com, lead = e.client().signIn("commissioner"), e.client().signIn("leadA")
	if r := com.post("/commissioning/principles", url.Values{"body_en": {"We commission for dignity."}, "body_cy": {"Rydym yn comisiynu er urddas."}}); r.status != http.StatusSeeOther {
		t.Fatalf("publish principles: %d %s", r.status, r.body)
	}
	if r := com.post("/commissioning/requirements/starter", nil); r.status != http.StatusSeeOther {
		t.Fatalf("starter library: %d", r.status)
	}
	r := com.post("/commissioning/contracts", url.Values{"title": {"Acute mental health"}, "provider": {itoa64(e.orgA.ID)}, "value": {"1,200,000"},
		"starts_on-day": {"1"}, "starts_on-month": {"4"}, "starts_on-year": {"2026"}, "ends_on-day": {"31"}, "ends_on-month": {"3"}, "ends_on-year": {"2029"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("record contract: %d %s", r.status, r.body)
	}
	id = strings.TrimPrefix(r.location, "/commissioning/contracts/")
	ctx := lightbulb.WithOrg(context.Background(), mustOrgID(t, e, "icb"))
	lib, _ := e.svc.Commissioning.Requirements(ctx)
	if r := com.post("/commissioning/contracts/"+id+"/requirements", url.Values{"requirement": {itoa64(lib[0].ID)},
		"due_on-day": {"31"}, "due_on-month": {"7"}, "due_on-year": {"2026"}}); r.status != http.StatusSeeOther {
		t.Fatalf("attach: %d %s", r.status, r.body)
	}
	c, _ := e.svc.Commissioning.Contract(ctx, atoi64(id))
	cr = itoa64(c.Requirements[0].ID)
	if r := lead.post("/contracts/"+id+"/return", url.Values{"period": {"April to June 2026"}, "rating-" + cr: {"amber"},
		"evidence-" + cr: {"Register reviewed in May"}}); r.status != http.StatusSeeOther {
		t.Fatalf("return: %d %s", r.status, r.body)
	}
	return com, lead, id, cr
}

func mustOrgID(t *testing.T, e *env, slug string) int64 {
	t.Helper()
	o, err := e.svc.Orgs.FindOrgBySlug(context.Background(), slug)
	if err != nil {
		t.Fatal(err)
	}
	return o.ID
}

func atoi64(s string) int64 {
	var n int64
	for _, c := range s {
		n = n*10 + int64(c-'0')
	}
	return n
}

func TestCommissioningJourney(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, cr := contractWithReturn(t, e)

	// The principles are public, in English and Welsh, with earlier versions.
	_ = com.post("/commissioning/principles", url.Values{"body_en": {"Second version."}, "body_cy": {"Ail fersiwn."}})
	visitor := e.client()
	if r := visitor.get("/principles/icb"); r.status != http.StatusOK || !strings.Contains(r.body, "Second version.") || !strings.Contains(r.body, "/principles/icb/versions/1") {
		t.Fatalf("public principles: %d", r.status)
	}
	if r := visitor.get("/principles/icb/versions/1", "Accept-Language", "cy"); r.status != http.StatusOK || !strings.Contains(r.body, "Rydym yn comisiynu er urddas.") ||
		!strings.Contains(r.body, "Fersiwn gynharach yw hon.") {
		t.Fatalf("Welsh earlier version: %d", r.status)
	}

	// Once trust A shares its reviews, its own list of services is offered.
	if err := e.svc.Units.CreateUnit(lightbulb.WithOrg(context.Background(), e.orgA.ID), &lightbulb.Unit{Name: "Willow Ward"}); err != nil {
		t.Fatal(err)
	}
	if r := com.get("/commissioning/contracts/" + id); strings.Contains(r.body, "Willow Ward") {
		t.Fatalf("the provider's services show before it shares")
	}
	if r := lead.post("/reviews/sharing", url.Values{"commissioner": {itoa64(mustOrgID(t, e, "icb"))}}); r.status != http.StatusSeeOther {
		t.Fatalf("share: %d", r.status)
	}
	if r := com.post("/commissioning/contracts/"+id+"/services", url.Values{"services": {"Oak Ward"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Choose services from the provider") {
		t.Fatalf("a service not on the list: %d", r.status)
	}
	if r := com.post("/commissioning/contracts/"+id+"/services", url.Values{"services": {"Willow Ward"}}); r.status != http.StatusSeeOther {
		t.Fatalf("choose services: %d %s", r.status, r.body)
	}
	if r := com.get("/commissioning/contracts/" + id); !strings.Contains(r.body, `value="Willow Ward" checked`) {
		t.Fatalf("the chosen service is not shown")
	}

	// The commissioner sees the answer, drafts a report; the provider comments.
	if r := com.get("/commissioning/contracts/" + id); !strings.Contains(r.body, "Register reviewed in May") || !strings.Contains(r.body, `id="returns-chart-title"`) {
		t.Fatalf("the contract page does not show the provider's answer")
	}
	if r := com.post("/commissioning/contracts/"+id+"/assess", url.Values{"summary": {"Steady progress"}, "rating-" + cr: {"green"}}); r.status != http.StatusSeeOther {
		t.Fatalf("draft report: %d %s", r.status, r.body)
	}
	if r := lead.get("/contracts/" + id); !strings.Contains(r.body, "Steady progress") || !strings.Contains(r.body, "Comment on the draft") {
		t.Fatalf("the provider cannot see the draft to comment on")
	}
	if r := lead.post("/contracts/"+id+"/reports/1/comment", url.Values{"comment": {"The register was updated on 2 May."}}); r.status != http.StatusSeeOther {
		t.Fatalf("comment: %d %s", r.status, r.body)
	}
	r := com.get("/commissioning/contracts/"+id+"/report.csv", "Accept-Language", "cy")
	if !strings.HasPrefix(r.body, "Gofyniad,Fersiwn,") || !strings.Contains(r.body, "Drafft, ar agor") {
		t.Fatalf("Welsh CSV: %q", r.body)
	}
	if r := com.get("/commissioning/contracts/"+id+"/report.pdf", "Accept-Language", "cy"); r.status != http.StatusOK || !strings.HasPrefix(r.body, "%PDF") {
		t.Fatalf("PDF: %d %q", r.status, clipBody(r.body))
	}
}

// TestCommissioningBadInput proves each form names the question that is
// wrong in a GOV.UK error summary, keeps what was typed, and saves nothing.
func TestCommissioningBadInput(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, cr := contractWithReturn(t, e)
	ctx := lightbulb.WithOrg(context.Background(), mustOrgID(t, e, "icb"))
	before, _ := e.svc.Commissioning.Contracts(ctx)

	r := com.post("/commissioning/contracts", url.Values{"title": {"Community care"}, "provider": {"0"}, "provider_name": {"Hillside Homes"},
		"value": {"12x"}, "starts_on-day": {"1"}, "starts_on-month": {"4"}, "starts_on-year": {"2027"},
		"ends_on-day": {"1"}, "ends_on-month": {"4"}, "ends_on-year": {"2026"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "govuk-error-summary") ||
		!strings.Contains(r.body, "The contract must end after it starts") || !strings.Contains(r.body, `href="#value"`) ||
		!strings.Contains(r.body, `value="Hillside Homes"`) || !strings.Contains(r.body, `value="Community care"`) {
		t.Fatalf("a contract ending before it starts: %d %s", r.status, r.body)
	}
	if after, _ := e.svc.Commissioning.Contracts(ctx); len(after) != len(before) {
		t.Fatalf("a refused contract was saved")
	}
	r = com.post("/commissioning/requirements", url.Values{"text": {"Keep a register"}, "measure": {"Share reviewed"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Select the rights the requirement engages") ||
		!strings.Contains(r.body, "Choose how often the measure is reported") || !strings.Contains(r.body, "Keep a register") {
		t.Fatalf("a requirement without rights: %d", r.status)
	}
	r = com.post("/commissioning/principles", url.Values{"body_en": {"Only English"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `href="#body_cy"`) || !strings.Contains(r.body, "Only English") {
		t.Fatalf("principles without Welsh: %d", r.status)
	}
	// A return without a rating, or with an unshared review, is refused whole.
	r = lead.post("/contracts/"+id+"/return", url.Values{"period": {"July to September 2026"}, "evidence-" + cr: {"New policy"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Rate requirement R01 red, amber or green") || !strings.Contains(r.body, "New policy") {
		t.Fatalf("a return without a rating: %d %s", r.status, r.body)
	}
	c, _ := e.svc.Commissioning.Contract(ctx, atoi64(id))
	if len(c.Returns) != 1 {
		t.Fatalf("a refused return was saved: %d returns", len(c.Returns))
	}
	r = com.post("/commissioning/contracts/"+id+"/assess", url.Values{"rating-" + cr: {"green"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Enter a summary of your assessment") {
		t.Fatalf("a report without a summary: %d", r.status)
	}
}

// TestCommissioningPagesInWelsh reads every commissioning page in Welsh and
// fails for interface text left in English.
func TestCommissioningPagesInWelsh(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, cr := contractWithReturn(t, e)
	_ = com.post("/commissioning/contracts/"+id+"/assess", url.Values{"summary": {"Steady"}, "rating-" + cr: {"green"}})
	ctx := lightbulb.WithOrg(context.Background(), mustOrgID(t, e, "icb"))
	lib, _ := e.svc.Commissioning.Requirements(ctx)
	pages := map[*client][]string{
		com: {"/commissioning", "/commissioning/principles", "/commissioning/requirements", "/commissioning/requirements/new",
			"/commissioning/requirements/" + lib[0].Code, "/commissioning/contracts/new", "/commissioning/contracts/" + id,
			"/commissioning/contracts/" + id + "/assess"},
		lead:       {"/contracts", "/contracts/" + id},
		e.client(): {"/principles/icb", "/principles/icb/versions/1"},
	}
	for c, ps := range pages {
		for _, p := range ps {
			r := c.get(p, "Accept-Language", "cy")
			if r.status != http.StatusOK {
				t.Errorf("%s in Welsh: status %d", p, r.status)
				continue
			}
			if leaks, err := englishLeaks(r.body); err != nil || len(leaks) > 0 {
				t.Errorf("%s in Welsh shows English: %q %v", p, leaks, err)
			}
		}
	}
}

func clipBody(s string) string {
	if len(s) > 80 {
		return s[:80]
	}
	return s
}
