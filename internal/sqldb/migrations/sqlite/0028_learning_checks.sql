-- The answers a person gave in a knowledge check, as JSON (question id to
-- the values chosen), so that after the check they can see each question,
-- their answer, the right answer and why. Attempts saved before this have
-- none.
ALTER TABLE learning_check_attempts ADD COLUMN answers TEXT;
