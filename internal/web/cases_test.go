package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// caseEnv is the decisions env (a lead in trust A, Willow Ward in A and Oak
// House in B) with a case store whose suggestions the tests can predict.
type caseEnv struct {
	*decisionEnv
}

func caseSuggestForTest(text string) []lightbulb.CaseRight {
	if strings.Contains(strings.ToLower(text), "visit") {
		return []lightbulb.CaseRight{{Code: "A8", Suggested: true, Score: 0.87, Strength: "strong", Because: []string{"visiting"}},
			{Code: "A3", Suggested: true, Score: 0.41, Strength: "possible", Because: []string{"left"}}}
	}
	return nil
}

func newCaseEnv(t *testing.T) *caseEnv {
	t.Helper()
	e := &caseEnv{newDecisionEnv(t)}
	cs := sqldb.NewCaseService(e.db, caseSuggestForTest)
	e.svc.Cases = cs
	caseimport.RegisterJobs(e.svc.Jobs.(*jobs.Queue), cs, e.svc.Audit)
	e.rebuild(t)
	return e
}

// rebuild serves the env's services again after one was replaced.
func (e *caseEnv) rebuild(t *testing.T) {
	t.Helper()
	s, err := web.New(e.svc, web.Options{BaseURL: "http://lightbulb.test", Sessions: sqldb.NewSessionStore(e.db),
		Ready: e.db.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Password: password.Minimum})
	if err != nil {
		t.Fatal(err)
	}
	e.srv.Close()
	e.handler = s.Handler()
	e.srv = httptest.NewServer(e.handler)
	t.Cleanup(e.srv.Close)
}

