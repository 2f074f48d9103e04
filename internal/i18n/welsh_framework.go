package i18n

// welshFramework is the Welsh of the pages for bilingual content: the shipped
// framework's name, the Welsh editors of statements, courses and programmes,
// and the older-than-English notice.
var welshFramework = map[string]string{
	"Each statement has its Welsh, edited on its own. When the English of a statement changes, its Welsh is marked as needing updating, and Welsh pages say it is older than the English until it is translated again.": "Mae gan bob datganiad ei Gymraeg, sy'n cael ei golygu ar wahân. Pan fydd Saesneg datganiad yn newid, caiff ei Gymraeg ei marcio fel un sydd angen ei diweddaru, ac mae tudalennau Cymraeg yn dweud ei bod yn hŷn na'r Saesneg nes iddi gael ei chyfieithu eto.",
	"Edit in Welsh":                  "Golygu yn Gymraeg",
	"Edit the Welsh of statement %s": "Golygu Cymraeg datganiad %s",
	"English:":                       "Saesneg:",
	"Enter the Welsh title, or leave the Welsh summary empty too": "Rhowch y teitl Cymraeg, neu gadewch y crynodeb Cymraeg yn wag hefyd",
	"Enter the statement in Welsh":                                "Rhowch y datganiad yn Gymraeg",
	"Enter the theme in Welsh":                                    "Rhowch y thema yn Gymraeg",
	"Enter what amber means in Welsh":                             "Rhowch beth mae ambr yn ei olygu yn Gymraeg",
	"Enter what good looks like in Welsh":                         "Rhowch sut olwg sydd ar arfer da yn Gymraeg",
	"Enter what green means in Welsh":                             "Rhowch beth mae gwyrdd yn ei olygu yn Gymraeg",
	"Enter what red means in Welsh":                               "Rhowch beth mae coch yn ei olygu yn Gymraeg",
	"Human rights in practice: Traffic Light review":              "Hawliau dynol ar waith: adolygiad Goleuadau Traffig",
	"In Welsh": "Yn Gymraeg",
	"Saving makes a new version of the framework. Under each box is the English it translates.": "Mae cadw yn creu fersiwn newydd o'r fframwaith. O dan bob blwch mae'r Saesneg y mae'n ei gyfieithu.",
	"Summary in Welsh": "Crynodeb yn Gymraeg",
	"The Welsh statement must be 500 characters or fewer":                                               "Rhaid i'r datganiad Cymraeg fod yn 500 nod neu lai",
	"This Welsh translation is older than the English, which has changed since. The English now reads:": "Mae'r cyfieithiad Cymraeg hwn yn hŷn na'r Saesneg, sydd wedi newid ers hynny. Dyma'r Saesneg nawr:",
	"Title in Welsh": "Teitl yn Gymraeg",
	"Welsh pages show the English, marked as English, until there is a Welsh title.": "Mae tudalennau Cymraeg yn dangos y Saesneg, wedi'i marcio fel Saesneg, nes bod teitl Cymraeg.",
}

func init() { addWelsh(welshFramework) }
