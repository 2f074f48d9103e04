package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Roundtables and the actions from them and from quality visits; see
// lightbulb.RoundtableService.

var _ lightbulb.RoundtableService = (*CommissioningService)(nil)

// RoundtableProviders lists the providers on Lightbulb the commissioner in
// ctx has contracts with.
func (s *CommissioningService) RoundtableProviders(ctx context.Context) ([]lightbulb.OrgRef, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT DISTINCT o.id, o.name FROM comm_contracts c JOIN organisations o ON o.id = c.provider_id
		WHERE c.org_id = $1 ORDER BY o.name`, org)
	if err != nil {
		return nil, fmt.Errorf("roundtable providers: %w", err)
	}
	return collect(rows, scanOrgRef)
}

func scanOrgRef(row scanner) (lightbulb.OrgRef, error) {
	var o lightbulb.OrgRef
	return o, row.Scan(&o.ID, &o.Name)
}

// CreateRoundtable records a roundtable with providers the commissioner
// commissions.
func (s *CommissioningService) CreateRoundtable(ctx context.Context, rt *lightbulb.Roundtable) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := rt.Validate(); err != nil {
		return err
	}
	mine, err := s.RoundtableProviders(ctx)
	if err != nil {
		return err
	}
	for _, p := range rt.Providers {
		if !slices.ContainsFunc(mine, func(o lightbulb.OrgRef) bool { return o.ID == p.ID }) {
			return lightbulb.FieldError("providers", "Choose providers you have contracts with")
		}
	}
	rt.CommissionerID, rt.CreatedAt = org, lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO comm_roundtables (org_id, title, held_on, attendees, notes, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, rt.Title, rt.HeldOn.String(), rt.Attendees, rt.Notes, actorRef(ctx),
			rt.CreatedAt).Scan(&rt.ID); err != nil {
			return fmt.Errorf("create roundtable: %w", err)
		}
		for _, p := range rt.Providers {
			if _, err := tx.ExecContext(ctx, `INSERT INTO comm_roundtable_providers (org_id, roundtable_id, provider_id) VALUES ($1, $2, $3)`,
				org, rt.ID, p.ID); err != nil {
				return fmt.Errorf("roundtable provider: %w", err)
			}
		}
		return nil
	})
}

const roundtableColumns = `r.id, r.org_id, o.name, r.title, r.held_on, r.attendees, r.notes, r.created_at
	FROM comm_roundtables r JOIN organisations o ON o.id = r.org_id`

func scanRoundtable(row scanner) (*lightbulb.Roundtable, error) {
	rt := &lightbulb.Roundtable{}
	var held string
	err := row.Scan(&rt.ID, &rt.CommissionerID, &rt.CommissionerName, &rt.Title, &held, &rt.Attendees, &rt.Notes, &rt.CreatedAt)
	rt.HeldOn = mustDate(held)
	return rt, err
}

// Roundtables lists the commissioner's roundtables, newest first.
func (s *CommissioningService) Roundtables(ctx context.Context) ([]*lightbulb.Roundtable, error) {
	return s.roundtables(ctx, `r.org_id = $1`)
}

// ProviderRoundtables lists the roundtables the provider in ctx took part in.
func (s *CommissioningService) ProviderRoundtables(ctx context.Context) ([]*lightbulb.Roundtable, error) {
	return s.roundtables(ctx, presentAt)
}

// presentAt limits roundtables to those organisation $1 took part in.
const presentAt = `EXISTS (SELECT 1 FROM comm_roundtable_providers p WHERE p.roundtable_id = r.id AND p.provider_id = $1)`

func (s *CommissioningService) roundtables(ctx context.Context, where string) ([]*lightbulb.Roundtable, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+roundtableColumns+` WHERE `+where+` ORDER BY r.held_on DESC, r.id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("roundtables: %w", err)
	}
	return collect(rows, scanRoundtable)
}

// Roundtable returns one of the commissioner's roundtables with its
// providers and actions.
func (s *CommissioningService) Roundtable(ctx context.Context, id int64) (*lightbulb.Roundtable, error) {
	return s.roundtable(ctx, `r.org_id = $1`, id)
}

// ProviderRoundtable returns a roundtable the provider in ctx took part in.
func (s *CommissioningService) ProviderRoundtable(ctx context.Context, id int64) (*lightbulb.Roundtable, error) {
	return s.roundtable(ctx, presentAt, id)
}

