-- The one job queue for every capability (internal/jobs). Jobs may belong to
-- no organisation (email delivery, daily schedules), carry a state, a lease
-- for work done outside the claiming transaction, their own attempt limit,
-- and an optional key that makes an enqueue happen once (one run of a daily
-- schedule, one feedback request per booking).
CREATE TABLE jobs_new (
	id INTEGER PRIMARY KEY,
	org_id INTEGER REFERENCES organisations(id),
	kind TEXT NOT NULL,
	payload TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'queued',
	run_at TIMESTAMP NOT NULL,
	locked_until TIMESTAMP,
	locked_by TEXT NOT NULL DEFAULT '',
	done_at TIMESTAMP,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	unique_key TEXT,
	created_at TIMESTAMP NOT NULL
);
INSERT INTO jobs_new (id, org_id, kind, payload, state, run_at, done_at, attempts, last_error, created_at)
	SELECT id, org_id, kind, payload,
		CASE WHEN done_at IS NOT NULL THEN 'done' WHEN attempts >= 5 THEN 'failed' ELSE 'queued' END,
		run_at, done_at, attempts, last_error, created_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_due ON jobs(state, run_at);
CREATE UNIQUE INDEX jobs_unique ON jobs(unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX jobs_kind ON jobs(kind, payload);

-- Each email is delivered by a job; the outbox row points at it so the admin
-- page shows attempts, next try and last error from the one place they live.
ALTER TABLE outbox ADD COLUMN job_id INTEGER;
ALTER TABLE outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
