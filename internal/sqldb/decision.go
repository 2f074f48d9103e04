package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// DecisionService implements lightbulb.DecisionService and
// lightbulb.ReminderService.
type DecisionService struct{ db *DB }

// NewDecisionService returns a DecisionService on db.
func NewDecisionService(db *DB) *DecisionService { return &DecisionService{db: db} }

// Categories returns each right's category.
func (s *DecisionService) Categories(ctx context.Context) (map[string]lightbulb.Category, error) {
	rows, err := s.db.readRows(ctx, `SELECT code, category FROM rights ORDER BY sort`)
	if err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	defer rows.Close()
	out := map[string]lightbulb.Category{}
	for rows.Next() {
		var code, cat string
		if err := rows.Scan(&code, &cat); err != nil {
			return nil, err
		}
		out[code] = lightbulb.Category(cat)
	}
	return out, rows.Err()
}

const decisionCols = `SELECT d.id, d.org_id, d.service_id, s.name, d.status, d.version, d.complete, d.reasoning,
	d.owner_id, u.name, u.email, u.lang, d.created_at, d.updated_at
	FROM decisions d JOIN services s ON s.id = d.service_id JOIN users u ON u.id = d.owner_id`

func scanDecision(row scanner) (*lightbulb.Decision, error) {
	var d lightbulb.Decision
	var status, body string
	err := row.Scan(&d.ID, &d.OrgID, &d.ServiceID, &d.ServiceName, &status, &d.Version, &d.Complete, &body,
		&d.OwnerID, &d.OwnerName, &d.OwnerMail, &d.OwnerLang, &d.CreatedAt, &d.UpdatedAt)
	if err != nil {
		return nil, err
	}
	d.Status = lightbulb.Status(status)
	if err := json.Unmarshal([]byte(body), &d.Reasoning); err != nil {
		return nil, fmt.Errorf("decode decision %d: %w", d.ID, err)
	}
	return &d, nil
}

func (s *DecisionService) query(ctx context.Context, q string, args ...any) ([]*lightbulb.Decision, error) {
	rows, err := s.db.readRows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find decisions: %w", err)
	}
	return collect(rows, scanDecision)
}

// FindDecisions lists the organisation's decisions, soonest review first.
func (s *DecisionService) FindDecisions(ctx context.Context, f lightbulb.DecisionFilter) ([]*lightbulb.Decision, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	args := []any{org}
	where := "d.org_id = $1"
	arg := func(cond string, v any) {
		args = append(args, v)
		where += fmt.Sprintf(" AND "+cond, len(args))
	}
	if f.Right != "" {
		arg("d.rights LIKE $%d", "%,"+strings.ToUpper(f.Right)+",%")
	}
	if f.Status != "" {
		arg("d.status = $%d", string(f.Status))
	}
	if f.ServiceID > 0 {
		arg("d.service_id = $%d", f.ServiceID)
	}
	if f.Blanket {
		where += " AND d.blanket"
	}
	switch f.Review {
	case "due":
		arg("d.status = 'in_force' AND d.review_date <> '' AND d.review_date <= $%d", lightbulb.AddDays(f.Today, lightbulb.DueSoonDays))
	case "overdue":
		arg("d.status = 'in_force' AND d.review_date <> '' AND d.review_date < $%d", f.Today)
	}
	ds, err := s.query(ctx, decisionCols+` WHERE `+where+
		` ORDER BY CASE WHEN d.review_date = '' THEN 1 ELSE 0 END, d.review_date, d.id DESC`, args...)
	if err != nil || strings.TrimSpace(f.PersonRef) == "" {
		return ds, err
	}
	// The reference lives in the reasoning, so it is matched here, ignoring
	// case, spaces and dashes: "ww 21" finds "WW-21".
	want := refKey(f.PersonRef)
	return slices.DeleteFunc(ds, func(d *lightbulb.Decision) bool {
		return !strings.Contains(refKey(d.Reasoning.PersonRef), want)
	}), nil
}

