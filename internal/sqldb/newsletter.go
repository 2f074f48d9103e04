package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// NewsletterService implements lightbulb.NewsletterService.
type NewsletterService struct {
	db      *DB
	baseURL string
	// PerMinute is how many campaign emails are queued a minute (default 600).
	PerMinute int
	// Batch is how many subscribers one sending job handles (default 200).
	Batch int
}

// NewNewsletterService returns the newsletter on db; emails link to baseURL.
func NewNewsletterService(db *DB, baseURL string) *NewsletterService {
	return &NewsletterService{db: db, baseURL: baseURL, PerMinute: 600, Batch: 200}
}

// unsubPurpose signs the links that unsubscribe (and open preferences).
const unsubPurpose = "newsletter-unsubscribe"

const subscriberCols = `id, email, lang, status, token, consent_text, consent_at, ip, stop_reason, created_at, confirmed_at, unsubscribed_at`

func scanSubscriber(r scanner) (*lightbulb.Subscriber, error) {
	var s lightbulb.Subscriber
	err := r.Scan(&s.ID, &s.Email, &s.Lang, &s.Status, &s.Token, &s.Consent, &s.ConsentAt, &s.IP, &s.StopReason,
		&s.CreatedAt, &s.ConfirmedAt, &s.UnsubscribedAt)
	return &s, err
}

var errNoSubscription = lightbulb.Errorf(lightbulb.ENOTFOUND, "This link is not one we know. It may be old, or part of it may be missing.")

// Subscribe records a request; see lightbulb.NewsletterService.
func (s *NewsletterService) Subscribe(ctx context.Context, r *lightbulb.SubscribeRequest) error {
	if err := r.Validate(); err != nil {
		return err
	}
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		old, err := scanSubscriber(tx.QueryRowContext(ctx, `SELECT `+subscriberCols+` FROM newsletter_subscribers WHERE email = $1`, r.Email))
		if errors.Is(err, sql.ErrNoRows) {
			sub := &lightbulb.Subscriber{Email: r.Email, Lang: r.Lang, Token: newToken()}
			err = tx.QueryRowContext(ctx, `INSERT INTO newsletter_subscribers (email, lang, status, token, consent_text, consent_at, ip, created_at)
				VALUES ($1, $2, 'pending', $3, $4, $5, $6, $5) RETURNING id`, r.Email, r.Lang, sub.Token, r.Consent, now, r.IP).Scan(&sub.ID)
			if err != nil || r.Suspect {
				return err
			}
			return mailUnasked(ctx, tx, "newsletter_subscribers", sub.ID, lightbulb.NewsletterConfirmMail(sub, s.baseURL))
		} else if err != nil {
			return fmt.Errorf("find subscriber: %w", err)
		}
		switch {
		case r.Suspect || old.Status == lightbulb.SubStopped:
			return nil
		case old.Status == lightbulb.SubConfirmed:
			prefs, err := signLink(ctx, tx, unsubPurpose, old.ID, 0)
			if err != nil {
				return err
			}
			return mailUnasked(ctx, tx, "newsletter_subscribers", old.ID, lightbulb.NewsletterAgainMail(old, r.Lang, s.baseURL+"/newsletter/unsubscribe/"+prefs))
		}
		// Pending or unsubscribed: ask again, in the language of this form.
		old.Lang = r.Lang
		if _, err := tx.ExecContext(ctx, `UPDATE newsletter_subscribers SET status = 'pending', lang = $1, consent_text = $2,
			consent_at = $3, ip = $4 WHERE id = $5`, r.Lang, r.Consent, now, r.IP, old.ID); err != nil {
			return fmt.Errorf("subscribe again: %w", err)
		}
		return mailUnasked(ctx, tx, "newsletter_subscribers", old.ID, lightbulb.NewsletterConfirmMail(old, s.baseURL))
	})
}

// FindSubscription finds a subscriber by the token in its confirmation email.
func (s *NewsletterService) FindSubscription(ctx context.Context, token string) (*lightbulb.Subscriber, error) {
	sub, err := scanSubscriber(s.db.readRow(ctx, `SELECT `+subscriberCols+` FROM newsletter_subscribers WHERE token = $1`, token))
	return sub, notFound(err, errNoSubscription.Message)
}

// ConfirmSubscription confirms a pending subscriber; twice is fine.
func (s *NewsletterService) ConfirmSubscription(ctx context.Context, token string) (*lightbulb.Subscriber, error) {
	if _, err := s.db.write.ExecContext(ctx, `UPDATE newsletter_subscribers SET status = 'confirmed', confirmed_at = $1,
		unasked_mails = 0, unsubscribed_at = NULL, unsub_campaign_id = NULL WHERE token = $2 AND status = 'pending'`, lightbulb.Now(), token); err != nil {
		return nil, fmt.Errorf("confirm subscriber: %w", err)
	}
	return s.FindSubscription(ctx, token)
}

