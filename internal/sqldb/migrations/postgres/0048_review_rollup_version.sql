-- The reviews roll-up (/reviews/grid and a commissioner's shared view) reads
-- every submitted review of an organisation and all their agreed ratings on
-- each view. Each process keeps the roll-up in memory and builds it again
-- when this number has moved; triggers bump it on any change to reviews,
-- their agreed ratings or the frameworks they are counted by, from any
-- process, so a review submitted, re-rated, deleted or erased shows at once.
-- Contributors' own ratings (review_contributions) are not read by it and do not move it.
INSERT INTO content_versions (name, version) VALUES ('reviews', 1);

CREATE TRIGGER reviews_reviews_version AFTER INSERT OR UPDATE OR DELETE ON reviews
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('reviews');
CREATE TRIGGER review_finals_reviews_version AFTER INSERT OR UPDATE OR DELETE ON review_finals
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('reviews');
CREATE TRIGGER review_frameworks_reviews_version AFTER INSERT OR UPDATE OR DELETE ON review_frameworks
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('reviews');
CREATE TRIGGER review_statements_reviews_version AFTER INSERT OR UPDATE OR DELETE ON review_statements
	FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version('reviews');
