package i18n

// welshUnits is the Welsh for the organisation's one list of wards, teams
// and homes and the people who belong to each, sorted by key.
var welshUnits = map[string]string{
	"%d reviews of “%s” now belong to the list.":        "Mae %d adolygiad o “%s” bellach yn perthyn i'r rhestr.",
	"%s has been taken out of this ward, team or home.": "Mae %s wedi'i dynnu allan o'r ward, tîm neu gartref hwn.",
	"%s is now in this ward, team or home.":             "Mae %s bellach yn y ward, tîm neu gartref hwn.",
	"(added by %s)":                                     "(ychwanegwyd gan %s)",
	"(chose it themselves)":                             "(wedi'i ddewis eu hunain)",
	"A name already on the list is refused, however its quotes, capitals or spaces are typed.": "Gwrthodir enw sydd eisoes ar y rhestr, sut bynnag y teipir ei ddyfynodau, ei briflythrennau neu ei fylchau.",
	"Add to the list":                                            "Ychwanegu at y rhestr",
	"Add to this ward, team or home":                             "Ychwanegu at y ward, tîm neu gartref hwn",
	"Choose a person from your organisation":                     "Dewiswch berson o'ch sefydliad",
	"Choose a ward, team or home":                                "Dewiswch ward, tîm neu gartref",
	"Choose a ward, team or home from your organisation’s list":  "Dewiswch ward, tîm neu gartref o restr eich sefydliad",
	"Choose the ward, team or home these reviews are about":      "Dewiswch y ward, tîm neu gartref y mae'r adolygiadau hyn yn ymwneud ag ef",
	"Choose wards, teams or homes from your organisation’s list": "Dewiswch wardiau, timau neu gartrefi o restr eich sefydliad",
	"Match these reviews":                                        "Paru'r adolygiadau hyn",
	"No review waits to be matched under that name.":             "Nid oes adolygiad yn aros i'w baru o dan yr enw hwnnw.",
	"Nobody belongs here yet. People can also choose their own ward, team or home on their account page.": "Nid oes neb yn perthyn yma eto. Gall pobl hefyd ddewis eu ward, tîm neu gartref eu hunain ar dudalen eu cyfrif.",
	"Reviews to match":                           "Adolygiadau i'w paru",
	"Save where you work":                        "Cadw ble rydych chi'n gweithio",
	"Sign in to choose your ward, team or home.": "Mewngofnodwch i ddewis eich ward, tîm neu gartref.",
	"Take out": "Tynnu allan",
	"The list": "Y rhestr",
	"There is no such ward, team or home in your organisation.": "Nid oes ward, tîm neu gartref o'r fath yn eich sefydliad.",
	"These services were typed into Traffic Light reviews before the list existed and match no name on it. Choose the ward, team or home each one means, or add it to the list above.": "Teipiwyd y gwasanaethau hyn mewn adolygiadau Goleuadau Traffig cyn i'r rhestr fodoli, ac nid ydynt yn cyfateb i unrhyw enw arni. Dewiswch y ward, tîm neu gartref y mae pob un yn ei olygu, neu ychwanegwch ef at y rhestr uchod.",
	"This person is not in that ward, team or home.":                               "Nid yw'r person hwn yn y ward, tîm neu gartref hwnnw.",
	"Where you work in %s, so that your training and results can be read by ward.": "Ble rydych chi'n gweithio yn %s, fel y gellir darllen eich hyfforddiant a'ch canlyniadau fesul ward.",
	"Who belongs here": "Pwy sy'n perthyn yma",
	"Your organisation already has a ward, team or home with this name": "Mae gan eich sefydliad ward, tîm neu gartref gyda'r enw hwn eisoes",
	"Your organisation has no wards, teams or homes yet.":               "Nid oes gan eich sefydliad wardiau, timau na chartrefi eto.",
	"Your organisation’s one list. Decisions, cases, Traffic Light reviews and training coverage all choose from it, so each ward, team or home is named once.": "Un rhestr eich sefydliad. Mae penderfyniadau, achosion, adolygiadau Goleuadau Traffig a chwmpas hyfforddiant i gyd yn dewis ohoni, felly caiff pob ward, tîm neu gartref ei enwi unwaith.",
	"Your wards, teams or homes":                  "Eich wardiau, timau neu gartrefi",
	"Your wards, teams or homes have been saved.": "Mae eich wardiau, timau neu gartrefi wedi'u cadw.",
	"“%s” (%d reviews) is":                        "Mae “%s” (%d adolygiad) yn",
}

func init() { addWelsh(welshUnits) }
