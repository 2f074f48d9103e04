package i18n

// welshIndicatorsHistory is the Welsh for indicators of how things stand, limits
// recalculated after a change, and the indicators' dashboards.
var welshIndicatorsHistory = map[string]string{
	"Blanket restrictions in force":                                "Cyfyngiadau cyffredinol mewn grym",
	"Counting began on %s: months before then have no value.":      "Dechreuodd y cyfrif ar %s: does dim gwerth gan fisoedd cyn hynny.",
	"Counting has not begun yet: the first count is made tonight.": "Nid yw'r cyfrif wedi dechrau eto: caiff y cyfrif cyntaf ei wneud heno.",
	"Decision reviews overdue":                                     "Adolygiadau o benderfyniadau sy'n hwyr",
	"Decisions in force past their review date":                    "Penderfyniadau mewn grym wedi'u dyddiad adolygu",
	"Decisions in force that apply a blanket rule":                 "Penderfyniadau mewn grym sy'n gosod rheol gyffredinol",
	"Decisions in force with complete reasoning":                   "Penderfyniadau mewn grym â rhesymu cyflawn",
	"Everyday decisions in force at the end of the month that apply a blanket rule to everyone in a service rather than to one person.":                       "Penderfyniadau bob dydd a oedd mewn grym ar ddiwedd y mis sy'n gosod rheol gyffredinol ar bawb mewn gwasanaeth yn hytrach nag ar un person.",
	"Everyday decisions in force at the end of the month whose review date had passed.":                                                                       "Penderfyniadau bob dydd a oedd mewn grym ar ddiwedd y mis yr oedd eu dyddiad adolygu wedi mynd heibio.",
	"Of the everyday decisions in force at the end of the month, the share whose reasoning is complete: every restricted right tested as its right requires.": "O'r penderfyniadau bob dydd a oedd mewn grym ar ddiwedd y mis, y gyfran y mae eu rhesymu'n gyflawn: pob hawl a gyfyngwyd wedi'i phrofi fel y mae ei hawl yn ei gwneud yn ofynnol.",
	"Records keep only how things stand now, so this is counted every night and the month's value is the count of its last day counted.":                      "Dim ond sut mae pethau nawr y mae cofnodion yn ei gadw, felly caiff hyn ei gyfrif bob nos a gwerth y mis yw cyfrif y diwrnod olaf a gyfrifwyd ynddo.",
}

func init() { addWelsh(welshIndicatorsHistory) }
