package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// The newsletter's jobs: a campaign's start, which lists its recipients,
// and its batches, each of which queues the emails of the next few
// recipients and enqueues the batch after it.
const (
	JobCampaignStart = "newsletter.campaign"
	JobCampaignBatch = "newsletter.batch"
)

// RegisterJobs adds the campaign jobs to q.
func (s *NewsletterService) RegisterJobs(q *jobs.Queue) {
	q.Register(JobCampaignStart, s.startJob)
	q.Register(JobCampaignBatch, s.batchJob)
}

const campaignCols = `c.id, c.subject_en, c.body_en, c.subject_cy, c.body_cy, c.status, c.send_at, c.created_at, c.finished_at,
	(SELECT count(*) FROM newsletter_sends s WHERE s.campaign_id = c.id AND s.outbox_id > 0),
	(SELECT count(*) FROM newsletter_sends s JOIN outbox o ON o.id = s.outbox_id WHERE s.campaign_id = c.id AND o.sent_at IS NOT NULL),
	(SELECT count(*) FROM newsletter_sends s JOIN outbox o ON o.id = s.outbox_id JOIN jobs j ON j.id = o.job_id
		WHERE s.campaign_id = c.id AND o.sent_at IS NULL AND j.state = 'failed'),
	(SELECT count(*) FROM newsletter_subscribers u WHERE u.unsub_campaign_id = c.id)`

func scanCampaign(r scanner) (*lightbulb.Campaign, error) {
	var c lightbulb.Campaign
	err := r.Scan(&c.ID, &c.Subject, &c.Body, &c.SubjectCy, &c.BodyCy, &c.Status, &c.SendAt, &c.CreatedAt, &c.FinishedAt,
		&c.Recipients, &c.Sent, &c.Failed, &c.Unsubscribed)
	return &c, err
}

// FindCampaigns lists campaigns, newest first, with their numbers.
func (s *NewsletterService) FindCampaigns(ctx context.Context) ([]*lightbulb.Campaign, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+campaignCols+` FROM newsletter_campaigns c ORDER BY c.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("find campaigns: %w", err)
	}
	return collect(rows, scanCampaign)
}

// FindCampaign returns one campaign with its numbers.
func (s *NewsletterService) FindCampaign(ctx context.Context, id int64) (*lightbulb.Campaign, error) {
	c, err := scanCampaign(s.db.readRow(ctx, `SELECT `+campaignCols+` FROM newsletter_campaigns c WHERE c.id = $1`, id))
	return c, notFound(err, "There is no such newsletter.")
}

// SaveCampaign adds a draft (ID 0) or changes one not yet sending.
func (s *NewsletterService) SaveCampaign(ctx context.Context, c *lightbulb.Campaign) error {
	if err := c.Validate(); err != nil {
		return err
	}
	now := lightbulb.Now()
	if c.ID == 0 {
		var by any
		if a := lightbulb.ActorFrom(ctx); a != nil {
			by = a.UserID
		}
		c.Status = lightbulb.CampaignDraft
		return s.db.write.QueryRowContext(ctx, `INSERT INTO newsletter_campaigns (subject_en, body_en, subject_cy, body_cy, status,
			created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $6) RETURNING id`,
			c.Subject, c.Body, c.SubjectCy, c.BodyCy, by, now).Scan(&c.ID)
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE newsletter_campaigns SET subject_en = $1, body_en = $2, subject_cy = $3, body_cy = $4,
		updated_at = $5 WHERE id = $6 AND status IN ('draft', 'scheduled')`, c.Subject, c.Body, c.SubjectCy, c.BodyCy, now, c.ID)
	if err != nil {
		return fmt.Errorf("save campaign: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This newsletter is already being sent, so it can no longer be changed.")
	}
	return nil
}

// SendTest emails the campaign in English and Welsh to one address.
func (s *NewsletterService) SendTest(ctx context.Context, id int64, to string) error {
	c, err := s.FindCampaign(ctx, id)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, lang := range lightbulb.Languages {
			if err := queueMail(ctx, tx, lightbulb.CampaignMail(c, to, lang, s.baseURL+"/newsletter", true)); err != nil {
				return err
			}
		}
		return nil
	})
}

