package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// The person every privacy test looks for, and people who must be left alone.
const (
	zName   = "Zebedee Quillfeather"
	zEmail  = "zebedee.quillfeather@example.org"
	pName   = "Patience Publicbooker"
	pEmail  = "patience.publicbooker@example.org"
	keeper  = "Other Keeper"
	keeperE = "other.keeper@example.org"
)

// people is what privacyFixture made.
type people struct {
	org         *lightbulb.Organisation
	z, other    *lightbulb.User
	session     int64
	zBooking    int64
	pBooking    int64
	otherOutbox int64
}

// privacyFixture puts Zebedee in every table the register covers: as an
// account, in the audit log, in emails, decisions and their versions,
// reviews, training, casework and learning, by id, email, name and in free
// text. Patience booked publicly with no account; Other Keeper is staff.
func privacyFixture(t *testing.T, db *sqldb.DB) *people {
	t.Helper()
	ctx := context.Background()
	f := &people{org: sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)}
	users := sqldb.NewUserService(db)
	f.z, f.other = &lightbulb.User{Email: zEmail, Name: zName}, &lightbulb.User{Email: keeperE, Name: keeper}
	for _, u := range []*lightbulb.User{f.z, f.other} {
		if err := users.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if err := users.SetRoles(lightbulb.WithOrg(ctx, f.org.ID), u.ID, []lightbulb.Role{lightbulb.RoleStaff}); err != nil {
			t.Fatal(err)
		}
	}
	sqldbtest.MustRight(t, db, "A8", lightbulb.Qualified)
	now, o, z := time.Now().UTC(), f.org.ID, f.z.ID
	ins := func(q string, args ...any) int64 {
		t.Helper()
		id, err := db.TestInsert(ctx, q+" RETURNING id", args...)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return id
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if err := db.TestExec(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mentions := "Discussed with " + zName + " (" + zEmail + ")"
	exec(`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ('h1', $1, $2)`, z, now)
	exec(`UPDATE right_texts SET edited_by = $1 WHERE code = 'A8'`, zName)
	ins(`INSERT INTO membership_invitations (org_id, user_id, roles, token_hash, invited_by, created_at, expires_at)
		VALUES ($1, $2, 'lead', 'inv1', $3, $4, $4)`, o, z, f.other.ID, now)
	exec(`INSERT INTO mail_allowance (email, day, sent) VALUES ($1, '2026-01-02', 2)`, zEmail)
	ins(`INSERT INTO audit_log (org_id, actor_id, actor_name, action, target, detail, ip, created_at)
		VALUES ($1, $2, $3, 'sign_in', '', '', '192.0.2.77', $4)`, o, z, zName, now)
	ins(`INSERT INTO audit_log (org_id, actor_id, actor_name, action, target, detail, ip, created_at)
		VALUES ($1, $2, $3, 'person.roles', $4, $5, '192.0.2.8', $6)`, o, f.other.ID, keeper, zEmail, "roles of "+zName, now)
	ins(`INSERT INTO outbox (to_addr, subject, body, created_at) VALUES ($1, 'Your booking', $2, $3)`, zEmail, "Dear "+zName, now)
	f.otherOutbox = ins(`INSERT INTO outbox (to_addr, subject, body, created_at) VALUES ($1, $2, $3, $4)`,
		keeperE, "New booking from "+zName, mentions, now)

	svc := ins(`INSERT INTO services (org_id, name, created_at) VALUES ($1, 'Ward 1', $2)`, o, now)
	reasoning := `{"proposal":"x","person_ref":"SU-77","decided_by":"` + zName + `"}`
	dec := ins(`INSERT INTO decisions (org_id, service_id, status, reasoning, owner_id, created_at, updated_at)
		VALUES ($1, $2, 'made', $3, $4, $5, $5)`, o, svc, reasoning, z, now)
	ins(`INSERT INTO decision_versions (org_id, decision_id, number, status, kind, note, outcome, reasoning, actor_id, actor_name, created_at)
		VALUES ($1, $2, 1, 'made', 'made', $3, $3, $4, $5, $6, $7)`, o, dec, mentions, reasoning, z, zName, now)

	fw := ins(`INSERT INTO review_frameworks (slug, name, version, edited_by, created_at) VALUES ('fw', 'Framework', 1, $1, $2)`, zName, now)
	rv := ins(`INSERT INTO reviews (org_id, subject, period_start, period_end, framework_id, status, lead_id, created_at)
		VALUES ($1, 'Ward 1', $2, $2, $3, 'open', $4, $2)`, o, now, fw, z)
	exec(`INSERT INTO review_contributors (org_id, review_id, user_id, kind, created_at) VALUES ($1, $2, $3, 'staff', $4)`, o, rv, z, now)
	exec(`INSERT INTO review_contributions (org_id, review_id, code, user_id, rating, evidence, updated_at)
		VALUES ($1, $2, 'S1', $3, 'red', $4, $5)`, o, rv, z, mentions, now)
	exec(`INSERT INTO review_finals (org_id, review_id, code, rating, evidence, agreed_by, updated_at)
		VALUES ($1, $2, 'S1', 'red', $3, $4, $5)`, o, rv, mentions, z, now)
	ins(`INSERT INTO review_actions (org_id, review_id, code, description, owner_id, due, status, created_at)
		VALUES ($1, $2, 'S1', $3, $4, $5, 'open', $5)`, o, rv, mentions, z, now)
	ins(`INSERT INTO review_shares (org_id, commissioner_id, created_by, created_at, revoked_by) VALUES ($1, $1, $2, $3, $4)`, o, zName, now, keeper)

	course := ins(`INSERT INTO training_courses (org_id, title, summary, duration_mins, mode, created_at)
		VALUES ($1, 'Rights', 'About rights', 60, 'online', $2)`, o, now)
	f.session = ins(`INSERT INTO training_sessions (org_id, course_id, starts_at, ends_at, mode, capacity, facilitators, notes, created_at)
		VALUES ($1, $2, $3, $3, 'online', 10, $4, $5, $3)`, o, course, now, zName+" (trainer)", mentions)
	f.zBooking = ins(`INSERT INTO training_bookings (org_id, session_id, name, email, user_id, status, token, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, 'booked', 't1', $6, $6)`, o, f.session, zName, zEmail, z, now)
	f.pBooking = ins(`INSERT INTO training_bookings (org_id, session_id, name, email, status, token, created_at, updated_at)
		VALUES ($1, $2, $3, $4, 'booked', 't2', $5, $5)`, o, f.session, pName, pEmail, now)
	ins(`INSERT INTO training_requests (org_id, org_name, contact_name, email, challenges, team_size, format, status, notes, created_at, updated_at)
		VALUES ($1, 'Care Co', $2, $3, $4, 5, 'online', 'new', $4, $5, $5)`, o, zName, zEmail, mentions, now)
	ins(`INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, person_ref, notes, reviewed_by, created_at, updated_at)
		VALUES ($1, 'complaint', 'C-1', '2026-01-02', $2, $3, 'SU-77', $3, $4, $5, $5)`, o, svc, mentions, zName, now)

	exec(`INSERT INTO learning_feedback (id, org_id, session_id, rating, comment, name, given_on) VALUES ('fb1', $1, $2, 5, $3, $4, '2026-01-02')`,
		o, f.session, mentions, zName)
	exec(`INSERT INTO learning_feedback_given (booking_id, org_id) VALUES ($1, $2)`, f.zBooking, o)
	ins(`INSERT INTO learning_check_attempts (org_id, booking_id, phase, score, total, taken_at) VALUES ($1, $2, 'pre', 3, 5, $3)`, o, f.zBooking, now)
	sv := ins(`INSERT INTO learning_surveys (org_id, title, kind, opens_on, closes_on, created_at) VALUES ($1, 'S', 'baseline', '2026-01-01', '2026-02-01', $2)`, o, now)
	exec(`INSERT INTO learning_survey_responded (survey_id, user_id, org_id) VALUES ($1, $2, $3)`, sv, z, o)
	exec(`INSERT INTO learning_survey_responses (id, survey_id, org_id, scores, comment) VALUES ('r1', $1, $2, '[]', $3)`, sv, o, mentions)
	exec(`INSERT INTO learning_needs (org_id, user_id, rights, issues, updated_at) VALUES ($1, $2, 'A8', 'visiting', $3)`, o, z, now)
	plan := ins(`INSERT INTO learning_plans (org_id, user_id, reflection, created_at) VALUES ($1, $2, $3, $4)`, o, z, mentions, now)
	ins(`INSERT INTO learning_plan_actions (plan_id, position, text, due_on) VALUES ($1, 1, $2, '2026-03-01')`, plan, mentions)
	ins(`INSERT INTO learning_plan_checkins (plan_id, months, due_on, answer) VALUES ($1, 1, '2026-03-01', $2)`, plan, mentions)
	return f
}
