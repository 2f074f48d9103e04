package lightbulb

import (
	"testing"
	"time"
)

var testCats = map[string]Category{"A3": Absolute, "A5": Limited, "A8": Qualified, "A14": NonDiscrimination}

func fullA8() Reasoning {
	return Reasoning{Date: "2026-03-01", Proposal: "Limit visits", Reason: "Tired", Scope: ScopePerson, PersonRef: "B-1",
		Involved: "yes", OwnWords: "I want visits", Rights: []string{"A8"},
		Tests: []RightTest{{Code: "A8", Restricts: "yes", LegalBasis: "Care Act 2014", Aim: "health_morals",
			Necessary: "n", LessRestrictive: "l", Proportionate: "p"}},
		Outcome: "Two hours", DecidedBy: "Manager", ReviewDate: "2026-04-01"}
}

func TestMissing(t *testing.T) {
	today := "2026-03-02"
	tests := []struct {
		name string
		edit func(*Reasoning)
		want []string // fields with a gap
	}{
		{"complete qualified restriction", func(*Reasoning) {}, nil},
		{"blank", func(r *Reasoning) { *r = Reasoning{} }, []string{"date", "proposal", "reason", "scope", "involved", "rights", "outcome", "decided_by"}},
		{"qualified test unanswered", func(r *Reasoning) { r.Tests[0] = RightTest{Code: "A8", Restricts: "yes", Aim: "convenience"} },
			[]string{"legal_basis-A8", "aim-A8", "necessary-A8", "less_restrictive-A8", "proportionate-A8"}},
		{"restriction not stated", func(r *Reasoning) { r.Tests = nil }, []string{"restricts-A8"}},
		{"engaged, not restricted: no review date needed", func(r *Reasoning) { r.Tests[0] = RightTest{Code: "A8", Restricts: "no"}; r.ReviewDate = "" }, nil},
		{"restriction without a review date", func(r *Reasoning) { r.ReviewDate = "" }, []string{"review_date"}},
		{"review date passed", func(r *Reasoning) { r.ReviewDate = "2026-03-01" }, []string{"review_date"}},
		{"absolute right restricted", func(r *Reasoning) {
			r.Rights = append(r.Rights, "A3")
			r.Tests = append(r.Tests, RightTest{Code: "A3", Restricts: "yes", Necessary: "short of staff"})
		}, []string{"restricts-A3"}},
		{"limited right needs its permitted case, necessity and proportionality", func(r *Reasoning) {
			r.Rights = []string{"A5"}
			r.Tests = []RightTest{{Code: "A5", Restricts: "yes"}}
		}, []string{"permitted_case-A5", "legal_basis-A5", "necessary-A5", "less_restrictive-A5", "proportionate-A5"}},
		{"limited right restriction complete", func(r *Reasoning) {
			r.Rights = []string{"A5"}
			r.Tests = []RightTest{{Code: "A5", Restricts: "yes", PermittedCase: "5(1)(e)", LegalBasis: "MHA 1983 s3",
				Necessary: "n", LessRestrictive: "l", Proportionate: "p"}}
		}, nil},
		{"discrimination alone", func(r *Reasoning) {
			r.Rights = []string{"A14"}
			r.Tests = []RightTest{{Code: "A14", Restricts: "no"}}
		}, []string{"rights"}},
		{"blanket rule must say why", func(r *Reasoning) { r.Scope = ScopeEveryone }, []string{"blanket_why"}},
		{"not involved must say why", func(r *Reasoning) { r.Involved = "no" }, []string{"why_not"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fullA8()
			tt.edit(&r)
			gaps := r.Missing(testCats, today)
			var got []string
			for _, g := range gaps {
				got = append(got, g.Field)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("gaps %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("gaps %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestSummariseDecisions(t *testing.T) {
	today := "2026-03-10"
	mk := func(status Status, svc string, complete bool, edit func(*Reasoning)) *Decision {
		r := fullA8()
		if edit != nil {
			edit(&r)
		}
		return &Decision{Status: status, ServiceName: svc, Complete: complete, Reasoning: r,
			CreatedAt: time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)}
	}
	ds := []*Decision{
		mk(StatusInForce, "Ward 1", true, nil),
		mk(StatusInForce, "Ward 2", true, func(r *Reasoning) { r.Scope = ScopeEveryone; r.ReviewDate = "2026-03-01" }),
		mk(StatusInForce, "Ward 2", true, func(r *Reasoning) { r.Tests[0].Restricts = "no" }),
		mk(StatusDraft, "Ward 1", false, nil),
		mk(StatusDraft, "Ward 1", false, nil),
		mk(StatusEnded, "Ward 1", true, func(r *Reasoning) { r.ReviewDate = "2026-01-01" }),
	}
	// A draft reopened for change at a review is still acting on people;
	// the other draft was never decided and is not counted.
	ds[3].Version = 1
	in := SummariseDecisions(ds, today)
	if in.InForce != 3 || in.Restrictions != 2 || in.Blanket != 1 || in.Overdue != 1 || in.Open != 4 || in.Complete != 3 || in.CompletePercent() != 75 {
		t.Fatalf("indicators = %+v", in)
	}
	if len(in.ByRight) != 1 || in.ByRight[0] != (Count{"A8", "A8", 2}) {
		t.Fatalf("by right = %+v", in.ByRight)
	}
	if len(in.ByService) != 2 || in.ByService[0].Key != "Ward 1" || in.ByService[1].N != 1 {
		t.Fatalf("by service = %+v", in.ByService)
	}
	if len(in.ByMonth) != 1 || in.ByMonth[0].N != 6 {
		t.Fatalf("by month = %+v", in.ByMonth)
	}
	if (&Indicators{}).CompletePercent() != 0 {
		t.Fatal("no open decisions should give 0%")
	}
}

func TestDates(t *testing.T) {
	if got := AddDays("2026-02-27", 2); got != "2026-03-01" {
		t.Errorf("AddDays = %s", got)
	}
	// 23:30 UTC on 30 June is already 1 July in London (summer time).
	if got := Today(time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)); got != "2026-07-01" {
		t.Errorf("Today = %s", got)
	}
}
