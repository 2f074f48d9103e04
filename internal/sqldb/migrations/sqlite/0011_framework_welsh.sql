-- The review framework in Welsh: each statement's theme, wording and hints,
-- and which English the Welsh was translated from. en_version is the
-- framework version whose edit last changed the statement's English;
-- cy_based_on is the en_version the Welsh was written from, so a Welsh page
-- can say when the Welsh is older than the English.
ALTER TABLE review_statements ADD COLUMN theme_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE review_statements ADD COLUMN text_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE review_statements ADD COLUMN good_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE review_statements ADD COLUMN red_means_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE review_statements ADD COLUMN amber_means_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE review_statements ADD COLUMN green_means_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE review_statements ADD COLUMN en_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE review_statements ADD COLUMN cy_based_on INTEGER NOT NULL DEFAULT 0;
