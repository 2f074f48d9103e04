package lightbulb

import (
	"strings"
	"testing"
)

func TestCaseValidate(t *testing.T) {
	ok := func() Case {
		return Case{Type: CaseIncident, SourceRef: " IN-1 ", Received: "2026-03-27", ServiceID: 3, Summary: "Fell at night", Harm: "low"}
	}
	c := ok()
	if err := c.Validate(); err != nil || c.SourceRef != "IN-1" || c.Status != "open" {
		t.Fatalf("a good case: %v %+v", err, c)
	}
	cases := map[string]func(c *Case){
		"Select the type of case":                    func(c *Case) { c.Type = "feedback" },
		"Enter the reference":                        func(c *Case) { c.SourceRef = " " },
		"Enter the date the case was received":       func(c *Case) { c.Received = "2026-02-31" },
		"Select the ward, team or home":              func(c *Case) { c.ServiceID = 0 },
		"Enter a summary":                            func(c *Case) { c.Summary = "" },
		"Remove the name from the summary":           func(c *Case) { c.Summary = "Mr. Jones fell" },
		"Select the level of harm":                   func(c *Case) { c.Harm = "awful" },
		"Enter a reference, not the person’s name":   func(c *Case) { c.PersonRef = "John Smith" },
		"The reference must be 64 characters or few": func(c *Case) { c.SourceRef = strings.Repeat("x", 65) },
		"Remove the NHS number from the summary":     func(c *Case) { c.Summary = "Fell at night, NHS 943 476 5919" },
		"Remove the phone number from the summary":   func(c *Case) { c.Summary = "Daughter rang from 07700 900123" },
		"Remove the email address from the summary":  func(c *Case) { c.Summary = "Wrote from jo@example.org" },
		"Enter a reference, not the person’s NHS":    func(c *Case) { c.PersonRef = "9434765919" },
	}
	for want, change := range cases {
		c := ok()
		change(&c)
		if err := c.Validate(); err == nil || !caseHas(err, want) {
			t.Errorf("%s: got %v", want, err)
		}
	}
	c = ok()
	c.Type, c.Harm, c.PersonRef = CaseComplaint, "low", "Bed 12-B"
	if err := c.Validate(); err != nil || c.Harm != "" {
		t.Errorf("a complaint keeps no harm and accepts a bed reference: %v %+v", err, c)
	}
}

func caseHas(err error, msg string) bool {
	v, ok := err.(*ValidationErrors)
	if !ok {
		return false
	}
	for _, e := range v.List {
		if strings.HasPrefix(e.Message, msg) {
			return true
		}
	}
	return false
}
