package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const contractColumns = `c.id, c.org_id, o.name, COALESCE(c.provider_id, 0), COALESCE(p.name, c.provider_name), c.title, c.services,
	c.value_pence, c.starts_on, c.ends_on, c.created_at, c.return_frequency, c.first_return_due, c.escalation
	FROM comm_contracts c JOIN organisations o ON o.id = c.org_id LEFT JOIN organisations p ON p.id = c.provider_id`

func scanContract(row scanner) (*lightbulb.Contract, error) {
	c := &lightbulb.Contract{}
	var starts, ends, first string
	if err := row.Scan(&c.ID, &c.CommissionerID, &c.CommissionerName, &c.ProviderID, &c.ProviderName, &c.Title, &c.Services,
		&c.ValuePence, &starts, &ends, &c.CreatedAt, &c.Schedule.Frequency, &first, &c.Escalation); err != nil {
		return nil, err
	}
	c.StartsOn, c.EndsOn, c.Schedule.FirstDue = mustDate(starts), mustDate(ends), mustDate(first)
	return c, nil
}

// CreateContract records a contract with a provider on Lightbulb (which must
// be a different organisation) or one named only.
func (s *CommissioningService) CreateContract(ctx context.Context, c *lightbulb.Contract) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if c.ProviderID != 0 {
		var ok bool
		err := s.db.readRow(ctx, `SELECT COUNT(*) > 0 FROM organisations WHERE id = $1 AND id <> $2 AND NOT operator`,
			c.ProviderID, org).Scan(&ok)
		if err != nil {
			return err
		}
		if !ok {
			return lightbulb.FieldError("provider", "Choose a provider from the list")
		}
		c.ProviderName = ""
	}
	c.CommissionerID, c.CreatedAt = org, lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO comm_contracts (org_id, provider_id, provider_name, title, services, value_pence,
			starts_on, ends_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			org, nullID(c.ProviderID), c.ProviderName, c.Title, c.Services, c.ValuePence, c.StartsOn.String(), c.EndsOn.String(),
			actorRef(ctx), c.CreatedAt).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("create contract: %w", err)
		}
		return nil
	})
}

// Contracts lists the commissioner's contracts, soonest ending first.
func (s *CommissioningService) Contracts(ctx context.Context) ([]*lightbulb.Contract, error) {
	return s.contracts(ctx, `c.org_id = $1`)
}

// ProviderContracts lists the contracts naming the provider in ctx.
func (s *CommissioningService) ProviderContracts(ctx context.Context) ([]*lightbulb.Contract, error) {
	return s.contracts(ctx, `c.provider_id = $1`)
}

func (s *CommissioningService) contracts(ctx context.Context, where string) ([]*lightbulb.Contract, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+contractColumns+` WHERE `+where+` ORDER BY c.ends_on, c.id`, org)
	if err != nil {
		return nil, fmt.Errorf("contracts: %w", err)
	}
	return collect(rows, scanContract)
}

// Contract returns one of the commissioner's contracts with everything on it.
func (s *CommissioningService) Contract(ctx context.Context, id int64) (*lightbulb.Contract, error) {
	return s.contract(ctx, `c.org_id = $1`, id)
}

// ownContract is the commissioner in ctx and one of its contracts.
func (s *CommissioningService) ownContract(ctx context.Context, id int64) (int64, *lightbulb.Contract, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return 0, nil, err
	}
	c, err := s.Contract(ctx, id)
	return org, c, err
}

// ProviderContract returns a contract naming the provider in ctx.
func (s *CommissioningService) ProviderContract(ctx context.Context, id int64) (*lightbulb.Contract, error) {
	return s.contract(ctx, `c.provider_id = $1`, id)
}

