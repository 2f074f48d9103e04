-- A browser import is a job (cases.import): what it was checked with and what
-- it has done live in columns, so it resumes on any process after a restart.
ALTER TABLE case_uploads ADD COLUMN options TEXT NOT NULL DEFAULT '';
ALTER TABLE case_uploads ADD COLUMN created INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_uploads ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;
-- An import left running by the old in-process runner will never finish.
UPDATE case_uploads SET state = 'failed', message = 'The import stopped part way. The cases stored so far are kept: import the file again to complete it.'
	WHERE state = 'running';
-- One import at a time per organisation.
CREATE UNIQUE INDEX case_uploads_one_import ON case_uploads(org_id) WHERE state IN ('queued', 'running');
