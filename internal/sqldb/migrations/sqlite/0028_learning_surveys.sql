-- An organisation's own survey statements (for example equality and human
-- rights items), in English and Welsh. Retired statements are no longer
-- asked in new surveys; surveys that asked them keep them.
CREATE TABLE learning_survey_statements (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	text_en TEXT NOT NULL,
	text_cy TEXT NOT NULL DEFAULT '',
	retired BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX learning_survey_statements_org ON learning_survey_statements(org_id);

-- Which own statements a survey asks, fixed when it is created, in order.
CREATE TABLE learning_survey_asks (
	survey_id INTEGER NOT NULL REFERENCES learning_surveys(id),
	statement_id INTEGER NOT NULL REFERENCES learning_survey_statements(id),
	position INTEGER NOT NULL,
	PRIMARY KEY (survey_id, statement_id)
);
CREATE INDEX learning_survey_asks_statement ON learning_survey_asks(statement_id);

-- The staff group a respondent chose ('' for prefer not to say), so that
-- results read by role; still no person, time or order.
ALTER TABLE learning_survey_responses ADD COLUMN staff_group TEXT NOT NULL DEFAULT '';
