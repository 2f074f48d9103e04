package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What commissioning holds about people. Its records are organisations'
// contract, assurance, roundtable and visit records: they point at the accounts of whoever
// wrote them, which erasure anonymises, and the free text in them (the
// provider's evidence, the report, comments on its facts, who came to a
// roundtable, a visiting team, an action's owner) is scrubbed of
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
	lightbulb.PersonalTable{Table: "comm_roundtables",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the commissioner who recorded the roundtable, which erasure anonymises"},
			{Column: "attendees", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "notes", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "comm_visits",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the commissioner who planned the visit, which erasure anonymises"},
			{Column: "team", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "summary", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "comm_visit_findings",
		Columns: []lightbulb.PersonalColumn{
			{Column: "finding", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "comm_actions",
		Columns: []lightbulb.PersonalColumn{
			{Column: "owner_org_id", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep,
				Why: "the organisation that owns the action, not a person"},
			{Column: "owner", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "text", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "closing_evidence", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever added the action, which erasure anonymises"},
			{Column: "updated_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever last changed the action, which erasure anonymises"},
		}},
	lightbulb.PersonalTable{Table: "comm_escalations",
		Columns: []lightbulb.PersonalColumn{
			{Column: "changed_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the commissioner who changed the contract's state, which erasure anonymises"},
			{Column: "reason", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
)
