-- The rights library grows: Easy Read with a plain heading and a picture
-- beside each sentence, versions restored from earlier ones, and content
-- languages beyond English and Welsh added by a platform admin.

-- easy_pictures is a JSON list, one entry per Easy Read sentence: an icon's
-- name, "upload:ID" for a picture in right_pictures, or "" for none.
-- restored_from is the version a restore copied (0: an ordinary edit).
-- video_url links to the right in a signed language (British Sign Language).
ALTER TABLE right_texts ADD COLUMN easy_title TEXT NOT NULL DEFAULT '';
ALTER TABLE right_texts ADD COLUMN easy_pictures TEXT NOT NULL DEFAULT '[]';
ALTER TABLE right_texts ADD COLUMN restored_from INTEGER NOT NULL DEFAULT 0;
ALTER TABLE right_texts ADD COLUMN video_url TEXT NOT NULL DEFAULT '';

-- Pictures a platform admin uploaded for Easy Read sentences: public
-- content, never personal data (who uploaded one is in the audit log).
CREATE TABLE right_pictures (
	id INTEGER PRIMARY KEY,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	body BLOB NOT NULL,
	created_at TIMESTAMP NOT NULL
);

-- The languages the rights library is written in. English is the original;
-- every other language says which English version it was made from
-- (right_texts.based_on), so each shows the same "older than the English"
-- notice. dir is ltr or rtl; signed languages give a video link per right.
CREATE TABLE content_languages (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	native_name TEXT NOT NULL,
	dir TEXT NOT NULL DEFAULT 'ltr',
	signed BOOLEAN NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL
);
INSERT INTO content_languages (code, name, native_name, dir, signed, created_at) VALUES
	('en', 'English', 'English', 'ltr', 0, CURRENT_TIMESTAMP),
	('cy', 'Welsh', 'Cymraeg', 'ltr', 0, CURRENT_TIMESTAMP);

CREATE TRIGGER content_languages_version_insert AFTER INSERT ON content_languages BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER content_languages_version_update AFTER UPDATE ON content_languages BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
CREATE TRIGGER content_languages_version_delete AFTER DELETE ON content_languages BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'rights';
END;
