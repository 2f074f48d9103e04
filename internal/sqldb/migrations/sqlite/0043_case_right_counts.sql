-- Confirmed rights counted by organisation, month, service, type and right,
-- beside case_counts, so the case indicators read stored counts however many
-- cases are reviewed (issue 21). Triggers keep them: a verdict given, changed
-- or taken back, a case moved to another month, service or type, and a case
-- deleted (its rights are deleted first, while the case can still be read).
CREATE TABLE case_right_counts (
	org_id INTEGER NOT NULL,
	month TEXT NOT NULL,
	service_id INTEGER NOT NULL,
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

CREATE TRIGGER case_rights_count_add AFTER INSERT ON case_rights WHEN NEW.verdict = 'confirmed' BEGIN
	INSERT INTO case_right_counts (org_id, month, service_id, type, code, n)
	SELECT c.org_id, substr(c.received, 1, 7), c.service_id, c.type, NEW.code, 1 FROM cases c WHERE c.id = NEW.case_id
	ON CONFLICT (org_id, month, service_id, type, code) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_rights_count_confirm AFTER UPDATE OF verdict, code, case_id ON case_rights
WHEN NEW.verdict = 'confirmed' BEGIN
	INSERT INTO case_right_counts (org_id, month, service_id, type, code, n)
	SELECT c.org_id, substr(c.received, 1, 7), c.service_id, c.type, NEW.code, 1 FROM cases c WHERE c.id = NEW.case_id
	ON CONFLICT (org_id, month, service_id, type, code) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_rights_count_unconfirm AFTER UPDATE OF verdict, code, case_id ON case_rights
WHEN OLD.verdict = 'confirmed' BEGIN
	UPDATE case_right_counts SET n = n - 1 WHERE code = OLD.code
		AND org_id = (SELECT org_id FROM cases WHERE id = OLD.case_id)
		AND month = (SELECT substr(received, 1, 7) FROM cases WHERE id = OLD.case_id)
		AND service_id = (SELECT service_id FROM cases WHERE id = OLD.case_id)
		AND type = (SELECT type FROM cases WHERE id = OLD.case_id);
END;

CREATE TRIGGER case_rights_count_delete AFTER DELETE ON case_rights WHEN OLD.verdict = 'confirmed' BEGIN
	UPDATE case_right_counts SET n = n - 1 WHERE code = OLD.code
		AND org_id = (SELECT org_id FROM cases WHERE id = OLD.case_id)
		AND month = (SELECT substr(received, 1, 7) FROM cases WHERE id = OLD.case_id)
		AND service_id = (SELECT service_id FROM cases WHERE id = OLD.case_id)
		AND type = (SELECT type FROM cases WHERE id = OLD.case_id);
END;

CREATE TRIGGER cases_right_count_move AFTER UPDATE OF received, service_id, type ON cases
WHEN substr(OLD.received, 1, 7) <> substr(NEW.received, 1, 7) OR OLD.service_id <> NEW.service_id OR OLD.type <> NEW.type BEGIN
	UPDATE case_right_counts SET n = n - 1 WHERE org_id = OLD.org_id AND month = substr(OLD.received, 1, 7)
		AND service_id = OLD.service_id AND type = OLD.type
		AND code IN (SELECT code FROM case_rights WHERE case_id = OLD.id AND verdict = 'confirmed');
	INSERT INTO case_right_counts (org_id, month, service_id, type, code, n)
	SELECT NEW.org_id, substr(NEW.received, 1, 7), NEW.service_id, NEW.type, code, 1 FROM case_rights
	WHERE case_id = NEW.id AND verdict = 'confirmed'
	ON CONFLICT (org_id, month, service_id, type, code) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER cases_right_count_delete BEFORE DELETE ON cases BEGIN
	DELETE FROM case_rights WHERE case_id = OLD.id;
END;

-- A number per organisation that moves whenever its counts do, in the same
-- transaction: each process keeps the indicators it worked out from the
-- counts until the number moves (CaseService.CaseIndicators).
CREATE TABLE case_count_versions (
	org_id INTEGER PRIMARY KEY,
	version INTEGER NOT NULL
);

CREATE TRIGGER case_counts_version_insert AFTER INSERT ON case_counts BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (NEW.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_counts_version_update AFTER UPDATE ON case_counts BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (NEW.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_counts_version_delete AFTER DELETE ON case_counts BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (OLD.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_right_counts_version_insert AFTER INSERT ON case_right_counts BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (NEW.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_right_counts_version_update AFTER UPDATE ON case_right_counts BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (NEW.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER case_right_counts_version_delete AFTER DELETE ON case_right_counts BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (OLD.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;

-- The indicators name each ward, team or home: a new name moves the number too.
CREATE TRIGGER services_case_count_version AFTER UPDATE OF name ON services BEGIN
	INSERT INTO case_count_versions (org_id, version) VALUES (NEW.org_id, 1)
	ON CONFLICT (org_id) DO UPDATE SET version = version + 1;
END;
