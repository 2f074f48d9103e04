-- The training listing reads every upcoming session with its course, its
-- cohort and its places taken on each view. Each process keeps the sessions
-- in memory and reads them again when this number has moved; triggers bump
-- it on any change to sessions, courses, cohorts or bookings, from any
-- process, so a booking, a new date or a renamed course shows on the next
-- request.
INSERT INTO content_versions (name, version) VALUES ('training', 1);

CREATE TRIGGER training_sessions_training_version_insert AFTER INSERT ON training_sessions BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_sessions_training_version_update AFTER UPDATE ON training_sessions BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_sessions_training_version_delete AFTER DELETE ON training_sessions BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_courses_training_version_insert AFTER INSERT ON training_courses BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_courses_training_version_update AFTER UPDATE ON training_courses BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_courses_training_version_delete AFTER DELETE ON training_courses BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_cohorts_training_version_insert AFTER INSERT ON training_cohorts BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_cohorts_training_version_update AFTER UPDATE ON training_cohorts BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_cohorts_training_version_delete AFTER DELETE ON training_cohorts BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_bookings_training_version_insert AFTER INSERT ON training_bookings BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_bookings_training_version_update AFTER UPDATE ON training_bookings BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
CREATE TRIGGER training_bookings_training_version_delete AFTER DELETE ON training_bookings BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'training';
END;
