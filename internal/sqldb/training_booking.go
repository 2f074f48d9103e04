package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// bookingCols are a booking's columns from training_bookings (unaliased).
// Its language is the booker's account's when they have chosen one, else the
// language of the form they booked on.
const bookingCols = `id, session_id, name, email, coalesce(user_id, 0), coalesce(booker_org_id, 0), status, token, offer_expires, attendance, created_at,
	access_needs, organisation, ` + bookingLang

const bookingLang = `coalesce(nullif((SELECT u.lang FROM users u WHERE u.id = training_bookings.user_id), ''), training_bookings.lang)`

func scanBooking(r scanner) (*lightbulb.Booking, error) {
	var b lightbulb.Booking
	var exp sql.NullTime
	err := r.Scan(&b.ID, &b.SessionID, &b.Name, &b.Email, &b.UserID, &b.OrgID, &b.Status, &b.Token, &exp, &b.Attendance, &b.CreatedAt,
		&b.AccessNeeds, &b.Organisation, &b.Lang)
	if exp.Valid {
		b.OfferExpires = exp.Time
	}
	return &b, err
}

func newToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

var errFull = lightbulb.Errorf(lightbulb.ECONFLICT, "This session is full. You can join the waiting list instead.")

// Book records a booking; see lightbulb.TrainingService.
func (s *TrainingService) Book(ctx context.Context, req *lightbulb.BookingRequest) (*lightbulb.Booking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	if err := req.Validate(); err != nil {
		return nil, err
	}
	var out *lightbulb.Booking
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		x, err := s.lockSession(ctx, tx, org, req.SessionID)
		if err != nil {
			return err
		}
		// A cohort's session does not exist for anyone outside its organisation.
		if !x.Open() && x.ClientOrgID != req.OrgID {
			return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such session.")
		}
		if err := bookable(x); err != nil {
			return err
		}
		if err := s.checkCohortBooking(ctx, tx, x, req); err != nil {
			return err
		}
		prev, err := scanBooking(tx.QueryRowContext(ctx, `SELECT `+bookingCols+` FROM training_bookings
			WHERE org_id = $1 AND session_id = $2 AND (email = $3 OR (user_id IS NOT NULL AND user_id = $4)) AND status NOT IN ('cancelled', 'expired')`,
			org, x.ID, req.Email, req.UserID))
		switch {
		case err == nil && prev.Status == lightbulb.BookingPending:
			out = prev // asking again sends the confirmation email again
			return s.queueBookingMail(ctx, tx, prev, x)
		case err == nil && prev.Status == lightbulb.BookingWaiting:
			return lightbulb.FieldError("email", "You are already on the waiting list for this session")
		case err == nil:
			return lightbulb.FieldError("email", "You have already booked this session with this email address")
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("find booking: %w", err)
		}
		if x.Full() && !req.Wait {
			return errFull
		}
		status := lightbulb.BookingPending
		if req.UserID != 0 {
			status = lightbulb.BookingConfirmed
			if x.Full() {
				status = lightbulb.BookingWaiting
			}
		}
		now := lightbulb.Now()
		b := &lightbulb.Booking{SessionID: x.ID, Name: req.Name, Email: req.Email, UserID: req.UserID, OrgID: req.OrgID,
			Status: status, Token: newToken(), Lang: lightbulb.MailLang(req.Lang), CreatedAt: now, AccessNeeds: req.AccessNeeds, Organisation: req.Organisation}
		err = tx.QueryRowContext(ctx, `INSERT INTO training_bookings (org_id, session_id, name, email, user_id, booker_org_id, status, token, lang,
			access_needs, organisation, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id, `+bookingLang, org, x.ID, b.Name, b.Email, nullID(b.UserID),
			nullID(b.OrgID), b.Status, b.Token, b.Lang, b.AccessNeeds, b.Organisation, now).Scan(&b.ID, &b.Lang)
		if err != nil {
			return fmt.Errorf("book: %w", err)
		}
		if status == lightbulb.BookingConfirmed {
			if err := s.scheduleReminders(ctx, tx, org, b.ID, x.StartsAt); err != nil {
				return err
			}
		}
		out = b
		return s.queueBookingMail(ctx, tx, b, x)
	})
	if err != nil {
		return nil, err
	}
	return s.withSession(ctx, out)
}

