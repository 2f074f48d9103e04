package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What the job queue holds: ids in payloads, and errors that may quote an
// email address.
var _ = declare(
	lightbulb.PersonalTable{Table: "jobs",
		Columns: []lightbulb.PersonalColumn{
			{Column: "payload", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a record's id, such as a booking's"},
			{Column: "last_error", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "locked_by", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "the worker process (host, pid) running the job"},
		}},
)
