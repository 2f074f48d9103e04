package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What commissioning holds about people. Its records are organisations'
// contract and assurance records: they point at the accounts of whoever
// wrote them, which erasure anonymises, and the free text in them (the
// provider's evidence, the report, comments on its facts) is scrubbed of
// the person's name and email address.
var _ = declare(
	lightbulb.PersonalTable{Table: "comm_principles",
		Columns: []lightbulb.PersonalColumn{
			{Column: "published_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever published the statement, which erasure anonymises"},
		}},
	lightbulb.PersonalTable{Table: "comm_requirements",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever wrote the requirement, which erasure anonymises"},
		}},
	lightbulb.PersonalTable{Table: "comm_contracts",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever recorded the contract, which erasure anonymises"},
			{Column: "provider_name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep,
				Why: "the name of a provider organisation that is not on Lightbulb, not of a person"},
		}},
	lightbulb.PersonalTable{Table: "comm_returns",
		Columns: []lightbulb.PersonalColumn{
			{Column: "submitted_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the provider's lead who returned it, which erasure anonymises"},
		}},
	lightbulb.PersonalTable{Table: "comm_answers",
		Columns: []lightbulb.PersonalColumn{
			{Column: "evidence", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "comm_assessments",
		Columns: []lightbulb.PersonalColumn{
			{Column: "issued_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the commissioner who issued the report, which erasure anonymises"},
			{Column: "summary", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "comm_assessment_lines",
		Columns: []lightbulb.PersonalColumn{
			{Column: "note", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "comm_fact_comments",
		Columns: []lightbulb.PersonalColumn{
			{Column: "written_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the provider's lead who commented, which erasure anonymises"},
			{Column: "comment", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
)
