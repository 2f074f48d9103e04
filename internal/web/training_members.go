package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"unicode"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// Cohort members are managed by the charity's trainers and by the client
// organisation's leads and administrators, on the same pages.

// membersView is what a cohort's members page shows.
type membersView struct {
	Cohort  *lightbulb.Cohort
	Members []*lightbulb.CohortMember
	Trainer bool
	Base    string // the page's own address
}

// isClientLead reports whether the signed-in person leads training at their
// (client) organisation.
func isClientLead(ctx context.Context) bool {
	a := lightbulb.ActorFrom(ctx)
	return a != nil && viewerOrg(ctx) != 0 && (a.Has(lightbulb.RoleLead) || a.Has(lightbulb.RoleAdmin))
}

// memberCohort finds the cohort in the path for a trainer or one of its
// client's leads; anyone else is told there is no such page.
func (s *Server) memberCohort(w http.ResponseWriter, r *http.Request) (context.Context, *lightbulb.Cohort, bool) {
	ctx, id, ok := s.providerPath(w, r)
	if !ok {
		return nil, nil, false
	}
	c, err := s.Training.FindCohort(ctx, id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	if !isTrainer(r.Context()) && !(isClientLead(r.Context()) && viewerOrg(r.Context()) == c.ClientOrgID) {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	return ctx, c, true
}

func (s *Server) membersPage(w http.ResponseWriter, r *http.Request) (context.Context, *Page, bool) {
	ctx, c, ok := s.memberCohort(w, r)
	if !ok {
		return nil, nil, false
	}
	ms, err := s.Training.FindMembers(ctx, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	v := &membersView{Cohort: c, Members: ms, Trainer: isTrainer(r.Context()), Base: fmt.Sprintf("/training/cohorts/%d/members", c.ID)}
	return ctx, s.newPage(r, "Members", v), true
}

func (s *Server) cohortMembers(w http.ResponseWriter, r *http.Request) {
	ctx, p, ok := s.membersPage(w, r)
	if !ok {
		return
	}
	_ = s.Audit.Record(ctx, "training.members.view", "cohort "+r.PathValue("id"), "")
	s.render(w, r, http.StatusOK, "training_members", p)
}

// cohortMemberAdd adds one named person.
func (s *Server) cohortMemberAdd(w http.ResponseWriter, r *http.Request) {
	ctx, p, ok := s.membersPage(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	v := p.Data.(*membersView)
	m := lightbulb.CohortMember{Name: r.PostFormValue("name"), Email: r.PostFormValue("email")}
	err := m.Validate()
	if err == nil {
		_, err = s.Training.AddMembers(ctx, v.Cohort.ID, []lightbulb.CohortMember{m}, lightbulb.ActorFrom(r.Context()).UserID)
	}
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "training_members", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "training.members.add", fmt.Sprintf("cohort %d", v.Cohort.ID), m.Email)
	s.flash(r, "%s is now a member.", m.Email)
	http.Redirect(w, r, v.Base, http.StatusSeeOther)
}

// cohortMemberImport adds everyone in an uploaded CSV file of email
// addresses, or nobody when any row has a problem.
func (s *Server) cohortMemberImport(w http.ResponseWriter, r *http.Request) {
	ctx, p, ok := s.membersPage(w, r)
	if !ok {
		return
	}
	v := p.Data.(*membersView)
	people, err := s.readMembersFile(r, p.Lang)
	if err == nil {
		var n int
		if n, err = s.Training.AddMembers(ctx, v.Cohort.ID, people, lightbulb.ActorFrom(r.Context()).UserID); err == nil {
			_ = s.Audit.Record(ctx, "training.members.import", fmt.Sprintf("cohort %d", v.Cohort.ID), fmt.Sprintf("%d rows, %d added", len(people), n))
			s.flash(r, "%d people added from the file; %d were already members.", n, len(people)-n)
			http.Redirect(w, r, v.Base, http.StatusSeeOther)
			return
		}
	}
	s.formError(w, r, "training_members", p, err)
}

// readMembersFile reads the uploaded file and names each row's problem in
// the page's language.
func (s *Server) readMembersFile(r *http.Request, lang string) ([]lightbulb.CohortMember, error) {
	f, _, err := r.FormFile("file")
	if err != nil {
		return nil, lightbulb.FieldError("file", "Select a CSV file of email addresses")
	}
	defer f.Close()
	people, probs, err := lightbulb.ParseMembersCSV(io.LimitReader(f, maxBody))
	if err != nil {
		return nil, lightbulb.FieldError("file", "The file is not a CSV file. Save it from your spreadsheet as CSV UTF-8 and try again")
	}
	if len(probs) == 0 {
		return people, nil
	}
	out := &lightbulb.ValidationErrors{}
	for i, pr := range probs {
		if i == 10 {
			out.Add("file", i18n.T(lang, "And %d more rows with problems", len(probs)-10))
			break
		}
		msg := i18n.T(lang, pr.Message)
		if pr.Row > 0 {
			msg = i18n.T(lang, "Row %d: %s", pr.Row, lowerFirst(msg))
		}
		out.Add("file", msg)
	}
	return nil, out
}

// lowerFirst starts a message with a small letter, to follow a row number.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

func (s *Server) cohortMemberRemove(w http.ResponseWriter, r *http.Request) {
	ctx, c, ok := s.memberCohort(w, r)
	if !ok {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("member"), 10, 64)
	if err == nil {
		err = s.Training.RemoveMember(ctx, c.ID, id)
	}
	if err != nil {
		s.appError(w, r, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such member."))
		return
	}
	_ = s.Audit.Record(ctx, "training.members.remove", fmt.Sprintf("cohort %d", c.ID), fmt.Sprintf("member %d", id))
	s.flash(r, "The member has been removed. Any places they booked are kept.")
	http.Redirect(w, r, fmt.Sprintf("/training/cohorts/%d/members", c.ID), http.StatusSeeOther)
}

// clientCohorts lists a client organisation's cohorts for its leads.
func (s *Server) clientCohorts(w http.ResponseWriter, r *http.Request) {
	if isTrainer(r.Context()) {
		http.Redirect(w, r, "/training/manage", http.StatusSeeOther)
		return
	}
	if !isClientLead(r.Context()) {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	cs, err := s.Training.FindClientCohorts(ctx, viewerOrg(r.Context()))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "training_client_cohorts", s.newPage(r, "Your organisation's programmes", cs))
}
