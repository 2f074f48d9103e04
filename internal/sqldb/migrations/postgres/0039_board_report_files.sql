-- An issued board report's PDF and CSV are built by a job (report.build):
-- its state and progress show on the report's page, and the bytes built are
-- kept, so the paper the board saw is served again unchanged.
ALTER TABLE board_reports ADD COLUMN build_state TEXT NOT NULL DEFAULT '';
ALTER TABLE board_reports ADD COLUMN build_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board_reports ADD COLUMN build_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE board_reports ADD COLUMN build_error TEXT NOT NULL DEFAULT '';
CREATE TABLE board_report_files (
	report_id BIGINT PRIMARY KEY REFERENCES board_reports(id),
	org_id BIGINT NOT NULL REFERENCES organisations(id),
	pdf BYTEA NOT NULL,
	csv BYTEA NOT NULL,
	built_at TIMESTAMPTZ NOT NULL
);
