package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

func (s *CommissioningService) assessments(ctx context.Context, contractID int64) ([]*lightbulb.Assessment, error) {
	rows, err := s.db.readRows(ctx, `SELECT a.id, a.state, a.summary, COALESCE(u.name, ''), a.issued_at, a.window_ends_at, a.final_at
		FROM comm_assessments a LEFT JOIN users u ON u.id = a.issued_by WHERE a.contract_id = $1 ORDER BY a.issued_at DESC, a.id DESC`, contractID)
	if err != nil {
		return nil, fmt.Errorf("assessments: %w", err)
	}
	out, err := collect(rows, func(row scanner) (*lightbulb.Assessment, error) {
		a := &lightbulb.Assessment{ContractID: contractID}
		var final sql.NullTime
		err := row.Scan(&a.ID, &a.State, &a.Summary, &a.IssuedBy, &a.IssuedAt, &a.WindowEndsAt, &final)
		a.FinalAt = final.Time
		return a, err
	})
	if err != nil {
		return nil, err
	}
	for _, a := range out {
		rows, err := s.db.readRows(ctx, `SELECT contract_req_id, rating, note FROM comm_assessment_lines WHERE assessment_id = $1 ORDER BY id`, a.ID)
		if err != nil {
			return nil, err
		}
		if a.Lines, err = collect(rows, func(row scanner) (*lightbulb.AssessmentLine, error) {
			l := &lightbulb.AssessmentLine{}
			return l, row.Scan(&l.ContractRequirementID, &l.Rating, &l.Note)
		}); err != nil {
			return nil, err
		}
		rows, err = s.db.readRows(ctx, `SELECT COALESCE(u.name, ''), c.created_at, c.comment FROM comm_fact_comments c
			LEFT JOIN users u ON u.id = c.written_by WHERE c.assessment_id = $1 ORDER BY c.id`, a.ID)
		if err != nil {
			return nil, err
		}
		if a.Comments, err = collect(rows, func(row scanner) (*lightbulb.FactComment, error) {
			f := &lightbulb.FactComment{}
			return f, row.Scan(&f.By, &f.At, &f.Text)
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// IssueDraft issues a draft assurance report on a contract, rating each
// requirement it carries. The provider's leads are told, and a job makes
// the report final when the fact-check window closes.
func (s *CommissioningService) IssueDraft(ctx context.Context, contractID int64, a *lightbulb.Assessment) error {
	org, c, err := s.ownContract(ctx, contractID)
	if err != nil {
		return err
	}
	if err := checkAssessment(c, a); err != nil {
		return err
	}
	a.ContractID, a.State, a.IssuedAt = c.ID, lightbulb.AssessmentDraft, lightbulb.Now()
	a.WindowEndsAt = a.IssuedAt.Add(lightbulb.FactCheckDays * 24 * time.Hour)
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO comm_assessments (org_id, contract_id, state, summary, issued_by, issued_at, window_ends_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, c.ID, a.State, a.Summary, actorRef(ctx), a.IssuedAt, a.WindowEndsAt).Scan(&a.ID); err != nil {
			return fmt.Errorf("issue draft: %w", err)
		}
		for _, l := range a.Lines {
			if _, err := tx.ExecContext(ctx, `INSERT INTO comm_assessment_lines (org_id, assessment_id, contract_req_id, rating, note)
				VALUES ($1, $2, $3, $4, $5)`, org, a.ID, l.ContractRequirementID, string(l.Rating), l.Note); err != nil {
				return fmt.Errorf("assessment line: %w", err)
			}
		}
		if _, err := jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCommissioningWindow,
			Payload: strconv.FormatInt(a.ID, 10), At: a.WindowEndsAt}); err != nil {
			return err
		}
		return s.tellProvider(ctx, tx, c, a)
	})
}