// bookable refuses cancelled and past sessions.
func bookable(x *lightbulb.Session) error {
	if x.Cancelled {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This session has been cancelled, so it cannot be booked.")
	}
	if !x.StartsAt.After(lightbulb.Now()) {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This session has already started, so it can no longer be booked.")
	}
	return nil
}

func (s *TrainingService) withSession(ctx context.Context, b *lightbulb.Booking) (*lightbulb.Booking, error) {
	x, err := s.FindSession(ctx, b.SessionID)
	if err != nil {
		return nil, err
	}
	b.Session = x
	return b, nil
}

// FindBookingByToken returns the booking a link's token names.
func (s *TrainingService) FindBookingByToken(ctx context.Context, token string) (*lightbulb.Booking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	b, err := scanBooking(s.db.readRow(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND token = $2`, org, token))
	if err != nil {
		return nil, notFound(err, "This booking link is not valid. Check that you copied the whole link from the email.")
	}
	return s.withSession(ctx, b)
}

// FindUserBooking returns a signed-in person's live booking on a session.
func (s *TrainingService) FindUserBooking(ctx context.Context, sessionID, userID int64) (*lightbulb.Booking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	b, err := scanBooking(s.db.readRow(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND session_id = $2
		AND user_id = $3 AND status NOT IN ('cancelled', 'expired') ORDER BY id DESC LIMIT 1`, org, sessionID, userID))
	if err != nil {
		return nil, notFound(err, "You have not booked this session.")
	}
	return b, nil
}

