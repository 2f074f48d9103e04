-- Recurring returns (docs/commissioning.md): how often a contract's returns
-- are due, and each scheduled return, which the job "commissioning.returns"
-- opens, reminds and chases; the "returns on time" indicator counts them.
ALTER TABLE comm_contracts ADD COLUMN return_frequency TEXT NOT NULL DEFAULT '';
ALTER TABLE comm_contracts ADD COLUMN first_return_due TEXT NOT NULL DEFAULT '';

-- org_id is the commissioner; dates are YYYY-MM-DD in London.
CREATE TABLE comm_return_periods (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	contract_id INTEGER NOT NULL REFERENCES comm_contracts(id),
	covers_from TEXT NOT NULL,
	covers_to TEXT NOT NULL,
	due_on TEXT NOT NULL,
	opened_at TIMESTAMP,
	reminded_at TIMESTAMP,
	chased_at TIMESTAMP,
	return_id INTEGER REFERENCES comm_returns(id),
	returned_on TEXT NOT NULL DEFAULT '',
	UNIQUE (contract_id, due_on)
);
CREATE INDEX comm_return_periods_due ON comm_return_periods(due_on);
CREATE INDEX comm_return_periods_org ON comm_return_periods(org_id, due_on);
