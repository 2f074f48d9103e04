package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// adminAudit lists the audit log, for admins and leads: filtered by action,
// by record ("case 12", "review 3") and by person, so that a lead can answer
// "who looked at this case?".
func (s *Server) adminAudit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	f := lightbulb.AuditFilter{Action: q.Get("action"), Record: strings.TrimSpace(q.Get("record")), Limit: 50}
	f.AllOrgs = q.Get("all") == "1" && lightbulb.ActorFrom(ctx).PlatformAdmin
	f.ActorID, _ = strconv.ParseInt(q.Get("person"), 10, 64)
	page := 1
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 {
		page = n
		f.Offset = (n - 1) * f.Limit
	}
	es, total, err := s.Audit.FindAudit(ctx, f)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	people, err := s.Users.FindMembers(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Audit log", map[string]any{"Entries": es, "Total": total, "AllOrgs": f.AllOrgs, "People": people,
		"Newer": auditPage(q, page-1), "Older": auditPage(q, page+1), "More": f.Offset+f.Limit < total})
	for _, k := range []string{"action", "record", "person"} {
		p.Form.Set(k, q.Get(k))
	}
	s.render(w, r, http.StatusOK, "admin_audit", p)
}

// auditPage is the address of page n of the same listing, or "" when n is 0.
func auditPage(q url.Values, n int) string {
	if n < 1 {
		return ""
	}
	v := url.Values{}
	for _, k := range []string{"action", "record", "person", "all"} {
		if q.Get(k) != "" {
			v.Set(k, q.Get(k))
		}
	}
	v.Set("page", strconv.Itoa(n))
	return "/admin/audit?" + v.Encode()
}
