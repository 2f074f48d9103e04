-- Commissioning with human rights (docs/commissioning.md): principles
-- statements, a library of requirements, contracts with providers carrying
-- them, providers' returns and assurance reports with a fact-check window.

-- Each published version of an organisation's principles is kept.
CREATE TABLE comm_principles (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	version INTEGER NOT NULL,
	body_en TEXT NOT NULL,
	body_cy TEXT NOT NULL,
	published_by INTEGER REFERENCES users(id),
	published_at TIMESTAMP NOT NULL,
	UNIQUE (org_id, version)
);

-- A requirement's versions share its code; the highest is current.
CREATE TABLE comm_requirements (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	code TEXT NOT NULL,
	version INTEGER NOT NULL,
	text TEXT NOT NULL,
	rights TEXT NOT NULL,
	principles TEXT NOT NULL DEFAULT '',
	tags TEXT NOT NULL DEFAULT '',
	evidence TEXT NOT NULL,
	measure TEXT NOT NULL DEFAULT '',
	frequency TEXT NOT NULL DEFAULT '',
	target TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	UNIQUE (org_id, code, version)
);

-- org_id is the commissioner; provider_id the provider when it is on Lightbulb.
CREATE TABLE comm_contracts (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	provider_id INTEGER REFERENCES organisations(id),
	provider_name TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	services TEXT NOT NULL DEFAULT '',
	value_pence INTEGER NOT NULL DEFAULT 0,
	starts_on TEXT NOT NULL,
	ends_on TEXT NOT NULL,
	created_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX comm_contracts_org ON comm_contracts(org_id);
CREATE INDEX comm_contracts_provider ON comm_contracts(provider_id);

CREATE TABLE comm_contract_reqs (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	contract_id INTEGER NOT NULL REFERENCES comm_contracts(id),
	requirement_id INTEGER NOT NULL REFERENCES comm_requirements(id),
	due_on TEXT NOT NULL,
	UNIQUE (contract_id, requirement_id)
);

CREATE TABLE comm_returns (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	contract_id INTEGER NOT NULL REFERENCES comm_contracts(id),
	provider_id INTEGER NOT NULL REFERENCES organisations(id),
	period TEXT NOT NULL,
	submitted_by INTEGER REFERENCES users(id),
	submitted_at TIMESTAMP NOT NULL
);
CREATE INDEX comm_returns_contract ON comm_returns(contract_id, submitted_at);

CREATE TABLE comm_answers (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	return_id INTEGER NOT NULL REFERENCES comm_returns(id),
	contract_req_id INTEGER NOT NULL REFERENCES comm_contract_reqs(id),
	rating TEXT NOT NULL,
	evidence TEXT NOT NULL,
	review_id INTEGER REFERENCES reviews(id),
	figure TEXT NOT NULL DEFAULT '',
	figure_at TIMESTAMP,
	UNIQUE (return_id, contract_req_id)
);

CREATE TABLE comm_assessments (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	contract_id INTEGER NOT NULL REFERENCES comm_contracts(id),
	state TEXT NOT NULL,
	summary TEXT NOT NULL,
	issued_by INTEGER REFERENCES users(id),
	issued_at TIMESTAMP NOT NULL,
	window_ends_at TIMESTAMP NOT NULL,
	final_at TIMESTAMP
);
CREATE INDEX comm_assessments_contract ON comm_assessments(contract_id, issued_at);

CREATE TABLE comm_assessment_lines (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	assessment_id INTEGER NOT NULL REFERENCES comm_assessments(id),
	contract_req_id INTEGER NOT NULL REFERENCES comm_contract_reqs(id),
	rating TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	UNIQUE (assessment_id, contract_req_id)
);

CREATE TABLE comm_fact_comments (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES organisations(id),
	assessment_id INTEGER NOT NULL REFERENCES comm_assessments(id),
	provider_id INTEGER NOT NULL REFERENCES organisations(id),
	comment TEXT NOT NULL,
	written_by INTEGER REFERENCES users(id),
	created_at TIMESTAMP NOT NULL
);
