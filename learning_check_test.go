package lightbulb_test

import (
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func learnRights(cats map[string]lightbulb.Category) []*lightbulb.Right {
	var out []*lightbulb.Right
	for _, code := range []string{"A2", "A3", "A5", "A8", "A9", "A10", "A14", "P1A2", "P1A3"} {
		c := lightbulb.Qualified
		if x, ok := cats[code]; ok {
			c = x
		}
		out = append(out, &lightbulb.Right{Code: code, Category: c, Text: lightbulb.RightText{Title: "Title of " + code}})
	}
	return out
}

// learnPerfect answers every question correctly, given which rights are absolute.
func learnPerfect(absolute map[string]bool) map[string][]string {
	return map[string][]string{
		"q1": {"A8", "A5", "A10"}, "q2": {"A8"}, "q3": {"A8", "A5"}, "q4": {"A3", "A8"},
		"r1": {yesNo(!absolute["A3"])}, "r2": {yesNo(!absolute["A8"])}, "r3": {yesNo(!absolute["A5"])},
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func TestScoreCheck(t *testing.T) {
	cats := map[string]lightbulb.Category{"A3": lightbulb.Absolute, "A5": lightbulb.Limited}
	qs := lightbulb.BuildCheck(learnRights(cats))
	if len(qs) != 7 {
		t.Fatalf("%d questions, want 7", len(qs))
	}
	perfect := learnPerfect(map[string]bool{"A3": true})
	tests := []struct {
		name    string
		change  map[string][]string
		want    int
		invalid bool
	}{
		{"all right", nil, 7, false},
		{"a distractor ticked", map[string][]string{"q1": {"A8", "A5", "A10", "x_job"}}, 6, false},
		{"a right missed", map[string][]string{"q3": {"A5"}}, 6, false},
		{"absolute called restrictable", map[string][]string{"r1": {"yes"}}, 6, false},
		{"a question left out", map[string][]string{"q2": nil}, 6, true},
	}
	for _, tc := range tests {
		answers := map[string][]string{}
		for k, v := range perfect {
			answers[k] = v
		}
		for k, v := range tc.change {
			answers[k] = v
		}
		got, err := lightbulb.ScoreCheck(qs, answers)
		if (err != nil) != tc.invalid || got != tc.want {
			t.Errorf("%s: score %d, err %v; want %d, invalid %v", tc.name, got, err, tc.want, tc.invalid)
		}
	}
}

// TestCheckFollowsTheLibrary shows that the right answer to "can this right
// be restricted" comes from the library's category, not from the question.
func TestCheckFollowsTheLibrary(t *testing.T) {
	before := lightbulb.BuildCheck(learnRights(map[string]lightbulb.Category{"A3": lightbulb.Absolute}))
	after := lightbulb.BuildCheck(learnRights(map[string]lightbulb.Category{"A3": lightbulb.Absolute, "A8": lightbulb.Absolute}))
	old := learnPerfect(map[string]bool{"A3": true})
	if s, _ := lightbulb.ScoreCheck(before, old); s != 7 {
		t.Fatalf("before the change: %d", s)
	}
	if s, _ := lightbulb.ScoreCheck(after, old); s != 6 {
		t.Fatalf("after A8 became absolute, the old answer still scores: %d", s)
	}
	if s, _ := lightbulb.ScoreCheck(after, learnPerfect(map[string]bool{"A3": true, "A8": true})); s != 7 {
		t.Fatalf("after the change, the new right answer: %d", s)
	}
}

func TestCheckGroup(t *testing.T) {
	var g lightbulb.CheckGroup
	g.Add(&lightbulb.CheckChange{Pre: &lightbulb.CheckAttempt{Score: 2, Total: 4}, Post: &lightbulb.CheckAttempt{Score: 4, Total: 4}})
	g.Add(&lightbulb.CheckChange{Pre: &lightbulb.CheckAttempt{Score: 3, Total: 4}})
	if g.Pre != 2 || g.Post != 1 || g.Both != 1 || g.ChangeAverage() != 50 || g.PreAverage() != 63 || g.PostAverage() != 100 {
		t.Fatalf("group %+v: pre %d post %d change %.1f", g, g.PreAverage(), g.PostAverage(), g.ChangeAverage())
	}
}

func TestReviewCheck(t *testing.T) {
	cats := map[string]lightbulb.Category{"A3": lightbulb.Absolute, "A5": lightbulb.Limited}
	qs := lightbulb.BuildCheck(learnRights(cats))
	answers := learnPerfect(map[string]bool{"A3": true})
	answers["q1"] = []string{"A8", "x_job"}
	answers["extra"] = []string{"anything"}
	kept := lightbulb.CheckAnswers(qs, answers)
	if _, ok := kept["extra"]; ok {
		t.Fatal("an answer to no question is kept")
	}
	rv := lightbulb.ReviewCheck(qs, kept)
	if len(rv) != 7 {
		t.Fatalf("%d reviewed, want 7", len(rv))
	}
	q1 := rv[0]
	if q1.Correct || len(q1.Given) != 2 || q1.Given[1].Value != "x_job" || len(q1.Right) != 3 {
		t.Fatalf("q1 reviewed as %+v", q1)
	}
	for _, r := range rv[1:] {
		if !r.Correct {
			t.Errorf("%s marked wrong: %+v", r.Question.ID, r)
		}
	}
	for _, r := range rv {
		if r.Question.Why() == "" {
			t.Errorf("%s has no line on why", r.Question.ID)
		}
	}
	// Each restrict question explains its right's category.
	if !strings.Contains(rv[4].Question.Why(), "absolute") || !strings.Contains(rv[6].Question.Why(), "limited") || !strings.Contains(rv[5].Question.Why(), "qualified") {
		t.Fatalf("restrict lines: %q / %q / %q", rv[4].Question.Why(), rv[5].Question.Why(), rv[6].Question.Why())
	}
	// Answers not kept: the right answer and why, nothing marked.
	for _, r := range lightbulb.ReviewCheck(qs, nil) {
		if r.Kept || r.Correct || len(r.Given) != 0 || len(r.Right) == 0 {
			t.Fatalf("unkept review %+v", r)
		}
	}
}
