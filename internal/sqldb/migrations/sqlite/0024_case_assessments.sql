-- Human rights impact assessments of cases: for each case a reviewer (or a
-- lead assessing a period's PALS contacts in one pass) records whether a
-- right was at risk or breached, how severe, whether it affects one person,
-- a group or everyone (a blanket practice), which rights, what was done and
-- the learning, and may link the decision or review action it led to.
CREATE TABLE case_assessments (
	case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	finding TEXT NOT NULL,
	severity TEXT NOT NULL DEFAULT '',
	scope TEXT NOT NULL DEFAULT '',
	rights TEXT NOT NULL DEFAULT '',
	action_taken TEXT NOT NULL DEFAULT '',
	learning TEXT NOT NULL DEFAULT '',
	decision_id INTEGER REFERENCES decisions(id),
	review_action_id INTEGER REFERENCES review_actions(id),
	assessed_by_id INTEGER REFERENCES users(id),
	assessed_by TEXT NOT NULL DEFAULT '',
	assessed_at TIMESTAMP NOT NULL
);
CREATE INDEX case_assessments_org ON case_assessments(org_id);
