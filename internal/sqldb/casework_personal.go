package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What casework holds about people. A case is about someone who uses the
// service, named only by the organisation's pseudonymous reference: it is
// the organisation's record, found by that reference on the admin's "find a
// person" page and not part of a staff member's export. Reviewers are named.
var _ = declare(
	lightbulb.PersonalTable{Table: "cases", Section: "cases_reviewed", Order: "id",
		About: "Complaints, concerns and incidents you reviewed, by the name recorded as their reviewer. The cases themselves are about other people and are not included.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "reviewed_by", Holds: lightbulb.HoldsName, Find: true, Erase: lightbulb.EraseAnonymise},
			{Column: "person_ref", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep,
				Why: "a pseudonymous reference only the organisation can link to a person; the case is its record"},
			{Column: "summary", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "notes", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"id", "org_id", "source_ref", "type", "reviewed_by", "updated_at"}},
	lightbulb.PersonalTable{Table: "case_assessments", Section: "case_assessments", Order: "case_id",
		About: "Human rights impact assessments of cases that you recorded. The cases themselves are about other people and are not included.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "assessed_by_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the assessment is the organisation's record; it points at the account, which is anonymised"},
			{Column: "assessed_by", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
			{Column: "action_taken", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "learning", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"case_id", "org_id", "finding", "severity", "scope", "rights", "assessed_by", "assessed_at"}},
	lightbulb.PersonalTable{Table: "case_mappings",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a saved column mapping's title"},
		}},
	lightbulb.PersonalTable{Table: "case_uploads",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "an uploaded file's name"},
			{Column: "body", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseKeep,
				Why: "an uploaded CSV waiting to be imported; the next upload deletes any more than 24 hours old"},
			{Column: "options", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub,
				Why: "what a browser import was started with, including who started it (for its audit entry)"},
		}},
)
