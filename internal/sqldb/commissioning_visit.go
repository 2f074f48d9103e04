package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Quality visits and escalation; see lightbulb.VisitService.

var _ lightbulb.VisitService = (*CommissioningService)(nil)

// VisitInvolvements lists the commissioner's co-production involvements,
// newest first, named with their day.
func (s *CommissioningService) VisitInvolvements(ctx context.Context) ([]lightbulb.OrgRef, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT id, title FROM coprod_involvements WHERE org_id = $1 ORDER BY starts_at DESC, id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("visit involvements: %w", err)
	}
	return collect(rows, scanOrgRef)
}

// PlanVisit plans a visit to a service a contract of the commissioner's
// covers.
func (s *CommissioningService) PlanVisit(ctx context.Context, contractID int64, v *lightbulb.Visit) error {
	org, c, err := s.ownContract(ctx, contractID)
	if err != nil {
		return err
	}
	if err := v.Validate(); err != nil {
		return err
	}
	if c.Services != "" && !slices.ContainsFunc(strings.Split(c.Services, "\n"), func(x string) bool {
		return lightbulb.UnitKey(x) == lightbulb.UnitKey(v.Service)
	}) {
		return lightbulb.FieldError("service", "Choose one of the services the contract covers")
	}
	if v.InvolvementID != 0 {
		ins, err := s.VisitInvolvements(ctx)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(ins, func(o lightbulb.OrgRef) bool { return o.ID == v.InvolvementID }) {
			return lightbulb.FieldError("involvement", "Choose one of your co-production involvements, or none")
		}
	}
	v.ContractID = c.ID
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO comm_visits (org_id, contract_id, service, planned_on, team, involvement_id, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, org, c.ID, v.Service, v.PlannedOn.String(), v.Team, nullID(v.InvolvementID),
			actorRef(ctx), lightbulb.Now()).Scan(&v.ID)
		if err != nil {
			return fmt.Errorf("plan visit: %w", err)
		}
		return nil
	})
}

const visitColumns = `v.id, v.contract_id, c.title, c.org_id, o.name, COALESCE(c.provider_id, 0), COALESCE(p.name, c.provider_name), v.service,
	v.planned_on, v.team, COALESCE(v.involvement_id, 0), COALESCE(i.title, ''), v.visited_on, v.summary
	FROM comm_visits v JOIN comm_contracts c ON c.id = v.contract_id JOIN organisations o ON o.id = c.org_id
	LEFT JOIN organisations p ON p.id = c.provider_id LEFT JOIN coprod_involvements i ON i.id = v.involvement_id`

func scanVisit(row scanner) (*lightbulb.Visit, error) {
	v := &lightbulb.Visit{}
	var planned, visited string
	err := row.Scan(&v.ID, &v.ContractID, &v.ContractTitle, &v.CommissionerID, &v.CommissionerName, &v.ProviderID, &v.ProviderName,
		&v.Service, &planned, &v.Team, &v.InvolvementID, &v.InvolvementTitle, &visited, &v.Summary)
	v.PlannedOn, v.VisitedOn = mustDate(planned), mustDate(visited)
	return v, err
}

// contractVisits lists a contract's visits, newest first, without findings.
func (s *CommissioningService) contractVisits(ctx context.Context, contractID int64) ([]*lightbulb.Visit, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+visitColumns+` WHERE v.contract_id = $1 ORDER BY v.planned_on DESC, v.id DESC`, contractID)
	if err != nil {
		return nil, fmt.Errorf("visits: %w", err)
	}
	return collect(rows, scanVisit)
}

// Visit returns one of the commissioner's visits with its findings and actions.
func (s *CommissioningService) Visit(ctx context.Context, id int64) (*lightbulb.Visit, error) {
	return s.visit(ctx, `v.org_id = $1`, id)
}

// ProviderVisit returns a visit under a contract naming the provider in ctx.
func (s *CommissioningService) ProviderVisit(ctx context.Context, id int64) (*lightbulb.Visit, error) {
	return s.visit(ctx, `c.provider_id = $1`, id)
}

