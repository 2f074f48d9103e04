package i18n

// welshReportsBuild is the Welsh for a board report's files built by a job:
// its state and progress on the report's page.
var welshReportsBuild = map[string]string{
	"Build the files": "Adeiladu'r ffeiliau",
	"Building the report's PDF and CSV: reading indicator %d of %d.": "Wrthi'n adeiladu PDF a CSV yr adroddiad: yn darllen dangosydd %d o %d.",
	"Building the report's PDF and CSV: writing the files.":          "Wrthi'n adeiladu PDF a CSV yr adroddiad: yn ysgrifennu'r ffeiliau.",
	"Check again": "Gwirio eto",
	"Issue the report first: its files are built when it is issued.": "Cyhoeddwch yr adroddiad yn gyntaf: caiff ei ffeiliau eu hadeiladu pan gaiff ei gyhoeddi.",
	"Reason:": "Rheswm:",
	"Report issued. It is kept as it is, and listed under board reports. Its PDF and CSV are being built.":      "Adroddiad wedi'i gyhoeddi. Caiff ei gadw fel y mae, a'i restru o dan adroddiadau i'r bwrdd. Mae ei PDF a'i CSV yn cael eu hadeiladu.",
	"The downloads appear here when they are ready. This page updates itself; without JavaScript, check again.": "Bydd y ffeiliau i'w llwytho i lawr yn ymddangos yma pan fyddant yn barod. Mae'r dudalen hon yn diweddaru ei hun; heb JavaScript, gwiriwch eto.",
	"The report's PDF and CSV are being built again.":                                                           "Mae PDF a CSV yr adroddiad yn cael eu hadeiladu eto.",
	"The report's PDF and CSV are queued to be built.":                                                          "Mae PDF a CSV yr adroddiad yn aros i gael eu hadeiladu.",
	"The report's PDF and CSV could not be built.":                                                              "Nid oedd modd adeiladu PDF a CSV yr adroddiad.",
	"This report's PDF and CSV have not been built yet.":                                                        "Nid yw PDF a CSV yr adroddiad hwn wedi'u hadeiladu eto.",
	"This report's files are not ready yet.":                                                                    "Nid yw ffeiliau'r adroddiad hwn yn barod eto.",
	"Try again":                                                                                                 "Rhowch gynnig arall arni",
}

func init() { addWelsh(welshReportsBuild) }
