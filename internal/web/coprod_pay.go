package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// claimChange runs a change to the claim the path names and returns to the
// lead's home, showing any refusal there as a message.
func (s *Server) claimChange(w http.ResponseWriter, r *http.Request, action string, change func(id int64) error) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	if err := change(id); err != nil {
		if lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			s.appError(w, r, err)
			return
		}
		s.flash(r, lightbulb.ErrorMessage(err))
		http.Redirect(w, r, "/coproduction#claims", http.StatusSeeOther)
		return
	}
	_ = s.Audit.Record(r.Context(), action, fmt.Sprintf("claim %d", id), "")
	s.flash(r, "The claim is updated.")
	http.Redirect(w, r, "/coproduction#claims", http.StatusSeeOther)
}

func (s *Server) coprodApprove(w http.ResponseWriter, r *http.Request) {
	s.claimChange(w, r, "coproduction.claim.approve", func(id int64) error { return s.Coprod.ApproveClaim(r.Context(), id, learnUser(r)) })
}

func (s *Server) coprodPaid(w http.ResponseWriter, r *http.Request) {
	s.claimChange(w, r, "coproduction.claim.paid", func(id int64) error {
		f := formOf(r)
		day := f.Date("paid_on", "Paid on")
		if err := f.Err(); err != nil {
			return err
		}
		return s.Coprod.MarkPaid(r.Context(), id, day)
	})
}

// coprodClaimsCSV gives finance the claims made in a period, in the page's
// language, with nothing a spreadsheet would run as a formula.
func (s *Server) coprodClaimsCSV(w http.ResponseWriter, r *http.Request) {
	from, err1 := lightbulb.ParseDate(r.URL.Query().Get("from"))
	to, err2 := lightbulb.ParseDate(r.URL.Query().Get("to"))
	if err1 != nil || err2 != nil || !from.Before(to) {
		s.errorPage(w, r, http.StatusBadRequest)
		return
	}
	claims, err := s.Coprod.Claims(r.Context(), from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "", nil)
	rows := [][]string{{p.T("Claim"), p.T("Made on"), p.T("Expert"), p.T("Involvement"), p.T("Minutes"), p.T("Pay rate"), p.T("Rate for"),
		p.T("Fee"), p.T("Expenses"), p.T("What the expenses were for"), p.T("Total"), p.T("How paid"), p.T("Paid to"),
		p.T("State"), p.T("Approved by"), p.T("Paid on")}}
	for _, c := range claims {
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), p.Dates.Short(c.CreatedAt), csvSafe(c.ExpertName), csvSafe(c.Title),
			strconv.Itoa(c.Minutes), lightbulb.Pounds(c.RatePence), p.Label("coprod_unit", c.RateUnit), lightbulb.Pounds(c.FeePence), lightbulb.Pounds(c.ExpensesPence),
			csvSafe(c.ExpensesNote), lightbulb.Pounds(c.TotalPence()), p.Label("coprod_pay", c.PayPref), csvSafe(c.PayTo),
			p.Label("coprod_claim", c.State), csvSafe(c.ApproverName), c.PaidOn})
	}
	_ = s.Audit.Record(r.Context(), "coproduction.claims.export", "claims", from.String()+" to "+to.String())
	sendCSV(w, "expert-claims-"+from.String()+".csv", rows)
}

func (s *Server) coprodFollowUpFromPath(w http.ResponseWriter, r *http.Request) (*lightbulb.FollowUp, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	f, err := s.Coprod.FollowUp(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return f, true
}

func (s *Server) coprodFollowUp(w http.ResponseWriter, r *http.Request) {
	f, ok := s.coprodFollowUpFromPath(w, r)
	if !ok {
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.followup.view", fmt.Sprintf("follow-up %d", f.ID), "")
	s.render(w, r, http.StatusOK, "coprod_followup", s.newPage(r, "Wellbeing check-in", f))
}

func (s *Server) coprodFollowUpDone(w http.ResponseWriter, r *http.Request) {
	fu, ok := s.coprodFollowUpFromPath(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	fu.Method = f.Choice("method", "How you checked in", lightbulb.FollowUpMethods...)
	fu.Outcome = f.Choice("outcome", "How they were", lightbulb.FollowUpOutcomes...)
	fu.Note = f.Text("note")
	err := f.Err()
	if err == nil {
		err = s.Coprod.CompleteFollowUp(r.Context(), fu)
	}
	if err != nil {
		page := s.newPage(r, "Wellbeing check-in", fu)
		page.Form = r.PostForm
		s.formError(w, r, "coprod_followup", page, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.followup.done", fmt.Sprintf("follow-up %d", fu.ID), fu.Outcome)
	s.flash(r, "The check-in is recorded. %s can read your note on their page.", fu.ExpertName)
	http.Redirect(w, r, "/coproduction", http.StatusSeeOther)
}
