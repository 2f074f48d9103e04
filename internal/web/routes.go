package web

import (
	"net/http"
	"sort"
	"strings"
)

// Handler returns the whole application with its middleware.
func (s *Server) Handler() http.Handler {
	return s.wrap(s.routes())
}

// Routes lists every registered route pattern, like "GET /rights/{code}",
// and a function that names the pattern a request would reach ("unmatched"
// when none). The isolation tests use them to fail for a route nobody
// probes.
func (s *Server) Routes() ([]string, func(*http.Request) string) {
	rt := s.routes()
	out := make([]string, 0, len(rt.patterns))
	for p := range rt.patterns {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, rt.route
}

// routes registers every route of the application.
func (s *Server) routes() *routeTable {
	rt := newRouteTable()
	h := func(pattern string, fn http.HandlerFunc) { rt.handle(pattern, fn) }

	// Operations.
	h("GET /healthz", s.healthz)
	h("GET /readyz", s.readyz)
	if s.opt.MetricsToken != "" {
		rt.handle("GET /metrics", s.MetricsHandler())
	}
	h("GET /static/", s.serveStatic)

	// Public pages.
	h("GET /{$}", s.home)
	h("GET /language/{lang}", s.setLanguage)
	h("GET /accessibility", s.accessibility)
	h("GET /privacy", s.staticPage("privacy", "Privacy notice"))
	h("GET /cookies", s.staticPage("cookies", "Cookies"))
	h("GET /rights", s.rightsIndex)
	h("GET /rights/card", s.rightsCard)
	h("GET /rights/card.pdf", s.rightsCardPDF)
	h("GET /rights/folding-card.pdf", s.rightsFoldingPDF)
	h("GET /rights/{code}", s.rightPage)
	h("GET /rights/{code}/easy-read", s.rightEasyRead)
	h("GET /easy-read/pictures/{id}", s.rightPicture)
	h("GET /rights/{code}/in/{lang}", s.rightInLanguage)

	// Accounts.
	h("GET /sign-in", s.signInForm)
	h("POST /sign-in", s.signIn)
	h("POST /sign-out", s.signOut)
	h("GET /password/forgot", s.forgotForm)
	h("POST /password/forgot", s.forgot)
	h("GET /password/reset/{token}", s.resetForm)
	h("POST /password/reset/{token}", s.reset)
	h("GET /invitations/{token}", s.invitationPage)
	h("POST /invitations/{token}", s.invitationAccept)
	h("GET /dashboard", s.requireUser(s.dashboard))
	h("POST /organisation", s.requireUser(s.switchOrg))
	h("GET /account", s.requireUser(s.accountPage))
	h("POST /account/language", s.requireUser(s.accountLanguage))

	// Administration of the current organisation.
	h("GET /admin", s.requireAdmin(s.adminHome))
	h("GET /admin/people", s.requireAdmin(s.adminPeople))
	h("GET /admin/people/new", s.requireAdmin(s.adminPersonNew))
	h("POST /admin/people", s.requireAdmin(s.adminPersonCreate))
	h("GET /admin/people/{id}", s.requireAdmin(s.adminPerson))
	h("POST /admin/people/{id}", s.requireAdmin(s.adminPersonRoles))
	h("GET /admin/audit", s.requireLeadOrAdmin(s.adminAudit))

	// Platform administration.
	h("GET /admin/organisations", s.requirePlatform(s.adminOrgs))
	h("GET /admin/organisations/new", s.requirePlatform(s.adminOrgNew))
	h("POST /admin/organisations", s.requirePlatform(s.adminOrgCreate))
	h("GET /admin/organisations/{id}", s.requirePlatform(s.adminOrgEdit))
	h("POST /admin/organisations/{id}", s.requirePlatform(s.adminOrgUpdate))
	h("GET /admin/rights", s.requirePlatform(s.adminRights))
	h("GET /admin/rights/{code}", s.requirePlatform(s.adminRightEdit))
	h("POST /admin/rights/{code}", s.requirePlatform(s.adminRightUpdate))
	h("GET /admin/rights/{code}/history", s.requirePlatform(s.adminRightHistory))
	h("GET /admin/rights/{code}/versions/{version}", s.requirePlatform(s.adminRightVersion))
	h("POST /admin/rights/{code}/versions/{version}/restore", s.requirePlatform(s.adminRightRestore))
	h("GET /admin/languages", s.requirePlatform(s.adminLanguages))
	h("POST /admin/languages", s.requirePlatform(s.adminLanguageAdd))
	h("GET /admin/languages/{lang}", s.requirePlatform(s.adminLanguage))
	h("GET /admin/outbox", s.requirePlatform(s.adminOutbox))
	h("GET /admin/jobs", s.requirePlatform(s.adminJobs))
	h("POST /admin/jobs/{id}/retry", s.requirePlatform(s.adminJobRetry))
	h("GET /admin/users", s.requirePlatform(s.adminUsers))
	h("GET /admin/users/{id}", s.requirePlatform(s.adminUser))
	h("GET /admin/users/{id}/export", s.requirePlatform(s.adminUserExport))
	h("GET /admin/users/{id}/erase", s.requirePlatform(s.adminUserEraseForm))
	h("POST /admin/users/{id}/erase", s.requirePlatform(s.adminUserErase))

	// Each area of the product registers its routes from its own file, one
	// line here each.
	s.unitRoutes(h)
	s.decisionRoutes(h)
	s.reviewRoutes(h)
	s.trainingRoutes(h)
	s.learningRoutes(h)
	s.caseRoutes(h)
	s.privacyRoutes(h)
	s.actionPlanRoutes(h)
	s.newsletterRoutes(h)
	s.coprodRoutes(h)
	s.indicatorRoutes(h)
	s.reportRoutes(h)
	s.commissioningRoutes(h)

	h("/", s.notFound)
	return rt
}

// wrap puts the middleware around the routes.
func (s *Server) wrap(rt *routeTable) http.Handler {
	withSession := s.sessions.LoadAndSave(s.withActor(rt.mux))
	// Assets need no session: reading one would cost a query, and scs
	// would add Vary: Cookie, which stops shared caches keeping them.
	handler := http.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			rt.mux.ServeHTTP(w, r)
			return
		}
		withSession.ServeHTTP(w, r)
	}))
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusForbidden)
	}))
	// Mail programs unsubscribe with a one-click POST (RFC 8058) and mail
	// providers report bounces; neither is a browser, and each trusts only a
	// signed token or a bearer token, never a session.
	for _, p := range []string{"POST /newsletter/unsubscribe/{token}", "POST /action-plan/stop/{token}", "POST /newsletter/bounces"} {
		cop.AddInsecureBypassPattern(p)
	}
	handler = cop.Handler(handler)
	handler = s.securityHeaders(handler)
	handler = s.limitBody(handler)
	handler = s.withClientIP(handler)
	handler = s.observe(rt, handler)
	return handler
}
