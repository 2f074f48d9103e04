package web

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// The trainers' pages. requireTrainer has made sure the person works in the
// operator organisation, so r.Context() is already scoped to the provider.

func (s *Server) manageHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sessions, err := s.Training.FindSessions(ctx, lightbulb.SessionFilter{Upcoming: true})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	courses, err := s.Training.FindCourses(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	programmes, err := s.Training.FindProgrammes(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cohorts, err := s.Training.FindCohorts(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	requests, err := s.Training.FindRequests(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	reach, err := s.Training.OpenSessionReach(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	open := 0
	for _, q := range requests {
		if q.Status != "delivered" {
			open++
		}
	}
	s.render(w, r, http.StatusOK, "training_manage", s.newPage(r, "Run training", map[string]any{
		"Sessions": sessions, "Courses": courses, "Programmes": programmes, "Cohorts": cohorts, "OpenRequests": open,
		"Reach": reach}))
}

func (s *Server) manageCourseForm(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Add a course", nil)
	p.Form.Set("mode", lightbulb.ModeOnline)
	if id, ok := pathID(r); ok {
		c, err := s.Training.FindCourse(r.Context(), id)
		if err != nil {
			s.appError(w, r, err)
			return
		}
		p = s.newPage(r, "Change a course", c)
		p.Form = url.Values{"title": {c.Title}, "summary": {c.Summary}, "audience": {c.Audience},
			"duration": {strconv.Itoa(c.DurationMins)}, "outcomes": {c.Outcomes}, "mode": {c.Mode},
			"title_cy": {c.TitleCy}, "summary_cy": {c.SummaryCy}}
	}
	s.render(w, r, http.StatusOK, "training_course_form", p)
}

func (s *Server) manageCourseSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	d, _ := f.Int("duration", "Duration in minutes", 0, 1_000_000)
	c := &lightbulb.Course{Title: r.PostFormValue("title"), Summary: r.PostFormValue("summary"), Audience: r.PostFormValue("audience"),
		DurationMins: d, Outcomes: r.PostFormValue("outcomes"), Mode: r.PostFormValue("mode"),
		TitleCy: r.PostFormValue("title_cy"), SummaryCy: r.PostFormValue("summary_cy")}
	title, action := "Add a course", "training.course.create"
	id, editing := pathID(r)
	if editing {
		c.ID, title, action = id, "Change a course", "training.course.update"
	}
	err := f.Err(c.Validate())
	switch {
	case err != nil:
	case editing:
		err = s.Training.UpdateCourse(r.Context(), c)
	default:
		err = s.Training.CreateCourse(r.Context(), c)
	}
	if err != nil {
		p := s.newPage(r, title, c)
		p.Form = r.PostForm
		s.formError(w, r, "training_course_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), action, fmt.Sprintf("course %d", c.ID), c.Title)
	s.flash(r, "%s has been saved.", c.Title)
	http.Redirect(w, r, "/training/manage", http.StatusSeeOther)
}

func (s *Server) manageProgrammeForm(w http.ResponseWriter, r *http.Request) {
	courses, err := s.Training.FindCourses(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "training_programme_form", s.newPage(r, "Add a programme", courses))
}

// manageProgrammeCreate reads the parts as a number per course: the part it
// is, or blank when the course is not in the programme.
func (s *Server) manageProgrammeCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	courses, err := s.Training.FindCourses(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	type part struct {
		pos int
		id  int64
	}
	var parts []part
	for _, c := range courses {
		v := strings.TrimSpace(r.PostFormValue(fmt.Sprintf("part_%d", c.ID)))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 50 {
			p := s.newPage(r, "Add a programme", courses)
			p.Form = r.PostForm
			s.formError(w, r, "training_programme_form", p, lightbulb.FieldError("parts", "Enter each part as a number from 1 to 50"))
			return
		}
		parts = append(parts, part{n, c.ID})
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].pos < parts[j].pos })
	ids := make([]int64, len(parts))
	for i, x := range parts {
		ids[i] = x.id
	}
	pr := &lightbulb.Programme{Title: r.PostFormValue("title"), Summary: r.PostFormValue("summary"),
		TitleCy: r.PostFormValue("title_cy"), SummaryCy: r.PostFormValue("summary_cy")}
	if err := s.Training.CreateProgramme(r.Context(), pr, ids); err != nil {
		p := s.newPage(r, "Add a programme", courses)
		p.Form = r.PostForm
		s.formError(w, r, "training_programme_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.programme.create", fmt.Sprintf("programme %d", pr.ID), pr.Title)
	s.flash(r, "%s has been saved.", pr.Title)
	http.Redirect(w, r, "/training/manage", http.StatusSeeOther)
}

// cohortChoices are the programmes and organisations a cohort can use.
func (s *Server) cohortChoices(r *http.Request) (map[string]any, error) {
	programmes, err := s.Training.FindProgrammes(r.Context())
	if err != nil {
		return nil, err
	}
	orgs, err := s.Orgs.FindOrgs(r.Context())
	if err != nil {
		return nil, err
	}
	var clients []*lightbulb.Organisation
	for _, o := range orgs {
		if !o.Operator {
			clients = append(clients, o)
		}
	}
	return map[string]any{"Programmes": programmes, "Orgs": clients}, nil
}

func (s *Server) manageCohortForm(w http.ResponseWriter, r *http.Request) {
	data, err := s.cohortChoices(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "training_cohort_form", s.newPage(r, "Add a cohort", data))
}

// cohortFromForm reads a cohort's fields.
func cohortFromForm(f *form) *lightbulb.Cohort {
	return &lightbulb.Cohort{ProgrammeID: f.ID("programme"), ClientOrgID: f.ID("client"), Name: f.Values.Get("name"),
		StartsOn: f.Date("starts", "Starts on").In(lightbulb.London), EndsOn: f.Date("ends", "Ends on").In(lightbulb.London)}
}

func (s *Server) manageCohortCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	c := cohortFromForm(f)
	err := f.Err()
	if err == nil {
		err = s.Training.CreateCohort(r.Context(), c)
	}
	if err != nil {
		data, e := s.cohortChoices(r)
		if e != nil {
			s.serverError(w, r, e)
			return
		}
		p := s.newPage(r, "Add a cohort", data)
		p.Form = r.PostForm
		s.formError(w, r, "training_cohort_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.cohort.create", fmt.Sprintf("cohort %d", c.ID), c.Name)
	s.flash(r, "%s has been saved.", c.Name)
	http.Redirect(w, r, fmt.Sprintf("/training/manage/cohorts/%d", c.ID), http.StatusSeeOther)
}

func (s *Server) manageCohort(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	c, err := s.Training.FindCohort(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	prog, err := s.Training.FindProgramme(r.Context(), c.ProgrammeID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sessions, err := s.Training.FindSessions(r.Context(), lightbulb.SessionFilter{CohortID: c.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	progress, err := s.Training.CohortProgress(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	members, err := s.Training.FindMembers(r.Context(), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.cohort.view", fmt.Sprintf("cohort %d", c.ID), "")
	s.render(w, r, http.StatusOK, "training_cohort", s.newPage(r, c.Name, map[string]any{"Cohort": c, "Programme": prog,
		"Sessions": sessions, "Progress": progress, "Members": members}))
}

// sessionChoices are the courses and cohorts a session can use.
func (s *Server) sessionChoices(r *http.Request, x *lightbulb.Session) (map[string]any, error) {
	courses, err := s.Training.FindCourses(r.Context())
	if err != nil {
		return nil, err
	}
	cohorts, err := s.Training.FindCohorts(r.Context())
	if err != nil {
		return nil, err
	}
	rights, err := s.Rights.FindRights(r.Context(), i18n.FromRequest(r))
	if err != nil {
		return nil, err
	}
	return map[string]any{"Courses": courses, "Cohorts": cohorts, "Session": x, "Rights": rights, "Issues": lightbulb.NeedsIssues}, nil
}

func (s *Server) manageSessionForm(w http.ResponseWriter, r *http.Request) {
	var x *lightbulb.Session
	title := "Schedule a session"
	form := url.Values{"mode": {lightbulb.ModeOnline}, "capacity": {"20"}}
	if id, ok := pathID(r); ok {
		var err error
		if x, err = s.Training.FindSession(r.Context(), id); err != nil {
			s.appError(w, r, err)
			return
		}
		title = "Change a session"
		a, b := x.StartsAt.In(lightbulb.London), x.EndsAt.In(lightbulb.London)
		form = url.Values{"course": {strconv.FormatInt(x.CourseID, 10)}, "cohort": {strconv.FormatInt(x.CohortID, 10)},
			"part": {strconv.Itoa(x.Part)}, "start": {a.Format("15:04")}, "end": {b.Format("15:04")},
			"mode": {x.Mode}, "join_url": {x.JoinURL}, "venue": {x.Venue}, "access": {x.Access},
			"capacity": {strconv.Itoa(x.Capacity)}, "facilitators": {x.Facilitators}}
		setDateFields(form, "date", a)
		form["rights"], form["issues"] = x.Rights, x.Issues
		if x.Cancelled {
			form.Set("cancelled", "1")
		}
	} else if c := r.URL.Query().Get("cohort"); c != "" {
		form.Set("cohort", c)
	}
	data, err := s.sessionChoices(r, x)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, title, data)
	p.Form = form
	s.render(w, r, http.StatusOK, "training_session_form", p)
}

// sessionFields reads what a session form and a series form share: all but
// the day and times.
func sessionFields(f *form) *lightbulb.Session {
	part, _ := f.Int("part", "Part of the programme (for a cohort)", 0, 1000)
	capacity, _ := f.Int("capacity", "Places", 0, 1_000_000)
	return &lightbulb.Session{CourseID: f.ID("course"), CohortID: f.ID("cohort"), Part: part, Mode: f.Values.Get("mode"),
		JoinURL: f.Text("join_url"), Venue: f.Text("venue"),
		Access: f.Values.Get("access"), Capacity: capacity, Facilitators: f.Values.Get("facilitators"),
		Cancelled: f.Values.Get("cancelled") == "1", Rights: f.Values["rights"], Issues: f.Values["issues"]}
}

// sessionFormError shows a session or series form again with its answers
// and what is wrong with them.
func (s *Server) sessionFormError(w http.ResponseWriter, r *http.Request, tmpl, title string, x *lightbulb.Session, err error) {
	data, e := s.sessionChoices(r, x)
	if e != nil {
		s.serverError(w, r, e)
		return
	}
	p := s.newPage(r, title, data)
	p.Form = r.PostForm
	s.formError(w, r, tmpl, p, err)
}

// sessionFromForm reads a session's fields; times are Europe/London.
func sessionFromForm(f *form) *lightbulb.Session {
	x := sessionFields(f)
	day := f.Date("date", "Date").String()
	if a, ok := londonTime(day, f.Values.Get("start")); ok {
		x.StartsAt = a
		if b, ok := londonTime(day, f.Values.Get("end")); ok {
			x.EndsAt = b
		}
	}
	return x
}

func (s *Server) manageSessionSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	x := sessionFromForm(f)
	title, action := "Schedule a session", "training.session.create"
	id, editing := pathID(r)
	if editing {
		x.ID, title, action = id, "Change a session", "training.session.update"
	}
	err := f.Err(x.Validate())
	switch {
	case err != nil:
	case editing:
		err = s.Training.UpdateSession(r.Context(), x)
	case !x.StartsAt.After(lightbulb.Now()):
		err = lightbulb.FieldError("date", "The session must start in the future")
	default:
		err = s.Training.CreateSession(r.Context(), x)
	}
	if err != nil {
		s.sessionFormError(w, r, "training_session_form", title, x, err)
		return
	}
	_ = s.Audit.Record(r.Context(), action, fmt.Sprintf("session %d", x.ID), fmt.Sprintf("%s, %d places", x.StartsAt.Format(time.RFC3339), x.Capacity))
	s.wakeJobs() // more places may have gone to the waiting list
	s.flash(r, "The session has been saved.")
	http.Redirect(w, r, fmt.Sprintf("/training/manage/sessions/%d", x.ID), http.StatusSeeOther)
}

// registerView is what a session's register shows.
type registerView struct {
	Session  *lightbulb.Session
	Register []*lightbulb.Attendee
	Experts  *linkedView // lived experience facilitators, as involvements
	// Started: attendance is marked from the session's start, not before.
	Started bool
}

func (s *Server) registerPage(w http.ResponseWriter, r *http.Request) (*Page, *registerView, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	x, err := s.Training.FindSession(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	reg, err := s.Training.Register(r.Context(), id)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	notes, err := s.Training.SessionNotes(r.Context(), id)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	v := &registerView{Session: x, Register: reg, Started: !lightbulb.Now().Before(x.StartsAt)}
	if v.Experts, err = s.linked(r, r.Context(), lightbulb.LinkSession, id); err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	p := s.newPage(r, "Register", v)
	p.Form.Set("notes", notes)
	for _, a := range reg {
		p.Form.Set(fmt.Sprintf("mark_%d", a.ID), a.Attendance)
	}
	return p, v, true
}

func (s *Server) manageRegister(w http.ResponseWriter, r *http.Request) {
	p, _, ok := s.registerPage(w, r)
	if !ok {
		return
	}
	_ = s.Audit.Record(r.Context(), "training.register.view", "session "+r.PathValue("id"), "")
	s.render(w, r, http.StatusOK, "training_register", p)
}

func (s *Server) manageAttendance(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.registerPage(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	marks := map[int64]string{}
	for k, v := range r.PostForm {
		if id, err := strconv.ParseInt(strings.TrimPrefix(k, "mark_"), 10, 64); err == nil && strings.HasPrefix(k, "mark_") && len(v) > 0 {
			marks[id] = v[0]
		}
	}
	x := v.Session
	if err := s.Training.MarkAttendance(r.Context(), x.ID, marks, r.PostFormValue("notes")); err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "training_register", p, err)
		return
	}
	var detail []string
	for id, m := range marks {
		detail = append(detail, fmt.Sprintf("booking %d: %s", id, m))
	}
	sort.Strings(detail)
	_ = s.Audit.Record(r.Context(), "training.attendance", fmt.Sprintf("session %d", x.ID), strings.Join(detail, "; "))
	s.wakeJobs() // feedback requests for a session that has ended go at once
	s.flash(r, "Attendance has been saved.")
	http.Redirect(w, r, fmt.Sprintf("/training/manage/sessions/%d", x.ID), http.StatusSeeOther)
}

func (s *Server) manageRequests(w http.ResponseWriter, r *http.Request) {
	qs, err := s.Training.FindRequests(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "training_requests", s.newPage(r, "Bespoke requests", qs))
}

func (s *Server) requestPage(w http.ResponseWriter, r *http.Request) (*Page, *lightbulb.TrainingRequest, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	q, err := s.Training.FindRequest(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	data, err := s.cohortChoices(r)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	data["Request"], data["States"] = q, lightbulb.RequestStates
	p := s.newPage(r, "Bespoke requests", data)
	p.Title = p.T("Request from %s", q.OrgName)
	p.Form = url.Values{"status": {q.Status}, "notes": {q.Notes}, "name": {q.OrgName},
		"client": {strconv.FormatInt(q.FromOrgID, 10)}}
	return p, q, true
}

func (s *Server) manageRequest(w http.ResponseWriter, r *http.Request) {
	p, _, ok := s.requestPage(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "training_request_manage", p)
}

func (s *Server) manageRequestUpdate(w http.ResponseWriter, r *http.Request) {
	p, q, ok := s.requestPage(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	status, notes := r.PostFormValue("status"), r.PostFormValue("notes")
	if err := s.Training.UpdateRequest(r.Context(), q.ID, status, notes); err != nil {
		p.Form.Set("status", status)
		p.Form.Set("notes", notes)
		s.formError(w, r, "training_request_manage", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.request.status", fmt.Sprintf("request %d", q.ID), q.Status+" → "+status)
	s.flash(r, "The request has been saved.")
	http.Redirect(w, r, fmt.Sprintf("/training/manage/requests/%d", q.ID), http.StatusSeeOther)
}

func (s *Server) manageRequestCohort(w http.ResponseWriter, r *http.Request) {
	p, q, ok := s.requestPage(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	c := cohortFromForm(f)
	err := f.Err()
	if err == nil {
		err = s.Training.CohortFromRequest(r.Context(), q.ID, c)
	}
	if err != nil {
		for k, v := range r.PostForm {
			p.Form[k] = v
		}
		p.Form.Set("status", q.Status)
		s.formError(w, r, "training_request_manage", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.request.cohort", fmt.Sprintf("request %d", q.ID), fmt.Sprintf("cohort %d %s", c.ID, c.Name))
	s.flash(r, "%s has been saved.", c.Name)
	http.Redirect(w, r, fmt.Sprintf("/training/manage/cohorts/%d", c.ID), http.StatusSeeOther)
}
