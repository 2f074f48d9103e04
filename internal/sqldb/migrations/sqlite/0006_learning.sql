-- Feedback rows hold no link to a booking or person: a random id, the day
-- only, and a name only when the person chose to give it.
CREATE TABLE learning_feedback (
	id TEXT PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	session_id INTEGER NOT NULL REFERENCES training_sessions(id),
	rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
	comment TEXT NOT NULL DEFAULT '',
	name TEXT NOT NULL DEFAULT '',
	consent BOOLEAN NOT NULL DEFAULT 0,
	published BOOLEAN NOT NULL DEFAULT 0,
	given_on TEXT NOT NULL
);
CREATE INDEX learning_feedback_org ON learning_feedback(org_id, session_id);

-- Which bookings have given feedback, and nothing else.
CREATE TABLE learning_feedback_given (
	booking_id INTEGER PRIMARY KEY REFERENCES training_bookings(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id)
) WITHOUT ROWID;

-- Knowledge checks before and after a course: one score per booking and
-- phase. They are not anonymous, so each person can see their change.
CREATE TABLE learning_check_attempts (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	booking_id INTEGER NOT NULL REFERENCES training_bookings(id),
	phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
	score INTEGER NOT NULL,
	total INTEGER NOT NULL,
	taken_at TIMESTAMP NOT NULL,
	UNIQUE (booking_id, phase)
);

-- Staff surveys of an organisation. Opening and closing are days in
-- Europe/London, YYYY-MM-DD.
CREATE TABLE learning_surveys (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('baseline', 'follow_up')),
	baseline_id INTEGER REFERENCES learning_surveys(id),
	opens_on TEXT NOT NULL,
	closes_on TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX learning_surveys_org ON learning_surveys(org_id);

-- Who has answered a survey, and nothing about what they said or when.
CREATE TABLE learning_survey_responded (
	survey_id INTEGER NOT NULL REFERENCES learning_surveys(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	PRIMARY KEY (survey_id, user_id)
) WITHOUT ROWID;

-- What was said, with no person, no time and a random id, so that neither
-- a column nor the order of rows links a response to who gave it.
CREATE TABLE learning_survey_responses (
	id TEXT PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES learning_surveys(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	scores TEXT NOT NULL,
	comment TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- What each person wants training to focus on: right codes and practice
-- issue keys, comma-separated; one current choice per person and organisation.
CREATE TABLE learning_needs (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	cohort_id INTEGER REFERENCES training_cohorts(id),
	rights TEXT NOT NULL,
	issues TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, user_id)
);

-- Reflection and embedding plans: private to their owner unless shared.
CREATE TABLE learning_plans (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	reflection TEXT NOT NULL,
	shared BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX learning_plans_org ON learning_plans(org_id, user_id);

CREATE TABLE learning_plan_actions (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES learning_plans(id),
	position INTEGER NOT NULL,
	text TEXT NOT NULL,
	due_on TEXT NOT NULL,
	done BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE learning_plan_checkins (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES learning_plans(id),
	months INTEGER NOT NULL,
	due_on TEXT NOT NULL,
	answer TEXT NOT NULL DEFAULT '',
	answered_at TIMESTAMP
);

-- Courses a lead has made mandatory for a role in their organisation. The
-- course belongs to the training provider.
CREATE TABLE learning_mandatory (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	course_id INTEGER NOT NULL REFERENCES training_courses(id),
	role TEXT NOT NULL,
	PRIMARY KEY (org_id, course_id, role)
);
