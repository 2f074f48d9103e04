package i18n

// welshSecurity is the Welsh for messages about signing in, passwords,
// limits and who may do what.
var welshSecurity = map[string]string{
	"Only staff of this organisation can answer its staff survey.":                                                                                "Dim ond staff y sefydliad hwn all ateb ei arolwg staff.",
	"This is one of the most common passwords, so it is easy to guess. Choose another: three random words are easy to remember and hard to guess": "Dyma un o'r cyfrineiriau mwyaf cyffredin, felly mae'n hawdd ei ddyfalu. Dewiswch un arall: mae tri gair ar hap yn hawdd eu cofio ac yn anodd eu dyfalu",
	"Too many sign-in attempts. Wait %d seconds, then try again.":                                                                                 "Gormod o ymdrechion i fewngofnodi. Arhoswch %d eiliad, yna rhowch gynnig arall arni.",
	"Too many sign-in attempts. Wait 1 second, then try again.":                                                                                   "Gormod o ymdrechion i fewngofnodi. Arhoswch 1 eiliad, yna rhowch gynnig arall arni.",
	"Your password must not be made of your name or email address. Choose another: three random words are easy to remember and hard to guess":     "Rhaid i'ch cyfrinair beidio â chael ei wneud o'ch enw na'ch cyfeiriad e-bost. Dewiswch un arall: mae tri gair ar hap yn hawdd eu cofio ac yn anodd eu dyfalu",
}

func init() { addWelsh(welshSecurity) }
