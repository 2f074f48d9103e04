package lightbulb

import "time"

// Casework's indicator of which rights complaints and incidents engage.
func init() {
	DefineIndicator(IndicatorDef{Key: "cases.by_right", Name: "Cases engaging a right",
		Definition: "Complaints, concerns and incidents received in the month for which a reviewer confirmed that at least one right was engaged, by the time the month is computed; the page also counts each right.",
		Numerator:  "Cases received in the month with a right confirmed",
		Source:     "Complaints and incidents", SourceURL: "/cases/indicators",
		Better: BetterNeither, Unit: UnitCount, ByService: true, Parts: PartsRight})
	DefineIndicator(IndicatorDef{Key: "cases.assessed_in_time", Name: "Cases assessed within 20 working days",
		Definition:  "Of the complaints, concerns and incidents whose 20 working days from receipt ended in the month, the share whose human rights impact assessment was recorded by then (the latest assessment counts).",
		Numerator:   "Cases assessed within 20 working days",
		Denominator: "Cases whose 20 working days ended in the month",
		Source:      "Complaints and incidents", SourceURL: "/cases",
		Better: BetterHigher, Unit: UnitPercent, Target: 80, HasTarget: true})
}

// CaseAssessTarget is how many working days after receipt a case's
// assessment is due.
const CaseAssessTarget = 20

// AssessDue is the day (YYYY-MM-DD) a case received on received must be
// assessed by: CaseAssessTarget working days later, weekends not counted.
func AssessDue(received string) (string, bool) {
	d, err := ParseDate(received)
	if err != nil {
		return "", false
	}
	t := d.Time()
	for n := 0; n < CaseAssessTarget; {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return t.Format(time.DateOnly), true
}
