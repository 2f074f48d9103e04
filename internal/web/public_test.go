package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func TestRightsLibrary(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	r := c.get("/rights")
	if r.status != http.StatusOK {
		t.Fatalf("/rights status %d", r.status)
	}
	mustContain(t, r, "Right A8", "Right A3", "Qualified rights", "Absolute rights", `href="/rights/A8"`)

	mustContain(t, c.get("/rights/A8"), "<h1 class=\"govuk-heading-xl\">Right A8</h1>", "What Right A8 protects", "Lawful: there is a clear legal basis")
	mustContain(t, c.get("/rights/a8/easy-read"), "Easy Read", "Short.")
	if r := c.get("/rights/A99"); r.status != http.StatusNotFound {
		t.Fatalf("/rights/A99 status %d, want 404", r.status)
	} else {
		mustContain(t, r, "Page not found")
	}
	r = c.get("/rights?q=visits")
	mustContain(t, r, "2 rights match")
	r = c.get("/rights?q=zzzqqq")
	mustContain(t, r, "No rights match")
	mustContain(t, c.get("/rights/card"), "lb-card__item", "Right A3")
}

func TestWelshAndLanguageSwitch(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	r := c.get("/rights/A8", "Accept-Language", "cy-GB,cy;q=0.9,en;q=0.5")
	mustContain(t, r, `lang="cy"`, "Hawl A8", `href="/language/en?next=%2frights%2fA8"`)
	// The switcher link overrides the browser and is remembered.
	sw := c.get("/language/en?next=/rights/A8")
	if sw.status != http.StatusSeeOther || sw.location != "/rights/A8" {
		t.Fatalf("switch: %d %q", sw.status, sw.location)
	}
	mustContain(t, c.get("/rights/A8", "Accept-Language", "cy"), "Right A8", `lang="en"`)
	if r := c.get("/language/fr"); r.status != http.StatusNotFound {
		t.Fatalf("unknown language: %d", r.status)
	}
	if r := c.get("/language/cy?next=//evil.example"); r.location != "/" {
		t.Fatalf("open redirect: %q", r.location)
	}
	// After an English edit the Welsh page says it is out of date.
	ctx := lightbulb.WithActor(context.Background(), &lightbulb.Actor{Name: "t"})
	right, _ := e.svc.Rights.FindRight(ctx, "A8", "en")
	right.Text.Summary = "A newer English summary"
	if err := e.svc.Rights.UpdateRight(ctx, "A8", right.Category, right.Text); err != nil {
		t.Fatal(err)
	}
	c.get("/language/cy?next=/")
	mustContain(t, c.get("/rights/A8"), "cyfieithiad Cymraeg hwn yn hŷn")
}

func TestCardPDF(t *testing.T) {
	e := newEnv(t)
	r := e.client().get("/rights/card.pdf")
	if r.status != 200 || !strings.HasPrefix(r.body, "%PDF") || r.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("pdf: status %d type %q", r.status, r.header.Get("Content-Type"))
	}
	if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAllString(r.body, -1)); n != 1 {
		t.Fatalf("pdf has %d pages, want 1", n)
	}
}

// The folding card comes in the reader's language, one A4 page, with its
// language set (the order of its text is tested in internal/report).
func TestFoldingCardPDF(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	mustContain(t, c.get("/rights/card"), `href="/rights/folding-card.pdf"`)
	c.get("/language/cy?next=/")
	r := c.get("/rights/folding-card.pdf")
	if r.status != 200 || !strings.HasPrefix(r.body, "%PDF") || r.header.Get("Content-Type") != "application/pdf" ||
		!strings.Contains(r.header.Get("Content-Disposition"), "human-rights-folding-card-cy.pdf") {
		t.Fatalf("folding card: status %d %v", r.status, r.header)
	}
	if n := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAllString(r.body, -1)); n != 1 || !strings.Contains(r.body, "/Lang (cy)") {
		t.Fatalf("the folding card has %d pages or no Welsh language tag", n)
	}
}

func TestOperationsAndHeaders(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	if r := c.get("/healthz"); r.status != 200 {
		t.Fatalf("healthz %d", r.status)
	}
	if r := c.get("/readyz"); r.status != 200 {
		t.Fatalf("readyz %d", r.status)
	}
	c.get("/rights")
	if r := c.get("/metrics"); r.status != 404 {
		t.Fatalf("/metrics with no token configured: HTTP %d, want 404 (see TestMetricsNeedATokenOrTheirOwnAddress)", r.status)
	}
	r := c.get("/")
	csp := r.header.Get("Content-Security-Policy")
	m := regexp.MustCompile(`'nonce-([^']+)'`).FindStringSubmatch(csp)
	if m == nil || !strings.Contains(r.body, `nonce="`+m[1]+`"`) {
		t.Fatalf("CSP nonce missing or not used: %q", csp)
	}
	for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "X-Request-Id"} {
		if r.header.Get(h) == "" {
			t.Fatalf("header %s missing", h)
		}
	}
	if r := c.get("/no/such/page"); r.status != 404 {
		t.Fatalf("unknown page: %d", r.status)
	}
	for _, p := range []string{"/accessibility", "/privacy", "/cookies"} {
		if r := c.get(p); r.status != 200 {
			t.Fatalf("%s: %d", p, r.status)
		}
	}
}

func TestOversizedBodyRefused(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	big := strings.Repeat("x", 2<<20)
	r := c.post("/admin/rights/A8", url.Values{"title": {big}, "lang": {"en"}})
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", r.status)
	}
	mustContain(t, r, "too large")
	if h, _ := e.svc.Rights.RightHistory(context.Background(), "A8", "en"); len(h) != 1 {
		t.Fatalf("oversized edit saved a version: %d", len(h))
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	req, _ := http.NewRequest("POST", e.srv.URL+"/admin/organisations", strings.NewReader("name=Evil&slug=evil&kind=council"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := c.do(req); r.status != http.StatusForbidden {
		t.Fatalf("cross-site POST: %d, want 403", r.status)
	}
	if _, err := e.svc.Orgs.FindOrgBySlug(context.Background(), "evil"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
		t.Fatal("cross-site POST created an organisation")
	}
}

// TestAccessibilityStatement checks the statement has what the Public Sector
// Bodies Accessibility Regulations ask for, in both languages, and that the
// page shell carries its landmarks and icons.
func TestAccessibilityStatement(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	mustContain(t, c.get("/accessibility"), "Compliance status", "partially compliant", "Non-accessible content",
		"What to do if you cannot use part of this service", "Reporting accessibility problems", "Enforcement procedure",
		"Equality Advisory and Support Service", "This statement was prepared on 6 December 2026",
		`<link rel="icon" href="/static/images/favicon.`, `<nav aria-label="Menu" class="govuk-header__navigation">`)
	mustContain(t, c.get("/accessibility", "Accept-Language", "cy"), "Statws cydymffurfio", "Y weithdrefn orfodi",
		"Paratowyd y datganiad hwn ar 6 Rhagfyr 2026", `lang="en">AbilityNet`)
	mustContain(t, c.signIn("staffA").get("/dashboard"), `<nav class="lb-account-bar govuk-!-margin-top-3" aria-label="Your account">`)
}
