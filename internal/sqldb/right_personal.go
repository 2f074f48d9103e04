package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// The rights library holds no one's data beyond the editor's name on each
// version (declared with the other account data in user_personal.go).
// Uploaded Easy Read pictures are public content; who uploaded one is in
// the audit log, not with the picture.
var _ = declare(
	lightbulb.PersonalTable{Table: "content_languages",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a language's name in English"},
			{Column: "native_name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a language's name in itself"},
		}},
)
