-- Indicators of how things stand (docs/indicators.md): records keep only
-- their present state, so a daily job counts each State indicator of each
-- organisation and keeps the count here, per service; a month's value is
-- read from the count of its last day counted.
CREATE TABLE indicator_state_counts (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	indicator TEXT NOT NULL,
	service_id INTEGER NOT NULL DEFAULT 0,
	day TEXT NOT NULL,
	numerator REAL NOT NULL,
	denominator REAL NOT NULL,
	PRIMARY KEY (org_id, indicator, day, service_id)
);

-- The days each indicator was counted, so a day that counted nothing is
-- told apart from a day not counted (before counting began).
CREATE TABLE indicator_state_days (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	indicator TEXT NOT NULL,
	day TEXT NOT NULL,
	counted_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, indicator, day)
);
