CREATE TABLE organisations (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	operator BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL DEFAULT '',
	disabled BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	role TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, user_id, role)
);
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE rights (
	code TEXT PRIMARY KEY,
	article TEXT NOT NULL,
	category TEXT NOT NULL,
	sort INTEGER NOT NULL
);

CREATE TABLE right_texts (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL REFERENCES rights(code),
	lang TEXT NOT NULL,
	version INTEGER NOT NULL,
	title TEXT NOT NULL,
	summary TEXT NOT NULL,
	protects TEXT NOT NULL,
	health_care TEXT NOT NULL,
	restrictions TEXT NOT NULL,
	examples TEXT NOT NULL,
	easy_read TEXT NOT NULL,
	keywords TEXT NOT NULL,
	based_on INTEGER NOT NULL DEFAULT 0,
	category TEXT NOT NULL,
	edited_by TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (code, lang, version)
);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	org_id INTEGER,
	actor_id INTEGER,
	actor_name TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	target TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT '',
	ip TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_org ON audit_log(org_id, id);

CREATE TABLE sessions (
	token TEXT PRIMARY KEY,
	data BLOB NOT NULL,
	expiry TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expiry);

CREATE TABLE password_resets (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	expires_at TIMESTAMP NOT NULL,
	used_at TIMESTAMP
);

CREATE TABLE outbox (
	id INTEGER PRIMARY KEY,
	to_addr TEXT NOT NULL,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	sent_at TIMESTAMP,
	error TEXT NOT NULL DEFAULT ''
);
