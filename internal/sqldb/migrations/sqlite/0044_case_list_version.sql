-- Pages of the case list are kept in each process too, until the
-- organisation's number in case_count_versions moves (CaseService.FindCases).
-- The counts' triggers move it for what they count (a case added, deleted,
-- moved, its harm or review changed); this moves it for the rest of what the
-- list shows: a case's reference, summary (erasure scrubs it), status or
-- person's reference.
CREATE TRIGGER cases_list_version AFTER UPDATE OF source_ref, summary, status, person_ref ON cases
WHEN OLD.source_ref <> NEW.source_ref OR OLD.summary <> NEW.summary OR OLD.status <> NEW.status
	OR OLD.person_ref <> NEW.person_ref BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (NEW.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
