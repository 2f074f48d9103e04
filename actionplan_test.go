package lightbulb

import "testing"

func TestActionWordingFollowsTheLanguage(t *testing.T) {
	a := &ActionItem{Text: "Learn the rights", TextCy: "Dysgu'r hawliau", Easy: "Find out about rights"}
	for _, tc := range []struct{ got, want string }{
		{a.In(LangEnglish), "Learn the rights"}, {a.In(LangWelsh), "Dysgu'r hawliau"},
		{a.EasyIn(LangEnglish), "Find out about rights"}, {a.EasyIn(LangWelsh), "Dysgu'r hawliau"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	a.EasyCy = "Dysgwch am hawliau"
	if got := a.EasyIn(LangWelsh); got != "Dysgwch am hawliau" {
		t.Errorf("Welsh Easy Read: %q", got)
	}
	noWelsh := &ActionItem{Text: "Learn", Easy: "Find out"}
	if got := noWelsh.EasyIn(LangWelsh); got != "Find out" {
		t.Errorf("an action with no Welsh at all: %q", got)
	}
}

func TestSignRequestValidates(t *testing.T) {
	r := &SignRequest{Role: PlanPublicBody, Actions: []int64{1}, Name: " Efa ", Email: " Efa@Example.ORG ", Nation: "wales",
		LocalAuthority: "Belfast"}
	err := r.Validate()
	v, ok := err.(*ValidationErrors)
	if !ok || len(v.List) != 1 || v.List[0].Field != "local_authority" {
		t.Fatalf("a council in another nation: %v", err)
	}
	r.LocalAuthority = "Gwynedd"
	if err := r.Validate(); err != nil || r.Email != "efa@example.org" || r.Name != "Efa" || r.Lang != LangEnglish {
		t.Fatalf("%+v %v", r, err)
	}
	r.Nation = "england"
	r.LocalAuthority = "Bournemouth, Christchurch and Poole"
	if err := r.Validate(); err != nil {
		t.Fatalf("an English council: %v", err)
	}
}
