package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

func (s *Server) trainingList(w http.ResponseWriter, r *http.Request) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	q := r.URL.Query()
	mode := q.Get("mode")
	if !lightbulb.ValidMode(mode) {
		mode = ""
	}
	all, err := s.Training.FindSessions(ctx, lightbulb.SessionFilter{Upcoming: true, ClientOrgID: viewerOrg(r.Context()), OpenOnly: true})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var months []string
	var open, ours []*lightbulb.Session
	for _, x := range all {
		m := x.StartsAt.In(lightbulb.London).Format("2006-01")
		if len(months) == 0 || months[len(months)-1] != m {
			months = append(months, m)
		}
		if (mode != "" && x.Mode != mode) || (q.Get("month") != "" && q.Get("month") != m) {
			continue
		}
		if x.Open() {
			open = append(open, x)
		} else {
			ours = append(ours, x)
		}
	}
	var mine []*lightbulb.Booking
	if a := lightbulb.ActorFrom(r.Context()); a != nil {
		if mine, err = s.Training.FindUserBookings(ctx, a.UserID); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	email := ""
	if a := lightbulb.ActorFrom(r.Context()); a != nil {
		email = a.Email
	}
	programmes, err := s.groupByProgramme(ctx, viewerOrg(r.Context()), email, ours, mine)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Training", nil)
	for _, g := range programmes {
		for _, part := range g.Parts {
			part.List = sessionListHTML(p, part.Sessions, true)
		}
	}
	p.Data = map[string]any{"Open": open, "OpenList": sessionListHTML(p, open, false), "ProgrammeList": programmesHTML(p, programmes),
		"MonthOptions": monthOptions(p, months, q.Get("month")), "Trainer": isTrainer(r.Context()), "Mine": mine,
		"ClientLead": isClientLead(r.Context())}
	p.Form.Set("mode", mode)
	p.Form.Set("month", q.Get("month"))
	s.render(w, r, http.StatusOK, "training_list", p)
}

// providerPath reads the id in the path and scopes the request to the
// training provider; on failure it has answered.
func (s *Server) providerPath(w http.ResponseWriter, r *http.Request) (context.Context, int64, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, 0, false
	}
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return nil, 0, false
	}
	return ctx, id, true
}

