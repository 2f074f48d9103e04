-- Co-production (docs/coproduction.md): lived experience experts' own
-- profiles, involvements they are invited to, their claims for time and
-- expenses, the organisation's rates and wellbeing follow-ups.

-- An expert's profile in one organisation. Consents start off; access needs
-- and payment details are seen only by those arranging or paying.
CREATE TABLE coprod_profiles (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	preferred_name TEXT NOT NULL,
	phone TEXT NOT NULL DEFAULT '',
	contact_by TEXT NOT NULL DEFAULT 'email',
	format TEXT NOT NULL DEFAULT '',
	breaks TEXT NOT NULL DEFAULT '',
	captions TEXT NOT NULL DEFAULT '',
	easy_read TEXT NOT NULL DEFAULT '',
	avoid_times TEXT NOT NULL DEFAULT '',
	avoid_times_prefer_not BOOLEAN NOT NULL DEFAULT 0,
	consent_credit BOOLEAN NOT NULL DEFAULT 0,
	consent_quote_internal BOOLEAN NOT NULL DEFAULT 0,
	consent_quote_public BOOLEAN NOT NULL DEFAULT 0,
	consent_recording BOOLEAN NOT NULL DEFAULT 0,
	paused BOOLEAN NOT NULL DEFAULT 0,
	opt_out_topics TEXT NOT NULL DEFAULT '',
	pay_pref TEXT NOT NULL DEFAULT 'paid',
	reduced_pence INTEGER NOT NULL DEFAULT 0,
	charity TEXT NOT NULL DEFAULT '',
	cap_pence INTEGER NOT NULL DEFAULT 0,
	cap_period TEXT NOT NULL DEFAULT '',
	-- The groups the expert chooses to share, for counts only.
	shared_groups TEXT NOT NULL DEFAULT '',
	public_sector BOOLEAN NOT NULL DEFAULT 0,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, user_id)
);

-- Rates per hour by level; a rise is a new row with a later start.
CREATE TABLE coprod_rates (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	level TEXT NOT NULL,
	pence INTEGER NOT NULL,
	starts_on TEXT NOT NULL,
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	UNIQUE (org_id, level, starts_on)
);

CREATE TABLE coprod_involvements (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	activity TEXT NOT NULL,
	level TEXT NOT NULL,
	starts_at TIMESTAMP NOT NULL,
	minutes INTEGER NOT NULL,
	prep_minutes INTEGER NOT NULL DEFAULT 0,
	follow_minutes INTEGER NOT NULL DEFAULT 0,
	place TEXT NOT NULL,
	topics TEXT NOT NULL DEFAULT '',
	access TEXT NOT NULL DEFAULT '',
	supporter_id INTEGER NOT NULL REFERENCES users(id),
	lead_id INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX coprod_involvements_org ON coprod_involvements(org_id, starts_at);

CREATE TABLE coprod_invites (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	involvement_id INTEGER NOT NULL REFERENCES coprod_involvements(id),
	expert_id INTEGER NOT NULL REFERENCES users(id),
	state TEXT NOT NULL DEFAULT 'invited',
	offer_pence INTEGER NOT NULL DEFAULT 0,
	responded_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (involvement_id, expert_id)
);
CREATE INDEX coprod_invites_expert ON coprod_invites(org_id, expert_id);

CREATE TABLE coprod_claims (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	involvement_id INTEGER NOT NULL REFERENCES coprod_involvements(id),
	expert_id INTEGER NOT NULL REFERENCES users(id),
	minutes INTEGER NOT NULL,
	rate_pence INTEGER NOT NULL,
	fee_pence INTEGER NOT NULL,
	expenses_pence INTEGER NOT NULL DEFAULT 0,
	expenses_note TEXT NOT NULL DEFAULT '',
	pay_pref TEXT NOT NULL,
	pay_to TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'submitted',
	recorded_by INTEGER NOT NULL REFERENCES users(id),
	approved_by INTEGER REFERENCES users(id),
	approved_at TIMESTAMP,
	-- A second approver, for claims above the organisation's amount.
	second_by INTEGER REFERENCES users(id),
	second_at TIMESTAMP,
	paid_on TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (involvement_id, expert_id)
);
CREATE INDEX coprod_claims_org ON coprod_claims(org_id, created_at);

-- Wellbeing follow-ups: one per expert after an involvement, or asked for.
CREATE TABLE coprod_followups (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	involvement_id INTEGER REFERENCES coprod_involvements(id),
	expert_id INTEGER NOT NULL REFERENCES users(id),
	supporter_id INTEGER REFERENCES users(id),
	due_at TIMESTAMP NOT NULL,
	done_at TIMESTAMP,
	done_by INTEGER REFERENCES users(id),
	method TEXT NOT NULL DEFAULT '',
	outcome TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	requested BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (involvement_id, expert_id)
);
CREATE INDEX coprod_followups_org ON coprod_followups(org_id, due_at);

-- Quotes an organisation would like to use, waiting for the expert to
-- approve these exact words; changed words are a new request.
CREATE TABLE coprod_quotes (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	expert_id INTEGER NOT NULL REFERENCES users(id),
	words TEXT NOT NULL,
	use_for TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'asked',
	asked_by INTEGER NOT NULL REFERENCES users(id),
	asked_at TIMESTAMP NOT NULL,
	answered_at TIMESTAMP
);
CREATE INDEX coprod_quotes_expert ON coprod_quotes(org_id, expert_id);

-- The lead's note of who is not in the room: voices missing from the work.
CREATE TABLE coprod_room_notes (
	org_id INTEGER PRIMARY KEY REFERENCES organisations(id),
	note TEXT NOT NULL,
	updated_by INTEGER REFERENCES users(id),
	updated_at TIMESTAMP NOT NULL
);

-- Each organisation's co-production settings: claims above this many pence
-- need a second approver (0: never).
CREATE TABLE coprod_settings (
	org_id INTEGER PRIMARY KEY REFERENCES organisations(id),
	second_above_pence INTEGER NOT NULL DEFAULT 0,
	updated_by INTEGER REFERENCES users(id),
	updated_at TIMESTAMP NOT NULL
);

-- A receipt for a claim's expenses: an image or PDF up to 10 MB, kept with
-- the claim as the organisation's evidence of what it paid.
CREATE TABLE coprod_receipts (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	claim_id INTEGER NOT NULL UNIQUE REFERENCES coprod_claims(id),
	filename TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	body BLOB NOT NULL,
	created_at TIMESTAMP NOT NULL
);
