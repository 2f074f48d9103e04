package i18n

// welshPerf is the Welsh for what a busy server says.
var welshPerf = map[string]string{
	"Lightbulb is busy: many people are signing in at once. Wait a few seconds, then try again.": "Mae Lightbulb yn brysur: mae llawer o bobl yn mewngofnodi ar yr un pryd. Arhoswch ychydig eiliadau, yna rhowch gynnig arall arni.",
}

func init() { addWelsh(welshPerf) }
