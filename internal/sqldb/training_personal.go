package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What training holds about people: bookings (by account, or by email for
// the public) and bespoke requests. Erasure and retention anonymise rather
// than delete them, so sessions keep their numbers.
var _ = declare(
	lightbulb.PersonalTable{Table: "training_cohorts",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a cohort's title"},
		}},
	lightbulb.PersonalTable{Table: "training_sessions",
		Columns: []lightbulb.PersonalColumn{
			{Column: "facilitators", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "notes", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "training_bookings", Section: "training_bookings", Order: "id", OnePerson: true,
		About: "Training sessions you booked or were booked on, your place (booked, waiting, offered, cancelled) and your attendance.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "points at the account, which is anonymised; the booking still counts"},
			{Column: "email", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseAnonymise},
			{Column: "name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
			{Column: "access_needs", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseAnonymise},
			{Column: "organisation", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "the name of the organisation the booker works for"},
		},
		Export: []string{"id", "org_id", "session_id", "name", "email", "status", "offer_expires", "attendance", "access_needs", "organisation",
			"created_at", "updated_at"}},
	lightbulb.PersonalTable{Table: "training_cohort_members", Section: "cohort_memberships", Order: "id", OnePerson: true,
		About: "Training programmes your organisation named you a member of.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "email", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseDelete},
			{Column: "added_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of the lead or trainer who added the member, which is anonymised"},
		},
		Export: []string{"id", "cohort_id", "email", "name", "created_at"}},
	lightbulb.PersonalTable{Table: "training_requests", Section: "bespoke_requests", Order: "id", OnePerson: true,
		About: "Requests you made for bespoke training, with what you told us.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "org_name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "the requesting organisation's name"},
			{Column: "email", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseAnonymise},
			{Column: "contact_name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
			{Column: "challenges", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "notes", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
)
