-- A third figure a provider may count from its own records for a return:
-- of the cases it received in the twelve months before, how many were
-- reviewed through the rights lens, stored as "reviewed,cases".
ALTER TABLE comm_answers ADD COLUMN cases TEXT NOT NULL DEFAULT '';
