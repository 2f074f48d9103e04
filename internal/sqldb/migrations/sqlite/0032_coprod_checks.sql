-- Co-production, continued (docs/coproduction.md): checks with an expiry
-- (DBS, training) per expert; an organisation's own payment target and
-- renewal window; rates by the hour, half day or day; and involvements that
-- need a check or are a training session's facilitators or a Traffic Light
-- review's expert contributors (a link to that record, never a copy).

-- A check an expert holds, such as a DBS check or safeguarding training.
-- A renewal is a new row of the same kind; the latest expiry counts.
CREATE TABLE coprod_checks (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	expert_id INTEGER NOT NULL REFERENCES users(id),
	kind TEXT NOT NULL,
	checked_on TEXT NOT NULL,
	expires_on TEXT NOT NULL,
	recorded_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX coprod_checks_expert ON coprod_checks(org_id, expert_id, kind);

-- Working days within which claims should be paid, and days after a
-- check's expiry during which its renewal is awaited, not shown as lapsed.
ALTER TABLE coprod_settings ADD COLUMN pay_target_days INTEGER NOT NULL DEFAULT 20;
ALTER TABLE coprod_settings ADD COLUMN renewal_days INTEGER NOT NULL DEFAULT 30;

-- What a rate is for: an hour, a half day or a day.
ALTER TABLE coprod_rates ADD COLUMN unit TEXT NOT NULL DEFAULT 'hour';
ALTER TABLE coprod_claims ADD COLUMN rate_unit TEXT NOT NULL DEFAULT 'hour';

ALTER TABLE coprod_involvements ADD COLUMN needs_check TEXT NOT NULL DEFAULT '';
ALTER TABLE coprod_involvements ADD COLUMN training_session_id INTEGER REFERENCES training_sessions(id);
ALTER TABLE coprod_involvements ADD COLUMN review_id INTEGER REFERENCES reviews(id);
