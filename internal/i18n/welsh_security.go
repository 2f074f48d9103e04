package i18n

// welshSecurity is the Welsh for messages about signing in, passwords,
// limits and who may do what.
var welshSecurity = map[string]string{
	"Only staff of this organisation can answer its staff survey.": "Dim ond staff y sefydliad hwn all ateb ei arolwg staff.",
}

func init() { addWelsh(welshSecurity) }
