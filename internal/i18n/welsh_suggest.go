package i18n

// welshSuggest is the Welsh for the rights suggester's prompts outside
// casework: on a decision's rights step and in the rights library's
// search, sorted by key.
var welshSuggest = map[string]string{
	"A suggestion is not a finding: read the right and choose only what the decision engages.":          "Nid canfyddiad yw awgrym: darllenwch yr hawl a dewiswch dim ond yr hawliau y mae'r penderfyniad yn effeithio arnynt.",
	"No right is named for “%s”, but these rights mention some of its words:":                           "Nid oes hawl wedi'i henwi ar gyfer “%s”, ond mae'r hawliau hyn yn sôn am rai o'r geiriau:",
	"No right uses the words “%s”, but from what they describe these rights may be engaged:":            "Nid oes hawl yn defnyddio'r geiriau “%s”, ond o'r hyn maen nhw'n ei ddisgrifio efallai bod yr hawliau hyn yn berthnasol:",
	"Suggested from what you wrote about the situation":                                                 "Awgrymwyd o'r hyn a ysgrifennoch am y sefyllfa",
	"These are suggestions from Lightbulb’s rights suggester, not a finding. Read each right to judge.": "Awgrymiadau gan awgrymydd hawliau Lightbulb yw'r rhain, nid canfyddiad. Darllenwch bob hawl i farnu.",
}

func init() { addWelsh(welshSuggest) }
