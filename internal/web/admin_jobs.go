package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// jobStates are the states /admin/jobs filters by, in the order shown.
var jobStates = []string{"queued", "running", "failed", "done"}

// jobsView is what /admin/jobs shows.
type jobsView struct {
	State  string // the filter, "" for all
	States []string
	Counts map[string]int
	Jobs   []*lightbulb.JobInfo
}

// adminJobs lists the background queue, narrowed to one state.
func (s *Server) adminJobs(w http.ResponseWriter, r *http.Request) {
	if s.Jobs == nil {
		http.NotFound(w, r)
		return
	}
	v := jobsView{State: r.URL.Query().Get("state"), States: jobStates}
	switch v.State {
	case "", "queued", "running", "failed", "done":
	default:
		v.State = ""
	}
	var err error
	if v.Counts, err = s.Jobs.JobCounts(r.Context()); err != nil {
		s.serverError(w, r, err)
		return
	}
	if v.Jobs, err = s.Jobs.FindJobs(r.Context(), lightbulb.JobFilter{State: v.State, Limit: 200}); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_jobs", s.newPage(r, "Background jobs", v))
}

// adminJobRetry queues a failed job to run again now.
func (s *Server) adminJobRetry(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || s.Jobs == nil {
		http.NotFound(w, r)
		return
	}
	if err := s.Jobs.RetryJob(r.Context(), id); err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.flash(r, "Job %d is not failed, so there is nothing to try again.", id)
			http.Redirect(w, r, "/admin/jobs", http.StatusSeeOther)
			return
		}
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "jobs.retry", "job "+strconv.FormatInt(id, 10), "")
	s.flash(r, "Job %d will run again now.", id)
	http.Redirect(w, r, "/admin/jobs?state=failed", http.StatusSeeOther)
}

// outboxView is what /admin/outbox shows.
type outboxView struct {
	Mail       []*lightbulb.Mail
	Delivering bool // a mail server is configured
}
