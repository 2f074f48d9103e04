-- Confirmed rights counted by organisation, month, service, type and right,
-- beside case_counts, so the case indicators read stored counts however many
-- cases are reviewed (issue 21). Triggers keep them: a verdict given, changed
-- or taken back, a case moved to another month, service or type, and a case
-- deleted (its rights are deleted first, while the case can still be read).
CREATE TABLE case_right_counts (
	org_id BIGINT NOT NULL,
	month TEXT NOT NULL,
	service_id BIGINT NOT NULL,
	type TEXT NOT NULL,
	code TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (org_id, month, service_id, type, code)
);

INSERT INTO case_right_counts (org_id, month, service_id, type, code, n)
SELECT c.org_id, substr(c.received, 1, 7), c.service_id, c.type, r.code, count(*)
FROM case_rights r JOIN cases c ON c.id = r.case_id
WHERE r.verdict = 'confirmed'
GROUP BY c.org_id, substr(c.received, 1, 7), c.service_id, c.type, r.code;

CREATE FUNCTION case_right_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.verdict = 'confirmed' THEN
		UPDATE case_right_counts k SET n = k.n - 1 FROM cases c
		WHERE c.id = OLD.case_id AND k.org_id = c.org_id AND k.month = substr(c.received, 1, 7)
			AND k.service_id = c.service_id AND k.type = c.type AND k.code = OLD.code;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.verdict = 'confirmed' THEN
		INSERT INTO case_right_counts (org_id, month, service_id, type, code, n)
		SELECT c.org_id, substr(c.received, 1, 7), c.service_id, c.type, NEW.code, 1 FROM cases c WHERE c.id = NEW.case_id
		ON CONFLICT (org_id, month, service_id, type, code) DO UPDATE SET n = case_right_counts.n + 1;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER case_rights_count AFTER INSERT OR DELETE OR UPDATE OF verdict, code, case_id ON case_rights
	FOR EACH ROW EXECUTE FUNCTION case_right_count();

CREATE FUNCTION case_right_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE case_right_counts SET n = n - 1 WHERE org_id = OLD.org_id AND month = substr(OLD.received, 1, 7)
		AND service_id = OLD.service_id AND type = OLD.type
		AND code IN (SELECT code FROM case_rights WHERE case_id = OLD.id AND verdict = 'confirmed');
	INSERT INTO case_right_counts (org_id, month, service_id, type, code, n)
	SELECT NEW.org_id, substr(NEW.received, 1, 7), NEW.service_id, NEW.type, code, 1 FROM case_rights
	WHERE case_id = NEW.id AND verdict = 'confirmed'
	ON CONFLICT (org_id, month, service_id, type, code) DO UPDATE SET n = case_right_counts.n + 1;
	RETURN NULL;
END $$;

CREATE TRIGGER cases_right_count_move AFTER UPDATE OF received, service_id, type ON cases FOR EACH ROW
	WHEN (substr(OLD.received, 1, 7) IS DISTINCT FROM substr(NEW.received, 1, 7) OR OLD.service_id IS DISTINCT FROM NEW.service_id
		OR OLD.type IS DISTINCT FROM NEW.type)
	EXECUTE FUNCTION case_right_count_move();

CREATE FUNCTION case_right_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM case_rights WHERE case_id = OLD.id;
	RETURN OLD;
END $$;

CREATE TRIGGER cases_right_count_delete BEFORE DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_right_count_delete();

-- A number per organisation that moves whenever its counts do, in the same
-- transaction: each process keeps the indicators it worked out from the
-- counts until the number moves (CaseService.CaseIndicators).
CREATE TABLE case_count_versions (
	org_id BIGINT PRIMARY KEY,
	version BIGINT NOT NULL
);

CREATE FUNCTION case_count_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO case_count_versions (org_id, version)
	VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = case_count_versions.version + 1;
	RETURN NULL;
END $$;

CREATE TRIGGER case_counts_version AFTER INSERT OR UPDATE OR DELETE ON case_counts
	FOR EACH ROW EXECUTE FUNCTION case_count_version();
CREATE TRIGGER case_right_counts_version AFTER INSERT OR UPDATE OR DELETE ON case_right_counts
	FOR EACH ROW EXECUTE FUNCTION case_count_version();

-- The indicators name each ward, team or home: a new name moves the number too.
CREATE TRIGGER services_case_count_version AFTER UPDATE OF name ON services
	FOR EACH ROW EXECUTE FUNCTION case_count_version();
