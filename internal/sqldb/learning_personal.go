package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What learning holds about people. Feedback and survey answers are
// anonymous by design: feedback names someone only when they chose to give
// their name, and survey answers name no one.
var _ = declare(
	lightbulb.PersonalTable{Table: "learning_feedback", Section: "feedback", Order: "given_on",
		About: "Feedback on training that you gave with your name. Feedback given anonymously cannot be linked to you.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsName, Find: true, Erase: lightbulb.EraseAnonymise, Stand: "''"},
			{Column: "comment", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"session_id", "rating", "comment", "name", "consent", "published", "given_on"}},
	lightbulb.PersonalTable{Table: "learning_feedback_given", Section: "feedback_given", Order: "booking_id",
		About: "Which of your bookings you have given feedback on (not what you said).",
		Link:  &lightbulb.PersonalLink{Column: "booking_id", Parent: "training_bookings"}},
	lightbulb.PersonalTable{Table: "learning_check_attempts", Section: "knowledge_checks", Order: "id",
		About: "Your scores in knowledge checks before and after a course, and the answers you gave.",
		Link:  &lightbulb.PersonalLink{Column: "booking_id", Parent: "training_bookings"}},
	lightbulb.PersonalTable{Table: "learning_surveys",
		Columns: []lightbulb.PersonalColumn{
			{Column: "title", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a survey's title"},
		}},
	lightbulb.PersonalTable{Table: "learning_survey_responded", Section: "surveys_answered", Order: "survey_id",
		About: "Staff surveys you have answered (not your answers, which are kept with no name).",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
		}},
	lightbulb.PersonalTable{Table: "learning_survey_responses",
		Columns: []lightbulb.PersonalColumn{
			{Column: "comment", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "learning_champions", Section: "dignity_champions", Order: "org_id, unit_id",
		About: "The wards, teams or homes you are a dignity champion of.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "assigned_by", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the naming belongs to the champion; it points at the lead's account, which is anonymised"},
		},
		Export: []string{"org_id", "unit_id", "assigned_at"}},
	lightbulb.PersonalTable{Table: "learning_survey_unit_tallies",
		Columns: []lightbulb.PersonalColumn{
			{Column: "unit_id", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "counts of answers by ward, with no person"},
		}},
	lightbulb.PersonalTable{Table: "learning_needs", Section: "learning_needs",
		About: "The rights and practice issues you want training to focus on.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
		}},
	lightbulb.PersonalTable{Table: "learning_plans", Section: "plans", Order: "id",
		About: "Your reflection and embedding plans.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "reflection", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "learning_plan_actions", Section: "plan_actions", Order: "plan_id, position",
		About: "The actions in your plans.",
		Link:  &lightbulb.PersonalLink{Column: "plan_id", Parent: "learning_plans", Delete: true},
		Columns: []lightbulb.PersonalColumn{
			{Column: "text", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "learning_plan_checkins", Section: "plan_checkins", Order: "plan_id, months",
		About: "Your one- and three-month check-ins on your plans, with your answers.",
		Link:  &lightbulb.PersonalLink{Column: "plan_id", Parent: "learning_plans", Delete: true},
		Columns: []lightbulb.PersonalColumn{
			{Column: "answer", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
)
