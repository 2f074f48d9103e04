package lightbulb

// The indicators of decisions, casework, training and reviews. A capability
// landing later defines its own in its own file the same way (see
// indicator_actionplan.go) and registers its computation in
// internal/sqldb/indicator_*.go under the same key.
func init() {
	for _, d := range []IndicatorDef{
		{Key: "decisions.complete", Name: "Decisions with complete reasoning",
			Definition:  "Of the everyday decisions recorded in the month, the share whose reasoning is complete: every restricted right tested as its right requires.",
			Numerator:   "Decisions recorded in the month with complete reasoning",
			Denominator: "Decisions recorded in the month",
			Source:      "Everyday decisions", SourceURL: "/decisions/indicators",
			Better: BetterHigher, Unit: UnitPercent, Target: 90, HasTarget: true, ByService: true},
		{Key: "decisions.blanket", Name: "Blanket restrictions recorded",
			Definition: "Everyday decisions recorded in the month that apply a blanket rule to everyone in a service rather than to one person.",
			Numerator:  "Decisions recorded in the month that apply a blanket rule",
			Source:     "Everyday decisions", SourceURL: "/decisions/indicators",
			Better: BetterLower, Unit: UnitCount, ByService: true},
		{Key: "cases.reviewed", Name: "Complaints and incidents reviewed through the rights lens",
			Definition:  "Of the complaints, concerns and incidents received in the month, the share a reviewer has looked at through the rights lens by the time the month is computed.",
			Numerator:   "Cases received in the month and reviewed",
			Denominator: "Cases received in the month",
			Source:      "Complaints and incidents", SourceURL: "/cases/indicators",
			Better: BetterHigher, Unit: UnitPercent, Target: 80, HasTarget: true, ByService: true},
		{Key: "training.attended", Name: "Staff trained",
			Definition: "People of the organisation who attended a human rights training session in the month, each counted once.",
			Numerator:  "People who attended a session in the month",
			Source:     "Training registers", SourceURL: "/training/coverage",
			Better: BetterHigher, Unit: UnitCount},
		{Key: "learning.knowledge", Name: "Knowledge change after training",
			Definition:  "The average change in knowledge check score, after training against before, of people who took the after-training check in the month, in percentage points.",
			Numerator:   "Sum of each person's change in score, in percentage points",
			Denominator: "People who took both checks, the second in the month",
			Source:      "Knowledge checks", SourceURL: "/training/checks",
			Better: BetterHigher, Unit: UnitPoints},
		{Key: "reviews.green", Name: "Traffic Light statements rated green",
			Definition:  "Of the statements rated in Traffic Light reviews submitted in the month, the share agreed as green. Statements marked not applicable are left out.",
			Numerator:   "Statements rated green",
			Denominator: "Statements rated red, amber or green",
			Source:      "Traffic Light reviews", SourceURL: "/reviews",
			Better: BetterHigher, Unit: UnitPercent, Parts: PartsTheme},
	} {
		DefineIndicator(d)
	}
}
