-- Without statistics (a new database, or a burst of queued jobs before the
-- next ANALYZE) both engines preferred these two indexes for a claim and
-- then sorted every queued job; the claim must use jobs_queued or
-- jobs_leased, which are already in claim order. Listings by kind or state
-- are for admins and read a bounded table.
DROP INDEX jobs_state;
DROP INDEX jobs_kind;
