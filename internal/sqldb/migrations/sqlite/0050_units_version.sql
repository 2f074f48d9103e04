-- The organisation's wards, teams and homes are read on every page that
-- filters or groups by them (the case list, decisions, reviews). Each process
-- keeps the list in memory and reads it again when this number has moved;
-- triggers bump it on any change to the units or to who belongs to them
-- (the list shows each unit's number of members), from any process.
INSERT INTO content_versions (name, version) VALUES ('units', 1);

CREATE TRIGGER services_units_version_insert AFTER INSERT ON services BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'units';
END;
CREATE TRIGGER services_units_version_update AFTER UPDATE ON services BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'units';
END;
CREATE TRIGGER services_units_version_delete AFTER DELETE ON services BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'units';
END;
CREATE TRIGGER unit_members_units_version_insert AFTER INSERT ON unit_members BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'units';
END;
CREATE TRIGGER unit_members_units_version_update AFTER UPDATE ON unit_members BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'units';
END;
CREATE TRIGGER unit_members_units_version_delete AFTER DELETE ON unit_members BEGIN
	UPDATE content_versions SET version = version + 1 WHERE name = 'units';
END;