func (s *CommissioningService) roundtable(ctx context.Context, where string, id int64) (*lightbulb.Roundtable, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rt, err := scanRoundtable(s.db.readRow(ctx, `SELECT `+roundtableColumns+` WHERE `+where+` AND r.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such roundtable.")
	}
	rows, err := s.db.readRows(ctx, `SELECT o.id, o.name FROM comm_roundtable_providers p JOIN organisations o ON o.id = p.provider_id
		WHERE p.roundtable_id = $1 ORDER BY o.name`, rt.ID)
	if err != nil {
		return nil, err
	}
	if rt.Providers, err = collect(rows, scanOrgRef); err != nil {
		return nil, err
	}
	rt.Actions, err = s.actions(ctx, `a.roundtable_id = $1`, rt.ID)
	return rt, err
}

const actionColumns = `a.id, COALESCE(a.roundtable_id, 0), COALESCE(a.visit_id, 0), COALESCE(rt.title, v.service, ''), a.owner_org_id, o.name,
	a.owner, a.text, a.requirement_code, a.due_on, a.status, a.closing_evidence, COALESCE(u.name, ''), a.updated_at
	FROM comm_actions a JOIN organisations o ON o.id = a.owner_org_id LEFT JOIN comm_roundtables rt ON rt.id = a.roundtable_id
	LEFT JOIN comm_visits v ON v.id = a.visit_id LEFT JOIN users u ON u.id = a.updated_by`

func (s *CommissioningService) actions(ctx context.Context, where string, arg any) ([]*lightbulb.CommAction, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+actionColumns+` WHERE `+where+`
		ORDER BY CASE WHEN a.status = 'done' THEN 1 ELSE 0 END, a.due_on, a.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("actions: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.CommAction, error) {
		a := &lightbulb.CommAction{}
		var due string
		err := row.Scan(&a.ID, &a.RoundtableID, &a.VisitID, &a.Source, &a.OwnerOrgID, &a.OwnerOrgName, &a.Owner, &a.Text, &a.RequirementCode,
			&due, &a.Status, &a.ClosingEvidence, &a.UpdatedBy, &a.UpdatedAt)
		a.DueOn = mustDate(due)
		return a, err
	})
}

// Actions lists the actions the organisation in ctx agreed as commissioner
// or owns as provider.
func (s *CommissioningService) Actions(ctx context.Context) ([]*lightbulb.CommAction, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.actions(ctx, `(a.org_id = $1 OR a.owner_org_id = $1)`, org)
}

// AddRoundtableAction adds an action to one of the commissioner's
// roundtables, owned by the commissioner or a provider present.
func (s *CommissioningService) AddRoundtableAction(ctx context.Context, roundtableID int64, a *lightbulb.CommAction) error {
	rt, err := s.Roundtable(ctx, roundtableID)
	if err != nil {
		return err
	}
	owners := append([]lightbulb.OrgRef{{ID: rt.CommissionerID, Name: rt.CommissionerName}}, rt.Providers...)
	lib, err := s.Requirements(ctx)
	if err != nil {
		return err
	}
	var codes []string
	for _, r := range lib {
		codes = append(codes, r.Code)
	}
	a.RoundtableID = rt.ID
	return s.addAction(ctx, a, owners, codes)
}

// addAction checks an action against its possible owners and the codes of
// the requirements it may serve, and records it.
func (s *CommissioningService) addAction(ctx context.Context, a *lightbulb.CommAction, owners []lightbulb.OrgRef, codes []string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := a.Validate(owners); err != nil {
		return err
	}
	if a.RequirementCode != "" && !slices.Contains(codes, a.RequirementCode) {
		return lightbulb.FieldError("requirement", "Choose a requirement from your library, or none")
	}
	a.UpdatedAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO comm_actions (org_id, roundtable_id, visit_id, owner_org_id, owner, text, requirement_code,
			due_on, status, created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10, $11) RETURNING id`,
			org, nullID(a.RoundtableID), nullID(a.VisitID), a.OwnerOrgID, a.Owner, a.Text, a.RequirementCode, a.DueOn.String(), a.Status,
			actorRef(ctx), a.UpdatedAt).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("add action: %w", err)
		}
		return nil
	})
}

// UpdateAction changes the status of an action the commissioner agreed.
func (s *CommissioningService) UpdateAction(ctx context.Context, id int64, u *lightbulb.ActionUpdate) error {
	return s.updateAction(ctx, `org_id`, id, u)
}

// ProviderUpdateAction changes the status of an action the provider owns.
func (s *CommissioningService) ProviderUpdateAction(ctx context.Context, id int64, u *lightbulb.ActionUpdate) error {
	return s.updateAction(ctx, `owner_org_id`, id, u)
}

func (s *CommissioningService) updateAction(ctx context.Context, column string, id int64, u *lightbulb.ActionUpdate) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var exists bool
	if err := s.db.readRow(ctx, `SELECT COUNT(*) > 0 FROM comm_actions WHERE id = $1 AND `+column+` = $2`, id, org).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such action.")
	}
	if err := u.Validate(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE comm_actions SET status = $1, closing_evidence = $2, updated_by = $3, updated_at = $4
			WHERE id = $5 AND `+column+` = $6`, u.Status, u.Evidence, actorRef(ctx), lightbulb.Now(), id, org)
		return err
	})
}
