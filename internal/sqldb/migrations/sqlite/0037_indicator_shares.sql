-- An organisation's agreement that the charity or a commissioner may read
-- its monthly indicators (docs/indicators.md), until it stops sharing.
CREATE TABLE indicator_shares (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	viewer_id INTEGER NOT NULL REFERENCES organisations(id),
	created_by TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	revoked_by TEXT NOT NULL DEFAULT '',
	revoked_at TIMESTAMP
);
CREATE INDEX indicator_shares_viewer ON indicator_shares(viewer_id, org_id);
CREATE INDEX indicator_shares_org ON indicator_shares(org_id, created_at);