func (s *CommissioningService) visit(ctx context.Context, where string, id int64) (*lightbulb.Visit, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	v, err := scanVisit(s.db.readRow(ctx, `SELECT `+visitColumns+` WHERE `+where+` AND v.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such visit.")
	}
	rows, err := s.db.readRows(ctx, `SELECT f.contract_req_id, r.code, f.rating, f.finding FROM comm_visit_findings f
		JOIN comm_contract_reqs cr ON cr.id = f.contract_req_id JOIN comm_requirements r ON r.id = cr.requirement_id
		WHERE f.visit_id = $1 ORDER BY r.code`, v.ID)
	if err != nil {
		return nil, fmt.Errorf("findings: %w", err)
	}
	if v.Findings, err = collect(rows, func(row scanner) (*lightbulb.Finding, error) {
		f := &lightbulb.Finding{}
		return f, row.Scan(&f.ContractRequirementID, &f.Code, &f.Rating, &f.Text)
	}); err != nil {
		return nil, err
	}
	v.Actions, err = s.actions(ctx, `a.visit_id = $1`, v.ID)
	return v, err
}

// RecordVisit records what a visit found, replacing what was recorded before.
func (s *CommissioningService) RecordVisit(ctx context.Context, id int64, rec *lightbulb.VisitRecord) error {
	v, err := s.Visit(ctx, id)
	if err != nil {
		return err
	}
	_, c, err := s.ownContract(ctx, v.ContractID)
	if err != nil {
		return err
	}
	if err := rec.Validate(c); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE comm_visits SET visited_on = $1, summary = $2 WHERE id = $3 AND org_id = $4`,
			rec.VisitedOn.String(), rec.Summary, v.ID, c.CommissionerID); err != nil {
			return fmt.Errorf("record visit: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM comm_visit_findings WHERE visit_id = $1`, v.ID); err != nil {
			return err
		}
		for _, f := range rec.Findings {
			if _, err := tx.ExecContext(ctx, `INSERT INTO comm_visit_findings (org_id, visit_id, contract_req_id, rating, finding)
				VALUES ($1, $2, $3, $4, $5)`, c.CommissionerID, v.ID, f.ContractRequirementID, string(f.Rating), f.Text); err != nil {
				return fmt.Errorf("finding: %w", err)
			}
		}
		return nil
	})
}

// AddVisitAction turns a visit's finding into an action owned by the
// commissioner or the provider, serving one of the contract's requirements.
func (s *CommissioningService) AddVisitAction(ctx context.Context, visitID int64, a *lightbulb.CommAction) error {
	v, err := s.Visit(ctx, visitID)
	if err != nil {
		return err
	}
	_, c, err := s.ownContract(ctx, v.ContractID)
	if err != nil {
		return err
	}
	owners := []lightbulb.OrgRef{{ID: v.CommissionerID, Name: v.CommissionerName}}
	if v.ProviderID != 0 {
		owners = append(owners, lightbulb.OrgRef{ID: v.ProviderID, Name: v.ProviderName})
	}
	var codes []string
	for _, cr := range c.Requirements {
		codes = append(codes, cr.Requirement.Code)
	}
	a.VisitID = v.ID
	return s.addAction(ctx, a, owners, codes)
}

// Escalate moves one of the commissioner's contracts to another state,
// keeping who did it, when and why, and emails the provider's leads.
func (s *CommissioningService) Escalate(ctx context.Context, contractID int64, state, reason string) error {
	org, c, err := s.ownContract(ctx, contractID)
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	switch {
	case !slices.Contains(lightbulb.EscalationStates, state):
		v.Add("state", "Choose the contract's state")
	case state == c.Escalation:
		v.Add("state", "The contract is already in that state: choose another")
	}
	switch reason = strings.TrimSpace(reason); {
	case reason == "":
		v.Add("reason", "Say why the contract's state changes")
	case len([]rune(reason)) > 5000:
		v.Add("reason", "Why the state changes must be 5,000 characters or fewer")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE comm_contracts SET escalation = $1 WHERE id = $2 AND org_id = $3`, state, c.ID, org); err != nil {
			return fmt.Errorf("escalate: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO comm_escalations (org_id, contract_id, state, reason, changed_by, changed_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, org, c.ID, state, reason, actorRef(ctx), lightbulb.Now()); err != nil {
			return err
		}
		if c.ProviderID == 0 {
			return nil // a provider not on Lightbulb is told by other means
		}
		return mailEach(ctx, tx, providerLeads, []any{c.ProviderID}, func(email, name, lang string) *lightbulb.Mail {
			return lightbulb.EscalationMail(email, name, lang, c, state, reason, s.baseURL)
		})
	})
}

// escalations lists a contract's changes of state, newest first.
func (s *CommissioningService) escalations(ctx context.Context, contractID int64) ([]*lightbulb.Escalation, error) {
	rows, err := s.db.readRows(ctx, `SELECT e.state, e.reason, COALESCE(u.name, ''), e.changed_at FROM comm_escalations e
		LEFT JOIN users u ON u.id = e.changed_by WHERE e.contract_id = $1 ORDER BY e.changed_at DESC, e.id DESC`, contractID)
	if err != nil {
		return nil, fmt.Errorf("escalations: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.Escalation, error) {
		e := &lightbulb.Escalation{}
		return e, row.Scan(&e.State, &e.Reason, &e.By, &e.At)
	})
}
