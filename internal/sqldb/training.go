package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TrainingService implements lightbulb.TrainingService. Its rows belong to
// the training provider in ctx; cohorts also name a client organisation.
type TrainingService struct {
	db      *DB
	mail    *MailService
	baseURL string
	// OfferHold is how long a freed place is held for the person offered it.
	OfferHold time.Duration

	sessions *contentCache[sessionRead, keptSessions] // FindSessions (training_cache.go)
}

// NewTrainingService returns a TrainingService on db that sends mail through
// mail, with links to baseURL.
func NewTrainingService(db *DB, mail *MailService, baseURL string) *TrainingService {
	c := newContentCache[sessionRead, keptSessions](db, "training")
	c.limit = 1024
	return &TrainingService{db: db, mail: mail, baseURL: strings.TrimRight(baseURL, "/"), OfferHold: 48 * time.Hour, sessions: c}
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const courseCols = `id, title, summary, audience, duration_mins, outcomes, mode, title_cy, summary_cy, en_edited, cy_based_on`

func scanCourse(r scanner) (*lightbulb.Course, error) {
	var c lightbulb.Course
	err := r.Scan(&c.ID, &c.Title, &c.Summary, &c.Audience, &c.DurationMins, &c.Outcomes, &c.Mode,
		&c.TitleCy, &c.SummaryCy, &c.EnEdited, &c.CyBasedOn)
	return &c, err
}

// FindCourses lists the catalogue by title.
func (s *TrainingService) FindCourses(ctx context.Context) ([]*lightbulb.Course, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+courseCols+` FROM training_courses WHERE org_id = $1 ORDER BY title`, org)
	if err != nil {
		return nil, fmt.Errorf("find courses: %w", err)
	}
	return collect(rows, scanCourse)
}

// FindCourse returns one course.
func (s *TrainingService) FindCourse(ctx context.Context, id int64) (*lightbulb.Course, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	c, err := scanCourse(s.db.readRow(ctx, `SELECT `+courseCols+` FROM training_courses WHERE org_id = $1 AND id = $2`, org, id))
	return c, notFound(err, "There is no such course.")
}

// CreateCourse adds a course to the catalogue.
func (s *TrainingService) CreateCourse(ctx context.Context, c *lightbulb.Course) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	c.EnEdited, c.CyBasedOn = 1, 1
	err = s.db.write.QueryRowContext(ctx, `INSERT INTO training_courses (org_id, title, summary, audience, duration_mins, outcomes, mode,
		title_cy, summary_cy, en_edited, cy_based_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, 1, $10) RETURNING id`, org, c.Title, c.Summary, c.Audience, c.DurationMins, c.Outcomes, c.Mode,
		c.TitleCy, c.SummaryCy, lightbulb.Now()).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("create course: %w", err)
	}
	return nil
}

