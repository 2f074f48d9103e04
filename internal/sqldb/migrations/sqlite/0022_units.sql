-- Wards, teams and homes are one list per organisation (the table keeps its
-- name, services). People belong to units, and Traffic Light reviews point
-- at one; reviews written before are matched by name when the server starts
-- (quotes, case and spaces set aside) and the rest by a lead.
CREATE TABLE unit_members (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	unit_id INTEGER NOT NULL REFERENCES services(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	added_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (unit_id, user_id)
);
CREATE INDEX unit_members_user ON unit_members(org_id, user_id);

ALTER TABLE reviews ADD COLUMN unit_id INTEGER REFERENCES services(id);
CREATE INDEX reviews_unit ON reviews(org_id, unit_id, submitted_at);
