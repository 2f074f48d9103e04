package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
)

var pdfPages = regexp.MustCompile(`/Type\s*/Page[^s]`)

func TestActionPlan(t *testing.T) {
	text := PlanText{Title: "Action plan: Ward 7", Subtitle: "Review period 1 Apr 2026 – 30 Sep 2026",
		Headings: [5]string{"Statement", "Action", "Owner", "Due", "Status"}, Overdue: "Overdue", Empty: "There are no actions yet.",
		Lang: "en-GB", Created: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)}
	long := strings.Repeat("Talk to every family about visiting, write down what they say and change the rota. ", 4)
	tests := []struct {
		name    string
		actions []PlanAction
		pages   int
	}{
		{"no actions", nil, 1},
		{"one overdue action in Welsh letters", []PlanAction{{Statement: "DC3 Mae pobl yn cadw cysylltiad", Rating: "Coch",
			Description: "Ŵyr a ŷd", Owner: "Siân", Due: "1 Mar 2026", Status: "Heb ddechrau", Overdue: true}}, 1},
		{"many long actions run onto more pages", func() []PlanAction {
			var as []PlanAction
			for range 40 {
				as = append(as, PlanAction{Statement: "KR1 Staff can say which rights", Rating: "Red", Description: long,
					Owner: "Niamh Kelly", Due: "1 Mar 2027", Status: "Not started"})
			}
			return as
		}(), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := ActionPlan(&a, text, tt.actions); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(a.Bytes(), []byte("%PDF-")) {
				t.Fatalf("not a PDF: %.20q", a.Bytes())
			}
			if n := len(pdfPages.FindAll(a.Bytes(), -1)); n < tt.pages {
				t.Errorf("%d pages, want at least %d", n, tt.pages)
			}
			if err := ActionPlan(&b, text, tt.actions); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("the same plan gave different bytes (%v)", err)
			}
		})
	}
}
