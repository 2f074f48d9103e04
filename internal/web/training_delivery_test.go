package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The trainer and trust A's administrator read the cohort's delivery report
// as a page, a CSV file and a PDF, in English and Welsh; nobody else can.
func TestDeliveryReport(t *testing.T) {
	te := newTrainEnv(t, nil)
	_, err := te.tr.AddMembers(te.pctx, te.cohort.ID, []lightbulb.CohortMember{{Email: "staffa@example.org", Name: "Nia"},
		{Email: "waiting.member@example.org", Name: "Wyn"}}, 0)
	must(t, err)
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	setNow(t, te.cohortS.EndsAt.Add(time.Hour))
	must(t, te.tr.MarkAttendance(te.pctx, te.cohortS.ID, map[int64]string{b.ID: lightbulb.Attended}, ""))
	base := fmt.Sprintf("/training/cohorts/%d/report", te.cohort.ID)

	tr := te.client().signIn("trainer")
	mustContain(t, tr.get(fmt.Sprintf("/training/manage/cohorts/%d", te.cohort.ID)), base)
	r := tr.get(base)
	mustContain(t, r, "Delivery report", "Workshops delivered", "1: Rights at the bedside", "100%", "Wyn", "waiting.member@example.org", "1, 2")
	r = tr.get(base + ".csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "Part,Workshops delivered,Workshops planned,Places,Booked,Attended") ||
		!strings.Contains(r.body, "Wyn,waiting.member@example.org,\"1, 2\"") || !strings.Contains(r.body, "Nia,staffa@example.org,2\n") {
		t.Fatalf("CSV: %d\n%s", r.status, r.body)
	}
	r = tr.get(base+".csv", "Accept-Language", "cy")
	if !strings.HasPrefix(r.body, "Rhan,Gweithdai a gyflwynwyd") {
		t.Fatalf("Welsh CSV:\n%s", r.body)
	}
	if r = tr.get(base + ".pdf"); r.status != http.StatusOK || !strings.HasPrefix(r.body, "%PDF") {
		t.Fatalf("PDF: %d", r.status)
	}
	mustContain(t, te.client().signIn("adminA").get(base), "Delivery report", "Wyn")
	mustContain(t, te.client().signIn("adminA").get("/training/cohorts"), base)

	routes := []route{{"GET", base, nil}, {"GET", base + ".csv", nil}, {"GET", base + ".pdf", nil}}
	expectRoutes(t, "visitor", te.client(), routes, http.StatusSeeOther)
	for _, key := range []string{"staffA", "staffB", "adminB", "platform"} {
		expectRoutes(t, key, te.client().signIn(key), routes, http.StatusNotFound, "waiting.member@example.org")
	}
	entries, _, _ := te.svc.Audit.FindAudit(te.pctx, lightbulb.AuditFilter{Action: "training.delivery.export"})
	if len(entries) != 3 {
		t.Fatalf("%d exports audited, want 3", len(entries))
	}
}