// visibleSession finds a session the person may see: open sessions for
// everyone, a cohort's sessions for its organisation's people and trainers.
func (s *Server) visibleSession(w http.ResponseWriter, r *http.Request) (context.Context, *lightbulb.Session, bool) {
	ctx, id, ok := s.providerPath(w, r)
	if !ok {
		return nil, nil, false
	}
	x, err := s.Training.FindSession(ctx, id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	if !x.Open() && !isTrainer(r.Context()) && viewerOrg(r.Context()) != x.ClientOrgID {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	return ctx, x, true
}

func (s *Server) sessionPage(r *http.Request, ctx context.Context, x *lightbulb.Session) *Page {
	var mine *lightbulb.Booking
	if a := lightbulb.ActorFrom(r.Context()); a != nil {
		mine, _ = s.Training.FindUserBooking(ctx, x.ID, a.UserID)
	}
	// The title bar cannot mark a language: it has the Welsh when there is some.
	title := lightbulb.Pick(i18n.FromRequest(r), x.CourseTitle, x.CourseTitleCy).S
	d := map[string]any{"Session": x, "Mine": mine, "Trainer": isTrainer(r.Context()), "Past": !x.StartsAt.After(lightbulb.Now())}
	// Lived experience facilitators are named only if they agree to be
	// credited by name; a page that cannot list them still shows the rest.
	if invs, err := s.Coprod.Linked(ctx, lightbulb.LinkSession, x.ID); err == nil {
		d["Experts"], d["Unnamed"] = creditedExperts(invs)
	} else {
		s.log.Error("linked facilitators", "session", x.ID, "error", err.Error())
	}
	return s.newPage(r, title, d)
}

func (s *Server) trainingSession(w http.ResponseWriter, r *http.Request) {
	ctx, x, ok := s.visibleSession(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "training_session", s.sessionPage(r, ctx, x))
}

func (s *Server) trainingBook(w http.ResponseWriter, r *http.Request) {
	ctx, x, ok := s.visibleSession(w, r)
	if !ok {
		return
	}
	// Each booking emails the address given: one network address may not
	// make the site send more than the limit allows.
	if !s.perAddr.allow("ip:" + clientIP(r)) {
		s.errorPage(w, r, http.StatusTooManyRequests)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	req := &lightbulb.BookingRequest{SessionID: x.ID, Name: r.PostFormValue("name"), Email: r.PostFormValue("email"), Wait: r.PostFormValue("wait") == "1",
		Lang: langOf(r), AccessNeeds: r.PostFormValue("access_needs"), Organisation: r.PostFormValue("organisation")}
	if a := lightbulb.ActorFrom(r.Context()); a != nil {
		req.Name, req.Email, req.UserID, req.OrgID = a.Name, a.Email, a.UserID, viewerOrg(r.Context())
		if o := currentOrg(r.Context()); o != nil {
			req.Organisation = o.Name
		}
	}
	p := s.sessionPage(r, ctx, x)
	p.Form = r.PostForm
	// And the address itself is limited, whoever sends the form.
	err := req.Validate()
	if err == nil && !s.mailGate(w, r, "training_session", p, req.Email) {
		return
	}
	var b *lightbulb.Booking
	if err == nil {
		b, err = s.Training.Book(ctx, req)
	}
	if err != nil {
		s.formError(w, r, "training_session", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "training.book", fmt.Sprintf("session %d booking %d", x.ID, b.ID), b.Status)
	switch b.Status {
	case lightbulb.BookingPending:
		s.flash(r, "We have emailed a link to %s. Follow it to confirm your place: it is not held until you do.", b.Email)
		http.Redirect(w, r, fmt.Sprintf("/training/sessions/%d", x.ID), http.StatusSeeOther)
		return
	case lightbulb.BookingWaiting:
		s.flash(r, "You are on the waiting list. We will email you if a place comes free.")
	default:
		s.flash(r, "You are booked. We have emailed you the details.")
	}
	http.Redirect(w, r, "/training/bookings/"+b.Token, http.StatusSeeOther)
}

func (s *Server) bookingFromPath(w http.ResponseWriter, r *http.Request) (context.Context, *lightbulb.Booking, bool) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	b, err := s.Training.FindBookingByToken(ctx, r.PathValue("token"))
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	return ctx, b, true
}

func (s *Server) trainingBooking(w http.ResponseWriter, r *http.Request) {
	_, b, ok := s.bookingFromPath(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "training_booking", s.newPage(r, "Your booking", b))
}

// trainingBookingAction confirms, accepts or cancels a booking by the link
// in its email. Each is a button (POST), so that a mail scanner following
// links changes nothing.
func (s *Server) trainingBookingAction(action string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, b, ok := s.bookingFromPath(w, r)
		if !ok {
			return
		}
		var after *lightbulb.Booking
		var err error
		switch action {
		case "confirm":
			after, err = s.Training.ConfirmBooking(ctx, b.Token)
		case "accept":
			after, err = s.Training.AcceptOffer(ctx, b.Token)
		default:
			after, err = s.Training.CancelBooking(ctx, b.Token)
		}
		if err != nil {
			if action == "accept" {
				s.wakeJobs() // an expired offer has passed to the next person
			}
			b, _ = s.Training.FindBookingByToken(ctx, b.Token)
			s.formError(w, r, "training_booking", s.newPage(r, "Your booking", b), err)
			return
		}
		_ = s.Audit.Record(ctx, "training.booking."+action, fmt.Sprintf("session %d booking %d", after.SessionID, after.ID), b.Status+" → "+after.Status)
		if after.Status != b.Status {
			s.bookingChanged(r, after)
		}
		http.Redirect(w, r, "/training/bookings/"+after.Token, http.StatusSeeOther)
	}
}

// bookingChanged tells the person what happened; the store has queued
// the email in the same transaction as the change.
func (s *Server) bookingChanged(r *http.Request, b *lightbulb.Booking) {
	switch b.Status {
	case lightbulb.BookingConfirmed:
		s.flash(r, "You are booked. We have emailed you the details.")
	case lightbulb.BookingWaiting:
		s.flash(r, "The session filled up before you confirmed, so you are on the waiting list.")
	case lightbulb.BookingCancelled:
		s.wakeJobs()
		s.flash(r, "Your booking has been cancelled.")
	}
}

func (s *Server) writeICS(w http.ResponseWriter, name string, e icsEvent) {
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write(e.bytes())
}

func (s *Server) trainingSessionICS(w http.ResponseWriter, r *http.Request) {
	_, x, ok := s.visibleSession(w, r)
	if !ok {
		return
	}
	host := hostOf(s.baseURL(r))
	s.writeICS(w, "training-session-"+strconv.FormatInt(x.ID, 10)+".ics",
		icsFor(x, fmt.Sprintf("session-%d@%s", x.ID, host), fmt.Sprintf("%s/training/sessions/%d", s.baseURL(r), x.ID)))
}

func (s *Server) trainingBookingICS(w http.ResponseWriter, r *http.Request) {
	_, b, ok := s.bookingFromPath(w, r)
	if !ok {
		return
	}
	if b.Status != lightbulb.BookingConfirmed {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	s.writeICS(w, "training-booking.ics", icsFor(b.Session, fmt.Sprintf("booking-%d@%s", b.ID, hostOf(s.baseURL(r))),
		s.baseURL(r)+"/training/bookings/"+b.Token))
}

func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return "lightbulb"
}

// trainingJoin sends a booked person (or a trainer) to the joining link; it
// is never shown to anyone else.
func (s *Server) trainingJoin(w http.ResponseWriter, r *http.Request) {
	ctx, x, ok := s.visibleSession(w, r)
	if !ok {
		return
	}
	allowed := isTrainer(r.Context())
	if t := r.URL.Query().Get("token"); t != "" && !allowed {
		b, err := s.Training.FindBookingByToken(ctx, t)
		allowed = err == nil && b.SessionID == x.ID && b.Status == lightbulb.BookingConfirmed
	}
	if a := lightbulb.ActorFrom(r.Context()); a != nil && !allowed {
		b, err := s.Training.FindUserBooking(ctx, x.ID, a.UserID)
		allowed = err == nil && b.Status == lightbulb.BookingConfirmed
	}
	if !allowed || x.Mode != lightbulb.ModeOnline {
		_ = s.Audit.Record(ctx, "training.join.refused", fmt.Sprintf("session %d", x.ID), "")
		p := s.newPage(r, "Only people booked on this session can join it", x)
		s.render(w, r, http.StatusForbidden, "training_refused", p)
		return
	}
	http.Redirect(w, r, x.JoinURL, http.StatusSeeOther)
}

func (s *Server) trainingRequestForm(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Ask for training for your organisation", nil)
	if a := lightbulb.ActorFrom(r.Context()); a != nil {
		p.Form.Set("contact_name", a.Name)
		p.Form.Set("email", a.Email)
		if o := currentOrg(r.Context()); o != nil && !o.Operator {
			p.Form.Set("org_name", o.Name)
		}
	}
	s.render(w, r, http.StatusOK, "training_request", p)
}

func (s *Server) trainingRequestCreate(w http.ResponseWriter, r *http.Request) {
	if !s.perAddr.allow("ip:" + clientIP(r)) {
		s.errorPage(w, r, http.StatusTooManyRequests)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p := s.newPage(r, "Ask for training for your organisation", nil)
	p.Form = r.PostForm
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	f := formOf(r)
	size, _ := f.Int("team_size", "How many people need training", 0, 1_000_000)
	q := &lightbulb.TrainingRequest{FromOrgID: viewerOrg(r.Context()), OrgName: r.PostFormValue("org_name"),
		ContactName: r.PostFormValue("contact_name"), Email: r.PostFormValue("email"), Challenges: r.PostFormValue("challenges"),
		TeamSize: size, PreferredDates: r.PostFormValue("dates"), Format: r.PostFormValue("format"), Lang: p.Lang}
	err = f.Err(q.Validate())
	if err == nil && !s.mailGate(w, r, "training_request", p, q.Email) {
		return
	}
	if err == nil {
		err = s.Training.CreateRequest(ctx, q)
	}
	if err != nil {
		s.formError(w, r, "training_request", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "training.request.create", fmt.Sprintf("request %d", q.ID), q.OrgName)
	if err := s.Mail.SendMail(r.Context(), lightbulb.TrainingRequestMail(q)); err != nil {
		s.log.Error("request mail", "error", err.Error())
	}
	s.flash(r, "Thank you. We have your request and a trainer will be in touch. Your reference is %d.", q.ID)
	http.Redirect(w, r, "/training", http.StatusSeeOther)
}
