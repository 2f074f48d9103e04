CREATE TABLE training_courses (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	summary TEXT NOT NULL,
	audience TEXT NOT NULL DEFAULT '',
	duration_mins INTEGER NOT NULL,
	outcomes TEXT NOT NULL DEFAULT '',
	mode TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_courses_org ON training_courses(org_id);

CREATE TABLE training_programmes (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE training_programme_parts (
	programme_id INTEGER NOT NULL REFERENCES training_programmes(id),
	position INTEGER NOT NULL,
	course_id INTEGER NOT NULL REFERENCES training_courses(id),
	PRIMARY KEY (programme_id, position)
);

CREATE TABLE training_cohorts (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	programme_id INTEGER NOT NULL REFERENCES training_programmes(id),
	client_org_id INTEGER NOT NULL REFERENCES organisations(id),
	name TEXT NOT NULL,
	starts_on TIMESTAMP NOT NULL,
	ends_on TIMESTAMP NOT NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_cohorts_client ON training_cohorts(client_org_id);

CREATE TABLE training_sessions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	course_id INTEGER NOT NULL REFERENCES training_courses(id),
	cohort_id INTEGER REFERENCES training_cohorts(id),
	part INTEGER NOT NULL DEFAULT 0,
	starts_at TIMESTAMP NOT NULL,
	ends_at TIMESTAMP NOT NULL,
	mode TEXT NOT NULL,
	join_url TEXT NOT NULL DEFAULT '',
	venue TEXT NOT NULL DEFAULT '',
	access TEXT NOT NULL DEFAULT '',
	capacity INTEGER NOT NULL,
	facilitators TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	cancelled BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX training_sessions_org ON training_sessions(org_id, starts_at);

CREATE TABLE training_bookings (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	session_id INTEGER NOT NULL REFERENCES training_sessions(id),
	name TEXT NOT NULL,
	email TEXT NOT NULL,
	user_id INTEGER REFERENCES users(id),
	booker_org_id INTEGER REFERENCES organisations(id),
	status TEXT NOT NULL,
	token TEXT NOT NULL UNIQUE,
	offer_expires TIMESTAMP,
	attendance TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX training_bookings_session ON training_bookings(session_id, status);

CREATE TABLE training_requests (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	from_org_id INTEGER REFERENCES organisations(id),
	org_name TEXT NOT NULL,
	contact_name TEXT NOT NULL,
	email TEXT NOT NULL,
	challenges TEXT NOT NULL,
	team_size INTEGER NOT NULL,
	preferred_dates TEXT NOT NULL DEFAULT '',
	format TEXT NOT NULL,
	status TEXT NOT NULL,
	notes TEXT NOT NULL DEFAULT '',
	cohort_id INTEGER REFERENCES training_cohorts(id),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE jobs (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	kind TEXT NOT NULL,
	payload TEXT NOT NULL,
	run_at TIMESTAMP NOT NULL,
	done_at TIMESTAMP,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX jobs_due ON jobs(done_at, run_at);
