package sqldb

import (
	"context"
	"fmt"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// deliveryBooking is one confirmed booking on a cohort's session.
type deliveryBooking struct {
	id, session         int64
	email, name, attend string
}

// DeliveryReport says what a cohort's programme has delivered: workshops,
// places, attendance, feedback and knowledge change by part, and who has
// not yet completed each part.
func (s *TrainingService) DeliveryReport(ctx context.Context, cohortID int64) (*lightbulb.DeliveryReport, error) {
	c, err := s.FindCohort(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	prog, err := s.FindProgramme(ctx, c.ProgrammeID)
	if err != nil {
		return nil, err
	}
	sessions, err := s.FindSessions(ctx, lightbulb.SessionFilter{CohortID: cohortID})
	if err != nil {
		return nil, err
	}
	bookings, err := s.deliveryBookings(ctx, cohortID)
	if err != nil {
		return nil, err
	}
	rep := &lightbulb.DeliveryReport{Cohort: c}
	for i, course := range prog.Parts {
		rep.Parts = append(rep.Parts, &lightbulb.DeliveryPart{Part: i + 1, Title: course.Title, TitleCy: course.TitleCy})
	}
	partOf := map[int64]*lightbulb.DeliveryPart{}
	now := lightbulb.Now()
	for _, x := range sessions {
		if x.Cancelled || x.Part < 1 || x.Part > len(rep.Parts) {
			continue
		}
		p := rep.Parts[x.Part-1]
		p.Planned++
		if x.EndsAt.After(now) {
			continue
		}
		p.Delivered++
		p.Places += x.Capacity
		partOf[x.ID] = p
	}
	byBooking := map[int64]*lightbulb.DeliveryPart{}
	attended := map[string]map[int]bool{}
	for _, b := range bookings {
		p := partOf[b.session]
		if p == nil {
			continue
		}
		byBooking[b.id] = p
		p.Booked++
		switch b.attend {
		case lightbulb.Attended:
			p.Attended++
			if attended[b.email] == nil {
				attended[b.email] = map[int]bool{}
			}
			attended[b.email][p.Part] = true
		case lightbulb.NoShow:
			p.NoShow++
		}
	}
	if err := s.deliveryFeedback(ctx, cohortID, partOf); err != nil {
		return nil, err
	}
	if err := s.deliveryChecks(ctx, cohortID, byBooking); err != nil {
		return nil, err
	}
	if err := s.deliveryGaps(ctx, rep, bookings, attended); err != nil {
		return nil, err
	}
	for _, p := range rep.Parts {
		rep.Total.Add(p)
	}
	return rep, nil
}

func (s *TrainingService) deliveryBookings(ctx context.Context, cohortID int64) ([]deliveryBooking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT b.id, b.session_id, b.email, b.name, b.attendance FROM training_bookings b
		JOIN training_sessions s ON s.id = b.session_id WHERE b.org_id = $1 AND s.cohort_id = $2 AND b.status = 'confirmed' ORDER BY b.id`, org, cohortID)
	if err != nil {
		return nil, fmt.Errorf("delivery bookings: %w", err)
	}
	defer rows.Close()
	var out []deliveryBooking
	for rows.Next() {
		var b deliveryBooking
		if err := rows.Scan(&b.id, &b.session, &b.email, &b.name, &b.attend); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// deliveryFeedback counts the feedback given on the delivered sessions.
func (s *TrainingService) deliveryFeedback(ctx context.Context, cohortID int64, partOf map[int64]*lightbulb.DeliveryPart) error {
	rows, err := s.db.readRows(ctx, `SELECT f.session_id, f.rating FROM learning_feedback f
		JOIN training_sessions s ON s.id = f.session_id WHERE s.cohort_id = $1`, cohortID)
	if err != nil {
		return fmt.Errorf("delivery feedback: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var session int64
		var rating int
		if err := rows.Scan(&session, &rating); err != nil {
			return err
		}
		if p := partOf[session]; p != nil {
			p.Feedback++
			p.RatingSum += rating
		}
	}
	return rows.Err()
}

// deliveryChecks adds the knowledge checks taken by people booked on the
// delivered sessions.
func (s *TrainingService) deliveryChecks(ctx context.Context, cohortID int64, byBooking map[int64]*lightbulb.DeliveryPart) error {
	rows, err := s.db.readRows(ctx, `SELECT a.booking_id, a.phase, a.score, a.total FROM learning_check_attempts a
		JOIN training_bookings b ON b.id = a.booking_id JOIN training_sessions s ON s.id = b.session_id WHERE s.cohort_id = $1`, cohortID)
	if err != nil {
		return fmt.Errorf("delivery checks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var booking int64
		var phase string
		var score, total int
		if err := rows.Scan(&booking, &phase, &score, &total); err != nil {
			return err
		}
		p := byBooking[booking]
		if p == nil || total <= 0 {
			continue
		}
		pct := (score*100 + total/2) / total
		if phase == lightbulb.CheckPre {
			p.Pre, p.PreSum = p.Pre+1, p.PreSum+pct
		} else {
			p.Post, p.PostSum = p.Post+1, p.PostSum+pct
		}
	}
	return rows.Err()
}

// deliveryGaps lists who has not attended each part: the cohort's members,
// or everyone who booked when it has no members.
func (s *TrainingService) deliveryGaps(ctx context.Context, rep *lightbulb.DeliveryReport, bookings []deliveryBooking, attended map[string]map[int]bool) error {
	members, err := s.FindMembers(ctx, rep.Cohort.ID)
	if err != nil {
		return err
	}
	type person struct{ name, email string }
	var people []person
	if len(members) > 0 {
		rep.Members = true
		for _, m := range members {
			people = append(people, person{m.Name, m.Email})
		}
	} else {
		seen := map[string]bool{}
		for _, b := range bookings {
			if !seen[b.email] {
				seen[b.email] = true
				people = append(people, person{b.name, b.email})
			}
		}
		slices.SortFunc(people, func(a, b person) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) })
	}
	rep.People = len(people)
	for _, who := range people {
		g := lightbulb.DeliveryGap{Name: who.name, Email: who.email}
		for _, p := range rep.Parts {
			if !attended[who.email][p.Part] {
				g.Parts = append(g.Parts, p.Part)
				p.NotCompleted++
			}
		}
		if len(g.Parts) > 0 {
			rep.Gaps = append(rep.Gaps, g)
		}
	}
	return nil
}

// OpenSessionReach counts confirmed places on open sessions by the
// organisation the bookers gave, matched without regard to case.
func (s *TrainingService) OpenSessionReach(ctx context.Context) ([]lightbulb.Reach, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT min(b.organisation), count(*) FROM training_bookings b
		JOIN training_sessions s ON s.id = b.session_id WHERE b.org_id = $1 AND s.cohort_id IS NULL AND b.status = 'confirmed'
		GROUP BY lower(b.organisation) ORDER BY count(*) DESC, min(b.organisation)`, org)
	if err != nil {
		return nil, fmt.Errorf("reach: %w", err)
	}
	return collect(rows, func(r scanner) (lightbulb.Reach, error) {
		var x lightbulb.Reach
		return x, r.Scan(&x.Organisation, &x.People)
	})
}
