-- A version number per kind of shared, read-mostly content. Every process
-- keeps that content in memory and reloads it when the number has moved;
-- triggers bump it on any change, whoever makes it (an edit, seeding,
-- erasure anonymising an editor's name), so no writer can forget.
CREATE TABLE content_versions (
	name TEXT PRIMARY KEY,
	version INTEGER NOT NULL
);
INSERT INTO content_versions (name, version) VALUES ('rights', 1), ('frameworks', 1);

CREATE TRIGGER rights_version_insert AFTER INSERT ON rights BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER rights_version_update AFTER UPDATE ON rights BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER rights_version_delete AFTER DELETE ON rights BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER right_texts_version_insert AFTER INSERT ON right_texts BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER right_texts_version_update AFTER UPDATE ON right_texts BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER right_texts_version_delete AFTER DELETE ON right_texts BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER review_frameworks_version_insert AFTER INSERT ON review_frameworks BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'frameworks';
END;
CREATE TRIGGER review_frameworks_version_update AFTER UPDATE ON review_frameworks BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'frameworks';
END;
CREATE TRIGGER review_frameworks_version_delete AFTER DELETE ON review_frameworks BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'frameworks';
END;
CREATE TRIGGER review_statements_version_insert AFTER INSERT ON review_statements BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'frameworks';
END;
CREATE TRIGGER review_statements_version_update AFTER UPDATE ON review_statements BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'frameworks';
END;
CREATE TRIGGER review_statements_version_delete AFTER DELETE ON review_statements BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'frameworks';
END;
