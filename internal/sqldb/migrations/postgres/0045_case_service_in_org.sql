-- A case's ward, team or home must exist and be its own organisation's.
-- Two foreign keys said the first half (org_id to organisations, service_id
-- to services), and PostgreSQL checks a foreign key with one query a row:
-- the two checks were 40% of the time an import spent storing 10,000 new
-- cases, and one key on (org_id, service_id) still 30%. A trigger once a
-- statement checks every row the statement wrote in one join instead, and
-- checks more: the service must be the case's organisation's (the
-- organisation is then checked through the service's own foreign key).
ALTER TABLE cases DROP CONSTRAINT cases_service_id_fkey;
ALTER TABLE cases DROP CONSTRAINT cases_org_id_fkey;

-- Like a foreign key, it locks each service it finds (FOR KEY SHARE), so
-- the service cannot be deleted or renumbered before the cases commit.
CREATE FUNCTION cases_check_service() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	named BIGINT;
	found BIGINT;
BEGIN
	SELECT count(*) INTO named FROM (SELECT DISTINCT org_id, service_id FROM new_cases) n;
	SELECT count(*) INTO found FROM (SELECT s.id FROM services s
		JOIN (SELECT DISTINCT org_id, service_id FROM new_cases) n ON s.org_id = n.org_id AND s.id = n.service_id
		FOR KEY SHARE OF s) f;
	IF found < named THEN
		RAISE EXCEPTION 'a case names a service that is not its organisation''s'
			USING ERRCODE = 'foreign_key_violation', TABLE = 'cases', CONSTRAINT = 'cases_service_in_org';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER cases_service_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_cases
	FOR EACH STATEMENT EXECUTE FUNCTION cases_check_service();
CREATE TRIGGER cases_service_update AFTER UPDATE ON cases REFERENCING NEW TABLE AS new_cases
	FOR EACH STATEMENT EXECUTE FUNCTION cases_check_service();

-- And a service that cases name is not deleted or moved, as the foreign key
-- refused before.
CREATE FUNCTION services_keep_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM cases WHERE org_id = OLD.org_id AND service_id = OLD.id) THEN
		RAISE EXCEPTION 'cases name service %', OLD.id
			USING ERRCODE = 'foreign_key_violation', TABLE = 'services', CONSTRAINT = 'cases_service_in_org';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER services_keep_cases_delete BEFORE DELETE ON services
	FOR EACH ROW EXECUTE FUNCTION services_keep_cases();
CREATE TRIGGER services_keep_cases_update BEFORE UPDATE OF id, org_id ON services
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.org_id IS DISTINCT FROM NEW.org_id)
	EXECUTE FUNCTION services_keep_cases();
