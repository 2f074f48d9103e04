-- The language each person is written to in ('en', 'cy'). A user's is
-- empty until they first sign in or choose one on their account page;
-- bookings and training requests keep the language of the form used.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE training_bookings ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE training_requests ADD COLUMN lang TEXT NOT NULL DEFAULT '';
