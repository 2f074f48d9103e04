package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A lead records an expert's DBS check (a mistake first, nothing lost),
// sees it on the checks page and beside the expert's name when inviting;
// the expert sees it on their own page; the payment target and renewal
// window are the organisation's own.
func TestCoprodChecksPage(t *testing.T) {
	e := coprodEnv(t)
	lead, expert := e.client().signIn("coprod"), e.client().signIn("expertA")
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}})
	soon := time.Now().AddDate(0, 0, 10)
	form := url.Values{"expert": {itoa(e.users["expertA"].ID)}, "kind": {"dbs"},
		"checked_on-day": {"1"}, "checked_on-month": {"13"}, "checked_on-year": {"2024"},
		"expires_on-day": {itoa(int64(soon.Day()))}, "expires_on-month": {itoa(int64(soon.Month()))}, "expires_on-year": {itoa(int64(soon.Year()))}}
	r := lead.post("/coproduction/checks", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a check with a bad date: %d", r.status)
	}
	mustContain(t, r, "There is a problem", `href="#checked_on"`, "Done on: enter a real date", `value="dbs" checked`,
		`value="`+itoa(int64(soon.Day()))+`"`)
	form.Set("checked_on-month", "12")
	if r := lead.post("/coproduction/checks", form); r.status != http.StatusSeeOther {
		t.Fatalf("record a check: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction/checks"), "Esther", "Ends soon", "DBS check")
	mustContain(t, lead.get("/coproduction/involvements/new"), "DBS check: Ends soon", "Does taking part need a check?")
	mustContain(t, expert.get("/coproduction/me"), "Your checks", "DBS check", "Ends soon")
	lead.get("/language/cy?next=/coproduction/checks")
	mustContain(t, lead.get("/coproduction/checks"), "Gwiriadau arbenigwyr", "Yn dod i ben yn fuan")
	lead.get("/language/en?next=/coproduction")

	// An involvement in a month's time needs a DBS check: Esther's has
	// ended by then but is inside the 30-day renewal window.
	postInvolvementWith(t, e, lead, url.Values{"needs_check": {"dbs"}})
	r = lead.post("/coproduction/settings", url.Values{"second_above": {""}, "pay_target": {"30"}, "renewal_days": {"0"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("settings: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction/rates"), `value="30"`, `value="0"`)
	r = lead.post("/coproduction/settings", url.Values{"pay_target": {"0"}, "renewal_days": {""}})
	mustContain(t, r, "There is a problem", "Payment target: enter a whole number from 1 to 120", "Enter a renewal window from 0 to 180 days")
	// With no renewal window, Esther's check has lapsed on the day.
	r = postInvolvementForm(e, lead, url.Values{"needs_check": {"dbs"}})
	mustContain(t, r, "There is a problem", `href="#experts"`, "Someone you chose has no check in date", `value="dbs" checked`)
	st, _ := e.svc.Coprod.Settings(lightbulb.WithOrg(context.Background(), e.orgA.ID))
	if st.PayTargetDays != 30 || st.RenewalDays != 0 {
		t.Fatalf("settings kept: %+v", st)
	}
}

// Rates by the half day or day: a rate without its unit is refused with
// the answers kept; one with it is listed with its unit.
func TestCoprodRateUnits(t *testing.T) {
	e := coprodEnv(t)
	lead := e.client().signIn("coprod")
	r := lead.post("/coproduction/rates", url.Values{"level": {"chairing"}, "pence": {"150"}, "starts_on-day": {"1"}, "starts_on-month": {"4"}, "starts_on-year": {"2026"}})
	mustContain(t, r, "There is a problem", `href="#unit"`, "Choose whether the rate is for an hour, a half day or a day", `value="150"`, `value="chairing" checked`)
	r = lead.post("/coproduction/rates", url.Values{"level": {"chairing"}, "unit": {"day"}, "pence": {"150"}, "starts_on-day": {"1"}, "starts_on-month": {"4"}, "starts_on-year": {"2026"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("a day rate: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get("/coproduction/rates"), "£150.00", "A day (half for up to 4 hours)", "£20.00", "An hour")
	mustContain(t, lead.get("/coproduction/claims.csv?from=2020-01-01&to=2100-01-01"), "Rate for")
}
