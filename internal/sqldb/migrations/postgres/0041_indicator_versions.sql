-- The indicators' stored values, targets, changes and count days are read on
-- every dashboard and change at night or when a lead edits a target. Each
-- process keeps what it has read in memory and reads it again when this
-- number has moved; triggers bump it on any change, from any process. Units
-- are included because values are read with their unit's name.
INSERT INTO content_versions (name, version) VALUES ('indicators', 1);

CREATE TRIGGER indicator_values_version AFTER INSERT OR UPDATE OR DELETE ON indicator_values
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('indicators');
CREATE TRIGGER indicator_targets_version AFTER INSERT OR UPDATE OR DELETE ON indicator_targets
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('indicators');
CREATE TRIGGER indicator_changes_version AFTER INSERT OR UPDATE OR DELETE ON indicator_changes
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('indicators');
CREATE TRIGGER indicator_state_days_version AFTER INSERT OR UPDATE OR DELETE ON indicator_state_days
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('indicators');
CREATE TRIGGER services_indicators_version AFTER INSERT OR UPDATE OR DELETE ON services
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('indicators');
