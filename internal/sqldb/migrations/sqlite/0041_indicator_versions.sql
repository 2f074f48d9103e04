-- The indicators' stored values, targets, changes and count days are read on
-- every dashboard and change at night or when a lead edits a target. Each
-- process keeps what it has read in memory and reads it again when this
-- number has moved; triggers bump it on any change, from any process. Units
-- are included because values are read with their unit's name.
INSERT INTO content_versions (name, version) VALUES ('indicators', 1);

CREATE TRIGGER indicator_values_version_insert AFTER INSERT ON indicator_values BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_values_version_update AFTER UPDATE ON indicator_values BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_values_version_delete AFTER DELETE ON indicator_values BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_targets_version_insert AFTER INSERT ON indicator_targets BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_targets_version_update AFTER UPDATE ON indicator_targets BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_targets_version_delete AFTER DELETE ON indicator_targets BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_changes_version_insert AFTER INSERT ON indicator_changes BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_changes_version_update AFTER UPDATE ON indicator_changes BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_changes_version_delete AFTER DELETE ON indicator_changes BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_state_days_version_insert AFTER INSERT ON indicator_state_days BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_state_days_version_update AFTER UPDATE ON indicator_state_days BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER indicator_state_days_version_delete AFTER DELETE ON indicator_state_days BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER services_indicators_version_insert AFTER INSERT ON services BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER services_indicators_version_update AFTER UPDATE ON services BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
CREATE TRIGGER services_indicators_version_delete AFTER DELETE ON services BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'indicators';
END;