// FindBySigned finds the subscriber a signed link names.
func (s *NewsletterService) FindBySigned(ctx context.Context, signed string) (*lightbulb.Subscriber, error) {
	sub, _, err := s.bySigned(ctx, signed)
	return sub, err
}

func (s *NewsletterService) bySigned(ctx context.Context, signed string) (*lightbulb.Subscriber, int64, error) {
	id, campaign, err := checkLink(ctx, s.db.read, unsubPurpose, signed)
	if errors.Is(err, errBadLink) {
		return nil, 0, errNoSubscription
	} else if err != nil {
		return nil, 0, err
	}
	sub, err := scanSubscriber(s.db.readRow(ctx, `SELECT `+subscriberCols+` FROM newsletter_subscribers WHERE id = $1`, id))
	return sub, campaign, notFound(err, errNoSubscription.Message)
}

// Unsubscribe stops the newsletter for a signed link's subscriber, noting
// the campaign it came in; twice is fine.
func (s *NewsletterService) Unsubscribe(ctx context.Context, signed string) (*lightbulb.Subscriber, error) {
	sub, campaign, err := s.bySigned(ctx, signed)
	if err != nil {
		return nil, err
	}
	var cid any
	if campaign != 0 {
		cid = campaign
	}
	if _, err := s.db.write.ExecContext(ctx, `UPDATE newsletter_subscribers SET status = 'unsubscribed', unsubscribed_at = $1,
		unsub_campaign_id = $2 WHERE id = $3 AND status IN ('confirmed', 'pending')`, lightbulb.Now(), cid, sub.ID); err != nil {
		return nil, fmt.Errorf("unsubscribe: %w", err)
	}
	return s.FindBySigned(ctx, signed)
}

// SetLanguage changes the language a subscriber is written to in.
func (s *NewsletterService) SetLanguage(ctx context.Context, signed, lang string) error {
	if !lightbulb.ValidLang(lang) {
		return lightbulb.FieldError("lang", "Choose English or Welsh")
	}
	sub, err := s.FindBySigned(ctx, signed)
	if err != nil {
		return err
	}
	_, err = s.db.write.ExecContext(ctx, `UPDATE newsletter_subscribers SET lang = $1 WHERE id = $2`, lang, sub.ID)
	return err
}

// ExportSubscriber is everything the register finds about the subscriber.
func (s *NewsletterService) ExportSubscriber(ctx context.Context, signed string) (*lightbulb.PersonalExport, error) {
	sub, err := s.FindBySigned(ctx, signed)
	if err != nil {
		return nil, err
	}
	return NewPrivacyService(s.db).ExportPerson(ctx, lightbulb.Subject{Email: sub.Email})
}

// EraseSubscriber erases everything the register finds about the subscriber.
func (s *NewsletterService) EraseSubscriber(ctx context.Context, signed string) error {
	sub, err := s.FindBySigned(ctx, signed)
	if err != nil {
		return err
	}
	_, err = NewPrivacyService(s.db).ErasePerson(ctx, lightbulb.Subject{Email: sub.Email})
	return err
}

// RecordBounce stops email to an address after a hard bounce, a complaint
// or lightbulb.SoftBounceLimit soft bounces.
func (s *NewsletterService) RecordBounce(ctx context.Context, email, kind string) (bool, error) {
	email = lightbulb.CleanEmail(email)
	q := `UPDATE newsletter_subscribers SET status = 'stopped', stop_reason = $1 WHERE email = $2 AND status <> 'stopped'`
	switch kind {
	case lightbulb.BounceHard, lightbulb.BounceComplaint:
	case lightbulb.BounceSoft:
		q = `UPDATE newsletter_subscribers SET soft_bounces = soft_bounces + 1,
			status = CASE WHEN soft_bounces + 1 >= $3 THEN 'stopped' ELSE status END,
			stop_reason = CASE WHEN soft_bounces + 1 >= $3 THEN $1 ELSE stop_reason END
			WHERE email = $2 AND status <> 'stopped'`
	default:
		return false, lightbulb.Errorf(lightbulb.EINVALID, "A bounce is hard, soft or a complaint.")
	}
	args := []any{kind, email}
	if kind == lightbulb.BounceSoft {
		args = append(args, lightbulb.SoftBounceLimit)
	}
	if _, err := s.db.write.ExecContext(ctx, q, args...); err != nil {
		return false, fmt.Errorf("record bounce: %w", err)
	}
	var status string
	err := s.db.readRow(ctx, `SELECT status FROM newsletter_subscribers WHERE email = $1`, email).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return status == lightbulb.SubStopped, err
}

// CountSubscribers counts the list by state.
func (s *NewsletterService) CountSubscribers(ctx context.Context) (*lightbulb.SubscriberCounts, error) {
	var c lightbulb.SubscriberCounts
	err := s.db.readRow(ctx, `SELECT count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'pending'),
		count(*) FILTER (WHERE status = 'unsubscribed'), count(*) FILTER (WHERE status = 'stopped') FROM newsletter_subscribers`).
		Scan(&c.Confirmed, &c.Pending, &c.Unsubscribed, &c.Stopped)
	return &c, err
}
