package cli

import (
	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/tagger"
)

// caseSuggest puts the tagger's suggestions in the casework store's terms.
func caseSuggest(text string) []lightbulb.CaseRight {
	var out []lightbulb.CaseRight
	for _, s := range tagger.Suggest(text) {
		out = append(out, lightbulb.CaseRight{Code: s.Code, Suggested: true, Score: s.Score, Strength: s.Strength, Because: s.Because})
	}
	return out
}
