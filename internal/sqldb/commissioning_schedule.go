package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// Recurring returns: a contract's schedule and its scheduled returns, which
// the daily job opens, reminds and chases (see lightbulb.ReturnSchedule).

func returnPeriods(ctx context.Context, q querier, where string, args ...any) ([]*lightbulb.ReturnPeriod, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, contract_id, covers_from, covers_to, due_on, opened_at, COALESCE(return_id, 0), returned_on
		FROM comm_return_periods WHERE `+where+` ORDER BY due_on, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("return periods: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.ReturnPeriod, error) {
		p := &lightbulb.ReturnPeriod{}
		var from, to, due, returned string
		var opened sql.NullTime
		err := row.Scan(&p.ID, &p.ContractID, &from, &to, &due, &opened, &p.ReturnID, &returned)
		p.CoversFrom, p.CoversTo, p.DueOn, p.ReturnedOn, p.OpenedAt = mustDate(from), mustDate(to), mustDate(due), mustDate(returned), opened.Time
		return p, err
	})
}

// SetReturnSchedule sets how often the contract's returns are due and when
// the first is. Scheduled returns the job has not opened are replaced by the
// new schedule's; those opened already stay, answered or not. The job runs
// at once so a return due within four weeks opens today.
func (s *CommissioningService) SetReturnSchedule(ctx context.Context, contractID int64, sch lightbulb.ReturnSchedule) error {
	org, c, err := s.ownContract(ctx, contractID)
	if err != nil {
		return err
	}
	if err := sch.Validate(c); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE comm_contracts SET return_frequency = $1, first_return_due = $2 WHERE id = $3 AND org_id = $4`,
			sch.Frequency, sch.FirstDue.String(), c.ID, org); err != nil {
			return fmt.Errorf("return schedule: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM comm_return_periods WHERE contract_id = $1 AND opened_at IS NULL AND return_id IS NULL`, c.ID); err != nil {
			return err
		}
		for _, p := range sch.Periods(c) {
			if slices.ContainsFunc(c.Periods, func(o *lightbulb.ReturnPeriod) bool { return !o.OpenedAt.IsZero() && o.DueOn == p.DueOn }) {
				continue // opened under the old schedule on the same day
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO comm_return_periods (org_id, contract_id, covers_from, covers_to, due_on)
				VALUES ($1, $2, $3, $4, $5)`, org, c.ID, p.CoversFrom.String(), p.CoversTo.String(), p.DueOn.String()); err != nil {
				return fmt.Errorf("scheduled return: %w", err)
			}
		}
		_, err := jobs.Enqueue(ctx, tx, jobs.New{Kind: lightbulb.JobCommissioningReturns})
		return err
	})
}

// checkPeriod checks which return a provider is sending: one the job has
// opened and nobody has answered, or, outside the schedule, the period in
// its own words.
func checkPeriod(c *lightbulb.Contract, r *lightbulb.Return, v *lightbulb.ValidationErrors) {
	if r.PeriodID == 0 {
		if r.Period = strings.TrimSpace(r.Period); r.Period == "" {
			v.Add("period", "Enter the period the return covers, such as April to June 2026")
		}
		return
	}
	i := slices.IndexFunc(c.Periods, func(p *lightbulb.ReturnPeriod) bool { return p.ID == r.PeriodID && p.Answerable() })
	if i < 0 {
		v.Add("period_id", "Choose one of the returns open now")
		return
	}
	r.Period = c.Periods[i].Name("en")
}

// answerPeriod marks the scheduled return r answers as returned today,
// unless another return answered it first.
func answerPeriod(ctx context.Context, tx *sql.Tx, r *lightbulb.Return) error {
	if r.PeriodID == 0 {
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE comm_return_periods SET return_id = $1, returned_on = $2 WHERE id = $3 AND return_id IS NULL`,
		r.ID, lightbulb.DateOf(r.SubmittedAt).String(), r.PeriodID)
	if err != nil {
		return fmt.Errorf("answer scheduled return: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return lightbulb.FieldError("period_id", "That return has just been sent by someone else")
	}
	return nil
}

// RunReturnSchedules opens, reminds and chases scheduled returns as the
// daily job does, and says how many emails it queued.
func (s *CommissioningService) RunReturnSchedules(ctx context.Context) (int, error) {
	var n int
	err := s.db.tx(ctx, func(tx *sql.Tx) (err error) {
		n, err = s.runSchedules(ctx, tx)
		return err
	})
	return n, err
}

// scheduleSteps are the job's three passes: each finds the scheduled
// returns it applies to on day today (its arguments $1 today, $2 the day
// before which a return opens, reminds or stops being chased), stamps them
// and emails the provider's leads with its letter.
var scheduleSteps = []struct {
	column, where string
	days          int
	mail          func(to, name, lang string, c *lightbulb.Contract, p *lightbulb.ReturnPeriod, baseURL string) *lightbulb.Mail
}{
	{"opened_at", `p.opened_at IS NULL AND p.return_id IS NULL AND (p.due_on <= $2 OR p.due_on < $1)`, lightbulb.ReturnOpenDays, lightbulb.ReturnOpenMail},
	{"reminded_at", `p.reminded_at IS NULL AND p.opened_at IS NOT NULL AND p.return_id IS NULL AND p.due_on >= $1 AND p.due_on <= $2`,
		lightbulb.ReturnReminderDays, lightbulb.ReturnReminderMail},
	{"chased_at", `p.chased_at IS NULL AND p.opened_at IS NOT NULL AND p.return_id IS NULL AND p.due_on < $1 AND p.due_on >= $2`,
		-lightbulb.ReturnChaseDays, lightbulb.ReturnReminderMail},
}

func (s *CommissioningService) runSchedules(ctx context.Context, tx *sql.Tx) (int, error) {
	today := lightbulb.DateOf(lightbulb.Now())
	sent := 0
	for i, step := range scheduleSteps {
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.contract_id, p.covers_from, p.covers_to, p.due_on, c.title, o.name, COALESCE(c.provider_id, 0)
			FROM comm_return_periods p JOIN comm_contracts c ON c.id = p.contract_id JOIN organisations o ON o.id = c.org_id
			WHERE `+step.where+` ORDER BY p.id`, today.String(), lightbulb.AddDays(today.String(), step.days))
		if err != nil {
			return sent, fmt.Errorf("scheduled returns: %w", err)
		}
		due, err := collect(rows, scanDuePeriod)
		if err != nil {
			return sent, err
		}
		for _, d := range due {
			set := step.column + ` = $1`
			if i == 0 && d.p.DueOn.String() <= lightbulb.AddDays(today.String(), lightbulb.ReturnReminderDays) {
				set += `, reminded_at = $1` // opened within a week of its day: the opening email is the reminder
			}
			if _, err := tx.ExecContext(ctx, `UPDATE comm_return_periods SET `+set+` WHERE id = $2`, lightbulb.Now(), d.p.ID); err != nil {
				return sent, err
			}
			// A return opened after its day has passed is chased, not opened.
			if d.c.ProviderID == 0 || (i == 0 && d.p.DueOn.Before(today)) {
				continue
			}
			if err := mailEach(ctx, tx, providerLeads, []any{d.c.ProviderID}, func(email, name, lang string) *lightbulb.Mail {
				return step.mail(email, name, lang, d.c, d.p, s.baseURL)
			}); err != nil {
				return sent, err
			}
			sent++
		}
	}
	return sent, nil
}

type duePeriod struct {
	p *lightbulb.ReturnPeriod
	c *lightbulb.Contract
}

func scanDuePeriod(row scanner) (duePeriod, error) {
	d := duePeriod{&lightbulb.ReturnPeriod{}, &lightbulb.Contract{}}
	var from, to, due string
	err := row.Scan(&d.p.ID, &d.c.ID, &from, &to, &due, &d.c.Title, &d.c.CommissionerName, &d.c.ProviderID)
	d.p.ContractID, d.p.CoversFrom, d.p.CoversTo, d.p.DueOn = d.c.ID, mustDate(from), mustDate(to), mustDate(due)
	return d, err
}

// providerLeads selects the leads of the provider $1, who answer its returns.
const providerLeads = `SELECT u.email, u.name, COALESCE(u.lang, '') FROM users u JOIN memberships m ON m.user_id = u.id
	WHERE m.org_id = $1 AND m.role = 'lead' ORDER BY u.id`

// registerSchedules adds the daily job that opens, reminds and chases
// scheduled returns.
func (s *CommissioningService) registerSchedules(q *jobs.Queue) error {
	q.Register(lightbulb.JobCommissioningReturns, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		_, err := s.runSchedules(ctx, tx)
		return err
	})
	return q.Daily("commissioning-returns", lightbulb.JobCommissioningReturns, "06:30")
}
