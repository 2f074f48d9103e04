package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// JobBuildReport builds an issued board report's PDF and CSV.
const JobBuildReport = "report.build"

// RegisterJobs registers the job that builds issued reports' files with
// build. It is a long job: it writes its progress as it goes, so the
// report's page can show it, and a failure is kept for the lead to see
// and try again (one attempt: the lead decides).
func (s *BoardReportService) RegisterJobs(q *jobs.Queue, build lightbulb.BoardReportBuilder) {
	q.RegisterLong(JobBuildReport, func(ctx context.Context, j *jobs.Job) error { return s.build(ctx, j, build) }, jobs.MaxAttempts(1))
}

// queueBuild marks a report's files queued and enqueues their job.
func queueBuild(ctx context.Context, tx *sql.Tx, org, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE board_reports SET build_state = 'queued', build_done = 0, build_total = 0, build_error = ''
		WHERE org_id = $1 AND id = $2`, org, id); err != nil {
		return fmt.Errorf("queue board report build: %w", err)
	}
	_, err := jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: JobBuildReport, Payload: strconv.FormatInt(id, 10), At: lightbulb.Now()})
	return err
}

// BuildBoardReportAgain queues an issued report's files again when they
// failed or were never built; a report queued, building or ready is left.
func (s *BoardReportService) BuildBoardReportAgain(ctx context.Context, id int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var status, state string
		err := tx.QueryRowContext(ctx, `SELECT status, build_state FROM board_reports WHERE org_id = $1 AND id = $2`, org, id).Scan(&status, &state)
		if err != nil {
			return notFound(err, "No such board report.")
		}
		if status != lightbulb.ReportIssued {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "Issue the report first: its files are built when it is issued.")
		}
		if state != lightbulb.BuildFailed && state != "" {
			return nil // already on its way, or built
		}
		return queueBuild(ctx, tx, org, id)
	})
}

// BoardReportFiles returns an issued report's files as built.
func (s *BoardReportService) BoardReportFiles(ctx context.Context, id int64) (*lightbulb.BoardReportFiles, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	f := &lightbulb.BoardReportFiles{}
	err = s.db.readRow(ctx, `SELECT pdf, csv, built_at FROM board_report_files WHERE org_id = $1 AND report_id = $2`, org, id).
		Scan(&f.PDF, &f.CSV, &f.BuiltAt)
	if err != nil {
		return nil, notFound(err, "This report's files are not ready yet.")
	}
	return f, nil
}

// setBuild records how far a build has got.
func (s *BoardReportService) setBuild(ctx context.Context, org, id int64, b lightbulb.BoardReportBuild) error {
	_, err := s.db.write.ExecContext(ctx, `UPDATE board_reports SET build_state = $1, build_done = $2, build_total = $3, build_error = $4
		WHERE org_id = $5 AND id = $6`, b.State, b.Done, b.Total, b.Error, org, id)
	if err != nil {
		return fmt.Errorf("board report build state: %w", err)
	}
	return nil
}

// build runs one report's build: it reads the report, builds its files
// with progress, and keeps them with the state ready in one transaction;
// a failure is recorded with its reason.
func (s *BoardReportService) build(ctx context.Context, j *jobs.Job, build lightbulb.BoardReportBuilder) error {
	id, err := strconv.ParseInt(j.Payload, 10, 64)
	if err != nil {
		return fmt.Errorf("report.build payload %q: %w", j.Payload, err)
	}
	rep, err := s.FindBoardReport(ctx, id)
	if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
		return nil // gone with its organisation
	} else if err != nil {
		return err
	}
	if rep.Status != lightbulb.ReportIssued || rep.Build.State == lightbulb.BuildReady {
		return nil
	}
	var name string
	if err := s.db.readRow(ctx, `SELECT name FROM organisations WHERE id = $1`, rep.OrgID).Scan(&name); err != nil {
		return fmt.Errorf("board report organisation: %w", err)
	}
	progress := func(done, total int) error {
		return s.setBuild(ctx, rep.OrgID, id, lightbulb.BoardReportBuild{State: lightbulb.BuildBuilding, Done: done, Total: total})
	}
	if err := progress(0, len(rep.Items)); err != nil {
		return err
	}
	files, err := build(ctx, name, rep, progress)
	if err == nil {
		err = s.keepFiles(ctx, rep, files)
	}
	if err != nil && ctx.Err() == nil {
		_ = s.setBuild(context.WithoutCancel(ctx), rep.OrgID, id, lightbulb.BoardReportBuild{State: lightbulb.BuildFailed, Total: len(rep.Items), Error: err.Error()})
	}
	return err
}

// keepFiles stores the files built and marks the report's build ready.
func (s *BoardReportService) keepFiles(ctx context.Context, rep *lightbulb.BoardReport, f *lightbulb.BoardReportFiles) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM board_report_files WHERE org_id = $1 AND report_id = $2`, rep.OrgID, rep.ID); err != nil {
			return fmt.Errorf("board report files: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO board_report_files (report_id, org_id, pdf, csv, built_at) VALUES ($1, $2, $3, $4, $5)`,
			rep.ID, rep.OrgID, f.PDF, f.CSV, lightbulb.Now()); err != nil {
			return fmt.Errorf("keep board report files: %w", err)
		}
		n := len(rep.Items)
		_, err := tx.ExecContext(ctx, `UPDATE board_reports SET build_state = 'ready', build_done = $1, build_total = $1, build_error = ''
			WHERE org_id = $2 AND id = $3`, n, rep.OrgID, rep.ID)
		return err
	})
}