func (s *CommissioningService) contract(ctx context.Context, where string, id int64) (*lightbulb.Contract, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	c, err := scanContract(s.db.readRow(ctx, `SELECT `+contractColumns+` WHERE `+where+` AND c.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such contract.")
	}
	if c.ProviderID != 0 {
		if c.Sharing, err = sharing(ctx, s.db.read, c.ProviderID, c.CommissionerID); err != nil {
			return nil, err
		}
	}
	if c.Requirements, err = s.contractRequirements(ctx, c.ID); err != nil {
		return nil, err
	}
	if c.Periods, err = returnPeriods(ctx, s.db.read, `contract_id = $1`, c.ID); err != nil {
		return nil, err
	}
	if c.Escalations, err = s.escalations(ctx, c.ID); err != nil {
		return nil, err
	}
	if c.Visits, err = s.contractVisits(ctx, c.ID); err != nil {
		return nil, err
	}
	if c.Returns, err = s.returns(ctx, c); err != nil {
		return nil, err
	}
	if c.Assessments, err = s.assessments(ctx, c.ID); err != nil {
		return nil, err
	}
	return c, nil
}

func (s *CommissioningService) contractRequirements(ctx context.Context, contractID int64) ([]*lightbulb.ContractRequirement, error) {
	rows, err := s.db.readRows(ctx, `SELECT cr.id, cr.due_on, r.id, r.code, r.version, r.text, r.rights, r.principles, r.tags,
		r.evidence, r.measure, r.frequency, r.target, r.created_at, COALESCE(r.contract_id, 0)
		FROM comm_contract_reqs cr JOIN comm_requirements r ON r.id = cr.requirement_id WHERE cr.contract_id = $1 ORDER BY r.code`, contractID)
	if err != nil {
		return nil, fmt.Errorf("contract requirements: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.ContractRequirement, error) {
		cr := &lightbulb.ContractRequirement{}
		var due string
		r, err := scanRequirement(prefixScanner{row, []any{&cr.ID, &due}})
		cr.Requirement, cr.DueOn = r, mustDate(due)
		return cr, err
	})
}

// prefixScanner reads some leading columns into pre, then the rest with the
// scanner it wraps, so a row can join a scanX function's columns.
type prefixScanner struct {
	row scanner
	pre []any
}

func (p prefixScanner) Scan(dest ...any) error { return p.row.Scan(append(p.pre, dest...)...) }

func mustDate(s string) lightbulb.Date {
	d, _ := lightbulb.ParseDate(s)
	return d
}

// AttachRequirement adds a requirement of the library to a contract, with
// when its returns are due.
func (s *CommissioningService) AttachRequirement(ctx context.Context, contractID, requirementID int64, due lightbulb.Date) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if requirementID == 0 {
		return lightbulb.FieldError("requirement", "Choose a requirement from the library")
	}
	if due.IsZero() {
		return lightbulb.FieldError("due_on", "Enter when the first return is due")
	}
	c, err := s.Contract(ctx, contractID)
	if err != nil {
		return err
	}
	var code string
	err = s.db.readRow(ctx, `SELECT code FROM comm_requirements WHERE id = $1 AND org_id = $2 AND contract_id IS NULL`, requirementID, org).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return lightbulb.FieldError("requirement", "Choose a requirement from the library")
	} else if err != nil {
		return err
	}
	for _, cr := range c.Requirements {
		if cr.Requirement.Code == code { // in this version or another
			return lightbulb.FieldError("requirement", "The contract already carries this requirement")
		}
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO comm_contract_reqs (org_id, contract_id, requirement_id, due_on) VALUES ($1, $2, $3, $4)`,
			org, contractID, requirementID, due.String())
		return err
	})
}

// AddLocalRequirement writes a requirement for one of the commissioner's
// contracts only (code L01, L02 …, kept out of the library) and attaches
// it, with when its first return is due, in one transaction.
func (s *CommissioningService) AddLocalRequirement(ctx context.Context, contractID int64, r *lightbulb.Requirement, due lightbulb.Date) error {
	org, c, err := s.ownContract(ctx, contractID)
	if err != nil {
		return err
	}
	codes, err := rightCodes(ctx, s.db.read)
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	if err := r.Validate(codes); err != nil {
		v = *err.(*lightbulb.ValidationErrors)
	}
	if due.IsZero() {
		v.Add("due_on", "Enter when the first return is due")
	}
	if err := v.Err(); err != nil {
		return err
	}
	r.Code, r.ContractID = "", c.ID
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := saveRequirement(ctx, tx, org, r); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO comm_contract_reqs (org_id, contract_id, requirement_id, due_on) VALUES ($1, $2, $3, $4)`,
			org, c.ID, r.ID, due.String())
		return err
	})
}
