package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *CommissioningService) returns(ctx context.Context, c *lightbulb.Contract) ([]*lightbulb.Return, error) {
	rows, err := s.db.readRows(ctx, `SELECT r.id, r.period, COALESCE(u.name, ''), r.submitted_at,
		COALESCE((SELECT MIN(p.id) FROM comm_return_periods p WHERE p.return_id = r.id), 0) FROM comm_returns r
		LEFT JOIN users u ON u.id = r.submitted_by WHERE r.contract_id = $1 ORDER BY r.submitted_at DESC, r.id DESC`, c.ID)
	if err != nil {
		return nil, fmt.Errorf("returns: %w", err)
	}
	out, err := collect(rows, func(row scanner) (*lightbulb.Return, error) {
		r := &lightbulb.Return{ContractID: c.ID}
		return r, row.Scan(&r.ID, &r.Period, &r.SubmittedBy, &r.SubmittedAt, &r.PeriodID)
	})
	if err != nil {
		return nil, err
	}
	for _, r := range out {
		rows, err := s.db.readRows(ctx, `SELECT contract_req_id, rating, evidence, COALESCE(review_id, 0), figure, figure_at,
			restrictions, training, cases, counted_at FROM comm_answers WHERE return_id = $1 ORDER BY id`, r.ID)
		if err != nil {
			return nil, fmt.Errorf("answers: %w", err)
		}
		r.Answers, err = collect(rows, func(row scanner) (*lightbulb.Answer, error) {
			a := &lightbulb.Answer{SubmittedAt: r.SubmittedAt}
			var at, counted sql.NullTime
			var figure, restrictions, training, cases string
			err := row.Scan(&a.ContractRequirementID, &a.Rating, &a.Evidence, &a.ReviewID, &figure, &at, &restrictions, &training, &cases, &counted)
			a.Figure, a.FigureAt = lightbulb.ParseFigure(figure), at.Time
			a.Counted = parseCounted(restrictions, training, cases, counted)
			return a, err
		})
		if err != nil {
			return nil, err
		}
	}
	// Each requirement's latest answer, returns being newest first.
	for _, cr := range c.Requirements {
		for _, r := range out {
			if i := slices.IndexFunc(r.Answers, func(a *lightbulb.Answer) bool { return a.ContractRequirementID == cr.ID }); i >= 0 {
				cr.Latest = r.Answers[i]
				break
			}
		}
	}
	return out, nil
}

// EvidenceReviews lists the provider's submitted Traffic Light reviews and
// whether each is shared with the contract's commissioner.
func (s *CommissioningService) EvidenceReviews(ctx context.Context, contractID int64) ([]*lightbulb.EvidenceReview, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	var commissioner int64
	if err := s.db.readRow(ctx, `SELECT org_id FROM comm_contracts WHERE id = $1 AND provider_id = $2`, contractID, org).
		Scan(&commissioner); err != nil {
		return nil, notFound(err, "There is no such contract.")
	}
	rows, err := s.db.readRows(ctx, `SELECT v.id, v.subject, v.submitted_at,
		(SELECT COUNT(*) FROM review_finals f WHERE f.review_id = v.id AND f.rating = 'green'),
		(SELECT COUNT(*) FROM review_finals f WHERE f.review_id = v.id AND f.rating = 'amber'),
		(SELECT COUNT(*) FROM review_finals f WHERE f.review_id = v.id AND f.rating = 'red'),
		EXISTS (SELECT 1 FROM review_shares sh WHERE sh.org_id = v.org_id AND sh.commissioner_id = $2 AND sh.revoked_at IS NULL)
		FROM reviews v WHERE v.org_id = $1 AND v.submitted_at IS NOT NULL ORDER BY v.submitted_at DESC, v.id DESC`, org, commissioner)
	if err != nil {
		return nil, fmt.Errorf("evidence reviews: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.EvidenceReview, error) {
		e := &lightbulb.EvidenceReview{}
		f := &e.Figure
		err := row.Scan(&e.ID, &e.Subject, &e.SubmittedAt, &f.Green, &f.Amber, &f.Red, &e.Shared)
		f.Subject = e.Subject
		return e, err
	})
}

