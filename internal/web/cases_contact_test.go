package web_test

import (
	"net/http"
	"net/url"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A case typed by hand with an NHS number or a phone number in it is
// refused with a message naming the question, keeping what was typed; the
// review's notes are held to the same rule. Nothing is stored.
func TestCaseRefusesContactDetails(t *testing.T) {
	e := newCaseEnv(t)
	c := e.client().signIn("staffA")
	for summary, want := range map[string]string{
		"Fell at night. NHS number 943 476 5919.":  "Remove the NHS number from the summary",
		"Her son rang from 07700 900123, worried.": "Remove the phone number from the summary",
	} {
		r := c.post("/cases", caseForm("INC-1", summary, e.wardA.ID))
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("%q: %d", summary, r.status)
		}
		mustContain(t, r, "There is a problem", `href="#summary"`, want, summary)
	}
	r := c.post("/cases", caseForm("INC-1", "Fell at night", e.wardA.ID))
	if r.status != http.StatusSeeOther {
		t.Fatalf("a clean case: %d", r.status)
	}
	r = c.post(r.location+"/review", url.Values{"notes": {"Call the ward on 0161 496 0000"}})
	mustContain(t, r, "Remove the phone number from the notes", "0161 496 0000")
	p, err := e.svc.Cases.FindCases(e.ctxA(), lightbulb.CaseFilter{})
	if err != nil || len(p.Cases) != 1 {
		t.Fatalf("cases stored: %d, %v", len(p.Cases), err)
	}
	if got, _ := e.svc.Cases.FindCase(e.ctxA(), p.Cases[0].ID); got.Notes != "" || got.Reviewed {
		t.Fatalf("the refused review was stored: %+v", got)
	}
}
