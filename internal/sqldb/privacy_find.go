package sqldb

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// findLimit caps each kind of match, so a common name cannot flood the page.
const findLimit = 50

// finders search one place a person can be. Each query takes the LIKE
// pattern as $1 and returns kind, account id, email, name, reference,
// organisation, detail and a time.
var finders = []string{
	`SELECT 'account', u.id, u.email, u.name, '', '', '', u.created_at FROM users u
		WHERE lower(u.email) LIKE $1 ESCAPE '\' OR lower(u.name) LIKE $1 ESCAPE '\' ORDER BY u.name, u.id`,
	`SELECT 'booking', coalesce(b.user_id, 0), b.email, b.name, '', o.name, c.title, s.starts_at
		FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id JOIN training_courses c ON c.id = s.course_id
		JOIN organisations o ON o.id = b.org_id
		WHERE lower(b.email) LIKE $1 ESCAPE '\' OR lower(b.name) LIKE $1 ESCAPE '\' ORDER BY s.starts_at DESC, b.id`,
	`SELECT 'request', 0, r.email, r.contact_name, '', o.name, r.org_name, r.created_at
		FROM training_requests r JOIN organisations o ON o.id = r.org_id
		WHERE lower(r.email) LIKE $1 ESCAPE '\' OR lower(r.contact_name) LIKE $1 ESCAPE '\' ORDER BY r.created_at DESC, r.id`,
	`SELECT 'case', 0, '', x.reviewed_by, x.person_ref, o.name, x.source_ref, x.updated_at
		FROM cases x JOIN organisations o ON o.id = x.org_id
		WHERE lower(x.person_ref) LIKE $1 ESCAPE '\' OR lower(x.reviewed_by) LIKE $1 ESCAPE '\' ORDER BY x.updated_at DESC, x.id`,
	// A decision names the person it is about only inside its reasoning.
	`SELECT 'decision', u.id, u.email, u.name, d.reasoning, o.name, '#' || d.id, d.updated_at
		FROM decisions d JOIN users u ON u.id = d.owner_id JOIN organisations o ON o.id = d.org_id
		WHERE lower(d.reasoning) LIKE $2 ESCAPE '\' OR lower(u.email) LIKE $1 ESCAPE '\' OR lower(u.name) LIKE $1 ESCAPE '\'
		ORDER BY d.updated_at DESC, d.id`,
}

// FindPeople searches accounts, bookings, bespoke requests, cases and
// decisions for an email address, a name or a pseudonymous reference.
func (s *PrivacyService) FindPeople(ctx context.Context, q string) ([]lightbulb.PersonMatch, error) {
	q = strings.TrimSpace(q)
	if len([]rune(q)) < 3 {
		return nil, lightbulb.FieldError("q", "Enter at least 3 characters of an email address, name or reference")
	}
	pattern := likeContains(q)
	// In a decision's reasoning, only the reference field is searched.
	ref := `%"person_ref":"` + strings.TrimPrefix(pattern, "%")
	var out []lightbulb.PersonMatch
	for _, f := range finders {
		args := []any{pattern}
		if strings.Contains(f, "$2") {
			args = append(args, ref)
		}
		rows, err := s.db.readRows(ctx, fmt.Sprintf("%s LIMIT %d", f, findLimit), args...)
		if err != nil {
			return nil, fmt.Errorf("find people: %w", err)
		}
		ms, err := collect(rows, scanMatch)
		if err != nil {
			return nil, fmt.Errorf("find people: %w", err)
		}
		out = append(out, ms...)
	}
	for i := range out {
		if out[i].Kind == "decision" {
			var r struct {
				PersonRef string `json:"person_ref"`
			}
			_ = json.Unmarshal([]byte(out[i].Ref), &r)
			out[i].Ref = r.PersonRef
		}
	}
	return out, nil
}

func scanMatch(r scanner) (lightbulb.PersonMatch, error) {
	var m lightbulb.PersonMatch
	var when time.Time
	err := r.Scan(&m.Kind, &m.UserID, &m.Email, &m.Name, &m.Ref, &m.OrgName, &m.Detail, &when)
	m.When = when
	return m, err
}
