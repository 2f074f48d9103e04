-- Casework: complaints, PALS concerns, incidents and safeguarding concerns,
-- the rights suggested for or added to each and a reviewer's verdicts, and
-- saved CSV column mappings. Dates received are YYYY-MM-DD text in both
-- engines. The source reference is unique in an organisation, so a re-import
-- updates rather than duplicates.
CREATE TABLE cases (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	type TEXT NOT NULL,
	source_ref TEXT NOT NULL,
	received TEXT NOT NULL,
	service_id INTEGER NOT NULL REFERENCES services(id),
	summary TEXT NOT NULL,
	harm TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'open',
	person_ref TEXT NOT NULL DEFAULT '',
	reviewed BOOLEAN NOT NULL DEFAULT 0,
	freda TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	reviewed_by TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (org_id, source_ref)
);
-- The list pages newest first; indicators scan a covering index.
CREATE INDEX cases_list ON cases(org_id, received DESC, id DESC);
CREATE INDEX cases_ind ON cases(org_id, received, service_id, type, harm, reviewed);

CREATE TABLE case_rights (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	code TEXT NOT NULL,
	suggested BOOLEAN NOT NULL DEFAULT 0,
	score REAL NOT NULL DEFAULT 0,
	because TEXT NOT NULL DEFAULT '',
	verdict TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (case_id, code)
);
CREATE INDEX case_rights_verdict ON case_rights(org_id, verdict, code);

CREATE TABLE case_mappings (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	name TEXT NOT NULL,
	mapping TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, name)
);

-- A file uploaded in the browser waits here between the mapping, the check
-- and the import, so any server process can carry on with it.
CREATE TABLE case_uploads (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	token TEXT NOT NULL,
	name TEXT NOT NULL,
	body BLOB NOT NULL,
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, token)
);
