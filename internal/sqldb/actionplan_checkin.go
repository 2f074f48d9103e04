package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// The Action Plan's jobs.
const (
	// JobPlanCheckins emails the check-ins that are due; daily.
	JobPlanCheckins = "actionplan.checkins"
	// JobPlanRetention anonymises signatures older than the retention
	// period; daily.
	JobPlanRetention = "actionplan.retention"
)

// countsEvery is the longest the public counts lag a confirmation.
const countsEvery = 10 * time.Second

// stopPurpose signs the one-click links that stop check-ins.
const stopPurpose = "actionplan-stop"

// RegisterJobs adds the Action Plan's jobs to q: recounting, daily
// check-ins at 09:00 and daily retention, anonymising signatures made more
// than keep ago (none when keep is 0).
func (s *ActionPlanService) RegisterJobs(q *jobs.Queue, keep time.Duration) error {
	q.Register(JobPlanCounts, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error { return refreshCounts(ctx, tx) })
	q.Register(JobPlanCheckins, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		_, err := s.sendCheckins(ctx, tx)
		return err
	})
	q.Register(JobPlanRetention, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		if keep <= 0 {
			return nil
		}
		_, err := anonymiseSignatures(ctx, tx, "created_at < $1", lightbulb.Now().Add(-keep))
		return err
	})
	if err := q.Daily("actionplan-counts", JobPlanCounts, "03:30"); err != nil {
		return err
	}
	if err := q.Daily("actionplan-retention", JobPlanRetention, "03:40"); err != nil {
		return err
	}
	return q.Daily("actionplan-checkins", JobPlanCheckins, "09:00")
}

// SendCheckins emails the check-ins due now; see lightbulb.ActionPlanService.
func (s *ActionPlanService) SendCheckins(ctx context.Context) (int, error) {
	var n int
	err := s.db.tx(ctx, func(tx *sql.Tx) (err error) {
		n, err = s.sendCheckins(ctx, tx)
		return err
	})
	return n, err
}

// sendCheckins emails, for each confirmed signature that wants check-ins,
// the latest check-in it is due and has not had, so a signature months
// behind gets one email rather than several.
func (s *ActionPlanService) sendCheckins(ctx context.Context, tx *sql.Tx) (int, error) {
	now, sent := lightbulb.Now(), 0
	for i := len(s.CheckinMonths) - 1; i >= 0; i-- {
		m := s.CheckinMonths[i]
		rows, err := tx.QueryContext(ctx, `SELECT `+signatureCols+` FROM actionplan_signatures g
			WHERE status = 'confirmed' AND NOT suspect AND checkins AND anonymised_at IS NULL AND confirmed_at <= $1
			AND NOT EXISTS (SELECT 1 FROM actionplan_checkins c WHERE c.signature_id = g.id AND c.months >= $2)
			ORDER BY id LIMIT 2000`, monthsAgo(now, m), m)
		if err != nil {
			return sent, fmt.Errorf("due check-ins: %w", err)
		}
		due, err := collect(rows, scanSignature)
		if err != nil {
			return sent, err
		}
		for _, g := range due {
			if err := s.sendCheckin(ctx, tx, g, m); err != nil {
				return sent, err
			}
			sent++
		}
	}
	return sent, nil
}

func (s *ActionPlanService) sendCheckin(ctx context.Context, tx *sql.Tx, g *lightbulb.Signature, months int) error {
	var err error
	if g.Actions, err = actionsOf(ctx, tx, g.ID); err != nil {
		return err
	}
	c := &lightbulb.Checkin{Months: months, Token: newToken(), SentAt: lightbulb.Now(), Signature: g}
	if _, err := tx.ExecContext(ctx, `INSERT INTO actionplan_checkins (signature_id, months, token, sent_at) VALUES ($1, $2, $3, $4)`,
		g.ID, months, c.Token, c.SentAt); err != nil {
		return fmt.Errorf("add check-in: %w", err)
	}
	stop, err := signLink(ctx, tx, stopPurpose, g.ID, 0)
	if err != nil {
		return err
	}
	return queueMail(ctx, tx, lightbulb.SignCheckinMail(c, s.baseURL, s.baseURL+"/action-plan/stop/"+stop))
}

