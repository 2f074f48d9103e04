-- A cohort's named members: the people a client organisation sends on a
-- programme. Once a cohort has members, only they can book its sessions.
CREATE TABLE training_cohort_members (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	cohort_id INTEGER NOT NULL REFERENCES training_cohorts(id),
	email TEXT NOT NULL,
	name TEXT NOT NULL DEFAULT '',
	added_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at TIMESTAMP NOT NULL,
	UNIQUE (cohort_id, email)
);
CREATE INDEX training_cohort_members_email ON training_cohort_members(email);
