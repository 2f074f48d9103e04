package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// providerContractsView is a provider's commissioning home: its contracts,
// the roundtables it took part in and the actions it owns.
type providerContractsView struct {
	Contracts   []*lightbulb.Contract
	Roundtables []*lightbulb.Roundtable
	Actions     []*lightbulb.CommAction
	Today       lightbulb.Date
}

func (s *Server) providerContracts(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cs, err := s.Commissioning.ProviderContracts(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rts, err := s.Commissioning.ProviderRoundtables(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	as, err := s.Commissioning.Actions(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := providerContractsView{Contracts: cs, Roundtables: rts, Actions: as, Today: lightbulb.DateOf(lightbulb.Now())}
	s.render(w, r, http.StatusOK, "comm_provider_contracts", s.newPage(r, "Your contracts", v))
}

// providerContractView is a contract as its provider sees it: the return
// to complete, the reviews it may attach and the reports on it.
type providerContractView struct {
	*lightbulb.Contract
	Reviews     []choice
	Shared      bool // at least one review is shared with the commissioner
	Now         lightbulb.Date
	Open        map[int64]bool // reports still open to comment on
	OpenPeriods []choice       // scheduled returns open to send now
}

func (s *Server) providerPage(w http.ResponseWriter, r *http.Request, err error) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	c, cerr := s.Commissioning.ProviderContract(ctx, id)
	if cerr != nil {
		s.appError(w, r, cerr)
		return
	}
	revs, rerr := s.Commissioning.EvidenceReviews(ctx, id)
	if rerr != nil {
		s.serverError(w, r, rerr)
		return
	}
	lang := i18n.FromRequest(r)
	now := lightbulb.Now()
	v := providerContractView{Contract: c, Now: lightbulb.DateOf(now), Open: map[int64]bool{}, OpenPeriods: openPeriods(lang, c)}
	v.Reviews = append(v.Reviews, choice{Value: "", Label: i18n.T(lang, "No review")})
	for _, e := range revs {
		label := figureText(lang, e.Figure) + ", " + i18n.T(lang, "submitted %s", lightbulb.ShortDate(e.SubmittedAt, lang))
		if !e.Shared {
			label += " " + i18n.T(lang, "(not shared with the commissioner)")
		}
		v.Shared = v.Shared || e.Shared
		v.Reviews = append(v.Reviews, choice{Value: strconv.FormatInt(e.ID, 10), Label: label})
	}
	for _, a := range c.Assessments {
		v.Open[a.ID] = a.Open(now)
	}
	p := s.newPage(r, c.Title, v)
	p.Title = c.Title
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "comm_provider_contract", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "commissioning.provider.view", fmt.Sprintf("contract %d", c.ID), "")
	s.render(w, r, http.StatusOK, "comm_provider_contract", p)
}

func (s *Server) providerContract(w http.ResponseWriter, r *http.Request) { s.providerPage(w, r, nil) }

func (s *Server) providerReturn(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	c, err := s.Commissioning.ProviderContract(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	f := formOf(r)
	ret := &lightbulb.Return{Period: f.Text("period"), PeriodID: f.ID("period_id")}
	for _, cr := range c.Requirements {
		n := strconv.FormatInt(cr.ID, 10)
		if f.Values.Get("rating-"+n) == "" {
			f.Add("rating-"+n, "Rate requirement %s red, amber or green", cr.Requirement.Code)
		}
		counted := f.Checks("counted-"+n, "Figures from your own records", 0, "restrictions", "training", "cases")
		if f.Text("evidence-"+n) == "" && f.ID("review-"+n) == 0 && len(counted) == 0 {
			f.Add("evidence-"+n, "Give evidence for requirement %s, in words, from a review or from your records", cr.Requirement.Code)
		}
		ret.Answers = append(ret.Answers, &lightbulb.Answer{ContractRequirementID: cr.ID,
			Rating:   lightbulb.Rating(f.Choice("rating-"+n, "Rating", "green", "amber", "red")),
			Evidence: f.Text("evidence-" + n), ReviewID: f.ID("review-" + n),
			AttachRestrictions: slices.Contains(counted, "restrictions"), AttachTraining: slices.Contains(counted, "training"),
			AttachCases: slices.Contains(counted, "cases")})
	}
	err = f.Err()
	if err == nil {
		err = s.Commissioning.SubmitReturn(r.Context(), id, ret)
	}
	if err != nil {
		s.providerPage(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.return.submit", fmt.Sprintf("contract %d", id), ret.Period)
	s.flash(r, "Your return is sent to %s.", c.CommissionerName)
	http.Redirect(w, r, fmt.Sprintf("/contracts/%d", id), http.StatusSeeOther)
}

func (s *Server) providerComment(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	report, err := strconv.ParseInt(r.PathValue("report"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	f := formOf(r)
	if err := s.Commissioning.CommentOnDraft(r.Context(), id, report, f.Text("comment")); err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		s.providerPage(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.report.comment", fmt.Sprintf("contract %d", id), fmt.Sprintf("report %d", report))
	s.flash(r, "Your comment is sent with the draft report.")
	http.Redirect(w, r, fmt.Sprintf("/contracts/%d", id), http.StatusSeeOther)
}

// commReportCSV downloads a contract's requirements with the provider's
// latest answers and each report's ratings, headed in the reader's language.
func (s *Server) commReportCSV(w http.ResponseWriter, r *http.Request) {
	c, ok := s.commContractOf(w, r)
	if !ok {
		return
	}
	id := c.ID
	lang := i18n.FromRequest(r)
	head := []string{}
	for _, h := range []string{"Requirement", "Version", "What the provider must do", "Return due", "Provider's rating", "Provider's evidence",
		"Review attached", "Commissioner's rating", "Commissioner's note", "Report state", "Figures from the provider's records"} {
		head = append(head, i18n.T(lang, h))
	}
	rows := [][]string{head}
	var latest *lightbulb.Assessment
	if len(c.Assessments) > 0 {
		latest = c.Assessments[0]
	}
	for _, cr := range c.Requirements {
		row := []string{cr.Requirement.Code, strconv.Itoa(cr.Requirement.Version), csvSafe(cr.Requirement.Text), cr.DueOn.String(), "", "", "", "", "", "", ""}
		if a := cr.Latest; a != nil {
			row[4], row[5], row[6] = label(lang, "review", a.Rating), csvSafe(a.Evidence), csvSafe(figureText(lang, a.Figure))
			if c.Sharing { // totals from the provider's records only while it shares
				row[10] = countedText(lang, a.Counted)
			}
		}
		if latest != nil {
			for _, l := range latest.Lines {
				if l.ContractRequirementID == cr.ID {
					row[7], row[8] = label(lang, "review", l.Rating), csvSafe(l.Note)
				}
			}
			row[9] = label(lang, "comm_report", latest.State)
		}
		rows = append(rows, row)
	}
	_ = s.Audit.Record(r.Context(), "commissioning.report.export", fmt.Sprintf("contract %d", id), "")
	sendCSV(w, fmt.Sprintf("contract-%d.csv", id), rows)
}

// figureText shows a review attached as evidence in lang: "Willow Ward: 18
// green, 4 amber, 2 red".
func figureText(lang string, f lightbulb.Figure) string {
	if f.Subject == "" {
		return ""
	}
	return i18n.T(lang, "%s: %d green, %d amber, %d red", f.Subject, f.Green, f.Amber, f.Red)
}

// countedText shows figures a provider counted from its own records in lang.
func countedText(lang string, c lightbulb.Counted) string {
	var parts []string
	if c.HasRestrictions {
		parts = append(parts, i18n.T(lang, "Restrictions register: %d blanket restrictions in force, %d reviews overdue (counted %s)",
			c.BlanketInForce, c.Overdue, lightbulb.ShortDate(c.At, lang)))
	}
	if c.HasTraining {
		parts = append(parts, i18n.T(lang, "Training: %d of %d people attended human rights training (counted %s)", c.Trained, c.People,
			lightbulb.ShortDate(c.At, lang)))
	}
	if c.HasCases {
		parts = append(parts, i18n.T(lang, "Casework: %d of %d cases received in the 12 months before were reviewed through the rights lens (counted %s)",
			c.CasesReviewed, c.Cases, lightbulb.ShortDate(c.At, lang)))
	}
	return strings.Join(parts, "; ")
}
