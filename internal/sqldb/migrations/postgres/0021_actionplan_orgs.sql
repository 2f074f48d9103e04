-- An organisation may opt in to count its staff's Action Plan signatures:
-- a public body worker then chooses it when signing, and its admins see how
-- many of their staff signed and which actions they chose.
CREATE TABLE actionplan_org_optins (
	org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
	opted_at TIMESTAMPTZ NOT NULL
);
ALTER TABLE actionplan_signatures ADD COLUMN org_id BIGINT REFERENCES organisations(id);
CREATE INDEX actionplan_signatures_org ON actionplan_signatures(org_id) WHERE org_id IS NOT NULL;
