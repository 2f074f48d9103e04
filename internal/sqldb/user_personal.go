package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What accounts, sign-in and the audit log hold about people.
var _ = declare(
	lightbulb.PersonalTable{Table: "users", Section: "account",
		About: "Your account: the email address and name you sign in with, whether it is disabled, and when it was created.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "the account stays as an empty, disabled shell so that records pointing at it keep their shape"},
			{Column: "email", Holds: lightbulb.HoldsEmail, Erase: lightbulb.EraseAnonymise, Stand: `'erased-' || id || '@erased.invalid'`},
			{Column: "name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
			{Column: "password_hash", Holds: lightbulb.HoldsSecret, Erase: lightbulb.EraseAnonymise},
			{Column: "disabled", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseAnonymise, Stand: "TRUE",
				Why: "a flag; erasure sets it so the shell cannot sign in"},
		},
		Export: []string{"id", "email", "name", "disabled", "created_at"}},
	lightbulb.PersonalTable{Table: "memberships", Section: "memberships", Order: "org_id, role",
		About: "The organisations you belong to and your roles in each.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
		},
		Export: []string{"org_id", "role", "created_at"}},
	lightbulb.PersonalTable{Table: "password_resets", Section: "password_resets",
		About: "Password reset links you asked for: when each expires and whether it was used. Only a fingerprint of each link is kept.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
		},
		Export: []string{"expires_at", "used_at"}},
	lightbulb.PersonalTable{Table: "sessions",
		Columns: []lightbulb.PersonalColumn{
			{Column: "data", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseKeep,
				Why: "a signed-in session holds an account id and at most a one-off message; sessions end within 12 hours and are swept hourly, and an erased account cannot use one"},
		}},
	lightbulb.PersonalTable{Table: "organisations",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "an organisation's name"},
		}},
	lightbulb.PersonalTable{Table: "audit_log", Section: "audit_log", Order: "id",
		About: "The audit log: what you did (signing in, changes to sensitive information), with the time and network address, and what others did to your account.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "actor_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "points at the account, which is itself anonymised; the log keeps its shape"},
			{Column: "actor_name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise},
			{Column: "target", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseScrub},
			{Column: "detail", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "ip", Holds: lightbulb.HoldsAddress, Erase: lightbulb.EraseAnonymise},
		}},
	lightbulb.PersonalTable{Table: "outbox", Section: "emails", Order: "id",
		About: "Emails Lightbulb sent to you, with their text.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "to_addr", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "subject", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "body", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "error", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "right_texts", Section: "rights_library_edits", Order: "id",
		About: "Versions of the rights library you edited, by the name shown as their editor.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "edited_by", Holds: lightbulb.HoldsName, Find: true, Erase: lightbulb.EraseAnonymise},
		},
		Export: []string{"code", "lang", "version", "edited_by", "created_at"}},
)
