package lightbulb

// Casework's indicator of which rights complaints and incidents engage.
func init() {
	DefineIndicator(IndicatorDef{Key: "cases.by_right", Name: "Cases engaging a right",
		Definition: "Complaints, concerns and incidents received in the month for which a reviewer confirmed that at least one right was engaged, by the time the month is computed; the page also counts each right.",
		Numerator:  "Cases received in the month with a right confirmed",
		Source:     "Complaints and incidents", SourceURL: "/cases/indicators",
		Better: BetterNeither, Unit: UnitCount, ByService: true, Parts: PartsRight})
}
