package web_test

import (
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// suggestForTest stands in for the rights suggester: A8 strongly for a
// locked door, A3 possibly for "xyzzy", a word no right's text holds.
func suggestForTest(text string) []lightbulb.CaseRight {
	var out []lightbulb.CaseRight
	if strings.Contains(text, "door") {
		out = append(out, lightbulb.CaseRight{Code: "A8", Suggested: true, Strength: "strong"})
	}
	if strings.Contains(text, "xyzzy") {
		out = append(out, lightbulb.CaseRight{Code: "A3", Suggested: true, Strength: "possible"})
	}
	return out
}

func newSuggestEnv(t *testing.T) *caseEnv {
	t.Helper()
	e := &caseEnv{newDecisionEnv(t)}
	e.svc.SuggestRights = suggestForTest
	e.rebuild(t)
	return e
}

func TestDecisionRightsStepSuggestsFromTheSituation(t *testing.T) {
	e := newSuggestEnv(t)
	c := e.client().signIn("staffA")
	rec := startDecision(t, c, e.decisionEnv, "Keep the ward door locked at night for WW-07")
	page := c.get(rec + "/edit/rights")
	mustContain(t, page, "Suggested from what you wrote about the situation", `href="/rights/A8"`, "Strong suggestion",
		"A suggestion is not a finding", `value="A8" aria-describedby="rights-A8-hint">`)
	if strings.Contains(page.body, `name="rights" type="checkbox" value="A8" aria-describedby="rights-A8-hint" checked`) {
		t.Error("a suggestion was ticked for the person; they must choose it themselves")
	}
	other := startDecision(t, c, e.decisionEnv, "Move lunch to half past twelve")
	if strings.Contains(c.get(other+"/edit/rights").body, "Suggested from what you wrote") {
		t.Error("suggestions shown for a situation the suggester found nothing in")
	}
}

// TestDecisionRightsStepSuggestsFromWelsh: the model reads English only, so
// a situation written in Welsh gets suggestions from the everyday vocabulary
// of care on the Welsh page, each possible, and none are ticked.
func TestDecisionRightsStepSuggestsFromWelsh(t *testing.T) {
	e := newSuggestEnv(t)
	c := e.client().signIn("staffA")
	rec := startDecision(t, c, e.decisionEnv, "Cloi drws y lolfa gyda'r nos i WW-07")
	page := c.get(rec+"/edit/rights", "Accept-Language", "cy")
	mustContain(t, page, "Awgrymwyd o&#39;r hyn a ysgrifennoch am y sefyllfa", `href="/rights/A5"`)
	if strings.Contains(page.body, `value="A5" aria-describedby="rights-A5-hint" checked`) {
		t.Error("a suggestion was ticked for the person; they must choose it themselves")
	}
	// The English page has the model alone, which found nothing here.
	if en := c.get(rec + "/edit/rights"); strings.Contains(en.body, "Suggested from what you wrote") {
		t.Error("vocabulary suggestions shown on the English page, where the model speaks")
	}
}

func TestRightsSearchFallsBackToSuggestions(t *testing.T) {
	e := newSuggestEnv(t)
	c := e.client()
	page := c.get("/rights?q=" + url.QueryEscape("they xyzzy me"))
	mustContain(t, page, "No right uses the words", `href="/rights/A3"`, "Possible suggestion", "not a finding")
	// "rules" is in every right's text but no right is named for it: what
	// the words describe comes first, not every passing mention.
	passing := c.get("/rights?q=" + url.QueryEscape("rules xyzzy me"))
	mustContain(t, passing, "No right uses the words", `href="/rights/A3"`, "Possible suggestion")
	if strings.Contains(passing.body, "rights match") {
		t.Error("passing mentions listed above what the words describe")
	}
	// with nothing suggested, the passing mentions are still listed, as
	// mentions and not as matches
	rules := c.get("/rights?q=rules")
	mustContain(t, rules, "No right is named for “rules”, but these rights mention some of its words:")
	if strings.Contains(rules.body, "No rights match") || strings.Contains(rules.body, "rights match “rules”") {
		t.Error(`"rules" alone: passing mentions must be listed and called mentions`)
	}

	none := c.get("/rights?q=" + url.QueryEscape("plover"))
	mustContain(t, none, "No rights match")
	if strings.Contains(none.body, "No right uses the words") {
		t.Error("a query nothing matched and nothing was suggested for claimed suggestions")
	}
}
