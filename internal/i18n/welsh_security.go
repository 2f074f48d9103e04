package i18n

// welshSecurity is the Welsh for messages about signing in, passwords,
// limits and who may do what.
var welshSecurity = map[string]string{
	"Accept an invitation": "Derbyn gwahoddiad",
	"Accept and join":      "Derbyn ac ymuno",
	"Choose a password for your account, with the email address %s.":                                "Dewiswch gyfrinair ar gyfer eich cyfrif, gyda'r cyfeiriad e-bost %s.",
	"How many emails the public forms sent your address each day, kept for two days to limit them.": "Faint o negeseuon e-bost a anfonodd y ffurflenni cyhoeddus i'ch cyfeiriad bob dydd, a gedwir am ddau ddiwrnod i'w cyfyngu.",
	"If you do not want to join, close this page: nothing changes until you accept.":                "Os nad ydych eisiau ymuno, caewch y dudalen hon: does dim yn newid nes i chi dderbyn.",
	"Invitations not yet accepted": "Gwahoddiadau sydd heb eu derbyn eto",
	"Invitations to join an organisation sent to you: the roles offered, when, and whether you accepted.": "Gwahoddiadau i ymuno â sefydliad a anfonwyd atoch: y rolau a gynigiwyd, pryd, ac a wnaethoch eu derbyn.",
	"Invited": "Gwahoddwyd",
	"Join %s": "Ymuno â %s",
	"Only staff of this organisation can answer its staff survey.": "Dim ond staff y sefydliad hwn all ateb ei arolwg staff.",
	"Send invitation": "Anfon gwahoddiad",
	"Sign in to accept the invitation to join %s.": "Mewngofnodwch i dderbyn y gwahoddiad i ymuno â %s.",
	"These people join when they accept the invitation we emailed them. A link works for 7 days; add the person again to send a new one.": "Mae'r bobl hyn yn ymuno pan fyddan nhw'n derbyn y gwahoddiad a anfonwyd atynt drwy e-bost. Mae dolen yn gweithio am 7 diwrnod; ychwanegwch y person eto i anfon un newydd.",
	"This invitation cannot be used":                                                                                                              "Does dim modd defnyddio'r gwahoddiad hwn",
	"This invitation is for another account. Sign out, then open the link again.":                                                                 "Mae'r gwahoddiad hwn ar gyfer cyfrif arall. Allgofnodwch, yna agorwch y ddolen eto.",
	"This invitation is not valid: it has expired, been used or been replaced. Ask the organisation's admin for a new one.":                       "Nid yw'r gwahoddiad hwn yn ddilys: mae wedi dod i ben, wedi'i ddefnyddio neu wedi'i ddisodli. Gofynnwch i weinyddwr y sefydliad am un newydd.",
	"This is one of the most common passwords, so it is easy to guess. Choose another: three random words are easy to remember and hard to guess": "Dyma un o'r cyfrineiriau mwyaf cyffredin, felly mae'n hawdd ei ddyfalu. Dewiswch un arall: mae tri gair ar hap yn hawdd eu cofio ac yn anodd eu dyfalu",
	"Too many forms have been sent for this email address. Wait a minute, then try again.":                                                        "Mae gormod o ffurflenni wedi'u hanfon ar gyfer y cyfeiriad e-bost hwn. Arhoswch funud, yna rhowch gynnig arall arni.",
	"Too many sign-in attempts. Wait %d seconds, then try again.":                                                                                 "Gormod o ymdrechion i fewngofnodi. Arhoswch %d eiliad, yna rhowch gynnig arall arni.",
	"Too many sign-in attempts. Wait 1 second, then try again.":                                                                                   "Gormod o ymdrechion i fewngofnodi. Arhoswch 1 eiliad, yna rhowch gynnig arall arni.",
	"We email them an invitation. They join your organisation when they accept it.":                                                               "Byddwn yn anfon gwahoddiad atynt drwy e-bost. Maen nhw'n ymuno â'ch sefydliad pan fyddan nhw'n ei dderbyn.",
	"We have already sent this email address as many emails today as we send in a day. Try again tomorrow.":                                       "Rydym eisoes wedi anfon cymaint o negeseuon e-bost i'r cyfeiriad hwn heddiw ag a anfonwn mewn diwrnod. Rhowch gynnig arall arni yfory.",
	"We have emailed an invitation to %s. They join when they accept it.":                                                                         "Rydym wedi anfon gwahoddiad at %s drwy e-bost. Byddan nhw'n ymuno pan fyddan nhw'n ei dderbyn.",
	"You are invited to join %s on Lightbulb as: %s.":                                                                                             "Rydych wedi cael gwahoddiad i ymuno â %s ar Lightbulb fel: %s.",
	"You have joined %s.": "Rydych wedi ymuno â %s.",
	"You have joined %s. Sign in with your new password.": "Rydych wedi ymuno â %s. Mewngofnodwch gyda'ch cyfrinair newydd.",
	"Your password must not be made of your name or email address. Choose another: three random words are easy to remember and hard to guess": "Rhaid i'ch cyfrinair beidio â chael ei wneud o'ch enw na'ch cyfeiriad e-bost. Dewiswch un arall: mae tri gair ar hap yn hawdd eu cofio ac yn anodd eu dyfalu",
}

func init() { addWelsh(welshSecurity) }
