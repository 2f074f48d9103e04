-- From mapping to design: the rights and practice issues a workshop
-- addresses (kind 'right' with a right code, or 'issue' with a practice
-- issue key).
CREATE TABLE training_session_focus (
	session_id INTEGER NOT NULL REFERENCES training_sessions(id),
	kind TEXT NOT NULL CHECK (kind IN ('right', 'issue')),
	code TEXT NOT NULL,
	PRIMARY KEY (session_id, kind, code)
) WITHOUT ROWID;

-- A public booking's optional answers: access needs (personal data, kept
-- until the booking's retention clears it) and the booker's organisation.
ALTER TABLE training_bookings ADD COLUMN access_needs TEXT NOT NULL DEFAULT '';
ALTER TABLE training_bookings ADD COLUMN organisation TEXT NOT NULL DEFAULT '';

-- A reflection and embedding plan can belong to the cohort whose programme
-- it ends.
ALTER TABLE learning_plans ADD COLUMN cohort_id INTEGER REFERENCES training_cohorts(id);
