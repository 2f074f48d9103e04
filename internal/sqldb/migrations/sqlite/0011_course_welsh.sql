-- Courses and programmes in Welsh: a title and summary each. en_edited
-- counts the edits that changed a course's English title or summary;
-- cy_based_on is the en_edited its Welsh was written from, so a Welsh page
-- can say when the Welsh is older than the English.
ALTER TABLE training_courses ADD COLUMN title_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE training_courses ADD COLUMN summary_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE training_courses ADD COLUMN en_edited INTEGER NOT NULL DEFAULT 1;
ALTER TABLE training_courses ADD COLUMN cy_based_on INTEGER NOT NULL DEFAULT 0;
ALTER TABLE training_programmes ADD COLUMN title_cy TEXT NOT NULL DEFAULT '';
ALTER TABLE training_programmes ADD COLUMN summary_cy TEXT NOT NULL DEFAULT '';
