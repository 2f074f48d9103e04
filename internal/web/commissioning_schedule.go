package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// commSchedule sets how often a contract's returns are due and when the
// first one is; the job opens each return four weeks before its day.
func (s *Server) commSchedule(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	f := formOf(r)
	sch := lightbulb.ReturnSchedule{Frequency: f.Choice("frequency", "How often returns are due", lightbulb.MeasureFrequencies...),
		FirstDue: f.Date("first_due", "First return due")}
	err := f.Err()
	if err == nil {
		err = s.Commissioning.SetReturnSchedule(r.Context(), id, sch)
	}
	if err != nil {
		s.contractFailed(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.contract.schedule", fmt.Sprintf("contract %d", id), sch.Frequency+" from "+sch.FirstDue.String())
	s.flash(r, "The return schedule is saved. Each return opens four weeks before it is due, and the provider's leads are emailed.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/contracts/%d", id), http.StatusSeeOther)
}

// scheduleForm fills the schedule's questions with the contract's schedule.
func scheduleForm(p *Page, c *lightbulb.Contract) {
	if !c.Schedule.Set() || p.Form.Has("frequency") {
		return
	}
	d := c.Schedule.FirstDue
	p.Form.Set("frequency", c.Schedule.Frequency)
	p.Form.Set("first_due-day", strconv.Itoa(d.Day))
	p.Form.Set("first_due-month", strconv.Itoa(int(d.Month)))
	p.Form.Set("first_due-year", strconv.Itoa(d.Year))
}

// openPeriods are the scheduled returns a provider may send now, as choices.
func openPeriods(lang string, c *lightbulb.Contract) []choice {
	var out []choice
	for _, p := range c.Periods {
		if p.Answerable() {
			out = append(out, choice{Value: strconv.FormatInt(p.ID, 10), Label: p.Name(lang)})
		}
	}
	return out
}
