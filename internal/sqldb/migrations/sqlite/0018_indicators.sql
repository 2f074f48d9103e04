-- Indicators (docs/indicators.md): each organisation's value of each
-- indicator for each month, for the whole organisation (service_id 0) and per
-- service, computed once by the monthly job and stored, so editing a record
-- later never changes history; a recompute is explicit and audited.
CREATE TABLE indicator_values (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	indicator TEXT NOT NULL,
	service_id INTEGER NOT NULL DEFAULT 0,
	month TEXT NOT NULL,
	numerator REAL NOT NULL,
	denominator REAL NOT NULL,
	value REAL NOT NULL,
	PRIMARY KEY (org_id, indicator, service_id, month)
);

-- Which months an organisation has computed, when and by whom ('' for the
-- monthly job), and how many times.
CREATE TABLE indicator_months (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	month TEXT NOT NULL,
	computed_at TIMESTAMP NOT NULL,
	computed_by TEXT NOT NULL DEFAULT '',
	computations INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (org_id, month)
);

-- An organisation's own target for an indicator.
CREATE TABLE indicator_targets (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	indicator TEXT NOT NULL,
	target REAL NOT NULL,
	set_by TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (org_id, indicator)
);

-- Board reports: a period, the indicators chosen and the lead's cover
-- sheet; issued ones are kept as they were.
CREATE TABLE board_reports (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	month_from TEXT NOT NULL,
	month_to TEXT NOT NULL,
	lang TEXT NOT NULL,
	purpose TEXT NOT NULL DEFAULT '',
	summary TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL,
	created_by TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	issued_at TIMESTAMP
);
CREATE INDEX board_reports_org ON board_reports(org_id, created_at);

-- Each indicator of a report, in order, with what it tells us and the actions.
CREATE TABLE board_report_items (
	report_id INTEGER NOT NULL REFERENCES board_reports(id),
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	position INTEGER NOT NULL,
	indicator TEXT NOT NULL,
	tells_us TEXT NOT NULL DEFAULT '',
	actions TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (report_id, position)
);
