package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What invitations and the public forms' mail allowance hold about people.
var _ = declare(
	lightbulb.PersonalTable{Table: "membership_invitations", Section: "invitations", Order: "id",
		About: "Invitations to join an organisation sent to you: the roles offered, when, and whether you accepted.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "invited_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the admin's account, which is itself anonymised when they are erased"},
		},
		Export: []string{"org_id", "roles", "created_at", "expires_at", "accepted_at"}},
	lightbulb.PersonalTable{Table: "mail_allowance", Section: "mail_allowance", Order: "day",
		About: "How many emails the public forms sent your address each day, kept for two days to limit them.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "email", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseDelete},
		},
		Export: []string{"day", "sent"}},
)
