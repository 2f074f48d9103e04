-- Survey answers counted by ward, team or home: for each unit the people
-- who answered belonged to when they answered (from unit_members), how many
-- answered and how many chose each point for each statement. Counts only,
-- never a row per response, so nothing at rest links a response to a ward
-- (question_id '' and point 0 count the responses).
CREATE TABLE learning_survey_unit_tallies (
	survey_id INTEGER NOT NULL REFERENCES learning_surveys(id),
	unit_id INTEGER NOT NULL REFERENCES services(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	question_id TEXT NOT NULL,
	point INTEGER NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (survey_id, unit_id, question_id, point)
) WITHOUT ROWID;

-- Dignity champions: people a lead names as the champion of a ward, team
-- or home, listed for staff to find.
CREATE TABLE learning_champions (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	unit_id INTEGER NOT NULL REFERENCES services(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	assigned_by INTEGER REFERENCES users(id),
	assigned_at TIMESTAMP NOT NULL,
	PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX learning_champions_user ON learning_champions(org_id, user_id);