// UpdateCourse changes a course. A change to the English title or summary
// counts as an English edit; a change to the Welsh makes the Welsh as new as
// the English it is saved with. So Welsh left alone while the English
// changes shows as older than the English.
func (s *TrainingService) UpdateCourse(ctx context.Context, c *lightbulb.Course) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE training_courses SET title = $1, summary = $2, audience = $3, duration_mins = $4,
		outcomes = $5, mode = $6, title_cy = $9, summary_cy = $10,
		en_edited = en_edited + CASE WHEN title <> $1 OR summary <> $2 THEN 1 ELSE 0 END,
		cy_based_on = CASE WHEN title_cy <> $9 OR summary_cy <> $10 THEN en_edited + CASE WHEN title <> $1 OR summary <> $2 THEN 1 ELSE 0 END
			ELSE cy_based_on END
		WHERE org_id = $7 AND id = $8`, c.Title, c.Summary, c.Audience, c.DurationMins, c.Outcomes, c.Mode, org, c.ID, c.TitleCy, c.SummaryCy)
	if err != nil {
		return fmt.Errorf("update course: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such course.")
	}
	return nil
}

// FindProgrammes lists programmes with their parts.
func (s *TrainingService) FindProgrammes(ctx context.Context) ([]*lightbulb.Programme, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadEach(ctx, s.db, func(id int64) (*lightbulb.Programme, error) { return s.FindProgramme(ctx, id) },
		`SELECT id FROM training_programmes WHERE org_id = $1 ORDER BY title`, org)
}

// loadEach reads the ids query returns, then loads each in that order: for
// rows read whole by a Find method, without holding a connection while
// loading.
func loadEach[T any](ctx context.Context, db *DB, load func(int64) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.readRows(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find ids: %w", err)
	}
	ids, err := collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		x, err := load(id)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

// FindProgramme returns a programme with its parts in order.
func (s *TrainingService) FindProgramme(ctx context.Context, id int64) (*lightbulb.Programme, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	var p lightbulb.Programme
	err = s.db.readRow(ctx, `SELECT id, title, summary, title_cy, summary_cy FROM training_programmes WHERE org_id = $1 AND id = $2`, org, id).
		Scan(&p.ID, &p.Title, &p.Summary, &p.TitleCy, &p.SummaryCy)
	if err != nil {
		return nil, notFound(err, "There is no such programme.")
	}
	rows, err := s.db.readRows(ctx, `SELECT `+courseCols+`
		FROM training_programme_parts p JOIN training_courses c ON c.id = p.course_id WHERE p.programme_id = $1 ORDER BY p.position`, id)
	if err != nil {
		return nil, fmt.Errorf("programme parts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCourse(rows)
		if err != nil {
			return nil, err
		}
		p.Parts = append(p.Parts, *c)
	}
	return &p, rows.Err()
}

// CreateProgramme saves a programme and its parts in one transaction.
func (s *TrainingService) CreateProgramme(ctx context.Context, p *lightbulb.Programme, courseIDs []int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	if p.Title = strings.TrimSpace(p.Title); p.Title == "" {
		v.Add("title", "Enter a title")
	}
	if len(courseIDs) == 0 {
		v.Add("parts", "Choose at least one course as a part of the programme")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO training_programmes (org_id, title, summary, title_cy, summary_cy, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			org, p.Title, p.Summary, strings.TrimSpace(p.TitleCy), strings.TrimSpace(p.SummaryCy), lightbulb.Now()).Scan(&p.ID); err != nil {
			return fmt.Errorf("create programme: %w", err)
		}
		for i, cid := range courseIDs {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM training_courses WHERE org_id = $1 AND id = $2`, org, cid).Scan(&n); err != nil || n == 0 {
				return lightbulb.FieldError("parts", "Choose courses from the catalogue")
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO training_programme_parts (programme_id, position, course_id) VALUES ($1, $2, $3)`, p.ID, i+1, cid); err != nil {
				return fmt.Errorf("programme part: %w", err)
			}
		}
		return nil
	})
}

const cohortCols = `h.id, h.programme_id, p.title, h.client_org_id, o.name, h.name, h.starts_on, h.ends_on,
	coalesce((SELECT r.id FROM training_requests r WHERE r.cohort_id = h.id), 0)`
const cohortFrom = ` FROM training_cohorts h JOIN training_programmes p ON p.id = h.programme_id JOIN organisations o ON o.id = h.client_org_id`

func scanCohort(r scanner) (*lightbulb.Cohort, error) {
	var c lightbulb.Cohort
	err := r.Scan(&c.ID, &c.ProgrammeID, &c.ProgrammeTitle, &c.ClientOrgID, &c.ClientOrgName, &c.Name, &c.StartsOn, &c.EndsOn, &c.RequestID)
	return &c, err
}

// FindCohorts lists cohorts, soonest first.
func (s *TrainingService) FindCohorts(ctx context.Context) ([]*lightbulb.Cohort, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+cohortCols+cohortFrom+` WHERE h.org_id = $1 ORDER BY h.starts_on, h.id`, org)
	if err != nil {
		return nil, fmt.Errorf("find cohorts: %w", err)
	}
	return collect(rows, scanCohort)
}

// FindCohort returns one cohort.
func (s *TrainingService) FindCohort(ctx context.Context, id int64) (*lightbulb.Cohort, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	c, err := scanCohort(s.db.readRow(ctx, `SELECT `+cohortCols+cohortFrom+` WHERE h.org_id = $1 AND h.id = $2`, org, id))
	return c, notFound(err, "There is no such cohort.")
}

// CreateCohort adds a cohort.
func (s *TrainingService) CreateCohort(ctx context.Context, c *lightbulb.Cohort) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error { return s.createCohort(ctx, tx, c) })
}

func (s *TrainingService) createCohort(ctx context.Context, tx *sql.Tx, c *lightbulb.Cohort) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	if c.Name = strings.TrimSpace(c.Name); c.Name == "" {
		v.Add("name", "Enter a name for the cohort")
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM training_programmes WHERE org_id = $1 AND id = $2`, org, c.ProgrammeID).Scan(&n); err != nil || n == 0 {
		v.Add("programme", "Select a programme")
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM organisations WHERE id = $1`, c.ClientOrgID).Scan(&n); err != nil || n == 0 {
		v.Add("client", "Select the organisation the cohort is for")
	}
	if c.StartsOn.IsZero() {
		v.Add("starts", "Enter the start date")
	} else if c.EndsOn.IsZero() || c.EndsOn.Before(c.StartsOn) {
		v.Add("ends", "The end date must be on or after the start date")
	}
	if err := v.Err(); err != nil {
		return err
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO training_cohorts (org_id, programme_id, client_org_id, name, starts_on, ends_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, c.ProgrammeID, c.ClientOrgID, c.Name, c.StartsOn.UTC(), c.EndsOn.UTC(), lightbulb.Now()).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("create cohort: %w", err)
	}
	return nil
}

// CohortProgress lists each person booked on the cohort's sessions and what
// happened at each part of the programme.
func (s *TrainingService) CohortProgress(ctx context.Context, cohortID int64) ([]*lightbulb.Progress, error) {
	c, err := s.FindCohort(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	p, err := s.FindProgramme(ctx, c.ProgrammeID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT b.email, b.name, s.part, b.attendance FROM training_bookings b
		JOIN training_sessions s ON s.id = b.session_id WHERE s.cohort_id = $1 AND b.status = 'confirmed' ORDER BY b.name, b.email`, cohortID)
	if err != nil {
		return nil, fmt.Errorf("cohort progress: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Progress
	byEmail := map[string]*lightbulb.Progress{}
	for rows.Next() {
		var email, name, mark string
		var part int
		if err := rows.Scan(&email, &name, &part, &mark); err != nil {
			return nil, err
		}
		pr := byEmail[email]
		if pr == nil {
			pr = &lightbulb.Progress{Email: email, Name: name, Parts: make([]string, len(p.Parts))}
			byEmail[email] = pr
			out = append(out, pr)
		}
		if part >= 1 && part <= len(pr.Parts) && pr.Parts[part-1] != lightbulb.Attended {
			if mark == "" {
				mark = "booked"
			}
			pr.Parts[part-1] = mark
		}
	}
	return out, rows.Err()
}

const sessionCols = `s.id, s.course_id, c.title, c.summary, c.title_cy, c.summary_cy, c.title_cy <> '' AND c.cy_based_on < c.en_edited,
	coalesce(s.cohort_id, 0), coalesce(h.name, ''), coalesce(h.client_org_id, 0), s.part,
	s.starts_at, s.ends_at, s.mode, s.join_url, s.venue, s.access, s.capacity, s.facilitators, s.cancelled,
	(SELECT count(*) FROM training_bookings b WHERE b.session_id = s.id AND b.status IN ('confirmed', 'offered')),
	(SELECT count(*) FROM training_bookings b WHERE b.session_id = s.id AND b.status = 'waiting')`
const sessionFrom = ` FROM training_sessions s JOIN training_courses c ON c.id = s.course_id LEFT JOIN training_cohorts h ON h.id = s.cohort_id`

func scanSession(r scanner) (*lightbulb.Session, error) {
	var x lightbulb.Session
	err := r.Scan(&x.ID, &x.CourseID, &x.CourseTitle, &x.CourseAbout, &x.CourseTitleCy, &x.CourseAboutCy, &x.CourseWelshStale, &x.CohortID, &x.CohortName, &x.ClientOrgID, &x.Part, &x.StartsAt, &x.EndsAt,
		&x.Mode, &x.JoinURL, &x.Venue, &x.Access, &x.Capacity, &x.Facilitators, &x.Cancelled, &x.Taken, &x.Waiting)
	return &x, err
}

// findSessions lists org's sessions by start time; upcoming ones are those
// ending after now.
func (s *TrainingService) findSessions(ctx context.Context, org int64, f lightbulb.SessionFilter, now time.Time) ([]*lightbulb.Session, error) {
	where, args := "s.org_id = $1", []any{org}
	if f.Upcoming {
		args = append(args, now)
		where += fmt.Sprintf(" AND s.ends_at > $%d AND NOT s.cancelled", len(args))
	}
	switch {
	case f.CohortID != 0:
		args = append(args, f.CohortID)
		where += fmt.Sprintf(" AND s.cohort_id = $%d", len(args))
	case f.ClientOrgID != 0:
		args = append(args, f.ClientOrgID)
		where += fmt.Sprintf(" AND (s.cohort_id IS NULL OR h.client_org_id = $%d)", len(args))
	case f.OpenOnly:
		where += " AND s.cohort_id IS NULL"
	}
	if f.Mode != "" {
		args = append(args, f.Mode)
		where += fmt.Sprintf(" AND s.mode = $%d", len(args))
	}
	rows, err := s.db.readRows(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE `+where+` ORDER BY s.starts_at, s.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find sessions: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Session
	for rows.Next() {
		x, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		if f.Month != "" && x.StartsAt.In(lightbulb.London).Format("2006-01") != f.Month {
			continue
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// FindSession returns one session with its places taken.
func (s *TrainingService) FindSession(ctx context.Context, id int64) (*lightbulb.Session, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	x, err := scanSession(s.db.readRow(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE s.org_id = $1 AND s.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such session.")
	}
	return x, s.loadFocus(ctx, x)
}

// CreateSession schedules a session.
func (s *TrainingService) CreateSession(ctx context.Context, x *lightbulb.Session) error {
	return s.CreateSessions(ctx, []*lightbulb.Session{x})
}

// CreateSessions schedules sessions in one transaction: one refused adds
// none.
func (s *TrainingService) CreateSessions(ctx context.Context, xs []*lightbulb.Session) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	for _, x := range xs {
		if err := x.Validate(); err != nil {
			return err
		}
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, x := range xs {
			if err := s.checkSessionRefs(ctx, tx, org, x); err != nil {
				return err
			}
			if err := checkFocus(ctx, tx, x); err != nil {
				return err
			}
			err := tx.QueryRowContext(ctx, `INSERT INTO training_sessions (org_id, course_id, cohort_id, part, starts_at, ends_at, mode, join_url, venue,
				access, capacity, facilitators, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
				org, x.CourseID, nullID(x.CohortID), x.Part, x.StartsAt.UTC(), x.EndsAt.UTC(), x.Mode, x.JoinURL, x.Venue, x.Access, x.Capacity,
				x.Facilitators, lightbulb.Now()).Scan(&x.ID)
			if err != nil {
				return fmt.Errorf("create session: %w", err)
			}
			if err := saveFocus(ctx, tx, x); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkSessionRefs makes sure the course and cohort are the provider's own.
func (s *TrainingService) checkSessionRefs(ctx context.Context, tx *sql.Tx, org int64, x *lightbulb.Session) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM training_courses WHERE org_id = $1 AND id = $2`, org, x.CourseID).Scan(&n); err != nil || n == 0 {
		return lightbulb.FieldError("course", "Select a course")
	}
	if x.CohortID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM training_cohorts WHERE org_id = $1 AND id = $2`, org, x.CohortID).Scan(&n); err != nil || n == 0 {
			return lightbulb.FieldError("cohort", "Select a cohort")
		}
	} else {
		x.Part = 0
	}
	return nil
}

// UpdateSession changes a session. A capacity below the places taken is
// refused; new places go to the waiting list.
func (s *TrainingService) UpdateSession(ctx context.Context, x *lightbulb.Session) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := x.Validate(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		cur, err := s.lockSession(ctx, tx, org, x.ID)
		if err != nil {
			return err
		}
		if x.Capacity < cur.Taken {
			return lightbulb.FieldError("capacity", fmt.Sprintf("%d places are already taken, so the session needs at least that many places", cur.Taken))
		}
		if err := s.checkSessionRefs(ctx, tx, org, x); err != nil {
			return err
		}
		if err := checkFocus(ctx, tx, x); err != nil {
			return err
		}
		if err := saveFocus(ctx, tx, x); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE training_sessions SET course_id = $1, cohort_id = $2, part = $3, starts_at = $4, ends_at = $5, mode = $6,
			join_url = $7, venue = $8, access = $9, capacity = $10, facilitators = $11, cancelled = $12 WHERE org_id = $13 AND id = $14`,
			x.CourseID, nullID(x.CohortID), x.Part, x.StartsAt.UTC(), x.EndsAt.UTC(), x.Mode, x.JoinURL, x.Venue, x.Access, x.Capacity,
			x.Facilitators, x.Cancelled, org, x.ID)
		if err != nil {
			return fmt.Errorf("update session: %w", err)
		}
		if x.Cancelled && !cur.Cancelled {
			return s.tellCancelled(ctx, tx, org, x.ID)
		}
		return s.offerPlaces(ctx, tx, org, x.ID)
	})
}

// lockSession reads a session inside tx, locking its row on PostgreSQL so
// that bookings on one session queue behind each other. SQLite transactions
// here already hold the single write lock.
func (s *TrainingService) lockSession(ctx context.Context, tx *sql.Tx, org, id int64) (*lightbulb.Session, error) {
	if s.db.Dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT id FROM training_sessions WHERE org_id = $1 AND id = $2 FOR UPDATE`, org, id); err != nil {
			return nil, fmt.Errorf("lock session: %w", err)
		}
	}
	x, err := scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE s.org_id = $1 AND s.id = $2`, org, id))
	return x, notFound(err, "There is no such session.")
}

// SessionNotes returns the trainer's notes on a session.
func (s *TrainingService) SessionNotes(ctx context.Context, sessionID int64) (string, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return "", err
	}
	var notes string
	err = s.db.readRow(ctx, `SELECT notes FROM training_sessions WHERE org_id = $1 AND id = $2`, org, sessionID).Scan(&notes)
	return notes, notFound(err, "There is no such session.")
}

// tellCancelled queues an email to everyone booked, offered or waiting on a
// session that has just been cancelled.
func (s *TrainingService) tellCancelled(ctx context.Context, tx *sql.Tx, org, sessionID int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM training_bookings WHERE org_id = $1 AND session_id = $2
		AND status IN ('confirmed', 'offered', 'waiting') ORDER BY id`, org, sessionID)
	if err != nil {
		return fmt.Errorf("cancelled session bookings: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		if err := enqueue(ctx, tx, org, lightbulb.JobCancelled, id, lightbulb.Now()); err != nil {
			return err
		}
	}
	return nil
}
