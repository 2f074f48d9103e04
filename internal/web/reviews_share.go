package web

import (
	"net/http"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// ratingsChart is a review's ratings by theme as a stacked bar chart, each
// segment labelled with its rating in words and its count.
// The themes are named in Welsh on a Welsh page when all of them have Welsh,
// and otherwise all in English, marked as English.
func ratingsChart(lang string, fw *lightbulb.Framework, counts []lightbulb.ThemeCount) report.Chart {
	ch := report.Chart{ID: "ratings-chart", Kind: report.Stacked, Title: i18n.T(lang, "Ratings by theme"),
		Desc: i18n.T(lang, "Bar chart of ratings by theme. The same numbers are in the table below."), Axis: i18n.T(lang, "Theme")}
	names := make([]string, len(counts))
	for i, c := range counts {
		w := fw.ThemeIn(c.Theme, lang)
		if w.Lang != lang {
			ch.CategoryLang = lightbulb.LangEN
		}
		names[i] = w.S
	}
	if ch.CategoryLang != "" {
		for i, c := range counts {
			names[i] = c.Theme
		}
	}
	ch.Series = ratingSeries(lang, ratingPalette...)
	ch.Categories = names
	for _, c := range counts {
		for i, n := range []int{c.Green, c.Amber, c.Red, c.NA, c.Unrated} {
			ch.Series[i].Values = append(ch.Series[i].Values, float64(n))
		}
	}
	return ch
}

func (s *Server) reviewGrid(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	grid, err := s.Reviews.Rollup(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	fw, err := s.Reviews.CurrentFramework(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Services by theme", nil)
	themes := fw.Themes()
	p.Data = map[string]any{"Head": gridHeadHTML(p, themes), "Rows": gridRowsHTML(p, gridTable(themes, grid), len(themes), true)}
	s.render(w, r, http.StatusOK, "reviews_grid", p)
}

// gridRow lines a subject's counts up with the current framework's themes,
// so a review on an older version still fills the right columns.
type gridRow struct {
	lightbulb.GridRow
	Cells []*gridCell
}

// gridCell is one theme of one subject: its light and counts now, how it
// moved since the round before, and its lights in earlier rounds.
type gridCell struct {
	*lightbulb.ThemeCount
	Light   lightbulb.Rating
	Trend   string // "" for a subject reviewed once
	Earlier []gridLight
}

// gridLight is a theme's light in an earlier round.
type gridLight struct {
	PeriodEnd time.Time
	Light     lightbulb.Rating
}

func gridTable(themes []lightbulb.Theme, grid []lightbulb.GridRow) []gridRow {
	out := make([]gridRow, 0, len(grid))
	for _, g := range grid {
		row := gridRow{GridRow: g, Cells: make([]*gridCell, 0, len(themes))}
		for _, th := range themes {
			row.Cells = append(row.Cells, gridCellOf(g, th.Name))
		}
		out = append(out, row)
	}
	return out
}

func gridCellOf(g lightbulb.GridRow, theme string) *gridCell {
	for i := range g.Themes {
		if g.Themes[i].Theme != theme {
			continue
		}
		c := &gridCell{ThemeCount: &g.Themes[i], Light: g.Themes[i].Light()}
		for j, e := range g.Earlier {
			before, ok := e.Theme(theme)
			if !ok {
				continue
			}
			c.Earlier = append(c.Earlier, gridLight{PeriodEnd: e.PeriodEnd, Light: before.Light()})
			if j == len(g.Earlier)-1 {
				c.Trend = lightbulb.Trend(g.Themes[i], before)
			}
		}
		return c
	}
	return nil
}

// commissioners lists the organisations the roll-up may be shared with.
func (s *Server) commissioners(r *http.Request) ([]*lightbulb.Organisation, error) {
	all, err := s.Orgs.FindOrgs(r.Context())
	if err != nil {
		return nil, err
	}
	var out []*lightbulb.Organisation
	for _, o := range all {
		if o.Kind == lightbulb.KindCommissioner {
			out = append(out, o)
		}
	}
	return out, nil
}

func (s *Server) sharingPage(w http.ResponseWriter, r *http.Request, ferr error) {
	shares, err := s.Reviews.FindShares(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	cs, err := s.commissioners(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Share the roll-up with a commissioner", map[string]any{"Shares": shares, "Commissioners": cs})
	if ferr != nil {
		p.Form = r.PostForm
		s.formError(w, r, "reviews_sharing", p, ferr)
		return
	}
	s.render(w, r, http.StatusOK, "reviews_sharing", p)
}

func (s *Server) reviewSharing(w http.ResponseWriter, r *http.Request) { s.sharingPage(w, r, nil) }

func (s *Server) reviewShare(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := strconv.ParseInt(r.PostFormValue("commissioner"), 10, 64)
	sh, err := s.Reviews.ShareRollup(r.Context(), id)
	if err != nil {
		s.sharingPage(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.share", sh.CommissionerOrg, "roll-up shared")
	s.flash(r, "The roll-up is now shared with %s.", sh.CommissionerOrg)
	http.Redirect(w, r, "/reviews/sharing", http.StatusSeeOther)
}

func (s *Server) reviewRevoke(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := strconv.ParseInt(r.PostFormValue("share"), 10, 64)
	sh, err := s.Reviews.RevokeShare(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.share_revoke", sh.CommissionerOrg, "roll-up no longer shared")
	s.flash(r, "%s can no longer see the roll-up.", sh.CommissionerOrg)
	http.Redirect(w, r, "/reviews/sharing", http.StatusSeeOther)
}

// sharedIndex lists the organisations that share their roll-up with the
// commissioner's organisation.
func (s *Server) sharedIndex(w http.ResponseWriter, r *http.Request) {
	orgs, err := s.Reviews.SharedWithMe(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "shared_reviews", s.newPage(r, "Reviews shared with you", orgs))
}

// sharedGrid shows another organisation's roll-up, read-only, while it is
// shared; anything else of that organisation stays out of reach.
func (s *Server) sharedGrid(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("org"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	owner, grid, err := s.Reviews.SharedRollup(ctx, id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	fw, err := s.Reviews.CurrentFramework(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(ctx, "review.shared_view", owner.Name, "roll-up viewed")
	p := s.newPage(r, "", nil)
	themes := fw.Themes()
	p.Data = map[string]any{"Head": gridHeadHTML(p, themes), "Rows": gridRowsHTML(p, gridTable(themes, grid), len(themes), false), "Owner": owner}
	p.Title = p.T("Reviews shared by %s", owner.Name)
	s.render(w, r, http.StatusOK, "reviews_grid", p)
}

// ratingPalette is how every chart of ratings colours them, best first.
var ratingPalette = []struct{ code, fill, ink string }{{"green", "#00703c", "#ffffff"}, {"amber", "#ffdd00", "#0b0c0c"},
	{"red", "#aa2a16", "#ffffff"}, {"na", "#d8dadc", "#0b0c0c"}, {"unrated", "#ffffff", "#0b0c0c"}}

// ratingSeries is an empty series for each rating, named in lang.
func ratingSeries(lang string, ratings ...struct{ code, fill, ink string }) []report.Series {
	out := make([]report.Series, len(ratings))
	for i, r := range ratings {
		out[i] = report.Series{Name: label(lang, "review", r.code), Fill: r.fill, Ink: r.ink}
	}
	return out
}