// refKey is a person reference as it is compared: lower case, letters and
// digits only.
func refKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// FindDecision returns one decision of the organisation in ctx.
func (s *DecisionService) FindDecision(ctx context.Context, id int64) (*lightbulb.Decision, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	d, err := scanDecision(s.db.readRow(ctx, decisionCols+` WHERE d.org_id = $1 AND d.id = $2`, org, id))
	return d, notFound(err, "There is no such decision.")
}

// CreateDecision stores a new draft owned by the actor in ctx.
func (s *DecisionService) CreateDecision(ctx context.Context, d *lightbulb.Decision) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	a := lightbulb.ActorFrom(ctx)
	if a == nil || a.UserID == 0 {
		return lightbulb.Errorf(lightbulb.EFORBIDDEN, "Sign in to record a decision.")
	}
	cols, err := s.prepare(ctx, org, d)
	if err != nil {
		return err
	}
	now := lightbulb.Now()
	d.OrgID, d.OwnerID, d.Status, d.CreatedAt, d.UpdatedAt = org, a.UserID, lightbulb.StatusDraft, now, now
	err = s.db.write.QueryRowContext(ctx, `INSERT INTO decisions (org_id, service_id, status, blanket, rights, restricted,
		review_date, complete, reasoning, owner_id, created_at, updated_at)
		VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
		org, d.ServiceID, cols.blanket, cols.rights, cols.restricted, d.Reasoning.ReviewDate, d.Complete, cols.body,
		a.UserID, now).Scan(&d.ID)
	if err != nil {
		return fmt.Errorf("create decision: %w", err)
	}
	return nil
}

// SaveDraft stores changed reasoning of a draft.
func (s *DecisionService) SaveDraft(ctx context.Context, d *lightbulb.Decision) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := draftOnly(ctx, tx, org, d.ID); err != nil {
			return err
		}
		cols, err := s.prepare(ctx, org, d)
		if err != nil {
			return err
		}
		d.UpdatedAt = lightbulb.Now()
		_, err = tx.ExecContext(ctx, `UPDATE decisions SET service_id = $1, blanket = $2, rights = $3, restricted = $4,
			review_date = $5, complete = $6, reasoning = $7, updated_at = $8 WHERE org_id = $9 AND id = $10`,
			d.ServiceID, cols.blanket, cols.rights, cols.restricted, d.Reasoning.ReviewDate, d.Complete, cols.body,
			d.UpdatedAt, org, d.ID)
		if err != nil {
			return fmt.Errorf("save decision: %w", err)
		}
		return nil
	})
}

// draftOnly refuses a change to a decision that is not a draft.
func draftOnly(ctx context.Context, tx *sql.Tx, org, id int64) error {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM decisions WHERE org_id = $1 AND id = $2`, org, id).Scan(&status)
	if err != nil {
		return notFound(err, "There is no such decision.")
	}
	switch lightbulb.Status(status) {
	case lightbulb.StatusEnded:
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This decision has ended, so it cannot be changed. Record a new decision instead.")
	case lightbulb.StatusInForce:
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This decision is in force. Review it to change it, so the earlier version is kept.")
	}
	return nil
}

// stored are the columns derived from a decision's reasoning.
type stored struct {
	blanket            bool
	rights, restricted string
	body               string
}

// prepare checks a decision against the organisation's services and the
// rights library, puts its rights in library order and works out whether
// its reasoning is complete.
func (s *DecisionService) prepare(ctx context.Context, org int64, d *lightbulb.Decision) (*stored, error) {
	var n int
	if err := s.db.readRow(ctx, `SELECT count(*) FROM services WHERE org_id = $1 AND id = $2`, org, d.ServiceID).Scan(&n); err != nil {
		return nil, fmt.Errorf("check service: %w", err)
	}
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	var v lightbulb.ValidationErrors
	if n == 0 {
		v.Add("service", "Select a service of your organisation")
	}
	today := lightbulb.Today(lightbulb.Now())
	validateReasoning(&v, &d.Reasoning, cats, today)
	if err := v.Err(); err != nil {
		return nil, err
	}
	r := &d.Reasoning
	d.Complete = len(r.Missing(cats, today)) == 0
	body, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return &stored{blanket: r.Blanket(), rights: codeList(r.Rights), restricted: codeList(r.Restricted()), body: string(body)}, nil
}

