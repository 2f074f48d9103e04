package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What the Action Plan and the newsletter hold about people. A signature is
// anonymised rather than deleted, so the public counts stay; a subscriber
// is deleted with the record of what they were sent.
var _ = declare(
	lightbulb.PersonalTable{Table: "app_secrets",
		Columns: []lightbulb.PersonalColumn{
			{Column: "name", Holds: lightbulb.HoldsNothing, Erase: lightbulb.EraseKeep, Why: "the name of a signing key"},
		}},
	lightbulb.PersonalTable{Table: "actionplan_signatures", Section: "actionplan_signatures", Order: "id", OnePerson: true,
		About: "Your signature of the Human Rights Action Plan: the role you signed as, where you are, your own action and whether you wanted check-ins.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "email", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseAnonymise,
				Stand: "'erased-' || id || '@erased.invalid'"},
			{Column: "name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseAnonymise, Stand: "''"},
			{Column: "organisation", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseAnonymise, Stand: "''"},
			{Column: "own_action", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseAnonymise, Stand: "''"},
		},
		Export: []string{"id", "role", "name", "email", "organisation", "nation", "local_authority", "lang", "checkins",
			"own_action", "own_state", "status", "created_at", "confirmed_at", "stopped_at"}},
	lightbulb.PersonalTable{Table: "actionplan_checkins", Section: "actionplan_checkins", Order: "id",
		About: "Your answers to the Action Plan's check-ins, with any story you told us.",
		Link:  &lightbulb.PersonalLink{Column: "signature_id", Parent: "actionplan_signatures"},
		Columns: []lightbulb.PersonalColumn{
			{Column: "story", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		},
		Export: []string{"id", "months", "sent_at", "answered_at", "story", "quote_ok", "story_state"}},
	lightbulb.PersonalTable{Table: "actionplan_action_versions",
		Columns: []lightbulb.PersonalColumn{
			{Column: "edited_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the charity's editor's account, which is anonymised"},
		}},
	lightbulb.PersonalTable{Table: "newsletter_subscribers", Section: "newsletter", Order: "id", OnePerson: true,
		About: "Your newsletter subscription: your address, language, when and to what wording you agreed, and whether it stopped.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "email", Holds: lightbulb.HoldsEmail, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "ip", Holds: lightbulb.HoldsAddress, Erase: lightbulb.EraseDelete},
		},
		Export: []string{"id", "email", "lang", "status", "consent_text", "consent_at", "ip", "stop_reason", "created_at",
			"confirmed_at", "unsubscribed_at"}},
	lightbulb.PersonalTable{Table: "newsletter_sends", Section: "newsletter_sends", Order: "campaign_id",
		About:  "Which newsletters we sent you, and when.",
		Link:   &lightbulb.PersonalLink{Column: "subscriber_id", Parent: "newsletter_subscribers", Delete: true},
		Export: []string{"campaign_id", "queued_at"}},
	lightbulb.PersonalTable{Table: "newsletter_campaigns",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the charity's author's account, which is anonymised"},
		}},
)

// The admin's "find a person" also searches Action Plan signatures and
// newsletter subscribers, by email address or name.
func init() {
	finders = append(finders,
		`SELECT 'signature', 0, g.email, g.name, '', '', g.role, g.created_at FROM actionplan_signatures g
			WHERE g.anonymised_at IS NULL AND (lower(g.email) LIKE $1 ESCAPE '\' OR lower(g.name) LIKE $1 ESCAPE '\')
			ORDER BY g.created_at DESC, g.id`,
		`SELECT 'subscriber', 0, u.email, '', '', '', u.status, u.created_at FROM newsletter_subscribers u
			WHERE lower(u.email) LIKE $1 ESCAPE '\' ORDER BY u.created_at DESC, u.id`)
}
