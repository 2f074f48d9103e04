-- The training listing reads every upcoming session with its course, its
-- cohort and its places taken on each view. Each process keeps the sessions
-- in memory and reads them again when this number has moved; triggers bump
-- it on any change to sessions, courses, cohorts or bookings, from any
-- process, so a booking, a new date or a renamed course shows on the next
-- request.
INSERT INTO content_versions (name, version) VALUES ('training', 1);

CREATE TRIGGER training_sessions_training_version AFTER INSERT OR UPDATE OR DELETE ON training_sessions
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('training');
CREATE TRIGGER training_courses_training_version AFTER INSERT OR UPDATE OR DELETE ON training_courses
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('training');
CREATE TRIGGER training_cohorts_training_version AFTER INSERT OR UPDATE OR DELETE ON training_cohorts
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('training');
CREATE TRIGGER training_bookings_training_version AFTER INSERT OR UPDATE OR DELETE ON training_bookings
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('training');
