-- How sure the rights tagger was of a suggestion, in the words a reviewer
-- reads: 'strong' or 'possible'. Suggestions stored before this column
-- existed keep '' and are shown without a strength rather than guessed.
ALTER TABLE case_rights ADD COLUMN strength TEXT NOT NULL DEFAULT '';