// ScheduleCampaign sends a draft at at (now when zero) through a job that
// runs once, whatever happens.
func (s *NewsletterService) ScheduleCampaign(ctx context.Context, id int64, at time.Time) error {
	if at.IsZero() {
		at = lightbulb.Now()
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE newsletter_campaigns SET status = 'scheduled', send_at = $1 WHERE id = $2 AND status = 'draft'`, at, id)
		if err != nil {
			return fmt.Errorf("schedule campaign: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "This newsletter has already been scheduled or sent.")
		}
		_, err = jobs.Enqueue(ctx, tx, jobs.New{Kind: JobCampaignStart, Payload: strconv.FormatInt(id, 10), At: at,
			Key: fmt.Sprintf("%s:%d", JobCampaignStart, id)})
		return err
	})
}

// startJob lists every confirmed subscriber as a recipient, once: the
// (campaign, subscriber) key makes a second listing add nobody.
func (s *NewsletterService) startJob(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
	id, _ := strconv.ParseInt(j.Payload, 10, 64)
	res, err := tx.ExecContext(ctx, `UPDATE newsletter_campaigns SET status = 'sending' WHERE id = $1 AND status = 'scheduled'`, id)
	if err != nil {
		return fmt.Errorf("start campaign: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO newsletter_sends (campaign_id, subscriber_id)
		SELECT $1, id FROM newsletter_subscribers WHERE status = 'confirmed' ON CONFLICT DO NOTHING`, id); err != nil {
		return fmt.Errorf("list recipients: %w", err)
	}
	return enqueueBatch(ctx, tx, id, 1, lightbulb.Now())
}

func enqueueBatch(ctx context.Context, tx *sql.Tx, campaign int64, n int, at time.Time) error {
	_, err := jobs.Enqueue(ctx, tx, jobs.New{Kind: JobCampaignBatch, Payload: fmt.Sprintf("%d:%d", campaign, n), At: at,
		Key: fmt.Sprintf("%s:%d:%d", JobCampaignBatch, campaign, n)})
	return err
}

// recipient is one subscriber a batch writes to.
type recipient struct {
	id          int64
	email, lang string
	confirmed   bool
}

// batchJob queues the emails of the next recipients, each in their own
// language with their own unsubscribe link, and marks each recipient with
// its outbox row in the same transaction: a crash before the commit undoes
// both, after it neither is done again. Someone who unsubscribed since the
// campaign started is skipped (outbox_id 0).
func (s *NewsletterService) batchJob(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
	idText, nText, _ := strings.Cut(j.Payload, ":")
	id, _ := strconv.ParseInt(idText, 10, 64)
	n, _ := strconv.Atoi(nText)
	c, err := scanCampaign(tx.QueryRowContext(ctx, `SELECT `+campaignCols+` FROM newsletter_campaigns c WHERE c.id = $1`, id))
	if err != nil {
		return fmt.Errorf("batch campaign %d: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT u.id, u.email, u.lang, u.status = 'confirmed' FROM newsletter_sends s
		JOIN newsletter_subscribers u ON u.id = s.subscriber_id
		WHERE s.campaign_id = $1 AND s.outbox_id IS NULL ORDER BY s.subscriber_id LIMIT $2`, id, s.Batch)
	if err != nil {
		return fmt.Errorf("batch recipients: %w", err)
	}
	list, err := collect(rows, func(r scanner) (x recipient, err error) { return x, r.Scan(&x.id, &x.email, &x.lang, &x.confirmed) })
	if err != nil {
		return err
	}
	for _, x := range list {
		if err := s.sendOne(ctx, tx, c, x); err != nil {
			return err
		}
	}
	if len(list) < s.Batch {
		_, err := tx.ExecContext(ctx, `UPDATE newsletter_campaigns SET status = 'sent', finished_at = $1 WHERE id = $2`, lightbulb.Now(), id)
		return err
	}
	gap := time.Duration(s.Batch) * time.Minute / time.Duration(max(s.PerMinute, 1))
	return enqueueBatch(ctx, tx, id, n+1, lightbulb.Now().Add(gap))
}

func (s *NewsletterService) sendOne(ctx context.Context, tx *sql.Tx, c *lightbulb.Campaign, x recipient) error {
	var outbox int64
	if x.confirmed {
		signed, err := signLink(ctx, tx, unsubPurpose, x.id, c.ID)
		if err != nil {
			return err
		}
		m := lightbulb.CampaignMail(c, x.email, x.lang, s.baseURL+"/newsletter/unsubscribe/"+signed, false)
		if err := queueMail(ctx, tx, m); err != nil {
			return err
		}
		outbox = m.ID
	}
	_, err := tx.ExecContext(ctx, `UPDATE newsletter_sends SET outbox_id = $1, queued_at = $2 WHERE campaign_id = $3 AND subscriber_id = $4`,
		outbox, lightbulb.Now(), c.ID, x.id)
	return err
}
