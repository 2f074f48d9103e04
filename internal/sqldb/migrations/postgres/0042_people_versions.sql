-- Every signed-in request reads its person's account and memberships. Each
-- process keeps them in memory and reads them again when this number has
-- moved; triggers bump it on any change to accounts, memberships or
-- organisations, from any process, so a role taken away, an account
-- disabled or a password changed takes effect on the next request.
INSERT INTO content_versions (name, version) VALUES ('people', 1);

CREATE TRIGGER users_people_version AFTER INSERT OR UPDATE OR DELETE ON users
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('people');
CREATE TRIGGER memberships_people_version AFTER INSERT OR UPDATE OR DELETE ON memberships
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('people');
CREATE TRIGGER organisations_people_version AFTER INSERT OR UPDATE OR DELETE ON organisations
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('people');
