package i18n

// welshRights is the Welsh for the rights library's Easy Read pictures,
// earlier versions and further languages.
var welshRights = map[string]string{
	"Choose a language the rights library has": "Dewiswch iaith sydd gan y llyfrgell hawliau",
	"Cut along the solid line. Fold in half down the middle, then back and forth along the dashed lines, like a fan: each panel is the size of a bank card.": "Torrwch ar hyd y llinell solet. Plygwch yn ei hanner i lawr y canol, yna yn ôl ac ymlaen ar hyd y llinellau toredig, fel ffan: mae pob panel yr un maint â cherdyn banc.",
	"Download the folding card (PDF)": "Lawrlwythwch y cerdyn plyg (PDF)",
	"Each sentence has one idea in at most 15 words, with a picture beside it. Leave a sentence empty to remove it.": "Mae gan bob brawddeg un syniad mewn 15 gair ar y mwyaf, gyda llun wrth ei hochr. Gadewch frawddeg yn wag i'w thynnu.",
	"Easy Read heading": "Pennawd Hawdd ei Ddeall",
	"Easy Read heading must be 200 characters or fewer":       "Rhaid i'r pennawd Hawdd ei Ddeall fod yn 200 nod neu lai",
	"Easy Read sentence %d has %d words: use %d or fewer":     "Brawddeg Hawdd ei Ddeall %d: mae ganddi %d gair, defnyddiwch %d neu lai",
	"In plain words, such as “Your right to a private life”.": "Mewn geiriau plaen, fel “Eich hawl i fywyd preifat”.",
	"No picture": "Dim llun",
	"Or a card that folds to the size of a bank card, to keep in a purse or wallet: print it, cut it out and fold it.": "Neu gerdyn sy'n plygu i faint cerdyn banc, i'w gadw mewn pwrs neu waled: argraffwch ef, torrwch ef allan a'i blygu.",
	"Or upload a picture for sentence %d":                     "Neu lanlwythwch lun ar gyfer brawddeg %d",
	"PNG, JPEG, GIF or WebP, up to 1 MB.":                     "PNG, JPEG, GIF neu WebP, hyd at 1 MB.",
	"Picture for sentence %d":                                 "Llun ar gyfer brawddeg %d",
	"Picture for sentence %d: %s":                             "Llun ar gyfer brawddeg %d: %s",
	"Picture for sentence %d: choose a picture from the list": "Llun ar gyfer brawddeg %d: dewiswch lun o'r rhestr",
	"Sentence %d":               "Brawddeg %d",
	"The law calls this right:": "Enw'r hawl hon yn y gyfraith yw:",
	"The picture could not be read: choose the file again": "Doedd dim modd darllen y llun: dewiswch y ffeil eto",
	"The picture is empty: choose another file":            "Mae'r llun yn wag: dewiswch ffeil arall",
	"The picture must be 1 MB or smaller":                  "Rhaid i'r llun fod yn 1 MB neu lai",
	"The picture must be a PNG, JPEG, GIF or WebP image":   "Rhaid i'r llun fod yn ddelwedd PNG, JPEG, GIF neu WebP",
	"The picture uploaded for this sentence":               "Y llun a lanlwythwyd ar gyfer y frawddeg hon",
	"There is no such picture.":                            "Does dim llun o'r fath.",
	"There is no such version of this right.":              "Does dim fersiwn o'r fath o'r hawl hon.",
	"Words of sentence %d":                                 "Geiriau brawddeg %d",
}

func init() { addWelsh(welshRights) }
