package caseimport

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A Datix export names wards, types and harm its own way: each value is
// matched once, the match is kept in the mapping, and the file then reads.
func TestValueMatching(t *testing.T) {
	units := []*lightbulb.Unit{{ID: 7, Name: "Willow Ward (older adults)"}, {ID: 8, Name: "Ash Ward"}, {ID: 9, Name: "Ash Ward annexe"}}
	file := "Datix ID,Record type,Date,Location,Description,Severity\n" +
		"D1,Complaint,27/03/2026,Willow Ward,Visits stopped,\n" +
		"D2,Concern raised,27/03/2026,willow  ward,Meals late,\n" +
		"D3,Incident,27/03/2026,ASH WARD,Fell,Minor harm\n" +
		"D4,Incident,27/03/2026,Willow Ward,Fell again,Minor harm\n"
	opt := Options{Mapping: Guess(strings.Split(strings.SplitN(file, "\n", 2)[0], ",")), Services: ServiceIndex(units)}
	vals, more, err := Unmatched(strings.NewReader(file), opt)
	if err != nil {
		t.Fatal(err)
	}
	// Ash Ward matches by name, whatever its case; the rest are listed once.
	want := map[string][]string{"service": {"Willow Ward"}, "type": {"Concern raised"}, "harm": {"Minor harm"}}
	for f, w := range want {
		if !slices.Equal(vals[f], w) {
			t.Errorf("unmatched %s = %q, want %q", f, vals[f], w)
		}
	}
	if len(more) != 0 {
		t.Errorf("more = %v", more)
	}
	rep, err := Read(strings.NewReader(file), opt, func(*lightbulb.Case) error { return nil })
	if err != nil || rep.ErrorCount != 6 || !strings.Contains(rep.Errors[0].Message, "match it to one") {
		t.Fatalf("before matching: %d errors %+v, %v", rep.ErrorCount, rep.Errors, err)
	}
	if got := SuggestService("Willow Ward", units); got != 7 {
		t.Errorf("suggested %d for Willow Ward, want 7", got)
	}
	if got := SuggestService("Ash", units); got != 0 {
		t.Errorf("suggested %d for Ash, which starts two names", got)
	}

	opt.Mapping.SetValue("service", "Willow Ward", "7")
	opt.Mapping.SetValue("type", "Concern raised", "pals")
	opt.Mapping.SetValue("harm", "Minor harm", "low")
	var got []string
	rep, err = Read(strings.NewReader(file), opt, func(c *lightbulb.Case) error {
		got = append(got, fmt.Sprintf("%s %s %d %s", c.SourceRef, c.Type, c.ServiceID, c.Harm))
		return nil
	})
	if err != nil || rep.ErrorCount != 0 {
		t.Fatalf("after matching: %+v, %v", rep.Errors, err)
	}
	if w := []string{"D1 complaint 7 ", "D2 pals 7 ", "D3 incident 8 low", "D4 incident 7 low"}; !slices.Equal(got, w) {
		t.Fatalf("cases %q, want %q", got, w)
	}

	// A match to a unit that is not the organisation's is an error, not a
	// case filed elsewhere; an empty match is forgotten.
	opt.Mapping.SetValue("service", "Willow Ward", "99")
	rep, _ = Read(strings.NewReader(file), opt, func(*lightbulb.Case) error { return nil })
	if rep.ErrorCount != 3 || !strings.Contains(rep.Errors[0].Message, "no longer on your list") {
		t.Fatalf("a match to another unit: %+v", rep.Errors)
	}
	opt.Mapping.SetValue("service", "Willow Ward", "")
	if _, ok := opt.Mapping.Value("service", "willow ward"); ok {
		t.Fatal("an empty match is kept")
	}
}
