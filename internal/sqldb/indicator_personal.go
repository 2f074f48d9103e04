package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What indicators and board reports hold about people: the name of whoever
// recomputed a month, set a target, marked a change or wrote a report. The figures are counts.
var _ = declare(
	lightbulb.PersonalTable{Table: "indicator_months", Columns: []lightbulb.PersonalColumn{
		{Column: "computed_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
	}},
	lightbulb.PersonalTable{Table: "indicator_targets", Columns: []lightbulb.PersonalColumn{
		{Column: "set_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
	}},
	lightbulb.PersonalTable{Table: "indicator_changes", Columns: []lightbulb.PersonalColumn{
		{Column: "set_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
		{Column: "reason", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
	}},
	lightbulb.PersonalTable{Table: "indicator_shares", Columns: []lightbulb.PersonalColumn{
		{Column: "created_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
		{Column: "revoked_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
	}},
	lightbulb.PersonalTable{Table: "board_reports", Columns: []lightbulb.PersonalColumn{
		{Column: "created_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
		{Column: "purpose", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		{Column: "summary", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
	}},
	lightbulb.PersonalTable{Table: "board_report_items", Columns: []lightbulb.PersonalColumn{
		{Column: "tells_us", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		{Column: "actions", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
	}},
	lightbulb.PersonalTable{Table: "board_report_files", Columns: []lightbulb.PersonalColumn{
		{Column: "pdf", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseKeep,
			Why: "the issued board paper as the board saw it, a governance record; its text is compressed, so names cannot be scrubbed in place: the report's own fields are scrubbed, and an operator who must remove a name deletes this row and empties the report's build_state, so the lead can build the files again"},
		{Column: "csv", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "indicator names and monthly figures only"},
	}},
)
