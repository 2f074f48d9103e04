-- Views of people who use a service, without an account: through a link
-- emailed to them (only a fingerprint of the link is kept, and no name or
-- address), or gathered in a group or through an advocate and recorded by
-- the lead (label describes the occasion, never the people).
CREATE TABLE review_voices (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	review_id INTEGER NOT NULL REFERENCES reviews(id),
	via TEXT NOT NULL,
	label TEXT NOT NULL DEFAULT '',
	lang TEXT NOT NULL DEFAULT '',
	token_hash TEXT UNIQUE,
	expires_at TIMESTAMP,
	created_by INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX review_voices_review ON review_voices(org_id, review_id);

CREATE TABLE review_voice_ratings (
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	review_id INTEGER NOT NULL REFERENCES reviews(id),
	voice_id INTEGER NOT NULL REFERENCES review_voices(id),
	code TEXT NOT NULL,
	rating TEXT NOT NULL,
	evidence TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (voice_id, code)
);
CREATE INDEX review_voice_ratings_review ON review_voice_ratings(org_id, review_id);
