-- The language an email was written in: shown on the outbox page and sent as
-- its Content-Language.
ALTER TABLE outbox ADD COLUMN lang TEXT NOT NULL DEFAULT '';
