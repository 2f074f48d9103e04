-- Pages of the case list are kept in each process too, until the
-- organisation's number in case_count_versions moves (CaseService.FindCases).
-- The counts' triggers move it for what they count (a case added, deleted,
-- moved, its harm or review changed); this moves it for the rest of what the
-- list shows: a case's reference, summary (erasure scrubs it), status or
-- person's reference.
CREATE TRIGGER cases_list_version AFTER UPDATE OF source_ref, summary, status, person_ref ON cases FOR EACH ROW
	WHEN (OLD.source_ref IS DISTINCT FROM NEW.source_ref OR OLD.summary IS DISTINCT FROM NEW.summary
		OR OLD.status IS DISTINCT FROM NEW.status OR OLD.person_ref IS DISTINCT FROM NEW.person_ref)
	EXECUTE FUNCTION case_count_version();
