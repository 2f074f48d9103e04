-- Co-produced resources (docs/coproduction.md): guides, and the Easy Read
-- versions and translations that follow them, each with versions and
-- files, and the experts credited (shown only while they agree to be).
CREATE TABLE coprod_resources (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	lang TEXT NOT NULL,
	source_id INTEGER REFERENCES coprod_resources(id),
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX coprod_resources_org ON coprod_resources(org_id, title);

-- One version of a resource with its file. follows is the version of the
-- original an Easy Read version or translation was made from (0 for a
-- guide); a newer original makes it lag.
CREATE TABLE coprod_resource_versions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	resource_id INTEGER NOT NULL REFERENCES coprod_resources(id),
	version INTEGER NOT NULL,
	follows INTEGER NOT NULL DEFAULT 0,
	note TEXT NOT NULL DEFAULT '',
	filename TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	body BLOB NOT NULL,
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	UNIQUE (resource_id, version)
);

CREATE TABLE coprod_resource_credits (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	resource_id INTEGER NOT NULL REFERENCES coprod_resources(id),
	expert_id INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (resource_id, expert_id)
);
CREATE INDEX coprod_resource_credits_expert ON coprod_resource_credits(org_id, expert_id);

-- An involvement open to experts asking to take part: they see it on their
-- page (unless paused or opted out of its topics) and the lead offers them
-- a place.
ALTER TABLE coprod_involvements ADD COLUMN open_to_interest BOOLEAN NOT NULL DEFAULT 0;
