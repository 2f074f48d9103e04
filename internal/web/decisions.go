package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// decisionRoutes registers the everyday decisions area: the register, the
// step-by-step record, reviews, indicators and the list of services.
func (s *Server) decisionRoutes(h func(string, http.HandlerFunc)) {
	h("GET /decisions", s.requireStaff(s.decisionRegister))
	h("GET /decisions/new", s.requireStaff(s.decisionNew))
	h("POST /decisions", s.requireStaff(s.decisionCreate))
	h("GET /decisions/indicators", s.requireLeadOrAdmin(s.decisionIndicators))
	h("GET /decisions/{id}", s.requireStaff(s.decisionRecord))
	h("GET /decisions/{id}/record.pdf", s.requireStaff(s.decisionPDF))
	h("GET /decisions/{id}/edit/{step}", s.requireStaff(s.decisionStep))
	h("POST /decisions/{id}/edit/{step}", s.requireStaff(s.decisionStepSave))
	h("POST /decisions/{id}/decide", s.requireStaff(s.decisionDecide))
	h("GET /decisions/{id}/discard", s.requireStaff(s.decisionDiscardForm))
	h("POST /decisions/{id}/discard", s.requireStaff(s.decisionDiscard))
	h("GET /decisions/{id}/review", s.requireStaff(s.decisionReviewForm))
	h("POST /decisions/{id}/review", s.requireStaff(s.decisionReview))
}

// requireStaff allows the people who record decisions: staff and leads.
func (s *Server) requireStaff(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if a := lightbulb.ActorFrom(r.Context()); !a.Has(lightbulb.RoleStaff) && !a.Has(lightbulb.RoleLead) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// requireLeadOrAdmin allows leads and admins of the current organisation.
func (s *Server) requireLeadOrAdmin(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if a := lightbulb.ActorFrom(r.Context()); !a.Has(lightbulb.RoleLead) && !a.Has(lightbulb.RoleAdmin) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

func today() string { return lightbulb.Today(lightbulb.Now()) }

// GapText translates a gap in a decision's reasoning.
func (p *Page) GapText(g lightbulb.Gap) string {
	if g.Arg != "" {
		return p.T(g.Message, g.Arg)
	}
	return p.T(g.Message)
}

func (s *Server) decisionRegister(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	f := lightbulb.DecisionFilter{Right: q.Get("right"), Status: lightbulb.Status(q.Get("status")),
		Blanket: q.Get("blanket") == "1", Review: q.Get("review"), Today: today(), PersonRef: q.Get("person")}
	f.ServiceID, _ = strconv.ParseInt(q.Get("service"), 10, 64)
	if !slices.Contains(lightbulb.Statuses, f.Status) {
		f.Status = ""
	}
	if f.Review != "due" && f.Review != "overdue" {
		f.Review = ""
	}
	ds, err := s.Decisions.FindDecisions(ctx, f)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	services, err := s.Units.FindUnits(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	rights, err := s.Rights.FindRights(ctx, langOf(r))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if f.PersonRef != "" {
		_ = s.Audit.Record(ctx, "decision.search", "decisions", f.PersonRef)
	}
	data := map[string]any{"Today": f.Today}
	p := s.newPage(r, "Decisions register", data)
	p.Form = q
	rows := decisionRows(p, ds, f.Today)
	data["Decisions"], data["Rows"] = rows, decisionRowsHTML(rows)
	decisionFilterOptions(p, data, services, rights)
	s.render(w, r, http.StatusOK, "decisions_register", p)
}

// decision loads the decision named in the path, in the current organisation.
func (s *Server) decision(w http.ResponseWriter, r *http.Request) (*lightbulb.Decision, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	d, err := s.Decisions.FindDecision(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return d, true
}

// recordData is what the record page shows about a decision.
func (s *Server) recordData(r *http.Request, d *lightbulb.Decision) (*recordView, error) {
	ctx := r.Context()
	cats, err := s.Decisions.Categories(ctx)
	if err != nil {
		return nil, err
	}
	vs, err := s.Decisions.Versions(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	titles, err := s.rightTitles(r)
	if err != nil {
		return nil, err
	}
	return &recordView{D: d, Gaps: d.Reasoning.Missing(cats, today()), Versions: vs, Titles: titles,
		Cats: cats, Today: today(), Steps: lightbulb.Steps}, nil
}

// recordView is what a decision's record shows: the decision, what is
// missing from its reasoning, its kept versions and the rights' titles.
type recordView struct {
	D        *lightbulb.Decision
	Gaps     []lightbulb.Gap
	Versions []*lightbulb.Version
	Titles   map[string]string // right code to title, in the page's language
	Cats     map[string]lightbulb.Category
	Today    string
	Steps    []string
}

func (s *Server) rightTitles(r *http.Request) (map[string]string, error) {
	rights, err := s.Rights.FindRights(r.Context(), langOf(r))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, x := range rights {
		out[x.Code] = x.Text.Title
	}
	return out, nil
}

func (s *Server) decisionRecord(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	data, err := s.recordData(r, d)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.view", decisionTarget(d), "")
	p := s.newPage(r, "", data)
	p.Title = p.T("Decision %d", d.ID)
	s.render(w, r, http.StatusOK, "decision_record", p)
}

func decisionTarget(d *lightbulb.Decision) string { return fmt.Sprintf("decision %d", d.ID) }

// decisionDecide puts a complete draft in force; a draft with gaps comes back
// to its record with the list of what is missing.
func (s *Server) decisionDecide(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	got, err := s.Decisions.MarkDecided(r.Context(), d.ID)
	if lightbulb.ErrorCode(err) == lightbulb.ECONFLICT {
		s.recordError(w, r, d, err)
		return
	} else if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.decide", decisionTarget(got), fmt.Sprintf("version %d", got.Version))
	s.flash(r, "Decision %d is now in force.", got.ID)
	http.Redirect(w, r, fmt.Sprintf("/decisions/%d", got.ID), http.StatusSeeOther)
}

// langOf is the language of the request, for the rights library's text.
func langOf(r *http.Request) string { return i18n.FromRequest(r) }
