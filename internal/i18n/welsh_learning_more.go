package i18n

// welshLearningMore is the Welsh for what learning added in its second pass:
// the review after a knowledge check, organisations' own survey statements,
// results by role and ward, dignity champions and coverage by ward.
var welshLearningMore = map[string]string{
	"Correct": "Cywir",
	"Leaving someone in soiled sheets all night can be degrading treatment (Article 3), which is absolute: short staffing never excuses it. It also fails to respect their dignity and private life (Article 8).":                                          "Gall gadael rhywun mewn cynfasau budr drwy'r nos fod yn driniaeth ddiraddiol (Erthygl 3), sy'n absoliwt: nid yw prinder staff byth yn esgus. Mae hefyd yn methu â pharchu eu hurddas a'u bywyd preifat (Erthygl 8).",
	"Locking in someone who wants to leave can deprive them of their liberty (Article 5) unless the law allows it, for example the Mental Health Act or a deprivation of liberty authorisation. It also limits their choice and private life (Article 8).": "Gall cloi rhywun i mewn sydd eisiau gadael eu hamddifadu o'u rhyddid (Erthygl 5) oni bai bod y gyfraith yn caniatáu hynny, er enghraifft y Ddeddf Iechyd Meddwl neu awdurdodiad amddifadu o ryddid. Mae hefyd yn cyfyngu ar eu dewis a'u bywyd preifat (Erthygl 8).",
	"No answer":    "Dim ateb",
	"Not quite":    "Ddim yn hollol",
	"Right answer": "Yr ateb cywir",
	"Stopping a daughter's visits interferes with family life (Article 8). It is lawful only when needed for a good reason and proportionate; one argument rarely justifies a ban, so look for a less restrictive step first.":                                      "Mae atal ymweliadau merch yn ymyrryd â bywyd teuluol (Erthygl 8). Mae'n gyfreithlon dim ond pan fo angen am reswm da a phan fo'n gymesur; anaml y mae un ddadl yn cyfiawnhau gwaharddiad, felly chwiliwch am gam llai cyfyngol yn gyntaf.",
	"The Human Rights Act protects rights such as private and family life, liberty and freedom of expression. It gives no right to a job, a single room or a GP of your choice, although how those things are decided can still engage the rights it does protect.": "Mae'r Ddeddf Hawliau Dynol yn diogelu hawliau fel bywyd preifat a theuluol, rhyddid a rhyddid mynegiant. Nid yw'n rhoi hawl i swydd, i ystafell sengl nac i feddyg teulu o'ch dewis, er y gall y ffordd y penderfynir ar y pethau hynny gyffwrdd â'r hawliau y mae'n eu diogelu.",
	"This right is absolute: nothing, not even safety or a lack of staff, can justify breaking it.":                                                                                                                                                                 "Mae'r hawl hon yn absoliwt: ni all dim, hyd yn oed diogelwch neu brinder staff, gyfiawnhau ei thorri.",
	"This right is limited: it can be restricted only in the cases the Act lists, such as a lawful detention, and only by following the law.":                                                                                                                       "Mae'r hawl hon yn gyfyngedig: gellir cyfyngu arni dim ond yn yr achosion a restrir yn y Ddeddf, fel cadw rhywun yn gyfreithlon, a dim ond drwy ddilyn y gyfraith.",
	"This right is qualified: it can be restricted when the law allows it, for a legitimate aim such as protecting others, and when the restriction is proportionate.":                                                                                              "Mae'r hawl hon yn amodol: gellir cyfyngu arni pan fo'r gyfraith yn caniatáu hynny, at nod dilys fel diogelu pobl eraill, a phan fo'r cyfyngiad yn gymesur.",
	"Why":                           "Pam",
	"Your answers after the course": "Eich atebion ar ôl y cwrs",
	"Your answers to this check were not kept, so only the right answers are shown.": "Ni chadwyd eich atebion i'r gwiriad hwn, felly dim ond yr atebion cywir sy'n cael eu dangos.",
}

func init() { addWelsh(welshLearningMore) }