// FindCheckin finds a check-in by the token in its email.
func (s *ActionPlanService) FindCheckin(ctx context.Context, token string) (*lightbulb.Checkin, error) {
	var c lightbulb.Checkin
	var sigID int64
	err := s.db.readRow(ctx, `SELECT id, signature_id, months, token, sent_at, answered_at, story, quote_ok, story_state
		FROM actionplan_checkins WHERE token = $1`, token).
		Scan(&c.ID, &sigID, &c.Months, &c.Token, &c.SentAt, &c.AnsweredAt, &c.Story, &c.QuoteOK, &c.StoryState)
	if err != nil {
		return nil, notFound(err, errNoSignature.Message)
	}
	g, err := scanSignature(s.db.readRow(ctx, `SELECT `+signatureCols+` FROM actionplan_signatures WHERE id = $1`, sigID))
	if err != nil {
		return nil, err
	}
	if g.Actions, err = actionsOf(ctx, s.db.read, g.ID); err != nil {
		return nil, err
	}
	c.Signature, c.Taken = g, map[int64]bool{}
	rows, err := s.db.readRows(ctx, `SELECT action_id FROM actionplan_signature_actions WHERE signature_id = $1 AND taken_at IS NOT NULL`, g.ID)
	if err != nil {
		return nil, err
	}
	taken, err := collect(rows, func(r scanner) (id int64, err error) { return id, r.Scan(&id) })
	for _, id := range taken {
		c.Taken[id] = true
	}
	return &c, err
}

// AnswerCheckin records which actions were taken and an optional story.
// Answering again replaces the answer.
func (s *ActionPlanService) AnswerCheckin(ctx context.Context, token string, a *lightbulb.CheckinAnswer) error {
	if err := a.Validate(); err != nil {
		return err
	}
	c, err := s.FindCheckin(ctx, token)
	if err != nil {
		return err
	}
	state := ""
	if a.Story != "" {
		state = lightbulb.ModPending
	}
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE actionplan_checkins SET answered_at = $1, story = $2, quote_ok = $3, story_state = $4 WHERE id = $5`,
			now, a.Story, a.QuoteOK, state, c.ID); err != nil {
			return fmt.Errorf("answer check-in: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE actionplan_signature_actions SET taken_at = NULL WHERE signature_id = $1`, c.Signature.ID); err != nil {
			return err
		}
		for _, id := range a.Taken {
			if _, err := tx.ExecContext(ctx, `UPDATE actionplan_signature_actions SET taken_at = $1 WHERE signature_id = $2 AND action_id = $3`,
				now, c.Signature.ID, id); err != nil {
				return err
			}
		}
		return enqueueCounts(ctx, tx)
	})
}

// FindStop finds the signature a signed stop link names.
func (s *ActionPlanService) FindStop(ctx context.Context, stopToken string) (*lightbulb.Signature, error) {
	id, _, err := checkLink(ctx, s.db.read, stopPurpose, stopToken)
	if errors.Is(err, errBadLink) {
		return nil, errNoSignature
	} else if err != nil {
		return nil, err
	}
	g, err := scanSignature(s.db.readRow(ctx, `SELECT `+signatureCols+` FROM actionplan_signatures WHERE id = $1`, id))
	return g, notFound(err, errNoSignature.Message)
}

// StopCheckins stops check-ins and anonymises the signature at once; the
// counts keep it. Stopping twice is fine.
func (s *ActionPlanService) StopCheckins(ctx context.Context, stopToken string) (*lightbulb.Signature, error) {
	g, err := s.FindStop(ctx, stopToken)
	if err != nil {
		return nil, err
	}
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := anonymiseSignatures(ctx, tx, "id = $1", g.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.FindStop(ctx, stopToken)
}

// AnonymiseSignatures anonymises signatures made before cutoff.
func (s *ActionPlanService) AnonymiseSignatures(ctx context.Context, cutoff time.Time) (int, error) {
	var n int
	err := s.db.tx(ctx, func(tx *sql.Tx) (err error) {
		n, err = anonymiseSignatures(ctx, tx, "created_at < $1", cutoff)
		return err
	})
	return n, err
}

// anonymiseSignatures forgets who made the signatures where cond holds:
// their name, address and organisation, their own action unless it was
// published, and stories nobody may quote. Role, nation, local authority
// and actions stay, so the counts do.
func anonymiseSignatures(ctx context.Context, tx *sql.Tx, cond string, arg any) (int, error) {
	now := lightbulb.Now()
	where := `anonymised_at IS NULL AND (` + cond + `)`
	if _, err := tx.ExecContext(ctx, `UPDATE actionplan_checkins SET story = '', story_state = ''
		WHERE NOT (quote_ok AND story_state = 'approved') AND signature_id IN (SELECT id FROM actionplan_signatures WHERE `+where+`)`, arg); err != nil {
		return 0, fmt.Errorf("anonymise stories: %w", err)
	}
	res, err := tx.ExecContext(ctx, `UPDATE actionplan_signatures SET name = '', email = 'erased-' || id || '@erased.invalid',
		organisation = '', checkins = false, stopped_at = coalesce(stopped_at, $2), anonymised_at = $2,
		own_action = CASE WHEN own_state = 'approved' THEN own_action ELSE '' END,
		own_state = CASE WHEN own_state = 'approved' THEN own_state ELSE '' END
		WHERE `+where, arg, now)
	if err != nil {
		return 0, fmt.Errorf("anonymise signatures: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
