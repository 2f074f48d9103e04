package cli

import (
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
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
	caseimport.RegisterJobs(q, sqldb.NewCaseService(db, caseSuggest), sqldb.NewAuditService(db))
	if err := q.RegisterHousekeeping(); err != nil {
		return nil, err
	}
	return q, nil
}
