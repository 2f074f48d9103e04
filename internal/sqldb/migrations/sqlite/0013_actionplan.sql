-- The Human Rights Action Plan and the newsletter (docs/actionplan.md). Both
-- belong to the charity that runs the platform, not to a tenant, so their
-- rows carry no organisation id (as the rights library's do not).

-- Secrets made on first use and shared by every process, such as the key
-- that signs unsubscribe links.
CREATE TABLE app_secrets (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- An email may carry a one-click unsubscribe address (RFC 8058).
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT NOT NULL DEFAULT '';

-- The numbered actions for each of the four roles; each edit is a version.
CREATE TABLE actionplan_actions (
	id INTEGER PRIMARY KEY,
	role TEXT NOT NULL,
	position INTEGER NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	text_en TEXT NOT NULL,
	text_cy TEXT NOT NULL DEFAULT '',
	easy_en TEXT NOT NULL DEFAULT '',
	easy_cy TEXT NOT NULL DEFAULT '',
	retired BOOLEAN NOT NULL DEFAULT 0,
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX actionplan_actions_role ON actionplan_actions(role, position);

CREATE TABLE actionplan_action_versions (
	action_id INTEGER NOT NULL REFERENCES actionplan_actions(id),
	version INTEGER NOT NULL,
	text_en TEXT NOT NULL,
	text_cy TEXT NOT NULL,
	easy_en TEXT NOT NULL,
	easy_cy TEXT NOT NULL,
	retired BOOLEAN NOT NULL DEFAULT 0,
	edited_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (action_id, version)
);

-- A signature: one per email address, pending until its emailed link is
-- followed and its button pressed.
CREATE TABLE actionplan_signatures (
	id INTEGER PRIMARY KEY,
	token TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL,
	name TEXT NOT NULL,
	email TEXT NOT NULL,
	organisation TEXT NOT NULL DEFAULT '',
	nation TEXT NOT NULL DEFAULT '',
	local_authority TEXT NOT NULL DEFAULT '',
	lang TEXT NOT NULL DEFAULT 'en',
	checkins BOOLEAN NOT NULL DEFAULT 0,
	own_action TEXT NOT NULL DEFAULT '',
	own_state TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	suspect BOOLEAN NOT NULL DEFAULT 0,
	unasked_mails INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	confirmed_at TIMESTAMP,
	stopped_at TIMESTAMP,
	anonymised_at TIMESTAMP
);
CREATE UNIQUE INDEX actionplan_signatures_email ON actionplan_signatures(email);
CREATE INDEX actionplan_signatures_created ON actionplan_signatures(created_at);

CREATE TABLE actionplan_signature_actions (
	signature_id INTEGER NOT NULL REFERENCES actionplan_signatures(id),
	action_id INTEGER NOT NULL REFERENCES actionplan_actions(id),
	taken_at TIMESTAMP,
	PRIMARY KEY (signature_id, action_id)
);

-- A check-in emailed some months after signing, and its answer.
CREATE TABLE actionplan_checkins (
	id INTEGER PRIMARY KEY,
	signature_id INTEGER NOT NULL REFERENCES actionplan_signatures(id),
	months INTEGER NOT NULL,
	token TEXT NOT NULL UNIQUE,
	sent_at TIMESTAMP NOT NULL,
	answered_at TIMESTAMP,
	story TEXT NOT NULL DEFAULT '',
	quote_ok BOOLEAN NOT NULL DEFAULT 0,
	story_state TEXT NOT NULL DEFAULT '',
	UNIQUE (signature_id, months)
);

-- The public counts, kept by a job so no page counts signatures.
CREATE TABLE actionplan_counts (
	kind TEXT NOT NULL,
	code TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (kind, code)
);

CREATE TABLE actionplan_blocked_domains (
	domain TEXT PRIMARY KEY,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE newsletter_subscribers (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	lang TEXT NOT NULL,
	status TEXT NOT NULL,
	token TEXT NOT NULL UNIQUE,
	consent_text TEXT NOT NULL,
	consent_at TIMESTAMP NOT NULL,
	ip TEXT NOT NULL DEFAULT '',
	unasked_mails INTEGER NOT NULL DEFAULT 0,
	soft_bounces INTEGER NOT NULL DEFAULT 0,
	stop_reason TEXT NOT NULL DEFAULT '',
	unsub_campaign_id INTEGER,
	created_at TIMESTAMP NOT NULL,
	confirmed_at TIMESTAMP,
	unsubscribed_at TIMESTAMP
);

CREATE TABLE newsletter_campaigns (
	id INTEGER PRIMARY KEY,
	subject_en TEXT NOT NULL,
	body_en TEXT NOT NULL,
	subject_cy TEXT NOT NULL,
	body_cy TEXT NOT NULL,
	status TEXT NOT NULL,
	send_at TIMESTAMP,
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP
);

-- One row per subscriber a campaign goes to: its key is what keeps anyone
-- from getting the same campaign twice, whatever restarts.
CREATE TABLE newsletter_sends (
	campaign_id INTEGER NOT NULL REFERENCES newsletter_campaigns(id),
	subscriber_id INTEGER NOT NULL REFERENCES newsletter_subscribers(id),
	outbox_id INTEGER,
	queued_at TIMESTAMP,
	PRIMARY KEY (campaign_id, subscriber_id)
);
CREATE INDEX newsletter_sends_waiting ON newsletter_sends(campaign_id, outbox_id);
