CREATE TABLE review_frameworks (
	id INTEGER PRIMARY KEY,
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	version INTEGER NOT NULL,
	edited_by TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (slug, version)
);

CREATE TABLE review_statements (
	id INTEGER PRIMARY KEY,
	framework_id INTEGER NOT NULL REFERENCES review_frameworks(id),
	code TEXT NOT NULL,
	theme TEXT NOT NULL,
	sort INTEGER NOT NULL,
	text TEXT NOT NULL,
	good TEXT NOT NULL,
	red_means TEXT NOT NULL,
	amber_means TEXT NOT NULL,
	green_means TEXT NOT NULL,
	rights TEXT NOT NULL,
	principles TEXT NOT NULL,
	UNIQUE (framework_id, code)
);

CREATE TABLE reviews (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	subject TEXT NOT NULL,
	whole_org BOOLEAN NOT NULL DEFAULT 0,
	period_start TIMESTAMP NOT NULL,
	period_end TIMESTAMP NOT NULL,
	framework_id INTEGER NOT NULL REFERENCES review_frameworks(id),
	status TEXT NOT NULL,
	lead_id INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	submitted_at TIMESTAMP
);
CREATE INDEX reviews_org ON reviews(org_id, subject, submitted_at);

CREATE TABLE review_contributors (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	review_id INTEGER NOT NULL REFERENCES reviews(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	kind TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (review_id, user_id)
);

CREATE TABLE review_contributions (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	review_id INTEGER NOT NULL REFERENCES reviews(id),
	code TEXT NOT NULL,
	user_id INTEGER NOT NULL REFERENCES users(id),
	rating TEXT NOT NULL,
	evidence TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (review_id, code, user_id)
);

CREATE TABLE review_finals (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	review_id INTEGER NOT NULL REFERENCES reviews(id),
	code TEXT NOT NULL,
	rating TEXT NOT NULL,
	evidence TEXT NOT NULL,
	agreed_by INTEGER NOT NULL REFERENCES users(id),
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (review_id, code)
);

CREATE TABLE review_actions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	review_id INTEGER NOT NULL REFERENCES reviews(id),
	code TEXT NOT NULL,
	description TEXT NOT NULL,
	owner_id INTEGER NOT NULL REFERENCES users(id),
	due TIMESTAMP NOT NULL,
	status TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX review_actions_org ON review_actions(org_id, review_id);

CREATE TABLE review_shares (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	commissioner_id INTEGER NOT NULL REFERENCES organisations(id),
	created_by TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	revoked_by TEXT NOT NULL DEFAULT '',
	revoked_at TIMESTAMP
);
CREATE INDEX review_shares_commissioner ON review_shares(commissioner_id, org_id);
