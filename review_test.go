package lightbulb

import (
	"testing"
	"time"
)

func testFramework() *Framework {
	return &Framework{Statements: []*Statement{
		{Code: "K1", Theme: "Knowing"}, {Code: "K2", Theme: "Knowing"}, {Code: "D1", Theme: "Dignity"},
		{Code: "D2", Theme: "Dignity"}, {Code: "D3", Theme: "Dignity"},
	}}
}

func TestThemesAndSummarise(t *testing.T) {
	f := testFramework()
	if th := f.Themes(); len(th) != 2 || th[0].Name != "Knowing" || len(th[1].Statements) != 3 {
		t.Fatalf("themes = %+v", th)
	}
	got := Summarise(f, map[string]Rated{"K1": {Rating: Green}, "K2": {Rating: Red}, "D1": {Rating: Amber}, "D2": {Rating: NotApplicable}})
	want := []ThemeCount{{Theme: "Knowing", Green: 1, Red: 1}, {Theme: "Dignity", Amber: 1, NA: 1, Unrated: 1}}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("theme %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got[1].Total() != 3 {
		t.Errorf("total = %d, want 3", got[1].Total())
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		before, after Rating
		want          string
	}{
		{Red, Amber, "improved"}, {Amber, Green, "improved"}, {Red, Green, "improved"},
		{Green, Amber, "worse"}, {Amber, Red, "worse"}, {Green, Green, "same"},
		{"", Green, "new"}, {NotApplicable, Green, "new"}, {Green, NotApplicable, "new"}, {NotApplicable, NotApplicable, "same"},
	}
	f := &Framework{Statements: []*Statement{{Code: "X"}}}
	for _, tt := range tests {
		c := Compare(f, map[string]Rated{"X": {Rating: tt.after}}, map[string]Rated{"X": {Rating: tt.before}})
		if c[0].Direction != tt.want {
			t.Errorf("%q → %q: %s, want %s", tt.before, tt.after, c[0].Direction, tt.want)
		}
	}
}

func TestValidateRatings(t *testing.T) {
	tests := []struct {
		name  string
		in    []Rated
		field string
	}{
		{"empty is a draft", []Rated{{Code: "K1"}}, ""},
		{"green without evidence", []Rated{{Code: "K1", Rating: Green}}, ""},
		{"not applicable", []Rated{{Code: "K1", Rating: NotApplicable}}, ""},
		{"red without evidence", []Rated{{Code: "K1", Rating: Red, Evidence: "  "}}, "evidence-K1"},
		{"amber without evidence", []Rated{{Code: "K2", Rating: Amber}}, "evidence-K2"},
		{"unknown rating", []Rated{{Code: "K1", Rating: "purple"}}, "rating-K1"},
		{"red with evidence", []Rated{{Code: "K1", Rating: Red, Evidence: "Seen"}}, ""},
	}
	for _, tt := range tests {
		err := ValidateRatings(tt.in)
		v, _ := err.(*ValidationErrors)
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%s: %v, want no error", tt.name, err)
		case tt.field != "" && (v == nil || v.List[0].Field != tt.field):
			t.Errorf("%s: %v, want an error on %s", tt.name, err, tt.field)
		}
	}
}

func TestActionRules(t *testing.T) {
	now := time.Date(2026, 6, 15, 14, 0, 0, 0, time.UTC)
	tests := []struct {
		due    time.Time
		status ActionStatus
		want   bool
	}{
		{time.Date(2026, 6, 14, 0, 0, 0, 0, time.UTC), ActionOpen, true},
		{time.Date(2026, 6, 14, 0, 0, 0, 0, time.UTC), ActionDone, false},
		{time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), ActionInProgress, false},
		{time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), ActionOpen, false},
	}
	for _, tt := range tests {
		a := &Action{Due: tt.due, Status: tt.status}
		if got := a.Overdue(now); got != tt.want {
			t.Errorf("due %s, %s: overdue %v, want %v", tt.due.Format("2 Jan"), tt.status, got, tt.want)
		}
	}
	err := ValidateAction(&Action{Description: " "})
	if v, ok := err.(*ValidationErrors); !ok || len(v.List) != 3 {
		t.Fatalf("empty action: %v, want 3 errors (what, owner, due)", err)
	}
	a := &Action{Description: "Do it", OwnerID: 1, Due: now}
	if err := ValidateAction(a); err != nil || a.Status != ActionOpen {
		t.Fatalf("good action: %v, status %q", err, a.Status)
	}
}

func TestValidateStatement(t *testing.T) {
	s := &Statement{Text: "x", Good: "g", RedMeans: "r", AmberMeans: "a", GreenMeans: "g", Principles: []string{"Dignity", "Legality"}}
	if err := ValidateStatement(s); err != nil {
		t.Fatal(err)
	}
	s.Principles = append(s.Principles, "Speed")
	if err := ValidateStatement(s); err == nil {
		t.Fatal("an unknown principle was accepted")
	}
	if v, ok := ValidateStatement(&Statement{}).(*ValidationErrors); !ok || len(v.List) != 5 {
		t.Fatalf("empty statement: want 5 errors, got %v", v)
	}
}

func TestAgreements(t *testing.T) {
	cs := []Rated{
		{Code: "A", Rating: Red, Evidence: "No leaflets"}, {Code: "A", Rating: Red, Evidence: "No leaflets"},
		{Code: "A", Rating: Red, Evidence: "Nobody told me"},
		{Code: "B", Rating: Green}, {Code: "B", Rating: Amber, Evidence: "Sometimes"},
		{Code: "C", Rating: ""}, {Code: "D", Rating: Green}, {Code: "D"},
	}
	got := Agreements(cs)
	want := map[string]Agreement{
		"A": {State: AgreeAll, Rating: Red, Evidence: "No leaflets\n\nNobody told me"},
		"B": {State: AgreeDiffer},
		"D": {State: AgreeAll, Rating: Green},
	}
	if len(got) != len(want) {
		t.Fatalf("agreements = %+v", got)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %+v, want %+v", k, got[k], w)
		}
	}
}

func TestLightAndTrend(t *testing.T) {
	for _, c := range []struct {
		now  ThemeCount
		want Rating
	}{
		{ThemeCount{Green: 5, Red: 1}, Red}, {ThemeCount{Green: 5, Amber: 1}, Amber}, {ThemeCount{Green: 2, NA: 3}, Green}, {ThemeCount{NA: 2}, ""},
	} {
		if got := c.now.Light(); got != c.want {
			t.Errorf("%+v: light %q, want %q", c.now, got, c.want)
		}
	}
	for _, c := range []struct {
		now, before ThemeCount
		want        string
	}{
		{ThemeCount{Green: 3}, ThemeCount{Green: 2, Red: 1}, "improved"},
		{ThemeCount{Amber: 2}, ThemeCount{Green: 1, Amber: 1}, "worse"},
		{ThemeCount{Green: 1, Red: 1}, ThemeCount{Amber: 4}, "same"},
		{ThemeCount{Green: 1}, ThemeCount{NA: 3}, "new"},
	} {
		if got := Trend(c.now, c.before); got != c.want {
			t.Errorf("Trend(%+v, %+v) = %q, want %q", c.now, c.before, got, c.want)
		}
	}
}
