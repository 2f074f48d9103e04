package i18n

// welshProgrammes is the Welsh for running programmes at scale: cohort
// members, series of sessions, delivery reports and the rules that go with
// them.
var welshProgrammes = map[string]string{
	"Attendance can be marked from the start of the session, not before. Notes can be saved at any time.": "Gellir cofnodi presenoldeb o ddechrau'r sesiwn, nid cyn hynny. Gellir cadw nodiadau unrhyw bryd.",
	"Attendance can be marked from the start of the session.":                                             "Gellir cofnodi presenoldeb o ddechrau'r sesiwn.",
	"Save notes": "Cadw nodiadau",
}

func init() { addWelsh(welshProgrammes) }
