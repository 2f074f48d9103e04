package lightbulb

import (
	"strings"
	"testing"
	"time"
)

func TestFigureRoundTrip(t *testing.T) {
	f := Figure{Subject: "Ward 7, older people", Green: 12, Amber: 11, Red: 1}
	if got := ParseFigure(f.String()); got != f {
		t.Fatalf("round trip: %+v", got)
	}
	if got := ParseFigure("Ward 1: 3 green"); got.Subject != "Ward 1: 3 green" || got.Green != 0 {
		t.Fatalf("text in another form: %+v", got)
	}
	if (Figure{}).String() != "" {
		t.Fatal("no figure is stored as text")
	}
}

func TestContractAndRequirementRules(t *testing.T) {
	start, _ := MakeDate(2027, 4, 1)
	c := &Contract{Title: " ", ProviderName: "", ValuePence: -1, StartsOn: start, EndsOn: start}
	err := c.Validate()
	for _, want := range []string{"Enter the contract's name", "Choose the provider", "Enter the contract's value", "The contract must end after it starts"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("contract: %v, want %q", err, want)
		}
	}
	r := &Requirement{Text: "Keep a register", Rights: []string{"A8"}, Principles: []string{"Dignity"}, Evidence: "The register"}
	if err := r.Validate([]string{"A8"}); err != nil {
		t.Fatalf("a good requirement: %v", err)
	}
	r.Measure = "Share reviewed"
	if err := r.Validate([]string{"A8"}); err == nil || !strings.Contains(err.Error(), "how often") || !strings.Contains(err.Error(), "target") {
		t.Fatalf("a measure without frequency or target: %v", err)
	}
	if got := SplitTags("SC32, CQC: Safeguarding\nSC32;EDS 2022"); strings.Join(got, "|") != "SC32|CQC: Safeguarding|EDS 2022" {
		t.Fatalf("tags: %q", got)
	}
}

func TestContractOverdue(t *testing.T) {
	due, _ := MakeDate(2026, 6, 30)
	today, _ := MakeDate(2026, 7, 1)
	c := &Contract{Requirements: []*ContractRequirement{{ID: 1, DueOn: due}, {ID: 2, DueOn: due, Latest: &Answer{}}, {ID: 3, DueOn: today}}}
	if n := c.Overdue(today); n != 1 {
		t.Fatalf("overdue: %d, want 1 (answered and not yet due do not count)", n)
	}
	if c.LatestReport() != nil {
		t.Fatal("a contract without reports has a latest report")
	}
}

// TestTrendAndEvidenceAge: a requirement's ratings over the last returns
// come oldest first, and evidence is as old as the older of the answer and
// the review attached to it.
func TestTrendAndEvidenceAge(t *testing.T) {
	cr := &ContractRequirement{ID: 7}
	day := func(d int) time.Time { return time.Date(2026, 6, d, 10, 0, 0, 0, London) }
	c := &Contract{Returns: []*Return{ // newest first
		{Answers: []*Answer{{ContractRequirementID: 7, Rating: Green}}},
		{Answers: []*Answer{{ContractRequirementID: 8, Rating: Red}}},
		{Answers: []*Answer{{ContractRequirementID: 7, Rating: Amber}}},
		{Answers: []*Answer{{ContractRequirementID: 7, Rating: Red}}},
	}}
	if got := c.Trend(cr, 2); len(got) != 2 || got[0] != Amber || got[1] != Green {
		t.Fatalf("trend of two: %v", got)
	}
	if got := c.Trend(cr, 4); len(got) != 3 || got[0] != Red {
		t.Fatalf("trend of four: %v", got)
	}
	a := &Answer{SubmittedAt: day(20)}
	if n := a.EvidenceDays(Date{2026, 6, 30}); n != 10 {
		t.Fatalf("evidence age %d, want 10", n)
	}
	a.FigureAt = day(10)
	if n := a.EvidenceDays(Date{2026, 6, 30}); n != 20 {
		t.Fatalf("evidence age with an older review %d, want 20", n)
	}
}
