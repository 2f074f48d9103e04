package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// services builds the stores the web layer and the CLI share.
func services(db *sqldb.DB, cfg *config.Config, m *sqldb.MailService, q *jobs.Queue) web.Services {
	return web.Services{Jobs: q, WakeJobs: q.Wake,
		Orgs: sqldb.NewOrgService(db), Users: sqldb.NewUserService(db), Rights: sqldb.NewRightService(db),
		Audit: sqldb.NewAuditService(db), Mail: m, Resets: sqldb.NewResetService(db),
		Units:         sqldb.NewUnitService(db),
		Decisions:     sqldb.NewDecisionService(db),
		Reviews:       reviewService(db, cfg),
		Voices:        reviewService(db, cfg),
		Training:      sqldb.NewTrainingService(db, m, cfg.BaseURL),
		Learning:      sqldb.NewLearningService(db, sqldb.NewTrainingService(db, m, cfg.BaseURL)),
		Surveys:       sqldb.NewSurveyService(db),
		Plans:         sqldb.NewPlanService(db),
		Coverage:      sqldb.NewCoverageService(db),
		Champions:     sqldb.NewChampionService(db),
		Cases:         sqldb.NewCaseService(db, caseSuggest),
		SuggestRights: caseSuggest,
		Privacy:       sqldb.NewPrivacyService(db),
		Invitations:   sqldb.NewInvitationService(db),
		MailAllowance: sqldb.NewMailAllowance(db),
		ActionPlan:    actionPlan(db, cfg),
		Newsletter:    newsletter(db, cfg),
		Coprod:        sqldb.NewCoprodService(db, cfg.BaseURL),
		Indicators:    sqldb.NewIndicatorService(db),
		Reports:       sqldb.NewBoardReportService(db),
		Commissioning: sqldb.NewCommissioningService(db, cfg.BaseURL),
	}
}

// reviewService is the review store with the address its emails link to.
func reviewService(db *sqldb.DB, cfg *config.Config) *sqldb.ReviewService {
	rs := sqldb.NewReviewService(db)
	rs.BaseURL = cfg.BaseURL
	return rs
}

func runServe(ctx context.Context, args []string, out, errw io.Writer) error {
	var fastHash bool
	db, cfg, err := setup(ctx, "serve", args, errw, func(fs *flag.FlagSet) {
		fs.BoolVar(&fastHash, "insecure-fast-passwords", false, "cheapest password hashing; for tests only")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	if err := sqldb.NewCaseService(db, nil).RepairListIndex(ctx); err != nil {
		return err
	}
	if _, err := sqldb.NewUnitService(db).MatchAllReviews(ctx); err != nil {
		return err
	}
	var h slog.Handler = slog.NewJSONHandler(errw, nil)
	if cfg.LogFormat == "text" {
		h = slog.NewTextHandler(errw, nil)
	}
	log := slog.New(h)
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	params := password.Default
	if fastHash {
		params = password.Minimum
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	defer ln.Close()
	if cfg.BaseURL == "http://"+cfg.Addr {
		// No --base-url: links in email point where this process listens
		// (which, for port 0, is only known now).
		cfg.BaseURL = "http://" + ln.Addr().String()
	}
	m := newMail(db, cfg)
	q, err := newQueue(db, cfg, m)
	if err != nil {
		return err
	}
	svc := services(db, cfg, m, q)
	srv, err := web.New(svc, web.Options{BaseURL: cfg.BaseURL, Contact: cfg.Contact, Sessions: sqldb.NewSessionStore(db),
		Ready: db.Ping, Logger: log, Password: params, Registry: reg, MetricsToken: cfg.MetricsToken,
		ClientIPHeader: cfg.ClientIPHeader, TrustedProxies: cfg.TrustedProxies,
		KeepSubscriberIP: cfg.Outreach.KeepIP, BounceToken: cfg.Outreach.BounceToken})
	if err != nil {
		return err
	}
	stopMetrics, err := serveMetrics(cfg.MetricsAddr, srv.MetricsHandler(), out)
	if err != nil {
		return err
	}
	defer stopMetrics()
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	go sweepSessions(ctx, db, log)
	workers := make(chan struct{})
	go func() {
		defer close(workers)
		q.Run(ctx, jobs.Workers{Count: cfg.Workers, Log: log})
	}()
	if !m.Delivering() {
		log.Warn("no mail server is configured (LIGHTBULB_SMTP_HOST): email stays queued in the outbox")
	}
	defer tuneMemory()()
	fmt.Fprintf(out, "Lightbulb is listening on http://%s\n", ln.Addr())
	if f, ok := out.(*os.File); ok {
		_ = f.Sync()
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err = hs.Shutdown(sctx)
	<-workers // jobs in hand finish or are handed back
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// sweepSessions deletes expired sessions every hour until ctx ends.
func sweepSessions(ctx context.Context, db *sqldb.DB, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	store := sqldb.NewSessionStore(db)
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := store.DeleteExpired(ctx); err != nil {
				log.Warn("sweep sessions", "error", err)
			} else if n > 0 {
				log.Info("swept sessions", "count", n)
			}
		}
	}
}
