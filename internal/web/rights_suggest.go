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
// first. Without a suggester, or for blank text, it returns none: a
// suggestion is a prompt to read the right, never a finding.
func (s *Server) suggestRights(text string, rights []*lightbulb.Right) []suggestedRight {
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
	return out
}
