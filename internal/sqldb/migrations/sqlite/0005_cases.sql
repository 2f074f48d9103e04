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
-- The list pages newest first. Filters are checked on the index itself (it
-- carries the service, type, status and review), so a filter that matches
-- only old cases scans the index, never the table (measured at 200,000
-- cases: 37 ms against 260 ms). An index per ward would make that worst case
-- instant but cost 45% of the import's speed at 2.5 million cases.
CREATE INDEX cases_list ON cases(org_id, received DESC, id DESC, service_id, type, status, reviewed);

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
	-- An import started in the browser reports here: state is '', running,
	-- done or failed; any server process can show it.
	state TEXT NOT NULL DEFAULT '',
	done INTEGER NOT NULL DEFAULT 0,
	total INTEGER NOT NULL DEFAULT 0,
	message TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, token)
);

-- Counts by month, service, type, harm and review, so the indicators read a
-- few thousand rows however many cases there are. New cases are counted by
-- the store in the transaction that inserts them (a trigger per insert cost
-- a third of the import's speed); changes and deletions by triggers.
CREATE TABLE case_counts (
	org_id INTEGER NOT NULL,
	month TEXT NOT NULL,
	service_id INTEGER NOT NULL,
	type TEXT NOT NULL,
	harm TEXT NOT NULL,
	reviewed BOOLEAN NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (org_id, month, service_id, type, harm, reviewed)
);

CREATE TRIGGER cases_count_update AFTER UPDATE OF received, service_id, type, harm, reviewed ON cases
WHEN substr(OLD.received, 1, 7) <> substr(NEW.received, 1, 7) OR OLD.service_id <> NEW.service_id OR OLD.type <> NEW.type
	OR OLD.harm <> NEW.harm OR OLD.reviewed <> NEW.reviewed BEGIN
	UPDATE case_counts SET n = n - 1 WHERE org_id = OLD.org_id AND month = substr(OLD.received, 1, 7)
		AND service_id = OLD.service_id AND type = OLD.type AND harm = OLD.harm AND reviewed = OLD.reviewed;
	INSERT INTO case_counts (org_id, month, service_id, type, harm, reviewed, n)
	VALUES (NEW.org_id, substr(NEW.received, 1, 7), NEW.service_id, NEW.type, NEW.harm, NEW.reviewed, 1)
	ON CONFLICT (org_id, month, service_id, type, harm, reviewed) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER cases_count_delete AFTER DELETE ON cases BEGIN
	UPDATE case_counts SET n = n - 1 WHERE org_id = OLD.org_id AND month = substr(OLD.received, 1, 7)
		AND service_id = OLD.service_id AND type = OLD.type AND harm = OLD.harm AND reviewed = OLD.reviewed;
END;
