package cli

import (
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// newMail returns the outbox, delivering by SMTP when a server is configured.
func newMail(db *sqldb.DB, cfg *config.Config) *sqldb.MailService {
	m := sqldb.NewMailService(db)
	if cfg.SMTP.Host != "" {
		m.Deliver = mail.Sender(cfg.SMTP)
	}
	return m
}

// newQueue is the one job queue with every capability's kinds registered:
// each capability adds its own here, and nowhere else runs jobs.
func newQueue(db *sqldb.DB, cfg *config.Config, m *sqldb.MailService) (*jobs.Queue, error) {
	q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
	q.Lease = cfg.JobLease
	m.RegisterJobs(q)
	sqldb.NewTrainingService(db, m, cfg.BaseURL).RegisterJobs(q)
	if err := sqldb.NewDecisionService(db).RegisterJobs(q, cfg.BaseURL); err != nil {
		return nil, err
	}
	keep := time.Duration(cfg.RetentionDays) * 24 * time.Hour
	if err := sqldb.NewPrivacyService(db).RegisterJobs(q, keep); err != nil {
		return nil, err
	}
	if err := actionPlan(db, cfg).RegisterJobs(q, time.Duration(cfg.Outreach.SignatureDays)*24*time.Hour); err != nil {
		return nil, err
	}
	newsletter(db, cfg).RegisterJobs(q)
	sqldb.NewCoprodService(db, cfg.BaseURL).RegisterJobs(q)
	if err := sqldb.NewIndicatorService(db).RegisterJobs(q); err != nil {
		return nil, err
	}
	sqldb.NewBoardReportService(db).RegisterJobs(q, web.BoardReportBuilder(sqldb.NewIndicatorService(db)))
	if err := sqldb.NewCommissioningService(db, cfg.BaseURL).RegisterJobs(q); err != nil {
		return nil, err
	}
	caseimport.RegisterJobs(q, sqldb.NewCaseService(db, caseSuggest), sqldb.NewAuditService(db))
	if err := q.RegisterHousekeeping(); err != nil {
		return nil, err
	}
	return q, nil
}

// actionPlan is the Action Plan with its configured check-ins.
func actionPlan(db *sqldb.DB, cfg *config.Config) *sqldb.ActionPlanService {
	ap := sqldb.NewActionPlanService(db, cfg.BaseURL)
	if len(cfg.Outreach.CheckinMonths) > 0 {
		ap.CheckinMonths = cfg.Outreach.CheckinMonths
	}
	return ap
}

// newsletter is the newsletter sending at the configured rate.
func newsletter(db *sqldb.DB, cfg *config.Config) *sqldb.NewsletterService {
	nl := sqldb.NewNewsletterService(db, cfg.BaseURL)
	if cfg.Outreach.PerMinute > 0 {
		nl.PerMinute = cfg.Outreach.PerMinute
	}
	return nl
}
