package web

import (
	"fmt"
	"net/http"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) campaigns(w http.ResponseWriter, r *http.Request) {
	list, err := s.Newsletter.FindCampaigns(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	counts, err := s.Newsletter.CountSubscribers(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "newsletter_manage", s.newPage(r, "The newsletter", map[string]any{"Campaigns": list, "Counts": counts}))
}

func (s *Server) campaignPage(r *http.Request, c *lightbulb.Campaign) *Page {
	title := "Write a newsletter"
	if c.ID != 0 {
		title = "Newsletter"
	}
	p := s.newPage(r, title, c)
	p.Form.Set("subject", c.Subject)
	p.Form.Set("body", c.Body)
	p.Form.Set("subject_cy", c.SubjectCy)
	p.Form.Set("body_cy", c.BodyCy)
	p.Form.Set("when", "now")
	return p
}

func (s *Server) campaignForm(w http.ResponseWriter, r *http.Request) {
	c := &lightbulb.Campaign{Status: lightbulb.CampaignDraft}
	if id, ok := pathID(r); ok {
		var err error
		if c, err = s.Newsletter.FindCampaign(r.Context(), id); err != nil {
			s.appError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "newsletter_campaign", s.campaignPage(r, c))
}

func (s *Server) campaignSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	c := &lightbulb.Campaign{Status: lightbulb.CampaignDraft, Subject: f.Text("subject"), Body: f.Text("body"),
		SubjectCy: f.Text("subject_cy"), BodyCy: f.Text("body_cy")}
	if id, ok := pathID(r); ok {
		old, err := s.Newsletter.FindCampaign(r.Context(), id)
		if err != nil {
			s.appError(w, r, err)
			return
		}
		c.ID, c.Status = old.ID, old.Status
	}
	if err := s.Newsletter.SaveCampaign(r.Context(), c); err != nil {
		p := s.campaignPage(r, c)
		p.Form = r.PostForm
		s.formError(w, r, "newsletter_campaign", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "newsletter.campaign.save", fmt.Sprintf("campaign %d", c.ID), c.Subject)
	s.flash(r, "The newsletter has been saved. Check the preview, then send yourself a test.")
	http.Redirect(w, r, fmt.Sprintf("/newsletter/manage/campaigns/%d#preview", c.ID), http.StatusSeeOther)
}

func (s *Server) campaignTest(w http.ResponseWriter, r *http.Request) {
	id, _ := pathID(r)
	a := lightbulb.ActorFrom(r.Context())
	if err := s.Newsletter.SendTest(r.Context(), id, a.Email); err != nil {
		s.appError(w, r, err)
		return
	}
	s.wakeJobs()
	_ = s.Audit.Record(r.Context(), "newsletter.campaign.test", fmt.Sprintf("campaign %d", id), a.Email)
	s.flash(r, "We have sent a test in English and in Welsh to %s.", a.Email)
	http.Redirect(w, r, fmt.Sprintf("/newsletter/manage/campaigns/%d", id), http.StatusSeeOther)
}

// campaignSend sends a campaign now or schedules it for a day and time.
func (s *Server) campaignSend(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	c, err := s.Newsletter.FindCampaign(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	f := formOf(r)
	var at time.Time
	when := f.Choice("when", "When to send it", "now", "later")
	if when == "" {
		f.Add("when", "Choose when to send it")
	} else if when == "later" {
		day := f.Date("send_on", "The day to send it")
		t, ok := londonTime(day.String(), f.Text("send_time"))
		switch {
		case day.IsZero():
			f.Add("send_on", "Enter the day to send it")
		case !ok:
			f.Add("send_time", "Enter the time to send it, like 09:30")
		case !t.After(lightbulb.Now()):
			f.Add("send_on", "The day and time to send it must be in the future")
		default:
			at = t
		}
	}
	err = f.Err()
	if err == nil {
		err = s.Newsletter.ScheduleCampaign(r.Context(), id, at)
	}
	if err != nil {
		p := s.campaignPage(r, c)
		p.Form = r.PostForm
		s.formError(w, r, "newsletter_campaign", p, err)
		return
	}
	s.wakeJobs()
	_ = s.Audit.Record(r.Context(), "newsletter.campaign.send", fmt.Sprintf("campaign %d", id), when)
	s.flash(r, "The newsletter will go to every subscriber, each in their own language.")
	http.Redirect(w, r, fmt.Sprintf("/newsletter/manage/campaigns/%d", id), http.StatusSeeOther)
}
