// Package web serves Lightbulb's pages. It talks to storage only through the
// service interfaces of package lightbulb.
package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/prometheus/client_golang/prometheus"
)

//go:embed all:static
var staticFS embed.FS

// Services are the stores the web layer needs.
type Services struct {
	Orgs   lightbulb.OrgService
	Users  lightbulb.UserService
	Rights lightbulb.RightService
	Audit  lightbulb.AuditService
	Mail   lightbulb.MailService
	Resets lightbulb.ResetService
	// Units is the organisation's one list of wards, teams and homes, and
	// who belongs to each.
	Units lightbulb.UnitService
	// Decisions records everyday decisions that may restrict rights.
	Decisions lightbulb.DecisionService
	// Reviews runs Traffic Light reviews, their actions and shared roll-ups.
	Reviews lightbulb.ReviewService
	// Voices keeps the views of people who use a service without an account.
	Voices lightbulb.VoiceService
	// Training runs the catalogue, sessions, bookings and bespoke requests.
	Training lightbulb.TrainingService
	// Learning stores feedback on training and its testimonials.
	Learning lightbulb.LearningService
	// Surveys runs organisations' anonymous staff surveys.
	Surveys lightbulb.SurveyService
	// Plans keeps people's reflection and embedding plans.
	Plans lightbulb.PlanService
	// Coverage reports how much of an organisation has been trained.
	Coverage lightbulb.CoverageService
	// Champions are each ward's dignity champions.
	Champions lightbulb.ChampionService
	// Cases keeps complaints, concerns and incidents reviewed through the rights lens.
	Cases lightbulb.CaseService
	// SuggestRights, when set, puts forward the rights some everyday words
	// may engage (the rights suggester's model): on a decision's rights
	// step, from what was written about the situation, and in the rights
	// library's search when no right's words match a query.
	SuggestRights func(text string) []lightbulb.CaseRight
	// Jobs lists the background queue for platform admins and retries a
	// failed job.
	Jobs lightbulb.JobService
	// WakeJobs, when set, tells this process's idle workers to look for
	// work now: a handler that has just enqueued something urgent (an offer
	// of a freed place) calls it. Handlers never run jobs themselves.
	WakeJobs func()
	// Invitations keeps pending memberships that people accept.
	Invitations lightbulb.InvitationService
	// MailAllowance caps the emails public forms send one address a day.
	MailAllowance lightbulb.MailAllowance
	// Privacy answers subject access, erasure and retention from the
	// personal-data register.
	Privacy lightbulb.PrivacyService
	// ActionPlan runs the public Human Rights Action Plan.
	ActionPlan lightbulb.ActionPlanService
	// Newsletter keeps the newsletter list and sends campaigns.
	Newsletter lightbulb.NewsletterService
	// Coprod keeps co-production with lived experience experts.
	Coprod lightbulb.CoprodService
	// Indicators keeps each organisation's monthly indicators.
	Indicators lightbulb.IndicatorService
	// Reports keeps each organisation's board reports.
	Reports lightbulb.BoardReportService
	// Commissioning keeps commissioners' principles, requirements, contracts
	// and providers' assurance.
	Commissioning lightbulb.CommissioningService
}