func codeList(cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	return "," + strings.Join(cs, ",") + ","
}

// validateReasoning refuses what can never be right, even in a draft: an
// unknown right, a date that is not a date, a review date in the past.
func validateReasoning(v *lightbulb.ValidationErrors, r *lightbulb.Reasoning, cats map[string]lightbulb.Category, today string) {
	var rights []string
	for code := range cats {
		if slices.Contains(r.Rights, code) {
			rights = append(rights, code)
		}
	}
	if len(rights) != len(slices.Compact(slices.Sorted(slices.Values(r.Rights)))) {
		v.Add("rights", "Select rights from the list")
	}
	slices.SortFunc(rights, func(a, b string) int { return strings.Compare(rightKey(a), rightKey(b)) })
	r.Rights = rights
	var tests []lightbulb.RightTest
	for _, c := range rights {
		t := r.Test(c)
		if t.Aim != "" && !slices.Contains(lightbulb.LegitimateAims, t.Aim) {
			v.Add("aim-"+c, "Select a legitimate aim from the list")
		}
		tests = append(tests, t)
	}
	r.Tests = tests
	if r.Date != "" && !validDate(r.Date) {
		v.Add("date", "Enter the date of the decision as day, month and year")
	}
	if r.Scope != "" && !slices.Contains([]lightbulb.Scope{lightbulb.ScopePerson, lightbulb.ScopeGroup, lightbulb.ScopeEveryone}, r.Scope) {
		v.Add("scope", "Select who the decision affects")
	}
	if r.ReviewDate != "" {
		if !validDate(r.ReviewDate) {
			v.Add("review_date", "Enter the review date as day, month and year")
		} else if r.ReviewDate < today {
			v.Add("review_date", "The review date must be today or in the future")
		}
	}
}

// rightKey orders codes as the library does: A2…A14, then the protocols.
func rightKey(code string) string {
	p, a := "0", strings.TrimPrefix(code, "A")
	if strings.HasPrefix(code, "P") {
		p, a, _ = strings.Cut(strings.TrimPrefix(code, "P"), "A")
	}
	pn, _ := strconv.Atoi(p)
	an, _ := strconv.Atoi(a)
	return fmt.Sprintf("%03d%03d", pn, an)
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// DiscardDraft deletes a draft that was never decided, if the actor in ctx
// owns it. What it said goes into the audit log in the same transaction, so
// nothing is lost without a trace.
func (s *DecisionService) DiscardDraft(ctx context.Context, id int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	a := lightbulb.ActorFrom(ctx)
	if a == nil || a.UserID == 0 {
		return lightbulb.Errorf(lightbulb.EFORBIDDEN, "Sign in to discard a draft.")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		d, err := scanDecision(tx.QueryRowContext(ctx, decisionCols+` WHERE d.org_id = $1 AND d.id = $2`, org, id))
		if err != nil {
			return notFound(err, "There is no such decision.")
		}
		switch {
		case d.Status != lightbulb.StatusDraft || d.Version > 0:
			return lightbulb.Errorf(lightbulb.ECONFLICT, "Only a draft that was never decided can be discarded. Review a decision to end it.")
		case d.OwnerID != a.UserID:
			return lightbulb.Errorf(lightbulb.EFORBIDDEN, "Only the person who started a draft can discard it.")
		}
		body, err := json.Marshal(d.Reasoning)
		if err != nil {
			return err
		}
		if err := auditIn(ctx, tx, "decision.discard", fmt.Sprintf("decision %d", d.ID), d.ServiceName+": "+string(body)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE case_assessments SET decision_id = NULL WHERE org_id = $1 AND decision_id = $2`, org, id); err != nil {
			return fmt.Errorf("discard decision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM decision_reminders WHERE org_id = $1 AND decision_id = $2`, org, id); err != nil {
			return fmt.Errorf("discard decision: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM decisions WHERE org_id = $1 AND id = $2`, org, id); err != nil {
			return fmt.Errorf("discard decision: %w", err)
		}
		return nil
	})
}
