package web

import lightbulb "github.com/lightbulb-hr/lightbulb"

// suggestedRight is a right the rights suggester puts forward for some
// text, with how sure it is in words ("strong" or "possible").
type suggestedRight struct {
	Right    *lightbulb.Right
	Strength string
}

// suggestRights asks the suggester (Services.SuggestRights, wired by the
// CLI to the shipped model) which of rights text may engage, most likely
// first. The model reads English only, so on a Welsh page, when it finds
// nothing, the rights whose everyday vocabulary of care is in the text are
// put forward as possible (lightbulb.VocabularyRights). Without a
// suggester, or for blank text, it returns none: a suggestion is a prompt
// to read the right, never a finding.
func (s *Server) suggestRights(text, lang string, rights []*lightbulb.Right) []suggestedRight {
	if s.SuggestRights == nil || text == "" {
		return nil
	}
	byCode := make(map[string]*lightbulb.Right, len(rights))
	for _, r := range rights {
		byCode[r.Code] = r
	}
	var out []suggestedRight
	for _, sg := range s.SuggestRights(text) {
		if r := byCode[sg.Code]; r != nil {
			out = append(out, suggestedRight{Right: r, Strength: sg.Strength})
		}
	}
	if len(out) == 0 && lang == "cy" {
		for _, code := range lightbulb.VocabularyRights(text) {
			if r := byCode[code]; r != nil {
				out = append(out, suggestedRight{Right: r, Strength: "possible"})
			}
		}
	}
	return out
}