// SubmitReturn records the provider's answers for a period. Every answer
// must be for a requirement the contract carries, and a review attached as
// evidence must be the provider's own and shared with the commissioner.
func (s *CommissioningService) SubmitReturn(ctx context.Context, contractID int64, r *lightbulb.Return) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	c, err := s.ProviderContract(ctx, contractID)
	if err != nil {
		return err
	}
	reviews, err := s.EvidenceReviews(ctx, contractID)
	if err != nil {
		return err
	}
	if err := checkReturn(c, r, reviews); err != nil {
		return err
	}
	if err := s.countFor(ctx, org, r); err != nil {
		return err
	}
	r.ContractID, r.SubmittedAt = c.ID, lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO comm_returns (org_id, contract_id, provider_id, period, submitted_by, submitted_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, c.CommissionerID, c.ID, org, r.Period, actorRef(ctx), r.SubmittedAt).Scan(&r.ID); err != nil {
			return fmt.Errorf("submit return: %w", err)
		}
		if err := answerPeriod(ctx, tx, r); err != nil {
			return err
		}
		for _, a := range r.Answers {
			restrictions, training, cases, counted := countedColumns(a.Counted)
			if _, err := tx.ExecContext(ctx, `INSERT INTO comm_answers (org_id, return_id, contract_req_id, rating, evidence, review_id, figure, figure_at,
				restrictions, training, cases, counted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, c.CommissionerID, r.ID, a.ContractRequirementID,
				string(a.Rating), a.Evidence, nullID(a.ReviewID), a.Figure.String(), nullTime(a.FigureAt), restrictions, training, cases, counted); err != nil {
				return fmt.Errorf("answer: %w", err)
			}
		}
		return nil
	})
}

// countFor counts the provider's records once for the answers that attach
// them.
func (s *CommissioningService) countFor(ctx context.Context, org int64, r *lightbulb.Return) error {
	var counted *lightbulb.Counted
	for _, a := range r.Answers {
		if !a.Attached() {
			continue
		}
		if counted == nil {
			c, err := countRecords(ctx, s.db.read, org)
			if err != nil {
				return err
			}
			counted = &c
		}
		a.Counted = *counted
		a.Counted.HasRestrictions, a.Counted.HasTraining, a.Counted.HasCases = a.AttachRestrictions, a.AttachTraining, a.AttachCases
	}
	return nil
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// checkReturn validates a return against its contract and the reviews the
// provider may attach, filling in each attached review's figure.
func checkReturn(c *lightbulb.Contract, r *lightbulb.Return, reviews []*lightbulb.EvidenceReview) error {
	var v lightbulb.ValidationErrors
	checkPeriod(c, r, &v)
	if len(r.Answers) == 0 {
		v.Add("answers", "The contract carries no requirements to answer yet")
	}
	for _, a := range r.Answers {
		field := fmt.Sprintf("rating-%d", a.ContractRequirementID)
		if !slices.ContainsFunc(c.Requirements, func(cr *lightbulb.ContractRequirement) bool { return cr.ID == a.ContractRequirementID }) {
			v.Add(field, "Answer only the requirements this contract carries")
			continue
		}
		if !slices.Contains([]lightbulb.Rating{lightbulb.Green, lightbulb.Amber, lightbulb.Red}, a.Rating) {
			v.Add(field, "Rate each requirement red, amber or green")
		}
		if a.Attached() && !c.Sharing {
			v.Add(fmt.Sprintf("counted-%d", a.ContractRequirementID), "Figures from your own records go only to a commissioner you share your reviews with: share them first, or attach none")
		}
		if a.Evidence = strings.TrimSpace(a.Evidence); a.Evidence == "" && a.ReviewID == 0 && !a.Attached() {
			v.Add(fmt.Sprintf("evidence-%d", a.ContractRequirementID), "Give evidence for each requirement, in words or from a review")
		}
		if a.ReviewID != 0 {
			i := slices.IndexFunc(reviews, func(e *lightbulb.EvidenceReview) bool { return e.ID == a.ReviewID })
			switch {
			case i < 0:
				v.Add(fmt.Sprintf("review-%d", a.ContractRequirementID), "Choose one of your own submitted reviews")
			case !reviews[i].Shared:
				v.Add(fmt.Sprintf("review-%d", a.ContractRequirementID), "That review is not shared with the commissioner: share your reviews first, or choose no review")
			default:
				a.Figure, a.FigureAt = reviews[i].Figure, reviews[i].SubmittedAt
			}
		}
	}
	return v.Err()
}
