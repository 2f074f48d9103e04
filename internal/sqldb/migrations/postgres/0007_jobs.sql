-- The one job queue for every capability (internal/jobs). Jobs may belong to
-- no organisation (email delivery, daily schedules), carry a state, a lease
-- for work done outside the claiming transaction, their own attempt limit,
-- and an optional key that makes an enqueue happen once (one run of a daily
-- schedule, one feedback request per booking).
ALTER TABLE jobs ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE jobs ALTER COLUMN payload SET DEFAULT '';
ALTER TABLE jobs ADD COLUMN state TEXT NOT NULL DEFAULT 'queued';
ALTER TABLE jobs ADD COLUMN locked_until TIMESTAMPTZ;
ALTER TABLE jobs ADD COLUMN locked_by TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN unique_key TEXT;
UPDATE jobs SET state = CASE WHEN done_at IS NOT NULL THEN 'done' WHEN attempts >= 5 THEN 'failed' ELSE 'queued' END;
DROP INDEX jobs_due;
CREATE INDEX jobs_due ON jobs(state, run_at);
CREATE UNIQUE INDEX jobs_unique ON jobs(unique_key) WHERE unique_key IS NOT NULL;
CREATE INDEX jobs_kind ON jobs(kind, payload);

-- Each email is delivered by a job; the outbox row points at it so the admin
-- page shows attempts, next try and last error from the one place they live.
ALTER TABLE outbox ADD COLUMN job_id BIGINT;
ALTER TABLE outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
