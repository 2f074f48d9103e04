-- Security: an organisation's invitation to an existing (or new) account is
-- a pending membership that the person accepts through an emailed link; and
-- the emails public forms send each address each day, counted here so that
-- the cap holds across processes.
CREATE TABLE membership_invitations (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	roles TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	invited_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL,
	accepted_at TIMESTAMP
);
CREATE INDEX membership_invitations_org ON membership_invitations(org_id, id);
CREATE INDEX membership_invitations_user ON membership_invitations(user_id);

CREATE TABLE mail_allowance (
	email TEXT NOT NULL,
	day TEXT NOT NULL,
	sent INTEGER NOT NULL,
	PRIMARY KEY (email, day)
);
