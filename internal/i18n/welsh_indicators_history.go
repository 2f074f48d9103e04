package i18n

// welshIndicatorsHistory is the Welsh for indicators of how things stand, limits
// recalculated after a change, and the indicators' dashboards.
var welshIndicatorsHistory = map[string]string{
	"Blanket restrictions in force":                                             "Cyfyngiadau cyffredinol mewn grym",
	"Changes in the process":                                                    "Newidiadau yn y broses",
	"Counting began on %s: months before then have no value.":                   "Dechreuodd y cyfrif ar %s: does dim gwerth gan fisoedd cyn hynny.",
	"Counting has not begun yet: the first count is made tonight.":              "Nid yw'r cyfrif wedi dechrau eto: caiff y cyfrif cyntaf ei wneud heno.",
	"Decision reviews overdue":                                                  "Adolygiadau o benderfyniadau sy'n hwyr",
	"Decisions in force past their review date":                                 "Penderfyniadau mewn grym wedi'u dyddiad adolygu",
	"Decisions in force that apply a blanket rule":                              "Penderfyniadau mewn grym sy'n gosod rheol gyffredinol",
	"Decisions in force with complete reasoning":                                "Penderfyniadau mewn grym â rhesymu cyflawn",
	"Enter the month the change began as a year and month, for example 2026-01": "Rhowch y mis y dechreuodd y newid fel blwyddyn a mis, er enghraifft 2026-01",
	"Everyday decisions in force at the end of the month that apply a blanket rule to everyone in a service rather than to one person.": "Penderfyniadau bob dydd a oedd mewn grym ar ddiwedd y mis sy'n gosod rheol gyffredinol ar bawb mewn gwasanaeth yn hytrach nag ar un person.",
	"Everyday decisions in force at the end of the month whose review date had passed.":                                                 "Penderfyniadau bob dydd a oedd mewn grym ar ddiwedd y mis yr oedd eu dyddiad adolygu wedi mynd heibio.",
	"First month of the new process":                                   "Mis cyntaf y broses newydd",
	"For example, a weekly huddle to review cases began on every ward": "Er enghraifft, dechreuodd cyfarfod wythnosol i adolygu achosion ar bob ward",
	"Limits recalculated after a change":                               "Terfynau wedi'u hailgyfrifo ar ôl newid",
	"Mark a change":                                                    "Nodi newid",
	"Months":                                                           "Misoedd",
	"Of the everyday decisions in force at the end of the month, the share whose reasoning is complete: every restricted right tested as its right requires.": "O'r penderfyniadau bob dydd a oedd mewn grym ar ddiwedd y mis, y gyfran y mae eu rhesymu'n gyflawn: pob hawl a gyfyngwyd wedi'i phrofi fel y mae ei hawl yn ei gwneud yn ofynnol.",
	"Recalculate the limits from this month": "Ailgyfrifo'r terfynau o'r mis hwn",
	"Records keep only how things stand now, so this is counted every night and the month's value is the count of its last day counted.": "Dim ond sut mae pethau nawr y mae cofnodion yn ei gadw, felly caiff hyn ei gyfrif bob nos a gwerth y mis yw cyfrif y diwrnod olaf a gyfrifwyd ynddo.",
	"Remove": "Dileu",
	"Say what changed in 1000 characters or fewer":                                   "Dywedwch beth a newidiodd mewn 1000 nod neu lai",
	"Say what changed, for example a weekly huddle began":                            "Dywedwch beth a newidiodd, er enghraifft dechreuodd cyfarfod wythnosol",
	"The change was removed: the chart reads the months either side as one process.": "Dilëwyd y newid: mae'r siart yn darllen y misoedd bob ochr fel un broses.",
	"The limits are recalculated from %s.":                                           "Caiff y terfynau eu hailgyfrifo o %s.",
	"There is no such change.":                                                       "Nid oes newid o'r fath.",
	"When the chart shows a sustained shift and you know its cause (a new way of working, say), mark the month it began: the centre line and limits are recalculated from then, so the new process is judged against itself. The audit log records who marked it.": "Pan fo'r siart yn dangos newid parhaus a'ch bod yn gwybod ei achos (ffordd newydd o weithio, er enghraifft), nodwch y mis y dechreuodd: caiff y llinell ganol a'r terfynau eu hailgyfrifo o hynny ymlaen, fel bod y broses newydd yn cael ei barnu yn ei herbyn ei hun. Mae'r log archwilio yn cofnodi pwy a'i nododd.",
	"marked by %s on %s":   "nodwyd gan %s ar %s",
	"none under 13 months": "dim o dan 13 mis",
	"the change of %s":     "newid %s",
}

func init() { addWelsh(welshIndicatorsHistory) }
