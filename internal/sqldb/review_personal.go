package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What Traffic Light reviews hold about the people who lead them, rate in
// them and own their actions. Ratings stay, for the review's counts, on an
// account that erasure anonymises.
var _ = declare(
	lightbulb.PersonalTable{Table: "review_frameworks", Section: "review_framework_edits", Order: "id",
		About: "Versions of review frameworks you edited, by the name shown as their editor.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "a framework's title"},
			{Column: "edited_by", Holds: lightbulb.HoldsName, Find: true, Erase: lightbulb.EraseAnonymise},
		},
		Export: []string{"id", "slug", "version", "edited_by", "created_at"}},
	lightbulb.PersonalTable{Table: "reviews", Section: "reviews_led", Order: "id",
		About: "Traffic Light reviews you lead.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "lead_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the review is the organisation's record; it points at the account, which is anonymised"},
		},
		Export: []string{"id", "org_id", "subject", "status", "period_start", "period_end", "created_at", "submitted_at"}},
	lightbulb.PersonalTable{Table: "review_contributors", Section: "review_invitations", Order: "review_id",
		About: "Reviews you were invited to rate, and as whom (staff, person who uses the service, or expert).",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the invitation counts towards the review; it points at the account, which is anonymised"},
		}},
	lightbulb.PersonalTable{Table: "review_contributions", Section: "review_ratings", Order: "review_id, code",
		About: "Your ratings and evidence in Traffic Light reviews.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "ratings count towards the review; they point at the account, which is anonymised"},
			{Column: "evidence", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "review_finals", Section: "review_ratings_agreed", Order: "review_id, code",
		About: "Ratings you agreed for a review as its lead.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "agreed_by", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the agreed rating is the organisation's record; it points at the account, which is anonymised"},
			{Column: "evidence", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "review_actions", Section: "review_actions_owned", Order: "id",
		About: "Actions from reviews that you own.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "owner_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the action is the organisation's record; it points at the account, which is anonymised"},
			{Column: "description", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "review_shares", Section: "review_shares", Order: "id",
		About: "Sharing of review results with a commissioner that you started or stopped, by the name recorded.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsName, Find: true, Erase: lightbulb.EraseAnonymise},
			{Column: "revoked_by", Holds: lightbulb.HoldsName, Find: true, Erase: lightbulb.EraseAnonymise},
		}},
	lightbulb.PersonalTable{Table: "review_voices", Section: "review_voices_recorded", Order: "id",
		About: "Views of people who use a service, without an account, that you invited by email or recorded from a group or an advocate. No name or email address of theirs is kept here.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the views belong to the review; they point at the lead's account, which is anonymised"},
			{Column: "label", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"id", "review_id", "via", "label", "created_at", "expires_at"}},
	// Ratings given without an account find no person; names or email
	// addresses written in the evidence are scrubbed when the person they
	// name is erased.
	lightbulb.PersonalTable{Table: "review_voice_ratings",
		Columns: []lightbulb.PersonalColumn{
			{Column: "evidence", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
)