// checkAssessment refuses a second open draft and a report that does not
// rate every requirement the contract carries.
func checkAssessment(c *lightbulb.Contract, a *lightbulb.Assessment) error {
	var v lightbulb.ValidationErrors
	for _, x := range c.Assessments {
		if x.State == lightbulb.AssessmentDraft {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "A draft report on this contract is still open for the provider to check.")
		}
	}
	if a.Summary = strings.TrimSpace(a.Summary); a.Summary == "" {
		v.Add("summary", "Enter a summary of your assessment")
	}
	if len(c.Requirements) == 0 {
		v.Add("summary", "Attach requirements to the contract before assessing it")
	}
	for _, cr := range c.Requirements {
		i := slices.IndexFunc(a.Lines, func(l *lightbulb.AssessmentLine) bool { return l.ContractRequirementID == cr.ID })
		if i < 0 || !slices.Contains([]lightbulb.Rating{lightbulb.Green, lightbulb.Amber, lightbulb.Red}, a.Lines[i].Rating) {
			v.Add(fmt.Sprintf("rating-%d", cr.ID), "Rate each requirement red, amber or green")
		}
	}
	for _, l := range a.Lines {
		l.Note = strings.TrimSpace(l.Note)
		if !slices.ContainsFunc(c.Requirements, func(cr *lightbulb.ContractRequirement) bool { return cr.ID == l.ContractRequirementID }) {
			v.Add("summary", "Rate only the requirements this contract carries")
		}
	}
	return v.Err()
}

// tellProvider emails the provider's leads that a draft report is ready to
// check, in their own language.
func (s *CommissioningService) tellProvider(ctx context.Context, tx *sql.Tx, c *lightbulb.Contract, a *lightbulb.Assessment) error {
	if c.ProviderID == 0 {
		return nil // a provider not on Lightbulb is sent the report by other means
	}
	return mailEach(ctx, tx, providerLeads, []any{c.ProviderID}, func(email, name, lang string) *lightbulb.Mail {
		return lightbulb.DraftReportMail(email, name, lang, c, a, s.baseURL)
	})
}

// CommentOnDraft records the provider's comment on a draft report's facts
// while its window is open.
func (s *CommissioningService) CommentOnDraft(ctx context.Context, contractID, assessmentID int64, text string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	c, err := s.ProviderContract(ctx, contractID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(c.Assessments, func(a *lightbulb.Assessment) bool { return a.ID == assessmentID })
	if i < 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such report.")
	}
	if !c.Assessments[i].Open(lightbulb.Now()) {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "The window to check this report's facts has closed.")
	}
	switch text = strings.TrimSpace(text); {
	case text == "":
		return lightbulb.FieldError("comment", "Enter what is not accurate, and what it should say")
	case len([]rune(text)) > 5000:
		return lightbulb.FieldError("comment", "Your comment must be 5,000 characters or fewer")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO comm_fact_comments (org_id, assessment_id, provider_id, comment, written_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, c.CommissionerID, assessmentID, org, text, actorRef(ctx), lightbulb.Now())
		return err
	})
}

// RegisterJobs adds commissioning's jobs to q: closing a draft report's
// fact-check window, which makes it final, and the daily pass over
// scheduled returns.
func (s *CommissioningService) RegisterJobs(q *jobs.Queue) error {
	q.Register(lightbulb.JobCommissioningWindow, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		id, err := strconv.ParseInt(j.Payload, 10, 64)
		if err != nil {
			return fmt.Errorf("%s: payload %q", j.Kind, j.Payload)
		}
		return closeFactCheck(ctx, tx, j.Org, id)
	})
	return s.registerSchedules(q)
}

// closeFactCheck makes a draft report final once its window has closed.
func closeFactCheck(ctx context.Context, tx *sql.Tx, org, id int64) error {
	now := lightbulb.Now()
	_, err := tx.ExecContext(ctx, `UPDATE comm_assessments SET state = $1, final_at = $2 WHERE id = $3 AND org_id = $4 AND state = $5
		AND window_ends_at <= $6`, lightbulb.AssessmentFinal, now, id, org, lightbulb.AssessmentDraft, now)
	return err
}

// CloseFactCheck makes a draft report of the organisation in ctx final if
// its window has closed, as the job does; the demo uses it for past reports.
func (s *CommissioningService) CloseFactCheck(ctx context.Context, id int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error { return closeFactCheck(ctx, tx, org, id) })
}
