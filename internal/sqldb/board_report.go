package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// BoardReportService keeps board reports (docs/indicators.md).
type BoardReportService struct{ db *DB }

// NewBoardReportService returns the board report store.
func NewBoardReportService(db *DB) *BoardReportService { return &BoardReportService{db: db} }

const boardCols = `id, org_id, title, month_from, month_to, lang, purpose, summary, status, created_by, created_at, issued_at, build_state, build_done, build_total, build_error`

func scanBoard(row scanner) (*lightbulb.BoardReport, error) {
	r := &lightbulb.BoardReport{}
	var summary string
	var issued sql.NullTime
	if err := row.Scan(&r.ID, &r.OrgID, &r.Title, &r.From, &r.To, &r.Lang, &r.Purpose, &summary, &r.Status, &r.CreatedBy, &r.CreatedAt, &issued,
		&r.Build.State, &r.Build.Done, &r.Build.Total, &r.Build.Error); err != nil {
		return nil, err
	}
	if summary != "" {
		r.KeyIssues = strings.Split(summary, "\n")
	}
	if issued.Valid {
		r.IssuedAt = &issued.Time
	}
	return r, nil
}

// keyIssues keeps each point on one line, one point a line.
func keyIssues(r *lightbulb.BoardReport) string {
	var out []string
	for _, s := range r.KeyIssues {
		out = append(out, strings.Join(strings.Fields(s), " "))
	}
	return strings.Join(out, "\n")
}

// CreateBoardReport validates and stores a new draft with its indicators.
func (s *BoardReportService) CreateBoardReport(ctx context.Context, r *lightbulb.BoardReport) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := r.Validate(lightbulb.Now()); err != nil {
		return err
	}
	r.OrgID, r.Status, r.CreatedAt = org, lightbulb.ReportDraft, lightbulb.Now()
	if a := lightbulb.ActorFrom(ctx); a != nil {
		r.CreatedBy = a.Name
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO board_reports (org_id, title, month_from, month_to, lang, purpose, summary, status, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, org, r.Title, r.From, r.To, r.Lang, r.Purpose, keyIssues(r),
			r.Status, r.CreatedBy, r.CreatedAt).Scan(&r.ID)
		if err != nil {
			return fmt.Errorf("create board report: %w", err)
		}
		return putItems(ctx, tx, org, r)
	})
}

func putItems(ctx context.Context, tx *sql.Tx, org int64, r *lightbulb.BoardReport) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM board_report_items WHERE org_id = $1 AND report_id = $2`, org, r.ID); err != nil {
		return fmt.Errorf("board report items: %w", err)
	}
	for i, it := range r.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO board_report_items (report_id, org_id, position, indicator, tells_us, actions)
			VALUES ($1, $2, $3, $4, $5, $6)`, r.ID, org, i, it.Indicator, it.TellsUs, it.Actions); err != nil {
			return fmt.Errorf("board report item: %w", err)
		}
	}
	return nil
}

// UpdateBoardReport saves a draft; an issued report cannot change.
func (s *BoardReportService) UpdateBoardReport(ctx context.Context, r *lightbulb.BoardReport) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := r.Validate(lightbulb.Now()); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE board_reports SET title = $1, month_from = $2, month_to = $3, lang = $4, purpose = $5, summary = $6
			WHERE org_id = $7 AND id = $8 AND status = 'draft'`, r.Title, r.From, r.To, r.Lang, r.Purpose, keyIssues(r), org, r.ID)
		if err != nil {
			return fmt.Errorf("update board report: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return s.notDraft(ctx, tx, org, r.ID)
		}
		return putItems(ctx, tx, org, r)
	})
}

// notDraft explains why a report could not change: it is not the
// organisation's, or it has been issued.
func (s *BoardReportService) notDraft(ctx context.Context, tx *sql.Tx, org, id int64) error {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM board_reports WHERE org_id = $1 AND id = $2`, org, id).Scan(&status)
	if err != nil {
		return notFound(err, "No such board report.")
	}
	return lightbulb.Errorf(lightbulb.ECONFLICT, "This report has been issued, so it cannot change. Start a new report instead.")
}

// IssueBoardReport marks a draft issued now and queues the building of its
// files in the same transaction.
func (s *BoardReportService) IssueBoardReport(ctx context.Context, id int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE board_reports SET status = 'issued', issued_at = $1 WHERE org_id = $2 AND id = $3 AND status = 'draft'`,
			lightbulb.Now(), org, id)
		if err != nil {
			return fmt.Errorf("issue board report: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return s.notDraft(ctx, tx, org, id)
		}
		return queueBuild(ctx, tx, org, id)
	})
}

// FindBoardReport returns one report with its indicators.
func (s *BoardReportService) FindBoardReport(ctx context.Context, id int64) (*lightbulb.BoardReport, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	r, err := scanBoard(s.db.readRow(ctx, `SELECT `+boardCols+` FROM board_reports WHERE org_id = $1 AND id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "No such board report.")
	}
	rows, err := s.db.readRows(ctx, `SELECT indicator, tells_us, actions FROM board_report_items
		WHERE org_id = $1 AND report_id = $2 ORDER BY position`, org, id)
	if err != nil {
		return nil, fmt.Errorf("board report items: %w", err)
	}
	r.Items, err = collect(rows, func(sc scanner) (it lightbulb.BoardReportItem, err error) {
		return it, sc.Scan(&it.Indicator, &it.TellsUs, &it.Actions)
	})
	return r, err
}

// FindBoardReports lists the organisation's reports, newest first.
func (s *BoardReportService) FindBoardReports(ctx context.Context) ([]*lightbulb.BoardReport, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+boardCols+` FROM board_reports WHERE org_id = $1 ORDER BY created_at DESC, id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("board reports: %w", err)
	}
	return collect(rows, scanBoard)
}

// RecomputedSince lists the months from from to to that were computed again
// after t, so an issued report can say its figures changed since.
func (s *IndicatorService) RecomputedSince(ctx context.Context, from, to string, t time.Time) ([]string, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT month FROM indicator_months WHERE org_id = $1 AND month >= $2 AND month <= $3
		AND computed_at > $4 ORDER BY month`, org, from, to, t)
	if err != nil {
		return nil, fmt.Errorf("months recomputed: %w", err)
	}
	return collect(rows, func(sc scanner) (m string, err error) { return m, sc.Scan(&m) })
}
