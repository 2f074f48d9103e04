package sqldb

import lightbulb "github.com/lightbulb-hr/lightbulb"

// What co-production holds about lived experience experts. A profile (with
// its access needs, consents, opt-outs and payment preference), the
// invitations and the wellbeing follow-ups are deleted on erasure; claims
// are the organisation's financial records and are kept against the
// anonymised account, with the charity paid to and any words scrubbed.
var _ = declare(
	lightbulb.PersonalTable{Table: "coprod_profiles", Section: "coproduction_profile", Order: "org_id", OnePerson: true,
		About: "Your co-production profile: the name you go by, how to contact you, your access needs, your consents, what you opted out of and how you like to be paid.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "user_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "preferred_name", Holds: lightbulb.HoldsName, Erase: lightbulb.EraseDelete},
			{Column: "phone", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "contact_by", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "format", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "breaks", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "captions", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "easy_read", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "avoid_times", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "opt_out_topics", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "pay_pref", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "charity", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "cap_pence", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "public_sector", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "shared_groups", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
		}},
	lightbulb.PersonalTable{Table: "coprod_invites", Section: "coproduction_invitations", Order: "id",
		About: "The involvements you were invited to, what you were offered and your answers.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "expert_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
		}},
	lightbulb.PersonalTable{Table: "coprod_claims", Section: "coproduction_claims", Order: "id",
		About: "Your claims for time and expenses, what you were owed and when it was paid.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "expert_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseKeep,
				Why: "a payment record the organisation must keep; it points at the account, which erasure anonymises"},
			{Column: "pay_to", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseAnonymise, Stand: "''"},
			{Column: "expenses_note", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "recorded_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever recorded it, which erasure anonymises"},
			{Column: "approved_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the approver's account, which erasure anonymises"},
			{Column: "second_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the second approver's account, which erasure anonymises"},
		},
		Export: []string{"id", "involvement_id", "minutes", "rate_pence", "fee_pence", "expenses_pence", "expenses_note", "pay_pref",
			"pay_to", "state", "approved_at", "paid_on", "created_at"}},
	lightbulb.PersonalTable{Table: "coprod_followups", Section: "coproduction_followups", Order: "id",
		About: "Wellbeing check-ins after involvements, or that you asked for: when, how, how you were and the note written for you.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "expert_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "note", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "supporter_id", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the supporter's account, which erasure anonymises"},
			{Column: "done_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever checked in, which erasure anonymises"},
		},
		Export: []string{"id", "involvement_id", "due_at", "done_at", "method", "outcome", "note", "requested"}},
	lightbulb.PersonalTable{Table: "coprod_involvements",
		Columns: []lightbulb.PersonalColumn{
			{Column: "supporter_id", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the supporter's account, which erasure anonymises"},
			{Column: "lead_id", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the lead's account, which erasure anonymises"},
			{Column: "title", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "place", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "access", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
		}},
	lightbulb.PersonalTable{Table: "coprod_quotes", Section: "coproduction_quotes", Order: "id",
		About: "Words of yours an organisation asked to quote, where, and your answer.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "expert_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "words", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseDelete},
			{Column: "asked_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever asked, which erasure anonymises"},
		},
		Export: []string{"id", "words", "use_for", "state", "asked_at", "answered_at"}},
	lightbulb.PersonalTable{Table: "coprod_room_notes",
		Columns: []lightbulb.PersonalColumn{
			{Column: "note", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseScrub},
			{Column: "updated_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the lead's account, which erasure anonymises"},
		}},
	lightbulb.PersonalTable{Table: "coprod_receipts", Section: "coproduction_receipts", Order: "id",
		About: "Receipts you sent with your claims: the file's name, kind and size (the files are kept with the claims as evidence of payment).",
		Link:  &lightbulb.PersonalLink{Column: "claim_id", Parent: "coprod_claims"},
		Columns: []lightbulb.PersonalColumn{
			{Column: "filename", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseAnonymise, Stand: "'receipt'"},
			{Column: "body", Holds: lightbulb.HoldsText, Erase: lightbulb.EraseKeep,
				Why: "a receipt is the organisation's evidence of what it paid, kept with the claim it belongs to"},
		},
		Export: []string{"id", "claim_id", "filename", "content_type", "size", "created_at"}},
	lightbulb.PersonalTable{Table: "coprod_checks", Section: "coproduction_checks", Order: "id",
		About: "Checks recorded for you, such as a DBS check or safeguarding training: which, when done and when they end.",
		Columns: []lightbulb.PersonalColumn{
			{Column: "expert_id", Holds: lightbulb.HoldsUserID, Find: true, Erase: lightbulb.EraseDelete},
			{Column: "recorded_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever recorded it, which erasure anonymises"},
		},
		Export: []string{"id", "kind", "checked_on", "expires_on", "created_at"}},
	lightbulb.PersonalTable{Table: "coprod_settings",
		Columns: []lightbulb.PersonalColumn{
			{Column: "updated_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the lead's account, which erasure anonymises"},
		}},
	lightbulb.PersonalTable{Table: "coprod_rates",
		Columns: []lightbulb.PersonalColumn{
			{Column: "created_by", Holds: lightbulb.HoldsUserID, Erase: lightbulb.EraseKeep,
				Why: "points at the account of whoever set the rate, which erasure anonymises"},
		}},
)
