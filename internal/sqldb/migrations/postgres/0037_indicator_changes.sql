-- Changes in an indicator's process that a lead marked (docs/indicators.md):
-- the chart's centre line and limits are recalculated from the month.
CREATE TABLE indicator_changes (
	org_id BIGINT NOT NULL REFERENCES organisations(id),
	indicator TEXT NOT NULL,
	month TEXT NOT NULL,
	reason TEXT NOT NULL,
	set_by TEXT NOT NULL,
	set_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (org_id, indicator, month)
);
