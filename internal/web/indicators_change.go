package web

import (
	"net/http"
	"net/url"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// indicatorChange marks a change in an indicator's process: its chart's
// centre line and limits are recalculated from the month. It is recorded
// in the audit log with the month and reason.
func (s *Server) indicatorChange(w http.ResponseWriter, r *http.Request) {
	d, ok := s.indicatorDef(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	c := lightbulb.IndicatorChange{Indicator: d.Key, Month: f.Text("change_month"), Reason: f.Text("reason"),
		SetBy: lightbulb.ActorFrom(r.Context()).Name}
	if err := s.Indicators.MarkIndicatorChange(r.Context(), c); err != nil {
		s.renderIndicator(w, r, d, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "indicators.change", "indicator:"+d.Key, c.Month+": "+c.Reason)
	s.flash(r, "The limits are recalculated from %s.", dates{i18n.Dates{Lang: langOf(r)}}.Month(c.Month))
	http.Redirect(w, r, "/indicators/"+url.PathEscape(d.Key), http.StatusSeeOther)
}

// indicatorChangeRemove removes a marked change: the chart reads the
// months on either side as one process again. Audited.
func (s *Server) indicatorChangeRemove(w http.ResponseWriter, r *http.Request) {
	d, ok := s.indicatorDef(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	month := r.PostFormValue("month")
	if err := s.Indicators.RemoveIndicatorChange(r.Context(), d.Key, month); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "indicators.change_remove", "indicator:"+d.Key, month)
	s.flash(r, "The change was removed: the chart reads the months either side as one process.")
	http.Redirect(w, r, "/indicators/"+url.PathEscape(d.Key), http.StatusSeeOther)
}
