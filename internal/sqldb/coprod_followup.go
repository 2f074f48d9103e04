package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// RegisterJobs adds co-production's jobs to q: opening follow-ups when an
// involvement ends, reminding when one is overdue, and reminding before a
// check ends.
func (s *CoprodService) RegisterJobs(q *jobs.Queue) {
	q.Register(lightbulb.JobCoprodEnded, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		id, err := strconv.ParseInt(j.Payload, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: payload %q", j.Kind, j.Payload)
		}
		return s.openFollowUps(ctx, tx, j.Org, id)
	})
	q.Register(lightbulb.JobCoprodFollowUpDue, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		id, stage, _ := strings.Cut(j.Payload, ":")
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: payload %q", j.Kind, j.Payload)
		}
		return s.remindOverdue(ctx, tx, j.Org, n, stage == "lead")
	})
	q.Register(lightbulb.JobCoprodCheckDue, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		id, err := strconv.ParseInt(j.Payload, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: payload %q", j.Kind, j.Payload)
		}
		return s.remindCheck(ctx, tx, j.Org, id)
	})
}

// openFollowUps creates a follow-up, due within 48 hours, for each expert
// who accepted the involvement, tells the supporter and queues the overdue
// reminder.
func (s *CoprodService) openFollowUps(ctx context.Context, tx *sql.Tx, org, involvementID int64) error {
	v, err := scanInvolvement(tx.QueryRowContext(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.org_id = $1 AND v.id = $2`, org, involvementID))
	if err != nil {
		return fmt.Errorf("involvement %d: %w", involvementID, err)
	}
	due := v.EndsAt().Add(lightbulb.FollowUpWithin)
	rows, err := tx.QueryContext(ctx, `SELECT expert_id FROM coprod_invites WHERE involvement_id = $1 AND state = 'accepted' ORDER BY id`, v.ID)
	if err != nil {
		return err
	}
	var experts []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		experts = append(experts, id)
	}
	rows.Close()
	for _, e := range experts {
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO coprod_followups (org_id, involvement_id, expert_id, supporter_id, due_at, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`, org, v.ID, e, v.SupporterID, due, lightbulb.Now()).Scan(&id)
		if err == sql.ErrNoRows {
			continue // opened already
		} else if err != nil {
			return fmt.Errorf("open follow-up: %w", err)
		}
		if err := s.tellSupporter(ctx, tx, org, id, false, false); err != nil {
			return err
		}
		if _, err := jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCoprodFollowUpDue, Payload: fmt.Sprintf("%d:supporter", id), At: due}); err != nil {
			return err
		}
	}
	return nil
}

// remindOverdue reminds the supporter of a follow-up that is past due, and
// a day later the lead who posted the involvement.
func (s *CoprodService) remindOverdue(ctx context.Context, tx *sql.Tx, org, id int64, lead bool) error {
	var done sql.NullTime
	if err := tx.QueryRowContext(ctx, `SELECT done_at FROM coprod_followups WHERE id = $1 AND org_id = $2`, id, org).Scan(&done); err != nil {
		return fmt.Errorf("follow-up %d: %w", id, err)
	}
	if done.Valid {
		return nil
	}
	if err := s.tellSupporter(ctx, tx, org, id, true, lead); err != nil {
		return err
	}
	if lead {
		return nil
	}
	_, err := jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCoprodFollowUpDue, Payload: fmt.Sprintf("%d:lead", id),
		At: lightbulb.Now().Add(24 * time.Hour)})
	return err
}

// tellSupporter emails a follow-up's supporter, or the involvement's lead,
// in their language; one the expert asked for goes to every co-production
// lead of the organisation.
func (s *CoprodService) tellSupporter(ctx context.Context, tx *sql.Tx, org, id int64, overdue, lead bool) error {
	f, err := scanFollowUp(tx.QueryRowContext(ctx, followUpSelect+` WHERE f.id = $1`, id))
	if err != nil {
		return err
	}
	who := `SELECT u.email, u.name, COALESCE(u.lang, '') FROM users u WHERE u.id = $1`
	args := []any{f.SupporterID}
	if lead && f.InvolvementID != 0 {
		who = `SELECT u.email, u.name, COALESCE(u.lang, '') FROM users u JOIN coprod_involvements v ON v.lead_id = u.id WHERE v.id = $1`
		args = []any{f.InvolvementID}
	} else if f.SupporterID == 0 {
		who = `SELECT u.email, u.name, COALESCE(u.lang, '') FROM users u JOIN memberships m ON m.user_id = u.id
			WHERE m.org_id = $1 AND m.role = 'coproduction' ORDER BY u.id`
		args = []any{org}
	}
	return mailEach(ctx, tx, who, args, func(email, name, lang string) *lightbulb.Mail {
		return lightbulb.CoprodFollowUpMail(email, name, lang, f, overdue, s.baseURL)
	})
}

