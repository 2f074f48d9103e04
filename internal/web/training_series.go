package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// maxSeries is the most sessions one series form schedules.
const maxSeries = 60

func (s *Server) manageSeriesForm(w http.ResponseWriter, r *http.Request) {
	data, err := s.sessionChoices(r, nil)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Schedule a series of sessions", data)
	p.Form = url.Values{"mode": {lightbulb.ModeOnline}, "capacity": {"20"}, "how": {"weekly"}}
	if c := r.URL.Query().Get("cohort"); c != "" {
		p.Form.Set("cohort", c)
	}
	s.render(w, r, http.StatusOK, "training_series_form", p)
}

// manageSeriesSave schedules every session of the form, or none.
func (s *Server) manageSeriesSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	xs, check := seriesFromForm(f)
	err := f.Err(check.Validate())
	if err == nil {
		err = s.Training.CreateSessions(r.Context(), xs)
	}
	if err != nil {
		s.sessionFormError(w, r, "training_series_form", "Schedule a series of sessions", nil, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.session.series", fmt.Sprintf("course %d", xs[0].CourseID),
		fmt.Sprintf("%d sessions from %s, %d places each", len(xs), xs[0].StartsAt.Format(time.RFC3339), xs[0].Capacity))
	s.flash(r, "%d sessions have been scheduled.", len(xs))
	next := "/training/manage"
	if xs[0].CohortID != 0 {
		next = fmt.Sprintf("/training/manage/cohorts/%d", xs[0].CohortID)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// seriesFromForm reads the series' sessions, and a session that stands for
// them all to check the answers they share. Reading errors are kept in f.
func seriesFromForm(f *form) ([]*lightbulb.Session, *lightbulb.Session) {
	check := sessionFields(f)
	start, end := f.Clock("start", "Starts at"), f.Clock("end", "Ends at")
	switch {
	case f.Text("start") == "":
		f.Add("start", "Enter the start time")
	case f.Text("end") == "":
		f.Add("end", "Enter the end time")
	case end <= start:
		f.Add("end", "The end time must be after the start time")
	}
	var xs []*lightbulb.Session
	for _, d := range seriesDays(f) {
		x := *check
		day := d.In(lightbulb.London)
		x.StartsAt = time.Date(day.Year(), day.Month(), day.Day(), int(start.Hours()), int(start.Minutes())%60, 0, 0, lightbulb.London)
		x.EndsAt = time.Date(day.Year(), day.Month(), day.Day(), int(end.Hours()), int(end.Minutes())%60, 0, 0, lightbulb.London)
		xs = append(xs, &x)
	}
	if len(xs) > 0 && !xs[0].StartsAt.After(lightbulb.Now()) {
		field := "dates"
		if f.Values.Get("how") == "weekly" {
			field = "first"
		}
		f.Add(field, "The first session must start in the future")
	}
	// The shared answers are checked once, on a time that is always right,
	// so that a missing date is reported only where it belongs.
	check.StartsAt = lightbulb.Now().Add(time.Hour)
	check.EndsAt = check.StartsAt.Add(time.Hour)
	return xs, check
}

// seriesDays reads the days of the series: weekly from a first date, or a
// list of chosen dates, one a line.
func seriesDays(f *form) []lightbulb.Date {
	switch f.Choice("how", "Which dates", "weekly", "dates") {
	case "weekly":
		first := f.Date("first", "First date")
		weeks, ok := f.Int("weeks", "Number of weeks", 1, 52)
		if first.IsZero() && f.Text("first-day") == "" {
			f.Add("first", "Enter the first date")
		}
		if !ok && f.Text("weeks") == "" {
			f.Add("weeks", "Enter the number of weeks")
		}
		var out []lightbulb.Date
		for i := range weeks {
			if !first.IsZero() {
				out = append(out, lightbulb.DateOf(first.In(lightbulb.London).AddDate(0, 0, 7*i).Add(12*time.Hour)))
			}
		}
		return out
	case "dates":
		return chosenDates(f)
	}
	f.Add("how", "Choose every week or dates you choose")
	return nil
}

var dateLine = regexp.MustCompile(`^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$`)

// chosenDates reads one date a line (day/month/year), naming the line of
// each that cannot be read or comes twice.
func chosenDates(f *form) []lightbulb.Date {
	var out []lightbulb.Date
	seen := map[lightbulb.Date]bool{}
	for i, line := range strings.Split(f.Values.Get("dates"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		m := dateLine.FindStringSubmatch(line)
		var d lightbulb.Date
		ok := m != nil
		if ok {
			day, _ := strconv.Atoi(m[1])
			month, _ := strconv.Atoi(m[2])
			year, _ := strconv.Atoi(m[3])
			d, ok = lightbulb.MakeDate(year, month, day)
		}
		switch {
		case !ok:
			f.Add("dates", "Dates, line %d: enter a real date like 14/01/2027", i+1)
		case seen[d]:
			f.Add("dates", "Dates, line %d: this date is on an earlier line too", i+1)
		default:
			seen[d] = true
			out = append(out, d)
		}
	}
	switch {
	case len(out) == 0 && len(f.errs.List) == 0:
		f.Add("dates", "Enter at least one date")
	case len(out) > maxSeries:
		f.Add("dates", "Enter %d dates or fewer", maxSeries)
		return nil
	}
	return out
}
