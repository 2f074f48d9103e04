package i18n

// welshCoprod is the Welsh for co-production: the expert's own pages, the
// co-production lead's pages and what they say in errors.
var welshCoprod = map[string]string{
	"Co-production lead": "Arweinydd cydgynhyrchu",
	"The involvements you were invited to, what you were offered and your answers.":                                                                            "Y gweithgareddau y cawsoch wahoddiad iddynt, beth a gynigiwyd i chi a'ch atebion.",
	"Wellbeing check-ins after involvements, or that you asked for: when, how, how you were and the note written for you.":                                     "Holi am les ar ôl gweithgareddau, neu y gofynnoch amdano: pryd, sut, sut oeddech chi a'r nodyn a ysgrifennwyd i chi.",
	"Your claims for time and expenses, what you were owed and when it was paid.":                                                                              "Eich hawliadau am amser a threuliau, beth oedd yn ddyledus i chi a phryd y cafodd ei dalu.",
	"Your co-production profile: the name you go by, how to contact you, your access needs, your consents, what you opted out of and how you like to be paid.": "Eich proffil cydgynhyrchu: yr enw a ddefnyddiwch, sut i gysylltu â chi, eich anghenion mynediad, eich caniatâd, beth y dewisoch beidio â chymryd rhan ynddo a sut yr hoffech gael eich talu.",
}

func init() { addWelsh(welshCoprod) }