const followUpSelect = `SELECT f.id, COALESCE(f.involvement_id, 0), COALESCE(v.title, ''), f.expert_id, COALESCE(p.preferred_name, eu.name),
	COALESCE(f.supporter_id, 0), COALESCE(su.name, ''), f.due_at, f.done_at, f.method, f.outcome, f.note, f.requested
	FROM coprod_followups f JOIN users eu ON eu.id = f.expert_id LEFT JOIN users su ON su.id = f.supporter_id
	LEFT JOIN coprod_involvements v ON v.id = f.involvement_id
	LEFT JOIN coprod_profiles p ON p.org_id = f.org_id AND p.user_id = f.expert_id`

func scanFollowUp(row scanner) (*lightbulb.FollowUp, error) {
	f := &lightbulb.FollowUp{}
	var done sql.NullTime
	err := row.Scan(&f.ID, &f.InvolvementID, &f.Title, &f.ExpertID, &f.ExpertName, &f.SupporterID, &f.SupporterName, &f.DueAt,
		&done, &f.Method, &f.Outcome, &f.Note, &f.Requested)
	f.DoneAt = done.Time
	return f, err
}

func (s *CoprodService) followUps(ctx context.Context, where string, args ...any) ([]*lightbulb.FollowUp, error) {
	rows, err := s.db.readRows(ctx, followUpSelect+` WHERE `+where+` ORDER BY f.due_at DESC, f.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("follow-ups: %w", err)
	}
	return collect(rows, scanFollowUp)
}

// FollowUp returns one follow-up of the organisation.
func (s *CoprodService) FollowUp(ctx context.Context, id int64) (*lightbulb.FollowUp, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	f, err := scanFollowUp(s.db.readRow(ctx, followUpSelect+` WHERE f.id = $1 AND f.org_id = $2`, id, org))
	return f, notFound(err, "There is no such follow-up.")
}

// FollowUps lists the organisation's check-ins due from one day up to another.
func (s *CoprodService) FollowUps(ctx context.Context, from, to lightbulb.Date) ([]*lightbulb.FollowUp, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.followUps(ctx, `f.org_id = $1 AND f.due_at >= $2 AND f.due_at < $3`, org, from.In(lightbulb.London), to.In(lightbulb.London))
}

// CompleteFollowUp records how a follow-up went, once.
func (s *CoprodService) CompleteFollowUp(ctx context.Context, f *lightbulb.FollowUp) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	f.Note = strings.TrimSpace(f.Note)
	if !slices.Contains(lightbulb.FollowUpMethods, f.Method) {
		v.Add("method", "Choose how you checked in")
	}
	if !slices.Contains(lightbulb.FollowUpOutcomes, f.Outcome) {
		v.Add("outcome", "Choose how they were")
	}
	if len([]rune(f.Note)) > 2000 {
		v.Add("note", "The note must be 2,000 characters or fewer")
	}
	if err := v.Err(); err != nil {
		return err
	}
	f.DoneAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE coprod_followups SET done_at = $1, done_by = $2, method = $3, outcome = $4, note = $5
			WHERE id = $6 AND org_id = $7 AND done_at IS NULL`, f.DoneAt, nullID(actorID(lightbulb.ActorFrom(ctx))), f.Method, f.Outcome, f.Note, f.ID, org)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return lightbulb.FieldError("method", "This follow-up has already been recorded")
		}
		return nil
	})
}

// RequestFollowUp opens a follow-up the expert asked for, due within 48
// hours, and tells the organisation's co-production leads.
func (s *CoprodService) RequestFollowUp(ctx context.Context, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if _, err := profile(ctx, s.db.read, org, userID); err != nil {
		return err
	}
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `INSERT INTO coprod_followups (org_id, expert_id, due_at, requested, created_at)
			VALUES ($1, $2, $3, TRUE, $4) RETURNING id`, org, userID, now.Add(lightbulb.FollowUpWithin), now).Scan(&id)
		if err != nil {
			return fmt.Errorf("ask for follow-up: %w", err)
		}
		if err := s.tellSupporter(ctx, tx, org, id, false, false); err != nil {
			return err
		}
		_, err = jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCoprodFollowUpDue, Payload: fmt.Sprintf("%d:supporter", id),
			At: now.Add(lightbulb.FollowUpWithin)})
		return err
	})
}
