-- Commissioning (docs/commissioning.md): roundtables with the providers
-- present, quality visits with findings against a contract's requirements,
-- the actions both agree (owned on either side), each contract's escalation
-- with its history, requirements written for one contract beside the
-- library, and evidence counted from a provider's own records.
-- org_id is always the commissioner.

CREATE TABLE comm_roundtables (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	title TEXT NOT NULL,
	held_on TEXT NOT NULL,
	attendees TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX comm_roundtables_org ON comm_roundtables(org_id, held_on);

CREATE TABLE comm_roundtable_providers (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	roundtable_id INTEGER NOT NULL REFERENCES comm_roundtables(id),
	provider_id INTEGER NOT NULL REFERENCES organisations(id),
	UNIQUE (roundtable_id, provider_id)
);
CREATE INDEX comm_roundtable_providers_provider ON comm_roundtable_providers(provider_id);

-- A quality visit to a service of a contract; the visiting team may include
-- lived experience experts, paid through a co-production involvement.
CREATE TABLE comm_visits (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	contract_id INTEGER NOT NULL REFERENCES comm_contracts(id),
	service TEXT NOT NULL,
	planned_on TEXT NOT NULL,
	team TEXT NOT NULL,
	involvement_id INTEGER REFERENCES coprod_involvements(id),
	visited_on TEXT NOT NULL DEFAULT '',
	summary TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX comm_visits_contract ON comm_visits(contract_id, planned_on);

CREATE TABLE comm_visit_findings (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	visit_id INTEGER NOT NULL REFERENCES comm_visits(id),
	contract_req_id INTEGER NOT NULL REFERENCES comm_contract_reqs(id),
	rating TEXT NOT NULL,
	finding TEXT NOT NULL,
	UNIQUE (visit_id, contract_req_id)
);

-- An action from a roundtable or a visit, owned by the commissioner or a
-- provider (owner_org_id) and, within it, by a named person or role.
CREATE TABLE comm_actions (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	roundtable_id INTEGER REFERENCES comm_roundtables(id),
	visit_id INTEGER REFERENCES comm_visits(id),
	owner_org_id INTEGER NOT NULL REFERENCES organisations(id),
	owner TEXT NOT NULL,
	text TEXT NOT NULL,
	requirement_code TEXT NOT NULL DEFAULT '',
	due_on TEXT NOT NULL,
	status TEXT NOT NULL,
	closing_evidence TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	updated_by INTEGER REFERENCES users(id),
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX comm_actions_org ON comm_actions(org_id, due_on);
CREATE INDEX comm_actions_owner ON comm_actions(owner_org_id, due_on);
CREATE INDEX comm_actions_roundtable ON comm_actions(roundtable_id);
CREATE INDEX comm_actions_visit ON comm_actions(visit_id);

-- Escalation: the contract's current state and every change, with why.
ALTER TABLE comm_contracts ADD COLUMN escalation TEXT NOT NULL DEFAULT 'none';
CREATE TABLE comm_escalations (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	contract_id INTEGER NOT NULL REFERENCES comm_contracts(id),
	state TEXT NOT NULL,
	reason TEXT NOT NULL,
	changed_by INTEGER REFERENCES users(id),
	changed_at TIMESTAMP NOT NULL
);
CREATE INDEX comm_escalations_contract ON comm_escalations(contract_id, changed_at);

-- A local requirement belongs to one contract and stays out of the library.
ALTER TABLE comm_requirements ADD COLUMN contract_id INTEGER REFERENCES comm_contracts(id);

-- Evidence counted from the provider's own records when it answered:
-- restrictions "blanket in force,reviews overdue" and training
-- "people trained,people"; shown only while the provider shares.
ALTER TABLE comm_answers ADD COLUMN restrictions TEXT NOT NULL DEFAULT '';
ALTER TABLE comm_answers ADD COLUMN training TEXT NOT NULL DEFAULT '';
ALTER TABLE comm_answers ADD COLUMN counted_at TIMESTAMP;
