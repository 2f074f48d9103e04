package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// The content version numbers hold no one: their names are fixed words.
var _ = declare(
	lightbulb.PersonalTable{Table: "content_versions",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "the kind of content a version number counts"},
		}},
)
