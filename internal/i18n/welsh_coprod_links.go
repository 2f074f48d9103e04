package i18n

// welshCoprodLinks is the Welsh for involvements linked to a training
// session (its lived experience facilitators) or a Traffic Light review
// (its expert contributors), and rates by the half day or day.
var welshCoprodLinks = map[string]string{
	"A day (half for up to 4 hours)": "Diwrnod (hanner am hyd at 4 awr)",
	"A half day (up to 4 hours)":     "Hanner diwrnod (hyd at 4 awr)",
	"A half day is up to 4 hours. Longer work is paid by each half day started; a day rate pays half a day for up to 4 hours. Preparation and follow-up time count.": "Mae hanner diwrnod hyd at 4 awr. Telir am waith hirach fesul pob hanner diwrnod a ddechreuwyd; mae cyfradd ddyddiol yn talu hanner diwrnod am hyd at 4 awr. Mae amser paratoi a dilyn i fyny yn cyfrif.",
	"Ask to take part":                                            "Gofyn am gymryd rhan",
	"Asked to take part":                                          "Wedi gofyn am gymryd rhan",
	"Asked to take part in an involvement":                        "Gofyn am gymryd rhan mewn cyfraniad",
	"Can experts ask to take part?":                               "A gaiff arbenigwyr ofyn am gymryd rhan?",
	"Choose whether the rate is for an hour, a half day or a day": "Dewiswch a yw'r gyfradd am awr, hanner diwrnod neu ddiwrnod",
	"Enter a rate from £0.01 to £1,000":                           "Rhowch gyfradd o £0.01 i £1,000",
	"Experts can ask to take part":                                "Gall arbenigwyr ofyn am gymryd rhan",
	"For the Traffic Light review":                                "Ar gyfer yr adolygiad Goleuadau Traffig",
	"For the Traffic Light review %s: the experts who say yes are its expert contributors.": "Ar gyfer yr adolygiad Goleuadau Traffig %s: yr arbenigwyr sy'n dweud ie yw ei gyfranwyr arbenigol.",
	"For the training session": "Ar gyfer y sesiwn hyfforddi",
	"For the training session %s: the experts who say yes are its lived experience facilitators.":      "Ar gyfer y sesiwn hyfforddi %s: yr arbenigwyr sy'n dweud ie yw ei hwyluswyr trwy brofiad.",
	"Involve lived experience experts: they are paid, followed up and credited as for any involvement": "Cynnwys arbenigwyr trwy brofiad: cânt eu talu, holir amdanynt wedyn a chânt eu cydnabod fel ar gyfer unrhyw gyfraniad",
	"Lived experience experts":       "Arbenigwyr trwy brofiad",
	"Lived experience facilitators":  "Hwyluswyr trwy brofiad",
	"Lived experience facilitators:": "Hwyluswyr trwy brofiad:",
	"Not to experts who have paused or opted out of its topics. You offer each a place.": "Nid i arbenigwyr sydd wedi oedi neu optio allan o'i bynciau. Rydych chi'n cynnig lle i bob un.",
	"Offer a place": "Cynnig lle",
	"Offered an expert who asked a place in an involvement": "Cynnig lle mewn cyfraniad i arbenigwr a ofynnodd",
	"Opportunities you can ask to join":                     "Cyfleoedd y gallwch ofyn am ymuno â nhw",
	"Pay rate":                                              "Cyfradd dâl",
	"Rate for":                                              "Cyfradd am",
	"Rate, in pounds":                                       "Cyfradd, mewn punnoedd",
	"Thank you. We have told the co-production lead, who will offer you a place if there is one.":           "Diolch. Rydym wedi dweud wrth yr arweinydd cydgynhyrchu, a fydd yn cynnig lle i chi os oes un.",
	"The training session or review this is for is not one of your organisation's":                          "Nid yw'r sesiwn hyfforddi na'r adolygiad y mae hwn ar ei gyfer yn un o rai eich sefydliad",
	"Their check for this involvement is not in date on the day of the session: record their renewal first": "Nid yw eu gwiriad ar gyfer y cyfraniad hwn yn ddilys ar ddiwrnod y sesiwn: cofnodwch eu hadnewyddiad yn gyntaf",
	"There is no such opportunity.":                "Nid oes cyfle o'r fath.",
	"There is no such session or review.":          "Nid oes sesiwn nac adolygiad o'r fath.",
	"They are offered a place and told by email.":  "Mae lle wedi'i gynnig iddyn nhw a chawsant wybod drwy e-bost.",
	"This expert has been offered a place already": "Mae lle eisoes wedi'i gynnig i'r arbenigwr hwn",
	"Trainers. A co-production lead adds lived experience experts from the session's register, so they are paid and followed up.":                          "Hyfforddwyr. Mae arweinydd cydgynhyrchu yn ychwanegu arbenigwyr trwy brofiad o gofrestr y sesiwn, fel eu bod yn cael eu talu a bod rhywun yn holi amdanynt wedyn.",
	"What you pay at each level, by the hour, the half day or the day. A rise is a new rate from a later day: earlier work keeps the rate it was done at.": "Yr hyn rydych yn ei dalu ar bob lefel, fesul awr, hanner diwrnod neu ddiwrnod. Mae codiad yn gyfradd newydd o ddiwrnod diweddarach: mae gwaith cynharach yn cadw'r gyfradd y cafodd ei wneud arni.",
	"Yes: it shows on their pages until it starts":                             "Ydy: mae'n dangos ar eu tudalennau nes iddo ddechrau",
	"Yes: show it on experts' pages so they can ask":                           "Ie: ei ddangos ar dudalennau arbenigwyr fel y gallant ofyn",
	"You have asked to take part. You can answer once you are offered a place": "Rydych wedi gofyn am gymryd rhan. Gallwch ateb pan gynigir lle i chi",
	"and %d more":             "a %d arall",
	"nobody has said yes yet": "nid oes neb wedi dweud ie eto",
}

func init() { addWelsh(welshCoprodLinks) }
