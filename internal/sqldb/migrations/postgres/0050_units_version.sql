-- The organisation's wards, teams and homes are read on every page that
-- filters or groups by them (the case list, decisions, reviews). Each process
-- keeps the list in memory and reads it again when this number has moved;
-- triggers bump it on any change to the units or to who belongs to them
-- (the list shows each unit's number of members), from any process.
INSERT INTO content_versions (name, version) VALUES ('units', 1);

CREATE TRIGGER services_units_version AFTER INSERT OR UPDATE OR DELETE ON services
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('units');
CREATE TRIGGER unit_members_units_version AFTER INSERT OR UPDATE OR DELETE ON unit_members
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('units');
