package web_test

import (
	"html"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// TestIndicatorPages: the lead reads every indicator with its reading, one
// indicator's chart with its table twin and per-service table, in English
// and Welsh; a period or rule count that makes no sense gets an error
// summary; a recompute and a target are audited.
func TestIndicatorPages(t *testing.T) {
	e := newIndicatorEnv(t)
	lead := e.client().signIn("leadA")
	r := lead.get("/indicators")
	for _, want := range []string{"Complaints and incidents reviewed through the rights lens", "Run chart", "Process limits", "Variation"} {
		if !strings.Contains(r.body, want) && !strings.Contains(r.body, "Common cause variation") {
			t.Errorf("/indicators lacks %q", want)
		}
	}
	r = lead.get("/indicators/cases.reviewed")
	for _, want := range []string{"<svg", "<title id=\"indicator-chart-title\">", "Median", "Special cause", "Willow Ward", "0%", "lb-table-scroll"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("indicator page lacks %q", want)
		}
	}
	for path, msg := range map[string]string{
		"/indicators?from=2026-05&to=2026-01":                            "The last month must be the same as or after the first month",
		"/indicators?from=May&to=2026-01":                                "Enter the first month as a year and month",
		"/indicators?from=2020-01&to=" + e.month:                         "Choose a period of at most 36 months",
		"/indicators/cases.reviewed?shift=2":                             "Points in a row on one side of the centre line",
		"/indicators?from=2026-01&to=" + lightbulb.AddMonths(e.month, 2): "The last month must be a month that has ended",
	} {
		r := lead.get(path)
		if r.status != 422 || !strings.Contains(r.body, "govuk-error-summary") || !strings.Contains(r.body, msg) {
			t.Errorf("%s: %d, want the error %q", path, r.status, msg)
		}
	}
	if r := lead.post("/indicators/recompute", url.Values{"month": {lightbulb.AddMonths(e.month, 1)}}); r.status != 422 || !strings.Contains(r.body, "Choose a month that has ended") {
		t.Errorf("recompute a month not ended: %d", r.status)
	}
	if r := lead.post("/indicators/cases.reviewed/target", url.Values{"target": {"lots"}}); r.status != 422 || !strings.Contains(r.body, "Enter the target as a number") {
		t.Errorf("target in words: %d", r.status)
	}
	lead.post("/indicators/recompute", url.Values{"month": {e.month}})
	lead.post("/indicators/cases.reviewed/target", url.Values{"target": {"75%"}})
	if r := lead.get("/admin/audit"); !strings.Contains(r.body, "Computed a month&#39;s indicators again") || !strings.Contains(r.body, "Changed an indicator&#39;s target") {
		t.Errorf("the audit log lacks the recompute or the target")
	}
	lead.get("/language/cy?next=/indicators")
	r = lead.get("/indicators?format=csv")
	if !strings.HasPrefix(r.body, "Dangosydd,Allwedd,Mis") || !strings.Contains(r.body, "cases.reviewed,"+e.month+",0,2,0,") {
		t.Errorf("Welsh CSV: %.200s", r.body)
	}
	if r := lead.get("/indicators/cases.reviewed"); !strings.Contains(r.body, "Siart rhediad") || !strings.Contains(r.body, "Targed") {
		t.Errorf("the Welsh indicator page is not in Welsh")
	}
}

// Every indicator's words are in Welsh.
func TestIndicatorCatalogueWelsh(t *testing.T) {
	for _, d := range lightbulb.IndicatorCatalogue() {
		for _, s := range []string{d.Name, d.Definition, d.Numerator, d.Denominator, d.Source} {
			if s != "" && !i18n.Has("cy", s) {
				t.Errorf("%s: no Welsh for %q", d.Key, s)
			}
		}
	}
}

// A lead's dashboard shows their few indicators with the same labels;
// staff see their own ward's few.
func TestIndicatorsOnTheDashboard(t *testing.T) {
	e := newIndicatorEnv(t)
	if r := e.client().signIn("leadA").get("/dashboard"); !strings.Contains(r.body, "Your indicators") ||
		!strings.Contains(r.body, "Complaints and incidents reviewed through the rights lens") || !strings.Contains(r.body, "Run chart") && !strings.Contains(r.body, "Common cause variation") {
		t.Errorf("the lead's dashboard lacks their indicators")
	}
	// The readings are kept per process until the indicators change: a new
	// target shows at once (another process is TestFromIndicators… in sqldb).
	if err := e.svc.Indicators.SetIndicatorTarget(e.ctxA(), "cases.reviewed", 73, false, "Lead"); err != nil {
		t.Fatal(err)
	}
	if r := e.client().signIn("leadA").get("/dashboard"); !strings.Contains(r.body, ">73%</td>") {
		t.Errorf("the lead's dashboard does not show the target just set")
	}
	// Staff see none of the organisation's, and nothing before they belong
	// to a ward; then their ward's few, with the same labels, no links to
	// the lead's pages, and none of another ward's.
	staff := e.client().signIn("staffA")
	if r := staff.get("/dashboard"); strings.Contains(r.body, "Your indicators") || strings.Contains(r.body, "Your ward&#39;s indicators") {
		t.Errorf("staff in no ward see indicators on their dashboard")
	}
	wardB := &lightbulb.Unit{Name: "Ward 9"}
	if err := e.svc.Units.CreateUnit(e.ctxA(), wardB); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Units.SetOwnUnits(e.ctxA(), []int64{e.wardA.ID}); err != nil {
		t.Fatal(err)
	}
	r := staff.get("/dashboard")
	for _, want := range []string{"Your ward&#39;s indicators", e.wardA.Name, "Decisions in force with complete reasoning", "Decision reviews overdue",
		"Complaints and incidents reviewed through the rights lens", "0%"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the staff dashboard lacks %q", want)
		}
	}
	if strings.Contains(r.body, "Your indicators") || strings.Contains(r.body, `href="/indicators/`) || strings.Contains(r.body, "Ward 9") {
		t.Errorf("staff see the organisation's indicators, links to the lead's pages, or another ward's")
	}
	if r := staff.welsh().get("/dashboard"); !strings.Contains(r.body, "Dangosyddion eich ward") || !strings.Contains(r.body, html.EscapeString(i18n.T("cy", "Decision reviews overdue"))) {
		t.Errorf("the Welsh staff dashboard lacks their ward's indicators")
	}
	// Co-production's own few, with no links to the lead's pages.
	e.addPerson(t, "coprodA", e.orgA, lightbulb.RoleCoproduction)
	r = e.client().signIn("coprodA").get("/dashboard")
	if !strings.Contains(r.body, "Your indicators") || !strings.Contains(r.body, "Experts paid within target") ||
		strings.Contains(r.body, `href="/indicators/`) || strings.Contains(r.body, "Complaints and incidents reviewed") {
		t.Errorf("co-production's dashboard lacks its indicators, or links to the lead's pages")
	}
}
