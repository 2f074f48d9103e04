-- Everyday decisions: services (wards, teams, homes), decisions with their
-- reasoning as JSON, the versions kept when a decision is made or reviewed,
-- and the review reminders sent. Review dates are YYYY-MM-DD text in both
-- engines, so they compare the same way.
CREATE TABLE services (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	name TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (org_id, name)
);

CREATE TABLE decisions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	service_id INTEGER NOT NULL REFERENCES services(id),
	status TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 0,
	blanket BOOLEAN NOT NULL DEFAULT 0,
	rights TEXT NOT NULL DEFAULT '',
	restricted TEXT NOT NULL DEFAULT '',
	review_date TEXT NOT NULL DEFAULT '',
	complete BOOLEAN NOT NULL DEFAULT 0,
	reasoning TEXT NOT NULL,
	owner_id INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX decisions_org ON decisions(org_id, status, review_date);

CREATE TABLE decision_versions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	decision_id INTEGER NOT NULL REFERENCES decisions(id),
	number INTEGER NOT NULL,
	status TEXT NOT NULL,
	kind TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	outcome TEXT NOT NULL DEFAULT '',
	reasoning TEXT NOT NULL,
	actor_id INTEGER REFERENCES users(id),
	actor_name TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (decision_id, number)
);

CREATE TABLE decision_reminders (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	decision_id INTEGER NOT NULL REFERENCES decisions(id),
	review_date TEXT NOT NULL,
	sent_at TIMESTAMP NOT NULL,
	PRIMARY KEY (decision_id, review_date)
);
