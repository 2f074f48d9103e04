package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// trainingRoutes registers the training area: public listing and booking,
// and the trainers' pages under /training/manage.
func (s *Server) trainingRoutes(h func(string, http.HandlerFunc)) {
	h("GET /training", s.trainingList)
	h("GET /training/sessions/{id}", s.trainingSession)
	h("POST /training/sessions/{id}/book", s.trainingBook)
	h("GET /training/sessions/{id}/calendar.ics", s.trainingSessionICS)
	h("GET /training/sessions/{id}/join", s.trainingJoin)
	h("GET /training/bookings/{token}", s.trainingBooking)
	h("POST /training/bookings/{token}/confirm", s.trainingBookingAction("confirm"))
	h("POST /training/bookings/{token}/accept", s.trainingBookingAction("accept"))
	h("POST /training/bookings/{token}/cancel", s.trainingBookingAction("cancel"))
	h("GET /training/bookings/{token}/booking.ics", s.trainingBookingICS)
	h("GET /training/request", s.trainingRequestForm)
	h("POST /training/request", s.trainingRequestCreate)

	h("GET /training/cohorts", s.requireUser(s.clientCohorts))
	h("GET /training/cohorts/{id}/report", s.requireUser(s.cohortDelivery))
	h("GET /training/cohorts/{id}/report.pdf", s.requireUser(s.cohortDeliveryPDF))
	h("GET /training/cohorts/{id}/report.csv", s.requireUser(s.cohortDeliveryCSV))
	h("GET /training/cohorts/{id}/plans", s.requireUser(s.cohortPlans))
	h("GET /training/cohorts/{id}/members", s.requireUser(s.cohortMembers))
	h("POST /training/cohorts/{id}/members", s.requireUser(s.cohortMemberAdd))
	h("POST /training/cohorts/{id}/members/import", s.requireUser(s.cohortMemberImport))
	h("POST /training/cohorts/{id}/members/{member}/remove", s.requireUser(s.cohortMemberRemove))

	h("GET /training/manage", s.requireTrainer(s.manageHome))
	h("GET /training/manage/courses/new", s.requireTrainer(s.manageCourseForm))
	h("POST /training/manage/courses", s.requireTrainer(s.manageCourseSave))
	h("GET /training/manage/courses/{id}", s.requireTrainer(s.manageCourseForm))
	h("POST /training/manage/courses/{id}", s.requireTrainer(s.manageCourseSave))
	h("GET /training/manage/programmes/new", s.requireTrainer(s.manageProgrammeForm))
	h("POST /training/manage/programmes", s.requireTrainer(s.manageProgrammeCreate))
	h("GET /training/manage/cohorts/new", s.requireTrainer(s.manageCohortForm))
	h("POST /training/manage/cohorts", s.requireTrainer(s.manageCohortCreate))
	h("GET /training/manage/cohorts/{id}", s.requireTrainer(s.manageCohort))
	h("GET /training/manage/sessions/new", s.requireTrainer(s.manageSessionForm))
	h("GET /training/manage/sessions/series", s.requireTrainer(s.manageSeriesForm))
	h("POST /training/manage/sessions/series", s.requireTrainer(s.manageSeriesSave))
	h("POST /training/manage/sessions", s.requireTrainer(s.manageSessionSave))
	h("GET /training/manage/sessions/{id}", s.requireTrainer(s.manageRegister))
	h("POST /training/manage/sessions/{id}/attendance", s.requireTrainer(s.manageAttendance))
	h("GET /training/manage/sessions/{id}/edit", s.requireTrainer(s.manageSessionForm))
	h("POST /training/manage/sessions/{id}", s.requireTrainer(s.manageSessionSave))
	h("GET /training/manage/requests", s.requireTrainer(s.manageRequests))
	h("GET /training/manage/requests/{id}", s.requireTrainer(s.manageRequest))
	h("POST /training/manage/requests/{id}", s.requireTrainer(s.manageRequestUpdate))
	h("POST /training/manage/requests/{id}/cohort", s.requireTrainer(s.manageRequestCohort))
}

// isTrainer reports whether the person is a trainer working in the operator
// organisation, the charity that runs the training.
func isTrainer(ctx context.Context) bool {
	o := currentOrg(ctx)
	return o != nil && o.Operator && lightbulb.ActorFrom(ctx).Has(lightbulb.RoleTrainer)
}

// requireTrainer allows trainers of the operator organisation.
func (s *Server) requireTrainer(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if !isTrainer(r.Context()) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// providerCtx scopes a request to the training provider, the operator
// organisation, whoever is asking: the catalogue and sessions are its data.
func (s *Server) providerCtx(r *http.Request) (context.Context, error) {
	ctx := r.Context()
	if o := currentOrg(ctx); o != nil && o.Operator {
		return ctx, nil
	}
	orgs, err := s.Orgs.FindOrgs(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		if o.Operator {
			return lightbulb.WithOrg(ctx, o.ID), nil
		}
	}
	return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such session.")
}

// viewerOrg is the client organisation of a signed-in person, or 0.
func viewerOrg(ctx context.Context) int64 {
	if o := currentOrg(ctx); o != nil && !o.Operator {
		return o.ID
	}
	return 0
}

func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// londonTime reads a date (YYYY-MM-DD) and a time (HH:MM) as Europe/London.
func londonTime(date, clock string) (time.Time, bool) {
	t, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(date)+" "+strings.TrimSpace(clock), lightbulb.London)
	return t, err == nil
}

// baseURL is the public address links in email and calendars point to.
func (s *Server) baseURL(r *http.Request) string {
	if s.opt.BaseURL != "" {
		return strings.TrimRight(s.opt.BaseURL, "/")
	}
	return "http://" + r.Host
}

// wakeJobs asks the workers to pick up what a change has just enqueued
// (offers of freed places, feedback requests) now rather than at their next
// poll.
func (s *Server) wakeJobs() {
	if s.WakeJobs != nil {
		s.WakeJobs()
	}
}