func (e *caseEnv) newCase(t *testing.T, ref, summary string) *lightbulb.Case {
	t.Helper()
	c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: ref, Received: "2026-03-04", ServiceID: e.wardA.ID, Summary: summary}
	if err := e.svc.Cases.CreateCase(e.ctxA(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func caseForm(ref, summary string, svc int64) url.Values {
	f := url.Values{"type": {"incident"}, "source_ref": {ref}, "summary": {summary}, "service": {fmt.Sprint(svc)}, "harm": {"low"}}
	dateForm(f, "received", "2026-03-04")
	return f
}

func TestCaseRecordAndReview(t *testing.T) {
	e := newCaseEnv(t)
	c := e.client().signIn("staffA")
	mustContain(t, c.get("/cases/new"), "Do not write anyone’s name")
	bad := caseForm("", "Mrs Jones was not allowed visiting", e.wardA.ID)
	bad.Del("harm")
	r := c.post("/cases", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad case: %d", r.status)
	}
	mustContain(t, r, "Enter the reference in the system the case came from", "Remove the name from the summary",
		"Select the level of harm", "Mrs Jones was not allowed visiting")
	r = c.post("/cases", caseForm("INC-9", "Visiting stopped for a week", e.wardA.ID))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d %s", r.status, text(r.body))
	}
	page := c.get(r.location)
	mustContain(t, page, "Case INC-9", "Strong suggestion", "Possible suggestion", "“visiting”", "Low harm")
	if strings.Contains(page.body, "0.87") {
		t.Error("the reviewer sees the raw score; strength in words should replace it")
	}
	// Leaving a suggestion without a verdict is refused and keeps what was chosen.
	r = c.post(r.location+"/review", url.Values{"verdict-A8": {"confirmed"}, "notes": {"Family upset"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("partial review: %d", r.status)
	}
	mustContain(t, r, "Confirm or reject each suggested right", "Family upset")
	r = c.post("/cases/"+idOf(page.body)+"/review", url.Values{
		"verdict-A8": {"confirmed"}, "verdict-A3": {"rejected"}, "added": {"A5"}, "freda": {"dignity", "autonomy"}, "notes": {"Family upset"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("review: %d %s", r.status, text(r.body))
	}
	got := c.get(r.location)
	mustContain(t, got, "Your review of case INC-9 is saved", "Reviewed", "Added by a reviewer")
	p, _ := e.svc.Cases.FindCases(e.ctxA(), lightbulb.CaseFilter{Reviewed: "yes"})
	if len(p.Cases) != 1 {
		t.Fatalf("reviewed cases: %d", len(p.Cases))
	}
	full, _ := e.svc.Cases.FindCase(e.ctxA(), p.Cases[0].ID)
	if fmt.Sprint(full.Confirmed()) != "[A5 A8]" && fmt.Sprint(full.Confirmed()) != "[A8 A5]" {
		t.Fatalf("confirmed: %v", full.Confirmed())
	}
	if fmt.Sprint(full.Freda) != "[dignity autonomy]" {
		t.Fatalf("freda: %v", full.Freda)
	}
	r = c.post(fmt.Sprintf("/cases/%d/status", full.ID), url.Values{"status": {"closed"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("close: %d", r.status)
	}
	mustContain(t, c.get("/cases?status=closed"), "INC-9")
	if strings.Contains(c.get("/cases?status=open").body, "INC-9") {
		t.Fatal("closed case listed as open")
	}
	entries, _, _ := e.svc.Audit.FindAudit(e.ctxA(), lightbulb.AuditFilter{})
	var actions []string
	for _, a := range entries {
		actions = append(actions, a.Action)
	}
	for _, want := range []string{"case.create", "case.view", "case.review", "case.status"} {
		if !strings.Contains(strings.Join(actions, " "), want) {
			t.Errorf("audit lacks %s: %v", want, actions)
		}
	}
}

// idOf finds the case id in a page's review form.
func idOf(body string) string {
	i := strings.Index(body, `action="/cases/`)
	rest := body[i+len(`action="/cases/`):]
	return rest[:strings.IndexAny(rest, "/\"")]
}

func TestCaseListPagesAndFilters(t *testing.T) {
	e := newCaseEnv(t)
	for i := range 55 {
		e.newCase(t, fmt.Sprintf("C-%02d", i), "Food left cold")
	}
	e.newCase(t, "V-1", "Visiting cut short")
	c := e.client().signIn("staffA")
	first := c.get("/cases")
	mustContain(t, first, "Older cases")
	i := strings.Index(first.body, `rel="next"`)
	href := first.body[strings.LastIndex(first.body[:i], `href="`)+6 : i-2]
	second := c.get(strings.ReplaceAll(href, "&amp;", "&"))
	mustContain(t, second, "Back to the newest cases")
	filtered := c.get("/cases?type=complaint&after=2026-03-04%7C999999")
	mustContain(t, filtered, `href="/cases?type=complaint"`)
	if strings.Count(first.body, `href="/cases/`)-strings.Count(first.body, `href="/cases/new`)-strings.Count(first.body, `href="/cases/i`) != 50 {
		t.Errorf("first page does not hold 50 cases")
	}
	mustContain(t, c.get("/cases?right=A8"), "V-1")
	if strings.Contains(c.get("/cases?right=A8").body, "C-01") {
		t.Error("the right filter lets other cases through")
	}
	mustContain(t, c.get("/cases?type=nonsense&from=junk"), "V-1")
}

// caseImportAndWait starts an import and follows its progress page until
// it finishes, then expects want on it.
func caseImportAndWait(t *testing.T, c *client, columns string, form url.Values, want string) {
	t.Helper()
	r := c.post(columns, form)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/cases/import/progress?upload=") {
		t.Fatalf("import: %d %q %s", r.status, r.location, text(r.body))
	}
	for range 200 {
		// The import is a job: run what is due, as serve's workers would.
		if _, err := c.e.svc.Jobs.(*jobs.Queue).RunDue(context.Background(), 10); err != nil {
			t.Fatal(err)
		}
		page := c.get(r.location)
		if strings.Contains(page.body, "Import finished") {
			mustContain(t, page, want)
			return
		}
		if !strings.Contains(page.body, "cases stored") && !strings.Contains(page.body, "The import is queued") {
			t.Fatalf("progress page: %d %s", page.status, text(page.body))
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the import did not finish within four seconds")
}

// caseUpload posts a file to the import form.
func caseUpload(t *testing.T, c *client, name string, body []byte) resp {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(body)
	mw.Close()
	req, _ := http.NewRequest("POST", c.e.srv.URL+"/cases/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.do(req)
}

const caseCSV = "Ref;Record type;Date reported;Location;Description;Severity\n" +
	"D-1;Incident;03/02/2026;Willow Ward;Visiting refused, call 07700 900123 or mail a@b.org;Low\n" +
	"D-2;Complaint;04/02/2026;Willow Ward;Food left cold, NHS 943 476 5919;\n"

func TestCaseImportInTheBrowser(t *testing.T) {
	e := newCaseEnv(t)
	lead := e.client().signIn("leadA")
	r := caseUpload(t, lead, "export.csv", []byte("just one column\n"))
	mustContain(t, r, "The file cannot be used", "only one column")
	r = caseUpload(t, lead, "export.csv", []byte{0xff, 0xfe, 'a', ';', 'b', '\n'})
	mustContain(t, r, "not UTF-8")
	r = caseUpload(t, lead, "export.csv", []byte(caseCSV))
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", r.status, text(r.body))
	}
	mapPage := lead.get(r.location)
	mustContain(t, mapPage, "semicolons", "Visiting refused", `<option value="Ref" selected>`, `<option value="Location" selected>`)
	form := url.Values{"map-source_ref": {"Ref"}, "map-type": {"Record type"}, "map-received": {"Date reported"},
		"map-service": {"Location"}, "map-summary": {"Description"}, "map-harm": {"Severity"}, "redact": {"1"}, "action": {"check"},
		"save_as": {"Datix weekly"}}
	check := lead.post(r.location, form)
	mustContain(t, check, "All 2 rows are ready to import")
	if p, _ := e.svc.Cases.FindCases(e.ctxA(), lightbulb.CaseFilter{}); len(p.Cases) != 0 {
		t.Fatal("a check stored cases")
	}
	wrong := url.Values{}
	for k, v := range form {
		wrong[k] = v
	}
	wrong.Set("map-service", "Severity")
	mustContain(t, lead.post(r.location, wrong), "2 problems in the file", "is not one of your wards")
	form.Set("action", "import")
	caseImportAndWait(t, lead, r.location, form, "2 cases added and 0 updated")
	caseImportAndWait(t, lead, r.location, form, "0 cases added and 2 updated")
	p, _ := e.svc.Cases.FindCases(e.ctxA(), lightbulb.CaseFilter{})
	if len(p.Cases) != 2 {
		t.Fatalf("cases after two imports: %d", len(p.Cases))
	}
	for _, c := range p.Cases {
		if strings.Contains(c.Summary, "07700") || strings.Contains(c.Summary, "a@b.org") || strings.Contains(c.Summary, "943 476 5919") {
			t.Errorf("not redacted: %q", c.Summary)
		}
	}
	mustContain(t, lead.get(r.location), "Datix weekly")
	mustContain(t, lead.get(r.location+"&mapping=Datix+weekly"), `value="Datix weekly"`)
}

func TestCaseIndicatorsPage(t *testing.T) {
	e := newCaseEnv(t)
	c := e.newCase(t, "V-1", "Visiting cut short")
	e.newCase(t, "F-1", "Food left cold")
	if _, err := e.svc.Cases.ReviewCase(e.ctxA(), c.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed", "A3": "rejected"}}); err != nil {
		t.Fatal(err)
	}
	lead := e.client().signIn("leadA")
	r := lead.get("/cases/indicators")
	mustContain(t, r, "1 of 2 (50%)", "<svg", "Mar 2026", "Willow Ward", `<caption class="govuk-table__caption govuk-table__caption--s">Most engaged rights</caption>`)
	csv := lead.get("/cases/indicators?format=csv&type=complaint")
	if !strings.Contains(csv.header.Get("Content-Type"), "text/csv") || !strings.Contains(csv.body, "right_month,A8,2026-03,1") ||
		!strings.Contains(csv.body, "cases,,,2") {
		t.Fatalf("csv: %s", csv.body)
	}
	mustContain(t, lead.get("/cases/indicators?type=pals"), "0 of 0 (0%)")
	mustContain(t, lead.get("/cases/indicators?from=2026-04&to=2026-12"), "0 of 0 (0%)")
	mustContain(t, lead.get("/cases/indicators?from=2026-03&to=2026-03"), "1 of 2 (50%)")
}

func TestCasePagesInWelsh(t *testing.T) {
	e := newCaseEnv(t)
	c := e.newCase(t, "V-1", "Visiting cut short")
	lead := e.client().signIn("leadA")
	for path, want := range map[string]string{
		"/cases":                       "Achosion",
		"/cases/new":                   "Cofnodi achos",
		fmt.Sprintf("/cases/%d", c.ID): "Drwy lens hawliau",
		"/cases/import":                "Mewnforio achosion",
		"/cases/indicators":            "Dangosyddion achosion",
	} {
		r := lead.get(path, "Accept-Language", "cy")
		if r.status != http.StatusOK || !strings.Contains(r.body, want) {
			t.Errorf("%s in Welsh: %d, lacks %q", path, r.status, want)
		}
	}
	// Dates and months speak Welsh too.
	mustContain(t, lead.get(fmt.Sprintf("/cases/%d", c.ID), "Accept-Language", "cy"), "4 Maw 2026")
}
