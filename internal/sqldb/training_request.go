package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *TrainingService) reminderMail(b *lightbulb.Booking, kind string) *lightbulb.Mail {
	return lightbulb.ReminderMail(b, kind, s.baseURL)
}

func (s *TrainingService) offerMail(b *lightbulb.Booking) *lightbulb.Mail {
	return lightbulb.OfferMail(b, s.baseURL)
}

func (s *TrainingService) expiredMail(b *lightbulb.Booking) *lightbulb.Mail {
	return lightbulb.OfferExpiredMail(b, s.baseURL)
}

const requestCols = `id, coalesce(from_org_id, 0), org_name, contact_name, email, challenges, team_size, preferred_dates, format, status, notes,
	coalesce(cohort_id, 0), lang, created_at, updated_at`

func scanRequest(r scanner) (*lightbulb.TrainingRequest, error) {
	var x lightbulb.TrainingRequest
	err := r.Scan(&x.ID, &x.FromOrgID, &x.OrgName, &x.ContactName, &x.Email, &x.Challenges, &x.TeamSize, &x.PreferredDates, &x.Format,
		&x.Status, &x.Notes, &x.CohortID, &x.Lang, &x.CreatedAt, &x.UpdatedAt)
	return &x, err
}

// CreateRequest records a bespoke request as new.
func (s *TrainingService) CreateRequest(ctx context.Context, r *lightbulb.TrainingRequest) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := r.Validate(); err != nil {
		return err
	}
	r.Status, r.CreatedAt, r.Lang = "new", lightbulb.Now(), lightbulb.MailLang(r.Lang)
	r.UpdatedAt = r.CreatedAt
	err = s.db.write.QueryRowContext(ctx, `INSERT INTO training_requests (org_id, from_org_id, org_name, contact_name, email, challenges, team_size,
		preferred_dates, format, status, lang, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
		org, nullID(r.FromOrgID), r.OrgName, r.ContactName, r.Email, r.Challenges, r.TeamSize, r.PreferredDates, r.Format, r.Status, r.Lang, r.CreatedAt).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("create request: %w", err)
	}
	return nil
}

// FindRequests lists requests, newest first.
func (s *TrainingService) FindRequests(ctx context.Context) ([]*lightbulb.TrainingRequest, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+requestCols+` FROM training_requests WHERE org_id = $1 ORDER BY id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("find requests: %w", err)
	}
	return collect(rows, scanRequest)
}

// FindRequest returns one request.
func (s *TrainingService) FindRequest(ctx context.Context, id int64) (*lightbulb.TrainingRequest, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	x, err := scanRequest(s.db.readRow(ctx, `SELECT `+requestCols+` FROM training_requests WHERE org_id = $1 AND id = $2`, org, id))
	return x, notFound(err, "There is no such request.")
}

// UpdateRequest moves a request to a status and replaces its notes.
func (s *TrainingService) UpdateRequest(ctx context.Context, id int64, status, notes string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if !slices.Contains(lightbulb.RequestStates, status) {
		return lightbulb.FieldError("status", "Select a status")
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE training_requests SET status = $1, notes = $2, updated_at = $3 WHERE org_id = $4 AND id = $5`,
		status, notes, lightbulb.Now(), org, id)
	if err != nil {
		return fmt.Errorf("update request: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such request.")
	}
	return nil
}

// CohortFromRequest creates the cohort for a booked request and links it,
// in one transaction.
func (s *TrainingService) CohortFromRequest(ctx context.Context, requestID int64, c *lightbulb.Cohort) error {
	r, err := s.FindRequest(ctx, requestID)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var status string
		var cohort sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT status, cohort_id FROM training_requests WHERE id = $1`, r.ID).Scan(&status, &cohort); err != nil {
			return fmt.Errorf("request: %w", err)
		}
		if cohort.Valid {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "This request already has a cohort.")
		}
		if status != "booked" {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "Move the request to booked before creating its cohort.")
		}
		if err := s.createCohort(ctx, tx, c); err != nil {
			return err
		}
		c.RequestID = r.ID
		_, err := tx.ExecContext(ctx, `UPDATE training_requests SET cohort_id = $1, updated_at = $2 WHERE id = $3`, c.ID, lightbulb.Now(), r.ID)
		return err
	})
}
