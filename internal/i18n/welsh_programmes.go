package i18n

// welshProgrammes is the Welsh for running programmes at scale: cohort
// members, series of sessions, delivery reports and the rules that go with
// them.
var welshProgrammes = map[string]string{
	"%d members": "%d aelod",
	"%d people added from the file; %d were already members.": "Ychwanegwyd %d o bobl o'r ffeil; roedd %d yn aelodau eisoes.",
	"%s is now a member.":            "Mae %s yn aelod nawr.",
	"Add a member":                   "Ychwanegu aelod",
	"Add member":                     "Ychwanegu'r aelod",
	"Add members from a file":        "Ychwanegu aelodau o ffeil",
	"And %d more rows with problems": "A %d rhes arall â phroblemau",
	"Attendance can be marked from the start of the session, not before. Notes can be saved at any time.": "Gellir cofnodi presenoldeb o ddechrau'r sesiwn, nid cyn hynny. Gellir cadw nodiadau unrhyw bryd.",
	"Attendance can be marked from the start of the session.":                                             "Gellir cofnodi presenoldeb o ddechrau'r sesiwn.",
	"CSV file of email addresses":             "Ffeil CSV o gyfeiriadau e-bost",
	"Enter a name of 200 characters or fewer": "Rhowch enw o 200 nod neu lai",
	"Enter an email address":                  "Rhowch gyfeiriad e-bost",
	"Members":                                 "Aelodau",
	"Name (optional)":                         "Enw (dewisol)",
	"No members yet: until there are, anyone at the organisation can book.": "Dim aelodau eto: hyd nes bydd rhai, gall unrhyw un yn y sefydliad archebu.",
	"One email address a row, with the person's name in a second column if you have it. A first row of headings (email, name) is fine. If any row has a problem, nobody is added, so you can fix the file and upload it again.": "Un cyfeiriad e-bost ym mhob rhes, gydag enw'r person mewn ail golofn os yw gennych. Mae rhes gyntaf o benawdau (email, name) yn iawn. Os oes problem gydag unrhyw res, nid oes neb yn cael ei ychwanegu, felly gallwch gywiro'r ffeil a'i llwytho eto.",
	"Only the members named here can book this programme's sessions. Each member books one date for each part.":                                                                                                                 "Dim ond yr aelodau a enwir yma all archebu sesiynau'r rhaglen hon. Mae pob aelod yn archebu un dyddiad ar gyfer pob rhan.",
	"Remove":                               "Tynnu",
	"Row %d: %s":                           "Rhes %d: %s",
	"Save notes":                           "Cadw nodiadau",
	"Select a CSV file of email addresses": "Dewiswch ffeil CSV o gyfeiriadau e-bost",
	"The charity is not running a programme for your organisation at the moment.":                                              "Nid yw'r elusen yn cynnal rhaglen i'ch sefydliad ar hyn o bryd.",
	"The file has more than 2,000 rows. Split it into smaller files":                                                           "Mae gan y ffeil fwy na 2,000 o resi. Rhannwch hi'n ffeiliau llai",
	"The file has no email addresses":                                                                                          "Nid oes cyfeiriadau e-bost yn y ffeil",
	"The file is not a CSV file. Save it from your spreadsheet as CSV UTF-8 and try again":                                     "Nid ffeil CSV yw'r ffeil. Cadwch hi o'ch taenlen fel CSV UTF-8 a rhowch gynnig arall arni",
	"The member has been removed. Any places they booked are kept.":                                                            "Mae'r aelod wedi'i dynnu. Mae unrhyw leoedd a archebwyd ganddynt yn cael eu cadw.",
	"There is no such member.":                                                                                                 "Nid oes aelod o'r fath.",
	"This email address is on an earlier row too":                                                                              "Mae'r cyfeiriad e-bost hwn ar res gynharach hefyd",
	"This session is for the named members of a programme. Ask your organisation's training lead to add you.":                  "Mae'r sesiwn hon ar gyfer aelodau a enwir rhaglen. Gofynnwch i arweinydd hyfforddiant eich sefydliad eich ychwanegu.",
	"Training programmes your organisation named you a member of.":                                                             "Rhaglenni hyfforddi yr enwodd eich sefydliad chi yn aelod ohonynt.",
	"Upload and add members":                                                                                                   "Llwytho ac ychwanegu aelodau",
	"You already have a place on another date for this part of the programme. Cancel that booking to choose a different date.": "Mae gennych le eisoes ar ddyddiad arall ar gyfer y rhan hon o'r rhaglen. Canslwch yr archeb honno i ddewis dyddiad gwahanol.",
	"Your organisation's programmes":                                                                                           "Rhaglenni eich sefydliad",
	"who is on each programme":                                                                                                 "pwy sydd ar bob rhaglen",
}

func init() { addWelsh(welshProgrammes) }
