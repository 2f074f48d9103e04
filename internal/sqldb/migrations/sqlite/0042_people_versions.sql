-- Every signed-in request reads its person's account and memberships. Each
-- process keeps them in memory and reads them again when this number has
-- moved; triggers bump it on any change to accounts, memberships or
-- organisations, from any process, so a role taken away, an account
-- disabled or a password changed takes effect on the next request.
INSERT INTO content_versions (name, version) VALUES ('people', 1);

CREATE TRIGGER users_people_version_insert AFTER INSERT ON users BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER users_people_version_update AFTER UPDATE ON users BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER users_people_version_delete AFTER DELETE ON users BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER memberships_people_version_insert AFTER INSERT ON memberships BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER memberships_people_version_update AFTER UPDATE ON memberships BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER memberships_people_version_delete AFTER DELETE ON memberships BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER organisations_people_version_insert AFTER INSERT ON organisations BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER organisations_people_version_update AFTER UPDATE ON organisations BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
CREATE TRIGGER organisations_people_version_delete AFTER DELETE ON organisations BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'people';
END;