// Options configure a Server.
type Options struct {
	BaseURL string // public address, e.g. https://lightbulb.example.org
	// Contact is the email address people write to about the service.
	Contact  string
	Sessions scs.CtxStore // where sessions live; shared by every process
	Ready    func(context.Context) error
	Logger   *slog.Logger
	Password password.Params
	// Hashes bounds how many password hashes run at once (default
	// password.Slots(Password) slots, each waited for up to 10 seconds before
	// the person is asked to try again).
	Hashes *password.Gate
	// SignInPerMinute limits password reset requests per email address
	// (default 5). Sign-in attempts slow down instead (signInThrottles).
	SignInPerMinute int
	// AddressPerMinute limits reset requests and public forms from one network
	// address (default 120: a ward shares one address at shift change).
	AddressPerMinute int
	Registry         *prometheus.Registry
	// ClientIPHeader names the header a trusted reverse proxy sets to the
	// client's address (X-Forwarded-For, X-Real-IP...). Empty (the default)
	// uses the peer's address and trusts no header.
	ClientIPHeader string
	// TrustedProxies, when set, are the only peers whose ClientIPHeader is read.
	TrustedProxies []netip.Prefix
	// Static replaces the embedded assets served under /static/ (for tests).
	Static fs.FS
	// MetricsToken, when set, serves /metrics on the application's own
	// listener to requests that carry it as a bearer token. With none,
	// /metrics is not served there (see Server.MetricsHandler).
	MetricsToken string
	// SessionTouch is how often at most a page view that changes nothing
	// writes the session, to keep it alive (default 5 minutes).
	SessionTouch time.Duration
	// KeepSubscriberIP records the network address a newsletter
	// subscription came from, with its consent; off by default.
	KeepSubscriberIP bool
	// BounceToken, when set, lets a mail provider report bounces and
	// complaints to POST /newsletter/bounces with it as a bearer token.
	BounceToken string
}

// Server is Lightbulb's HTTP application.
type Server struct {
	Services
	opt      Options
	sessions *scs.SessionManager
	tmpl     *templates
	log      *slog.Logger
	limits   *limiter // reset requests per email
	signIns  signInThrottles
	perAddr  *limiter // every attempt per network address
	perEmail *limiter // public forms per email address
	public   *publicLimits
	metrics  *metrics
	assets   *assets // the built assets served under /static/
	secure   bool
	// dummyHash is checked when an email is unknown, at the same cost as
	// real hashes, so that a wrong email takes as long as a wrong password.
	dummyHash string
	hashes    *password.Gate // bounds the hashes (and their memory) at once
}

// New builds a Server; its Handler serves every route.
func New(s Services, opt Options) (*Server, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.SignInPerMinute <= 0 {
		opt.SignInPerMinute = 5
	}
	if opt.AddressPerMinute <= 0 {
		opt.AddressPerMinute = 120
	}
	if opt.Password == (password.Params{}) {
		opt.Password = password.Default
	}
	if opt.Registry == nil {
		opt.Registry = prometheus.NewRegistry()
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	sm := scs.New()
	// The idle lifetime is kept by idleStore and touchSession, so that a
	// page view that changes nothing writes nothing (see session_touch.go).
	sm.Store = idleStore{CtxStore: opt.Sessions, idle: sessionIdle}
	sm.Codec = sessionCodec{}
	sm.Lifetime = sessionLifetime
	sm.Cookie.Name = "lightbulb_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	secure := strings.HasPrefix(opt.BaseURL, "https://")
	sm.Cookie.Secure = secure
	if opt.SessionTouch <= 0 {
		opt.SessionTouch = sessionTouch
	}
	if opt.Hashes == nil {
		opt.Hashes = password.NewGate(password.Slots(opt.Password), 10*time.Second)
	}
	dummy, err := password.Dummy(opt.Password)
	if err != nil {
		return nil, err
	}
	sub, _ := fs.Sub(staticFS, "static")
	if opt.Static != nil {
		sub = opt.Static
	}
	built, err := loadAssets(sub)
	if err != nil {
		return nil, err
	}
	srv := &Server{Services: s, opt: opt, sessions: sm, tmpl: t, log: opt.Logger,
		limits: newLimiter(opt.SignInPerMinute), signIns: newSignInThrottles(), perAddr: newLimiter(opt.AddressPerMinute), public: newPublicLimits(), perEmail: newLimiter(formsPerEmailPerMinute), metrics: newMetrics(opt.Registry),
		assets: built, secure: secure, dummyHash: dummy, hashes: opt.Hashes}
	// A session that cannot load or save is a server error, or a client that
	// went away; never scs's own log line and bare 500.
	sm.ErrorFunc = srv.serverError
	return srv, nil
}