// FindUserBookings lists a person's live bookings on sessions to come.
func (s *TrainingService) FindUserBookings(ctx context.Context, userID int64) ([]*lightbulb.Booking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadEach(ctx, s.db, func(id int64) (*lightbulb.Booking, error) {
		b, err := scanBooking(s.db.readRow(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE id = $1`, id))
		if err != nil {
			return nil, err
		}
		return s.withSession(ctx, b)
	}, `SELECT b.id FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id
		WHERE b.org_id = $1 AND b.user_id = $2 AND b.status NOT IN ('cancelled', 'expired') AND s.ends_at > $3 ORDER BY s.starts_at, b.id`,
		org, userID, lightbulb.Now())
}

// changeBooking runs fn on a token's booking and its locked session in one
// transaction and returns the booking as it ends up.
func (s *TrainingService) changeBooking(ctx context.Context, token string, fn func(tx *sql.Tx, org int64, b *lightbulb.Booking, x *lightbulb.Session) error) (*lightbulb.Booking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	var id int64
	var after error
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		b, err := scanBooking(tx.QueryRowContext(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND token = $2`, org, token))
		if err != nil {
			return notFound(err, "This booking link is not valid. Check that you copied the whole link from the email.")
		}
		x, err := s.lockSession(ctx, tx, org, b.SessionID)
		if err != nil {
			return err
		}
		id = b.ID
		// An error marked keep is reported after the transaction commits.
		if err := fn(tx, org, b, x); err != nil {
			var k keep
			if errors.As(err, &k) {
				after = k.err
				return nil
			}
			return err
		}
		now, err := scanBooking(tx.QueryRowContext(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND id = $2`, org, id))
		if err != nil || now.Status == b.Status {
			return err
		}
		return s.queueBookingMail(ctx, tx, now, x)
	})
	if err != nil {
		return nil, err
	}
	if after != nil {
		return nil, after
	}
	b, err := scanBooking(s.db.readRow(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND id = $2`, org, id))
	if err != nil {
		return nil, err
	}
	return s.withSession(ctx, b)
}

// keep wraps an error to report once the changes made so far are committed.
type keep struct{ err error }

func (k keep) Error() string { return k.err.Error() }

func setStatus(ctx context.Context, tx *sql.Tx, id int64, status string, expires *time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE training_bookings SET status = $1, offer_expires = $2, updated_at = $3 WHERE id = $4`,
		status, expires, lightbulb.Now(), id)
	if err != nil {
		return fmt.Errorf("booking status: %w", err)
	}
	return nil
}

// ConfirmBooking follows the email link of a pending booking.
func (s *TrainingService) ConfirmBooking(ctx context.Context, token string) (*lightbulb.Booking, error) {
	return s.changeBooking(ctx, token, func(tx *sql.Tx, org int64, b *lightbulb.Booking, x *lightbulb.Session) error {
		switch b.Status {
		case lightbulb.BookingPending:
		case lightbulb.BookingCancelled, lightbulb.BookingExpired:
			return lightbulb.Errorf(lightbulb.ECONFLICT, "This booking was cancelled. You can book again if there are places.")
		default:
			return nil // following the link twice changes nothing
		}
		if err := bookable(x); err != nil {
			return err
		}
		if x.Full() {
			return setStatus(ctx, tx, b.ID, lightbulb.BookingWaiting, nil)
		}
		if err := setStatus(ctx, tx, b.ID, lightbulb.BookingConfirmed, nil); err != nil {
			return err
		}
		return s.scheduleReminders(ctx, tx, org, b.ID, x.StartsAt)
	})
}

// AcceptOffer takes an offered place while the offer lasts. An expired
// offer is passed to the next person and refused.
func (s *TrainingService) AcceptOffer(ctx context.Context, token string) (*lightbulb.Booking, error) {
	return s.changeBooking(ctx, token, func(tx *sql.Tx, org int64, b *lightbulb.Booking, x *lightbulb.Session) error {
		switch {
		case b.Status == lightbulb.BookingConfirmed:
			return nil
		case b.Status == lightbulb.BookingExpired || (b.Status == lightbulb.BookingOffered && !lightbulb.Now().Before(b.OfferExpires)):
			if b.Status == lightbulb.BookingOffered {
				if err := s.expireOffer(ctx, tx, org, b); err != nil {
					return err
				}
			}
			return keep{lightbulb.Errorf(lightbulb.ECONFLICT, "This offer has expired, so the place has gone to the next person on the waiting list.")}
		case b.Status != lightbulb.BookingOffered:
			return lightbulb.Errorf(lightbulb.ECONFLICT, "There is no place on offer for this booking.")
		}
		if err := bookable(x); err != nil {
			return err
		}
		if err := setStatus(ctx, tx, b.ID, lightbulb.BookingConfirmed, nil); err != nil {
			return err
		}
		return s.scheduleReminders(ctx, tx, org, b.ID, x.StartsAt)
	})
}

// CancelBooking gives up a place or a waiting-list place; a freed place is
// offered to the next person waiting.
func (s *TrainingService) CancelBooking(ctx context.Context, token string) (*lightbulb.Booking, error) {
	return s.changeBooking(ctx, token, func(tx *sql.Tx, org int64, b *lightbulb.Booking, x *lightbulb.Session) error {
		if b.Status == lightbulb.BookingCancelled || b.Status == lightbulb.BookingExpired {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "This booking has already been cancelled.")
		}
		if !x.StartsAt.After(lightbulb.Now()) {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "This session has already started, so the booking can no longer be cancelled.")
		}
		if err := setStatus(ctx, tx, b.ID, lightbulb.BookingCancelled, nil); err != nil {
			return err
		}
		return s.offerPlaces(ctx, tx, org, x.ID)
	})
}

// expireOffer ends an offer that ran out and passes the place on.
func (s *TrainingService) expireOffer(ctx context.Context, tx *sql.Tx, org int64, b *lightbulb.Booking) error {
	if err := setStatus(ctx, tx, b.ID, lightbulb.BookingExpired, nil); err != nil {
		return err
	}
	return s.offerPlaces(ctx, tx, org, b.SessionID)
}

// offerPlaces offers every free place to the people waiting longest, each
// with a time limit, and queues their emails and the offers' expiry.
func (s *TrainingService) offerPlaces(ctx context.Context, tx *sql.Tx, org, sessionID int64) error {
	x, err := scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE s.org_id = $1 AND s.id = $2`, org, sessionID))
	if err != nil {
		return fmt.Errorf("offer places: %w", err)
	}
	now := lightbulb.Now()
	expires := now.Add(s.OfferHold)
	// An offer must end in time for the person to get there.
	if latest := x.StartsAt.Add(-time.Hour); latest.Before(expires) {
		expires = latest
	}
	if x.Cancelled || !expires.After(now) {
		return nil
	}
	for free := x.Capacity - x.Taken; free > 0; free-- {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM training_bookings WHERE org_id = $1 AND session_id = $2 AND status = 'waiting'
			ORDER BY created_at, id LIMIT 1`, org, sessionID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return fmt.Errorf("next waiting: %w", err)
		}
		if err := setStatus(ctx, tx, id, lightbulb.BookingOffered, &expires); err != nil {
			return err
		}
		if err := enqueue(ctx, tx, org, lightbulb.JobOfferMail, id, now); err != nil {
			return err
		}
		if err := enqueue(ctx, tx, org, lightbulb.JobOfferExpiry, id, expires); err != nil {
			return err
		}
	}
	return nil
}

// scheduleReminders queues the reminders two days and one hour before a
// session, skipping any whose time has passed.
func (s *TrainingService) scheduleReminders(ctx context.Context, tx *sql.Tx, org, bookingID int64, starts time.Time) error {
	now := lightbulb.Now()
	for kind, before := range map[string]time.Duration{lightbulb.JobReminder2d: 48 * time.Hour, lightbulb.JobReminder1h: time.Hour} {
		at := starts.Add(-before)
		if !at.After(now) {
			continue
		}
		if err := enqueue(ctx, tx, org, kind, bookingID, at); err != nil {
			return err
		}
	}
	return nil
}

// Register lists the session's bookings that are still live, places first.
func (s *TrainingService) Register(ctx context.Context, sessionID int64) ([]*lightbulb.Attendee, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := s.FindSession(ctx, sessionID); err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND session_id = $2
		AND status IN ('confirmed', 'offered', 'waiting', 'pending')
		ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'offered' THEN 1 WHEN 'waiting' THEN 2 ELSE 3 END, created_at, id`, org, sessionID)
	if err != nil {
		return nil, fmt.Errorf("register: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Attendee
	for rows.Next() {
		b, err := scanBooking(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, &lightbulb.Attendee{Booking: *b})
	}
	return out, rows.Err()
}

// MarkAttendance records who came, by booking id, and the session notes.
func (s *TrainingService) MarkAttendance(ctx context.Context, sessionID int64, marks map[int64]string, notes string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	for _, m := range marks {
		if m != "" && m != lightbulb.Attended && m != lightbulb.NoShow {
			return lightbulb.Errorf(lightbulb.EINVALID, "Choose attended or no show for each person.")
		}
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var starts time.Time
		err := tx.QueryRowContext(ctx, `SELECT starts_at FROM training_sessions WHERE org_id = $1 AND id = $2`, org, sessionID).Scan(&starts)
		if err != nil {
			return notFound(err, "There is no such session.")
		}
		if lightbulb.Now().Before(starts) && marked(marks) {
			return lightbulb.Errorf(lightbulb.ECONFLICT, attendanceEarly)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE training_sessions SET notes = $1 WHERE org_id = $2 AND id = $3`, notes, org, sessionID); err != nil {
			return fmt.Errorf("session notes: %w", err)
		}
		for id, m := range marks {
			res, err := tx.ExecContext(ctx, `UPDATE training_bookings SET attendance = $1, updated_at = $2
				WHERE org_id = $3 AND session_id = $4 AND id = $5 AND status = 'confirmed'`, m, lightbulb.Now(), org, sessionID, id)
			if err != nil {
				return fmt.Errorf("attendance: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return lightbulb.Errorf(lightbulb.EINVALID, "Attendance can only be marked for people with a confirmed place.")
			}
			if m == lightbulb.Attended {
				if err := s.scheduleFeedbackRequest(ctx, tx, org, sessionID, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// attendanceEarly is the message for marks sent before a session starts:
// nobody counts as trained by a session that has not happened.
const attendanceEarly = "Attendance can be marked from the start of the session, not before. Notes can be saved at any time."

// marked reports whether any booking has a mark.
func marked(marks map[int64]string) bool {
	for _, m := range marks {
		if m != "" {
			return true
		}
	}
	return false
}

// queueBookingMail tells the booker, in the booking's own transaction, what
// its status now means: confirm your place, you are booked, you are on the
// waiting list, or your booking is cancelled.
func (s *TrainingService) queueBookingMail(ctx context.Context, tx *sql.Tx, b *lightbulb.Booking, x *lightbulb.Session) error {
	kind := map[string]string{lightbulb.BookingPending: lightbulb.MailConfirmLink, lightbulb.BookingConfirmed: lightbulb.MailBooked,
		lightbulb.BookingWaiting: lightbulb.MailWaiting, lightbulb.BookingCancelled: lightbulb.MailCancelled}[b.Status]
	if kind == "" {
		return nil
	}
	copied := *b
	copied.Session = x
	return queueMail(ctx, tx, lightbulb.BookingMail(kind, &copied, s.baseURL))
}
