-- A version number per kind of shared, read-mostly content. Every process
-- keeps that content in memory and reloads it when the number has moved;
-- triggers bump it on any change, whoever makes it (an edit, seeding,
-- erasure anonymising an editor's name), so no writer can forget.
CREATE TABLE content_versions (
	name TEXT PRIMARY KEY,
	version BIGINT NOT NULL
);
INSERT INTO content_versions (name, version) VALUES ('rights', 1), ('frameworks', 1);

CREATE FUNCTION bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = TG_ARGV[0];
	RETURN NULL;
END $$;

CREATE TRIGGER rights_version AFTER INSERT OR UPDATE OR DELETE ON rights
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('rights');
CREATE TRIGGER right_texts_version AFTER INSERT OR UPDATE OR DELETE ON right_texts
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('rights');
CREATE TRIGGER review_frameworks_version AFTER INSERT OR UPDATE OR DELETE ON review_frameworks
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('frameworks');
CREATE TRIGGER review_statements_version AFTER INSERT OR UPDATE OR DELETE ON review_statements
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('frameworks');
