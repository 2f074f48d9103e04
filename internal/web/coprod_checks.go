package web

import (
	"fmt"
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Experts' checks with an expiry (DBS, training): a co-production lead
// records them; the expert sees their own on their page.

// checksView is the checks page: every expert with their latest check of
// each kind, and its state today.
type checksView struct {
	Experts []*lightbulb.ExpertChecks
	Kinds   []string
	Today   string
	Renewal int
}

// State is a check's state today; nil for none recorded.
func (v *checksView) State(c *lightbulb.ExpertCheck) string { return c.StateOn(v.Today, v.Renewal) }

func (s *Server) coprodChecks(w http.ResponseWriter, r *http.Request) {
	s.renderChecks(w, r, nil)
}

func (s *Server) renderChecks(w http.ResponseWriter, r *http.Request, formErr error) {
	experts, err := s.Coprod.Checks(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	st, err := s.Coprod.Settings(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Experts' checks", &checksView{Experts: experts, Kinds: lightbulb.CheckKinds,
		Today: lightbulb.Today(lightbulb.Now()), Renewal: st.RenewalDays})
	if formErr != nil {
		p.Form = r.PostForm
		s.formError(w, r, "coprod_checks", p, formErr)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.checks.view", "experts' checks", "")
	s.render(w, r, http.StatusOK, "coprod_checks", p)
}

func (s *Server) coprodCheckAdd(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	c := &lightbulb.ExpertCheck{ExpertID: f.ID("expert"), Kind: f.Choice("kind", "Kind of check", lightbulb.CheckKinds...),
		CheckedOn: f.Date("checked_on", "Done on").String(), ExpiresOn: f.Date("expires_on", "Ends on").String()}
	err := f.Err(c.Validate())
	if err == nil {
		err = s.Coprod.RecordCheck(r.Context(), c)
	}
	if err != nil {
		s.renderChecks(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.check.record", fmt.Sprintf("expert %d", c.ExpertID), c.Kind+" ends "+c.ExpiresOn)
	s.flash(r, "The check is recorded. We will remind them and you before it ends.")
	http.Redirect(w, r, "/coproduction/checks", http.StatusSeeOther)
}

// checkHints says, for each expert, the state today of each check they
// hold and when it ends, for the list of experts to invite.
func checkHints(p *Page, checks []*lightbulb.ExpertChecks, renewal int) map[int64]string {
	today := lightbulb.Today(lightbulb.Now())
	out := map[int64]string{}
	for _, x := range checks {
		var parts []string
		for _, kind := range lightbulb.CheckKinds {
			c := x.Latest[kind]
			if c == nil {
				continue
			}
			parts = append(parts, p.T("%s: %s (ends %s)", p.Label("coprod_check", kind), p.Label("coprod_check_state", c.StateOn(today, renewal)),
				p.Dates.Full(c.ExpiresOn)))
		}
		out[x.Expert.UserID] = strings.Join(parts, "; ")
	}
	return out
}
