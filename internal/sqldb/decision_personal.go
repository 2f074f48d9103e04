package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What everyday decisions hold about the staff who record them. The
// reasoning is about the person a decision concerns, named only by a
// pseudonymous reference; it stays with the organisation.
var _ = declare(
	lightbulb.PersonalTable{Table: "services",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a ward, team or home"},
		}},
	lightbulb.PersonalTable{Table: "decisions", Section: "decisions_owned", Order: "id",
		About: "Everyday decisions you own. Their reasoning is about the person each decision concerns and is not included here; ask the organisation.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "owner_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the decision is the organisation's record; it points at the account, which is anonymised"},
			{Column: "reasoning", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"id", "org_id", "service_id", "status", "version", "rights", "restricted", "review_date", "created_at", "updated_at"}},
	lightbulb.PersonalTable{Table: "decision_versions", Section: "decision_versions", Order: "decision_id, number",
		About: "Versions of decisions that were saved with your name: when a decision was made or reviewed.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "actor_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "points at the account, which is anonymised"},
			{Column: "actor_name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
			{Column: "note", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "outcome", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "reasoning", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"decision_id", "number", "status", "kind", "actor_name", "created_at"}},
)
