package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A visitor's booking asks, optionally, for access needs and organisation;
// a mistake keeps them, and the trainer's register shows them.
func TestPublicBookingAsksAccessNeeds(t *testing.T) {
	te := newTrainEnv(t, nil)
	v := te.client()
	page := fmt.Sprintf("/training/sessions/%d", te.open.ID)
	mustContain(t, v.get(page), "Access needs (optional)", "Organisation you work for (optional)", "deleted 30 days after the session")
	form := url.Values{"name": {"Dana Rees"}, "email": {"dana@"}, "organisation": {"Harbour Hospice"}, "access_needs": {"Captions, please"}}
	r := v.post(page+"/book", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad address: %d", r.status)
	}
	mustContain(t, r, `value="Harbour Hospice"`, "Captions, please")
	form.Set("email", "dana@example.org")
	if r = v.post(page+"/book", form); r.status != http.StatusSeeOther {
		t.Fatalf("booking: %d %s", r.status, text(r.body))
	}
	tr := te.client().signIn("trainer")
	mustContain(t, tr.get(fmt.Sprintf("/training/manage/sessions/%d", te.open.ID)), "Harbour Hospice", "Access needs", "Captions, please")
	// Once confirmed, the place counts towards the charity's reach.
	reg, _ := te.tr.Register(te.pctx, te.open.ID)
	_, err := te.tr.ConfirmBooking(te.pctx, reg[0].Token)
	must(t, err)
	mustContain(t, tr.get("/training/manage"), "Who open sessions reach", "Harbour Hospice")
	form.Set("access_needs", strings.Repeat("x", 1001))
	form.Set("email", "other@example.org")
	mustContain(t, v.post(page+"/book", form), "Describe your access needs in 1,000 characters or fewer")
}
