package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

const testPassword = "a long test password"

// env is a running test server with two organisations: trust A (with an
// admin, a staff member and the platform operator's admin) and council B.
type env struct {
	t       testing.TB
	handler http.Handler
	db      *sqldb.DB
	srv     *httptest.Server
	svc     web.Services
	orgA    *lightbulb.Organisation
	orgB    *lightbulb.Organisation
	opOrg   *lightbulb.Organisation
	users   map[string]*lightbulb.User
}

func newEnv(t *testing.T) *env {
	t.Helper()
	return setupEnv(t)
}

// newBenchEnv is newEnv for benchmarks.
func newBenchEnv(b *testing.B) *env {
	b.Helper()
	return setupEnv(b)
}

func setupEnv(t testing.TB) *env {
	t.Helper()
	db := sqldbtest.MustOpen(t)
	e := &env{t: t, db: db, users: map[string]*lightbulb.User{}}
	e.orgA = sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
	e.orgB = sqldbtest.MustOrg(t, db, "council-b", lightbulb.KindCouncil)
	e.opOrg = &lightbulb.Organisation{Slug: "operator", Name: "Operator", Kind: lightbulb.KindCharity, Operator: true}
	if err := sqldb.NewOrgService(db).CreateOrg(context.Background(), e.opOrg); err != nil {
		t.Fatal(err)
	}
	hash, _ := password.Hash(testPassword, password.Minimum)
	add := func(key string, org *lightbulb.Organisation, roles ...lightbulb.Role) {
		u := sqldbtest.MustUser(t, db, key+"@example.org", org, roles...)
		if err := sqldb.NewUserService(db).SetPassword(context.Background(), u.ID, hash); err != nil {
			t.Fatal(err)
		}
		e.users[key] = u
	}
	add("staffA", e.orgA, lightbulb.RoleStaff)
	add("adminA", e.orgA, lightbulb.RoleAdmin)
	add("staffB", e.orgB, lightbulb.RoleStaff)
	add("adminB", e.orgB, lightbulb.RoleAdmin)
	add("platform", e.opOrg, lightbulb.RoleAdmin)
	sqldbtest.MustRight(t, db, "A8", lightbulb.Qualified)
	sqldbtest.MustRight(t, db, "A3", lightbulb.Absolute)

	e.svc = web.Services{Orgs: sqldb.NewOrgService(db), Users: sqldb.NewUserService(db), Rights: sqldb.NewRightService(db),
		Audit: sqldb.NewAuditService(db), Mail: sqldb.NewMailService(db), Resets: sqldb.NewResetService(db),
		Decisions: sqldb.NewDecisionService(db), Units: sqldb.NewUnitService(db),
		Champions:   sqldb.NewChampionService(db),
		Invitations: sqldb.NewInvitationService(db), MailAllowance: sqldb.NewMailAllowance(db),
		Reviews: sqldb.NewReviewService(db), Voices: sqldb.NewReviewService(db), Cases: sqldb.NewCaseService(db, nil),
		Privacy:    sqldb.NewPrivacyService(db),
		Jobs:       jobs.NewQueue(db.Writer(), string(db.Dialect)),
		ActionPlan: sqldb.NewActionPlanService(db, "http://lightbulb.test"),
		Newsletter: sqldb.NewNewsletterService(db, "http://lightbulb.test"),
		Coprod:     sqldb.NewCoprodService(db, "http://lightbulb.test"),
		Indicators: sqldb.NewIndicatorService(db), Reports: sqldb.NewBoardReportService(db)}
	e.svc.Commissioning = sqldb.NewCommissioningService(db, "http://lightbulb.test")
	s, err := web.New(e.svc, web.Options{BaseURL: "http://lightbulb.test", Sessions: sqldb.NewSessionStore(db),
		Ready: db.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Password: password.Minimum})
	if err != nil {
		t.Fatal(err)
	}
	e.handler = s.Handler()
	e.srv = httptest.NewServer(e.handler)
	t.Cleanup(e.srv.Close)
	return e
}

// client is a browser-like HTTP client with its own cookie jar that does not
// follow redirects, so tests can see them.
type client struct {
	e   *env
	hc  *http.Client
	jar *cookiejar.Jar
}

func (e *env) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, jar: jar, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type resp struct {
	status   int
	body     string
	location string
	header   http.Header
}

func (c *client) do(req *http.Request) resp {
	c.e.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{status: res.StatusCode, body: string(b), location: res.Header.Get("Location"), header: res.Header}
}

func (c *client) get(path string, hdr ...string) resp {
	c.e.t.Helper()
	req, _ := http.NewRequest("GET", c.e.srv.URL+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return c.do(req)
}

func (c *client) post(path string, form url.Values) resp {
	c.e.t.Helper()
	req, _ := http.NewRequest("POST", c.e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

// signIn signs in as one of the env's people and fails the test otherwise.
func (c *client) signIn(key string) *client {
	c.e.t.Helper()
	r := c.post("/sign-in", url.Values{"email": {key + "@example.org"}, "password": {testPassword}})
	if r.status != http.StatusSeeOther || r.location != "/dashboard" {
		c.e.t.Fatalf("sign in as %s: status %d location %q body %.300s", key, r.status, r.location, r.body)
	}
	return c
}

func mustContain(t *testing.T, r resp, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(r.body, w) {
			t.Fatalf("response (status %d) lacks %q; body starts: %.600s", r.status, w, text(r.body))
		}
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>|\s+`)

// text is the page's visible text, roughly, for error messages.
func text(body string) string {
	if i := strings.Index(body, `id="main-content"`); i > 0 {
		body = body[i:]
	}
	return tagRE.ReplaceAllString(body, " ")
}

// call sends one route's request: a GET, or a POST of its form.
func (c *client) call(r route) resp {
	noteProbe(r.method, r.path)
	c.e.t.Helper()
	if r.method == "POST" {
		return c.post(r.path, r.form)
	}
	return c.get(r.path)
}

// expectRoutes checks that every route answers who with want (a 303 must
// lead to the sign-in page) and that no page shows any of the secrets: text
// that only another organisation's data contains.
func expectRoutes(t *testing.T, who string, c *client, rs []route, want int, secrets ...string) {
	t.Helper()
	for _, r := range rs {
		got := c.call(r)
		ok := got.status == want
		if want == http.StatusSeeOther {
			ok = ok && strings.HasPrefix(got.location, "/sign-in")
		}
		if !ok {
			t.Errorf("%s %s %s: status %d (location %q), want %d", who, r.method, r.path, got.status, got.location, want)
		}
		for _, s := range secrets {
			if strings.Contains(got.body, s) {
				t.Errorf("%s %s %s shows %q", who, r.method, r.path, s)
			}
		}
	}
}
