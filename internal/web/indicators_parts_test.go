package web_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// TestCasesByRightPage: the cases-by-right indicator's page counts each
// right confirmed, named from the library, in English and Welsh; B's lead
// sees none of A's.
func TestCasesByRightPage(t *testing.T) {
	e := newIndicatorEnv(t)
	c := &lightbulb.Case{Type: lightbulb.CaseIncident, SourceRef: "A-3", Received: e.month + "-12", ServiceID: e.wardA.ID, Summary: "Door locked for everyone", Harm: "none"}
	if err := e.svc.Cases.CreateCase(e.ctxA(), c); err != nil {
		t.Fatal(err)
	}
	rv := lightbulb.CaseReview{Verdicts: map[string]string{}, Added: []string{"A8"}}
	for _, r := range c.Rights {
		rv.Verdicts[r.Code] = "rejected"
	}
	if _, err := e.svc.Cases.ReviewCase(e.ctxA(), c.ID, rv); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Indicators.RecomputeIndicators(e.ctxA(), e.month, "Lead A"); err != nil {
		t.Fatal(err)
	}
	lead := e.client().signIn("leadA")
	r := lead.get("/indicators/cases.by_right")
	if r.status != 200 || !strings.Contains(r.body, "By right") || !strings.Contains(r.body, "A8: ") || !strings.Contains(r.body, "Neither higher nor lower is better") {
		t.Errorf("the by-right page: %d", r.status)
	}
	if r := e.client().signIn("leadB").get("/indicators/cases.by_right"); strings.Contains(r.body, "A8: ") {
		t.Errorf("B's lead sees A's rights")
	}
	lead.get("/language/cy?next=/indicators")
	if r := lead.get("/indicators/cases.by_right"); !strings.Contains(r.body, "Fesul hawl") {
		t.Errorf("the Welsh by-right page is not in Welsh")
	}
}

// TestGreenByThemePage: the Traffic Light indicator's page lists each
// theme; on a Welsh page a theme keeps its English name, marked lang="en".
func TestGreenByThemePage(t *testing.T) {
	e := newIndicatorEnv(t)
	seedFramework(t, e.env)
	rs := sqldb.NewReviewService(e.db)
	ctx := lightbulb.WithActor(lightbulb.WithOrg(context.Background(), e.orgA.ID), &lightbulb.Actor{UserID: e.users["leadA"].ID, Name: "Lead A"})
	rv := &lightbulb.Review{WholeOrg: true, PeriodStart: lightbulb.Now().AddDate(0, -2, 0), PeriodEnd: lightbulb.Now().AddDate(0, -1, 0)}
	if err := rs.CreateReview(ctx, rv); err != nil {
		t.Fatal(err)
	}
	var rated []lightbulb.Rated
	for _, s := range content.Framework() {
		rated = append(rated, lightbulb.Rated{Code: s.Code, Rating: lightbulb.Green})
	}
	if err := rs.SaveFinals(ctx, rv.ID, rated); err != nil {
		t.Fatal(err)
	}
	if err := rs.SubmitReview(ctx, rv.ID); err != nil {
		t.Fatal(err)
	}
	start, _ := lightbulb.ParseMonth(e.month)
	if _, err := e.db.Writer().Exec(`UPDATE reviews SET submitted_at = $1 WHERE id = $2`, start.AddDate(0, 0, 14), rv.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Indicators.RecomputeIndicators(e.ctxA(), e.month, "Lead A"); err != nil {
		t.Fatal(err)
	}
	theme := content.Framework()[0].Theme
	lead := e.client().signIn("leadA")
	if r := lead.get("/indicators/reviews.green"); !strings.Contains(r.body, "By theme") || !strings.Contains(r.body, theme) {
		t.Errorf("the page lacks the themes")
	}
	lead.get("/language/cy?next=/indicators")
	if r := lead.get("/indicators/reviews.green"); !strings.Contains(r.body, "Fesul thema") || !strings.Contains(r.body, `lang="en">`+theme) {
		t.Errorf("the Welsh page does not mark the English theme names")
	}
}
